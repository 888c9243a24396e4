"""Reflow in Debian's headless Chromium: the demo's pages at 320 px and at 200% zoom.

WCAG 1.4.10 asks that content reflow at 320 CSS px without scrolling sideways (a 1280 px window
at 400%), and 1.4.4 that text survive 200% zoom. Browser zoom shrinks the layout viewport in CSS
pixels (``device_scale_factor`` does not: it only sharpens the pixels), so a 1280 px window at
200% is emulated as a 640 px viewport. A data table may scroll inside its own box; the page may not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from site_builder.errors import Diagnostics
from site_builder.load import sources
from site_builder.urls import Urls

from .browser import CONTENT, static_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = {
    "320px": {"width": 320, "height": 640},
    "1280px-at-200%": {"width": 640, "height": 400},
}

# Running text a reader reads at length: speech, source text, editors' notes, summaries, intros,
# list titles and quoted excerpts. Labels, dates and table figures may be smaller.
BODY_COPY = ", ".join(
    (
        ".turn__body p",
        ".boilerplate > p:not([class])",
        ".prose p",
        ".prose li",
        ".note > p:not(.note__label)",
        ".lede",
        ".card__title",
        ".excerpt",
        ".search__status",
        ".pagefind-ui__result-title",
        ".pagefind-ui__result-excerpt",
    )
)
MIN_BODY_PX = 16

MEASURE = """(selector) => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter((el) => !el.closest('.table-scroll'))
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')),
  body: [...document.querySelectorAll(selector)]
    .filter((el) => el.textContent.trim() && el.getClientRects().length)
    .map((el) => ({
      what: el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''),
      text: el.textContent.trim().slice(0, 40),
      px: parseFloat(getComputedStyle(el).fontSize),
    })),
})"""


def _demo_pages(site: Path) -> dict[str, str]:
    """Home, search with hits, the demo's transcript and its busiest person page (the longest
    lists)."""
    urls = Urls("/")
    transcripts = sources.discover(CONTENT, Diagnostics())
    assert transcripts, "the demo content has no transcript"
    people = sorted(
        (site / "people").glob("*/index.html"), key=lambda f: (-f.stat().st_size, f.as_posix())
    )
    assert people, "the demo build has no person page"
    return {
        "home": urls.home(),
        # Hits are the search page's body copy, and their long URLs and excerpts its widest text.
        "search": f"{urls.search()}?q=tesla",
        "transcript": urls.transcript(transcripts[0].slug),
        "person": urls.person(people[0].parent.name),
    }


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_pages_reflow_without_sideways_scrolling_and_keep_readable_text(
    demo_site: Path, browser: Any, viewport: str
) -> None:
    problems: list[str] = []
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        page = context.new_page()
        with static_server(demo_site) as base:
            for name, url in _demo_pages(demo_site).items():
                page.goto(base + url.lstrip("/"), wait_until="load")
                if name == "search":
                    page.locator(".pagefind-ui__result").first.wait_for(timeout=15000)
                    # Each hit shows dots until its excerpt has loaded: measure the real text.
                    page.wait_for_function(
                        "() => !document.querySelector('.pagefind-ui__loading')", timeout=15000
                    )
                found = page.evaluate(MEASURE, BODY_COPY)
                if found["scrollWidth"] > found["innerWidth"]:
                    problems.append(
                        f"{name} ({url}) is {found['scrollWidth']} px wide in a "
                        f"{found['innerWidth']} px viewport; too wide: {found['wide']}"
                    )
                if not found["body"]:
                    problems.append(f"{name} ({url}) shows no body copy to measure")
                small = [b for b in found["body"] if b["px"] < MIN_BODY_PX]
                problems.extend(
                    f"{name} ({url}): {b['what']} “{b['text']}” is {b['px']} px" for b in small[:5]
                )
    finally:
        context.close()
    assert not problems, f"at {viewport}:\n" + "\n".join(problems)
