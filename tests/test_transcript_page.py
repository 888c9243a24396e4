"""The transcript page as a reader meets it in Chromium: the questions within reach, quiet turns,
citations that can be pasted elsewhere, a link to a question that lands on it, and print."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any

import pytest

from .browser import static_server
from .test_linking import with_class

pytestmark = [pytest.mark.browser]

DEMO = "transcripts/tesla-2012-q2/"
VISIBLE_CONTROLS = """(root) => Array.from(root.querySelectorAll('a, button, summary'))
.filter((el) => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0';
}).length"""


def _open(page: Any, base: str, width: int, height: int = 900, anchor: str = "") -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base + DEMO + anchor, wait_until="load")


def test_contents_lists_every_question_with_its_asker_and_first_words(demo_site: Path) -> None:
    html = (demo_site / DEMO / "index.html").read_text(encoding="utf-8")
    contents = html[html.index('<nav class="contents"') :]
    contents = contents[: contents.index("</nav>")]
    items = re.findall(r'<a href="[^"]*#q\d+">(.*?)</a>', contents)
    assert len(items) == html.count('class="exchange__head"') >= 10
    first = " ".join(re.sub(r"<[^>]+>", "", items[0]).split())
    assert "John Lovallo, Merrill Lynch" in first
    assert "A few questions for you here" in first  # the question's own opening words
    assert "Question 1" not in first


def test_turn_headings_name_the_speaker_and_only_an_analysts_firm(demo_site: Path) -> None:
    html = demo_site / DEMO / "index.html"
    headings = {a["id"]: text for tag, a, text in with_class(html, "speaker") if "id" in a}
    musk = [t for t in headings.values() if "Elon Musk" in t]
    assert musk and all(t.strip("AQ ") == "Elon Musk" for t in musk)  # no "Chairman, ... CEO"
    assert any("Carter Driscoll Capstone Investments" in t for t in headings.values())
    roles = [text for tag, a, text in with_class(html, "participants")]
    assert "Chairman, Product Architect, and CEO" in roles[0]  # said once, under Participants


def test_a_link_to_a_question_lands_with_it_at_the_top(demo_site: Path, page: Any) -> None:
    with static_server(demo_site) as base:
        for width in (1280, 375):
            _open(page, base, width, anchor="#q05")
            page.wait_for_timeout(400)
            top = page.evaluate("document.getElementById('q05').getBoundingClientRect().top")
            assert 0 <= top <= 100, f"at {width} px question 5 is {top:.0f} px down"


def test_the_questions_are_beside_the_text_and_follow_the_reader(
    demo_site: Path, page: Any
) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        first = page.locator("nav.contents a[href$='#q01']")
        assert first.bounding_box()["y"] + 20 < 900  # visible without scrolling
        turns = page.locator(".turn")
        turns.nth(int(turns.count() * 0.6)).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        shown = page.evaluate(
            """() => Array.from(document.querySelectorAll("nav.contents a[href*='#q']"))
              .filter((a) => { const r = a.getBoundingClientRect();
                               return r.top >= 0 && r.bottom <= innerHeight; }).length"""
        )
        assert shown >= 5
        current = page.locator("nav.contents a[aria-current='location']")
        assert current.count() == 1 and current.is_visible()


def test_on_a_phone_the_way_back_to_the_questions_leaves_the_text_while_reading_on(
    demo_site: Path, page: Any
) -> None:
    """The floating "Questions ↑" covered the end of a line; it now steps aside while the
    reader scrolls down, and returns when they scroll up or reach it by keyboard."""
    back = "document.querySelector('.to-contents a')"
    shown = f"(() => {{ const s = getComputedStyle({back}); return s.opacity === '1' }})()"
    with static_server(demo_site) as base:
        _open(page, base, 375, 812)
        page.wait_for_timeout(300)
        assert page.evaluate(shown)
        for _ in range(4):
            page.mouse.wheel(0, 250)
            page.wait_for_timeout(100)
        page.wait_for_timeout(400)
        assert not page.evaluate(shown), "still over the text while reading on"
        page.evaluate(f"{back}.focus()")
        page.wait_for_timeout(400)
        assert page.evaluate(shown), "hidden from a keyboard user"
        page.evaluate(f"{back}.blur()")
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(400)
        assert page.evaluate(shown), "not back when scrolling up"


def test_turns_are_quiet_until_pointed_at(demo_site: Path, page: Any) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        turns = page.locator(".turn")
        counts = [turns.nth(i).evaluate(VISIBLE_CONTROLS) for i in range(0, turns.count(), 9)]
        assert max(counts) <= 3, counts
        turn = page.locator(".turn:has(#t042)")
        turn.locator(".turn__body").hover()
        assert turn.get_by_role("button", name=re.compile("^Cite")).is_visible()
        # By keyboard: focusing a turn's "#" brings its tools beside it.
        page.locator(".turn:has(#t050) a.permalink").focus()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.turn').querySelector('h3,h4').id")
        assert focused == "t050"


def test_citations_are_absolute_and_name_site_source_speaker_and_question(
    demo_site: Path, page: Any
) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        call = page.locator(".cite--call .cite__text").text_content()
        assert base + DEMO in call  # the build had no origin: the page's own address is used
        assert "Seeking Alpha" in call and "Earnings Call Transcripts" in call
        head = page.locator(".exchange__head:has(#q05)")
        head.hover()
        head.get_by_role("button", name=re.compile("^Cite")).click()
        text = head.locator(".turn-tools__citation .cite__text").text_content()
        assert text.startswith("Carter Driscoll, question 5, in “Tesla Motors")
        assert text.endswith(base + DEMO + "#q05.")
        assert "July 25, 2012" in text and "transcript: Seeking Alpha" in text


def test_the_printed_page_starts_with_the_citation_and_leaves_out_the_charts(
    demo_site: Path, page: Any
) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 900)
        page.emulate_media(media="print")
        cite = page.locator(".cite--print")
        assert cite.is_visible() and base + DEMO in cite.text_content()
        contents = page.locator("nav.contents")
        summary = page.locator(".summary")
        assert cite.bounding_box()["y"] < contents.bounding_box()["y"] < 1100
        q1 = page.locator("#q01").bounding_box()["y"]
        assert q1 < summary.bounding_box()["y"]  # the questions before the summary
        assert not page.locator(".at-a-glance").is_visible()
        assert not page.locator(".print-source").is_visible()  # the citation says it already


def test_every_other_printed_page_says_where_it_came_from(demo_site: Path, page: Any) -> None:
    """A person's remarks printed for a file: the site and the page's address above the name."""
    with static_server(demo_site) as base:
        for path in ("people/elon-musk/", "topics/production-ramp/", ""):
            page.goto(base + path, wait_until="load")
            source = page.locator(".print-source")
            assert not source.is_visible()  # on screen the address bar says it
            page.emulate_media(media="print")
            assert source.is_visible(), path
            # The demo is built without an origin, so the address is the page's path (with
            # ``base_url`` set it is absolute: see tests/golden/person.html).
            assert source.text_content().endswith(f" · /{path}")
            assert source.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
            page.emulate_media(media="screen")


def test_on_a_phone_turn_headings_take_one_line(demo_site: Path, page: Any) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 375, 800)
        gaps = page.evaluate(
            """() => Array.from(document.querySelectorAll('.turn')).map((t) =>
                 t.querySelector('.turn__body p').getBoundingClientRect().top
                 - t.querySelector('.speaker').getBoundingClientRect().top)"""
        )
        assert statistics.median(gaps) <= 40, statistics.median(gaps)
        questions = page.locator("nav.contents a[href$='#q01']").bounding_box()["y"]
        summary = page.locator(".summary").bounding_box()["y"]
        assert questions < summary  # the questions come right under the title


def test_a_sites_own_turns_partial_restyles_every_turn(tmp_path: Path) -> None:
    from .test_site import build_small, small_transcript

    content = tmp_path / "content"
    (content / "templates" / "partials").mkdir(parents=True)
    (content / "templates" / "partials" / "turns.html").write_text(
        "{% macro turns(turns) %}{% for turn in turns %}"
        '<p class="my-turn" id="{{ turn.anchor }}">{{ turn.voice.name if turn.voice }}: '
        "{{ turn.paragraphs }}</p>\n{% endfor %}{% endmacro %}",
        encoding="utf-8",
    )
    site = build_small(tmp_path, content=content)
    html = (site / "transcripts/acme-2021-q4/index.html").read_text(encoding="utf-8")
    assert html.count('class="my-turn"') == len(small_transcript().parsed.turns)
    assert 'class="turn ' not in html
    assert 'class="exchange"' in html  # the theme's own question partial still frames them


def test_no_request_of_the_page_fails_not_even_for_its_icon(demo_site: Path, page: Any) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if "404" in m.text else None)
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        page.wait_for_timeout(500)
        icon = page.evaluate("document.querySelector('link[rel=icon]').href")
        assert page.request.get(icon).status == 200
    assert failed == []


def test_a_build_that_names_no_site_address_says_so_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    from .browser import CONTENT

    def build(*extra: str) -> str:
        out = tmp_path / f"site{len(extra)}"
        command = [sys.executable, "-m", "site_builder", "build", "--no-search"]
        command += ["--content", str(CONTENT), "--output", str(out), *extra]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return done.stderr

    assert build().count("names no site address") == 1
    assert "names no site address" not in build("--base-url", "https://example.org/calls/")


def test_questions_and_answers_differ_by_more_than_colour_and_share_the_charts_colours(
    demo_site: Path, page: Any
) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        marks = page.evaluate(
            """() => Array.from(document.querySelectorAll('.exchange .turn'))
                 .map((t) => [t.className, (t.querySelector('.turn__mark') || {}).textContent])"""
        )
        assert all(m == "Q" for c, m in marks if "turn--question" in c)
        assert all(m == "A" for c, m in marks if "turn--company" in c)
        colour = page.evaluate(
            """() => {
              const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
              return {
                question: css('.turn--question', 'borderLeftColor'),
                answer: css('.exchange .turn--company', 'borderLeftColor'),
                chartAnalyst: css('#chart-speakers .chart-analyst', 'fill'),
                chartCompany: css('#chart-speakers .chart-company', 'fill'),
                link: css('.exchange-nav a', 'color'),
              };
            }"""
        )
    assert colour["question"] == colour["chartAnalyst"] != colour["link"]
    assert colour["answer"] == colour["chartCompany"] != colour["link"]


def test_the_header_search_box_sits_beside_the_title_at_1280(demo_site: Path, page: Any) -> None:
    with static_server(demo_site) as base:
        _open(page, base, 1280)
        title = page.locator(".site-title").bounding_box()
        box = page.locator(".site-search__input").bounding_box()
    assert box["y"] < title["y"] + title["height"]  # on the title's row, not under it
