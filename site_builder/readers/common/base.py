"""What every reader shares: line access, turn numbering and participant bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.errors import Diagnostic, reader_warning
from site_builder.model import Group, Participant, Section, SectionKind, Turn
from site_builder.slugs import slugify


def split_lines(text: str) -> list[str]:
    """Lines split on ``\\n`` only (never ``str.splitlines``: U+0085 is not a line break here)."""
    return text.split("\n")


def turn_id(position: int) -> str:
    """The anchor of the turn at 1-based ``position``; see README "Anchors"."""
    return f"t{position:03d}"


def exchange_id(number: int) -> str:
    return f"q{number:02d}"


@dataclass
class TranscriptBuilder:
    """Mutable scratchpad a reader fills while scanning; ``turns()`` freezes the result.

    Paragraph lists are kept per turn so a reader can append continuation lines; consecutive
    turns by the same speaker in the same section are *not* merged here (a reader decides that).
    """

    participants: list[Participant] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    _turns: list[tuple[str, str, list[str], int, str, str | None, list[str | None] | None]] = field(
        default_factory=list
    )
    _taken: dict[str, set[str]] = field(default_factory=dict)
    """Ids given so far, per kind (participant, section)."""
    _next_suffix: dict[tuple[str, str], int] = field(default_factory=dict)
    """Per (kind, id base), the first ``-n`` not yet tried: a file with 10,000 headings all
    called ``Q&A`` must not rebuild and retry ``q-a-2`` ... for each (that was quadratic)."""
    _slugs: dict[str, str] = field(default_factory=dict)
    """``slugify`` of each name and title seen: such a file repeats one title thousands of times."""

    def add_participant(
        self,
        name: str,
        *,
        role: str | None = None,
        organization: str | None = None,
        group: str = Group.UNKNOWN,
        line: int | None = None,
        aliases: tuple[str, ...] = (),
        evidence: tuple[str, ...] = (),
    ) -> Participant:
        """Add a participant with a unique id (``john-smith``, ``john-smith-2``) and return it."""
        pid = self._unique_id("participant", self._slug(name))
        participant = Participant(
            pid, name, role, organization, Group(group), line, aliases, evidence
        )
        self.participants.append(participant)
        return participant

    def add_section(self, title: str, kind: str, line: int) -> Section:
        sid = self._unique_id("section", self._slug(title))
        section = Section(sid, title, SectionKind(kind), line)
        self.sections.append(section)
        return section

    def _slug(self, text: str) -> str:
        slug = self._slugs.get(text)
        if slug is None:
            slug = self._slugs[text] = slugify(text)
        return slug

    def _unique_id(self, kind: str, base: str) -> str:
        """``base``, else ``base-2``, ``base-3`` ...: the first id of this kind not yet given."""
        taken = self._taken.setdefault(kind, set())
        unique, n = base, self._next_suffix.get((kind, base), 2)
        if base in taken:
            while f"{base}-{n}" in taken:
                n += 1
            unique = f"{base}-{n}"
            self._next_suffix[kind, base] = n + 1
        taken.add(unique)
        return unique

    def start_turn(
        self,
        speaker: str,
        section: str,
        line: int,
        label: str = "",
        timestamp: str | None = None,
        times: list[str | None] | None = None,
    ) -> list[str]:
        """Open a turn and return its paragraph list for the reader to append to; ``times``,
        if given, is filled by the reader with each paragraph's start time."""
        paragraphs: list[str] = []
        self._turns.append((speaker, section, paragraphs, line, label, timestamp, times))
        return paragraphs

    def warn(self, line: int | None, message: str, kind: str = "parse") -> None:
        self.warnings.append(reader_warning(line, message, kind))

    def turns(self) -> tuple[Turn, ...]:
        """The turns with anchors assigned; turns left with no words are dropped."""
        kept = [t for t in self._turns if any(p.strip() for p in t[2])]
        return tuple(
            Turn(
                id=turn_id(i),
                speaker=speaker,
                section=section,
                paragraphs=tuple(paragraphs),
                line=line,
                label=label,
                timestamp=timestamp,
                times=tuple(times) if times and len(times) == len(paragraphs) else (),
            )
            for i, (speaker, section, paragraphs, line, label, timestamp, times) in enumerate(
                kept, 1
            )
        )
