"""Cross-transcript indexes: who spoke where, which firms they came from, what was discussed.

The index is the last stage that sees the model; views are built from it. It settles identities
(person, organisation, topic ids) once, so every page links a person to the same URL, and it
checks that no two things claim one URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from site_builder.annotate.sidecars import SiteAnnotations
from site_builder.errors import Diagnostics
from site_builder.index.calls import call_index
from site_builder.index.entries import (
    CallIndex,
    OrganizationEntry,
    PersonEntry,
    Speech,
    TopicEntry,
)
from site_builder.index.people import (
    collect_people,
    collect_topics,
    organization_entries,
    speech_of,
)
from site_builder.memo import by_identity
from site_builder.model import (
    SiteConfig,
    Transcript,
)
from site_builder.text import firms
from site_builder.urls import Urls


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
    """Person id -> entry, sorted by name: everyone with a page of their own."""
    organizations: Mapping[str, OrganizationEntry]
    topics: Mapping[str, TopicEntry]
    participant_people: Mapping[tuple[str, str], str]
    """(transcript slug, participant id) -> person id."""
    participant_organizations: Mapping[tuple[str, str], str]
    """(transcript slug, participant id) -> organisation id, when they have one."""
    transcript_companies: Mapping[str, str]
    """Transcript slug -> organisation id of the company that held the event."""
    voices: Mapping[str, PersonEntry]
    """One call's operator or unidentified voice, unless the annotations name them: no page,
    no place in the people index (an archive of 1,000 calls would list 1,000 "Operator"s)."""

    def transcript(self, slug: str) -> Transcript:
        return _by_slug(self.transcripts)[slug]

    def person_of(self, slug: str, participant_id: str) -> PersonEntry:
        return self.person(self.participant_people[(slug, participant_id)])

    def person(self, person_id: str) -> PersonEntry:
        """A person with a page, or a voice of one call."""
        found = self.people.get(person_id)
        return found if found is not None else self.voices[person_id]

    def has_page(self, person_id: str) -> bool:
        return person_id in self.people

    def organization_of(self, slug: str, participant_id: str) -> OrganizationEntry | None:
        org_id = self.participant_organizations.get((slug, participant_id))
        return self.organizations[org_id] if org_id else None


def newest_first(transcripts: list[Transcript]) -> tuple[Transcript, ...]:
    dated = sorted((t for t in transcripts if t.parsed.event.date), key=lambda t: t.title)
    dated.sort(key=lambda t: t.parsed.event.date or "", reverse=True)
    undated = sorted((t for t in transcripts if not t.parsed.event.date), key=lambda t: t.title)
    return (*dated, *undated)


def build_site(
    transcripts: list[Transcript],
    site_annotations: SiteAnnotations,
    config: SiteConfig,
    diagnostics: Diagnostics,
    calls: Mapping[str, CallIndex] | None = None,
) -> Site:
    """The site's indexes; ``calls``: :func:`call_index` of transcripts by slug, where known."""
    ordered = newest_first(transcripts)
    known = calls or {}
    pieces = [known.get(t.slug) or call_index(t, speech_of(t), site_annotations) for t in ordered]
    participant_people = {key: pid for c in pieces for key, pid in c.participant_people}
    participant_orgs = {key: org for c in pieces for key, org in c.participant_organizations}
    companies = {c.slug: c.company for c in pieces if c.company}
    orgs = dict(site_annotations.organizations)
    wordings: dict[str, set[str]] = {}
    where: dict[str, str] = {}
    sources = {t.slug: t.parsed.source for t in ordered}
    for c in pieces:
        for org in c.organizations:
            wordings.setdefault(org.id, set()).add(org.name)
            where.setdefault(org.id, sources[c.slug])
            # A firm merged from several wordings is called by its shortest (``UBS`` rather
            # than ``UBS Securities LLC``); whichever call is read first, the same one.
            kept = orgs.get(org.id)
            if org.id in site_annotations.organizations:
                continue
            if kept is None or (len(org.name), org.name) < (len(kept.name), kept.name):
                orgs[org.id] = org
    report_merges(wordings, where, site_annotations, diagnostics)
    everyone = collect_people(pieces, site_annotations)
    voice_ids = {pid for c in pieces for pid in c.voices}
    people = {pid: e for pid, e in everyone.items() if pid not in voice_ids}
    voices = {pid: e for pid, e in everyone.items() if pid in voice_ids}
    organizations = organization_entries(
        orgs,
        people,
        participant_people,
        participant_orgs,
        companies,
        tuple(t.slug for t in ordered),
    )
    topics = collect_topics(pieces, site_annotations)
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
        voices=MappingProxyType(voices),
    )
    check_url_claims(site, diagnostics)
    return site


def report_merges(
    wordings: dict[str, set[str]],
    where: dict[str, str],
    site_annotations: SiteAnnotations,
    diagnostics: Diagnostics,
) -> None:
    """One warning per organisation that names written differently were merged into, at the
    newest transcript that names it, so an editor can see each merge and undo it."""
    listed = {
        firms.fold(name)
        for org in site_annotations.organizations.values()
        for name in (org.name, *org.aliases)
    }
    for org_id, names in firms.merge_report(wordings, listed):
        shown = ", ".join(f"'{n}'" for n in names)
        diagnostics.warning(
            where[org_id],
            None,
            None,
            f"one organisation '{org_id}' for {shown} (the same firm by its canonical name)",
            hint="list a name in organizations.yaml as an organisation of its own to keep it apart",
        )


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


__all__ = ["CallIndex", "Site", "Speech", "build_site", "call_index", "speech_of"]
