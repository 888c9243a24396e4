"""Who a participant is across the site, and which organisation they speak for.

Person: an explicit ``person:`` in the sidecar, else a speakers.yaml entry whose id, name or alias
matches, else the slug of the name normalised with ``name_key``, so ``CJ Muse`` in one call and
``C.J. Muse`` in another are the same person without anyone listing them. The operator (and an
unidentified speaker) keeps the participant id: operators are not the same person across calls,
but nobody would look them up either.

Organisation: explicit ``organization:`` first; the company's own people belong to the company;
otherwise the firm as listed, matched to organizations.yaml by name or alias (``Baird``,
``Jeffries``), else the slug of the firm's name.
"""

from __future__ import annotations

import re

from site_builder.annotate.sidecars import CompanyNote, SpeakerNote
from site_builder.annotate.site_files import SiteAnnotations, name_index
from site_builder.load.yamlschema import Context
from site_builder.memo import by_identity
from site_builder.model import EventInfo, Group, Organization, Participant
from site_builder.slugs import name_key, slugify
from site_builder.text import firms


def person_of(
    ctx: Context, participant: Participant, note: SpeakerNote | None, site: SiteAnnotations
) -> str:
    if note is not None and note.person is not None:
        if note.person.value in site.people:
            return note.person.value
        ctx.unknown(note.person, "person", site.people)
    if participant.group in (Group.OPERATOR, Group.UNKNOWN) or is_unidentified(participant.name):
        return participant.id
    index = name_index(site.people)
    for name in (participant.name, *participant.aliases):
        if (person := index.get(name_key(name))) is not None:
            return person
    return slugify(participant.name)


def _organization_named(name: str, site: SiteAnnotations) -> str:
    """A name listed in organizations.yaml first (so a listing can keep two names apart), then
    the listed organisation or the firm its canonical form means (``firms.canonical``)."""
    listed = name_index(site.organizations).get(name_key(name))
    if listed is not None:
        return listed
    key = firms.canonical(name)
    return canonical_index(site.organizations).get(key) or slugify(key or name)


@by_identity(8)  # asked once per participant; the records do not change within a build
def canonical_index(records: dict[str, Organization]) -> dict[str, str]:
    """``firms.canonical`` of every listed organisation's name and alias -> its id."""
    index: dict[str, str] = {}
    for record_id, record in records.items():
        for name in (record.name, *record.aliases):
            index.setdefault(firms.canonical(name), record_id)
    return index


_UNIDENTIFIED = re.compile(
    r"^(?:unidentified|unknown|unnamed)\b|^(?:speaker|participant|caller)\s*\d*$", re.I
)


def is_unidentified(name: str) -> bool:
    """``Unidentified Company Representative``, ``Unknown speaker``, ``Speaker 2``: a voice,
    not a person anyone could look up, so never a person page of its own."""
    return bool(_UNIDENTIFIED.match(name.strip()))


def organization_of(
    ctx: Context,
    participant: Participant,
    note: SpeakerNote | None,
    company: str | None,
    site: SiteAnnotations,
    people: dict[str, str],
) -> str | None:
    if note is not None and note.organization is not None:
        if note.organization.value in site.organizations:
            return note.organization.value
        ctx.unknown(note.organization, "organization", site.organizations)
    if participant.group == Group.COMPANY and company is not None:
        return company
    if participant.organization:
        return _organization_named(participant.organization, site)
    person = site.people.get(people.get(participant.id, ""))
    return person.organization if person is not None else None


def resolve_company(
    ctx: Context, event: EventInfo, note: CompanyNote | None, site: SiteAnnotations
) -> str | None:
    """Organisation id of the company holding the event, or None when nothing names one."""
    if note is not None and note.organization is not None:
        if note.organization.value in site.organizations:
            return note.organization.value
        ctx.unknown(note.organization, "organization", site.organizations)
    ticker = (note.ticker if note else None) or event.ticker
    if ticker:
        for org in site.organizations.values():
            if org.ticker and org.ticker.upper() == ticker.upper():
                return org.id
    name = (note.name if note else None) or event.company
    return _organization_named(name, site) if name else None
