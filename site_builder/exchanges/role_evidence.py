"""Company or analyst: each participant's group weighed from several signals, not one.

The reader's group comes from the participant list where there is one, else from a guess. Both
can be wrong: a Motley Fool list that files ``Raimo Lenschow--Barclays -- Analyst`` under the
company, an export where one welcome sentence made the CEO an analyst. The signals, each of
which survives across sources:

- the reader's own reading (one vote for the group it gave);
- the title says ``Analyst`` (analyst); the list files them with the host company (company);
- the moderator introduces them and they speak next (analyst);
- they speak in the prepared remarks (company);
- they answer: speak right after an analyst's question without being introduced (company).

A participant changes group only when the signals against the reader's group outweigh those for
it; the signals that decided are recorded in ``Participant.evidence`` and the change is a
warning at the line of the first signal. One introduction never outweighs a speaker's prepared
remarks and answers, so one sentence cannot turn a CEO into an analyst.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from site_builder.errors import Diagnostic, reader_warning
from site_builder.model import Group, ParsedTranscript, Participant, SectionKind, Turn
from site_builder.text import phrases as signals
from site_builder.text.introductions import names_person

_ANALYST_TITLE = re.compile(r"\banalyst\b", re.I)
_GROUPS = (Group.COMPANY, Group.ANALYST)
# "Analyst" in a title is what the transcript says a person is: it outweighs the list heading
# they were filed under and one deed. Company titles vote for nothing: analysts are managing
# directors, heads of research, even chief investment officers.
_TITLE_WEIGHT = 3


def reconcile_groups(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` with each company or analyst participant in the group its evidence favours."""
    people = {p.id: p for p in parsed.participants}
    votes: dict[str, dict[str, list[tuple[int | None, str, int]]]] = defaultdict(
        lambda: {Group.COMPANY: [], Group.ANALYST: []}
    )
    for p in parsed.participants:
        if p.group in _GROUPS:
            votes[p.id][p.group].append((p.line, "as the reader found them", 1))
        if p.group not in _GROUPS or not p.role:
            continue
        if _ANALYST_TITLE.search(p.role):
            votes[p.id][Group.ANALYST].append((p.line, f"titled {p.role!r}", _TITLE_WEIGHT))
    host = _host_organization(parsed.participants)
    for p in parsed.participants:
        if host and p.organization == host and p.group in _GROUPS:
            votes[p.id][Group.COMPANY].append((p.line, f"listed with {host}", 1))
    kinds = {s.id: s.kind for s in parsed.sections}
    previous = None
    for n, turn in enumerate(parsed.turns):
        speaker = people.get(turn.speaker)
        if speaker is None or speaker.group == Group.OPERATOR:
            previous = turn if speaker is not None else previous
            continue
        kind = kinds.get(turn.section)
        before = people.get(previous.speaker) if previous is not None else None
        if kind == SectionKind.PREPARED:
            votes[speaker.id][Group.COMPANY].append(
                (turn.line, "speaks in the prepared remarks", 1)
            )
        elif kind == SectionKind.QA and before is not None and previous is not None:
            said = " ".join(previous.paragraphs)
            if (
                before.group == Group.OPERATOR
                and names_person(said, speaker.name)
                and not signals.closes_as_operator(said)  # "I now return you to Mr. Musser"
            ):
                votes[speaker.id][Group.ANALYST].append(
                    (previous.line, "introduced by the moderator", 1)
                )
            elif (
                before.group == Group.ANALYST
                and before.id != speaker.id
                and _asks_again(people, parsed.turns, n, before.id)
            ):
                # Between two turns of one analyst: an answer, not a new questioner's question.
                votes[speaker.id][Group.COMPANY].append((turn.line, "answers a question", 1))
        previous = turn
    changed: dict[str, Participant] = {}
    warnings: list[Diagnostic] = []
    for pid, found in votes.items():
        person = people[pid]
        if person.group not in _GROUPS:
            continue  # the operator, and placeholders ("Unknown speaker") for several people
        counts = {g: sum(weight for _, _, weight in found[g]) for g in _GROUPS}
        winner = max(_GROUPS, key=lambda g: (counts[g], g == person.group))
        if counts[winner] == 0 or winner == person.group:
            continue
        if counts[winner] <= counts[_other(winner)]:
            continue
        reasons = tuple(
            dict.fromkeys(r for _, r, _ in found[winner] if r != "as the reader found them")
        )
        changed[pid] = replace(person, group=winner, evidence=(*person.evidence, *reasons))
        line = next((line for line, _, _ in found[winner] if line is not None), None)
        warnings.append(
            reader_warning(
                line,
                f"{person.name} was read as {person.group} but is {winner} here: "
                + "; ".join(reasons),
                "role",
            )
        )
    if not changed:
        return parsed
    return replace(
        parsed,
        participants=tuple(changed.get(p.id, p) for p in parsed.participants),
        warnings=(*parsed.warnings, *sorted(warnings, key=lambda w: w.line or 0)),
    )


def _asks_again(
    people: dict[str, Participant], turns: tuple[Turn, ...], n: int, analyst: str
) -> bool:
    """Whether the turn after turn ``n`` is ``analyst``'s again (a follow-up to an answer)."""
    if n + 1 >= len(turns):
        return False
    following = people.get(turns[n + 1].speaker)
    return following is not None and following.id == analyst


def _host_organization(participants: tuple[Participant, ...]) -> str | None:
    """The organisation most company participants are listed with: the host company."""
    listed = [p.organization for p in participants if p.group == Group.COMPANY and p.organization]
    return max(set(listed), key=listed.count) if listed else None


def _other(group: Group) -> Group:
    return Group.ANALYST if group == Group.COMPANY else Group.COMPANY
