"""What one pass over a ``Name: text`` file learns, before speakers are given their groups.

Kept apart from the reader so :mod:`site_builder.readers.name_colon.people`, which weighs the
scan's evidence, imports the records without importing the reader that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.readers.common.markdown_meta import Metadata


@dataclass(slots=True)
class PendingTurn:
    speaker: str
    """Canonical label name; ``""`` for boilerplate."""
    section: int
    line: int
    label: str = ""
    timestamp: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Scan:
    """Everything ``parse`` learns in one pass over the lines."""

    meta: Metadata
    sections: list[tuple[str, str, int]] = field(default_factory=list)
    turns: list[PendingTurn] = field(default_factory=list)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    first_line: dict[str, int] = field(default_factory=dict)
    qa_labels: bool = False
    headings: set[int] = field(default_factory=set)
    """Sections a heading opened: kept even with no turns, so the heading's words stay."""
