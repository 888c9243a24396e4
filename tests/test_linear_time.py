"""Hostile inputs parse in about the time of a real transcript of the same size.

Each budget is relative: the best of a few runs on the pathological bytes may take at most
``FACTOR`` times the best of a few runs on the seed transcript repeated to the same byte size
(plus a small floor for timer noise on tiny inputs). A regex with catastrophic backtracking, or a
loop that rescans what it has seen, blows through that by orders of magnitude, on any machine.
The whole pipeline up to the Q&A grouping runs, so every reader's ``detect`` is exercised too.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from site_builder import readers
from site_builder.exchanges import group as qa
from site_builder.load import repair, sources
from site_builder.model import ParsedTranscript, SourceText

from .corpus_check import CORPUS, lost_words

# Catastrophic backtracking or a quadratic loop costs 100x and more on these inputs; 20x leaves
# room for a loaded CI machine without letting such a regression through. (The seed, a file of
# long paragraphs, reads at about 0.06 s/MB; 100,000 one-line turns or headings in the same bytes
# do per-line work it does not, and take 10-15x as long, linearly.)
FACTOR = 20.0
FLOOR_SECONDS = 0.05
SEED = CORPUS / "seed" / "000_b1b0479d018b9915.txt"


def read_bytes(data: bytes) -> SourceText:
    """What ``sources.read_source`` does after reading the file."""
    text, encoding, warnings = sources.decode(data)
    text, repairs = repair.repair_text(text)
    return SourceText("hostile.txt", text, encoding, tuple(warnings) + tuple(repairs))


def parse_bytes(data: bytes) -> ParsedTranscript:
    return qa.group_exchanges(readers.read(read_bytes(data)))


def best_time(action: Callable[[], object], runs: int = 2) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def normal_input(size: int) -> bytes:
    """The seed transcript repeated to ``size`` bytes, cut at a line end."""
    seed = Path(SEED).read_bytes()
    data = (seed + b"\n") * (size // len(seed) + 1)
    return data[: data.rfind(b"\n", 0, size)]


@cache
def normal_seconds(size: int) -> float:
    data = normal_input(size)
    return best_time(lambda: parse_bytes(data))


def _parse_in_child(data: bytes) -> None:
    parse_bytes(data)


def run_with_deadline(data: bytes, seconds: float) -> float | None:
    """Seconds ``parse_bytes(data)`` took in a child process, or None if it passed ``seconds``
    (the child is then stopped: a catastrophic regex would otherwise hang the test run)."""
    child = multiprocessing.get_context("fork").Process(target=_parse_in_child, args=(data,))
    started = time.perf_counter()
    child.start()
    child.join(seconds)
    spent = time.perf_counter() - started
    if child.is_alive():
        child.kill()
        child.join()
        return None
    assert child.exitcode == 0, "the parser raised (see the child's traceback above)"
    return spent


def assert_within_budget(data: bytes) -> None:
    normal = normal_seconds(len(data))
    budget = FACTOR * normal + FLOOR_SECONDS
    # Three tries before failing: one slow run can be the machine, three are the parser.
    spent = next((s for _ in range(3) if (s := run_with_deadline(data, budget)) is not None), None)
    assert spent is not None, (
        f"{len(data):,} hostile bytes took over {budget:.2f} s; a real transcript of that size "
        f"takes {normal:.2f} s"
    )


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


@pytest.mark.parametrize("data", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_input_parses_in_linear_time(data: bytes) -> None:
    assert_within_budget(data)
    source = read_bytes(data)
    assert lost_words(source.text, qa.group_exchanges(readers.read(source))) == []


def test_time_grows_linearly_with_a_long_line() -> None:
    """Ten times the bytes on one line takes about ten times as long, not a hundred."""
    line = "Iâm here â and [crosstalk] <v x> **A:** Mr. Name - Firm "

    def parse(copies: int) -> Callable[[], object]:
        data = (line * copies).encode()
        return lambda: parse_bytes(data)

    small, big = best_time(parse(2_000)), best_time(parse(20_000))
    assert big <= 10 * 3 * small + FLOOR_SECONDS, f"x10 input took {big / small:.0f}x as long"


def test_time_grows_linearly_with_a_long_participant_list() -> None:
    """Each listed name is checked against the names listed before it, in constant time."""

    def parse(count: int) -> Callable[[], object]:
        entries = "\n".join(f"Ann Lee{i} - Firm" for i in range(count))
        data = f"Acme (NYSE:ACM) Q1 2020 Earnings Call\nExecutives\n{entries}\nOperator\nHi.\n"
        return lambda: parse_bytes(data.encode())

    small, big = best_time(parse(1_000)), best_time(parse(20_000))
    assert big <= 20 * 3 * small + FLOOR_SECONDS, f"x20 list took {big / small:.0f}x as long"


def test_time_grows_linearly_with_many_analysts_introduced() -> None:
    """Finding whom the operator introduces looks up the words said, not every analyst listed."""

    def parse(count: int) -> Callable[[], object]:
        listed = "\n".join(f"Bo Lee{i} - Firm{i}" for i in range(count))
        calls = "\n".join(
            f"Operator\nOur next question comes from Bo Lee{i} from Firm{i}.\n"
            f"Bo Lee{i} - Firm{i}\nWhy?\nAnn Lee\nBecause."
            for i in range(count)
        )
        data = (
            "Acme (NYSE:ACM) Q1 2020 Earnings Call\nExecutives\nAnn Lee - CEO\nAnalysts\n"
            f"{listed}\nOperator\nHi.\nQuestion-and-Answer Session\n{calls}"
        )
        return lambda: parse_bytes(data.encode())

    small, big = best_time(parse(500)), best_time(parse(5_000))
    assert big <= 10 * 3 * small + FLOOR_SECONDS, f"x10 analysts took {big / small:.0f}x as long"
