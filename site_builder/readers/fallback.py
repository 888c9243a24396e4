"""The reader of last resort: one unknown speaker, every paragraph kept, and a clear warning."""

from __future__ import annotations

from ..model import GROUP_UNKNOWN, SECTION_OTHER, EventInfo, ParsedTranscript, SourceText
from .base import TranscriptBuilder, split_lines

NAME = "fallback"


def detect(text: str) -> float:
    return 0.01


def parse(source: SourceText) -> ParsedTranscript:
    b = TranscriptBuilder()
    speaker = b.add_participant("Unknown speaker", group=GROUP_UNKNOWN)
    section = b.add_section("Transcript", SECTION_OTHER, 1)
    lines = split_lines(source.text)
    title = next((ln.strip() for ln in lines if ln.strip()), source.path)
    paragraphs: list[str] | None = None
    # Blank lines separate paragraphs; each run of non-blank lines becomes one paragraph, so a
    # sentence-per-line file reads as the paragraphs its author separated, not as invented turns.
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
            continue
        if current:
            if paragraphs is None:
                paragraphs = b.start_turn(speaker.id, section.id, start)
            paragraphs.append(" ".join(current))
            current = []
    if current:
        if paragraphs is None:
            paragraphs = b.start_turn(speaker.id, section.id, start)
        paragraphs.append(" ".join(current))
    b.warn(None, "layout not recognised: the text is shown as one unknown speaker", "layout")
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=title[:200],
        event=EventInfo(kind="unknown"),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
