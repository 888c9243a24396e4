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

from site_builder.index.site import Site
from site_builder.memo import by_identity
from site_builder.model import Participant, Transcript
from site_builder.urls import Urls
from site_builder.views.csp import CONTENT_SECURITY_POLICY
from site_builder.views.text import esc


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
    """The page's ``<meta http-equiv="Content-Security-Policy">`` (see
    :mod:`site_builder.views.csp`)."""


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
    """schema.org JSON-LD, already script-safe (see :mod:`site_builder.views.structured_data`)."""
    scripts: tuple[str, ...] = ()
    """URLs of the page's own deferred scripts (never inline: the CSP forbids it)."""


@dataclass(frozen=True, slots=True)
class DateView:
    iso: str
    text: str


@dataclass(frozen=True, slots=True)
class SpeakerView:
    """A participant as a transcript page shows them: linked to their person page, if any."""

    name: str
    url: str | None
    """None for a voice of one call (an operator), which has no page."""
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
    html: Markup
    """The item printed (``macros.html`` lists thousands of them on organisation pages)."""


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


@by_identity(2)
def participants_of(site: Site) -> dict[tuple[str, str], tuple[str, ...]]:
    """(transcript slug, person id) -> the person's participant ids in that call, in order.

    Made once per site: a person page asks it for each of its calls, and a scan of a call's
    participants per ask made busy analysts' pages slow.
    """
    found: dict[tuple[str, str], list[str]] = {}
    for (slug, participant), person in site.participant_people.items():
        found.setdefault((slug, person), []).append(participant)
    return {key: tuple(ids) for key, ids in found.items()}


def org_link(site: Site, urls: Urls, org_id: str | None) -> Link | None:
    if not org_id or org_id not in site.organizations:
        return None
    return Link(urls.organization(org_id), site.organizations[org_id].organization.name)


def speaker_view(
    site: Site, urls: Urls, transcript: Transcript, participant: Participant
) -> SpeakerView:
    slug = transcript.slug
    person = site.person_of(slug, participant.id).person
    org_id = site.participant_organizations.get((slug, participant.id))
    return SpeakerView(
        name=person.name if person.id in site.annotations.people else participant.name,
        url=urls.person(person.id) if site.has_page(person.id) else None,
        role=participant.role or person.role,
        organization=org_link(site, urls, org_id),
        group=participant.group,
    )


@by_identity(2)
def _transcript_items(site: Site, urls: Urls) -> dict[str, TranscriptItem]:
    """Items made so far in this build: a call is listed on the home page, the index and the
    page of each organisation whose people spoke in it."""
    return {}


def transcript_item(site: Site, urls: Urls, transcript: Transcript) -> TranscriptItem:
    made = _transcript_items(site, urls)
    item = made.get(transcript.slug)
    if item is None:
        item = made[transcript.slug] = _transcript_item(site, urls, transcript)
    return item


def _transcript_item(site: Site, urls: Urls, transcript: Transcript) -> TranscriptItem:
    speakers = {t.speaker for t in transcript.parsed.turns if t.speaker}
    url = urls.transcript(transcript.slug)
    company = org_link(site, urls, site.transcript_companies.get(transcript.slug))
    date = date_view(transcript.parsed.event.date)
    questions = len(transcript.parsed.exchanges)
    # The markup macros.html printed per item, kept byte for byte (even its spaces before </p>).
    parts = [f'<a href="{esc(company.url)}">{esc(company.text)}</a>'] if company else []
    if date:
        parts.append(f'<time datetime="{esc(date.iso)}">{esc(date.text)}</time>')
    if questions:
        parts.append(f"{questions} question{'' if questions == 1 else 's'}")
    if speakers:
        parts.append(f"{len(speakers)} speaker{'' if len(speakers) == 1 else 's'}")
    # Joined, so a call with neither company nor date does not start with a separator.
    meta = " · ".join(parts)
    html = (
        f'  <li class="card">\n    <a class="card__title" href="{esc(url)}">'
        f'{esc(transcript.title)}</a>\n    <p class="card__meta">{meta}    </p>\n  </li>'
    )
    return TranscriptItem(
        url=url,
        title=transcript.title,
        company=company,
        date=date,
        exchange_count=questions,
        speaker_count=len(speakers),
        html=Markup(html),
    )


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
