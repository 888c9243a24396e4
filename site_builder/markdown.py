"""Markdown for annotations (summaries, notes, bios): one parser, raw HTML off.

Annotation authors write Markdown, never HTML: with ``html`` off a ``<script>`` in a summary is
shown as text, so nothing an annotation says can break the page or inject markup.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markupsafe import Markup

# CommonMark plus tables and strikethrough; linkify stays off so a bare "ir.teslamotors.com"
# in a note is not turned into a link nobody checked.
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_PARSER.enable(["table", "strikethrough"])
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


@functools.lru_cache(maxsize=1 << 12)  # a summary is on its call's page, the feed and the home
def render(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, emphasis, links) as safe HTML."""
    return Markup(_PARSER.render(text))


@functools.lru_cache(maxsize=1 << 12)
def render_inline(text: str) -> Markup:
    """One line of Markdown without the wrapping ``<p>``: for titles and short labels."""
    return Markup(_PARSER.renderInline(text))
