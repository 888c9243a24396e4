"""Every file a build writes, listed once: the pages, then the data files.

The renderer makes exactly these (:mod:`site_builder.render.pages`), the sitemap lists the pages
among them, and the URL check below reads the same list, so a new kind of output cannot be
rendered without being checked for a clash, or checked without being rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from site_builder.errors import Diagnostics
from site_builder.index.site import Site
from site_builder.urls import Urls
from site_builder.views.catalogue import Listed, PageSpec, page_specs
from site_builder.views.inputs import PageInputs


class DataFile(StrEnum):
    """The files that are not HTML pages; the renderer knows how to make each."""

    TRANSCRIPT_JSON = "transcript-json"
    FEED = "feed"
    SITEMAP = "sitemap"
    ROBOTS = "robots"
    SITE_DATA = "site-data"


@dataclass(frozen=True, slots=True)
class DataSpec(Listed):
    """A data file before it is made."""

    data: DataFile
    inputs: PageInputs
    what: str
    where: str = "site"
    slug: str | None = None
    """The transcript, for a transcript's JSON."""


Output = PageSpec | DataSpec


def outputs(site: Site) -> list[Output]:
    """Every file of the site, in a fixed order: pages first."""
    urls = Urls(site.config.base_url)
    every_call = tuple(t.slug for t in site.transcripts)
    files: list[Output] = [*page_specs(site)]
    files += [
        DataSpec(
            DataFile.TRANSCRIPT_JSON,
            PageInputs(urls.transcript_json(t.slug), "data", (t.slug,)),
            f"the JSON of '{t.parsed.source}'",
            t.parsed.source,
            t.slug,
        )
        for t in site.transcripts
    ]
    files += [
        DataSpec(
            DataFile.FEED,
            PageInputs(urls.feed(), "data", (), lists=every_call, summarises=every_call),
            "the Atom feed",
        ),
        DataSpec(
            DataFile.SITEMAP,
            PageInputs(urls.sitemap(), "data", (), lists=every_call),
            "the sitemap",
        ),
        DataSpec(DataFile.ROBOTS, PageInputs(urls.robots(), "data", ()), "robots.txt"),
        # Made on every build (no inputs to key it by): it counts every word of the site.
        DataSpec(
            DataFile.SITE_DATA, PageInputs(urls.site_data(), "data", None), "the site's JSON index"
        ),
    ]
    return files


def check_url_claims(site: Site, files: Sequence[Output], diagnostics: Diagnostics) -> None:
    """Two things on one URL would silently overwrite each other: report both instead.

    Output paths are compared case-insensitively, because on macOS and Windows ``Q2`` and ``q2``
    are the same file.
    """
    urls = Urls(site.config.base_url)
    seen: dict[str, Output] = {}
    reported: set[tuple[str, str]] = set()
    for file in files:
        key = urls.output_file(file.url).casefold()
        other = seen.setdefault(key, file)
        if other is file:
            continue
        if (file.where, other.where) in reported:
            continue  # a transcript's page and its JSON collide together: say it once
        reported.add((file.where, other.where))
        diagnostics.error(
            file.where,
            None,
            None,
            f"{file.what} and {other.what} ({other.where}) both claim the URL {file.url}",
            hint="rename one of them (file name, id or slug)",
        )
