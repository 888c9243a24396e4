"""The search page: Pagefind's UI, started by ``static/search.js``, and a way in without it.

Also the filters a transcript page offers Pagefind (:func:`transcript_filters`).

The page works in three states. Without JavaScript it says so and links to the contents. With
JavaScript, ``search.js`` loads Pagefind's UI from the bundle and runs the query in ``?q=`` (the
header's search form submits there). If the bundle is missing (a ``--no-search`` build) the
script says search is unavailable and the contents links stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.index.site import Site
from site_builder.model import Group
from site_builder.urls import Urls
from site_builder.views.common import Link, PageView, SpeakerView, page


@dataclass(frozen=True, slots=True)
class SearchView:
    bundle_url: str
    """Pagefind's folder; the script loads ``pagefind-ui.js`` from it."""
    ui_script_url: str
    ui_stylesheet_url: str
    script_url: str
    """``static/search.js``: no inline script, so a strict Content-Security-Policy holds."""
    base_url: str
    """Path prefix of the site, which Pagefind puts before every result URL."""
    browse: tuple[Link, ...]
    """Where to go instead when search cannot run."""


def search_view(urls: Urls) -> SearchView:
    return SearchView(
        bundle_url=urls.search_bundle(),
        ui_script_url=urls.search_bundle_file("pagefind-ui.js"),
        ui_stylesheet_url=urls.search_bundle_file("pagefind-ui.css"),
        script_url=urls.static("search.js"),
        base_url=urls.prefix,
        browse=(
            Link(urls.transcripts(), "Transcripts"),
            Link(urls.people(), "People"),
            Link(urls.organizations(), "Organizations"),
            Link(urls.topics(), "Topics"),
        ),
    )


def search_page(site: Site, urls: Urls) -> PageView:
    return page(
        site,
        urls,
        template="search.html",
        kind="search",
        url=urls.search(),
        title="Search",
        content=search_view(urls),
        description=f"Search every transcript on {site.config.title}.",
    )


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """One value a page can be filtered by: rendered as ``data-pagefind-filter="name"``."""

    name: str
    """``speaker``, ``organisation``, ``company``, ``quarter`` or ``topic``."""
    value: str


def transcript_filters(
    speakers: Iterable[SpeakerView],
    company: Link | None,
    quarter: str | None,
    topics: Iterable[Link],
) -> tuple[SearchFilter, ...]:
    """The filter values of one transcript page, each once, in a stable order."""
    people = [s for s in speakers if s.group not in (Group.OPERATOR, Group.UNKNOWN)]
    found: list[SearchFilter] = [SearchFilter("speaker", s.name) for s in people]
    found += [SearchFilter("organisation", s.organization.text) for s in people if s.organization]
    if company:
        found.append(SearchFilter("company", company.text))
    if quarter:
        found.append(SearchFilter("quarter", quarter))
    found += [SearchFilter("topic", t.text) for t in topics]
    return tuple(dict.fromkeys(f for f in found if f.value.strip()))


def quarter_label(quarter: str | None, year: int | None) -> str | None:
    """``Q2`` and ``2012`` -> ``Q2 2012``: one value per period, so the filter reads in order."""
    if not quarter:
        return None
    return f"{quarter} {year}" if year else quarter
