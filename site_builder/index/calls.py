"""What one call adds to the site's indexes, worked out where the call is loaded.

Everything here depends on the call and the site-wide annotations only, so it is made once per
loaded call (on the core that loaded it) and kept with it: a rebuild after one edit merges 1,000
small pieces instead of walking 1,000 calls' participants, turns and questions again. The merge
(:func:`site_builder.index.site.build_site`) takes the calls newest first, and where two calls
disagree
(a person's name, an organisation's) the first one merged wins, as the participant list of the
newest call should.
"""

from __future__ import annotations

from site_builder.annotate.identity import is_unidentified
from site_builder.annotate.sidecars import SiteAnnotations
from site_builder.index.entries import (
    CallIndex,
    ExchangeRef,
    Speech,
)
from site_builder.model import Group, Organization, Person, Transcript
from site_builder.slugs import slugify
from site_builder.text import firms


def company_id(transcript: Transcript) -> str | None:
    if transcript.company:
        return transcript.company
    if transcript.parsed.event.company:
        return slugify(transcript.parsed.event.company)
    return None


def person_id_for(
    transcript: Transcript, participant_id: str, site: SiteAnnotations
) -> tuple[str, bool]:
    """The site-wide person a participant is, and whether that is a voice of this call only.

    An operator or an unidentified voice is a different person on every call, so unless the
    annotations name them, they are scoped to the transcript (``operator-tesla-2012-q2``)
    instead of merging every call's operator into one "person".
    """
    person_id = transcript.person_of(participant_id)
    participant = transcript.parsed.participant(participant_id)
    generic = participant.group in (Group.OPERATOR, Group.UNKNOWN) or is_unidentified(
        participant.name
    )
    if generic and person_id == participant_id and person_id not in site.people:
        return f"{participant_id}-{transcript.slug}", True
    return person_id, False


def call_index(transcript: Transcript, speech: Speech, site: SiteAnnotations) -> CallIndex:
    slug, parsed = transcript.slug, transcript.parsed
    held_by = company_id(transcript)
    organizations: list[Organization] = []
    if held_by:
        event = parsed.event
        organizations.append(Organization(held_by, event.company or held_by, ticker=event.ticker))
    person: dict[str, str] = {}
    voices: set[str] = set()
    org_of: dict[str, str] = {}
    people: dict[str, Person] = {}
    for p in parsed.participants:
        pid, voice = person_id_for(transcript, p.id, site)
        person[p.id] = pid
        if voice:
            voices.add(pid)
        org_id = transcript.organization_of(p.id)
        if org_id is None and p.organization:
            org_id = slugify(firms.canonical(p.organization) or p.organization)
        if org_id is None and p.group == Group.COMPANY:
            org_id = held_by
        if org_id is not None:
            org_of[p.id] = org_id
            # Unlisted company people speak for the company under its own name, not its id.
            named = p.organization or (parsed.event.company if org_id == held_by else None)
            organizations.append(Organization(org_id, named or org_id))
        if pid not in people:
            people[pid] = Person(pid, p.name, organization=org_of.get(p.id), role=p.role)
    words: dict[str, int] = {}
    for speaker, count in speech.words.items():
        words[person[speaker]] = words.get(person[speaker], 0) + count
    asked: list[tuple[str, ExchangeRef]] = []
    answered: list[tuple[str, ExchangeRef]] = []
    for ref, asker_id, speakers in speech.exchanges:
        asker = person.get(asker_id) if asker_id else None
        if asker:
            asked.append((asker, ref))
        answered += [(person[s], ref) for s in speakers if person[s] != asker]
    topics = tuple(
        (topic_id, ref)
        for (ref, _, _), exchange in zip(speech.exchanges, parsed.exchanges, strict=True)
        for topic_id in exchange.topics
    )
    return CallIndex(
        slug=slug,
        company=held_by,
        participant_people=tuple(((slug, p), pid) for p, pid in person.items()),
        participant_organizations=tuple(((slug, p), org) for p, org in org_of.items()),
        organizations=tuple(organizations),
        people=tuple(people.values()),
        voices=frozenset(voices),
        turns=tuple((person[speaker], refs) for speaker, refs in speech.turns.items()),
        words=tuple(words.items()),
        asked=tuple(asked),
        answered=tuple(answered),
        topics=topics,
    )


__all__ = ["CallIndex", "call_index", "company_id", "person_id_for"]
