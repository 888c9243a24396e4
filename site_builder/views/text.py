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

from site_builder.model import Correction

MARKER = re.compile(r"\[[^\[\]\n]{1,160}\]")
EXCERPT_WORDS = 32
_PARAGRAPH_BREAK = "</p>\n<p>"


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
    """Plain text HTML-escaped exactly as ``markupsafe.escape`` does it, as a plain ``str``.

    Pages print thousands of names and URLs and a call's every paragraph: a ``Markup`` object per
    value cost more than the escaping, and most text holds none of the five characters, which a
    membership test finds far faster than ``str.replace`` looks for them.
    """
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&#34;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text


def marks_html(text: str) -> str:
    """Plain transcript text, escaped, with bracketed editorial insertions marked as such."""
    if "[" not in text:  # most paragraphs: skip the search
        return esc(text)
    out: list[str] = []
    last = 0
    for match in MARKER.finditer(text):
        out.append(esc(text[last : match.start()]))
        out.append(f'<span class="mark">{esc(match.group(0))}</span>')
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def _correction_html(item: NumberedCorrection, first: bool) -> str:
    c = item.correction
    ref_id = f' id="{esc(item.ref_anchor)}"' if first else ""
    deleted = (
        f'<del><span class="visually-hidden">source reads: </span>{esc(c.find)}</del> '
        if c.find
        else ""
    )
    return (
        f'<span class="correction" title="Editorial correction: {esc(c.reason)}">{deleted}'
        f'<ins><span class="visually-hidden">corrected to: </span>{esc(c.replace)}</ins>'
        f'<sup class="note-ref"><a href="{esc(item.note_url)}"{ref_id}>'
        f'<span class="visually-hidden">correction </span>{item.number}</a></sup></span>'
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
    paragraphs: Sequence[str], corrections: Sequence[NumberedCorrection] = ()
) -> str:
    """A turn's paragraphs as ``<p>`` elements, corrections and marks shown for what they are."""
    if not corrections:
        if len(paragraphs) == 1:
            text = paragraphs[0]
            return f"<p>{esc(text) if '[' not in text else marks_html(text)}</p>\n"
        if not paragraphs:
            return ""
        joined = _PARAGRAPH_BREAK.join(
            [esc(text) if "[" not in text else marks_html(text) for text in paragraphs]
        )
        return f"<p>{joined}</p>\n"
    needles = [(item, locate(paragraphs, item.correction)) for item in corrections]
    seen: set[int] = set()
    rendered: list[str] = []
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
        out: list[str] = ["<p>"]
        last = 0
        for start, end, item in spans:
            out.append(marks_html(text[last:start]))
            out.append(_correction_html(item, item.number not in seen))
            seen.add(item.number)
            last = end
        out.append(marks_html(text[last:]))
        out.append("</p>\n")
        rendered.append("".join(out))
    return "".join(rendered)


def excerpt(paragraphs: Sequence[str], limit: int = EXCERPT_WORDS) -> str:
    """The opening words of a turn, cut at a word boundary, for lists that link back to it."""
    # Split off only the opening words: a long answer is not cut into all of its words, nor
    # copied whole when its first paragraph holds enough of them.
    words = paragraphs[0].split(maxsplit=limit) if paragraphs else []
    if len(words) <= limit and len(paragraphs) > 1:
        words = " ".join(paragraphs).split(maxsplit=limit)
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[:limit]).rstrip(",;:") + " …"
