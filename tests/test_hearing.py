"""Congressional hearings (GPO) and the Congressional Record: inline speakers, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import readers
from site_builder.load import sources
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers.hearing import reader as hearing

from .corpus_check import corpus_files, parse_file

CORPUS = Path(__file__).parent / "corpus"
GPO = CORPUS / "gpo_hearing" / "house_finserv_2010_07_22_monetary_policy.htm.txt"
CREC = CORPUS / "congressional_record" / "crec_2005_07_20_house_H6190_social_security.htm.txt"


@pytest.fixture(scope="module")
def gpo() -> ParsedTranscript:
    return parse_file(GPO)


@pytest.fixture(scope="module")
def crec() -> ParsedTranscript:
    return parse_file(CREC)


def _speech(parsed: ParsedTranscript) -> list:
    boilerplate = {s.id for s in parsed.sections if s.kind == "boilerplate"}
    return [t for t in parsed.turns if t.section not in boilerplate]


def test_both_files_are_read_as_hearings_and_no_other_corpus_file_is() -> None:
    chosen = {p.name: readers.choose(sources.read_source(p).text)[0].NAME for p in corpus_files()}
    assert {name for name, reader in chosen.items() if reader == "hearing"} == {GPO.name, CREC.name}


def test_gpo_hearing_speakers_and_first_turns(gpo: ParsedTranscript) -> None:
    assert (gpo.title, gpo.event.date, gpo.event.kind) == (
        "Monetary Policy and the State of the Economy, Part II",
        "2010-07-22",
        "hearing",
    )
    speech = _speech(gpo)
    first = [(t.label, t.speaker, t.paragraphs[0]) for t in speech[:3]]
    assert first == [
        ("The Chairman", "barney-frank", "The committee will come to order."),
        (
            "Mr. Koo",
            "richard-c-koo",
            "Thank you, Chairman Frank, and members of the committee. I really appreciate this "
            "opportunity to present my case that what the whole world has caught is the same "
            "Japanese disease that Japan had to struggle with for the last 15, 20 years.",
        ),
        ("The Chairman", "barney-frank", speech[2].paragraphs[0]),
    ]
    assert speech[2].paragraphs[0].startswith("Next, we have a familiar witness")
    labels = {t.label for t in speech}
    assert {"Mrs. McCarthy of New York", "Mr. Miller of North Carolina", "Dr. Paul"} <= labels


def test_witnesses_get_name_role_and_organisation_from_the_table_of_contents(
    gpo: ParsedTranscript,
) -> None:
    koo = gpo.participant("richard-c-koo")
    assert (koo.name, koo.role, koo.organization, koo.aliases) == (
        "Richard C. Koo",
        "Chief Economist",
        "Nomura Research Institute, Tokyo",
        ("Mr. Koo",),
    )
    chair = gpo.participant("barney-frank")
    assert (chair.role, chair.aliases) == ("Chairman", ("The Chairman",))
    assert {p.group for p in gpo.participants} == {"other"}
    assert len(gpo.participants) == 16


def test_a_sentence_that_starts_with_a_name_is_not_a_label(gpo: ParsedTranscript) -> None:
    # "We will begin with Mr. Koo." and "Mr. Foster from Illinois." are the chair's words.
    chair_words = " ".join(
        p for t in gpo.turns if t.speaker == "barney-frank" for p in t.paragraphs
    )
    assert "We will begin with Mr. Koo." in chair_words
    mccarthy = " ".join(p for t in gpo.turns if "mccarthy" in t.speaker for p in t.paragraphs)
    assert "Mr. Foster from Illinois." in mccarthy
    assert not any(p.name.startswith("We ") for p in gpo.participants)


def test_front_matter_and_appendix_are_boilerplate_not_speech(gpo: ParsedTranscript) -> None:
    kinds = [(s.id, s.kind) for s in gpo.sections]
    assert kinds[0] == ("front-matter", "boilerplate")
    assert kinds[-1] == ("appendix", "boilerplate")
    front, appendix = gpo.turns[0], gpo.turns[-1]
    assert (front.speaker, appendix.speaker) == ("", "")
    # The page's furniture (HTML tags, rules, graphic placeholders) is left out of the text
    # and kept on record as written; the rest of the front matter is kept.
    assert front.paragraphs[0].startswith("- MONETARY POLICY AND THE [House Hearing")
    assert "BARNEY FRANK, Massachusetts, Chairman" in " ".join(front.paragraphs)
    assert not any("<" in p or "=====" in p for t in gpo.turns for p in t.paragraphs)
    assert appendix.paragraphs == ("July 22, 2010",)
    assert sum(d.startswith("[GRAPHIC] [TIFF OMITTED]") for d in gpo.dropped) == 25
    assert gpo.dropped[:5] == ("<html>", "<title>", "</title>", "<body>", "<pre>")
    # the source's stray control character (0x1A) before the closing tags is removed when the
    # text is decoded (with a warning), so it is neither speech nor furniture
    assert not any("\x1a" in d for d in gpo.dropped)


def test_statement_headings_open_sections(gpo: ParsedTranscript) -> None:
    titles = [s.title for s in gpo.sections if s.title.startswith("Statement of")]
    assert (
        titles[0]
        == "Statement of Richard C. Koo, Chief Economist, the Nomura Research Institute, Tokyo"
    )
    assert len(titles) == 3


def test_congressional_record_speakers_and_first_turns(crec: ParsedTranscript) -> None:
    assert (crec.title, crec.event.date) == ("Strengthening Social Security", "2005-07-20")
    speech = _speech(crec)
    assert [(t.label, t.speaker) for t in speech[:4]] == [
        ("The SPEAKER pro tempore (Mr. Poe)", "mr-poe"),
        ("Mrs. NORTHUP", "mrs-northup"),
        ("The SPEAKER pro tempore", "mr-poe"),
        ("Mrs. NORTHUP", "mrs-northup"),
    ]
    assert speech[1].paragraphs[0].startswith("Mr. Speaker, I ask unanimous consent")
    names = [p.name for p in crec.participants]
    assert names == [
        "Mr. Poe", "Mrs. Northup", "Mr. Miller of Florida", "Mr. Chocola", "Ms. Hart",
        "Mr. Gingrey", "Mr. Hensarling",
    ]  # fmt: skip
    assert crec.participant("mr-poe").role == "Speaker pro tempore"


def test_page_markers_stay_where_they_stand(crec: ParsedTranscript) -> None:
    paragraphs = [p for t in crec.turns for p in t.paragraphs]
    marked = [p for p in paragraphs if "[[Page H" in p]
    assert len(marked) == 6
    # the marker cut a sentence in two; it reads on after the marker
    assert any(
        "from the people of [[Page H6192]] the Second District of Indiana" in p for p in marked
    )


def test_same_member_is_named_alike_in_both_sources(
    gpo: ParsedTranscript, crec: ParsedTranscript
) -> None:
    # "Mr. Hensarling." in the hearing, "Mr. HENSARLING." on the floor: one person page.
    assert gpo.participant("mr-hensarling").name == crec.participant("mr-hensarling").name


def test_a_pasted_hearing_without_the_gpo_header_is_still_recognised() -> None:
    text = "\n".join(
        [
            "    Chairman FRANK. The hearing will come to order.",
            "    Mr. BERNANKE. Thank you. Mr. Smith said that rates",
            "would rise.",
            "    Chairman FRANK. Mr. Bernanke, thank you.",
            "    Mrs. NORTHUP. I yield back.",
            "    Mr. BERNANKE. Thank you.",
        ]
    )
    assert hearing.detect(text) >= readers.MIN_SCORE
    parsed = hearing.parse(SourceText("pasted.txt", text, "utf-8"))
    assert [p.name for p in parsed.participants] == [
        "Chairman Frank",
        "Mr. Bernanke",
        "Mrs. Northup",
    ]
    assert parsed.turns[1].paragraphs == ("Thank you. Mr. Smith said that rates would rise.",)
    assert [t.speaker for t in parsed.turns] == [
        "chairman-frank", "mr-bernanke", "chairman-frank", "mrs-northup", "mr-bernanke",
    ]  # fmt: skip


def test_prose_that_mentions_members_is_not_a_hearing() -> None:
    text = "Mr. Smith said the vote was close.\nMr. Jones. Not a label: no indent.\n" * 5
    assert hearing.detect(text) == 0.0
