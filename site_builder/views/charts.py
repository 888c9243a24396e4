"""Charts as views: the SVG from :mod:`site_builder.views.chart_svg` plus a real table of the same
figures.

A chart is only a picture of the table beside it: a screen-reader user, a reader of the printed
page or anyone who wants the exact numbers reads the table. Rows name people by the name their
person page uses (not the raw transcript label), and link to the turn, section or page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from site_builder.index import speech
from site_builder.model import Group, Transcript
from site_builder.text import wording
from site_builder.urls import Urls
from site_builder.views import chart_svg as charts
from site_builder.views.common import SpeakerView
from site_builder.views.text import esc

GROUP_LABELS: dict[str, str] = {
    Group.COMPANY: "Company",
    Group.ANALYST: "Analyst",
    Group.OPERATOR: "Operator",
    Group.OTHER: "Other",
    Group.UNKNOWN: "Unidentified",
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
    """A chart, its colour key and its table: ``templates/partials/chart.html`` prints it.

    The SVG is a picture of the table: its colours come from the chart-* classes in style.css,
    its name and description from ``<title>``/``<desc>``.
    """

    id: str
    heading: str
    svg: Markup
    legend: tuple[LegendItem, ...]
    table: DataTable
    table_open: bool
    """Show the table without a click (short tables); long ones sit in a closed ``details``."""
    level: int = 3
    """The heading's level (``h3`` under the page's "at a glance" heading)."""

    @property
    def html(self) -> Markup:
        """The chart printed here, for pages whose template does not include the partial."""
        return _chart_html(self)


_NUMERIC = ' class="num"'


def chart_view(
    id: str,
    heading: str,
    svg: Markup,
    legend: tuple[LegendItem, ...],
    table: DataTable,
    *,
    table_open: bool = False,
    level: int = 3,
) -> ChartView:
    """A chart under an ``h{level}`` heading, its colour key, and its table in a ``details``."""
    return ChartView(id, heading, svg, legend, table, table_open, level)


def _chart_html(chart: ChartView) -> Markup:
    table, level, legend = chart.table, chart.level, chart.legend
    keys = "".join(
        f'    <li><span class="chart-swatch {esc(item.css_class)}"></span>{esc(item.text)}</li>\n'
        for item in legend
    )
    key = f'  <ul class="chart-legend" aria-label="Colour key">\n{keys}  </ul>\n' if legend else ""
    headers = "".join(
        f'          <th scope="col"{_NUMERIC if numeric else ""}>{esc(header)}</th>\n'
        for header, numeric in zip(table.headers, table.numeric, strict=True)
    )
    caption = esc(table.caption)
    html = (
        f'<div class="chart-block" data-pagefind-ignore>\n'
        f'  <h{level} class="chart-block__heading">{esc(chart.heading)}</h{level}>\n'
        f"  {chart.svg}\n{key}"
        f'  <details class="chart-table"{" open" if chart.table_open else ""}>\n'
        f'    <summary>The figures as a table<span class="visually-hidden">: {caption}</span>'
        f'</summary>\n    <div class="table-scroll">\n    <table>\n'
        f"      <caption>{caption}</caption>\n      <thead>\n        <tr>\n{headers}"
        f"        </tr>\n      </thead>\n      <tbody>\n{table.body}\n      </tbody>\n"
        f"    </table>\n    </div>\n  </details>\n</div>"
    )
    return Markup(html)


def legend_items(
    groups: list[str], labels: Mapping[str, str] = GROUP_LABELS
) -> tuple[LegendItem, ...]:
    """``labels``: what one speaker of each group is called (``wording.group_labels``)."""
    present = dict.fromkeys(groups)
    return tuple(LegendItem(f"chart-{g}", label) for g, label in labels.items() if g in present)


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
    speakers: dict[str, SpeakerView],
    labels: Mapping[str, str],
) -> Markup:
    """A row per spoken turn (those :func:`speech.turn_words` counts, as the timeline draws
    them): its number (linked), speaker, role, section and words.

    Printed straight from the turns (no ``Cell`` per column): a call has hundreds of turns,
    and speakers, roles and sections repeat, so each of their cells is printed once.
    """
    parsed = transcript.parsed
    titles = {s.id: s.title for s in parsed.sections}
    groups = {p.id: p.group for p in parsed.participants}
    words = speech.turn_words(parsed)
    href = esc(urls.in_transcript(transcript.slug, ""))
    speaker_cells: dict[str, str] = {}
    section_cells: dict[str, str] = {}
    rows = []
    for number, turn in enumerate(parsed.turns, 1):
        n = words.get(turn.id)
        if n is None:  # not speech: boilerplate, a summary, nobody's
            continue
        who = speaker_cells.get(turn.speaker)
        if who is None:
            view = speakers.get(turn.speaker)
            name = _cell(Cell(view.name, view.url) if view else Cell(turn.speaker), "td", "")
            group = groups.get(turn.speaker, "unknown")
            role = esc(labels.get(group, group))
            who = speaker_cells[turn.speaker] = f"{name}<td>{role}</td>"
        section = section_cells.get(turn.section)
        if section is None:
            title = wording.section_heading(titles.get(turn.section, turn.section))
            section = section_cells[turn.section] = f"<td>{esc(title)}</td>"
        rows.append(
            f'<tr><th scope="row" class="num"><a href="{href}{esc(turn.id)}">{number}</a></th>'
            f'{who}{section}<td class="num">{n:,}</td></tr>\n'
        )
    return Markup("".join(rows))


def _speaker_rows(
    named: list[charts.Share], speakers: dict[str, SpeakerView], labels: Mapping[str, str]
) -> Markup:
    """A row per speaker: name (linked), role, turns, words and share, as ``rows_html`` prints
    them."""
    rows = []
    for s in named:
        url = speakers[s.key].url if s.key in speakers else None
        name = f'<a href="{esc(url)}">{esc(s.label)}</a>' if url else esc(s.label)
        rows.append(
            f'<tr><th scope="row">{name}</th><td>{esc(labels.get(s.group, s.group))}</td>'
            f'<td class="num">{s.turns}</td><td class="num">{s.words:,}</td>'
            f'<td class="num">{s.percent}</td></tr>\n'
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
    named = [
        charts.Share(s.key, names.get(s.key, s.label), s.group, s.words, s.turns, s.share)
        for s in shares
    ]
    segments = charts.timeline(parsed)
    kind = parsed.event.kind
    labels = wording.group_labels(kind)
    timeline = chart_view(
        id="chart-timeline",
        heading="Who spoke when",
        svg=charts.timeline_svg(
            "chart-timeline", segments, "Who spoke when: each turn as wide as its words"
        ),
        legend=legend_items([s.group for s in segments], labels),
        table=DataTable(
            f"Every spoken turn in order ({len(segments)})",
            ("Turn", "Speaker", "Role", "Section", "Words"),
            (True, False, False, False, True),
            _timeline_rows(urls, transcript, speakers, labels),
        ),
    )
    by_speaker = chart_view(
        id="chart-speakers",
        heading="Who spoke how much",
        svg=charts.share_bars_svg("chart-speakers", named, "Share of the spoken words by speaker"),
        legend=legend_items([s.group for s in named], labels),
        table=DataTable(
            "Words and turns by speaker",
            ("Speaker", "Role", "Turns", "Words", "Share of words"),
            (False, False, True, True, True),
            _speaker_rows(named, speakers, labels),
        ),
        table_open=len(named) <= 12,
    )
    section_rows = charts.section_shares(parsed)
    by_section = chart_view(
        id="chart-sections",
        heading="Prepared remarks and questions" if kind == "earnings-call" else "By section",
        svg=charts.share_bars_svg(
            "chart-sections", section_rows, "Share of the spoken words by section"
        ),
        legend=(),
        table=_table(
            "Words and turns by section",
            ("Section", "Turns", "Words", "Share of words"),
            [
                (
                    Cell(
                        wording.section_heading(s.label),
                        urls.in_transcript(transcript.slug, urls.section_anchor(s.key)),
                    ),
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
