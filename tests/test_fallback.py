"""The fallback reader: unknown layouts keep every paragraph, gain no speakers, and say so."""

from __future__ import annotations

from site_builder import readers
from site_builder.load import sources
from site_builder.model import SourceText
from site_builder.readers import fallback

from .corpus_check import CORPUS, lost_words, parse_file


def test_sentence_per_line_file_keeps_its_lines_and_invents_nobody() -> None:
    path = CORPUS / "sentence_per_line" / "ectsum_adm_2021q1_no_speakers.txt"
    parsed = parse_file(path)
    assert parsed.format == "fallback"
    assert [p.name for p in parsed.participants] == ["Unknown speaker"]
    (turn,) = parsed.turns
    lines = [ln for ln in sources.read_source(path).text.split("\n") if ln.strip()]
    assert list(turn.paragraphs) == lines  # one sentence a line: each line a paragraph
    # no layout, and no title in the text: it is named from the file (ADM Q1 2021 call)
    assert [w.kind for w in parsed.warnings] == ["layout", "title"]
    assert parsed.title == "ADM Q1 2021 call"
    assert "120 paragraphs" in parsed.warnings[0].message


def test_hard_wrapped_blocks_become_paragraphs() -> None:
    text = "A title line\n\nfirst paragraph wrapped\nacross two lines\n\n\nsecond one\n"
    parsed = fallback.parse(SourceText("notes.txt", text, "utf-8"))
    assert parsed.title == "A title line"
    assert parsed.turns[0].paragraphs == (
        "A title line",
        "first paragraph wrapped across two lines",
        "second one",
    )
    assert parsed.turns[0].line == 1


def test_hearings_and_record_go_through_without_loss() -> None:
    for family in ("gpo_hearing", "congressional_record"):
        (path,) = [p for p in (CORPUS / family).iterdir() if not p.name.endswith(".json")]
        parsed = parse_file(path)
        assert lost_words(sources.read_source(path).text, parsed) == []
        assert parsed.turns, family


def test_empty_and_blank_files() -> None:
    for text in ("", "\n\n  \n"):
        parsed = readers.read(SourceText("empty.txt", text, "utf-8"))
        assert parsed.turns == ()
        assert any(w.kind == "layout" for w in parsed.warnings)
