"""Who runs the Q&A, from what the speakers do rather than what their labels are called.

A reader takes each participant's group from the participant list where there is one, else
from what it can guess. Some calls have no ``Operator`` label at all: the operator is labelled
with a first name (``Eric:``) or as an ``Unidentified Audience Member`` whose turns hold only the
next analyst's name. Such a speaker is recognised by what they do: they hand the floor, again
and again, to the analyst who speaks next, and nobody ever hands the floor to them. Their group
becomes ``operator``; the signal that decided it is kept in the participant's ``evidence``, and a
warning at their first hand-over says the reader's reading was overruled.

Whether each other speaker is company or analyst is weighed in
:mod:`site_builder.exchanges.role_evidence`;
in ``Name: text`` exports, which have no participant list, the reader's first reading comes from
:mod:`site_builder.readers.name_colon.people`.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace

from site_builder.errors import reader_warning
from site_builder.model import Group, ParsedTranscript, SectionKind
from site_builder.text import phrases as signals
from site_builder.text.introductions import Analysts

# A hand-over is a short turn ("Kai Korschelt.") or one that calls the next question.
_SHORT_TURN_WORDS = 25
_MIN_HANDOVERS = 2


def find_moderators(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` with the speakers who moderate its Q&A, but were not read as the operator or
    a company host, made the operator."""
    qa_sections = {s.id for s in parsed.sections if s.kind == SectionKind.QA}
    people = {p.id: p for p in parsed.participants}
    if not qa_sections or any(p.group == Group.OPERATOR for p in parsed.participants):
        return parsed
    analysts = Analysts(parsed.participants)
    handovers: Counter[str] = Counter()
    handed_to: set[str] = set()
    first_line: dict[str, int] = {}
    turns = [t for t in parsed.turns if t.section in qa_sections]
    for turn, following in itertools.pairwise(turns):
        speaker, next_speaker = people.get(turn.speaker), people.get(following.speaker)
        if speaker is None or next_speaker is None or next_speaker.group != Group.ANALYST:
            continue
        if speaker.id == next_speaker.id or speaker.group == Group.COMPANY:
            continue
        text = " ".join(turn.paragraphs)
        short = len(text.split()) <= _SHORT_TURN_WORDS
        if analysts.names_last_name(text, next_speaker) and (short or signals.asks_anew(text)):
            handovers[speaker.id] += 1
            handed_to.add(next_speaker.id)
            first_line.setdefault(speaker.id, turn.line)
    moderators = {
        pid for pid, count in handovers.items() if count >= _MIN_HANDOVERS and pid not in handed_to
    }
    if not moderators:
        return parsed
    warnings = [
        reader_warning(
            first_line[pid],
            f"{people[pid].name} hands the floor to {handovers[pid]} questioners and is never "
            f"introduced: read as the call's moderator, not as {people[pid].group}",
            "role",
        )
        for pid in sorted(moderators, key=lambda p: first_line[p])
    ]
    participants = tuple(
        replace(
            p,
            group=Group.OPERATOR,
            evidence=(*p.evidence, f"hands the floor to {handovers[p.id]} questioners"),
        )
        if p.id in moderators
        else p
        for p in parsed.participants
    )
    return replace(parsed, participants=participants, warnings=(*parsed.warnings, *warnings))
