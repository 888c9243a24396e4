"""Linking and citing: citation lines and the previous / next call.

A reader who quotes a remark needs who said it, at which event, when, and a link that will keep
working (anchors are a promise, see the README). The citation's URL is absolute whenever the site
has an origin (``--base-url https://…``), because a citation is read away from the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.index.site import Site
from site_builder.memo import by_identity
from site_builder.model import Provenance, Transcript
from site_builder.urls import Urls
from site_builder.views.common import DateView, Link, date_view


@dataclass(frozen=True, slots=True)
class CallCitation:
    """How to cite the call; a remark's citation puts who said it and which question or turn
    first, and ends with its own permalink.

    The page prints this once: copy-link.js builds each turn's and question's citation from it
    instead of the page repeating title and date in every turn, and makes a path-absolute URL
    absolute with the address the page was read at (a citation is read away from the site).
    """

    call: str
    """``“Acme Q4 2021 call”, February 1, 2022, transcript: Seeking Alpha``: the event, its
    date and the original publisher (from the annotations' ``source:``)."""
    site: str
    """The site's title: where the cited text was read."""
    url: str
    """The page: absolute when the site has an origin, else path-absolute."""

    @property
    def text(self) -> str:
        return f"{self.call}. {self.site}, {self.url}."


def call_citation(
    urls: Urls,
    transcript: Transcript,
    site_title: str,
    held_by: str | None = None,
    source: Provenance | None = None,
) -> CallCitation:
    """``“Title”, [the committee, for a hearing,] date[, transcript: publisher[, source URL]]``."""
    when = date_view(transcript.parsed.event.date)
    parts = [f"“{transcript.title}”"]
    # A hearing is known by its committee; a company's call already names it in its title.
    if held_by and transcript.parsed.event.kind == "hearing" and held_by not in transcript.title:
        parts.append(held_by)
    parts += [when.text] if when else []
    if source is not None and (source.publisher or source.url):
        parts.append(f"transcript: {source.publisher or source.url}")
        if source.publisher and source.url:
            parts.append(source.url)
    url = urls.absolute(urls.transcript(transcript.slug))
    return CallCitation(", ".join(parts), site_title, url)


@dataclass(frozen=True, slots=True)
class CallLink:
    url: str
    title: str
    date: DateView | None


@dataclass(frozen=True, slots=True)
class CallNeighbours:
    """The same company's calls just before and after this one (by event date)."""

    company: Link
    previous: CallLink | None
    """The earlier call."""
    next: CallLink | None
    """The later call."""


@by_identity(2)
def _calls_by_company(site: Site) -> dict[str, tuple[tuple[Transcript, ...], dict[str, int]]]:
    """Company id -> its calls newest first, and each call's position among them.

    Made once per site: every transcript page asks, and a scan of all calls per page would make
    the build quadratic in the number of calls.
    """
    calls: dict[str, list[Transcript]] = {}
    for t in site.transcripts:
        company_id = site.transcript_companies.get(t.slug)
        if company_id:
            calls.setdefault(company_id, []).append(t)
    return {
        company_id: (tuple(same), {t.slug: i for i, t in enumerate(same)})
        for company_id, same in calls.items()
    }


def call_neighbour_slugs(site: Site, slug: str) -> tuple[str, ...]:
    """The slugs of the calls :func:`call_neighbours` links (what its page's key names)."""
    company_id = site.transcript_companies.get(slug)
    if not company_id or company_id not in site.organizations:
        return ()
    same, positions = _calls_by_company(site)[company_id]
    position = positions[slug]
    return tuple(t.slug for t in same[max(0, position - 1) : position + 2] if t.slug != slug)


def call_neighbours(site: Site, urls: Urls, slug: str) -> CallNeighbours | None:
    company_id = site.transcript_companies.get(slug)
    if not company_id or company_id not in site.organizations:
        return None
    # site.transcripts is newest first, so the earlier call comes after this one in the list.
    same, positions = _calls_by_company(site)[company_id]
    if len(same) < 2:
        return None
    position = positions[slug]

    def call(index: int) -> CallLink | None:
        if not 0 <= index < len(same):
            return None
        t = same[index]
        return CallLink(urls.transcript(t.slug), t.title, date_view(t.parsed.event.date))

    company = Link(urls.organization(company_id), site.organizations[company_id].organization.name)
    return CallNeighbours(company, previous=call(position + 1), next=call(position - 1))
