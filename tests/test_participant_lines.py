"""Participant-list entries written ``Name;Title`` or ``Name, Title``: the name is the name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.exchanges import group as qa
from site_builder.model import SourceText
from site_builder.readers.seeking_alpha import reader as seeking_alpha
from site_builder.readers.streetevents import reader as streetevents

from .corpus_check import lost_words

_EXECUTIVES = [
    ("Ann Lee", "Co-Founder, CEO, President & Director"),
    ("Raj de Souza", "Chief Financial Officer"),
    ("John Smith, Jr.", "Head of Investor Relations"),
]
_ANALYSTS = [("Bo Chen", "Acme Bank"), ("Eva Diaz", "Banco Uno, S.A.")]


def _sa(separator: str, executives: list[tuple[str, str]]) -> str:
    lines = ["Acme Corp (NYSE:ACM) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET", "Executives"]
    lines += [f"{name}{separator}{title}" for name, title in executives]
    lines += ["Analysts"] + [f"{name} - {firm}" for name, firm in _ANALYSTS]
    lines += ["Operator", "Welcome.", "Question-and-Answer Session"]
    lines += ["Operator", "Our first question is from Bo Chen with Acme Bank."]
    lines += ["Bo Chen", "How is demand?"]
    for name, _ in executives:
        lines += [name, f"{name.split()[0]} here: strong."]
    return "\n".join(lines)


@given(
    separator=st.sampled_from([";", "; ", ", ", " - "]),
    executives=st.lists(st.sampled_from(_EXECUTIVES), min_size=1, max_size=3, unique=True),
)
@settings(max_examples=40, deadline=None)
def test_seeking_alpha_list_entries_split_whatever_the_separator(
    separator: str, executives: list[tuple[str, str]]
) -> None:
    text = _sa(separator, executives)
    parsed = qa.group_exchanges(seeking_alpha.parse(SourceText("x.txt", text, "utf-8")))
    listed = [(p.name, p.role, p.group) for p in parsed.participants if p.group == "company"]
    assert listed == [(name, title, "company") for name, title in executives]
    names = {p.id: p.name for p in parsed.participants}
    assert [names[t.speaker] for t in parsed.turns] == [
        "Operator",
        "Operator",
        "Bo Chen",
        *(name for name, _ in executives),
    ]
    assert [names[e.asker] for e in parsed.exchanges] == ["Bo Chen"]
    assert lost_words(text, parsed) == []


STREETEVENTS = """Q1 2020 Acme Corp Earnings Call
MAY 01, 2020 / 12:00PM GMT

Corporate Participants

 * Ann Lee;Co-Founder, CEO, President & Director
 * Raj de Souza, Acme Corp - CFO

Conference Call Participants

 * Bo Chen
   Acme Bank - Analyst

Presentation

Operator    [1]

Welcome.

Ann Lee,  Acme Corp - CEO    [2]

We grew.

Raj de Souza,  Acme Corp - CFO    [3]

Costs fell.
"""


def test_streetevents_list_entries_on_one_line_split() -> None:
    parsed = streetevents.parse(SourceText("x.txt", STREETEVENTS, "utf-8"))
    people = {p.name: (p.role, p.organization, p.group) for p in parsed.participants}
    # The list gives her title only; her speaker line names her firm.
    assert people["Ann Lee"] == ("Co-Founder, CEO, President & Director", "Acme Corp", "company")
    assert people["Raj de Souza"] == ("CFO", "Acme Corp", "company")
    assert [t.speaker for t in parsed.turns if t.speaker] == ["operator", "ann-lee", "raj-de-souza"]
    assert lost_words(STREETEVENTS, parsed) == []
