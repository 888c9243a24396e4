"""Cross-transcript indexes: who spoke where, which firms they came from, what was discussed.

The index is the last stage that sees the model; views are built from it. It settles identities
(person, organisation, topic ids) once, so every page links a person to the same URL, and it
checks that no two things claim one URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .annotations import SiteAnnotations
from .errors import Diagnostics
from .index_people import (
    Speech,
    collect_organizations,
    collect_people,
    collect_topics,
    organization_entries,
    speech_of,
)
from .memo import by_identity
from .model import (
    GROUP_OPERATOR,
    GROUP_UNKNOWN,
    Organization,
    Person,
    SiteConfig,
    Topic,
    Transcript,
)
from .urls import Urls


@dataclass(frozen=True, slots=True)
class TurnRef:
    """A turn somewhere on the site."""

    transcript: str
    """Transcript slug."""
    turn: str
    """Turn id (its anchor)."""


@dataclass(frozen=True, slots=True)
class ExchangeRef:
    transcript: str
    exchange: str


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person and everything they said across the site."""

    person: Person
    """Merged from ``speakers.yaml`` and the participant lists (annotations win)."""
    transcripts: tuple[str, ...]
    """Slugs of the events they took part in, newest first."""
    turns: tuple[TurnRef, ...]
    asked: tuple[ExchangeRef, ...]
    """Exchanges they opened with a question."""
    answered: tuple[ExchangeRef, ...]
    """Exchanges someone else asked in which they spoke (operators never answer)."""
    words: int


@dataclass(frozen=True, slots=True)
class OrganizationEntry:
    organization: Organization
    people: tuple[str, ...]
    """Person ids, by name."""
    transcripts: tuple[str, ...]
    """Events its people spoke in, newest first."""
    held: tuple[str, ...]
    """Events the organisation held (it is the company of the call), newest first."""


@dataclass(frozen=True, slots=True)
class TopicEntry:
    topic: Topic
    exchanges: tuple[ExchangeRef, ...]
    """In transcript order (newest event first), then exchange order."""


@by_identity(4)
def _by_slug(transcripts: tuple[Transcript, ...]) -> dict[str, Transcript]:
    # Person and topic pages look calls up by slug thousands of times per build.
    return {t.slug: t for t in transcripts}


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the pages are made from, with identities settled."""

    config: SiteConfig
    transcripts: tuple[Transcript, ...]
    """Newest first (undated last), then by title."""
    annotations: SiteAnnotations
    people: Mapping[str, PersonEntry]
    """Person id -> entry, sorted by name."""
    organizations: Mapping[str, OrganizationEntry]
    topics: Mapping[str, TopicEntry]
    participant_people: Mapping[tuple[str, str], str]
    """(transcript slug, participant id) -> person id."""
    participant_organizations: Mapping[tuple[str, str], str]
    """(transcript slug, participant id) -> organisation id, when they have one."""
    transcript_companies: Mapping[str, str]
    """Transcript slug -> organisation id of the company that held the event."""

    def transcript(self, slug: str) -> Transcript:
        return _by_slug(self.transcripts)[slug]

    def person_of(self, slug: str, participant_id: str) -> PersonEntry:
        return self.people[self.participant_people[(slug, participant_id)]]

    def organization_of(self, slug: str, participant_id: str) -> OrganizationEntry | None:
        org_id = self.participant_organizations.get((slug, participant_id))
        return self.organizations[org_id] if org_id else None


def newest_first(transcripts: list[Transcript]) -> tuple[Transcript, ...]:
    dated = sorted((t for t in transcripts if t.parsed.event.date), key=lambda t: t.title)
    dated.sort(key=lambda t: t.parsed.event.date or "", reverse=True)
    undated = sorted((t for t in transcripts if not t.parsed.event.date), key=lambda t: t.title)
    return (*dated, *undated)


def person_id_for(transcript: Transcript, participant_id: str, site: SiteAnnotations) -> str:
    """The site-wide person a participant is.

    An operator or an unidentified voice is a different person on every call, so unless the
    annotations name them, their page is scoped to the transcript (``operator-tesla-2012-q2``)
    instead of merging every call's operator into one "person".
    """
    person_id = transcript.person_of(participant_id)
    participant = transcript.parsed.participant(participant_id)
    generic = participant.group in (GROUP_OPERATOR, GROUP_UNKNOWN)
    if generic and person_id == participant_id and person_id not in site.people:
        return f"{participant_id}-{transcript.slug}"
    return person_id


def build_site(
    transcripts: list[Transcript],
    site_annotations: SiteAnnotations,
    config: SiteConfig,
    diagnostics: Diagnostics,
    speeches: Mapping[str, Speech] | None = None,
) -> Site:
    """The site's indexes; ``speeches``: :func:`speech_of` of transcripts by slug, where known."""
    ordered = newest_first(transcripts)
    participant_people = {
        (t.slug, p.id): person_id_for(t, p.id, site_annotations)
        for t in ordered
        for p in t.parsed.participants
    }
    orgs, participant_orgs, companies = collect_organizations(ordered, site_annotations)
    people = collect_people(
        ordered, site_annotations, participant_people, participant_orgs, speeches or {}
    )
    organizations = organization_entries(
        orgs,
        people,
        participant_people,
        participant_orgs,
        companies,
        tuple(t.slug for t in ordered),
    )
    topics = collect_topics(ordered, site_annotations)
    site = Site(
        config=config,
        transcripts=ordered,
        annotations=site_annotations,
        people=MappingProxyType(people),
        organizations=MappingProxyType(organizations),
        topics=MappingProxyType(topics),
        participant_people=MappingProxyType(participant_people),
        participant_organizations=MappingProxyType(participant_orgs),
        transcript_companies=MappingProxyType(companies),
    )
    check_url_claims(site, diagnostics)
    return site


def url_claims(site: Site) -> list[tuple[str, str, str]]:
    """(url, what claims it, where it came from) for every page the site will have."""
    urls = Urls(site.config.base_url)
    claims = [
        (urls.home(), "the home page", "site"),
        (urls.transcripts(), "the transcripts index", "site"),
        (urls.people(), "the people index", "site"),
        (urls.organizations(), "the organisations index", "site"),
        (urls.topics(), "the topics index", "site"),
        (urls.not_found(), "the 404 page", "site"),
        (urls.feed(), "the Atom feed", "site"),
        (urls.sitemap(), "the sitemap", "site"),
        (urls.robots(), "robots.txt", "site"),
        (urls.site_data(), "the site's JSON index", "site"),
    ]
    for t in site.transcripts:
        where = t.parsed.source
        claims.append((urls.transcript(t.slug), f"transcript '{t.parsed.source}'", where))
        claims.append((urls.transcript_json(t.slug), f"the JSON of '{t.parsed.source}'", where))
    for pid, entry in site.people.items():
        first = entry.transcripts[0] if entry.transcripts else "speakers.yaml"
        claims.append((urls.person(pid), f"person '{entry.person.name}' ({pid})", first))
    for oid, org in site.organizations.items():
        claims.append((urls.organization(oid), f"organisation '{org.organization.name}'", oid))
    for tid, topic in site.topics.items():
        claims.append((urls.topic(tid), f"topic '{topic.topic.title}'", tid))
    return claims


def check_url_claims(site: Site, diagnostics: Diagnostics) -> None:
    """Two things on one URL would silently overwrite each other: report both instead.

    Output paths are compared case-insensitively, because on macOS and Windows ``Q2`` and ``q2``
    are the same file.
    """
    urls = Urls(site.config.base_url)
    seen: dict[str, tuple[str, str]] = {}
    reported: set[tuple[str, str]] = set()
    for url, what, where in url_claims(site):
        key = urls.output_file(url).casefold()
        if key in seen:
            other, other_where = seen[key]
            if (where, other_where) in reported:
                continue  # a transcript's page and its JSON collide together: say it once
            reported.add((where, other_where))
            diagnostics.error(
                where,
                None,
                None,
                f"{what} and {other} ({other_where}) both claim the URL {url}",
                hint="rename one of them (file name, id or slug)",
            )
        else:
            seen[key] = (what, where)


__all__ = ["Site", "Speech", "build_site", "speech_of"]
