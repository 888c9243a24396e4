"""Seeking Alpha earnings-call text: title line, participant lists, then labelled speech.

A line is a speaker label only when it names someone the lists name (bare, or ``Name - Firm``
with either dash), or is ``Operator`` or an ``Unidentified ...`` label: a short body line such as
``Yes.`` or ``By far.`` is speech, however much it looks like a label. Every other non-blank line
is one paragraph of the current turn; blank lines (also between a label and its text) are
ignored. ``Question-and-Answer Session`` opens a Q&A section, each time it occurs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from site_builder.model import Group, ParsedTranscript, Participant, SectionKind, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.seeking_alpha.header import (
    LIST_HEADINGS,
    QA_HEADING,
    SPACED_DASH,
    TITLE,
    parse_header,
    title_lines,
)
from site_builder.text.names import clean_firm, person_tokens, same_person

NAME = "seeking-alpha"
MAX_SCORE = 1.0
STRUCTURE_WORDS = frozenset(
    {
        "executives",
        "analysts",
        "company",
        "corporate",
        "participants",
        "conference",
        "call",
        "question",
        "and",
        "answer",
        "session",
        "operator",
        "unidentified",
        "unknown",
        "representative",
        "analyst",
        "participant",
        "speaker",
        "audience",
        "member",
    }
)
PREPARED_TITLE = "Prepared Remarks"
_UNIDENTIFIED = re.compile(
    r"^(?:Unidentified|Unknown)\s+(?P<who>Company Representative|Corporate Participant|"
    r"Company Speaker|Analyst|Participant|Speaker|Audience Member)$",
    re.I,
)
_UNIDENTIFIED_GROUPS = {
    "company representative": Group.COMPANY,
    "corporate participant": Group.COMPANY,
    "company speaker": Group.COMPANY,
    "analyst": Group.ANALYST,
    "audience member": Group.OTHER,
}
# ``Q - Kimberly Greenberger`` / ``A - Fred Smith``: the letter marks the side, then the name.
_Q_OR_A = re.compile(r"^(?P<side>[QA])\s*[-–—]\s*(?P<rest>\S.*)$")
_PERSON_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}$")
_MAX_LABEL_WORDS = 12
_MAX_FIRM_WORDS = 8
_FIRM_PARTICLES = frozenset({"and", "of", "the", "de", "du", "la", "von", "van", "der", "for"})
# "Some Name - Some Firm": shaped like a label even when it names nobody we know.
_LABEL_SHAPE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s+[-–—]\s+\S.*$")
_DETECT_WINDOW = 80


def detect(text: str) -> float:
    """The title line with ``(EXCHANGE:TICKER)`` is the tell-tale; list headings, ``Operator`` and
    the Q&A heading confirm it, but other layouts have those too, so alone they stay below the
    registry's threshold."""
    lines = [line.strip() for line in split_lines(text[:20000])[:_DETECT_WINDOW]]
    _, start, end = title_lines(lines)
    first = " ".join(line for line in lines[start:end] if line)
    titled = bool(TITLE.match(first) and re.search(r"\b(?:Q[1-4]|FY|H[12])\s*\d{4}\b", first))
    score = 0.0
    if any(" ".join(line.lower().split()) in LIST_HEADINGS for line in lines):
        score += 0.3
    if "Operator" in lines:
        score += 0.1
    if any(QA_HEADING.match(line.strip()) for line in split_lines(text)):
        score += 0.1
    return min(0.5 + score, MAX_SCORE) if titled else score / 2


def label_key(text: str) -> str:
    """How a label is looked up: dashes unified, spaces collapsed, case and dots ignored."""
    parts = SPACED_DASH.split(text.strip(), maxsplit=1)
    name = " ".join(person_tokens(parts[0]))
    return f"{name} - {' '.join(parts[1].lower().split())}" if len(parts) > 1 else name


def reads_like_firm(text: str) -> bool:
    """``Cowen and Company, LLC`` does; ``I think so.`` does not: firms are short, capitalised."""
    words = text.split()
    return (
        0 < len(words) <= _MAX_FIRM_WORDS
        and not text.rstrip().endswith(("?", "!", ":"))
        and all(w[0].isupper() or not w[0].isalpha() or w in _FIRM_PARTICLES for w in words)
    )


class _Speakers:
    """Participants by label, with on-demand Operator and Unidentified speakers."""

    def __init__(self, builder: TranscriptBuilder) -> None:
        self.builder = builder
        self.by_label: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.aliases: dict[str, dict[str, None]] = {}
        """Participant id -> the other labels that name them, in order (a dict, so that a file
        of thousands of labels is not searched label by label)."""
        self.names: dict[str, str] = {}
        """Participant id -> name, as the builder holds them."""
        self.listed_ids: set[str] = set()
        self._keys: dict[str, str] = {}
        """``label_key`` of each text seen: a call repeats a few labels hundreds of times."""
        self._resolved: dict[str, str] = {}
        """Each line found to be a label, and whom: once a label names someone it always will
        (``by_label`` only grows, and nothing on demand takes a listed name's place)."""

    def key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = label_key(text)
        return key

    def listed(self, participant: Participant, written: str) -> None:
        self.names[participant.id] = participant.name
        self.listed_ids.add(participant.id)
        key = self.key(participant.name)
        self.by_name.setdefault(key, participant.id)
        self.by_label.setdefault(key, participant.id)
        for rest in {written, participant.organization or "", participant.role or ""} - {""}:
            self.by_label.setdefault(self.key(f"{participant.name} - {rest}"), participant.id)

    def resolve(self, text: str, line: int) -> str | None:
        """The participant id ``text`` labels, or None when it is speech."""
        stripped = text.strip()
        known = self._resolved.get(stripped)
        if known is not None:
            return known
        found = self._resolve(stripped, line)
        if found is not None:
            self._resolved[stripped] = found
        return found

    def _resolve(self, stripped: str, line: int) -> str | None:
        # Split no further than needed: a paragraph of speech has hundreds of words.
        if not stripped or len(stripped.split(maxsplit=_MAX_LABEL_WORDS)) > _MAX_LABEL_WORDS:
            return None
        if stripped.lower() == "operator":
            return self.on_demand("Operator", Group.OPERATOR, line)
        unidentified = _UNIDENTIFIED.match(stripped)
        if unidentified:
            who = unidentified["who"].lower()
            name = " ".join(w.capitalize() for w in stripped.split())
            return self.on_demand(name, _UNIDENTIFIED_GROUPS.get(who, Group.UNKNOWN), line)
        asked = _Q_OR_A.match(stripped)
        if asked:
            return self._q_or_a(asked, stripped, line)
        key = self.key(stripped)
        found = self.by_label.get(key) or self.by_label.get(self.key(clean_firm(stripped)))
        if found is None:
            found = self._name_with_unknown_suffix(stripped)
        if found is None:
            found = self._other_form_of_a_listed_name(stripped, line)
        if found is not None and stripped != self.names[found]:
            self.aliases.setdefault(found, {})[stripped] = None
        return found

    def _q_or_a(self, asked: re.Match[str], stripped: str, line: int) -> str | None:
        """``Q - Name`` / ``A - Name``: the older convention marks asker and answerer so.

        A listed name is that participant; an unlisted name that reads like one becomes a
        participant of the side the letter gives, with a warning, since nothing else vouches
        for them.
        """
        found = self._resolve(asked["rest"], line)
        if found is None:
            if not _PERSON_NAME.match(asked["rest"]):
                return None
            group = Group.ANALYST if asked["side"].upper() == "Q" else Group.COMPANY
            found = self.on_demand(asked["rest"], group, line)
            self.builder.warn(
                line,
                f"{stripped!r} names nobody in the participant lists: "
                f"read as a new {'asker' if group == Group.ANALYST else 'company speaker'}",
                "speaker",
            )
        if stripped != self.names[found]:
            self.aliases.setdefault(found, {})[stripped] = None
        return found

    def _other_form_of_a_listed_name(self, text: str, line: int) -> str | None:
        """``Jeffery Harte`` for the listed ``Jeff Harte``: a line shaped like a name that can
        name exactly one listed person (same surname, compatible first name) is their label."""
        if not _PERSON_NAME.match(text):
            return None
        matches = [
            pid
            for pid, name in self.names.items()
            if pid in self.listed_ids and same_person(text, name)
        ]
        if len(matches) != 1:
            return None
        self.builder.warn(
            line,
            f"label {text!r} read as {self.names[matches[0]]!r} of the participant list",
            "speaker",
        )
        return matches[0]

    def _name_with_unknown_suffix(self, text: str) -> str | None:
        """``Name - Whatever Firm`` where Name is listed and the rest reads like a firm."""
        parts = SPACED_DASH.split(text, maxsplit=1)
        if len(parts) != 2 or not reads_like_firm(parts[1]):
            return None
        return self.by_name.get(self.key(parts[0]))

    def on_demand(self, name: str, group: str, line: int) -> str:
        key = self.key(name)
        if key not in self.by_name:
            participant = self.builder.add_participant(name, group=group, line=line)
            self.by_name[key] = self.by_label[key] = participant.id
            self.names[participant.id] = participant.name
        return self.by_name[key]

    def with_aliases(self) -> tuple[Participant, ...]:
        return tuple(
            replace(p, aliases=tuple(self.aliases[p.id])) if p.id in self.aliases else p
            for p in self.builder.participants
        )


def parse(source: SourceText) -> ParsedTranscript:
    lines = split_lines(source.text)
    header = parse_header(lines)
    b = TranscriptBuilder(warnings=list(header.warnings))
    speakers = _Speakers(b)
    for listed in header.participants:
        participant = b.add_participant(
            listed.name,
            role=listed.role,
            organization=listed.organization,
            group=listed.group,
            line=listed.line,
        )
        speakers.listed(participant, listed.written)
    if header.preamble is not None:
        line, text = header.preamble
        b.start_turn("", b.add_section("Header", SectionKind.BOILERPLATE, line).id, line).append(
            text
        )
    section: str | None = None
    paragraphs: list[str] | None = None
    for index in range(header.body_start, len(lines)):
        number, text = index + 1, lines[index].strip()
        if not text:
            continue
        if QA_HEADING.match(text):
            section, paragraphs = b.add_section(text, SectionKind.QA, number).id, None
            continue
        speaker = speakers.resolve(text, number)
        if speaker is not None:
            if section is None:
                section = b.add_section(PREPARED_TITLE, SectionKind.PREPARED, number).id
            paragraphs = b.start_turn(speaker, section, number, label=text)
            continue
        if paragraphs is None:
            # Speech before any label: kept under an unknown speaker rather than dropped.
            if section is None:
                section = b.add_section(PREPARED_TITLE, SectionKind.PREPARED, number).id
            unknown = speakers.on_demand("Unknown speaker", Group.UNKNOWN, number)
            b.warn(number, "text before any speaker label: shown as an unknown speaker", "speaker")
            paragraphs = b.start_turn(unknown, section, number)
        if _LABEL_SHAPE.match(text) and reads_like_firm(SPACED_DASH.split(text, maxsplit=1)[1]):
            b.warn(
                number,
                f"{text!r} looks like a speaker label but names nobody in the participant "
                "lists: kept as speech",
                "speaker",
            )
        paragraphs.append(text)
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=header.title,
        event=header.event,
        participants=speakers.with_aliases(),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
