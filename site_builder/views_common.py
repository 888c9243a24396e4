"""View objects every page shares: links, the page frame, speakers, dates.

Views are plain frozen data: strings, numbers, ``Markup`` and tuples of other views. Every URL is
already made (by :class:`site_builder.urls.Urls`) and every HTML fragment already rendered, so a
template only loops and prints, and rendering is a pure function of the view (a render cache can
key on ``repr(view)``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from .csp import CONTENT_SECURITY_POLICY
from .index import Site
from .model import Transcript
from .urls import Urls


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True, slots=True)
class NavItem:
    url: str
    text: str
    current: bool


@dataclass(frozen=True, slots=True)
class Chrome:
    """The frame around every page: site title, language, navigation, stylesheet."""

    site_title: str
    lang: str
    home_url: str
    stylesheet_url: str
    nav: tuple[NavItem, ...]
    footer_note: str
    search_url: str = ""
    """The search page: the header's search form submits ``q`` to it."""
    feed_url: str = ""
    """The Atom feed of transcripts, announced in every page's head."""
    content_security_policy: str = CONTENT_SECURITY_POLICY
    """The page's ``<meta http-equiv="Content-Security-Policy">`` (see :mod:`site_builder.csp`)."""


@dataclass(frozen=True, slots=True)
class PageView:
    """One page: which template draws it, where it goes, and what it shows."""

    template: str
    kind: str
    url: str
    output_path: str
    title: str
    """The page's ``h1`` and the start of its ``<title>``."""
    head_title: str
    description: str
    canonical_url: str
    chrome: Chrome
    content: object
    """The kind-specific view (``TranscriptView``, ``PersonView`` ...)."""
    share_url: str = ""
    """The page's absolute URL for Open Graph (``og:url`` must be absolute); ``""`` when the
    site has no origin configured, and the tag is then left out rather than made up."""
    og_type: str = "website"
    """``website``, ``article`` (a transcript) or ``profile`` (a person)."""
    json_ld: Markup | None = None
    """schema.org JSON-LD, already script-safe (see :mod:`site_builder.structured_data`)."""
    scripts: tuple[str, ...] = ()
    """URLs of the page's own deferred scripts (never inline: the CSP forbids it)."""


@dataclass(frozen=True, slots=True)
class DateView:
    iso: str
    text: str


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """A participant as a transcript page shows them: linked to their person page."""

    name: str
    url: str
    role: str | None
    organization: Link | None
    group: str


@dataclass(frozen=True, slots=True)
class TranscriptItem:
    """A transcript in a list (home, organisation, person pages)."""

    url: str
    title: str
    company: Link | None
    date: DateView | None
    exchange_count: int
    speaker_count: int


@dataclass(frozen=True, slots=True)
class Stat:
    label: str
    value: int


NAV = (
    ("transcripts", "Transcripts"),
    ("people", "People"),
    ("organizations", "Organizations"),
    ("topics", "Topics"),
)


def date_view(iso: str | None) -> DateView | None:
    """``2012-07-25`` -> "July 25, 2012"; anything unparseable is shown as written."""
    if not iso:
        return None
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return DateView(iso, iso)
    return DateView(iso, f"{day:%B} {day.day}, {day.year}")


def chrome(site: Site, urls: Urls, section: str) -> Chrome:
    nav = tuple(NavItem(getattr(urls, key)(), text, key == section) for key, text in NAV)
    return Chrome(
        site_title=site.config.title,
        lang=site.config.language,
        home_url=urls.home(),
        stylesheet_url=urls.static("style.css"),
        nav=nav,
        footer_note=site.config.description,
        search_url=urls.search(),
        feed_url=urls.feed(),
    )


def page(
    site: Site,
    urls: Urls,
    *,
    template: str,
    kind: str,
    url: str,
    title: str,
    content: object,
    section: str = "",
    description: str = "",
    og_type: str = "website",
    json_ld: Markup | None = None,
    scripts: tuple[str, ...] = (),
) -> PageView:
    head_title = title if title == site.config.title else f"{title} · {site.config.title}"
    canonical = urls.absolute(url)
    return PageView(
        template=template,
        kind=kind,
        url=url,
        output_path=urls.output_path(url).as_posix(),
        title=title,
        head_title=head_title,
        # Share cards look broken without a description: fall back to the page's own title.
        description=description or site.config.description or head_title,
        canonical_url=canonical,
        chrome=chrome(site, urls, section),
        content=content,
        share_url=canonical if "://" in canonical else "",
        og_type=og_type,
        json_ld=json_ld,
        scripts=scripts,
    )


def org_link(site: Site, urls: Urls, org_id: str | None) -> Link | None:
    if not org_id or org_id not in site.organizations:
        return None
    return Link(urls.organization(org_id), site.organizations[org_id].organization.name)


def speaker_view(
    site: Site, urls: Urls, transcript: Transcript, participant_id: str
) -> SpeakerView:
    participant = transcript.parsed.participant(participant_id)
    person = site.person_of(transcript.slug, participant_id)
    org_id = site.participant_organizations.get((transcript.slug, participant_id))
    return SpeakerView(
        name=person.person.name
        if person.person.id in site.annotations.people
        else participant.name,
        url=urls.person(person.person.id),
        role=participant.role or person.person.role,
        organization=org_link(site, urls, org_id),
        group=participant.group,
    )


def transcript_item(site: Site, urls: Urls, transcript: Transcript) -> TranscriptItem:
    speakers = {t.speaker for t in transcript.parsed.turns if t.speaker}
    return TranscriptItem(
        url=urls.transcript(transcript.slug),
        title=transcript.title,
        company=org_link(site, urls, site.transcript_companies.get(transcript.slug)),
        date=date_view(transcript.parsed.event.date),
        exchange_count=len(transcript.parsed.exchanges),
        speaker_count=len(speakers),
    )


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
