"""Transcript text as HTML: speech, editorial marks and editorial corrections, kept apart.

A reader must always be able to tell what was said from what an editor added. Bracketed
insertions (``[laughter]``, ``[Operator instructions.]``, ``[crosstalk 01:07:27]``) become
``<span class="mark">``; a correction shows the source's words struck through beside the
replacement, with the reason on hover and in a numbered note, so nothing is silently changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .model import Correction

MARKER = re.compile(r"\[[^\[\]\n]{1,160}\]")
EXCERPT_WORDS = 32


@dataclass(frozen=True, slots=True)
class NumberedCorrection:
    """A correction with its footnote number and the anchor of that footnote."""

    correction: Correction
    number: int
    anchor: str
    """Id of the footnote (``correction-1``)."""
    ref_anchor: str
    """Id of the correction's first mark in the text, which the footnote links back to."""
    note_url: str
    """URL of the footnote."""


def esc(text: str) -> str:
    """A short plain value (a name, a URL) HTML-escaped as ``markupsafe.escape`` does it.

    A plain ``str`` result: pages print thousands of names and URLs, and making a ``Markup``
    object for each cost more than the escaping (for long text ``escape`` is the faster).
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def marks_html(text: str) -> Markup:
    """Plain transcript text with bracketed editorial insertions marked as such."""
    if "[" not in text:  # most paragraphs: skip the search
        return escape(text)
    out: list[str] = []
    last = 0
    for match in MARKER.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(Markup('<span class="mark">{}</span>').format(match.group(0)))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _correction_html(item: NumberedCorrection, first: bool) -> Markup:
    c = item.correction
    ref_id = Markup(' id="{}"').format(item.ref_anchor) if first else Markup("")
    deleted = (
        Markup('<del><span class="visually-hidden">source reads: </span>{}</del> ').format(c.find)
        if c.find
        else Markup("")
    )
    return Markup(
        '<span class="correction" title="Editorial correction: {reason}">{deleted}'
        '<ins><span class="visually-hidden">corrected to: </span>{replace}</ins>'
        '<sup class="note-ref"><a href="{url}"{ref_id}>'
        '<span class="visually-hidden">correction </span>{number}</a></sup></span>'
    ).format(
        reason=c.reason,
        deleted=deleted,
        replace=c.replace,
        url=item.note_url,
        ref_id=ref_id,
        number=item.number,
    )


def locate(paragraphs: Sequence[str], c: Correction) -> str | None:
    """Which text marks the correction's place: the replacement if the annotation step applied
    it already, else the source's words (so a correction is shown even before it is applied)."""
    joined = "\n".join(paragraphs)
    if c.replace and c.replace in joined:
        return c.replace
    if c.find and c.find in joined:
        return c.find
    return None


def paragraphs_html(
    paragraphs: Sequence[str], corrections: Sequence[NumberedCorrection]
) -> tuple[Markup, ...]:
    """Each paragraph of a turn as HTML, corrections and marks shown for what they are."""
    if not corrections:
        return tuple(marks_html(text) for text in paragraphs)
    needles = [(item, locate(paragraphs, item.correction)) for item in corrections]
    seen: set[int] = set()
    rendered: list[Markup] = []
    for index, text in enumerate(paragraphs):
        spans: list[tuple[int, int, NumberedCorrection]] = []
        for item, needle in needles:
            # The annotation step records which paragraphs it changed; mark only those, so a
            # replacement word that was already spoken elsewhere is not shown as a correction.
            changed = item.correction.paragraphs
            if not needle or (changed and index not in changed):
                continue
            for match in re.finditer(re.escape(needle), text):
                if all(match.end() <= s or match.start() >= e for s, e, _ in spans):
                    spans.append((match.start(), match.end(), item))
        spans.sort(key=lambda s: s[0])
        out: list[Markup] = []
        last = 0
        for start, end, item in spans:
            out.append(marks_html(text[last:start]))
            out.append(_correction_html(item, item.number not in seen))
            seen.add(item.number)
            last = end
        out.append(marks_html(text[last:]))
        rendered.append(Markup("").join(out))
    return tuple(rendered)


def excerpt(paragraphs: Sequence[str], limit: int = EXCERPT_WORDS) -> str:
    """The opening words of a turn, cut at a word boundary, for lists that link back to it."""
    # Split off only the opening words: a long answer is not cut into all of its words.
    words = " ".join(paragraphs).split(maxsplit=limit)
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]).rstrip(",;:") + " …"
