"""Views of the pages around the transcripts: organisations, topics, home and the indexes.

Person pages are in :mod:`site_builder.views.people`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from site_builder import markdown, memo
from site_builder.index.entries import ExchangeRef
from site_builder.index.site import Site
from site_builder.urls import Urls
from site_builder.views.common import (
    DateView,
    Link,
    TranscriptItem,
    date_view,
    plural,
    transcript_item,
)
from site_builder.views.exchanges import by_transcript, exchange_list
from site_builder.views.passages import ExchangeContext, Said, passages
from site_builder.views.people import PersonItem, person_item


@dataclass(frozen=True, slots=True)
class OrganizationView:
    name: str
    description: Markup | None
    ticker: str | None
    website: str | None
    held: tuple[TranscriptItem, ...]
    people: tuple[PersonItem, ...]
    events: tuple[TranscriptItem, ...]
    questions: tuple[TopicEvent, ...] = ()
    """Every question its people asked, by call (newest first), each call headed by the
    company that held it and its date."""


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
    exchanges: Markup
    """The call's questions on the topic, printed (:mod:`site_builder.views.lists`)."""


@dataclass(frozen=True, slots=True)
class TopicPassage:
    """A question tagged with the topic: the question, and the opening of its first answer."""

    exchange: ExchangeContext
    answer: Said | None


@dataclass(frozen=True, slots=True)
class TopicCall:
    transcript: Link
    date: DateView | None
    passages: tuple[TopicPassage, ...]


@dataclass(frozen=True, slots=True)
class TopicView:
    title: str
    description: Markup | None
    events: tuple[TopicCall, ...]
    """By call, newest first."""


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
class HomeGroup:
    """The transcripts of one company (newest first), or of nobody in particular."""

    title: str
    url: str | None
    transcripts: tuple[TranscriptItem, ...]


@dataclass(frozen=True, slots=True)
class HomeView:
    intro: str
    groups: tuple[HomeGroup, ...]
    """By company (by name), then those no company held."""
    browse: tuple[Link, ...]
    transcripts: tuple[TranscriptItem, ...] = ()
    """All of them, newest first."""


def organization_questions(site: Site, org_id: str) -> tuple[ExchangeRef, ...]:
    """The questions asked by people speaking for ``org_id``, newest call first."""
    return _questions_by_organization(site).get(org_id, ())


@memo.by_identity(2)
def _questions_by_organization(site: Site) -> dict[str, tuple[ExchangeRef, ...]]:
    """:func:`organization_questions` of every organisation, from one pass over the calls (the
    page catalogue asks it of each organisation; a busy firm's calls are half the archive)."""
    members = {org_id: set(entry.people) for org_id, entry in site.organizations.items()}
    asked: dict[tuple[str, str], list[ExchangeRef]] = {}
    for t in site.transcripts:
        slug = t.slug
        for exchange in t.parsed.exchanges:
            asker = exchange.asker
            if asker is None:
                continue
            org_id = site.participant_organizations.get((slug, asker))
            if org_id is None or org_id not in members:
                continue
            if site.participant_people.get((slug, asker), "") in members[org_id]:
                asked.setdefault((org_id, slug), []).append(ExchangeRef(slug, exchange.id))
    return {
        org_id: tuple(ref for slug in entry.transcripts for ref in asked.get((org_id, slug), ()))
        for org_id, entry in site.organizations.items()
    }


def _questions_by_call(site: Site, urls: Urls, org_id: str) -> tuple[TopicEvent, ...]:
    events = []
    for slug, refs in by_transcript(organization_questions(site, org_id)).items():
        t = site.transcript(slug)
        company = site.transcript_companies.get(slug)
        held_by = site.organizations[company].organization.name if company else None
        title = f"{held_by}: {t.title}" if held_by and held_by not in t.title else t.title
        events.append(
            TopicEvent(
                transcript=Link(urls.transcript(slug), title),
                date=date_view(t.parsed.event.date),
                exchanges=exchange_list(site, urls, refs),
            )
        )
    return tuple(events)


def not_found_view(site: Site, urls: Urls) -> HomeView:
    """The 404 page: links to the site's lists, never the lists themselves, so the page every
    mistyped address is answered with stays small however large the archive grows."""
    return HomeView(
        intro="",
        groups=(),
        browse=(
            Link(urls.home(), "Home"),
            Link(urls.transcripts(), f"Transcripts ({len(site.transcripts)})"),
            *home_view_browse(site, urls),
            Link(urls.search(), "Search"),
        ),
    )


def home_view_browse(site: Site, urls: Urls) -> tuple[Link, ...]:
    counts = (
        (urls.people(), "People", len(site.people)),
        (urls.organizations(), "Organizations", len(site.organizations)),
        (urls.topics(), "Topics", len(site.topics)),
    )
    # An empty index is not worth a link ("Topics (0)").
    return tuple(Link(url, f"{text} ({n})") for url, text, n in counts if n)


def organization_view(site: Site, urls: Urls, org_id: str) -> OrganizationView:
    entry = site.organizations[org_id]
    org = entry.organization
    held = set(entry.held)
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
            if s not in held
        ),
        questions=_questions_by_call(site, urls, org_id),
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
    made = passages(site, urls)
    events = tuple(
        TopicCall(
            transcript=Link(urls.transcript(slug), site.transcript(slug).title),
            date=date_view(site.transcript(slug).parsed.event.date),
            passages=tuple(
                TopicPassage(made.context(slug, r.exchange), made.first_answer(slug, r.exchange))
                for r in refs
            ),
        )
        for slug, refs in by_transcript(entry.exchanges).items()
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
    by_company: dict[str | None, list[TranscriptItem]] = {}
    for t in site.transcripts:  # newest first
        by_company.setdefault(site.transcript_companies.get(t.slug), []).append(
            transcript_item(site, urls, t)
        )
    groups = sorted(
        (
            HomeGroup(site.organizations[oid].organization.name, urls.organization(oid), tuple(i))
            for oid, i in by_company.items()
            if oid is not None and oid in site.organizations
        ),
        key=lambda g: g.title.casefold(),
    )
    others = [
        i for oid, items in by_company.items() if oid not in site.organizations for i in items
    ]
    if others:
        title = "Other transcripts" if groups else "Transcripts"
        groups.append(HomeGroup(title, None, tuple(others)))
    return HomeView(
        intro=site.config.description,
        groups=tuple(groups),
        browse=home_view_browse(site, urls),
        transcripts=tuple(transcript_item(site, urls, t) for t in site.transcripts),
    )
