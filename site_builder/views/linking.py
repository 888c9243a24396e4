"""Linking and citing: citation lines, previous / next exchange, previous / next call.

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
from site_builder.views.text import esc


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


def call_citation(
    urls: Urls,
    transcript: Transcript,
    held_by: str | None = None,
    source: Provenance | None = None,
) -> CallCitation:
    """``“Title”, [the committee, for a hearing,] date[, transcript: publisher]``."""
    when = date_view(transcript.parsed.event.date)
    parts = [f"“{transcript.title}”"]
    # A hearing is known by its committee; a company's call already names it in its title.
    if held_by and transcript.parsed.event.kind == "hearing" and held_by not in transcript.title:
        parts.append(held_by)
    parts += [when.text] if when else []
    if source is not None and source.publisher:
        parts.append(f"transcript: {source.publisher}")
    return CallCitation(", ".join(parts), urls.absolute(urls.transcript(transcript.slug)))


_NAV_OPEN = '<p class="exchange-nav" data-pagefind-ignore>\n'


def exchange_navs(
    urls: Urls, transcript: Transcript, asker_names: dict[str, str], contents_url: str
) -> dict[str, str]:
    """Exchange id -> its links to the previous and next question of the same call and to the
    list of all of them, printed (a call has dozens of questions, each linked from two others).
    """
    exchanges = transcript.parsed.exchanges
    href = esc(urls.in_transcript(transcript.slug, ""))
    labels = []
    for number, ex in enumerate(exchanges, 1):
        who = asker_names.get(ex.id)
        text = f"Question {number}" + (f" ({who})" if who else "")
        labels.append((f"{href}{esc(ex.id)}", esc(text)))
    up = f'<a class="exchange-nav__up" href="{esc(contents_url)}">All questions</a>'
    navs = {}
    for i, ex in enumerate(exchanges):
        links = []
        if i > 0:
            url, text = labels[i - 1]
            links.append(
                f'<a class="exchange-nav__prev" rel="prev" href="{url}">'
                f'<span aria-hidden="true">← </span>Previous: {text}</a>'
            )
        links.append(up)
        if i + 1 < len(labels):
            url, text = labels[i + 1]
            links.append(
                f'<a class="exchange-nav__next" rel="next" href="{url}">'
                f'Next: {text}<span aria-hidden="true"> →</span></a>'
            )
        navs[ex.id] = _NAV_OPEN + "\n".join(links) + "\n</p>\n"
    return navs


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
