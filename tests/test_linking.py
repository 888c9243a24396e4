"""Linking, citing and navigating: permalinks, copy-link buttons, citation lines, previous / next
question and call, and the person pages that lead back to every question and answer."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from .browser import static_server
from .html_check import broken_links, file_for, read_page
from .test_site import build_small, small_transcript

BASE = "https://example.org/calls/"
DEMO = "transcripts/tesla-2012-q2/index.html"


class _Elements(HTMLParser):
    """Every start tag with its attributes and the text inside it (nested text included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}:
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)


def elements(path: Path) -> list[tuple[str, dict[str, str], str]]:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return [(tag, attrs, " ".join("".join(text).split())) for tag, attrs, text in parser.elements]


def with_class(path: Path, css_class: str) -> list[tuple[str, dict[str, str], str]]:
    return [e for e in elements(path) if css_class in e[1].get("class", "").split()]


SPEAKERS = {"t002": "Jane Roe", "t004": "Sam Poe", "t005": "Jane Roe", "q01": "Sam Poe"}


def test_the_call_is_cited_once_and_each_permalink_says_who_said_it(tmp_path: Path) -> None:
    site = build_small(tmp_path, BASE)
    page = site / "transcripts/acme-2021-q4/index.html"
    transcript = small_transcript()
    # Without JavaScript a reader still finds how to cite the call, once, at the top.
    [call] = [text for _, _, text in with_class(page, "cite__text")]
    url = f"{BASE}transcripts/acme-2021-q4/"
    assert call == f"“{transcript.title}”, February 1, 2022. Calls, {url}."
    [cited] = [a for _, a, _ in elements(page) if "data-cite-call" in a]
    assert (
        call == f"{cited['data-cite-call']}. {cited['data-cite-site']}, {cited['data-cite-url']}."
    )
    # The same line, for paper: shown only in print, at the top of the first page.
    assert [text for _, _, text in with_class(page, "cite--print")] == [call]
    # What copy-link.js needs to cite each remark: who said it (the permalink has the URL): a
    # question names its asker, a turn's heading its speaker.
    by = {
        a["href"].rsplit("#")[-1]: a.get("data-cite-by")
        for _, a, _ in with_class(page, "permalink")
    }
    html = page.read_text(encoding="utf-8")
    for anchor, name in re.findall(r'id="(t\d+)">.*?class="speaker__name"[^>]*>([^<]*)<', html):
        by[anchor] = name
    # Text from the source document (the disclaimer) is not a remark anyone made: not cited.
    assert set(by) == {t.id for t in transcript.parsed.turns if t.speaker} | {"q01"}
    for anchor, name in SPEAKERS.items():
        assert by[anchor] == name


@pytest.mark.browser
def test_each_turn_and_question_gets_its_own_citation(tmp_path: Path, browser: Any) -> None:
    site = build_small(tmp_path, BASE)
    root = tmp_path / "root"
    root.mkdir()
    (root / "calls").symlink_to(site, target_is_directory=True)
    transcript = small_transcript()
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    with static_server(root) as base:
        page.goto(base + "calls/transcripts/acme-2021-q4/", wait_until="load")
        spoken = [t.id for t in transcript.parsed.turns if t.speaker]
        citations, labels = [], []
        for anchor in [*spoken, "q01"]:
            # Pointing at a turn (or its question's heading) brings its one "Cite" button.
            holder = (
                f".exchange__head:has(#{anchor})" if anchor == "q01" else f".turn:has(#{anchor})"
            )
            page.locator(holder).hover()
            cite = page.locator(f"{holder} .turn-tools button", has_text="Cite")
            labels.append(cite.get_attribute("aria-label"))
            cite.click()
            citations.append(
                page.locator(f"{holder} .turn-tools__citation .cite__text").text_content()
            )
            page.keyboard.press("Escape")  # closes it, as a click elsewhere would
        # One toolbar on the page, whichever turn it serves.
        assert page.locator(".turn-tools").count() == 1
    assert errors == []
    assert len(set(labels)) == len(labels)  # each "Cite" says what it cites
    for anchor in [*spoken, "q01"]:
        # The absolute URL of the configured origin, not of the server that showed the page.
        [line] = [c for c in citations if c.endswith(f"{BASE}transcripts/acme-2021-q4/#{anchor}.")]
        assert f", in “{transcript.title}”, February 1, 2022. Calls, " in line
        if anchor in SPEAKERS:
            assert line.startswith(f"{SPEAKERS[anchor]}, ")

    page = site / "transcripts/acme-2021-q4/index.html"
    scripts = [a["src"] for tag, a, _ in elements(page) if tag == "script" and "src" in a]
    scripts_expected = [
        "/calls/static/copy-link.js",
        "/calls/static/contents.js",
        "/calls/static/search-landing.js",
    ]
    assert scripts == scripts_expected
    for name in ("copy-link.js", "contents.js", "search-landing.js"):
        assert (site / "static" / name).is_file()
    # The buttons are the script's to make: the page as served has only the plain permalinks.
    assert (
        with_class(page, "turn-tools") == []
        and "<button" not in page.read_text("utf-8").split("<article")[1]
    )


def test_each_question_links_to_the_one_before_and_after(demo_site: Path) -> None:
    page = demo_site / DEMO
    navs = with_class(page, "exchange-nav")
    data = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    ids = [e["id"] for e in data["exchanges"]]
    assert len(navs) == len(ids) > 2
    prev = [a["href"] for tag, a, _ in elements(page) if tag == "a" and a.get("rel") == "prev"]
    nxt = [a["href"] for tag, a, _ in elements(page) if tag == "a" and a.get("rel") == "next"]
    assert prev == [f"/transcripts/tesla-2012-q2/#{i}" for i in ids[:-1]]
    assert nxt == [f"/transcripts/tesla-2012-q2/#{i}" for i in ids[1:]]
    assert broken_links(demo_site) == []


def test_a_call_links_to_the_same_companys_previous_and_next_call(tmp_path: Path) -> None:
    site = build_small(tmp_path)
    newer = site / "transcripts/acme-2021-q4/index.html"
    older = site / "transcripts/acme-2020-q4/index.html"
    [nav] = [e for e in elements(newer) if e[0] == "nav" and "call-nav" in e[1].get("class", "")]
    assert nav[1]["aria-label"] == "Other Acme Corp calls"
    rel = {
        (path.parent.name, a["rel"]): a["href"]
        for path in (newer, older)
        for tag, a, _ in elements(path)
        # Question links carry an anchor; a call link is the page itself.
        if tag == "a" and a.get("rel") in ("prev", "next") and "#" not in a["href"]
    }
    assert rel == {
        ("acme-2021-q4", "prev"): "/transcripts/acme-2020-q4/",
        ("acme-2020-q4", "next"): "/transcripts/acme-2021-q4/",
    }
    assert broken_links(site) == []


def test_an_analysts_page_lists_every_question_and_who_answered(demo_site: Path) -> None:
    data = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    person_of = {p["participant"]: p["person"] for p in data["annotations"]["participants"]}
    groups = {p["id"]: p["group"] for p in data["participants"]}
    speaker_of = {t["id"]: t["speaker"] for t in data["turns"]}
    asked = [e for e in data["exchanges"] if e["asker"] and person_of[e["asker"]] == "ben-kallo"]
    assert asked
    page = demo_site / "people/ben-kallo/index.html"
    items = [e for e in elements(page) if "passage__answered" in e[1].get("class", "")]
    links = [a["href"] for tag, a, _ in elements(page) if tag == "a"]
    for exchange in asked:
        assert f"/transcripts/tesla-2012-q2/#{exchange['id']}" in links
        answerers = {
            person_of[speaker_of[t]]
            for t in exchange["turns"]
            if speaker_of[t]
            and speaker_of[t] != exchange["asker"]
            and groups[speaker_of[t]] != "operator"
        }
        assert answerers
        for person in answerers:
            assert f"/people/{person}/" in links
            name = read_page(file_for(demo_site, "/", f"/people/{person}/")).headings[0][1]
            assert any(name in text for _, _, text in items), name


def test_a_speakers_page_groups_their_words_by_event_with_links_back(tmp_path: Path) -> None:
    site = build_small(tmp_path)
    page = site / "people/jane-roe/index.html"
    facts = read_page(page)
    events = [text for level, text in facts.headings if level == 2 and "Acme" in text]
    assert events == ["Acme 2021-q4 call", "Acme 2020-q4 call"]
    for slug in ("acme-2021-q4", "acme-2020-q4"):
        assert f"/transcripts/{slug}/" in facts.links
        assert f"/transcripts/{slug}/#t005" in facts.links  # her answer, in each call
        assert f"/transcripts/{slug}/#q01" in facts.links  # the question she answered


@pytest.mark.browser
def test_copy_link_button_copies_the_anchor_url_and_says_so(demo_site: Path, browser: Any) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    # Script errors, and any of the page's own resources that failed (Chromium's automatic
    # favicon request is not the page's, and logs a console 404 we do not count).
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(r.url) if r.status >= 400 else None)
    with static_server(demo_site) as base:
        page.goto(base + DEMO.removesuffix("index.html"), wait_until="load")
        # By keyboard: the question's "#", then its "Copy link".
        page.locator(".exchange__head:has(#q03) a.permalink").focus()
        page.keyboard.press("Tab")
        button = page.get_by_role("button", name="Copy link to question 3")
        assert button.evaluate("(b) => b === document.activeElement")
        page.keyboard.press("Enter")
        page.get_by_role("status").filter(has_text="Copied the link").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == base + "transcripts/tesla-2012-q2/#q03"
        # And the call's own citation has a button of its own.
        page.locator(".cite--call summary").click()
        page.locator(".cite--call").get_by_role("button", name="Copy citation").click()
        cited = page.evaluate("navigator.clipboard.readText()")
        buttons = page.locator(".turn-tools button").count()
    context.close()
    assert cited.endswith(f"Earnings Call Transcripts, {base}transcripts/tesla-2012-q2/.")
    # One toolbar (copy link, cite, copy citation) moved to the turn in use: not one per turn.
    assert buttons == 3
    assert errors == []


@pytest.mark.browser
def test_without_javascript_there_is_no_dead_button_and_permalinks_work(
    demo_site: Path, browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with static_server(demo_site) as base:
        page.goto(base + DEMO.removesuffix("index.html"), wait_until="load")
        assert page.locator("button.copy-link").count() == 0
        assert page.locator(".tools details.cite").count() == 0
        page.locator(".exchange__head:has(#q03) a.permalink").click()
        assert page.url.endswith("#q03")
        page.locator("details.cite--call summary").click()
        citation = page.locator(".cite--call .cite__text").inner_text()
    context.close()
    assert citation.endswith("/transcripts/tesla-2012-q2/.")


def test_a_calls_operator_has_no_page_and_no_place_among_the_people(demo_site: Path) -> None:
    # An operator is a different voice on every call: an archive of 1,000 calls must not list
    # 1,000 "Operator"s among its people, nor link each call's operator to a page of their own.
    assert not [p.name for p in (demo_site / "people").iterdir() if p.name.startswith("operator")]
    listed = [text for _, _, text in with_class(demo_site / "people/index.html", "card__title")]
    assert "Elon Musk" in listed and "Operator" not in listed
    names = with_class(demo_site / DEMO, "speaker__name")
    operator = [(tag, attrs) for tag, attrs, text in names if text == "Operator"]
    assert operator and all(tag == "span" and "href" not in attrs for tag, attrs in operator)
    others = [(tag, attrs) for tag, attrs, text in names if text != "Operator"]
    assert others and all(
        tag == "a" and attrs["href"].startswith("/people/") for tag, attrs in others
    )
