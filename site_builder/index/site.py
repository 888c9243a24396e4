"""Cross-transcript indexes: who spoke where, which firms they came from, what was discussed.

The index is the last stage that sees the model; views are built from it. It settles identities
(person, organisation, topic ids) once, so every page links a person to the same URL, and it
checks that no two things claim one URL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    bodies: Callable[[str], Transcript] | None = None
    """Where a call's whole text is read again, when ``transcripts`` hold only each turn's
    opening words (:mod:`site_builder.index.openings`)."""

    def transcript(self, slug: str) -> Transcript:
        """The call as other calls' pages see it (perhaps openings only)."""
        return _by_slug(self.transcripts)[slug]

    def body(self, slug: str) -> Transcript:
        """The call with every word: for its own page and JSON."""
        return self.bodies(slug) if self.bodies is not None else self.transcript(slug)

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
    bodies: Callable[[str], Transcript] | None = None,
) -> Site:
    """The site's indexes; ``calls``: :func:`call_index` of transcripts by slug, where known;
    ``bodies``: see :attr:`Site.bodies`."""
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
        bodies=bodies,
    )
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


__all__ = ["CallIndex", "Site", "Speech", "build_site", "call_index", "speech_of"]
