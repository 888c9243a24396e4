"""Linking and citing: citation lines, previous / next exchange, previous / next call.

A reader who quotes a remark needs who said it, at which event, when, and a link that will keep
working (anchors are a promise, see the README). The citation's URL is absolute whenever the site
has an origin (``--base-url https://…``), because a citation is read away from the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import Site
from .memo import by_identity
from .model import Transcript
from .urls import Urls
from .views_common import DateView, Link, date_view


@dataclass(frozen=True, slots=True)
class CallCitation:
    """How to cite the call; a remark's citation adds who said it and its own anchor URL.

    The page prints this once: copy-link.js builds each turn's and question's citation from it
    (speaker first, the permalink's URL last) instead of the page repeating title and date in
    every turn.
    """

    call: str
    """``“Acme Q4 2021 call”, February 1, 2022``."""
    url: str
    """The page: absolute when the site has an origin, else path-absolute."""

    @property
    def text(self) -> str:
        return f"{self.call}, {self.url}."


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The item before and after this one in some order; either may be missing."""

    previous: Link | None
    next: Link | None
    up: Link | None = None
    """The list they belong to (the questions of the call)."""


def call_citation(urls: Urls, transcript: Transcript) -> CallCitation:
    when = date_view(transcript.parsed.event.date)
    parts = [f"“{transcript.title}”"] + ([when.text] if when else [])
    return CallCitation(", ".join(parts), urls.absolute(urls.transcript(transcript.slug)))


def exchange_neighbours(
    urls: Urls, transcript: Transcript, asker_names: dict[str, str], contents_url: str
) -> dict[str, Neighbours]:
    """Exchange id -> links to the previous and next question of the same call."""
    exchanges = transcript.parsed.exchanges

    def link(index: int) -> Link | None:
        if not 0 <= index < len(exchanges):
            return None
        ex = exchanges[index]
        who = asker_names.get(ex.id)
        text = f"Question {index + 1}" + (f" ({who})" if who else "")
        return Link(urls.exchange(transcript.slug, ex.id), text)

    up = Link(contents_url, "All questions")
    return {ex.id: Neighbours(link(i - 1), link(i + 1), up) for i, ex in enumerate(exchanges)}


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
