"""Speaking-share charts: the figures a reader sees, and SVG that assistive tech can read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from site_builder.model import (
    EventInfo,
    Group,
    ParsedTranscript,
    Participant,
    Section,
    SectionKind,
    Turn,
)
from site_builder.views import chart_svg as charts

SVG = "{http://www.w3.org/2000/svg}"


def _parsed() -> ParsedTranscript:
    return ParsedTranscript(
        source="x.txt",
        format="test",
        title="Call",
        event=EventInfo(),
        participants=(
            Participant("ceo", "Ann Chief", group=Group.COMPANY),
            Participant("ana", "Bo <Analyst>", group=Group.ANALYST),
        ),
        sections=(
            Section("prepared", "Prepared Remarks", SectionKind.PREPARED, 1),
            Section("qa", "Q&A", SectionKind.QA, 5),
        ),
        turns=(
            Turn("t001", "ceo", "prepared", ("one two three four five six",), 2),
            Turn("t002", "ana", "qa", ("a question [laughter] here",), 6),
            Turn("t003", "ceo", "qa", ("an answer",), 8),
        ),
    )


def test_shares_count_spoken_words_only() -> None:
    shares = charts.speaker_shares(_parsed())
    assert [(s.key, s.words, s.turns) for s in shares] == [("ceo", 8, 2), ("ana", 3, 1)]
    assert abs(sum(s.share for s in shares) - 1) < 1e-9
    assert shares[0].percent == "72.7%"
    sections = charts.section_shares(_parsed())
    assert [(s.key, s.words) for s in sections] == [("prepared", 6), ("qa", 5)]


def test_svg_has_accessible_name_and_escapes_labels() -> None:
    svg = charts.share_bars_svg("c1", charts.speaker_shares(_parsed()), "Share of words")
    root = ET.fromstring(str(svg))
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == "Share of words"
    assert "Bo <Analyst>: 27.3% of words" in root.findtext(f"{SVG}desc")
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels[1] == "Bo <Analyst> · 27.3%"


def test_timeline_marks_where_questions_begin() -> None:
    segments = charts.timeline(_parsed())
    assert [s.turn_id for s in segments] == ["t001", "t002", "t003"]
    assert segments[1].qa and not segments[0].qa
    root = ET.fromstring(str(charts.timeline_svg("c2", segments, "Who spoke when")))
    assert len(list(root.iter(f"{SVG}rect"))) == 3
    assert any(t.text == "Q&A" for t in root.iter(f"{SVG}text"))
