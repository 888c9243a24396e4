"""Search with Pagefind, in Debian's headless Chromium over HTTP.

A phrase from the seed call finds the turn that says it (the link carries the turn's anchor and
scrolls to it), the filters offer the call's speakers, firms, company, quarter and topics, the
page passes axe with results shown, and without JavaScript (or without an index) the page says
so and links to the contents.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from site_builder import cli, pipeline
from site_builder.errors import Diagnostics
from site_builder.incremental.builder import build
from site_builder.model import Group
from site_builder.output import search_stable
from site_builder.urls import SEARCH_BUNDLE, Urls

from .browser import CONTENT, format_violations, run_axe, static_server
from .test_base_path import assert_scrolled_into_view

pytestmark = pytest.mark.browser
PHRASE = "banana leaf"
RESULT_LINKS = ".pagefind-ui__result-nested a.pagefind-ui__result-link"


@pytest.fixture(scope="module")
def seed() -> Any:
    site = pipeline.load_site(CONTENT, Diagnostics())
    (transcript,) = [t for t in site.transcripts if t.slug == "tesla-2012-q2"]
    return transcript


def turn_saying(transcript: Any, phrase: str) -> Any:
    (turn,) = [t for t in transcript.parsed.turns if any(phrase in p.lower() for p in t.paragraphs)]
    return turn


def search(page: Any, base: str, query: str) -> None:
    page.goto(f"{base}search/?q={query.replace(' ', '+')}")
    page.locator(RESULT_LINKS).first.wait_for(timeout=15000)


def open_filters(page: Any) -> None:
    """The filter groups wait, collapsed, behind one button."""
    page.get_by_role("button", name="Filters").click()


def test_a_phrase_from_the_seed_lands_on_the_turn_and_scrolls_to_it(
    demo_site: Path, page: Any, seed: Any
) -> None:
    turn = turn_saying(seed, PHRASE)
    assert turn.exchange, "the seed's banana-leaf remark is an answer inside a Q&A exchange"
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        first = page.locator(RESULT_LINKS).first
        # The link also carries the words searched for, which the page marks.
        href = first.get_attribute("href")
        assert href == Urls("/").turn(seed.slug, turn.id).replace(
            "#", "?pagefind-highlight=banana&pagefind-highlight=leaf#"
        )
        # The anchor is the answer's heading, inside the question it answers.
        first.click()
        page.wait_for_url(f"**#{turn.id}")
        exchange_heading = page.evaluate(
            "(id) => document.getElementById(id).closest('.exchange').querySelector('h3').id",
            turn.id,
        )
        assert exchange_heading == turn.exchange
        assert_scrolled_into_view(page, turn.id)


def test_every_question_and_turn_is_a_search_sub_result(demo_site: Path, seed: Any) -> None:
    """Pagefind only makes sub-results from headings with ids: every anchor must be one."""
    fragments = sorted((demo_site / SEARCH_BUNDLE).glob("*/fragment/*.pf_fragment"))
    assert len(fragments) == 1, "only transcript pages are indexed (no duplicate hits)"
    # A fragment is JSON behind Pagefind's signature, gzip-compressed.
    raw = gzip.decompress(fragments[0].read_bytes())
    fragment = json.loads(raw[len(search_stable.SIGNATURE) :])
    headed = {a["id"] for a in fragment["anchors"] if a["element"] in {"h3", "h4"} and a["text"]}
    spoken = {t.id for t in seed.parsed.turns if t.speaker}
    questions = {e.id for e in seed.parsed.exchanges}
    assert spoken | questions <= headed
    assert fragment["url"] == Urls("/").transcript(seed.slug)


def test_filters_offer_the_calls_speakers_firms_company_quarter_and_topics(
    demo_site: Path, page: Any, seed: Any
) -> None:
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        open_filters(page)
        page.wait_for_function(
            "() => document.querySelectorAll('.pagefind-ui__filter-name').length >= 5",
            timeout=30000,  # Pagefind draws the groups one by one as their filters arrive
        )
        names = page.locator(".pagefind-ui__filter-name").all_inner_texts()
        assert {"Speaker", "Organisation", "Company", "Quarter", "Topic"} <= set(names)
        speakers = set(page.locator("input[name=speaker]").evaluate_all("i => i.map(e => e.value)"))
        people = {
            p.name
            for p in seed.parsed.participants
            if p.group not in (Group.OPERATOR, Group.UNKNOWN)
        }
        assert speakers == people
        quarter = f"{seed.parsed.event.quarter} {seed.parsed.event.year}"
        assert page.locator("input[name=quarter]").evaluate_all("i => i.map(e => e.value)") == [
            quarter
        ]
        # Choosing a filter keeps the call in the results.
        page.locator(".pagefind-ui__filter-name", has_text="Quarter").click()
        page.get_by_label(quarter).check()
        page.locator(RESULT_LINKS).first.wait_for()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_results_has_no_axe_violations(
    demo_site: Path, browser: Any, scheme: str
) -> None:
    # axe is injected as an inline script, which the site's CSP rightly refuses: this context
    # alone lets the test's own script in.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        open_filters(page)
        page.locator(".pagefind-ui__filter-name").first.click()  # an open filter group too
        violations = run_axe(page)
    context.close()
    assert not violations, format_violations(f"/search/ ({scheme})", violations)


def test_search_runs_under_the_sites_content_security_policy(demo_site: Path, page: Any) -> None:
    logged: list[str] = []
    page.on("console", lambda m: logged.append(m.text))
    page.on("pageerror", lambda e: logged.append(str(e)))
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        field = page.get_by_placeholder("Search the transcripts")
        field.fill("reservations")
        field.press("Enter")
        page.locator(RESULT_LINKS).first.wait_for()
        page.locator(RESULT_LINKS).first.click()
        page.wait_for_load_state("load")
    assert [m for m in logged if "Content Security Policy" in m or "Error" in m] == []


def test_without_javascript_the_header_box_leads_to_a_page_that_says_so(
    demo_site: Path, browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with static_server(demo_site) as base:
        page.goto(base)
        page.get_by_label("Search the transcripts").fill(PHRASE)
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search/?q=banana+leaf")
        main = page.locator("main").inner_text()
        assert "Search needs JavaScript" in main
        links = {a.inner_text(): a.get_attribute("href") for a in page.locator("main a").all()}
    context.close()
    urls = Urls("/")
    assert {links.get(k) for k in ("Transcripts", "People", "Topics")} == {
        urls.transcripts(),
        urls.people(),
        urls.topics(),
    }


def test_a_build_without_search_says_search_is_unavailable(
    tmp_path: Path, page: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "site"
    assert (
        cli.main(["build", "--content", str(CONTENT), "--output", str(output), "--no-search"]) == 0
    )
    assert not (output / SEARCH_BUNDLE).exists()
    with static_server(output) as base:
        page.goto(f"{base}search/?q=banana+leaf")
        status = page.locator("#search-status")
        status.wait_for()
        page.wait_for_function(
            "() => document.getElementById('search-status').textContent.includes('not available')"
        )
        assert page.locator("#search-fallback a", has_text="Transcripts").is_visible()


def test_two_builds_write_the_same_search_index(tmp_path: Path) -> None:
    """Pagefind orders filters at random; the published index must not change between builds."""
    bundles = []
    for name in ("one", "two"):
        result = build(CONTENT, tmp_path / name, base_url="/")
        assert result.ok
        bundle = tmp_path / name / SEARCH_BUNDLE
        bundles.append(
            {
                p.relative_to(bundle).as_posix(): p.read_bytes()
                for p in bundle.rglob("*")
                if p.is_file()
            }
        )
    assert bundles[0].keys() == bundles[1].keys()
    assert [k for k in bundles[0] if bundles[0][k] != bundles[1][k]] == []
