"""One view object per page of the site, and what each page is made from.

Templates see these views, never the model (Zola's ``SerializingPage``, mkdocs'
``TemplateContext``): every URL is made by :class:`site_builder.urls.Urls` and every HTML
fragment is rendered before a template runs, so templates only loop, test and print.

Each page is listed as a :class:`PageSpec` before its view is made: its URL, and what it shows
of which transcripts and index entries (:mod:`site_builder.views.inputs` turns that into
a key),
so a rebuild makes again only the views whose inputs changed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from site_builder.index.site import Site
from site_builder.model import Transcript
from site_builder.urls import Urls
from site_builder.views.common import PageView, page, plural, transcript_item
from site_builder.views.inputs import PageInputs
from site_builder.views.linking import call_neighbour_slugs
from site_builder.views.meta import (
    organization_description,
    person_description,
    person_json_ld,
    topic_description,
    transcript_description,
    transcript_json_ld,
)
from site_builder.views.pages import (
    ListView,
    home_view,
    not_found_view,
    organization_questions,
    organization_view,
    organizations_view,
    topic_items,
    topic_view,
)
from site_builder.views.people import person_item, person_view
from site_builder.views.search import search_page
from site_builder.views.transcript import transcript_view


class Listed:
    """What every output the catalogue lists has: its inputs, hence its URL and kind."""

    __slots__ = ()
    inputs: PageInputs

    @property
    def url(self) -> str:
        return self.inputs.url

    @property
    def kind(self) -> str:
        return self.inputs.kind


@dataclass(frozen=True, slots=True)
class PageSpec(Listed):
    """A page before its view is made."""

    make: Callable[[], PageView]
    inputs: PageInputs
    what: str
    """What the page is, for a message about two things claiming one URL."""
    where: str = "site"
    """Where it comes from (a transcript's file, an id of the annotations)."""


def page_specs(site: Site) -> list[PageSpec]:
    """Every HTML page, in a fixed order; each ``make`` can run on any core."""
    urls = Urls(site.config.base_url)
    every_call = tuple(t.slug for t in site.transcripts)

    def spec(
        make: Callable[..., PageView],
        *args: Any,
        inputs: PageInputs,
        what: str,
        where: str = "site",
    ) -> PageSpec:
        return PageSpec(functools.partial(make, site, urls, *args), inputs, what, where)

    return [
        spec(
            _home,
            "home",
            inputs=PageInputs(urls.home(), "home", (), lists=every_call),
            what="the home page",
        ),
        spec(
            _transcripts_index,
            inputs=PageInputs(urls.transcripts(), "index", (), lists=every_call),
            what="the transcripts index",
        ),
        *(
            spec(
                _transcript,
                t,
                inputs=PageInputs(
                    urls.transcript(t.slug),
                    "transcript",
                    (t.slug,),
                    links=call_neighbour_slugs(site, t.slug),
                ),
                what=f"transcript '{t.parsed.source}'",
                where=t.parsed.source,
            )
            for t in site.transcripts
        ),
        spec(
            _people_index,
            inputs=PageInputs(
                urls.people(), "index", (), entries=tuple(("person-item", p) for p in site.people)
            ),
            what="the people index",
        ),
        *(
            spec(
                _person,
                pid,
                inputs=PageInputs(
                    urls.person(pid),
                    "person",
                    (),
                    quotes=entry.transcripts,
                    quoted_person=pid,
                    entries=(("person", pid),),
                ),
                what=f"person '{entry.person.name}' ({pid})",
                where=entry.transcripts[0] if entry.transcripts else "speakers.yaml",
            )
            for pid, entry in site.people.items()
        ),
        spec(
            _organizations_index,
            inputs=PageInputs(
                urls.organizations(),
                "index",
                (),
                entries=tuple(("organization", oid) for oid in site.organizations),
            ),
            what="the organisations index",
        ),
        *(
            spec(
                _organization,
                oid,
                inputs=PageInputs(
                    urls.organization(oid),
                    "organization",
                    (),
                    lists=tuple(dict.fromkeys((*org.held, *org.transcripts))),
                    exchanges=organization_questions(site, oid),
                    entries=(("organization", oid), *(("person-item", p) for p in org.people)),
                ),
                what=f"organisation '{org.organization.name}'",
                where=oid,
            )
            for oid, org in site.organizations.items()
        ),
        spec(
            _topics_index,
            inputs=PageInputs(
                urls.topics(), "index", (), entries=tuple(("topic", tid) for tid in site.topics)
            ),
            what="the topics index",
        ),
        *(
            spec(
                _topic,
                tid,
                inputs=PageInputs(
                    urls.topic(tid),
                    "topic",
                    (),
                    exchanges=topic.exchanges,
                    entries=(("topic", tid),),
                ),
                what=f"topic '{topic.topic.title}'",
                where=tid,
            )
            for tid, topic in site.topics.items()
        ),
        spec(_search, inputs=PageInputs(urls.search(), "search", ()), what="the search page"),
        spec(
            _home,
            "404",
            # It links the calls' list with their number.
            inputs=PageInputs(urls.not_found(), "404", (), lists=every_call),
            what="the 404 page",
        ),
    ]


# One maker per kind of page: the page frame (``page``) around the kind's own view.


def _home(site: Site, urls: Urls, kind: str) -> PageView:
    is_home = kind == "home"
    return page(
        site,
        urls,
        template="home.html" if is_home else "404.html",
        kind=kind,
        url=urls.home() if is_home else urls.not_found(),
        title=site.config.title if is_home else "Page not found",
        content=home_view(site, urls) if is_home else not_found_view(site, urls),
    )


def _transcript(site: Site, urls: Urls, listed: Transcript) -> PageView:
    t = site.body(listed.slug)  # every word of it, where the site holds only openings
    return page(
        site,
        urls,
        template="transcript.html",
        kind="transcript",
        url=urls.transcript(t.slug),
        title=t.title,
        section="transcripts",
        content=transcript_view(site, urls, t),
        description=transcript_description(t),
        og_type="article",
        json_ld=transcript_json_ld(site, urls, t),
        scripts=(
            urls.static("copy-link.js"),
            urls.static("contents.js"),
            urls.static("search-landing.js"),
        ),
    )


def _person(site: Site, urls: Urls, pid: str) -> PageView:
    return page(
        site,
        urls,
        template="person.html",
        kind="person",
        url=urls.person(pid),
        title=site.people[pid].person.name,
        section="people",
        content=person_view(site, urls, pid),
        description=person_description(site, pid),
        og_type="profile",
        json_ld=person_json_ld(site, urls, pid),
    )


def _organization(site: Site, urls: Urls, oid: str) -> PageView:
    return page(
        site,
        urls,
        template="organization.html",
        kind="organization",
        url=urls.organization(oid),
        title=site.organizations[oid].organization.name,
        section="organizations",
        content=organization_view(site, urls, oid),
        description=organization_description(site, oid),
    )


def _topic(site: Site, urls: Urls, tid: str) -> PageView:
    return page(
        site,
        urls,
        template="topic.html",
        kind="topic",
        url=urls.topic(tid),
        title=site.topics[tid].topic.title,
        section="topics",
        content=topic_view(site, urls, tid),
        description=topic_description(site, tid),
    )


def _search(site: Site, urls: Urls) -> PageView:
    return search_page(site, urls)


def _index(
    site: Site, urls: Urls, url: str, template: str, title: str, content: object
) -> PageView:
    return page(
        site,
        urls,
        template=template,
        kind="index",
        url=url,
        title=title,
        section=template.removesuffix(".html"),
        content=content,
    )


def _transcripts_index(site: Site, urls: Urls) -> PageView:
    items = tuple(transcript_item(site, urls, t) for t in site.transcripts)
    intro = f"{plural(len(site.transcripts), 'transcript')}, newest first."
    return _index(
        site, urls, urls.transcripts(), "transcripts.html", "Transcripts", ListView(items, intro)
    )


def _people_index(site: Site, urls: Urls) -> PageView:
    items = tuple(person_item(site, urls, pid) for pid in site.people)
    intro = (
        f"Everyone who speaks in the transcripts: {plural(len(site.people), 'person', 'people')}."
    )
    return _index(site, urls, urls.people(), "people.html", "People", ListView(items, intro))


def _organizations_index(site: Site, urls: Urls) -> PageView:
    content = organizations_view(site, urls)
    return _index(site, urls, urls.organizations(), "organizations.html", "Organizations", content)


def _topics_index(site: Site, urls: Urls) -> PageView:
    content = ListView(topic_items(site, urls), "What the questions were about.")
    return _index(site, urls, urls.topics(), "topics.html", "Topics", content)
