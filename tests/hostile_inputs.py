"""Inputs built to make a parser slow: one huge line, 100,000 near-labels, runs of damaged
characters. The tests parse each and check no word is lost (test_hostile_parse.py); how long
each takes beside a real transcript of the same size is a benchmark (bench/pathological.py),
because a time limit in a test fails on a busy machine.
"""

from __future__ import annotations


def _lines(*samples: str, count: int) -> bytes:
    return "\n".join(samples[i % len(samples)] for i in range(count)).encode()


PATHOLOGICAL: dict[str, bytes] = {
    "5 MB on one line": b"word " * 1_000_000,
    "5 MB on one line, no spaces": b"x" * 5_000_000,
    "5 MB on one line, label-shaped": b"Ann Lee - Firm: " * 312_500,
    "100,000 empty lines": b"\n" * 100_000,
    "100,000 'A:' lines": _lines("A:", count=100_000),
    "100,000 'Mr.' lines": _lines("Mr.", count=100_000),
    "100,000 'Name -' lines": _lines("Name -", count=100_000),
    "100,000 '**X:**' lines": _lines("**X:**", count=100_000),
    "100,000 '[' lines": _lines("[", count=100_000),
    "100,000 near-labels of every layout": _lines(
        "A:",
        "Mr.",
        "Name -",
        "**X:**",
        "[",
        "Ann Lee:",
        " * Ann",
        "Operator,  [1]",
        "Q - why",
        "# Q&A",
        "Name--Title",
        "<v Ann>",
        "00:00.000 --> 00:01.000",
        "━━ x ━━",
        count=100_000,
    ),
    "1 MB run of bare 'â'": "â".encode() * 500_000,
    "1 MB of words ending in 'â'": "xâ ".encode() * 250_000,
    "100,000 lines of lossy apostrophes": _lines("Iâm â ok", count=100_000),
    "1 MB of '['": b"[" * 1_000_000,
    "1 MB of '[[Page' markers": b"[[Page H1]] " * 80_000,
    "1 MB of nested brackets": b"[" * 500_000 + b"]" * 500_000,
    "heading full of spaces": b"# a" + b" " * 1_000_000 + b"b",
    "heading full of hashes": b"# a" + b"#" * 1_000_000 + b"b",
    "captions full of '<v '": b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + b"<v " * 300_000,
    "captions full of '<b '": b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + b"<b " * 300_000,
    "captions with a dotted class tag": b"WEBVTT\n\n00:00.000 --> 00:01.000\n<c"
    + b".a" * 50
    + b"!",
    "100,000 headings of one title": _lines("## Q&A", "Ann Lee: hi", count=100_000),
}
