"""Machine-readable files: the Atom feed, sitemap.xml and robots.txt.

Built from plain values (absolute URLs already made by ``urls.Urls``), so this module knows
nothing of pages or templates. Dates come from the transcripts, never from the clock: two builds
of the same content give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax import saxutils

from site_builder.text.textcheck import xml_safe

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
EPOCH = "1970-01-01"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    url: str
    """Absolute URL of the transcript page (or path-absolute when no origin is configured)."""
    date: str | None
    """ISO date of the event."""
    summary_html: str
    author: str


def escape(text: str) -> str:
    """Escaped for XML, without the characters XML 1.0 forbids: content is cleaned when it is
    read, and this keeps the feed well-formed whatever reaches it by another way."""
    return saxutils.escape(xml_safe(text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(xml_safe(text))


def _timestamp(date: str | None) -> str:
    return f"{date or EPOCH}T00:00:00Z"


def _entry_id(url: str) -> str:
    # Atom ids must be IRIs that never change; the page URL is one when it is absolute. When the
    # site has no origin yet, a tag: URI keeps the feed valid without inventing a host.
    return url if "://" in url else f"tag:site-builder,2024:{url}"


def atom_feed(
    title: str, site_url: str, feed_url: str, entries: Sequence[FeedEntry], language: str
) -> bytes:
    """An Atom 1.0 feed, newest event first."""
    ordered = sorted(entries, key=lambda e: (e.date or EPOCH, e.url), reverse=True)
    updated = _timestamp(ordered[0].date if ordered else None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang={quoteattr(language)}>',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(_entry_id(site_url))}</id>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(site_url)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>',
        f"  <updated>{updated}</updated>",
        "  <generator>site-builder</generator>",
    ]
    for entry in ordered:
        lines += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(_entry_id(entry.url))}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(entry.url)}/>',
            f"    <updated>{_timestamp(entry.date)}</updated>",
            f"    <published>{_timestamp(entry.date)}</published>",
            f"    <author><name>{escape(entry.author)}</name></author>",
            f'    <summary type="html">{escape(entry.summary_html)}</summary>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap(page_urls: Sequence[str]) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in sorted(set(page_urls))]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(sitemap_url: str | None) -> bytes:
    text = "User-agent: *\nAllow: /\n"
    # The sitemap directive needs an absolute URL; without a configured origin there is none.
    if sitemap_url and "://" in sitemap_url:
        text += f"Sitemap: {sitemap_url}\n"
    return text.encode("utf-8")
