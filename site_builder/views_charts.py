"""Charts as views: the SVG from :mod:`site_builder.charts` plus a real table of the same figures.

A chart is only a picture of the table beside it: a screen-reader user, a reader of the printed
page or anyone who wants the exact numbers reads the table. Rows name people by the name their
person page uses (not the raw transcript label), and link to the turn, section or page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from markupsafe import Markup

from . import charts
from .index import Site
from .model import (
    GROUP_ANALYST,
    GROUP_COMPANY,
    GROUP_OPERATOR,
    GROUP_OTHER,
    GROUP_UNKNOWN,
    Transcript,
)
from .urls import Urls
from .views_common import SpeakerView
from .views_text import esc

GROUP_LABELS = {
    GROUP_COMPANY: "Company",
    GROUP_ANALYST: "Analyst",
    GROUP_OPERATOR: "Operator",
    GROUP_OTHER: "Other",
    GROUP_UNKNOWN: "Unidentified",
}


class Cell(NamedTuple):
    """A table cell (a tuple: the timeline table makes one per turn and column)."""

    text: str
    url: str | None = None
    numeric: bool = False


@dataclass(frozen=True, slots=True)
class DataTable:
    caption: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    """Per column: right-align it (a number)."""
    body: Markup
    """The rows, printed: a call's timeline table has a row per turn, too many for a macro."""


@dataclass(frozen=True, slots=True)
class LegendItem:
    css_class: str
    text: str


@dataclass(frozen=True, slots=True)
class ChartView:
    id: str
    heading: str
    svg: Markup
    legend: tuple[LegendItem, ...]
    table: DataTable
    table_open: bool = False
    """Show the table without a click (short tables); long ones sit in a closed ``details``."""


def _legend(groups: list[str]) -> tuple[LegendItem, ...]:
    present = dict.fromkeys(groups)
    return tuple(
        LegendItem(f"chart-{g}", label) for g, label in GROUP_LABELS.items() if g in present
    )


_ROW_SCOPE = ' scope="row"'


def _cell(cell: Cell, tag: str, scope: str) -> str:
    text = esc(cell.text)
    content = f'<a href="{esc(cell.url)}">{text}</a>' if cell.url else text
    css = ' class="num"' if cell.numeric else ""
    return f"<{tag}{scope}{css}>{content}</{tag}>"


def rows_html(rows: list[tuple[Cell, ...]]) -> Markup:
    """``<tr>`` per row, its first cell the row's header."""
    printed: dict[Cell, str] = {}  # speakers, roles and sections come back row after row
    out = []
    for row in rows:
        out.append(f"<tr>{_cell(row[0], 'th', _ROW_SCOPE)}")
        for cell in row[1:]:
            html = printed.get(cell)
            if html is None:
                html = printed[cell] = _cell(cell, "td", "")
            out.append(html)
        out.append("</tr>\n")
    return Markup("".join(out))


def _table(caption: str, headers: tuple[str, ...], rows: list[tuple[Cell, ...]]) -> DataTable:
    numeric = tuple(bool(rows) and all(r[i].numeric for r in rows) for i in range(len(headers)))
    return DataTable(caption, headers, numeric, rows_html(rows))


def _timeline_rows(
    urls: Urls,
    transcript: Transcript,
    segments: tuple[charts.Segment, ...],
    speakers: dict[str, SpeakerView],
) -> Markup:
    """A row per spoken turn: its number (linked), speaker, role, section and words.

    Printed straight from the segments (no ``Cell`` per column): a call has hundreds of turns,
    and speakers, roles and sections repeat, so each of their cells is printed once.
    """
    parsed = transcript.parsed
    numbers = {t.id: n for n, t in enumerate(parsed.turns, 1)}
    sections = {t.id: t.section for t in parsed.turns}
    titles = {s.id: s.title for s in parsed.sections}
    words = charts.turn_words(parsed)
    speaker_cells: dict[str, str] = {}
    plain_cells: dict[str, str] = {}

    def plain(text: str) -> str:
        html = plain_cells.get(text)
        if html is None:
            html = plain_cells[text] = f"<td>{esc(text)}</td>"
        return html

    rows = []
    for s in segments:
        who = speaker_cells.get(s.speaker)
        if who is None:
            view = speakers.get(s.speaker)
            who = speaker_cells[s.speaker] = _cell(
                Cell(view.name, view.url) if view else Cell(s.speaker), "td", ""
            )
        section = sections[s.turn_id]
        role = plain(GROUP_LABELS.get(s.group, s.group))
        title = plain(titles.get(section, section))
        url = esc(urls.turn(transcript.slug, s.turn_id))
        rows.append(
            f'<tr><th scope="row" class="num"><a href="{url}">{numbers[s.turn_id]}</a></th>'
            f'{who}{role}{title}<td class="num">{words[s.turn_id]:,}</td></tr>\n'
        )
    return Markup("".join(rows))


def transcript_charts(
    urls: Urls, transcript: Transcript, speakers: dict[str, SpeakerView]
) -> tuple[ChartView, ...]:
    """Who spoke when, who spoke how much, and prepared remarks against Q&A."""
    parsed = transcript.parsed
    shares = charts.speaker_shares(parsed)
    if not shares:
        return ()
    names = {pid: view.name for pid, view in speakers.items()}
    named = [replace(s, label=names.get(s.key, s.label)) for s in shares]
    segments = charts.timeline(parsed)
    timeline = ChartView(
        id="chart-timeline",
        heading="Who spoke when",
        svg=charts.timeline_svg(
            "chart-timeline", segments, "Who spoke when: each turn as wide as its words"
        ),
        legend=_legend([s.group for s in segments]),
        table=DataTable(
            f"Every spoken turn in order ({len(segments)})",
            ("Turn", "Speaker", "Role", "Section", "Words"),
            (True, False, False, False, True),
            _timeline_rows(urls, transcript, segments, speakers),
        ),
    )
    by_speaker = ChartView(
        id="chart-speakers",
        heading="Who spoke how much",
        svg=charts.share_bars_svg("chart-speakers", named, "Share of the spoken words by speaker"),
        legend=_legend([s.group for s in named]),
        table=_table(
            "Words and turns by speaker",
            ("Speaker", "Role", "Turns", "Words", "Share of words"),
            [
                (
                    Cell(s.label, speakers[s.key].url if s.key in speakers else None),
                    Cell(GROUP_LABELS.get(s.group, s.group)),
                    Cell(str(s.turns), numeric=True),
                    Cell(f"{s.words:,}", numeric=True),
                    Cell(s.percent, numeric=True),
                )
                for s in named
            ],
        ),
        table_open=len(named) <= 12,
    )
    section_rows = charts.section_shares(parsed)
    by_section = ChartView(
        id="chart-sections",
        heading="Prepared remarks and questions",
        svg=charts.share_bars_svg(
            "chart-sections", section_rows, "Share of the spoken words by section"
        ),
        legend=(),
        table=_table(
            "Words and turns by section",
            ("Section", "Turns", "Words", "Share of words"),
            [
                (
                    Cell(s.label, urls.in_transcript(transcript.slug, urls.section_anchor(s.key))),
                    Cell(str(s.turns), numeric=True),
                    Cell(f"{s.words:,}", numeric=True),
                    Cell(s.percent, numeric=True),
                )
                for s in section_rows
            ],
        ),
        table_open=True,
    )
    return (timeline, by_speaker, by_section)


def person_share_chart(site: Site, urls: Urls, person_id: str) -> ChartView | None:
    """The person's share of each event's spoken words, newest event first."""
    entry = site.people[person_id]
    rows: list[charts.Share] = []
    for slug in entry.transcripts:
        t = site.transcript(slug)
        shares = charts.speaker_shares(t.parsed)
        total = sum(s.words for s in shares)
        mine = [s for s in shares if site.participant_people.get((slug, s.key)) == person_id]
        if not total or not mine:
            continue
        words = sum(s.words for s in mine)
        turns = sum(s.turns for s in mine)
        rows.append(charts.Share(slug, t.title, mine[0].group, words, turns, words / total))
    if not rows:
        return None
    name = entry.person.name
    return ChartView(
        id="chart-person-share",
        heading="Share of each call",
        svg=charts.share_bars_svg(
            "chart-person-share", rows, f"{name}'s share of the spoken words in each event"
        ),
        legend=_legend([r.group for r in rows]),
        table=_table(
            f"{name}'s words against all spoken words, by event",
            ("Event", "Turns", "Words", "Share of words"),
            [
                (
                    Cell(r.label, urls.transcript(r.key)),
                    Cell(str(r.turns), numeric=True),
                    Cell(f"{r.words:,}", numeric=True),
                    Cell(r.percent, numeric=True),
                )
                for r in rows
            ],
        ),
        table_open=True,
    )
