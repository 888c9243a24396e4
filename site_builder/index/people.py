"""The collectors behind :mod:`site_builder.index.site`: people, organisations and topics.

Site-wide annotations (``speakers.yaml``, ``organizations.yaml``, ``topics.yaml``) win over what a
participant list says; a participant list fills in what the annotations leave out. Transcripts
arrive newest first, so "what the participant list says" means the newest call's wording.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from site_builder.annotate.sidecars import SiteAnnotations
from site_builder.index import speech
from site_builder.index.entries import (
    CallIndex,
    ExchangeRef,
    OrganizationEntry,
    PersonEntry,
    Speech,
    TopicEntry,
    TurnRef,
)
from site_builder.model import Group, Organization, Person, Topic, Transcript
from site_builder.text import name_order


def count_words(paragraphs: tuple[str, ...]) -> int:
    # The same count as the charts (contractions are one word, [laughter] is none), so a person
    # page never shows two different word totals for the same speech.
    return sum(speech.count_words(p) for p in paragraphs)


def speech_of(transcript: Transcript) -> Speech:
    parsed, slug = transcript.parsed, transcript.slug
    spoken = speech.turn_words(parsed)
    turns: dict[str, list[TurnRef]] = {}
    words: dict[str, int] = {}
    for turn in parsed.turns:
        if turn.speaker:
            turns.setdefault(turn.speaker, []).append(TurnRef(slug, turn.id))
            counted = spoken.get(turn.id)
            if counted is None:  # a turn in a boilerplate or summary section
                counted = count_words(turn.paragraphs)
            words[turn.speaker] = words.get(turn.speaker, 0) + counted
    groups = {p.id: p.group for p in parsed.participants}
    speaker_of = {turn.id: turn.speaker for turn in parsed.turns}
    exchanges = tuple(
        (
            ExchangeRef(slug, ex.id),
            ex.asker,
            tuple(
                dict.fromkeys(
                    s
                    for tid in ex.turns
                    if (s := speaker_of.get(tid)) and groups.get(s) != Group.OPERATOR
                )
            ),
        )
        for ex in parsed.exchanges
    )
    return Speech(
        {k: tuple(v) for k, v in turns.items()}, words, spoken, speech.tally(parsed), exchanges
    )


def collect_people(calls: Sequence[CallIndex], site: SiteAnnotations) -> dict[str, PersonEntry]:
    """Everyone who speaks, or is named in ``speakers.yaml``; ``calls`` newest first."""
    people: dict[str, Person] = {}
    # Slugs of each person's events as an ordered set: a regular analyst is on 1,000 calls.
    events: dict[str, dict[str, None]] = {}
    turns: dict[str, list[TurnRef]] = {}
    asked: dict[str, list[ExchangeRef]] = {}
    answered: dict[str, list[ExchangeRef]] = {}
    words: dict[str, int] = {}
    for call in calls:
        slug = call.slug
        for person in call.people:
            pid = person.id
            if pid not in people:
                people[pid] = person
            if pid in events:
                events[pid][slug] = None
            else:
                events[pid] = {slug: None}
        for pid, refs in call.turns:
            if pid in turns:
                turns[pid].extend(refs)
            else:
                turns[pid] = list(refs)
        for pid, count in call.words:
            words[pid] = words.get(pid, 0) + count
        for pid, ref in call.asked:
            asked.setdefault(pid, []).append(ref)
        for pid, ref in call.answered:
            answered.setdefault(pid, []).append(ref)
    for pid, annotated in site.people.items():
        known = people.get(pid)
        people[pid] = _merge_person(annotated, known)
        events.setdefault(pid, {})
    entries = {
        pid: PersonEntry(
            person=person,
            transcripts=tuple(events[pid]),
            turns=tuple(turns.get(pid, ())),
            asked=tuple(asked.get(pid, ())),
            answered=tuple(answered.get(pid, ())),
            words=words.get(pid, 0),
        )
        for pid, person in people.items()
    }
    # By family name, as a reader looks people up (name_order): Musk under M, von Rumohr under R.
    return dict(
        sorted(entries.items(), key=lambda kv: name_order.sort_key(kv[1].person.name, kv[0]))
    )


def _merge_person(annotated: Person, from_participants: Person | None) -> Person:
    if from_participants is None:
        return annotated
    return replace(
        annotated,
        organization=annotated.organization or from_participants.organization,
        role=annotated.role or from_participants.role,
    )


def organization_entries(
    orgs: Mapping[str, Organization],
    people: Mapping[str, PersonEntry],
    participant_people: Mapping[tuple[str, str], str],
    participant_orgs: Mapping[tuple[str, str], str],
    companies: Mapping[str, str],
    transcript_order: tuple[str, ...],
) -> dict[str, OrganizationEntry]:
    members: dict[str, set[str]] = {}
    events: dict[str, set[str]] = {}
    for key, org_id in participant_orgs.items():
        # Every participant of a call has that call among their events (collect_people).
        events.setdefault(org_id, set()).add(key[0])
        if participant_people[key] in people:  # a voice of one call is no member
            members.setdefault(org_id, set()).add(participant_people[key])
    for pid, entry in people.items():
        if entry.person.organization:
            members.setdefault(entry.person.organization, set()).add(pid)
    order = {slug: i for i, slug in enumerate(transcript_order)}
    people_order = {pid: i for i, pid in enumerate(people)}
    held: dict[str, list[str]] = {}
    for slug in transcript_order:
        if slug in companies:
            held.setdefault(companies[slug], []).append(slug)
    entries = {
        oid: OrganizationEntry(
            organization=org,
            people=tuple(sorted(members.get(oid, ()), key=people_order.__getitem__)),
            transcripts=tuple(sorted(events.get(oid, ()), key=order.__getitem__)),
            held=tuple(held.get(oid, ())),
        )
        for oid, org in orgs.items()
    }
    return dict(sorted(entries.items(), key=lambda kv: (kv[1].organization.name.casefold(), kv[0])))


def collect_topics(calls: Sequence[CallIndex], site: SiteAnnotations) -> dict[str, TopicEntry]:
    topics: dict[str, Topic] = dict(site.topics)
    refs: dict[str, list[ExchangeRef]] = {}
    for call in calls:
        for topic_id, ref in call.topics:
            if topic_id not in topics:
                topics[topic_id] = Topic(topic_id, topic_id.replace("-", " ").capitalize())
            refs.setdefault(topic_id, []).append(ref)
    entries = {tid: TopicEntry(topic, tuple(refs.get(tid, ()))) for tid, topic in topics.items()}
    return dict(sorted(entries.items(), key=lambda kv: (kv[1].topic.title.casefold(), kv[0])))
