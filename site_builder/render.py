"""Render pages (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Diagnostics
from .index import Site
from .theme import Theme


@dataclass(frozen=True, slots=True)
class RenderedPage:
    path: str
    """Output path relative to the output folder, POSIX separators."""
    content: bytes
    kind: str


def render_site(site: Site, theme: Theme, diagnostics: Diagnostics) -> list[RenderedPage]:
    body = "".join(f"<li>{t.title}</li>" for t in site.transcripts)
    return [RenderedPage("index.html", f"<ul>{body}</ul>".encode(), "home")]
