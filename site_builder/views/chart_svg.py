"""Inline SVG pictures of a call: who spoke when, and how much.

Drawn at build time, no JavaScript. Each chart is an ``<svg role="img">`` with a title and a
description, and comes with the data for a text table equivalent, so a screen-reader user or a
reader of the printed page gets the same facts. Colours come from CSS classes (``chart-company``
...), so the page's light and dark palettes apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from site_builder.memo import by_identity
from site_builder.model import (
    SECTION_BOILERPLATE,
    SECTION_QA,
    SECTION_SUMMARY,
    ParsedTranscript,
    Turn,
)
from site_builder.views.text import esc

# Editorial marks are not speech: [laughter] is not a word anyone said.
_MARK = re.compile(r"\[[^\[\]]*\]")
# A dash standing alone between spaces punctuates; it is no word.
_DASHES = ("-", "--", "–", "—")

BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 0  # labels sit above bars so the chart reads at 320 px
WIDTH = 600


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of non-space characters, so ``don't`` and
    ``year-over-year`` are one word and ``$2,329.7 million`` two; a reader comparing our figure
    with their own copy's gets the same. Editorial marks and standalone dashes are not speech."""
    if "[" in text:
        text = _MARK.sub(" ", text)
    # Most paragraphs are ASCII words between single spaces (an ASCII text's other spaces are
    # all unprintable): their words are their spaces plus one, counted without making a list.
    if text.isascii() and text.isprintable() and "  " not in text and " -" not in text:
        stripped = text.strip(" ")
        if stripped and stripped[0] != "-":
            return stripped.count(" ") + 1
    words = text.split()
    if "-" in text or "–" in text or "—" in text:
        return len(words) - sum(words.count(dash) for dash in _DASHES)
    return len(words)


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


def spoken_turns(parsed: ParsedTranscript) -> Iterator[Turn]:
    """Turns somebody speaks: boilerplate and non-verbatim summaries are not speech."""
    skip = {s.id for s in parsed.sections if s.kind in (SECTION_BOILERPLATE, SECTION_SUMMARY)}
    return (t for t in parsed.turns if t.speaker and t.section not in skip)


@by_identity(8192)  # the three charts, their tables and the person pages all ask
def turn_words(parsed: ParsedTranscript) -> dict[str, int]:
    """Spoken turn id -> its word count, in transcript order.

    Counted once per loaded transcript, where it is loaded
    (:func:`site_builder.index.site.speech_of`);
    the builder hands the counts to this cache with ``turn_words.remember``.
    """
    return {t.id: sum(count_words(p) for p in t.paragraphs) for t in spoken_turns(parsed)}


@dataclass(frozen=True, slots=True)
class Tally:
    """Spoken words and turns per speaker and per section, keys in order of first appearance."""

    speaker_words: dict[str, int]
    speaker_turns: dict[str, int]
    section_words: dict[str, int]
    section_turns: dict[str, int]
    total: int
    """All spoken words of the call."""


@by_identity(8192)  # the charts of the call's page and every speaker's person page ask
def tally(parsed: ParsedTranscript) -> Tally:
    sized = turn_words(parsed)
    speaker_words: dict[str, int] = {}
    speaker_turns: dict[str, int] = {}
    section_words: dict[str, int] = {}
    section_turns: dict[str, int] = {}
    for turn in spoken_turns(parsed):
        n = sized[turn.id]
        speaker, section = turn.speaker, turn.section
        speaker_words[speaker] = speaker_words.get(speaker, 0) + n
        speaker_turns[speaker] = speaker_turns.get(speaker, 0) + 1
        section_words[section] = section_words.get(section, 0) + n
        section_turns[section] = section_turns.get(section, 0) + 1
    total = sum(speaker_words.values())
    return Tally(speaker_words, speaker_turns, section_words, section_turns, total)


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
    qa_sections = {s.id for s in parsed.sections if s.kind == SECTION_QA}
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
