"""The site's data files as bytes: each call's JSON, the Atom feed, the sitemap, robots.txt
and the site's JSON index (:class:`site_builder.views.outputs.DataSpec`)."""

from __future__ import annotations

from markupsafe import escape

from site_builder import markdown
from site_builder.index.site import Site
from site_builder.model import Transcript
from site_builder.render import feeds, jsonout, site_data
from site_builder.urls import Urls
from site_builder.views.meta import transcript_description
from site_builder.views.outputs import DataFile, DataSpec


def _transcript_json(site: Site, urls: Urls, t: Transcript) -> bytes:
    return jsonout.compact_bytes(site_data.transcript_document(site, urls, t))


def _feed_entry(site: Site, urls: Urls, t: Transcript) -> feeds.FeedEntry:
    company = site.transcript_companies.get(t.slug)
    author = site.organizations[company].organization.name if company else site.config.title
    summary = markdown.render(t.summary) if t.summary else escape(transcript_description(t))
    return feeds.FeedEntry(
        title=t.title,
        url=urls.absolute(urls.transcript(t.slug)),
        date=t.parsed.event.date,
        summary_html=str(summary),
        author=author,
    )


def data(site: Site, urls: Urls, spec: DataSpec, listed: list[str]) -> bytes:
    """The bytes of one data file of :func:`site_builder.views.outputs.outputs`."""
    match spec.data:
        case DataFile.TRANSCRIPT_JSON:
            return _transcript_json(site, urls, site.body(spec.slug or ""))
        case DataFile.FEED:
            return _feed(site, urls)
        case DataFile.SITEMAP:
            return feeds.sitemap(listed)
        case DataFile.ROBOTS:
            return feeds.robots(urls.absolute(urls.sitemap()))
        case DataFile.SITE_DATA:
            return _site_index(site, urls)


def _feed(site: Site, urls: Urls) -> bytes:
    return feeds.atom_feed(
        site.config.title,
        urls.absolute(urls.home()),
        urls.absolute(urls.feed()),
        [_feed_entry(site, urls, t) for t in site.transcripts],
        site.config.language,
    )


def _site_index(site: Site, urls: Urls) -> bytes:
    return site_data.site_index_json(site, urls).encode("utf-8")
