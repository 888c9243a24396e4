"""What a reader sees of search hits, and of the page a hit leads to, in Debian's Chromium.

Each hit inside a call says which question it belongs to and who spoke, by name alone; the
filters wait behind one button, so the hits start near the top; the page a hit opens marks the
words searched for and shows, above the first of them, the question that was being answered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from site_builder import pipeline
from site_builder.errors import Diagnostics
from site_builder.model import Transcript

from .browser import CONTENT, static_server

pytestmark = pytest.mark.browser
HITS = ".pagefind-ui__result-nested a.pagefind-ui__result-link"


@pytest.fixture(scope="module")
def seed() -> Transcript:
    (transcript,) = pipeline.load_site(CONTENT, Diagnostics()).transcripts
    return transcript


def search(page: Any, base: str, query: str) -> None:
    page.goto(f"{base}search/?q={query}")
    page.locator(HITS).first.wait_for(timeout=15000)


def saying(seed: Transcript, word: str) -> list[Any]:
    return [t for t in seed.parsed.turns if any(word in p.lower() for p in t.paragraphs)]


def test_a_hit_names_its_question_and_speaker_without_a_job_title(
    demo_site: Path, page: Any, seed: Transcript
) -> None:
    numbers = {e.id: n for n, e in enumerate(seed.parsed.exchanges, 1)}
    people = {p.id: p for p in seed.parsed.participants}
    expected = {
        f"Question {numbers[t.exchange]} · {people[t.speaker].name}"
        for t in saying(seed, "reservation")
        if t.exchange and t.speaker
    }
    roles = {p.role for p in seed.parsed.participants if p.role}
    with static_server(demo_site) as base:
        search(page, base, "reservations")
        titles = page.locator(HITS).all_inner_texts()
    assert len(titles) >= 3
    assert set(titles) <= expected, titles
    assert not [t for t in titles if any(role in t for role in roles)]


def test_filters_wait_behind_one_button_and_the_hits_start_on_the_first_screen(
    demo_site: Path, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with static_server(demo_site) as base:
        search(page, base, "reservations")
        page.wait_for_function(
            "() => document.querySelectorAll('.pagefind-ui__filter-name').length >= 5",
            timeout=30000,  # Pagefind draws the groups one by one as their filters arrive
        )
        groups = page.locator(".pagefind-ui__filter-name")
        assert groups.count() == 5 and not any(g.is_visible() for g in groups.all())
        assert page.locator(HITS).first.bounding_box()["y"] < 900
        toggle = page.get_by_role("button", name="Filters")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert all(g.is_visible() for g in groups.all())
    page.close()


def test_the_page_a_hit_opens_marks_the_words_and_shows_the_question_answered(
    demo_site: Path, browser: Any, seed: Transcript
) -> None:
    (answer,) = [t for t in saying(seed, "cushion") if t.exchange and "merit" in t.paragraphs[0]]
    exchange = next(e for e in seed.parsed.exchanges if e.id == answer.exchange)
    turns = [t.id for t in seed.parsed.turns]
    asked = [
        t.id
        for t in seed.parsed.turns
        if t.id in exchange.turns and t.speaker == exchange.asker and t.id < answer.id
    ][-1]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with static_server(demo_site) as base:
        search(page, base, "cushion")
        page.locator(HITS, has_text="Elon Musk").first.click()
        page.wait_for_url(f"**#{answer.id}")
        marks = page.locator(f".turn:has(#{answer.id}) mark.pagefind-highlight")
        marks.first.wait_for()
        assert marks.first.inner_text().lower() == "cushion"
        # The first marked word and the question it answers are both on screen.
        page.wait_for_function(
            """([mark, question]) => {
                const inView = (e) => { const r = e.getBoundingClientRect();
                  return r.top >= 0 && r.bottom <= innerHeight; };
                return inView(document.querySelector(mark))
                  && inView(document.getElementById(question));
            }""",
            arg=[f".turn:has(#{answer.id}) mark.pagefind-highlight", asked],
            timeout=10000,
        )
        # Only the words of the transcript are marked: not the page's tools or navigation.
        ignored = page.locator("[data-pagefind-ignore] mark.pagefind-highlight").count()
    page.close()
    assert ignored == 0
    assert turns.index(asked) < turns.index(answer.id)
