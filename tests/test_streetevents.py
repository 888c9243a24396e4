"""StreetEvents transcripts and Event Briefs: what a reader of the built page would notice."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import readers
from site_builder.load import sources
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers.streetevents import reader as streetevents

from .corpus_check import CORPUS, corpus_files, lost_words, parse_file

FAMILY = CORPUS / "refinitiv_streetevents"

# The reader each corpus family must be read with (detection, not forcing).
EXPECTED_READER = {
    "refinitiv_streetevents": "streetevents",
    "motley_fool_text": "motley-fool",
    "interleaved_bilingual": "motley-fool",
    "motley_fool_json": "motley-fool-json",
}
MY_READERS = set(EXPECTED_READER.values())


def _parse(name: str) -> ParsedTranscript:
    return parse_file(FAMILY / name)


def _groups(parsed: ParsedTranscript) -> dict[str, str]:
    return {p.name: p.group for p in parsed.participants}


def _speech(parsed: ParsedTranscript) -> list[tuple[str, str]]:
    kinds = {s.id: s.kind for s in parsed.sections}
    return [
        (t.speaker, kinds[t.section]) for t in parsed.turns if kinds[t.section] != "boilerplate"
    ]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_detection_picks_these_readers_only_for_their_families(path: Path) -> None:
    chosen = readers.choose(sources.read_source(path).text)[0].NAME
    family = path.relative_to(CORPUS).parts[0]
    if family in EXPECTED_READER:
        assert chosen == EXPECTED_READER[family]
    else:
        assert chosen not in MY_READERS


def test_apple_lists_participants_with_groups_and_the_misspelt_heading() -> None:
    parsed = _parse("se_apple_2010q1_refinitiv.txt")
    groups = _groups(parsed)
    assert groups["Tim Cook"] == "company"
    assert groups["Gene Munster"] == "analyst"  # listed under "Conference Call Participiants"
    assert groups["Operator"] == "operator"
    cook = next(p for p in parsed.participants if p.name == "Tim Cook")
    assert (cook.organization, cook.role) == ("Apple Inc.", "COO")
    assert parsed.title == "Q1 2010 Apple Inc. Earnings Conference Call"
    assert (parsed.event.company, parsed.event.quarter, parsed.event.year) == (
        "Apple Inc.",
        "Q1",
        2010,
    )
    assert (parsed.event.date, parsed.event.time, parsed.event.timezone) == (
        "2010-01-25",
        "10:00PM",
        "GMT",
    )


def test_apple_sections_and_first_speakers_in_order() -> None:
    parsed = _parse("se_apple_2010q1_refinitiv.txt")
    assert [s.kind for s in parsed.sections] == [
        "boilerplate",
        "prepared",
        "qa",
        "boilerplate",
        "boilerplate",
    ]
    assert [s.title for s in parsed.sections][1:] == [
        "Presentation",
        "Questions and Answers",
        "Definitions",
        "Disclaimer",
    ]
    assert _speech(parsed)[:6] == [
        ("operator", "prepared"),
        ("nancy-paxton", "prepared"),
        ("peter-oppenheimer", "prepared"),
        ("operator", "qa"),
        ("gene-munster", "qa"),
        ("tim-cook", "qa"),
    ]
    # The counter restarts at [1] in Q&A; the label keeps it as written.
    qa_first = next(t for t in parsed.turns if t.section == "questions-and-answers")
    assert qa_first.label == "Operator    [1]"


def test_definitions_disclaimer_and_copyright_are_nobodys_speech() -> None:
    parsed = _parse("se_apple_2010q1_refinitiv.txt")
    kinds = {s.id: s.kind for s in parsed.sections}
    for turn in parsed.turns:
        text = " ".join(turn.paragraphs)
        if "Preliminary Transcript" in text or "Copyright 2023 Refinitiv" in text:
            assert turn.speaker == "" and kinds[turn.section] == "boilerplate"
    last = parsed.turns[-1]
    assert last.speaker == "" and "Copyright 2023 Refinitiv" in last.paragraphs[-1]


def test_google_two_qa_sessions_each_restart_with_the_operator() -> None:
    parsed = _parse("se_google_2010q4_two_qa_headers.txt")
    qa = [s for s in parsed.sections if s.kind == "qa"]
    assert len(qa) == 2
    for section in qa:
        first = next(t for t in parsed.turns if t.section == section.id)
        assert first.speaker == "operator"
    schachter = next(t for t in parsed.turns if t.speaker == "ben-schachter")
    assert schachter.section == qa[0].id


def test_micron_unidentified_company_representative_with_empty_title() -> None:
    parsed = _parse("se_micron_2012q3.txt")
    rep = next(p for p in parsed.participants if p.name == "Unidentified Company Representative")
    assert (rep.group, rep.organization, rep.role) == ("company", "Micron Technology Inc", None)
    assert [t.speaker for t in parsed.turns][1:5] == [
        "operator",
        "kipp-bedard",
        "unidentified-company-representative",
        "kipp-bedard",
    ]


def test_nvidia_lower_case_sections_and_listed_operator() -> None:
    parsed = _parse("se_nvidia_2025q3_lseg_lowercase_sections.txt")
    assert [(s.title, s.kind) for s in parsed.sections[1:3]] == [
        ("presentation", "prepared"),
        ("q-and-a", "qa"),
    ]
    groups = _groups(parsed)
    assert groups["Operator"] == "operator"  # listed among the call participants, title empty
    assert groups["CJ Muse"] == "analyst"
    assert [p.name for p in parsed.participants].count("Operator") == 1
    assert parsed.event.timezone == "UTC"


def test_mojibake_is_repaired_before_parsing() -> None:
    parsed = _parse("se_microsoft_2022q1_mojibake.txt")
    text = " ".join(p for t in parsed.turns for p in t.paragraphs)
    assert "Telefónica" in text and "TelefÃ³nica" not in text


LIST = """\
 * Jane Roe
   Example Corp - CFO
 * Bob Analyst
   Big Bank - Analyst
"""

REPEATED_LIST_TAIL = (
    "\n\nThomson Reuters StreetEvents Event Transcript\n\nQ2 2012 Example Corp Earnings Call\n"
    "JULY 24, 2012 / 9:00PM GMT\n\nCorporate Participants\n\n"
    + LIST.split(" * Bob")[0]
    + "\nConference Call Participants\n\n * Bob Analyst\n   Big Bank - Analyst\n\n"
    "Presentation\nOperator    [1]\nWelcome.\nJane Roe,  Example Corp - CFO    [2]\nHello.\n\n"
    "Questions and Answers\nOperator    [1]\nFirst question.\n"
    "Bob Analyst,  Big Bank - Analyst    [2]\nWhy?\nUnidentified Participant,   -     [3]\n"
    "Me too.\n\nDisclaimer\nNo warranty.\nCopyright 2012 Thomson Reuters. All Rights Reserved."
    " * Bob Analyst\n   Big Bank - Analyst\n * Jane Roe\n   Example Corp - CFO"
)


def test_participant_list_repeated_after_the_copyright_adds_nobody() -> None:
    parsed = streetevents.parse(SourceText("x.txt", REPEATED_LIST_TAIL, "utf-8"))
    assert [p.name for p in parsed.participants] == [
        "Jane Roe",
        "Bob Analyst",
        "Operator",
        "Unidentified Participant",
    ]
    assert parsed.turns[-1].paragraphs == ("Copyright 2012 Thomson Reuters. All Rights Reserved.",)
    unidentified = next(p for p in parsed.participants if p.name == "Unidentified Participant")
    assert (unidentified.organization, unidentified.role) == (None, None)
    assert lost_words(REPEATED_LIST_TAIL, parsed) == []


BRIEF = """\
Thomson StreetEvents Event Brief
Q2 2008 Example Corp Earnings Conference Call
JULY 24, 2008 / 9:00PM GMT

Overview
Example Corp reported 2Q08 revenue of $1.2b.
Guidance raised for the year.

Corporate Participants

 * Jane Roe
   Example Corp - CFO

Presentation
<Sync Time="0.0"/>
Operator    [1]
Welcome to the call.
<Sync Time="75.5"/>
Jane Roe,  Example Corp - CFO    [2]
Revenue grew.
<Sync Time="3725"/>Costs fell.
"""


def test_event_brief_summary_is_marked_and_sync_tags_become_timestamps() -> None:
    parsed = streetevents.parse(SourceText("brief.txt", BRIEF, "utf-8"))
    kinds = {s.title: s.kind for s in parsed.sections}
    assert kinds["Overview"] == "summary" and kinds["Presentation"] == "prepared"
    summary = next(t for t in parsed.turns if t.section == "overview")
    assert summary.speaker == ""
    assert summary.paragraphs == (
        "Example Corp reported 2Q08 revenue of $1.2b. Guidance raised for the year.",
    )
    spoken = [(t.speaker, t.timestamp) for t in parsed.turns if t.speaker]
    assert spoken == [("operator", "00:00:00"), ("jane-roe", "00:01:15")]
    jane = next(t for t in parsed.turns if t.speaker == "jane-roe")
    assert jane.paragraphs == ("Revenue grew.", "Costs fell.")
    assert not any("Sync" in p for t in parsed.turns for p in t.paragraphs)


def test_detection_is_confident_without_the_brand_line() -> None:
    body = REPEATED_LIST_TAIL.replace("Thomson Reuters StreetEvents Event Transcript", "")
    assert streetevents.detect(body) >= readers.MIN_SCORE


def test_clock_sync_tags_give_the_real_time_and_no_tag_text() -> None:
    # Event Briefs from 2019 on write ``<Sync id="L180"time="00:30:52"/>``: a clock, no space.
    parsed = _parse("se_apple_2019q3_event_brief.txt")
    qa = next(s.id for s in parsed.sections if s.kind == "qa")
    first = [t for t in parsed.turns if t.section == qa][:3]
    assert [t.timestamp for t in first] == ["00:30:52", "00:30:59", "00:31:20"]
    text = " ".join(p for t in parsed.turns for p in t.paragraphs)
    assert "Sync" not in text and "L180" not in text and "time=" not in text


@pytest.mark.parametrize("clock", ["01:02:05", "3725"])
def test_clock_and_seconds_sync_tags_read_alike(clock: str) -> None:
    brief = BRIEF.replace('<Sync Time="3725"/>', '<Sync id="L9"time="01:10:00"/>').replace(
        '<Sync Time="75.5"/>', f'<Sync id="L8"time="{clock}"/>'
    )
    parsed = streetevents.parse(SourceText("brief.txt", brief, "utf-8"))
    jane = next(t for t in parsed.turns if t.speaker == "jane-roe")
    assert jane.timestamp == "01:02:05"
    assert jane.paragraphs == ("Revenue grew.", "Costs fell.")
    assert lost_words(brief, parsed) == []


def test_a_label_with_no_text_is_reported_and_loses_nothing() -> None:
    path = FAMILY / "se_asml_2013q1_technical_difficulty_x59.txt"
    parsed = parse_file(path)
    assert [(w.line, w.kind) for w in parsed.warnings if "no text" in w.message] == [
        (593, "speaker")
    ]
    assert lost_words(sources.read_source(path).text, parsed) == []


def test_unidentified_audience_member_label_is_a_speaker_not_text() -> None:
    parsed = _parse("se_asml_2016q4_unidentified_audience_member_as_operator.txt")
    by_line = {t.line: t for t in parsed.turns}
    assert by_line[121].paragraphs == ("Kai Korschelt.",)
    assert by_line[121].speaker == by_line[96].speaker == "unidentified-audience-member"
    answer = next(t for t in parsed.turns if t.line == 116)
    assert not any("Korschelt" in p or "Audience" in p for p in answer.paragraphs)
    askers = [e.asker for e in parsed.exchanges]
    assert askers[:3] == ["weston-twigg", "kai-korschelt", "sandeep-deshpande"]
    assert len(askers) == 13


def test_comma_less_unidentified_labels_in_generated_text() -> None:
    text = BRIEF.replace("Operator    [1]", "Unidentified Participant    [1]")
    parsed = streetevents.parse(SourceText("x.txt", text, "utf-8"))
    spoken = [(t.speaker, t.paragraphs) for t in parsed.turns if t.speaker]
    assert spoken[0] == ("unidentified-participant", ("Welcome to the call.",))
    assert lost_words(text, parsed) == []


def test_a_speaker_line_above_the_header_keeps_its_words_not_its_counter() -> None:
    """Found by the mutation test: a stray ``Name, Firm - Role    [3]`` line before the header is
    kept as text, and its turn counter, layout markup like every other, is not."""
    path = CORPUS / "refinitiv_streetevents" / "se_amazon_2009q4_thomson_reuters_short.txt"
    source = sources.read_source(path)
    text = "Jane Doe,  Acme Corp - CFO    [3]\n" + source.text
    parsed = streetevents.parse(SourceText(source.path, text, source.encoding))
    assert " ".join(parsed.turns[0].paragraphs[0].split()) == "Jane Doe, Acme Corp - CFO"
    assert lost_words(text, parsed) == []


def test_a_listed_analyst_without_a_firm_line_takes_it_from_the_speaker_line() -> None:
    """Found by the mutation test: with Joseph Moore's firm line gone from the participant
    list, his speaker line's firm was neither kept as his firm nor anywhere on the page."""
    path = CORPUS / "refinitiv_streetevents" / "se_nvidia_2025q3_lseg_lowercase_sections.txt"
    source = sources.read_source(path)
    text = source.text.replace("   Morgan Stanley & Co. LLC - Analyst\n", "", 1)
    assert text != source.text
    parsed = streetevents.parse(SourceText(source.path, text, source.encoding))
    moore = next(p for p in parsed.participants if p.name == "Joseph Moore")
    assert moore.organization == "Morgan Stanley & Co. LLC"
    assert moore.role == "Analyst"
    assert lost_words(text, parsed) == []


def test_a_name_listed_twice_takes_its_firm_line_from_either_entry() -> None:
    """Found by the mutation test: ``* Timothy D. Cook`` listed twice, the firm line under the
    second entry only, lost "CEO" from the page when the Q&A heading was missing too."""
    path = CORPUS / "refinitiv_streetevents" / "se_apple_2019q3_event_brief.txt"
    source = sources.read_source(path)
    entry = " * Timothy D. Cook\n"
    text = source.text.replace(entry, entry + entry, 1).replace("\nQUESTIONS AND ANSWERS\n", "\n")
    assert len(text) == len(source.text) + len(entry) - len("QUESTIONS AND ANSWERS\n")
    parsed = streetevents.parse(SourceText(source.path, text, source.encoding))
    cook = next(p for p in parsed.participants if p.name == "Timothy D. Cook")
    assert (cook.organization, cook.role) == ("Apple Inc.", "CEO & Director")
    assert lost_words(text, parsed) == []
