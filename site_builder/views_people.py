"""Person pages and the exchange lists they share with topic pages.

A person on 1,000 calls has thousands of turns and questions: every lookup here goes through a
dictionary made once per transcript (:func:`_positions`) or once per page, never a scan of a
call's turns per item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from markupsafe import Markup

from . import markdown
from .index import ExchangeRef, Site, TurnRef
from .memo import by_identity
from .model import GROUP_OPERATOR, Exchange, Transcript, Turn
from .urls import Urls
from .views_charts import ChartView, person_share_chart
from .views_common import DateView, Link, Stat, date_view, org_link, plural
from .views_lists import (
    ExchangeItem,
    excerpt_item_html,
    excerpts_html,
    exchange_item_html,
    exchange_list_html,
)
from .views_text import excerpt


@dataclass(frozen=True, slots=True)
class PersonEvent:
    transcript: Link
    date: DateView | None
    role: str | None
    organization: Link | None
    asked: Markup
    """The questions they asked, printed (:mod:`site_builder.views_lists`)."""
    answered: Markup
    turns: Markup
    """Everything they said: each turn's link and opening words."""
    turn_count: int


@dataclass(frozen=True, slots=True)
class PersonView:
    name: str
    role: str | None
    organization: Link | None
    bio: Markup | None
    stats: tuple[Stat, ...]
    events: tuple[PersonEvent, ...]
    chart: ChartView | None = None
    """Their share of each event's spoken words."""


@dataclass(frozen=True, slots=True)
class PersonItem:
    url: str
    name: str
    role: str | None
    organization: Link | None
    summary: str
    """``12 turns in 1 event``."""


@dataclass(frozen=True, slots=True)
class _Positions:
    """One transcript's turns and exchanges by id, with their 1-based numbers."""

    turns: dict[str, tuple[int, Turn]]
    exchanges: dict[str, tuple[int, Exchange]]
    groups: dict[str, str]
    """Participant id -> group."""


# Person pages come in name order, each asking a few calls out of all of them: remember every
# call's, or a big site makes them again and again.
@by_identity(8192)
def _positions(transcript: Transcript) -> _Positions:
    parsed = transcript.parsed
    return _Positions(
        turns={t.id: (n, t) for n, t in enumerate(parsed.turns, 1)},
        exchanges={e.id: (n, e) for n, e in enumerate(parsed.exchanges, 1)},
        groups={p.id: p.group for p in parsed.participants},
    )


class _InTranscript(Protocol):
    @property
    def transcript(self) -> str: ...


RefT = TypeVar("RefT", bound=_InTranscript)


def by_transcript(refs: Iterable[RefT]) -> dict[str, list[RefT]]:
    """Refs grouped by transcript slug, each group in the order given."""
    grouped: dict[str, list[RefT]] = {}
    for ref in refs:
        grouped.setdefault(ref.transcript, []).append(ref)
    return grouped


@by_identity(2)
def _made(
    site: Site, urls: Urls
) -> tuple[dict[tuple[str, str], ExchangeItem], dict[tuple[str, str, bool], str]]:
    """The items made and printed so far in this build: a question is listed on its asker's
    page, on each answerer's and on its topics' pages."""
    return {}, {}


def exchange_item(site: Site, urls: Urls, ref: ExchangeRef) -> ExchangeItem:
    made = _made(site, urls)[0]
    key = (ref.transcript, ref.exchange)
    item = made.get(key)
    if item is None:
        item = made[key] = _exchange_item(site, urls, ref)
    return item


def exchange_list(
    site: Site, urls: Urls, refs: Iterable[ExchangeRef], show_asker: bool = True
) -> Markup:
    """The questions as a printed list; ``show_asker`` False on the asker's own page."""
    printed = _made(site, urls)[1]
    items = []
    for ref in refs:
        key = (ref.transcript, ref.exchange, show_asker)
        html = printed.get(key)
        if html is None:
            html = printed[key] = exchange_item_html(exchange_item(site, urls, ref), show_asker)
        items.append(html)
    return exchange_list_html(items)


def _exchange_item(site: Site, urls: Urls, ref: ExchangeRef) -> ExchangeItem:
    t = site.transcript(ref.transcript)
    positions = _positions(t)
    number, ex = positions.exchanges[ref.exchange]
    turns = [positions.turns[tid][1] for tid in ex.turns if tid in positions.turns]
    asker_turns = [turn for turn in turns if turn.speaker == ex.asker]
    answerers: list[Link] = []
    for turn in turns:
        speaker = turn.speaker
        if speaker and speaker != ex.asker and positions.groups.get(speaker) != GROUP_OPERATOR:
            person = site.person_of(t.slug, speaker).person
            answerers.append(Link(urls.person(person.id), person.name))
    asker = asker_firm = None
    if ex.asker:
        person = site.person_of(t.slug, ex.asker)
        asker = Link(urls.person(person.person.id), person.person.name)
        asker_firm = org_link(site, urls, site.participant_organizations.get((t.slug, ex.asker)))
    return ExchangeItem(
        url=urls.exchange(t.slug, ex.id),
        label=f"Question {number}",
        asker=asker,
        asker_firm=asker_firm,
        topics=tuple(
            Link(urls.topic(tid), site.topics[tid].topic.title)
            for tid in ex.topics
            if tid in site.topics
        ),
        excerpt=excerpt(asker_turns[0].paragraphs) if asker_turns else "",
        answerers=tuple(dict.fromkeys(answerers)),
    )


def _turn_excerpt(urls: Urls, t: Transcript, positions: _Positions, ref: TurnRef) -> str:
    """The turn's link (``Turn 12, question 3``) and its opening words, printed."""
    number, turn = positions.turns[ref.turn]
    label = f"Turn {number}"
    if turn.exchange and turn.exchange in positions.exchanges:
        label += f", question {positions.exchanges[turn.exchange][0]}"
    return excerpt_item_html(urls.turn(t.slug, turn.id), label, excerpt(turn.paragraphs))


def person_view(site: Site, urls: Urls, person_id: str) -> PersonView:
    entry = site.people[person_id]
    asked = by_transcript(entry.asked)
    answered = by_transcript(entry.answered)
    turns = by_transcript(entry.turns)
    events: list[PersonEvent] = []
    for slug in entry.transcripts:
        t = site.transcript(slug)
        positions = _positions(t)
        participant = next(
            p for p in t.parsed.participants if site.participant_people[(slug, p.id)] == person_id
        )
        events.append(
            PersonEvent(
                transcript=Link(urls.transcript(slug), t.title),
                date=date_view(t.parsed.event.date),
                role=participant.role,
                organization=org_link(
                    site, urls, site.participant_organizations.get((slug, participant.id))
                ),
                asked=exchange_list(site, urls, asked.get(slug, ()), show_asker=False),
                answered=exchange_list(site, urls, answered.get(slug, ())),
                turns=excerpts_html(
                    _turn_excerpt(urls, t, positions, r) for r in turns.get(slug, ())
                ),
                turn_count=len(turns.get(slug, ())),
            )
        )
    person = entry.person
    return PersonView(
        name=person.name,
        role=person.role,
        organization=org_link(site, urls, person.organization),
        bio=markdown.render(person.bio) if person.bio else None,
        stats=(
            Stat("Events", len(entry.transcripts)),
            Stat("Turns", len(entry.turns)),
            Stat("Words", entry.words),
            Stat("Questions asked", len(entry.asked)),
            Stat("Answers given", len(entry.answered)),
        ),
        events=tuple(events),
        chart=person_share_chart(site, urls, person_id),
    )


def person_item(site: Site, urls: Urls, person_id: str) -> PersonItem:
    entry = site.people[person_id]
    return PersonItem(
        url=urls.person(person_id),
        name=entry.person.name,
        role=entry.person.role,
        organization=org_link(site, urls, entry.person.organization),
        summary=f"{plural(len(entry.turns), 'turn')} in {plural(len(entry.transcripts), 'event')}",
    )
