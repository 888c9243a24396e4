"""Markdown for annotations (summaries, notes, bios): one parser, raw HTML off.

Annotation authors write Markdown, never HTML: with ``html`` off a ``<script>`` in a summary is
shown as text, so nothing an annotation says can break the page or inject markup.
"""

from __future__ import annotations

import functools
import itertools
import re

from markdown_it import MarkdownIt
from markupsafe import Markup

# CommonMark plus tables and strikethrough; linkify stays off so a bare "ir.teslamotors.com"
# in a note is not turned into a link nobody checked. Smart quotes: a summary's "cushion" and
# it's read with the curly quotes and apostrophes of the transcript beside it (the other
# typographic replacements, (c) -> ©, stay off: they would change what an author wrote).
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})
_PARSER.enable(["table", "strikethrough", "smartquotes"])
# No images: markdown-it-py would embed ``data:image/png`` blobs, and a remote image (a tracking
# pixel in a contributed bio) is blocked by the site's Content-Security-Policy anyway. An image
# written in an annotation shows as "!" and a link to it, which a reader can still follow.
_PARSER.disable("image")

_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# Browsers ignore tabs, newlines and leading spaces or control characters when they read a URL's
# scheme, so "java\tscript:" is javascript: to them; read it the same way here.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
LINK_SCHEMES = ("http:", "https:", "mailto:")


def _safe_link(url: str) -> bool:
    """Links go to web pages, mail addresses, or the site itself (relative URLs, ``#anchors``).

    Stricter than markdown-it-py's default, which lets ``data:image/png`` through: a link from
    contributed Markdown can never be ``javascript:``, ``data:``, ``vbscript:`` or ``file:``.
    A refused link is shown as the Markdown its author wrote.
    """
    scheme = _SCHEME.match(_URL_NOISE.sub("", url))
    return scheme is None or scheme.group(0).lower() in LINK_SCHEMES


_PARSER.validateLink = _safe_link  # type: ignore[method-assign]


MAX_NESTING = _PARSER.options["maxNesting"]
# Each level of nesting needs a marker: a '>', a list bullet or a number's '.' or ')'; a
# list level counts twice (the list and its item).
_MARKERS = re.compile(r"[>*+.)-]")


def nesting_problem(text: str) -> str | None:
    """Why Markdown ``text`` would not be shown whole, or None.

    markdown-it stops at ``maxNesting`` levels (quotes in quotes, lists in lists), which guards
    the stack, and silently drops what is deeper: a container at the last level comes out empty.
    """
    if len(_MARKERS.findall(text)) < MAX_NESTING // 2 - 1:  # a list level takes two
        return None  # too few markers to nest that deep: the common case, without parsing
    tokens = _PARSER.parse(text)
    for opened, after in itertools.pairwise(tokens):
        if opened.nesting == 1 and opened.level >= MAX_NESTING - 1 and after.nesting == -1:
            return (
                f"Markdown nested more than {MAX_NESTING - 1} levels deep (quotes or lists "
                "inside each other); the text past that depth is not shown"
            )
    return None


@functools.lru_cache(maxsize=1 << 12)  # a summary is on its call's page, the feed and the home
def render(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, emphasis, links) as safe HTML."""
    return Markup(_PARSER.render(text))


@functools.lru_cache(maxsize=1 << 12)
def render_inline(text: str) -> Markup:
    """One line of Markdown without the wrapping ``<p>``: for titles and short labels."""
    return Markup(_PARSER.renderInline(text))
