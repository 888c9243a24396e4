"""The transcript page's view: metadata, participants, contents, and every turn in order."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import markdown
from .index import Site
from .model import (
    GROUP_ANALYST,
    GROUP_COMPANY,
    GROUP_OPERATOR,
    GROUP_OTHER,
    GROUP_UNKNOWN,
    SECTION_BOILERPLATE,
    Exchange,
    Transcript,
    Turn,
)
from .search import SearchFilter, quarter_label, transcript_filters
from .urls import Urls
from .views_charts import ChartView, transcript_charts
from .views_common import (
    DateView,
    Link,
    SpeakerView,
    date_view,
    org_link,
    speaker_view,
)
from .views_linking import (
    CallNeighbours,
    Citation,
    Neighbours,
    call_neighbours,
    citation,
    exchange_neighbours,
)
from .views_text import NumberedCorrection, correction_anchor, locate, paragraphs_html


@dataclass(frozen=True, slots=True)
class TurnView:
    id: str
    permalink: str
    number: int
    speaker: SpeakerView | None
    """None for text nobody speaks (disclaimers): shown apart from speech."""
    paragraphs: tuple[Markup, ...]
    notes: tuple[Markup, ...]
    timestamp: str | None
    heading_level: int
    is_question: bool
    kind: str = "turn"
    citation: Citation | None = None


@dataclass(frozen=True, slots=True)
class ExchangeView:
    id: str
    permalink: str
    number: int
    asker: SpeakerView | None
    topics: tuple[Link, ...]
    notes: tuple[Markup, ...]
    turns: tuple[TurnView, ...]
    kind: str = "exchange"
    citation: Citation | None = None
    neighbours: Neighbours | None = None
    """The previous and next question of this call."""


@dataclass(frozen=True, slots=True)
class SectionView:
    anchor: str | None
    title: str
    boilerplate: bool
    blocks: tuple[TurnView | ExchangeView, ...]


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    number: int
    url: str
    asker: SpeakerView | None
    topics: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class ParticipantGroup:
    title: str
    speakers: tuple[SpeakerView, ...]


@dataclass(frozen=True, slots=True)
class CorrectionNote:
    anchor: str
    number: int
    back_url: str | None
    """Where the correction is marked in the text; None when its words were not found."""
    turn: Link
    find: str
    replace: str
    reason: str


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class TranscriptView:
    title: str
    date: DateView | None
    company: Link | None
    facts: tuple[Fact, ...]
    summary: Markup | None
    notes: tuple[Markup, ...]
    participant_groups: tuple[ParticipantGroup, ...]
    contents: tuple[ContentsEntry, ...]
    sections: tuple[SectionView, ...]
    corrections: tuple[CorrectionNote, ...]
    source_notes: tuple[str, ...]
    json_url: str
    search_filters: tuple[SearchFilter, ...] = ()
    """Speaker, organisation, company, quarter and topic values for the search index."""
    calls: CallNeighbours | None = None
    """The same company's previous and next call."""
    charts: tuple[ChartView, ...] = ()


CONTENTS_ANCHOR = "contents-heading"
"""The list of questions, where "All questions" leads back to."""

GROUP_TITLES = (
    (GROUP_COMPANY, "Company"),
    (GROUP_ANALYST, "Analysts"),
    (GROUP_OPERATOR, "Operator"),
    (GROUP_OTHER, "Other speakers"),
    (GROUP_UNKNOWN, "Unidentified speakers"),
)


def _notes(transcript: Transcript, target: str) -> tuple[Markup, ...]:
    return tuple(markdown.render(n.markdown) for n in transcript.notes if n.target == target)


def _facts(transcript: Transcript) -> tuple[Fact, ...]:
    e = transcript.parsed.event
    facts: list[Fact] = []
    if e.exchange and e.ticker:
        facts.append(Fact("Ticker", f"{e.exchange}: {e.ticker}"))
    elif e.ticker:
        facts.append(Fact("Ticker", e.ticker))
    if e.quarter or e.year:
        facts.append(Fact("Period", " ".join(str(v) for v in (e.quarter, e.year) if v)))
    if e.time:
        facts.append(Fact("Time", " ".join(v for v in (e.time, e.timezone) if v)))
    return tuple(facts)


class _TranscriptViewBuilder:
    def __init__(self, site: Site, urls: Urls, transcript: Transcript) -> None:
        self.site, self.urls, self.t = site, urls, transcript
        self.page_url = urls.transcript(transcript.slug)
        self.speakers = {
            p.id: speaker_view(site, urls, transcript, p.id) for p in transcript.parsed.participants
        }
        self.exchanges = {e.id: e for e in transcript.parsed.exchanges}
        self.neighbours = exchange_neighbours(
            urls,
            transcript,
            {e.id: self.speakers[e.asker].name for e in self.exchanges.values() if e.asker},
            f"{self.page_url}#{CONTENTS_ANCHOR}",
        )
        self.corrections = tuple(
            NumberedCorrection(
                c, n, correction_anchor(n), f"{self.page_url}#{correction_anchor(n)}"
            )
            for n, c in enumerate(transcript.corrections, 1)
        )

    def topics(self, exchange: Exchange) -> tuple[Link, ...]:
        return tuple(
            Link(self.urls.topic(tid), self.site.topics[tid].topic.title)
            for tid in exchange.topics
            if tid in self.site.topics
        )

    def turn(self, turn: Turn, number: int, level: int) -> TurnView:
        exchange = self.exchanges.get(turn.exchange or "")
        return TurnView(
            id=turn.id,
            permalink=self.urls.turn(self.t.slug, turn.id),
            number=number,
            speaker=self.speakers.get(turn.speaker) if turn.speaker else None,
            paragraphs=paragraphs_html(
                turn.paragraphs, [c for c in self.corrections if c.correction.turn == turn.id]
            ),
            notes=_notes(self.t, f"turn:{turn.id}"),
            timestamp=turn.timestamp,
            heading_level=level,
            is_question=bool(exchange and exchange.asker and exchange.asker == turn.speaker),
            citation=citation(
                self.urls,
                self.t,
                self.speakers[turn.speaker].name if turn.speaker else None,
                self.urls.turn(self.t.slug, turn.id),
                f"turn {number}",
            ),
        )

    def exchange(self, exchange: Exchange, turns: list[TurnView]) -> ExchangeView:
        return ExchangeView(
            id=exchange.id,
            permalink=self.urls.exchange(self.t.slug, exchange.id),
            number=self.number(exchange),
            asker=self.speakers.get(exchange.asker) if exchange.asker else None,
            topics=self.topics(exchange),
            notes=_notes(self.t, f"exchange:{exchange.id}"),
            turns=tuple(turns),
            citation=citation(
                self.urls,
                self.t,
                self.speakers[exchange.asker].name if exchange.asker else None,
                self.urls.exchange(self.t.slug, exchange.id),
                f"question {self.number(exchange)}",
            ),
            neighbours=self.neighbours.get(exchange.id),
        )

    def number(self, exchange: Exchange) -> int:
        return [e.id for e in self.t.parsed.exchanges].index(exchange.id) + 1

    def sections(self) -> tuple[SectionView, ...]:
        """Turns grouped into their sections (consecutive runs) and exchanges, in source order."""
        kinds = {s.id: s for s in self.t.parsed.sections}
        runs: list[tuple[str, list[tuple[int, Turn]]]] = []
        for number, turn in enumerate(self.t.parsed.turns, 1):
            if not runs or runs[-1][0] != turn.section:
                runs.append((turn.section, []))
            runs[-1][1].append((number, turn))
        anchored: set[str] = set()
        views: list[SectionView] = []
        for section_id, turns in runs:
            section = kinds.get(section_id)
            blocks: list[TurnView | ExchangeView] = []
            open_exchange: tuple[Exchange, list[TurnView]] | None = None
            for number, turn in turns:
                exchange = self.exchanges.get(turn.exchange or "")
                if open_exchange and (exchange is None or exchange.id != open_exchange[0].id):
                    blocks.append(self.exchange(*open_exchange))
                    open_exchange = None
                if exchange is None:
                    blocks.append(self.turn(turn, number, 3))
                    continue
                if open_exchange is None:
                    open_exchange = (exchange, [])
                open_exchange[1].append(self.turn(turn, number, 4))
            if open_exchange:
                blocks.append(self.exchange(*open_exchange))
            anchor = None if section_id in anchored else self.urls.section_anchor(section_id)
            anchored.add(section_id)
            views.append(
                SectionView(
                    anchor=anchor,
                    title=section.title if section else section_id,
                    boilerplate=bool(section and section.kind == SECTION_BOILERPLATE),
                    blocks=tuple(blocks),
                )
            )
        return tuple(views)

    def build(self) -> TranscriptView:
        parsed = self.t.parsed
        groups = tuple(
            ParticipantGroup(
                title,
                tuple(self.speakers[p.id] for p in parsed.participants if p.group == group),
            )
            for group, title in GROUP_TITLES
        )
        turn_labels = {
            turn.id: (turn.speaker and self.speakers[turn.speaker].name) or "Unattributed text"
            for turn in parsed.turns
        }
        paragraphs = {turn.id: turn.paragraphs for turn in parsed.turns}
        placed = {
            c.number
            for c in self.corrections
            if locate(paragraphs.get(c.correction.turn, ()), c.correction)
        }
        return TranscriptView(
            title=self.t.title,
            date=date_view(parsed.event.date),
            company=org_link(self.site, self.urls, self.site.transcript_companies.get(self.t.slug)),
            facts=_facts(self.t),
            summary=markdown.render(self.t.summary) if self.t.summary else None,
            notes=_notes(self.t, "transcript"),
            participant_groups=tuple(g for g in groups if g.speakers),
            contents=tuple(
                ContentsEntry(
                    number=n,
                    url=self.urls.exchange(self.t.slug, e.id),
                    asker=self.speakers.get(e.asker) if e.asker else None,
                    topics=self.topics(e),
                )
                for n, e in enumerate(parsed.exchanges, 1)
            ),
            sections=self.sections(),
            corrections=tuple(
                CorrectionNote(
                    anchor=c.anchor,
                    number=c.number,
                    back_url=f"{self.page_url}#{c.anchor}-ref" if c.number in placed else None,
                    turn=Link(
                        self.urls.turn(self.t.slug, c.correction.turn),
                        turn_labels.get(c.correction.turn, c.correction.turn),
                    ),
                    find=c.correction.find,
                    replace=c.correction.replace,
                    reason=c.correction.reason,
                )
                for c in self.corrections
            ),
            source_notes=tuple(
                f"line {w.line}: {w.message}" if w.line else w.message for w in parsed.warnings
            ),
            json_url=self.urls.transcript_json(self.t.slug),
            calls=call_neighbours(self.site, self.urls, self.t.slug),
            charts=transcript_charts(self.urls, self.t, self.speakers),
            search_filters=_inert_filters(
                transcript_filters(
                    self.speakers.values(),
                    org_link(self.site, self.urls, self.site.transcript_companies.get(self.t.slug)),
                    quarter_label(parsed.event.quarter, parsed.event.year),
                    (topic for e in parsed.exchanges for topic in self.topics(e)),
                )
            ),
        )


# Pagefind decodes entities in the filter text it reads, and its UI puts filter values into the
# search page as HTML (innerHTML): a firm named "<img src=x onerror=...>" or "&lt;img ...&gt;"
# would become an element there. An invisible WORD JOINER after every "<" and "&" leaves the value
# reading the same while no tag or entity can start (tests/test_xss.py shows it in Chromium).
_WORD_JOINER = "\u2060"


def _inert_filters(filters: tuple[SearchFilter, ...]) -> tuple[SearchFilter, ...]:
    return tuple(
        SearchFilter(
            f.name, f.value.replace("&", "&" + _WORD_JOINER).replace("<", "<" + _WORD_JOINER)
        )
        for f in filters
    )


def transcript_view(site: Site, urls: Urls, transcript: Transcript) -> TranscriptView:
    return _TranscriptViewBuilder(site, urls, transcript).build()
