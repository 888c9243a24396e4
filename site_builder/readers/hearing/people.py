"""Who speaks in a congressional hearing or the Congressional Record, from their inline labels.

Speakers are named at the start of an indented paragraph: ``Mr. Koo.``, ``Mrs. NORTHUP.``,
``Mrs. McCarthy of New York.``, ``Chairman FRANK.``, ``The CHAIRMAN.``, ``The SPEAKER pro tempore
(Mr. Poe).``. The label is strict (honorific, capitalised surname, optional ``of <State>``, then a
full stop) so a sentence that merely starts with a name (``Mr. Smith said ...``) stays speech.

A member keeps the name the label gives (``Mr. Hensarling``), spelled the same in every file so
one member gets one person page; a witness listed in the hearing's table of contents gets the
full name, role and organisation listed there; the presiding chair gets the name the roster gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_builder.model import Group, Participant
from site_builder.readers.common.base import TranscriptBuilder

_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Dr)\.|Miss|Chairman|Chairwoman|Senator|Representative|Delegate"
    r"|Commissioner|Secretary|Governor|General|Admiral|Ambassador|Judge"
)
# Latin-1 capitals and letters too: the Record prints ``Ms. VELÁZQUEZ``.
_SURNAME_WORD = r"(?:Mc|Mac|O'|O’|De|Di|La|Van|Von)?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*"
_PERSON = (
    rf"(?P<honorific>{_HONORIFIC})\s+"
    rf"(?P<surname>{_SURNAME_WORD}(?:\s+{_SURNAME_WORD}){{0,2}}?)"
    r"(?:\s+of\s+(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))?"
)
_OFFICE = (
    r"The\s+(?P<office>(?:ACTING\s+)?(?:CHAIRMAN|CHAIRWOMAN|CHAIR|SPEAKER|PRESIDING\s+OFFICER"
    r"|PRESIDENT|CLERK|VICE\s+PRESIDENT)(?:\s+pro\s+tempore)?"
    r"|Chairman|Chairwoman|Chair|Clerk|Speaker(?:\s+pro\s+tempore)?)"
    r"(?:\s+\((?P<holder>(?:Mr|Mrs|Ms|Dr)\.\s+[A-Z][^()]{1,40})\))?"
)
# The label opens an indented paragraph and ends with a full stop.
LABEL = re.compile(rf"^(?P<indent> {{1,8}})(?P<label>{_PERSON}|{_OFFICE})\.(?:\s+|$)")

# Table of contents: "Koo, Richard C., Chief Economist, the Nomura Research Institute, Tokyo....  1"
_WITNESS_ENTRY = re.compile(
    r"^(?P<surname>[A-Z][\w'’-]+),\s+(?P<given>[A-Z][^,]*),\s+(?P<rest>.+?)\s*\.{3,}\s*\d+$"
)
# Roster line naming the chair: "BARNEY FRANK, Massachusetts, Chairman".
_ROSTER_CHAIR = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'’ -]+[A-Z]),\s+[A-Za-z .]+,\s+Chair(?:man|woman)\s*$"
)


def proper_case(word: str) -> str:
    """``NORTHUP`` -> ``Northup``, ``McHENRY`` -> ``McHenry``; mixed case is kept as written."""
    mac = re.fullmatch(r"(Mc|Mac)([A-Z][A-Z'’-]+)", word)
    if mac:
        return mac.group(1) + proper_case(mac.group(2))
    if word.isupper():
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _proper_words(text: str) -> str:
    return " ".join(proper_case(w) for w in text.split())


@dataclass(frozen=True, slots=True)
class Witness:
    name: str
    role: str | None
    organization: str | None


def witnesses_listed(front_lines: list[str]) -> dict[str, Witness]:
    """Surname (lower case) -> witness, from the ``WITNESSES`` part of the table of contents."""
    entries: list[str] = []
    inside = False
    for line in front_lines:
        stripped = line.strip()
        if stripped == "WITNESSES":
            inside = True
        elif inside and stripped in ("APPENDIX", "A P P E N D I X"):
            break
        elif inside and stripped:
            # An entry starts flush left; its wrapped lines are indented.
            if line[:1].isspace() and entries:
                entries[-1] += " " + stripped
            else:
                entries.append(stripped)
    found: dict[str, Witness] = {}
    for entry in entries:
        match = _WITNESS_ENTRY.match(entry)
        if match is None:
            continue
        role, _, organization = match["rest"].partition(", ")
        organization = re.sub(r"^the\s+", "", organization).strip() or None
        name = f"{match['given'].strip()} {match['surname']}"
        role = re.sub(r"^the\s+", "", role).strip() or None
        found[match["surname"].lower()] = Witness(name, role, organization)
    return found


def chair_listed(front_lines: list[str]) -> str | None:
    for line in front_lines:
        match = _ROSTER_CHAIR.match(line)
        if match:
            return _proper_words(match["name"])
    return None


@dataclass
class Speakers:
    """Participants created as their labels are met, one per person or office holder."""

    builder: TranscriptBuilder
    witnesses: dict[str, Witness]
    chair: str | None
    _by_key: dict[str, Participant] = field(default_factory=dict)
    _holder: dict[str, Participant] = field(default_factory=dict)
    """Office (lower case) -> the member last named as holding it."""

    def speaker_of(self, match: re.Match[str], line: int) -> Participant:
        label = " ".join(match["label"].split())
        if match["office"]:
            return self._office(label, " ".join(match["office"].split()), match["holder"], line)
        surname = _proper_words(match["surname"])
        name = f"{match['honorific']} {surname}"
        if match["state"]:
            name += f" of {match['state']}"
        witness = self.witnesses.get(surname.lower())
        if witness is not None and not match["state"]:
            return self._get(witness.name, label, line, witness.role, witness.organization)
        return self._get(name, label, line)

    def _office(self, label: str, office: str, holder: str | None, line: int) -> Participant:
        role = _proper_words(office.lower()).replace("Pro Tempore", "pro tempore")
        role = role[:1].upper() + role[1:]
        key = role.lower()
        if holder:
            person = self._get(" ".join(holder.split()), label, line, role)
            self._holder[key] = person
            return person
        if key in self._holder:
            return self._add_alias(self._holder[key], label)
        if key in ("chairman", "chairwoman", "chair") and self.chair:
            return self._get(self.chair, label, line, role)
        return self._get(f"The {role}", label, line, role)

    def _get(
        self,
        name: str,
        label: str,
        line: int,
        role: str | None = None,
        organization: str | None = None,
    ) -> Participant:
        key = name.lower()
        if key in self._by_key:
            return self._add_alias(self._by_key[key], label)
        aliases = (label,) if label != name else ()
        participant = self.builder.add_participant(
            name, role=role, organization=organization, group=Group.OTHER, line=line,
            aliases=aliases,
        )  # fmt: skip
        self._by_key[key] = participant
        return participant

    def _add_alias(self, participant: Participant, label: str) -> Participant:
        if label == participant.name or label in participant.aliases:
            return participant
        updated = Participant(
            participant.id, participant.name, participant.role, participant.organization,
            participant.group, participant.line, (*participant.aliases, label),
        )  # fmt: skip
        index = self.builder.participants.index(participant)
        self.builder.participants[index] = updated
        self._by_key = {k: (updated if v is participant else v) for k, v in self._by_key.items()}
        self._holder = {k: (updated if v is participant else v) for k, v in self._holder.items()}
        return updated
