"""A site built for ``https://example.org/calls/`` works when served under ``/calls/``.

A real HTTP server maps ``/calls/`` to the built folder and answers 404 everywhere else, so any
link that forgot the base path shows up as broken. The crawler follows every internal link of
every page (and the URLs in feeds, the sitemap and the search page's data attributes): each must
answer 200 and each ``#anchor`` must exist on its page. The default build is crawled from the
server root the same way.
"""

from __future__ import annotations

import contextlib
import http.server
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_builder.incremental.builder import build

from .browser import CONTENT, serve_folder, static_server

BASE_URL = "https://example.org/calls/"
PREFIX = "/calls/"
# Attributes whose value is a URL the site itself made (the search page keeps the URLs of
# Pagefind's UI in data attributes for its script).
URL_ATTRIBUTES = {"href", "src", "data-ui-script", "data-ui-stylesheet", "data-bundle-url"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in URL_ATTRIBUTES and value:
                self.links.append(value)


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under ``/calls/`` only, as a web server hosting the site there would."""

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if not route.startswith(PREFIX):
            return str(Path(self.directory) / ".not-under-the-base-path")
        return super().translate_path("/" + route[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


def served_under_sub_path(folder: Path) -> contextlib.AbstractContextManager[str]:
    """Serve ``folder`` only under ``PREFIX``; yields the origin."""
    return serve_folder(folder, _SubPathHandler)


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        return exc.code, b"", ""


def crawl(origin: str, prefix: str, public_base: str) -> tuple[int, list[str]]:
    """Follow every internal URL from the home page; (URLs fetched, problems found)."""
    problems: list[str] = []
    pages: dict[str, set[str] | None] = {}  # path -> ids (None: not HTML)
    wanted: list[tuple[str, str]] = [(prefix, "(start)")]
    anchors: list[tuple[str, str, str]] = []
    while wanted:
        path, found_on = wanted.pop()
        if path in pages:
            continue
        status, body, kind = fetch(origin + path)
        pages[path] = None
        if status != 200:
            problems.append(f"{found_on}: {path} answered {status}")
            continue
        links: list[str] = []
        if kind == "text/html":
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            pages[path] = parser.ids
            links = parser.links
        elif kind in {"application/xml", "text/xml", "application/atom+xml"} or path.endswith(
            ".xml"
        ):
            links = re.findall(r"https?://[^\s\"<>]+", body.decode("utf-8"))
        for link in links:
            if public_base and link.startswith(public_base):
                link = prefix + link[len(public_base) :]
            parts = urlsplit(urljoin(path, link))
            if parts.scheme or parts.netloc:
                continue  # a link off the site (or to a namespace in a feed)
            target = unquote(parts.path)
            if not target.startswith(prefix):
                problems.append(f"{path}: {link} is outside {prefix}")
                continue
            wanted.append((target, path))
            if parts.fragment:
                anchors.append((target, parts.fragment, path))
    for target, fragment, found_on in anchors:
        ids = pages.get(target)
        if ids is not None and fragment not in ids:
            problems.append(f"{found_on}: {target}#{fragment} has no such anchor")
    return len(pages), problems


def assert_scrolled_into_view(page: Any, element_id: str) -> None:
    """The element is (or, after the theme's smooth scroll, comes) into the viewport."""
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        arg=element_id,
        timeout=10000,
    )


@pytest.fixture(scope="module")
def calls_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("calls") / "site"
    result = build(CONTENT, output, base_url=BASE_URL)
    assert result.ok, "\n".join(str(d) for d in result.diagnostics.errors)
    return output


def test_site_under_a_sub_path_has_no_broken_link_anchor_or_asset(calls_site: Path) -> None:
    with served_under_sub_path(calls_site) as origin:
        fetched, problems = crawl(origin, PREFIX, BASE_URL)
        assert fetch(origin + "/")[0] == 404, "the test server must refuse paths outside /calls/"
    html_files = len(list(calls_site.rglob("*.html")))
    assert fetched > html_files, f"crawled only {fetched} URLs for {html_files} pages"
    assert not problems, f"{len(problems)} broken:\n" + "\n".join(problems[:40])


def test_every_page_of_the_sub_path_build_is_reachable(calls_site: Path) -> None:
    with served_under_sub_path(calls_site) as origin:
        _, problems = crawl(origin, PREFIX, BASE_URL)
        reachable = set()
        for file in calls_site.rglob("*.html"):
            rel = file.relative_to(calls_site).as_posix().removesuffix("index.html")
            reachable.add(rel)
    assert not problems
    assert {"", "search/", "transcripts/tesla-2012-q2/"} <= reachable


def test_default_build_works_from_the_server_root(demo_site: Path) -> None:
    with static_server(demo_site) as base:
        fetched, problems = crawl(base.rstrip("/"), "/", "")
    assert fetched > len(list(demo_site.rglob("*.html")))
    assert not problems, f"{len(problems)} broken:\n" + "\n".join(problems[:40])


@pytest.mark.browser
def test_search_works_under_the_sub_path(calls_site: Path, page: Any) -> None:
    # pytest-playwright's page (Debian's Chromium, see conftest): a second sync_playwright() in
    # the same session fails once another test has started the plugin's event loop.
    with served_under_sub_path(calls_site) as origin:
        failed: list[str] = []
        page.on(
            "response",
            # Chromium asks for /favicon.ico by itself; the site links no favicon.
            lambda r: (
                r.status >= 400
                and not r.url.endswith("/favicon.ico")
                and failed.append(f"{r.status} {r.url}")
            ),
        )
        page.goto(f"{origin}{PREFIX}search/?q=banana+leaf")
        link = page.locator(".pagefind-ui__result-nested a").first
        link.wait_for(timeout=15000)
        href = link.get_attribute("href") or ""
        # The link carries the words searched for (the page marks them) and the turn's anchor.
        assert href.startswith(f"{PREFIX}transcripts/tesla-2012-q2/?pagefind-highlight="), href
        assert "#t" in href, href
        link.click()
        page.wait_for_url(f"**#{href.rsplit('#', 1)[1]}")
        page.locator("mark.pagefind-highlight").first.wait_for()
        assert_scrolled_into_view(page, href.rsplit("#", 1)[1])
        assert not failed, failed
