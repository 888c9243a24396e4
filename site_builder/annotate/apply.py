"""Apply a transcript's annotations: corrections, topics, notes, speaker details and identities.

Every reference in the annotation file is checked here, where the parsed transcript and the
site-wide files are both known; a reference that names nothing is an error at its YAML position
with a did-you-mean hint. Turn and exchange ids are never touched: a correction changes words,
not anchors.
"""

from __future__ import annotations

from dataclasses import replace

from site_builder.annotate import corrections as correcting
from site_builder.annotate.identity import organization_of, person_of, resolve_company
from site_builder.annotate.sidecars import SpeakerNote, TranscriptAnnotations
from site_builder.annotate.site_files import SiteAnnotations
from site_builder.errors import Diagnostics
from site_builder.load.yamlschema import Context
from site_builder.model import Exchange, Note, ParsedTranscript, Participant, Transcript
from site_builder.slugs import name_key


def annotate(
    slug: str,
    parsed: ParsedTranscript,
    notes: TranscriptAnnotations,
    site: SiteAnnotations,
    diagnostics: Diagnostics,
) -> Transcript:
    # Collected apart and reported in file order, the order an author fixes them in.
    found = Diagnostics()
    ctx = Context(notes.path or parsed.source, found)
    transcript = _annotate(ctx, slug, parsed, notes, site)
    diagnostics.extend(sorted(found, key=lambda d: (d.line or 0, d.col or 0)))
    return transcript


def _annotate(
    ctx: Context,
    slug: str,
    parsed: ParsedTranscript,
    notes: TranscriptAnnotations,
    site: SiteAnnotations,
) -> Transcript:
    speaker_notes = _speaker_notes(ctx, parsed.participants, notes.speakers)
    participants = tuple(_with_details(p, speaker_notes.get(p.id)) for p in parsed.participants)
    turns, applied = correcting.apply(ctx, parsed.turns, notes.corrections)
    exchanges, exchange_notes = _exchanges(ctx, parsed, notes, site)
    company = resolve_company(ctx, parsed.event, notes.company, site)
    event = parsed.event
    if notes.company is not None:
        event = replace(
            event,
            company=notes.company.name or event.company,
            ticker=notes.company.ticker or event.ticker,
            exchange=notes.company.exchange or event.exchange,
        )
    if notes.date:
        event = replace(event, date=notes.date)
    annotated = replace(
        parsed, event=event, participants=participants, turns=turns, exchanges=exchanges
    )
    people = tuple((p.id, person_of(ctx, p, speaker_notes.get(p.id), site)) for p in participants)
    person_by_participant = dict(people)
    organizations = tuple(
        (p.id, org)
        for p in participants
        if (
            org := organization_of(
                ctx, p, speaker_notes.get(p.id), company, site, person_by_participant
            )
        )
    )
    return Transcript(
        slug=slug,
        parsed=annotated,
        title=notes.title or parsed.title,
        summary=notes.summary,
        company=company,
        people=people,
        organizations=organizations,
        notes=exchange_notes + _turn_notes(ctx, parsed, notes),
        corrections=applied,
        annotation_path=notes.path,
        provenance=notes.provenance,
    )


def _match_participant(key: str, participants: tuple[Participant, ...]) -> Participant | None:
    """A participant by id, else by name or alias as written, else by normalised name."""
    for p in participants:
        if key == p.id:
            return p
    for p in participants:
        if key == p.name or key in p.aliases:
            return p
    wanted = name_key(key)
    for p in participants:
        if wanted in {name_key(n) for n in (p.name, *p.aliases)}:
            return p
    return None


def _speaker_notes(
    ctx: Context, participants: tuple[Participant, ...], speakers: tuple[SpeakerNote, ...]
) -> dict[str, SpeakerNote]:
    """Participant id -> its speaker entry; entries naming nobody are reported."""
    found: dict[str, SpeakerNote] = {}
    choices = [p.id for p in participants] + [p.name for p in participants]
    for note in speakers:
        participant = _match_participant(note.key.value, participants)
        if participant is None:
            ctx.unknown(note.key, "speaker", choices)
        elif participant.id in found:
            first = found[participant.id].key
            ctx.error(
                note.key,
                f"speaker '{note.key.value}' is described twice",
                f"'{first.value}' at line {first.line} is the same participant",
            )
        else:
            found[participant.id] = note
    return found


def _with_details(participant: Participant, note: SpeakerNote | None) -> Participant:
    """The participant with the names and role the annotations give; the name as written in the
    transcript stays an alias so it still matches."""
    if note is None:
        return participant
    name = note.display_name or participant.name
    aliases = tuple(
        dict.fromkeys(
            a for a in (*participant.aliases, participant.name, *note.aliases) if a != name
        )
    )
    return replace(participant, name=name, role=note.role or participant.role, aliases=aliases)


def _exchanges(
    ctx: Context, parsed: ParsedTranscript, notes: TranscriptAnnotations, site: SiteAnnotations
) -> tuple[tuple[Exchange, ...], tuple[Note, ...]]:
    ids = [e.id for e in parsed.exchanges]
    topics_by_exchange: dict[str, tuple[str, ...]] = {}
    found: list[Note] = []
    for note in notes.exchanges:
        known = note.key.value in ids
        if not known and ids:
            ctx.unknown(note.key, "exchange", ids)
        elif not known:
            ctx.error(
                note.key,
                f"unknown exchange '{note.key.value}'",
                f"the transcript has no Q&A exchanges; it was read by the '{parsed.format}' reader",
            )
        valid = []
        for topic in note.topics:
            if topic.value in site.topics:
                valid.append(topic.value)
            else:
                ctx.unknown(topic, "topic", site.topics)
        if not known:
            continue
        topics_by_exchange[note.key.value] = tuple(dict.fromkeys(valid))
        if note.note:
            found.append(Note(f"exchange:{note.key.value}", note.note))
    exchanges = tuple(
        replace(e, topics=topics_by_exchange[e.id]) if e.id in topics_by_exchange else e
        for e in parsed.exchanges
    )
    return exchanges, tuple(found)


def _turn_notes(
    ctx: Context, parsed: ParsedTranscript, notes: TranscriptAnnotations
) -> tuple[Note, ...]:
    ids = [t.id for t in parsed.turns]
    found: list[Note] = []
    for note in notes.turns:
        if note.key.value not in ids:
            ctx.unknown(note.key, "turn", ids)
        elif note.note:
            found.append(Note(f"turn:{note.key.value}", note.note))
    return tuple(found)
