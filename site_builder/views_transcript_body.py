"""The body of a transcript page: every turn in source order, in its section and exchange."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from . import markdown
from .index import Site
from .model import SECTION_BOILERPLATE, Exchange, Transcript, Turn
from .urls import CONTENTS_ANCHOR, Urls
from .views_common import Link, SpeakerView
from .views_linking import Citation, Neighbours, citation, exchange_neighbours
from .views_text import NumberedCorrection, paragraphs_html


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


def notes_html(transcript: Transcript, target: str) -> tuple[Markup, ...]:
    return tuple(markdown.render(n.markdown) for n in transcript.notes if n.target == target)


class TranscriptBody:
    """Makes the views of one transcript's turns, exchanges and sections.

    One object per page so the lookups (speakers, exchange numbers, corrections by turn) are
    made once: a call has hundreds of turns, and each needs them.
    """

    def __init__(
        self,
        site: Site,
        urls: Urls,
        transcript: Transcript,
        speakers: Mapping[str, SpeakerView],
        corrections: tuple[NumberedCorrection, ...],
    ) -> None:
        self.site, self.urls, self.t = site, urls, transcript
        self.speakers = speakers
        exchanges = transcript.parsed.exchanges
        self.exchanges = {e.id: e for e in exchanges}
        self.numbers = {e.id: n for n, e in enumerate(exchanges, 1)}
        self.corrections: dict[str, list[NumberedCorrection]] = {}
        for c in corrections:
            self.corrections.setdefault(c.correction.turn, []).append(c)
        self.neighbours = exchange_neighbours(
            urls,
            transcript,
            {e.id: speakers[e.asker].name for e in exchanges if e.asker},
            urls.in_transcript(transcript.slug, CONTENTS_ANCHOR),
        )

    def topics(self, exchange: Exchange) -> tuple[Link, ...]:
        return tuple(
            Link(self.urls.topic(tid), self.site.topics[tid].topic.title)
            for tid in exchange.topics
            if tid in self.site.topics
        )

    def turn(self, turn: Turn, number: int, level: int) -> TurnView:
        exchange = self.exchanges.get(turn.exchange or "")
        permalink = self.urls.turn(self.t.slug, turn.id)
        return TurnView(
            id=turn.id,
            permalink=permalink,
            number=number,
            speaker=self.speakers.get(turn.speaker) if turn.speaker else None,
            paragraphs=paragraphs_html(turn.paragraphs, self.corrections.get(turn.id, ())),
            notes=notes_html(self.t, f"turn:{turn.id}"),
            timestamp=turn.timestamp,
            heading_level=level,
            is_question=bool(exchange and exchange.asker and exchange.asker == turn.speaker),
            citation=citation(
                self.urls,
                self.t,
                self.speakers[turn.speaker].name if turn.speaker else None,
                permalink,
                f"turn {number}",
            ),
        )

    def exchange(self, exchange: Exchange, turns: list[TurnView]) -> ExchangeView:
        permalink = self.urls.exchange(self.t.slug, exchange.id)
        number = self.numbers[exchange.id]
        return ExchangeView(
            id=exchange.id,
            permalink=permalink,
            number=number,
            asker=self.speakers.get(exchange.asker) if exchange.asker else None,
            topics=self.topics(exchange),
            notes=notes_html(self.t, f"exchange:{exchange.id}"),
            turns=tuple(turns),
            citation=citation(
                self.urls,
                self.t,
                self.speakers[exchange.asker].name if exchange.asker else None,
                permalink,
                f"question {number}",
            ),
            neighbours=self.neighbours.get(exchange.id),
        )

    def sections(self) -> tuple[SectionView, ...]:
        """Turns grouped into their sections (consecutive runs) and exchanges, in source order."""
        kinds = {s.id: s for s in self.t.parsed.sections}
        runs: list[tuple[str, list[tuple[int, Turn]]]] = []
        for number, turn in enumerate(self.t.parsed.turns, 1):
            if not runs or runs[-1][0] != turn.section:
                runs.append((turn.section, []))
            runs[-1][1].append((number, turn))
        # A section the source interrupts comes back as a second run: only its first run gets
        # the anchor, so ids stay unique.
        anchored: set[str] = set()
        views: list[SectionView] = []
        for section_id, turns in runs:
            section = kinds.get(section_id)
            anchor = None if section_id in anchored else self.urls.section_anchor(section_id)
            anchored.add(section_id)
            views.append(
                SectionView(
                    anchor=anchor,
                    title=section.title if section else section_id,
                    boilerplate=bool(section and section.kind == SECTION_BOILERPLATE),
                    blocks=self._blocks(turns),
                )
            )
        return tuple(views)

    def _blocks(self, turns: list[tuple[int, Turn]]) -> tuple[TurnView | ExchangeView, ...]:
        """A section's turns, each run of one exchange's turns gathered into that exchange."""
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
        return tuple(blocks)
