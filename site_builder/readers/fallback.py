"""The reader of last resort: one unknown speaker, every paragraph kept, and a clear warning.

It never guesses speakers: a file that reached it has no layout we recognise, and an invented
speaker is worse than none. Paragraphs are what the author separated: blank-line separated
blocks (hard-wrapped lines joined), or, in a file with no blank lines whose lines end like
sentences (ECTSum's one sentence per line), each line.
"""

from __future__ import annotations

import re

from site_builder.model import EventInfo, Group, ParsedTranscript, SectionKind, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.common.markdown_meta import date_from_name
from site_builder.readers.name_colon.people import title_from_path

NAME = "fallback"
MAX_SCORE = 0.01
_SENTENCE_END = re.compile(r"[.!?…:\"'’”)\]]$")


def detect(text: str) -> float:
    return MAX_SCORE


def paragraphs_of(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based line, paragraph text) as the author separated them."""
    filled = [(n, ln.strip()) for n, ln in enumerate(lines, 1) if ln.strip()]
    blank_separated = bool(filled) and len(filled) < filled[-1][0] - filled[0][0] + 1
    ends = sum(1 for _, ln in filled if _SENTENCE_END.search(ln))
    if filled and not blank_separated and ends >= 0.8 * len(filled):
        return filled
    result: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            result.append((start, " ".join(current)))
            current = []
    if current:
        result.append((start, " ".join(current)))
    return result


def parse(source: SourceText) -> ParsedTranscript:
    b = TranscriptBuilder()
    lines = split_lines(source.text)
    found = paragraphs_of(lines)
    first = found[0][1] if found else ""
    # A short first line that is not a sentence reads as a title; otherwise name it after the file.
    title = first if first and len(first) <= 120 and not first.endswith(".") else None
    section = b.add_section("Transcript", SectionKind.OTHER, found[0][0] if found else 1)
    if found:
        speaker = b.add_participant("Unknown speaker", group=Group.UNKNOWN, line=found[0][0])
        paragraphs = b.start_turn(speaker.id, section.id, found[0][0])
        paragraphs.extend(text for _, text in found)
    b.warn(
        None,
        f"layout not recognised: {len(found)} paragraphs shown as one unknown speaker "
        "(name the layout with `format:` if it is one site-builder reads)",
        "layout",
    )
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=title or title_from_path(source.path),
        event=EventInfo(kind="unknown", date=date_from_name(source.path)),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
