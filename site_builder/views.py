"""One view object per page of the site, and what each page is made from.

Templates see these views, never the model (Zola's ``SerializingPage``, mkdocs'
``TemplateContext``): every URL is made by :class:`site_builder.urls.Urls` and every HTML
fragment is rendered before a template runs, so templates only loop, test and print.

Each page is listed as a :class:`PageSpec` before its view is made: its URL, and what it shows
of which transcripts and index entries (:mod:`site_builder.page_inputs` turns that into a key),
so a rebuild makes again only the views whose inputs changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .index import Site
from .page_inputs import PageInputs
from .urls import Urls
from .views_common import PageView, page, plural, transcript_item
from .views_meta import (
    organization_description,
    person_description,
    person_json_ld,
    topic_description,
    transcript_description,
    transcript_json_ld,
)
from .views_pages import (
    ListView,
    home_view,
    organization_view,
    organizations_view,
    topic_items,
    topic_view,
)
from .views_people import person_item, person_view
from .views_search import search_page
from .views_transcript import transcript_view


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page before its view is made."""

    make: Callable[[], PageView]
    inputs: PageInputs

    @property
    def url(self) -> str:
        return self.inputs.url

    @property
    def kind(self) -> str:
        return self.inputs.kind


def build_views(site: Site) -> list[PageView]:
    return [spec.make() for spec in page_specs(site)]


def page_specs(site: Site) -> list[PageSpec]:
    """Every HTML page, in a fixed order; each ``make`` can run on any core."""
    urls = Urls(site.config.base_url)

    every_call = tuple(t.slug for t in site.transcripts)

    def listing(url: str, kind: str, make: Callable[[], PageView], **shown: Any) -> PageSpec:
        return PageSpec(make, PageInputs(url, kind, (), **shown))

    specs = [
        listing(
            urls.home(),
            "home",
            lambda: _home(site, urls, "home.html", "home"),
            lists=every_call,
        ),
        listing(
            urls.transcripts(),
            "index",
            lambda: _transcripts_index(site, urls),
            lists=every_call,
        ),
    ]
    for t in site.transcripts:
        url = urls.transcript(t.slug)
        specs.append(
            PageSpec(
                lambda t=t, url=url: page(
                    site,
                    urls,
                    template="transcript.html",
                    kind="transcript",
                    url=url,
                    title=t.title,
                    section="transcripts",
                    content=transcript_view(site, urls, t),
                    description=transcript_description(t),
                    og_type="article",
                    json_ld=transcript_json_ld(site, urls, t),
                    scripts=(urls.static("copy-link.js"),),
                ),
                PageInputs(url, "transcript", (t.slug,)),
            )
        )
    specs.append(
        listing(
            urls.people(),
            "index",
            lambda: _people_index(site, urls),
            entries=tuple(("person-item", pid) for pid in site.people),
        )
    )
    for pid, entry in site.people.items():
        url = urls.person(pid)
        specs.append(
            PageSpec(
                lambda pid=pid, entry=entry, url=url: page(
                    site,
                    urls,
                    template="person.html",
                    kind="person",
                    url=url,
                    title=entry.person.name,
                    section="people",
                    content=person_view(site, urls, pid),
                    description=person_description(site, pid),
                    og_type="profile",
                    json_ld=person_json_ld(site, urls, pid),
                ),
                PageInputs(url, "person", entry.transcripts, entries=(("person", pid),)),
            )
        )
    specs.append(
        listing(
            urls.organizations(),
            "index",
            lambda: page(
                site,
                urls,
                template="organizations.html",
                kind="index",
                url=urls.organizations(),
                title="Organizations",
                section="organizations",
                content=organizations_view(site, urls),
            ),
            entries=tuple(("organization", oid) for oid in site.organizations),
        )
    )
    for oid, org in site.organizations.items():
        url = urls.organization(oid)
        specs.append(
            PageSpec(
                lambda oid=oid, org=org, url=url: page(
                    site,
                    urls,
                    template="organization.html",
                    kind="organization",
                    url=url,
                    title=org.organization.name,
                    section="organizations",
                    content=organization_view(site, urls, oid),
                    description=organization_description(site, oid),
                ),
                PageInputs(
                    url,
                    "organization",
                    (),
                    lists=tuple(dict.fromkeys((*org.held, *org.transcripts))),
                    entries=(
                        ("organization", oid),
                        *(("person-item", pid) for pid in org.people),
                    ),
                ),
            )
        )
    specs.append(
        listing(
            urls.topics(),
            "index",
            lambda: _topics_index(site, urls),
            entries=tuple(("topic", tid) for tid in site.topics),
        )
    )
    for tid, topic in site.topics.items():
        url = urls.topic(tid)
        specs.append(
            PageSpec(
                lambda tid=tid, topic=topic, url=url: page(
                    site,
                    urls,
                    template="topic.html",
                    kind="topic",
                    url=url,
                    title=topic.topic.title,
                    section="topics",
                    content=topic_view(site, urls, tid),
                    description=topic_description(site, tid),
                ),
                PageInputs(url, "topic", (), exchanges=topic.exchanges, entries=(("topic", tid),)),
            )
        )
    specs.append(listing(urls.search(), "search", lambda: search_page(site, urls)))
    specs.append(
        listing(
            urls.not_found(),
            "404",
            lambda: _home(site, urls, "404.html", "404"),
            lists=every_call,
        )
    )
    return specs


def _home(site: Site, urls: Urls, template: str, kind: str) -> PageView:
    is_home = kind == "home"
    return page(
        site,
        urls,
        template=template,
        kind=kind,
        url=urls.home() if is_home else urls.not_found(),
        title=site.config.title if is_home else "Page not found",
        content=home_view(site, urls),
    )


def _transcripts_index(site: Site, urls: Urls) -> PageView:
    return page(
        site,
        urls,
        template="transcripts.html",
        kind="index",
        url=urls.transcripts(),
        title="Transcripts",
        section="transcripts",
        content=ListView(
            tuple(transcript_item(site, urls, t) for t in site.transcripts),
            f"{plural(len(site.transcripts), 'transcript')}, newest first.",
        ),
    )


def _people_index(site: Site, urls: Urls) -> PageView:
    return page(
        site,
        urls,
        template="people.html",
        kind="index",
        url=urls.people(),
        title="People",
        section="people",
        content=ListView(
            tuple(person_item(site, urls, pid) for pid in site.people),
            f"Everyone who speaks in the transcripts: "
            f"{plural(len(site.people), 'person', 'people')}.",
        ),
    )


def _topics_index(site: Site, urls: Urls) -> PageView:
    return page(
        site,
        urls,
        template="topics.html",
        kind="index",
        url=urls.topics(),
        title="Topics",
        section="topics",
        content=ListView(topic_items(site, urls), "What the questions were about."),
    )
