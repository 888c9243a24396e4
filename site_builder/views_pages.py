"""Views of the pages around the transcripts: people, organisations, topics and their indexes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import markdown
from .index import ExchangeRef, Site, TurnRef
from .model import GROUP_OPERATOR, Transcript
from .urls import Urls
from .views_charts import ChartView, person_share_chart
from .views_common import (
    DateView,
    Link,
    Stat,
    TranscriptItem,
    date_view,
    org_link,
    plural,
    transcript_item,
)
from .views_text import excerpt


@dataclass(frozen=True, slots=True)
class TurnExcerpt:
    url: str
    label: str
    """``Turn 12``, or ``Turn 12, question 3`` inside an exchange."""
    text: str


@dataclass(frozen=True, slots=True)
class ExchangeItem:
    url: str
    label: str
    """``Question 3``."""
    asker: Link | None
    asker_firm: Link | None
    topics: tuple[Link, ...]
    excerpt: str
    """The opening words of the question."""
    answerers: tuple[Link, ...] = ()
    """Who answered: everyone else who spoke in the exchange, operators aside."""


@dataclass(frozen=True, slots=True)
class PersonEvent:
    transcript: Link
    date: DateView | None
    role: str | None
    organization: Link | None
    asked: tuple[ExchangeItem, ...]
    answered: tuple[ExchangeItem, ...]
    turns: tuple[TurnExcerpt, ...]


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
class OrganizationView:
    name: str
    description: Markup | None
    ticker: str | None
    website: str | None
    held: tuple[TranscriptItem, ...]
    people: tuple[PersonItem, ...]
    events: tuple[TranscriptItem, ...]


@dataclass(frozen=True, slots=True)
class OrganizationItem:
    url: str
    name: str
    summary: str


@dataclass(frozen=True, slots=True)
class OrganizationsView:
    companies: tuple[OrganizationItem, ...]
    others: tuple[OrganizationItem, ...]


@dataclass(frozen=True, slots=True)
class TopicEvent:
    transcript: Link
    date: DateView | None
    exchanges: tuple[ExchangeItem, ...]


@dataclass(frozen=True, slots=True)
class TopicView:
    title: str
    description: Markup | None
    events: tuple[TopicEvent, ...]


@dataclass(frozen=True, slots=True)
class TopicItem:
    url: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class ListView:
    """A page whose content is one list (people, topics, transcripts)."""

    items: tuple[object, ...]
    intro: str


@dataclass(frozen=True, slots=True)
class HomeView:
    intro: str
    transcripts: tuple[TranscriptItem, ...]
    browse: tuple[Link, ...]


def exchange_item(site: Site, urls: Urls, ref: ExchangeRef) -> ExchangeItem:
    t = site.transcript(ref.transcript)
    exchanges = t.parsed.exchanges
    ex = next(e for e in exchanges if e.id == ref.exchange)
    turns = {turn.id: turn for turn in t.parsed.turns}
    asker_turns = [
        turns[tid] for tid in ex.turns if tid in turns and turns[tid].speaker == ex.asker
    ]
    groups = {p.id: p.group for p in t.parsed.participants}
    answerers: list[Link] = []
    for tid in ex.turns:
        speaker = turns[tid].speaker if tid in turns else ""
        if speaker and speaker != ex.asker and groups.get(speaker) != GROUP_OPERATOR:
            person = site.person_of(t.slug, speaker).person
            answerers.append(Link(urls.person(person.id), person.name))
    asker = asker_firm = None
    if ex.asker:
        person = site.person_of(t.slug, ex.asker)
        asker = Link(urls.person(person.person.id), person.person.name)
        asker_firm = org_link(site, urls, site.participant_organizations.get((t.slug, ex.asker)))
    return ExchangeItem(
        url=urls.exchange(t.slug, ex.id),
        label=f"Question {exchanges.index(ex) + 1}",
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


def _turn_excerpt(urls: Urls, t: Transcript, ref: TurnRef) -> TurnExcerpt:
    turn = next(x for x in t.parsed.turns if x.id == ref.turn)
    number = t.parsed.turns.index(turn) + 1
    label = f"Turn {number}"
    if turn.exchange:
        ids = [e.id for e in t.parsed.exchanges]
        if turn.exchange in ids:
            label += f", question {ids.index(turn.exchange) + 1}"
    return TurnExcerpt(urls.turn(t.slug, turn.id), label, excerpt(turn.paragraphs))


def person_view(site: Site, urls: Urls, person_id: str) -> PersonView:
    entry = site.people[person_id]
    events: list[PersonEvent] = []
    for slug in entry.transcripts:
        t = site.transcript(slug)
        participant_ids = [
            p.id
            for p in t.parsed.participants
            if site.participant_people[(slug, p.id)] == person_id
        ]
        participant = t.parsed.participant(participant_ids[0])
        events.append(
            PersonEvent(
                transcript=Link(urls.transcript(slug), t.title),
                date=date_view(t.parsed.event.date),
                role=participant.role,
                organization=org_link(
                    site, urls, site.participant_organizations.get((slug, participant.id))
                ),
                asked=tuple(
                    exchange_item(site, urls, r) for r in entry.asked if r.transcript == slug
                ),
                answered=tuple(
                    exchange_item(site, urls, r) for r in entry.answered if r.transcript == slug
                ),
                turns=tuple(_turn_excerpt(urls, t, r) for r in entry.turns if r.transcript == slug),
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


def organization_view(site: Site, urls: Urls, org_id: str) -> OrganizationView:
    entry = site.organizations[org_id]
    org = entry.organization
    return OrganizationView(
        name=org.name,
        description=markdown.render(org.description) if org.description else None,
        ticker=org.ticker,
        website=org.url,
        held=tuple(transcript_item(site, urls, site.transcript(s)) for s in entry.held),
        people=tuple(person_item(site, urls, pid) for pid in entry.people),
        events=tuple(
            transcript_item(site, urls, site.transcript(s))
            for s in entry.transcripts
            if s not in entry.held
        ),
    )


def organizations_view(site: Site, urls: Urls) -> OrganizationsView:
    companies: list[OrganizationItem] = []
    others: list[OrganizationItem] = []
    for oid, entry in site.organizations.items():
        summary = f"{plural(len(entry.people), 'person', 'people')}"
        if entry.held:
            summary += f", held {plural(len(entry.held), 'event')}"
        item = OrganizationItem(urls.organization(oid), entry.organization.name, summary)
        (companies if entry.held else others).append(item)
    return OrganizationsView(tuple(companies), tuple(others))


def topic_view(site: Site, urls: Urls, topic_id: str) -> TopicView:
    entry = site.topics[topic_id]
    slugs = list(dict.fromkeys(r.transcript for r in entry.exchanges))
    events = tuple(
        TopicEvent(
            transcript=Link(urls.transcript(slug), site.transcript(slug).title),
            date=date_view(site.transcript(slug).parsed.event.date),
            exchanges=tuple(
                exchange_item(site, urls, r) for r in entry.exchanges if r.transcript == slug
            ),
        )
        for slug in slugs
    )
    topic = entry.topic
    description = markdown.render(topic.description) if topic.description else None
    return TopicView(topic.title, description, events)


def topic_items(site: Site, urls: Urls) -> tuple[TopicItem, ...]:
    return tuple(
        TopicItem(urls.topic(tid), e.topic.title, plural(len(e.exchanges), "exchange"))
        for tid, e in site.topics.items()
    )


def home_view(site: Site, urls: Urls) -> HomeView:
    return HomeView(
        intro=site.config.description,
        transcripts=tuple(transcript_item(site, urls, t) for t in site.transcripts),
        browse=(
            Link(urls.people(), f"People ({len(site.people)})"),
            Link(urls.organizations(), f"Organizations ({len(site.organizations)})"),
            Link(urls.topics(), f"Topics ({len(site.topics)})"),
        ),
    )
