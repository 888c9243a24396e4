"""Motley Fool earnings-call pages saved as text: the classic page, the 2025+ page, and the
English / Chinese interleaved re-emission of a classic page.

A scraper's ``====`` header block and the site's own text after the call are kept as
boilerplate, never as speech.
"""

from __future__ import annotations

import re

from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.motley_fool.classic import is_classic, parse_classic
from site_builder.readers.motley_fool.common import (
    add_boilerplate,
    event_info,
    line_blocks,
    scraper_header,
)
from site_builder.readers.motley_fool.interleaved import interleaved_blocks, is_interleaved
from site_builder.readers.motley_fool.v2025 import is_2025, parse_2025

NAME = "motley-fool"
MAX_SCORE = 1.0
# Heading and marker words consumed as structure; ``中`` and ``EN`` tag the interleaved pairs.
STRUCTURE_WORDS = frozenset({"en", "中", "full", "transcript", "glossary", "industry"})
_PREPARED = re.compile(r"^Prepared Remarks:\s*$", re.M)
_QUESTIONS = re.compile(r"^Questions (?:&|and) Answers:\s*$", re.M)
_FULL_TRANSCRIPT = re.compile(r"^Full Conference Call Transcript\s*$", re.M)


def detect(text: str) -> float:
    if text.lstrip().startswith("{"):
        return 0.0  # the JSON export has its own reader
    head = text[:3000]
    score = 0.0
    if re.search(r"^Source:\s*motley_fool|fool\.com/earnings", head, re.M | re.I):
        score += 0.6
    if "produced for The Motley Fool" in text:
        score += 0.4
    if _has_heading(text, "Prepared Remarks:", _PREPARED) and _has_heading(
        text, " Answers:", _QUESTIONS
    ):
        score += 0.3
    if _has_heading(text, "Full Conference Call Transcript", _FULL_TRANSCRIPT):
        score += 0.3
    return min(score, MAX_SCORE)


def _has_heading(text: str, words: str, heading: re.Pattern[str]) -> bool:
    """Whether ``heading`` is a line of ``text``; ``words``, which it cannot be without, are
    looked for first: a plain substring test is many times faster than a line-anchored search."""
    return words in text and heading.search(text) is not None


def parse(source: SourceText) -> ParsedTranscript:
    lines = split_lines(source.text)
    b = TranscriptBuilder()
    body_start, fields = scraper_header(lines)
    add_boilerplate(b, "Scraper header", line_blocks(lines, 0, body_start))
    if is_interleaved(lines):
        blocks = interleaved_blocks(lines, body_start)
    else:
        blocks = line_blocks(lines, body_start)
    title, event = event_info(fields, [blk.text for blk in blocks[:40]])
    if is_2025(blocks):
        parse_2025(b, blocks, event.company)
    elif is_classic(blocks):
        parse_classic(b, blocks, event.company)
    else:
        b.warn(None, "no Motley Fool headings found: the page is kept as boilerplate", "layout")
        add_boilerplate(b, "Page", blocks)
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=title or next((blk.text for blk in blocks), source.path)[:200],
        event=event,
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
