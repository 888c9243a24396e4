"""Getting the data out: Atom feed, sitemap, robots.txt, per-transcript JSON, the site-wide JSON
index, and the charts of each call with the tables that carry the same figures."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from site_builder.errors import Diagnostics
from site_builder.index import site as index
from site_builder.index import speech
from site_builder.load.config import SiteConfig
from site_builder.model import Person, Transcript
from site_builder.render import jsonout, site_data
from site_builder.urls import Urls

from .html_check import file_for, read_page
from .test_site import SITE_ANNOTATIONS, build_small, small_transcript

ORIGIN = "https://example.org"
BASE = f"{ORIGIN}/calls/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def resolves(site: Path, url: str) -> bool:
    target = file_for(site, "/calls/", url.removeprefix(ORIGIN))
    return target is not None and target.is_file()


def test_feed_is_atom_with_every_transcript_newest_first(tmp_path: Path) -> None:
    site = build_small(tmp_path, BASE)
    root = ET.fromstring((site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    entries = list(root.iter(f"{ATOM}entry"))
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert links == [f"{BASE}transcripts/acme-2021-q4/", f"{BASE}transcripts/acme-2020-q4/"]
    assert all(resolves(site, link) for link in links)
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert root.findtext(f"{ATOM}updated") == published[0]
    self_link = next(x for x in root.findall(f"{ATOM}link") if x.get("rel") == "self")
    assert self_link.get("href") == f"{BASE}feed.xml"
    # The summary is the transcript's own, rendered, with its hostile HTML shown as text.
    summary = entries[0].findtext(f"{ATOM}summary")
    assert "<em>good</em>" in summary and "&lt;script&gt;" in summary
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "Acme Corp"


def test_sitemap_lists_every_page_but_the_404(tmp_path: Path) -> None:
    site = build_small(tmp_path, BASE)
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    listed = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    built = set()
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        if rel != "404.html":
            built.add(BASE + rel.removesuffix("index.html"))
    assert listed == built
    assert f"{BASE}transcripts/acme-2021-q4/" in listed


def test_robots_allows_crawling_and_points_at_the_sitemap(tmp_path: Path) -> None:
    text = (build_small(tmp_path, BASE) / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and "Disallow: /" not in text
    assert f"Sitemap: {BASE}sitemap.xml" in text.splitlines()
    # Without an origin there is no absolute sitemap URL to give, and none is made up.
    plain = (build_small(tmp_path / "plain") / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap" not in plain


def test_transcript_json_is_the_parse_schema_plus_annotations(tmp_path: Path) -> None:
    site = build_small(tmp_path, BASE)
    data = json.loads((site / "transcripts/acme-2021-q4.json").read_text(encoding="utf-8"))
    transcript = small_transcript()
    parse_keys = set(jsonout.parsed_to_dict(transcript.parsed))
    assert set(data) == parse_keys | {"annotations"}
    assert [t["id"] for t in data["turns"]] == [t.id for t in transcript.parsed.turns]
    # The publisher's folders never leak into published data.
    assert data["source"] == "acme-2021-q4.txt"
    notes = data["annotations"]
    assert notes["url"] == f"{BASE}transcripts/acme-2021-q4/"
    assert notes["summary"] == transcript.summary
    assert notes["company"] == "acme-corp"
    [topic] = notes["topics"]
    assert (
        topic["id"] == "widgets" and topic["title"] == "Widgets" and topic["exchanges"] == ["q01"]
    )
    assert resolves(site, topic["url"])
    assert {n["target"] for n in notes["notes"]} == {"exchange:q01", "turn:t002"}
    [correction] = notes["corrections"]
    assert correction["find"] == "Big Bnk" and correction["replace"] == "Big Bank"
    assert correction["turn"] == "t003"
    people = {p["participant"]: p for p in notes["participants"]}
    assert set(people) == {p.id for p in transcript.parsed.participants}
    assert people["sam-poe"]["organization"] == "big-bank"
    assert all(resolves(site, p["person_url"]) for p in people.values() if p["person"])
    # The call's operator is a voice of this call, with no page: no link to a missing page.
    assert people["operator"]["person"] is None and people["operator"]["person_url"] is None
    assert all(p["person"] for pid, p in people.items() if pid != "operator")


def test_site_index_lists_people_organisations_and_exchanges_with_working_urls(
    tmp_path: Path,
) -> None:
    site = build_small(tmp_path, BASE)
    data = json.loads((site / "data/site.json").read_text(encoding="utf-8"))
    assert [t["slug"] for t in data["transcripts"]] == ["acme-2021-q4", "acme-2020-q4"]
    people = {p["id"]: p for p in data["people"]}
    assert {"jane-roe", "sam-poe"} <= set(people)
    assert people["sam-poe"]["asked"] == ["acme-2021-q4#q01", "acme-2020-q4#q01"]
    orgs = {o["id"]: o for o in data["organizations"]}
    assert orgs["acme-corp"]["held"] == ["acme-2021-q4", "acme-2020-q4"]
    assert "sam-poe" in orgs["big-bank"]["people"]
    exchanges = data["exchanges"]
    assert len(exchanges) == 2
    first = exchanges[0]
    assert first["url"] == f"{BASE}transcripts/acme-2021-q4/#q01"
    assert first["asker"] == "sam-poe" and "jane-roe" in first["speakers"]
    urls = [data["url"], data["feed"]]
    for kind in ("transcripts", "people", "organizations", "topics", "exchanges"):
        urls += [item["url"] for item in data[kind]]
    urls += [t["json"] for t in data["transcripts"]]
    for url in urls:
        assert url.startswith(BASE) and resolves(site, url), url
    for exchange in exchanges:  # the anchor exists on its page
        page, anchor = exchange["url"].removeprefix(ORIGIN).split("#")
        assert anchor in read_page(file_for(site, "/calls/", page)).ids


def test_data_files_do_not_change_between_builds(tmp_path: Path) -> None:
    one, two = build_small(tmp_path / "one", BASE), build_small(tmp_path / "two", BASE)
    for rel in ("feed.xml", "sitemap.xml", "robots.txt", "data/site.json"):
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    assert b"T00:00:00Z" in (one / "feed.xml").read_bytes()  # event dates, not the build's


# ---- pictures ---------------------------------------------------------------------------------


class _Pictures(HTMLParser):
    """Each inline ``<svg>``'s attributes, every id, and every ``<table>``: its caption, the
    ``scope`` of its header cells and the text of its cells, row by row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.svgs: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.tables: list[dict] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "svg":
            self.svgs.append(a)
        elif tag == "table":
            self.tables.append({"caption": "", "scopes": [], "rows": []})
        elif tag == "caption":
            self._in = "caption"
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            if tag == "th":
                self.tables[-1]["scopes"].append(a.get("scope"))
            self.tables[-1]["rows"][-1].append("")
            self._in = "cell"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("caption", "th", "td"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.tables[-1]["caption"] += data
        elif self._in == "cell":
            self.tables[-1]["rows"][-1][-1] += data

    def table(self, caption_start: str) -> dict:
        [found] = [t for t in self.tables if t["caption"].startswith(caption_start)]
        return found


def pictures(page: Path) -> _Pictures:
    parser = _Pictures()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def number(cell: str) -> int:
    return int(cell.strip().replace(",", ""))


def test_transcript_page_draws_the_call_with_named_svgs_and_real_tables(demo_site: Path) -> None:
    page = demo_site / "transcripts/tesla-2012-q2/index.html"
    found = pictures(page)
    assert len(found.svgs) == 3
    for svg in found.svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert {title_id, desc_id} <= found.ids
    assert len(found.tables) == 3
    for table in found.tables:
        assert table["caption"].strip()
        assert set(table["scopes"]) == {"col", "row"}
    html = page.read_text(encoding="utf-8")
    # Colours come from the stylesheet's classes, never from inline styles the CSP would block.
    assert re.search(r'<rect class="chart-(company|analyst|operator)"', html)
    assert " style=" not in html


def test_chart_tables_hold_the_same_figures_as_the_transcript(demo_site: Path) -> None:
    data = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    boilerplate = {s["id"] for s in data["sections"] if s["kind"] in ("boilerplate", "summary")}
    spoken = [t for t in data["turns"] if t["speaker"] and t["section"] not in boilerplate]
    total = sum(speech.count_words(p) for t in spoken for p in t["paragraphs"])
    found = pictures(demo_site / "transcripts/tesla-2012-q2/index.html")
    timeline = found.table("Every spoken turn in order")
    body = timeline["rows"][1:]
    assert len(body) == len(spoken)
    assert sum(number(row[-1]) for row in body) == total
    by_speaker = found.table("Words and turns by speaker")["rows"][1:]
    assert sum(number(row[3]) for row in by_speaker) == total
    assert sum(number(row[2]) for row in by_speaker) == len(spoken)
    by_section = found.table("Words and turns by section")["rows"][1:]
    assert sum(number(row[2]) for row in by_section) == total
    shares = [float(row[-1].strip().rstrip("%")) for row in by_speaker]
    assert shares == sorted(shares, reverse=True) and abs(sum(shares) - 100) < 1


def test_person_page_shows_their_share_of_each_event(demo_site: Path) -> None:
    page = demo_site / "people/elon-musk/index.html"
    found = pictures(page)
    [svg] = found.svgs
    assert svg["role"] == "img"
    [table] = found.tables
    assert "Elon Musk" in table["caption"]
    data = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    his = {
        p["participant"] for p in data["annotations"]["participants"] if p["person"] == "elon-musk"
    }
    turns = [t for t in data["turns"] if t["speaker"] in his]
    words = sum(speech.count_words(p) for t in turns for p in t["paragraphs"])
    [row] = table["rows"][1:]
    assert row[0].strip() == data["annotations"]["title"]
    assert (number(row[1]), number(row[2])) == (len(turns), words)
    # The page's word count says the same as the chart's table.
    stats = "".join(read_page(page).classes["stats"][0].split())
    assert f"Words{words:,}" in stats


def _site(transcripts: list[Transcript], named_operator: bool = False) -> index.Site:
    """The small site; ``named_operator``: speakers.yaml names the operator, who gets a page."""
    people = dict(SITE_ANNOTATIONS.people)
    if named_operator:
        people["operator"] = Person("operator", "Olive Operator")
    config = SiteConfig(title="Calls", base_url=BASE, language="en-GB")
    annotations = replace(SITE_ANNOTATIONS, people=people)
    return index.build_site(transcripts, annotations, config, Diagnostics())


def test_site_index_kept_between_builds_never_goes_stale() -> None:
    # The questions of the site index are kept per call from one build to the next: each build's
    # file must still be exactly the site index of that build's site.
    urls = Urls(BASE)
    calls = [small_transcript(), small_transcript("acme-2020-q4", "2021-02-01")]
    builds = [
        _site(calls),
        _site(calls),  # the same calls: rows kept
        _site(calls, named_operator=True),  # the same calls, the operator now a person
        _site([replace(calls[0], parsed=replace(calls[0].parsed, exchanges=())), calls[1]]),
        _site(calls[1:]),  # a call removed
    ]
    seen = []
    for site in builds:
        text = site_data.site_index_json(site, urls)
        assert text == jsonout.compact(site_data.site_index(site, urls))
        seen.append([(e["transcript"], e["speakers"]) for e in json.loads(text)["exchanges"]])
    both = ["sam-poe", "jane-roe"]
    assert seen == [
        [("acme-2021-q4", both), ("acme-2020-q4", both)],
        [("acme-2021-q4", both), ("acme-2020-q4", both)],
        [("acme-2021-q4", ["operator", *both]), ("acme-2020-q4", ["operator", *both])],
        [("acme-2020-q4", both)],
        [("acme-2020-q4", both)],
    ]
