"""One view object per page of the site.

Templates see these views, never the model (Zola's ``SerializingPage``, mkdocs'
``TemplateContext``): every URL is made by :class:`site_builder.urls.Urls` and every HTML
fragment is rendered before a template runs, so templates only loop, test and print.
"""

from __future__ import annotations

from collections.abc import Callable

from .index import Site
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


def build_views(site: Site) -> list[PageView]:
    return [make() for make in page_makers(site)]


def page_makers(site: Site) -> list[Callable[[], PageView]]:
    """One call per page, each making that page's view: so pages can be made on several cores."""
    urls = Urls(site.config.base_url)
    views: list[Callable[[], PageView]] = [
        lambda: page(
            site,
            urls,
            template="home.html",
            kind="home",
            url=urls.home(),
            title=site.config.title,
            content=home_view(site, urls),
        ),
        lambda: page(
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
        ),
    ]
    for t in site.transcripts:
        views.append(
            lambda t=t: page(
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
                scripts=(urls.static("copy-link.js"),),
            )
        )
    views.append(
        lambda: page(
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
    )
    for pid, entry in site.people.items():
        views.append(
            lambda pid=pid, entry=entry: page(
                site,
                urls,
                template="person.html",
                kind="person",
                url=urls.person(pid),
                title=entry.person.name,
                section="people",
                content=person_view(site, urls, pid),
                description=person_description(site, pid),
                og_type="profile",
                json_ld=person_json_ld(site, urls, pid),
            )
        )
    views.append(
        lambda: page(
            site,
            urls,
            template="organizations.html",
            kind="index",
            url=urls.organizations(),
            title="Organizations",
            section="organizations",
            content=organizations_view(site, urls),
        )
    )
    for oid, org in site.organizations.items():
        views.append(
            lambda oid=oid, org=org: page(
                site,
                urls,
                template="organization.html",
                kind="organization",
                url=urls.organization(oid),
                title=org.organization.name,
                section="organizations",
                content=organization_view(site, urls, oid),
                description=organization_description(site, oid),
            )
        )
    views.append(
        lambda: page(
            site,
            urls,
            template="topics.html",
            kind="index",
            url=urls.topics(),
            title="Topics",
            section="topics",
            content=ListView(topic_items(site, urls), "What the questions were about."),
        )
    )
    for tid, topic in site.topics.items():
        views.append(
            lambda tid=tid, topic=topic: page(
                site,
                urls,
                template="topic.html",
                kind="topic",
                url=urls.topic(tid),
                title=topic.topic.title,
                section="topics",
                content=topic_view(site, urls, tid),
                description=topic_description(site, tid),
            )
        )
    views.append(lambda: search_page(site, urls))
    views.append(
        lambda: page(
            site,
            urls,
            template="404.html",
            kind="404",
            url=urls.not_found(),
            title="Page not found",
            content=home_view(site, urls),
        )
    )
    return views
