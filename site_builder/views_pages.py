"""Views of the pages around the transcripts: organisations, topics, home and the indexes.

Person pages are in :mod:`site_builder.views_people`.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import markdown
from .index import Site
from .urls import Urls
from .views_common import DateView, Link, TranscriptItem, date_view, plural, transcript_item
from .views_exchanges import by_transcript, exchange_list
from .views_people import PersonItem, person_item


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
    exchanges: Markup
    """The call's questions on the topic, printed (:mod:`site_builder.views_lists`)."""


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


def not_found_view(site: Site, urls: Urls) -> HomeView:
    """The 404 page: links to the site's lists, never the lists themselves, so the page every
    mistyped address is answered with stays small however large the archive grows."""
    return HomeView(
        intro="",
        transcripts=(),
        browse=(
            Link(urls.home(), "Home"),
            Link(urls.transcripts(), f"Transcripts ({len(site.transcripts)})"),
            *home_view_browse(site, urls),
            Link(urls.search(), "Search"),
        ),
    )


def home_view_browse(site: Site, urls: Urls) -> tuple[Link, ...]:
    return (
        Link(urls.people(), f"People ({len(site.people)})"),
        Link(urls.organizations(), f"Organizations ({len(site.organizations)})"),
        Link(urls.topics(), f"Topics ({len(site.topics)})"),
    )


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
    events = tuple(
        TopicEvent(
            transcript=Link(urls.transcript(slug), site.transcript(slug).title),
            date=date_view(site.transcript(slug).parsed.event.date),
            exchanges=exchange_list(site, urls, refs),
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
    return HomeView(
        intro=site.config.description,
        transcripts=tuple(transcript_item(site, urls, t) for t in site.transcripts),
        browse=home_view_browse(site, urls),
    )
