"""Fuzzed and damaged transcripts: every reader returns a transcript, and no word goes missing.

Inputs are random bytes and text, real corpus files cut off at a random byte, and corpus files
with lines deleted, duplicated or replaced by speaker-label look-alikes. Whatever comes in,
decoding and repair keep every line, detection never raises, each reader (chosen or forced)
returns a ``ParsedTranscript``, and the chosen reader keeps every word of the text it was given.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import pipeline, readers
from site_builder.exchanges import group as qa
from site_builder.load import repair, sources
from site_builder.model import ParsedTranscript, SourceText

from .corpus_check import corpus_files, lost_words, words

FILES = corpus_files()


@cache
def corpus_bytes(index: int) -> bytes:
    return Path(FILES[index]).read_bytes()


def read_bytes(data: bytes, name: str = "fuzzed.txt") -> SourceText:
    """``sources.read_source`` after the file read."""
    text, encoding, warnings = sources.decode(data)
    repaired, repairs = repair.repair_text(text)
    assert repaired.count("\n") == text.count("\n"), "repair changed the number of lines"
    return SourceText(name, repaired, encoding, tuple(warnings) + tuple(repairs))


def assert_nothing_lost(source: SourceText, layout: frozenset[str] = frozenset()) -> None:
    for reader in (*readers.READERS, readers.FALLBACK):
        assert 0.0 <= reader.detect(source.text) <= 1.0, reader.NAME
    parsed = pipeline.parse(source)
    assert isinstance(parsed, ParsedTranscript)
    # A speaker line whose speech was cut or deleted leaves a turn with no words, dropped with
    # its label; the label's counter (StreetEvents `[49]`, interleaved `[ 94]`) is layout.
    # Likewise the time of a `Name (00:01:02):` label followed at once by another label,
    # and a WebVTT cue whose text was deleted drops its identifier (the line above its timing).
    stamps = re.findall(r"\((\d{1,2}:\d{2}(?::\d{2})?)\):", source.text)
    cue_ids = re.findall(r"^(.*)\n[\d:.]+ --> ", source.text, flags=re.MULTILINE)
    layout = layout | set(re.findall(r"\[\s*(\d+)\]", source.text)) | set(words(" ".join(stamps)))
    layout |= set(words(" ".join(cue_ids)))
    assert [w for w in lost_words(source.text, parsed) if w not in layout] == [], parsed.format


_ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_decode_repair_and_read(data: bytes) -> None:
    text, _, _ = sources.decode(data)
    assert "\r" not in text
    assert_nothing_lost(read_bytes(data))


@settings(max_examples=80, deadline=None)
@given(_ANY_TEXT)
def test_repair_keeps_every_line(text: str) -> None:
    repaired, warnings = repair.repair_text(text)
    assert repaired.count("\n") == text.count("\n")
    assert all(w.kind in {"repair", "encoding"} for w in warnings)


# Characters transcripts are made of, so the generated text reaches the readers' labels.
_TRANSCRIPTISH = st.text(
    st.sampled_from(list("AQMNOSTaeinrst :-–—*#[]()<>.,0123456789\n\tâ€™Ã³\ufffd\x85\u2028")),
    max_size=500,
)


@settings(max_examples=60, deadline=None)
@given(st.one_of(_ANY_TEXT, _TRANSCRIPTISH), st.sampled_from(readers.reader_names()))
def test_every_reader_forced_on_any_text_returns_a_transcript(text: str, name: str) -> None:
    parsed = readers.read(SourceText("forced.txt", text, "utf-8"), forced=name)
    assert isinstance(parsed, ParsedTranscript)
    # A reader that cannot read the text at all hands it to the fallback, with a warning.
    assert parsed.format == name or (parsed.format == "fallback" and parsed.warnings)
    qa.group_exchanges(parsed)


MALFORMED_JSON = {
    "a number": "0",
    "a list": '["x"]',
    "an entry that is a number": '{"prepared_remarks": [1], "q_and_a": [{"speaker": "A"}]}',
    "a section that is text": '{"prepared_remarks": "abc", "q_and_a": [{"speaker": "A"}]}',
    "participants that are a number": '{"participants": 5, "q_and_a": [{"speaker": "A"}]}',
    "header that is a number": '{"header_texts": 3, "q_and_a": [{"speaker": "A"}]}',
    "speech that is a list": '{"q_and_a": [{"speaker": "A", "speech": ["x", "y"]}]}',
    "100,000 nested lists": "[" * 100_000 + "]" * 100_000,
    "a 5000-digit number": '{"q_and_a": [{"speaker": "A", "speech": ' + "9" * 5000 + "}]}",
}


@pytest.mark.parametrize("name", list(MALFORMED_JSON))
def test_malformed_json_transcript_is_read_not_a_crash(name: str) -> None:
    source = SourceText("call.txt", MALFORMED_JSON[name], "utf-8")
    for forced in (None, "motley-fool-json"):
        parsed = readers.read(source, forced=forced)
        assert isinstance(parsed, ParsedTranscript)
        assert parsed.warnings, "the JSON was not what the reader expects: say so"


@settings(max_examples=60, deadline=None)
@given(_TRANSCRIPTISH)
def test_transcript_shaped_noise_loses_nothing(text: str) -> None:
    assert_nothing_lost(SourceText("noise.txt", text, "utf-8"))


@settings(max_examples=50, deadline=None)
@given(st.integers(0, len(FILES) - 1), st.floats(0.0, 1.0))
def test_truncated_corpus_file_loses_nothing(index: int, fraction: float) -> None:
    data = corpus_bytes(index)
    source = read_bytes(data[: int(len(data) * fraction)], FILES[index].name)
    # A cut can leave half a speaker label (`Dev Ittycheria--President an`) as the last line:
    # a label with no speech makes no turn, so its words are layout here.
    last_line = source.text.rstrip().rpartition("\n")[2]
    assert_nothing_lost(source, frozenset(words(last_line)))


_INJECTED = st.sampled_from(
    [
        "A:",
        "Mr.",
        "Name -",
        "**X:**",
        "[",
        "Operator",
        "Operator:",
        "Q - ",
        "A - ",
        "Question-and-Answer Session",
        "Executives",
        "Analysts",
        "Presentation",
        "Questions and Answers",
        " * Jane Doe",
        "Jane Doe,  Acme Corp - CFO    [3]",
        "Jane Doe--Chief Financial Officer",
        "Jane Doe:Text",
        "**Jane Doe:** hi",
        "Jane Doe (00:01:02):",
        "WEBVTT",
        "00:00:01.000 --> 00:00:02.000",
        "<v Jane>hello",
        "---",
        "# Title",
        "## Q&A",
        "Prepared Remarks:",
        "Questions & Answers:",
        "Call participants:",
        "Full Conference Call Transcript",
        "Copyright 2024 LSEG.",
        "Duration: 0 minutes",
        '{"speaker": "x"',
        "━━ Section ━━",
        "[  1] [EN] Hello",
        "Mrs. NORTHUP. Mr. Speaker,",
        "[[Page H6191]]",
        "<pre>",
        "",
        "   ",
    ]
)
_EDIT = st.tuples(
    st.sampled_from(["delete", "duplicate", "inject", "replace"]), st.floats(0.0, 1.0), _INJECTED
)


def mutate(text: str, edits: list[tuple[str, float, str]]) -> str:
    lines = text.split("\n")
    for action, where, label in edits:
        i = min(int(where * len(lines)), len(lines) - 1)
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "inject":
            lines.insert(i, label)
        else:
            lines[i] = label
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(FILES) - 1), st.lists(_EDIT, min_size=1, max_size=8))
def test_mutated_corpus_file_loses_nothing(index: int, edits: list) -> None:
    source = read_bytes(corpus_bytes(index), FILES[index].name)
    damaged = SourceText(source.path, mutate(source.text, edits), source.encoding)
    assert_nothing_lost(damaged)
