"""The `Name: text` family: each corpus variant's oddity, and strict label detection."""

from __future__ import annotations

from pathlib import Path

from site_builder import readers
from site_builder.load import sources
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers.name_colon import reader as name_colon

from .corpus_check import CORPUS, parse_file


def _parse(text: str, path: str = "talk.md") -> ParsedTranscript:
    return name_colon.parse(SourceText(path, text, "utf-8"))


def _one(family: str, stem: str = "") -> ParsedTranscript:
    """The one corpus file of ``family`` (whose name starts with ``stem``, where it has several)."""
    (path,) = [
        p
        for p in (CORPUS / family).iterdir()
        if not p.name.endswith(".json") and p.name.startswith(stem)
    ]
    return parse_file(path)


def _names(parsed: ParsedTranscript) -> list[str]:
    return [parsed.participant(t.speaker).name if t.speaker else "" for t in parsed.turns]


def test_api_export_one_turn_per_line_with_inferred_qa() -> None:
    parsed = _one("name_colon_api", "fmp_tesla")
    assert parsed.format == "name-colon"
    assert (parsed.title, parsed.event.date, parsed.event.ticker) == (
        "TSLA Q2 2025 Earnings Call Transcript",
        "2025-07-23",
        "TSLA",
    )
    assert _names(parsed)[:4] == ["", "Travis Axelrod", "Elon R. Musk", "Vaibhav Taneja"]
    analysts = {p.name: p.organization for p in parsed.participants if p.group == "analyst"}
    assert analysts["Dan Meir Levy"] == "Barclays"
    assert analysts["Mark Trevor Delaney"] == "Goldman Sachs"
    assert "Elon R. Musk" not in analysts
    qa = [s for s in parsed.sections if s.kind == "qa"]
    # "So now we're going to move on to say.com questions. The first question is, ...": nine
    # shareholder questions read out by IR, each asked by the reader, then five analysts.
    assert len(qa) == 1 and qa[0].line == 15
    askers = [e.asker for e in parsed.exchanges]
    assert askers[:9] == ["travis-axelrod"] * 9
    assert askers[9:] == [
        "emmanuel-rosner",
        "adam-michael-jonas",
        "dan-meir-levy",
        "mark-trevor-delaney",
        "william-stein",
    ]
    # The header block is kept, as boilerplate, not lost.
    assert parsed.turns[0].paragraphs[0] == "**Date:** 2025-07-23"


def test_bold_markdown_continuations_breaks_and_inline_timestamps() -> None:
    parsed = _one("podcast_markdown_bold")
    speakers = {p.name for p in parsed.participants}
    assert speakers == {"Carmen Andoh", "Jon Calhoun", "Rob Pike", "Robert Griesemer"}
    rob = next(t for t in parsed.turns if t.paragraphs[0].startswith("Robert, I guess it was"))
    assert len(rob.paragraphs) == 2 and rob.paragraphs[1].startswith("We talked for a few minutes")
    assert parsed.turns[6].paragraphs[0].startswith("[laughs] Right.")  # escapes undone
    timed = next(t for t in parsed.turns if t.line == 35)
    assert (timed.timestamp, timed.paragraphs[0]) == ("00:04:22", "45 minutes.")
    breaks = [t for t in parsed.turns if t.label == "Break"]
    assert [(b.speaker, b.timestamp, b.line) for b in breaks] == [
        ("", "00:24:27", 163),
        ("", "00:46:17", 263),
    ]


def test_paren_timestamps_and_front_matter_as_metadata() -> None:
    parsed = _one("podcast_timestamped")
    assert parsed.title.startswith("How to build a high-performing growth team")
    assert parsed.event.date == "2022-10-13"
    assert [p.name for p in parsed.participants] == ["Adam Fishman", "Lenny"]
    first = parsed.turns[1]
    assert (first.speaker, first.timestamp, first.line) == ("adam-fishman", "00:00:00", 39)
    assert parsed.turns[2].timestamp == "00:00:55"
    front = parsed.turns[0]
    assert front.speaker == "" and "guest: Adam Fishman" in front.paragraphs
    assert {s.kind for s in parsed.sections if s.id == "front-matter"} == {"boilerplate"}


def test_talk_prose_goes_to_the_listed_speaker_and_q_dash_asks() -> None:
    parsed = _one("talk_with_qa")
    groups = {p.name: p.group for p in parsed.participants}
    assert groups == {"Kalle Alm": "other", "Questioner": "analyst"}
    qa_turns = [t for t in parsed.turns if parsed.sections[-1].id == t.section]
    assert [t.label for t in qa_turns[:4]] == ["Q", "A", "Q", "A"]
    assert len(qa_turns) == 14
    assert qa_turns[0].paragraphs[0].startswith("How easy is it to use Signet")
    # The link list before the first heading is not speech.
    assert parsed.turns[1].speaker == "" and parsed.turns[1].paragraphs[0].startswith("Slides:")


def test_diarised_speaker_labels_and_a_glued_variant() -> None:
    parsed = _one("diarized_generic_speakers")
    four = parsed.participant("speaker-4")
    assert four.aliases == ("Speaker4",)
    assert len([p for p in parsed.participants if p.name.startswith("Speaker ")]) == 11
    assert parsed.turns[1].paragraphs == (
        "Agenda: <https://github.com/lightning/bolts/issues/1098>",
    )
    assert parsed.turns[1].speaker == ""
    assert parsed.event.kind == "meeting"


def test_debate_said_file() -> None:
    parsed = _one("debate_name_colon")
    assert parsed.event.kind == "debate" and parsed.event.date == "1960-09-26"
    assert _names(parsed)[:4] == [
        "Howard K Smith",
        "John F Kennedy",
        "Howard K Smith",
        "Richard M Nixon",
    ]
    assert len(parsed.turns) == 74
    assert "Announcer offscreen" in {p.name for p in parsed.participants}


def test_prose_colons_do_not_become_speakers() -> None:
    text = (
        "Note: the figures below are unaudited.\n\nWe grew a lot this year.\n\n"
        "Yes: we did it.\n\nResult: more growth.\n\nThe plan: keep going.\n"
    )
    assert name_colon.detect(text) == 0.0
    assert readers.choose(text)[0].NAME == "fallback"
    parsed = _parse(
        "Alice Smith: Hello.\n\nBob Jones: Hi.\n\nNote: an aside.\n\nAlice Smith: Bye.\n\n"
        "Bob Jones: Bye.\n"
    )
    assert [p.name for p in parsed.participants] == ["Alice Smith", "Bob Jones"]
    assert parsed.turns[1].paragraphs == ("Hi.", "Note: an aside.")


def test_one_off_label_needs_a_densely_labelled_file() -> None:
    sparse = _parse(
        "Alice Smith: Hello.\n\nAlice Smith: More.\n\nSome prose here.\n\nMore prose.\n\n"
        "Prose again.\n\nJohn Doe: a one-off.\n"
    )
    assert [p.name for p in sparse.participants] == ["Alice Smith"]


def test_other_layouts_are_not_stolen() -> None:
    for family in (
        "seeking_alpha",
        "seed",
        "refinitiv_streetevents",
        "motley_fool_text",
        "motley_fool_json",
        "sentence_per_line",
    ):
        for path in sorted((CORPUS / family).iterdir()):
            if path.name.endswith(".json") and "expected" in path.name:
                continue
            text = sources.read_source(Path(path)).text
            assert name_colon.detect(text) < 0.3, path.name
