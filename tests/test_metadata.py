"""What a page tells other programs: share cards (Open Graph, Twitter), canonical URL, feed link,
and schema.org JSON-LD that parses and describes the event and the people in it."""

from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from site_builder.errors import Diagnostics
from site_builder.index import site as index
from site_builder.model import SiteConfig
from site_builder.output import write
from site_builder.render import pages as render
from site_builder.render import theme

from .html_check import file_for
from .test_site import SITE_ANNOTATIONS, build_small, small_transcript

ORIGIN_BASE = "https://example.org/calls/"


class _Head(HTMLParser):
    """``<meta>``, ``<link>`` and ``<script>`` elements of a page, with their attributes/text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link":
            self.links.append(a)
        elif tag == "script":
            self._script, self._text = a, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def head_of(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def json_ld(path: Path) -> dict:
    [data] = [
        json.loads(text)
        for a, text in head_of(path).scripts
        if a.get("type") == "application/ld+json"
    ]
    return data


def test_every_page_has_share_cards_with_absolute_urls_when_the_site_has_an_origin(
    tmp_path: Path,
) -> None:
    site = build_small(tmp_path, ORIGIN_BASE)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        head = head_of(page)
        canonical = next(link["href"] for link in head.links if link.get("rel") == "canonical")
        assert canonical.startswith(ORIGIN_BASE), page
        assert head.meta["og:url"] == canonical, page
        assert head.meta["og:title"] and head.meta["og:description"], page
        assert head.meta["og:type"] in {"website", "article", "profile"}, page
        assert head.meta["twitter:card"] == "summary", page
        assert head.meta["twitter:title"] == head.meta["og:title"], page
    transcript = head_of(site / "transcripts/acme-2021-q4/index.html")
    assert transcript.meta["og:type"] == "article"
    assert "Acme 2021-q4 call" in transcript.meta["og:title"]
    assert "February 1, 2022" in transcript.meta["og:description"]
    person = head_of(site / "people/jane-roe/index.html")
    assert person.meta["og:type"] == "profile"
    assert "Jane Roe" in person.meta["og:description"]


def test_without_an_origin_no_relative_og_url_is_made_up(tmp_path: Path) -> None:
    head = head_of(build_small(tmp_path) / "transcripts/acme-2021-q4/index.html")
    assert "og:url" not in head.meta
    assert head.meta["og:title"] and head.meta["twitter:card"] == "summary"
    canonical = next(link["href"] for link in head.links if link.get("rel") == "canonical")
    assert canonical == "/transcripts/acme-2021-q4/"


def test_every_page_announces_the_feed_and_the_link_resolves(tmp_path: Path) -> None:
    site = build_small(tmp_path, ORIGIN_BASE)
    for page in site.rglob("*.html"):
        feeds = [
            link
            for link in head_of(page).links
            if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
        ]
        assert len(feeds) == 1, page
        target = file_for(site, "/calls/", feeds[0]["href"])
        assert target is not None and target.is_file(), feeds[0]["href"]


def test_transcript_json_ld_describes_the_event_its_organiser_and_speakers(tmp_path: Path) -> None:
    site = build_small(tmp_path, ORIGIN_BASE)
    data = json_ld(site / "transcripts/acme-2021-q4/index.html")
    transcript = small_transcript()
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == transcript.title
    assert data["startDate"] == transcript.parsed.event.date
    assert data["url"] == f"{ORIGIN_BASE}transcripts/acme-2021-q4/"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Acme Corp",
        "url": f"{ORIGIN_BASE}organizations/acme-corp/",
    }
    performers = {p["name"]: p for p in data["performer"]}
    # Everyone who spoke, once each, except the operator, who runs the call but is nobody's guest.
    assert set(performers) == {"Jane Roe", "Sam Poe"}
    assert performers["Jane Roe"]["jobTitle"] == "Chief Executive Officer"
    assert performers["Jane Roe"]["worksFor"]["name"] == "Acme Corp"
    assert performers["Sam Poe"]["worksFor"]["name"] == "Big Bank"
    assert performers["Sam Poe"]["url"] == f"{ORIGIN_BASE}people/sam-poe/"
    assert data["subjectOf"]["url"] == f"{ORIGIN_BASE}transcripts/acme-2021-q4.json"
    # Each URL in the data is a page of the built site.
    for url in [data["url"], data["organizer"]["url"], *(p["url"] for p in performers.values())]:
        target = file_for(site, "/calls/", url.removeprefix("https://example.org"))
        assert target is not None and target.is_file(), url


def test_person_json_ld_is_a_profile_page_about_the_person(tmp_path: Path) -> None:
    site = build_small(tmp_path, ORIGIN_BASE)
    data = json_ld(site / "people/sam-poe/index.html")
    assert data["@type"] == "ProfilePage"
    assert data["url"] == f"{ORIGIN_BASE}people/sam-poe/"
    assert data["mainEntity"]["@type"] == "Person"
    assert data["mainEntity"]["name"] == "Sam Poe"
    assert data["mainEntity"]["worksFor"]["name"] == "Big Bank"


def test_demo_transcript_json_ld_names_every_identified_speaker(demo_site: Path) -> None:
    data = json_ld(demo_site / "transcripts/tesla-2012-q2/index.html")
    parsed = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    spoke = {t["speaker"] for t in parsed["turns"] if t["speaker"]}
    expected = {
        a["person_url"]
        for a in parsed["annotations"]["participants"]
        if a["participant"] in spoke
        and next(p for p in parsed["participants"] if p["id"] == a["participant"])["group"]
        not in ("operator", "unknown")
    }
    assert {p["url"] for p in data["performer"]} == expected
    assert data["organizer"]["name"] == "Tesla Motors"


def test_hostile_names_stay_inert_in_json_ld_and_share_cards(tmp_path: Path) -> None:
    hostile = '</script><script>alert(1)</script> "Acme" <!--'
    t = small_transcript()
    t = replace(t, title=hostile, parsed=replace(t.parsed, title=hostile))
    diagnostics = Diagnostics()
    config = SiteConfig(title="Calls", base_url=ORIGIN_BASE)
    site = index.build_site([t], SITE_ANNOTATIONS, config, diagnostics)
    pages = render.render_site(site, theme.Theme(None), diagnostics)
    output = tmp_path / "site"
    write.write_site(pages, theme.Theme(None).static_files(), output)
    page = output / "transcripts/acme-2021-q4/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    head = head_of(page)
    # Only the site's own script file and the JSON-LD: nothing the title smuggled in.
    assert [a.get("type") or a.get("src") for a, _ in head.scripts] == [
        "application/ld+json",
        "/calls/static/copy-link.js",
        "/calls/static/contents.js",
        "/calls/static/search-landing.js",
    ]
    assert json_ld(page)["name"] == hostile
    assert head.meta["og:title"] == hostile
