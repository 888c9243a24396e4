"""Markdown for annotations (summaries, notes, bios): one parser, raw HTML off.

Annotation authors write Markdown, never HTML: with ``html`` off a ``<script>`` in a summary is
shown as text, so nothing an annotation says can break the page or inject markup.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup

# CommonMark plus tables and strikethrough; linkify stays off so a bare "ir.teslamotors.com"
# in a note is not turned into a link nobody checked.
_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_PARSER.enable(["table", "strikethrough"])


def render(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, emphasis, links) as safe HTML."""
    return Markup(_PARSER.render(text))


def render_inline(text: str) -> Markup:
    """One line of Markdown without the wrapping ``<p>``: for titles and short labels."""
    return Markup(_PARSER.renderInline(text))
