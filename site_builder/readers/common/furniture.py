"""Page furniture kept apart from what was said, whichever reader found it.

Readers already put a source's non-speech text (headers, disclaimers, front matter) in
``boilerplate`` sections. Some of that text is not text at all but the furniture of the page it
was saved from: HTML tags (``<html> <title>`` at the top of a GPO hearing), rules of ``=====``,
letter-spaced banners (``E D I T E D   V E R S I O N``), graphic placeholders (``[GRAPHIC]
[TIFF OMITTED] 61852.001``) and contents lists that repeat the page's own headings. That is
dropped here, and recorded in ``ParsedTranscript.dropped`` as written, so a test can check that
nothing else went; the rest of the boilerplate is kept and shown as collapsed source notes.

Speech is never touched here except for one repair: GPO typography (````quotes''`` and ``--``),
which becomes curly quotes and dashes and is counted like every other repair.
"""

from __future__ import annotations

import re
from dataclasses import replace

from site_builder.errors import reader_warning
from site_builder.model import ParsedTranscript, SectionKind, Turn

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_RULE = re.compile(r"[=_*~#\-]{5,}")
_GRAPHIC = re.compile(r"\[GRAPHIC\]\s*(?:\[TIFF OMITTED\]\s*)?(?:[A-Z0-9.\-]+)?", re.I)
# Capitals with single spaces between, words with three: ``E D I T E D   V E R S I O N``.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]+")
_LETTER_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z](?:\s{2,}(?:[A-Z] )+[A-Z])*\b")
_CONTENTS_ENTRY = re.compile(r"^\s*(?:\[\d+\]\s*)?(?P<name>[^:\[\]]{2,40}?)\s*:?\s*$")
_CONTENTS_WORDS = {
    "contents",
    "table of contents",
    "call participants",
    "prepared remarks",
    "questions and answers",
    "questions & answers",
    "question-and-answer session",
    "presentation",
}
_GPO_QUOTE = re.compile(r"``(.*?)''", re.S)
_GPO_DASH = re.compile(r" ?(?<![-=])--(?![-=]) ?")  # a pair of hyphens, not part of a rule


def _furniture(paragraph: str, headings: set[str]) -> tuple[str, list[str]]:
    """The paragraph with furniture cut out, and the pieces cut, as written."""
    cut: list[str] = []

    def drop(match: re.Match[str]) -> str:
        cut.append(match.group(0))
        return " "

    entry = _CONTENTS_ENTRY.match(paragraph)
    if entry and entry.group("name").strip().lower() in headings:
        return "", [paragraph]
    text = paragraph
    for pattern in (_TAG, _GRAPHIC, _RULE, _LETTER_SPACED, _CONTROL):
        text = pattern.sub(drop, text)
    return " ".join(text.split()), cut


def drop_furniture(parsed: ParsedTranscript) -> ParsedTranscript:
    """Boilerplate turns with their page furniture cut out; turns keep their ids (anchors)."""
    boilerplate = {s.id for s in parsed.sections if s.kind == SectionKind.BOILERPLATE}
    if not boilerplate:
        return parsed
    headings = _CONTENTS_WORDS | {s.title.strip(" :").lower() for s in parsed.sections}
    dropped: list[str] = []
    turns: list[Turn] = []
    for turn in parsed.turns:
        if turn.section not in boilerplate:
            turns.append(turn)
            continue
        kept: list[str] = []
        for paragraph in turn.paragraphs:
            text, cut = _furniture(paragraph, headings)
            dropped.extend(cut)
            if text:
                kept.append(text)
        turns.append(
            turn if kept == list(turn.paragraphs) else replace(turn, paragraphs=tuple(kept))
        )
    if not dropped:
        return parsed
    warning = reader_warning(
        None,
        f"page furniture left out of the source notes: {len(dropped)} pieces "
        "(HTML tags, rules, banners, graphic placeholders, contents lists)",
        "furniture",
    )
    return replace(
        parsed,
        turns=tuple(turns),
        dropped=(*parsed.dropped, *dropped),
        warnings=(*parsed.warnings, warning),
    )


def repair_gpo_typography(parsed: ParsedTranscript) -> ParsedTranscript:
    """````quoted''`` -> “quoted”, ``word--word`` -> ``word—word``, counted in one warning."""
    quotes = dashes = 0

    def fix(text: str) -> str:
        nonlocal quotes, dashes
        text, q = _GPO_QUOTE.subn(r"“\1”", text)
        text, d = _GPO_DASH.subn("—", text)
        quotes, dashes = quotes + q, dashes + d
        return text

    turns = tuple(
        replace(t, paragraphs=fixed)
        if (fixed := tuple(fix(p) for p in t.paragraphs)) != t.paragraphs
        else t
        for t in parsed.turns
    )
    if not quotes and not dashes:
        return parsed
    warning = reader_warning(
        None,
        f"GPO typography repaired: {quotes} ``quotes'' to curly quotes, {dashes} -- to dashes",
        "repair",
    )
    return replace(parsed, turns=turns, warnings=(*parsed.warnings, warning))
