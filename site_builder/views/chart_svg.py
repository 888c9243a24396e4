"""Inline SVG pictures of a call: who spoke when, and how much.

Drawn at build time, no JavaScript. Each chart is an ``<svg role="img">`` with a title and a
description, and comes with the data for a text table equivalent, so a screen-reader user or a
reader of the printed page gets the same facts. Colours come from CSS classes (``chart-company``
...), so the page's light and dark palettes apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from markupsafe import Markup

from site_builder.index.speech import spoken_turns, tally, turn_words
from site_builder.memo import by_identity
from site_builder.model import ParsedTranscript, SectionKind
from site_builder.views.text import esc

BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 0  # labels sit above bars so the chart reads at 320 px
WIDTH = 600


class Share(NamedTuple):
    """One row of a chart and of its table (a tuple: a busy analyst's chart has hundreds)."""

    key: str
    label: str
    group: str
    words: int
    turns: int
    share: float
    """Fraction of all spoken words, 0..1."""

    @property
    def percent(self) -> str:
        return f"{self.share * 100:.1f}%"

    @property
    def bar_width(self) -> str:
        """The bar's width in a share chart, as drawn."""
        return f"{max(self.share * WIDTH, 1.0):.1f}"


class Segment(NamedTuple):
    """A stretch of the timeline: one turn, placed by cumulative word count (a tuple: a call
    has hundreds)."""

    turn_id: str
    speaker: str
    group: str
    start: float
    width: float
    qa: bool


@by_identity(8192)
def speaker_shares(parsed: ParsedTranscript) -> tuple[Share, ...]:
    """Words and turns per participant, largest share first."""
    counted = tally(parsed)
    words, turns = counted.speaker_words, counted.speaker_turns
    total = counted.total or 1
    by_id = {p.id: p for p in parsed.participants}
    rows = [
        Share(
            pid,
            by_id[pid].name if pid in by_id else pid,
            by_id[pid].group if pid in by_id else "unknown",
            n,
            turns[pid],
            n / total,
        )
        for pid, n in words.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.words, r.label)))


def section_shares(parsed: ParsedTranscript) -> tuple[Share, ...]:
    """Words per section (prepared remarks vs Q&A), in transcript order."""
    counted = tally(parsed)
    words, turns = counted.section_words, counted.section_turns
    total = counted.total or 1
    return tuple(
        Share(s.id, s.title, s.kind, words[s.id], turns[s.id], words[s.id] / total)
        for s in parsed.sections
        if s.id in words
    )


def timeline(parsed: ParsedTranscript) -> tuple[Segment, ...]:
    groups = {p.id: p.group for p in parsed.participants}
    qa_sections = {s.id for s in parsed.sections if s.kind == SectionKind.QA}
    words = turn_words(parsed)
    spoken = list(spoken_turns(parsed))
    sized = [words[t.id] for t in spoken]
    total = sum(sized) or 1
    segments, position = [], 0
    for turn, n in zip(spoken, sized, strict=True):
        speaker = turn.speaker
        segments.append(
            Segment(
                turn.id,
                speaker,
                groups.get(speaker, "unknown"),
                position / total,
                n / total,
                turn.section in qa_sections,
            )
        )
        position += n
    return tuple(segments)


def _svg_open(chart_id: str, height: int, title: str, desc: str) -> str:
    return (
        f'<svg class="chart" id="{chart_id}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'preserveAspectRatio="xMinYMin meet" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{esc(title)}</title>'
        f'<desc id="{chart_id}-desc">{esc(desc)}</desc>'
    )


def share_bars_svg(chart_id: str, rows: Sequence[Share], title: str) -> Markup:
    """Horizontal bars, one per row, each labelled with its name and percentage."""
    row_height = BAR_HEIGHT * 2 + BAR_GAP
    height = max(row_height * len(rows), row_height)
    percents = [row.percent for row in rows]
    desc = "; ".join(f"{r.label}: {p} of words" for r, p in zip(rows, percents, strict=True))
    parts = [_svg_open(chart_id, height, title, desc)]
    for i, (row, percent) in enumerate(zip(rows, percents, strict=True)):
        y = i * row_height
        parts.append(
            f'<text class="chart-label" x="0" y="{y + BAR_HEIGHT - 5}">'
            f"{esc(row.label)} · {percent}</text>"
            f'<rect class="chart-{esc(row.group)}" x="0" y="{y + BAR_HEIGHT}" '
            f'width="{row.bar_width}" height="{BAR_HEIGHT - 4}" rx="2"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def timeline_svg(chart_id: str, segments: Sequence[Segment], title: str) -> Markup:
    """One strip: each turn a block as wide as its share of the words, coloured by group;
    a rule marks where the Q&A begins."""
    height = 46
    desc = (
        f"{len(segments)} turns in order; company speakers, analysts and the operator in "
        "different colours. The table below gives the same figures."
    )
    parts = [_svg_open(chart_id, height, title, desc)]
    qa_start = next((s.start for s in segments if s.qa), None)
    classes = {g: esc(g) for g in {s.group for s in segments}}
    for _, _, group, start, width, _ in segments:  # unpacked: hundreds of turns a call
        drawn = width * WIDTH
        parts.append(
            f'<rect class="chart-{classes[group]}" x="{start * WIDTH:.2f}" y="8" '
            f'width="{drawn if drawn > 0.5 else 0.5:.2f}" height="26"/>'
        )
    if qa_start is not None:
        x = qa_start * WIDTH
        parts.append(
            f'<line class="chart-rule" x1="{x:.2f}" x2="{x:.2f}" y1="0" y2="40"/>'
            f'<text class="chart-label" x="{min(x + 4, WIDTH - 40):.2f}" y="44">Q&amp;A</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
