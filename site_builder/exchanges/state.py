"""The state of the walk over a call's Q&A turns (see :mod:`site_builder.exchanges.group`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.errors import Diagnostic, reader_warning
from site_builder.model import Participant, Turn
from site_builder.text.introductions import Analysts, Introduction


@dataclass(slots=True)
class Open:
    asker: str | None
    line: int
    turns: list[str] = field(default_factory=list)
    introduced: bool = False
    """Opened by a moderator's introduction: the asker's later turns are their follow-ups."""
    last_speaker: str | None = None
    read_out: bool = False
    """A question a company host reads out (sent in by shareholders), asked by the reader."""


@dataclass(slots=True)
class Call:
    """What the walk over one transcript's Q&A turns knows and has found."""

    people: dict[str, Participant]
    analysts: Analysts
    done: list[Open] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    introductions: list[tuple[Introduction, str, int]] = field(default_factory=list)
    """(introduction, asker id, line) for each introduction that named its asker."""

    def group(self, turn: Turn) -> str | None:
        speaker = self.people.get(turn.speaker)
        return speaker.group if speaker else None

    def warn(self, line: int, message: str, kind: str = "exchange") -> None:
        self.warnings.append(reader_warning(line, message, kind))

    def name(self, pid: str | None) -> str:
        person = self.people.get(pid or "")
        return person.name if person else str(pid)


@dataclass(slots=True)
class Section:
    """One Q&A section's turns, with what is known of each before the walk."""

    turns: tuple[Turn, ...]
    moderator: list[bool]
    intros: list[Introduction | None]
    """The introduction in each moderator turn, if it names anyone."""
