"""The foolcalls structured JSON: statements with the next speaker's label glued on."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import readers
from site_builder.exchanges import group as qa
from site_builder.load import sources
from site_builder.model import SourceText
from site_builder.readers import foolcalls_json

from .corpus_check import CORPUS, lost_words, parse_file

TELEVISA = CORPUS / "foolcalls_json" / "foolcalls_grupotelevisa_2020q2_labels_glued_to_text.json"


def test_the_export_is_read_by_detection_with_its_people_and_event() -> None:
    assert readers.choose(sources.read_source(TELEVISA).text)[0] is foolcalls_json
    parsed = parse_file(TELEVISA)
    e = parsed.event
    assert (e.company, e.ticker, e.quarter, e.year, e.date) == (
        "Grupo Televisa, S.A.B",
        "TV",
        "Q2",
        2020,
        "2020-07-08",
    )
    people = {p.name: (p.group, p.organization) for p in parsed.participants}
    assert people["Salvi Folch Viadero"] == ("company", "Grupo Televisa, S.A.B")
    assert people["John Belton"] == ("analyst", "Evercore")
    assert people["Operator"][0] == "operator"


def test_glued_labels_are_cut_and_every_exchange_has_its_asker() -> None:
    parsed = parse_file(TELEVISA)
    labels = [t.label for t in parsed.turns if t.speaker] + ["Operator"]
    assert len(set(labels)) == 12  # 11 people as "Name -- Role" or "Name -- Firm -- Role"
    for turn in parsed.turns:
        assert not turn.paragraphs[-1].endswith(tuple(labels)), turn.paragraphs[-1]
    patricio = next(t for t in parsed.turns if t.speaker == "alfonso-de-angoitia-noriega")
    assert patricio.paragraphs[-1].endswith("turn it over to Patricio, Head of Televisa Studios")
    thanks = [t.paragraphs for t in parsed.turns if t.speaker == "john-belton"][-1]
    assert thanks == ("Thank you.",)
    names = {p.id: p.name for p in parsed.participants}
    assert [names[e.asker] for e in parsed.exchanges] == [
        "Rodrigo Villanueva",
        "John Belton",
        "Gordon Lee",
        "Fred Mendes",
        "Marcelo Santos",
        "Diego Aragao",
        "Soomit Datta",
    ]
    kinds = {s.id: s.kind for s in parsed.sections}
    first_qa = next(t for t in parsed.turns if kinds[t.section] == "qa")
    assert first_qa.paragraphs[0].startswith("[Operator Instructions]. Our first question")


def test_paragraphs_joined_without_a_space_are_split() -> None:
    parsed = parse_file(TELEVISA)
    opening = next(t for t in parsed.turns if t.speaker == "operator")
    assert len(opening.paragraphs) == 2
    assert opening.paragraphs[1].startswith("Please note that during the call")


_PEOPLE = [
    ("Operator", "", "", "O"),
    ("Ann Lee", "Chief Executive Officer", "", "A"),
    ("Raj Rao", "Chief Financial Officer", "", "A"),
    ("Bo Chen", "Analyst", "Acme Bank", "Q"),
    ("Eva Diaz", "Analyst", "", "Q"),
]
_SENTENCES = st.lists(
    st.sampled_from(
        ["Thanks.", "How is demand?", "Strong, thank you", "[Technical Issues]...", "Q"]
    ),
    min_size=1,
    max_size=3,
)


@given(st.lists(st.tuples(st.sampled_from(_PEOPLE), _SENTENCES), min_size=1, max_size=10))
@settings(max_examples=80, deadline=None)
def test_generated_exports_lose_nothing_and_keep_no_glued_label(
    statements: list[tuple[tuple[str, str, str, str], list[str]]],
) -> None:
    items = [
        {
            "section": "qa",
            "statement_type": kind,
            "speaker": name,
            "role": role,
            "affiliation": firm,
            "text": " ".join(said),
        }
        for (name, role, firm, kind), said in statements
    ]
    for item, following in itertools.pairwise(items):
        label = " -- ".join(
            x for x in (following["speaker"], following["affiliation"], following["role"]) if x
        )
        item["text"] += label
    data = {"call_title": "Acme (ACM) Q1 2020 Earnings Call Transcript", "call_transcript": items}
    text = json.dumps(data)
    parsed = qa.group_exchanges(foolcalls_json.parse(SourceText("x.json", text, "utf-8")))
    names = {p.id: p.name for p in parsed.participants}
    spoken = [(names[t.speaker], " ".join(t.paragraphs)) for t in parsed.turns if t.speaker]
    assert spoken == [(name, " ".join(said)) for (name, *_), said in statements]
    assert lost_words(text, parsed) == []


def test_malformed_exports_fall_back_with_a_warning() -> None:
    for text in (
        '{"call_transcript": [{"speaker": "Operator", "text": 5}], "statement_num": 1}',
        '{"call_transcript": [{"speaker": "Operator", "statement',
    ):
        assert foolcalls_json.detect(text) > readers.MIN_SCORE
        parsed = foolcalls_json.parse(SourceText("x.json", text, "utf-8"))
        assert parsed.format == "fallback"
        assert any(w.kind == "layout" and w.line == 1 for w in parsed.warnings)
