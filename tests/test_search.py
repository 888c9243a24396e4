"""Search with Pagefind, in Debian's headless Chromium over HTTP.

A phrase from the seed call finds the exchange that says it (the link carries the exchange's
anchor and scrolls to it); every exchange and every remark outside one is a result of its own,
filtered by what is true of it (its speakers, their firms, its topics and section, the call's
company and quarter); the page passes axe with results shown, and without JavaScript (or without
an index) the page says so and links to the contents.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from site_builder import build, cli, search_stable
from site_builder.errors import Diagnostics
from site_builder.model import GROUP_OPERATOR, GROUP_UNKNOWN
from site_builder.urls import SEARCH_BUNDLE, Urls

from .browser import CONTENT, format_violations, run_axe, static_server
from .test_base_path import assert_scrolled_into_view

pytestmark = pytest.mark.browser
PHRASE = "banana leaf"
RESULT_LINKS = "a.pagefind-ui__result-link"


@pytest.fixture(scope="module")
def seed() -> Any:
    site = build.load_site(CONTENT, Diagnostics())
    (transcript,) = [t for t in site.transcripts if t.slug == "tesla-2012-q2"]
    return transcript


def turn_saying(transcript: Any, phrase: str) -> Any:
    (turn,) = [t for t in transcript.parsed.turns if any(phrase in p.lower() for p in t.paragraphs)]
    return turn


def search(page: Any, base: str, query: str) -> None:
    page.goto(f"{base}search/?q={query.replace(' ', '+')}")
    page.locator(RESULT_LINKS).first.wait_for(timeout=15000)


def test_a_phrase_from_the_seed_lands_on_its_exchange_and_scrolls_to_it(
    demo_site: Path, page: Any, seed: Any
) -> None:
    turn = turn_saying(seed, PHRASE)
    assert turn.exchange, "the seed's banana-leaf remark is an answer inside a Q&A exchange"
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        links = page.locator(RESULT_LINKS)
        hrefs = links.evaluate_all("l => l.map(a => a.getAttribute('href'))")
        # The two places that say it: the exchange, and the call's summary.
        urls = Urls("/")
        exchange_url = urls.in_transcript(seed.slug, turn.exchange)
        assert sorted(hrefs) == sorted([exchange_url, urls.transcript(seed.slug)])
        link = links.and_(page.locator(f'[href="{exchange_url}"]'))
        # The result says which call and which question it is.
        number = int(turn.exchange[1:])
        assert f"{seed.title}: question {number}" in link.inner_text()
        link.click()
        page.wait_for_url(f"**#{turn.exchange}")
        assert_scrolled_into_view(page, turn.exchange)


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every record of the index as Pagefind stores it: JSON behind its signature, gzipped."""
    found = []
    for path in sorted((site / SEARCH_BUNDLE / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        found.append(json.loads(raw[len(search_stable.SIGNATURE) :]))
    return found


def test_every_exchange_and_every_remark_outside_one_is_a_result(
    demo_site: Path, seed: Any
) -> None:
    urls = Urls("/")
    indexed = sorted(f["url"] for f in fragments(demo_site))
    expected = [urls.transcript(seed.slug)]
    expected += [urls.in_transcript(seed.slug, e.id) for e in seed.parsed.exchanges]
    expected += [
        urls.turn(seed.slug, t.id) for t in seed.parsed.turns if t.speaker and not t.exchange
    ]
    # Only the call's own records: person, topic and firm pages repeat its words.
    assert indexed == sorted(expected)
    (banana,) = [f for f in fragments(demo_site) if PHRASE in f["content"].lower()]
    assert banana["url"] == urls.in_transcript(seed.slug, turn_saying(seed, PHRASE).exchange)


def test_an_exchanges_filters_are_its_own_speakers_firms_and_topics(
    demo_site: Path, seed: Any
) -> None:
    site = build.load_site(CONTENT, Diagnostics())
    by_url = {f["url"]: f["filters"] for f in fragments(demo_site)}
    people = {p.id: p for p in seed.parsed.participants}
    turns = {t.id: t for t in seed.parsed.turns}
    for exchange in seed.parsed.exchanges:
        filters = by_url[Urls("/").in_transcript(seed.slug, exchange.id)]
        spoke = {turns[t].speaker for t in exchange.turns}
        named = {
            people[p].name for p in spoke if people[p].group not in (GROUP_OPERATOR, GROUP_UNKNOWN)
        }
        assert set(filters["speaker"]) == named, exchange.id
        assert set(filters["topic"]) == {site.topics[t].topic.title for t in exchange.topics}
        assert filters["section"] == ["Questions and answers"]
        assert filters["company"] == ["Tesla Motors"]
    # A call-wide filter would list every speaker of the call on every exchange.
    assert len({frozenset(f.get("speaker", ())) for f in by_url.values()}) > 3


def test_filters_offer_the_speakers_firms_company_quarter_topics_and_sections(
    demo_site: Path, page: Any, seed: Any
) -> None:
    turn = turn_saying(seed, PHRASE)
    (exchange,) = [e for e in seed.parsed.exchanges if e.id == turn.exchange]
    names = {p.id: p.name for p in seed.parsed.participants}
    spoke_here = {names[t.speaker] for t in seed.parsed.turns if t.exchange == exchange.id}
    elsewhere = sorted(
        {
            p.name
            for p in seed.parsed.participants
            if p.group not in (GROUP_OPERATOR, GROUP_UNKNOWN) and p.name not in spoke_here
        }
        & {names[t.speaker] for t in seed.parsed.turns if t.speaker}
    )
    with static_server(demo_site) as base:
        search(page, base, PHRASE)
        groups = page.locator(".pagefind-ui__filter-name").all_inner_texts()
        assert {"Speaker", "Organisation", "Company", "Quarter", "Topic", "Section"} <= set(groups)
        speakers = set(page.locator("input[name=speaker]").evaluate_all("i => i.map(e => e.value)"))
        spoken = {
            p.name
            for p in seed.parsed.participants
            if p.group not in (GROUP_OPERATOR, GROUP_UNKNOWN)
            and any(t.speaker == p.id for t in seed.parsed.turns)
        }
        assert speakers == spoken
        quarter = f"{seed.parsed.event.quarter} {seed.parsed.event.year}"
        assert page.locator("input[name=quarter]").evaluate_all("i => i.map(e => e.value)") == [
            quarter
        ]
        # A speaker of this exchange keeps it in the results; someone who spoke only elsewhere
        # in the call does not.
        page.locator(".pagefind-ui__filter-name", has_text="Speaker").click()
        asker = names[exchange.asker]

        def speaker(name: str) -> Any:
            return page.locator("input[name=speaker]").and_(page.locator(f'[value="{name}"]'))

        speaker(asker).check()
        page.locator(RESULT_LINKS).first.wait_for()
        speaker(asker).uncheck()
        speaker(elsewhere[0]).check()
        page.locator(".pagefind-ui__message", has_text="No remark matches").wait_for()
        assert page.locator(RESULT_LINKS).count() == 0


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
        result = build.build(CONTENT, tmp_path / name, base_url="/")
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
