"""Motley Fool pages (classic, 2025+, interleaved bilingual) and the JSON export."""

from __future__ import annotations

import json

from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers import motley_fool_json
from site_builder.readers.motley_fool import reader as motley_fool

from .corpus_check import CORPUS, lost_words, parse_file


def _parse(relative: str) -> ParsedTranscript:
    return parse_file(CORPUS / relative)


def _kinds(parsed: ParsedTranscript) -> dict[str, str]:
    return {s.id: s.kind for s in parsed.sections}


def _spoken(parsed: ParsedTranscript) -> list[str]:
    kinds = _kinds(parsed)
    return [t.speaker for t in parsed.turns if kinds[t.section] != "boilerplate"]


def _text_of(parsed: ParsedTranscript, kind: str) -> str:
    kinds = _kinds(parsed)
    return " ".join(p for t in parsed.turns if kinds[t.section] == kind for p in t.paragraphs)


def test_classic_page_labels_headings_and_participants() -> None:
    parsed = _parse("motley_fool_text/mf_mongodb_2025q1_classic_layout.txt")
    assert parsed.title == "MongoDB Q1 2025 Earnings Call"  # the ticker is shown beside it
    assert (parsed.event.ticker, parsed.event.date) == ("MDB", "2024-05-30")
    singh = next(p for p in parsed.participants if p.name == "Sanjit Singh")
    assert (singh.group, singh.organization, singh.role) == ("analyst", "Morgan Stanley", "Analyst")
    gordon = next(p for p in parsed.participants if p.name == "Michael Gordon")
    assert (gordon.group, gordon.organization) == ("company", "MongoDB")
    assert [s.kind for s in parsed.sections] == [
        "boilerplate",
        "boilerplate",
        "prepared",
        "qa",
        "boilerplate",
    ]
    assert _spoken(parsed)[:7] == [
        "operator",
        "brian-denyeau",
        "dev-ittycheria",
        "michael-gordon",
        "operator",
        "sanjit-singh",
        "dev-ittycheria",
    ]


def test_scraper_header_and_site_text_are_never_speech() -> None:
    parsed = _parse("motley_fool_text/mf_mongodb_2025q1_classic_layout.txt")
    boilerplate = _text_of(parsed, "boilerplate")
    speech = " ".join(
        p for t in parsed.turns if _kinds(parsed)[t.section] != "boilerplate" for p in t.paragraphs
    )
    for site_text in (
        "Scraped: 2026-05-30",
        "More MDB analysis",
        "Duration: 0 minutes",
        "The Motley Fool has positions in and recommends MongoDB",
    ):
        assert site_text in boilerplate and site_text not in speech
    assert "[Operator signoff]" in speech


def test_2025_page_squashed_colon_and_inferred_qa_start() -> None:
    parsed = _parse("motley_fool_text/mf_microsoft_2025q4_new_layout_squashed_colon.txt")
    nadella = next(p for p in parsed.participants if p.name == "Satya Nadella")
    assert (nadella.group, nadella.role) == ("company", "Chairman and Chief Executive Officer")
    assert next(p for p in parsed.participants if p.name == "Keith Weiss").group == "analyst"
    sections = [s for s in parsed.sections if s.kind != "boilerplate"]
    assert [s.kind for s in sections] == ["prepared", "qa"]
    qa_turns = [t for t in parsed.turns if t.section == sections[1].id]
    assert [t.speaker for t in qa_turns[:3]] == ["operator", "keith-weiss", "satya-nadella"]
    first = next(t for t in parsed.turns if t.speaker == "satya-nadella")
    assert first.label == "Satya Nadella:" and first.paragraphs[0].startswith(
        "Thank you, Jonathan."
    )
    boilerplate = _text_of(parsed, "boilerplate")
    assert "Total revenue-- $76.4 billion" in boilerplate  # metric block
    assert "Ex-TAC: Revenue measured excluding" in boilerplate  # glossary


def test_2025_page_upper_case_list_and_call_starting_mid_way() -> None:
    parsed = _parse("motley_fool_text/mf_tal_2025q4_new_layout.txt")
    assert [(p.name, p.group) for p in parsed.participants[:2]] == [
        ("Alex Peng", "company"),
        ("Jackson Ding", "company"),
    ]
    assert _spoken(parsed)[:5] == [
        "alex-peng",
        "jackson-ding",
        "alex-peng",
        "operator",
        "eddie-wang",
    ]
    operator = next(t for t in parsed.turns if t.speaker == "operator")
    assert operator.paragraphs[0].startswith("Thank you.[Operator Instructions]We will")
    assert parsed.event.date == "2025-04-24"  # the page's date, not the URL's


def test_interleaved_file_keeps_both_languages_with_the_english_speakers() -> None:
    parsed = _parse("interleaved_bilingual/mf_mongodb_2025q1_en_zh_interleaved.txt")
    assert _spoken(parsed)[:5] == [
        "operator",
        "brian-denyeau",
        "dev-ittycheria",
        "michael-gordon",
        "operator",
    ]
    first = next(t for t in parsed.turns if t.speaker == "operator")
    assert first.paragraphs[0].startswith("[7] Good day, and thank you")
    assert first.paragraphs[1].startswith("大家好，感谢您的耐心等待")
    gordon = next(p for p in parsed.participants if p.name == "Michael Gordon")
    assert any("首席运营官" in alias for alias in gordon.aliases)
    qa = next(s for s in parsed.sections if s.kind == "qa")
    assert qa.title == "Questions & Answers: / 问题与解答："


def test_json_export_saved_as_txt() -> None:
    parsed = _parse("motley_fool_json/mfjson_adm_2021q1.txt")
    assert parsed.format == "motley-fool-json"
    young = next(p for p in parsed.participants if p.name == "Ray Guy Young")
    assert (young.group, young.role) == (
        "company",
        "Executive Vice President, Chief Financial Officer",
    )
    zaslow = next(p for p in parsed.participants if p.name == "Ken Zaslow")
    assert (zaslow.group, zaslow.organization) == ("analyst", "Bank of Montreal")
    assert _spoken(parsed)[:7] == [
        "operator",
        "victoria-de-la-huerga",
        "juan-ricardo-luciano",
        "ray-guy-young",
        "juan-ricardo-luciano",
        "operator",
        "ken-zaslow",
    ]
    huerga = next(t for t in parsed.turns if t.speaker == "victoria-de-la-huerga")
    assert len(huerga.paragraphs) == 3  # "\n" in the speech string separates paragraphs
    assert huerga.line == 14  # the line of its "speaker" key in the file
    assert "Duration: 72 minutes" in _text_of(parsed, "boilerplate")


def test_json_line_numbers_follow_the_file() -> None:
    data = {
        "prepared_remarks": [{"speaker": "Operator", "speech": "Welcome."}],
        "q_and_a": [
            {"speaker": "Operator", "speech": "First question."},
            {"speaker": "Pat Doe", "speech": "Why?\nAnd how?"},
        ],
        "participants": ["Pat Doe--Bank -- Analyst"],
    }
    text = json.dumps(data, indent=2)
    parsed = motley_fool_json.parse(SourceText("x.json", text, "utf-8"))
    lines = text.split("\n")
    for turn in parsed.turns:
        assert '"speaker"' in lines[turn.line - 1]
    assert parsed.turns[-1].paragraphs == ("Why?", "And how?")
    assert lost_words(text, parsed) == []


def test_invalid_json_falls_back_with_a_warning() -> None:
    text = '{"prepared_remarks": [{"speaker": "Operator", "speech": "Hi"}'
    assert motley_fool_json.detect(text) > 0.3
    parsed = motley_fool_json.parse(SourceText("x.json", text, "utf-8"))
    assert parsed.format == "fallback"
    assert any("not valid JSON" in w.message for w in parsed.warnings)


def test_classic_page_without_scraper_header() -> None:
    text = (
        "Prepared Remarks:\n\nOperator\n\nWelcome.\n\nAnn Lee--Chief Executive Officer\n\n"
        "Thanks -- all of you.\n\nQuestions & Answers:\n\nOperator\n\nFirst question.\n\n"
        "Bo Chen--Acme Bank -- Analyst\n\nHi.\n\nCall participants:\n\n"
        "Ann Lee--Chief Executive Officer\n\nBo Chen--Acme Bank -- Analyst\n\n"
        "This article is a transcript of this conference call produced for The Motley Fool."
    )
    assert motley_fool.detect(text) >= 0.3
    parsed = motley_fool.parse(SourceText("x.txt", text, "utf-8"))
    assert [(t.speaker, t.paragraphs) for t in parsed.turns if t.speaker][:3] == [
        ("operator", ("Welcome.",)),
        ("ann-lee", ("Thanks -- all of you.",)),
        ("operator", ("First question.",)),
    ]
    assert {p.name: p.group for p in parsed.participants}["Bo Chen"] == "analyst"
    assert lost_words(text, parsed) == []
