"""Inline SVG pictures of a call: who spoke when, and how much.

Drawn at build time, no JavaScript. Each chart is an ``<svg role="img">`` with a title and a
description, and comes with the data for a text table equivalent, so a screen-reader user or a
reader of the printed page gets the same facts. Colours come from CSS classes (``chart-company``
...), so the page's light and dark palettes apply.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .memo import by_identity
from .model import SECTION_BOILERPLATE, SECTION_QA, SECTION_SUMMARY, ParsedTranscript, Turn

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Editorial marks are not speech: [laughter] is not a word anyone said.
_MARK = re.compile(r"\[[^\[\]]*\]")

BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 0  # labels sit above bars so the chart reads at 320 px
WIDTH = 600


@functools.lru_cache(maxsize=1 << 14)  # a quoted paragraph is counted again on other pages
def count_words(text: str) -> int:
    return len(_WORD.findall(_MARK.sub(" ", text)))


@dataclass(frozen=True, slots=True)
class Share:
    """One row of a chart and of its table."""

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


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the timeline: one turn, placed by cumulative word count."""

    turn_id: str
    speaker: str
    group: str
    start: float
    width: float
    qa: bool


def spoken_turns(parsed: ParsedTranscript) -> Iterator[Turn]:
    """Turns somebody speaks: boilerplate and non-verbatim summaries are not speech."""
    skip = {s.id for s in parsed.sections if s.kind in (SECTION_BOILERPLATE, SECTION_SUMMARY)}
    return (t for t in parsed.turns if t.speaker and t.section not in skip)


@by_identity(8192)  # the three charts, their tables and the person pages all ask
def turn_words(parsed: ParsedTranscript) -> dict[str, int]:
    """Spoken turn id -> its word count, in transcript order.

    Counted once per loaded transcript, where it is loaded (:func:`site_builder.index.speech_of`);
    the builder hands the counts to this cache with ``turn_words.remember``.
    """
    return {t.id: sum(count_words(p) for p in t.paragraphs) for t in spoken_turns(parsed)}


def _tally(
    parsed: ParsedTranscript, key: Callable[[Turn], str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Spoken words and turns per ``key(turn)``, keys in order of first appearance."""
    sized = turn_words(parsed)
    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    for turn in spoken_turns(parsed):
        k = key(turn)
        words[k] = words.get(k, 0) + sized[turn.id]
        turns[k] = turns.get(k, 0) + 1
    return words, turns


@by_identity(8192)  # each person page asks again for every call the person is on
def speaker_shares(parsed: ParsedTranscript) -> tuple[Share, ...]:
    """Words and turns per participant, largest share first."""
    words, turns = _tally(parsed, lambda turn: turn.speaker)
    total = sum(words.values()) or 1
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
    words, turns = _tally(parsed, lambda turn: turn.section)
    total = sum(words.values()) or 1
    return tuple(
        Share(s.id, s.title, s.kind, words[s.id], turns[s.id], words[s.id] / total)
        for s in parsed.sections
        if s.id in words
    )


def timeline(parsed: ParsedTranscript) -> tuple[Segment, ...]:
    groups = {p.id: p.group for p in parsed.participants}
    qa_sections = {s.id for s in parsed.sections if s.kind == SECTION_QA}
    words = turn_words(parsed)
    sized = [(t, words[t.id]) for t in spoken_turns(parsed)]
    total = sum(n for _, n in sized) or 1
    segments, position = [], 0
    for turn, n in sized:
        segments.append(
            Segment(
                turn.id,
                turn.speaker,
                groups.get(turn.speaker, "unknown"),
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
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )


def share_bars_svg(chart_id: str, rows: Sequence[Share], title: str) -> Markup:
    """Horizontal bars, one per row, each labelled with its name and percentage."""
    row_height = BAR_HEIGHT * 2 + BAR_GAP
    height = max(row_height * len(rows), row_height)
    desc = "; ".join(f"{r.label}: {r.percent} of words" for r in rows)
    parts = [_svg_open(chart_id, height, title, desc)]
    for i, row in enumerate(rows):
        y = i * row_height
        width = max(row.share * WIDTH, 1.0)
        parts.append(
            f'<text class="chart-label" x="0" y="{y + BAR_HEIGHT - 5}">'
            f"{escape(row.label)} · {row.percent}</text>"
            f'<rect class="chart-{escape(row.group)}" x="0" y="{y + BAR_HEIGHT}" '
            f'width="{width:.1f}" height="{BAR_HEIGHT - 4}" rx="2"/>'
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
    classes = {g: escape(g) for g in {s.group for s in segments}}
    for s in segments:
        parts.append(
            f'<rect class="chart-{classes[s.group]}" x="{s.start * WIDTH:.2f}" y="8" '
            f'width="{max(s.width * WIDTH, 0.5):.2f}" height="26"/>'
        )
    if qa_start is not None:
        x = qa_start * WIDTH
        parts.append(
            f'<line class="chart-rule" x1="{x:.2f}" x2="{x:.2f}" y1="0" y2="40"/>'
            f'<text class="chart-label" x="{min(x + 4, WIDTH - 40):.2f}" y="44">Q&amp;A</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
