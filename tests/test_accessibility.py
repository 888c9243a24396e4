"""axe-core in Debian's headless Chromium over every page of the demo site: zero violations.

Each page is checked in the light and the dark colour scheme, since contrast must hold in both.
Run it alone with ``bash scripts/test.sh tests/test_accessibility.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import sources
from site_builder.errors import Diagnostics
from site_builder.urls import Urls

from .browser import CONTENT, format_violations, html_pages, run_axe, static_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
# Every rule in the light scheme; in the dark one only the rules that depend on colour, which is
# all the scheme changes (and colour contrast is axe's slowest rule, so this halves the run).
SCHEMES = [("light", None), ("dark", ["color-contrast", "link-in-text-block"])]


def test_demo_site_has_the_pages_axe_must_see(demo_site: Path) -> None:
    pages = set(html_pages(demo_site))
    urls = Urls("/")
    transcripts = sources.discover(CONTENT, Diagnostics())
    assert transcripts, "the demo content has no transcript"
    expected = {urls.home(), *(urls.transcript(t.slug) for t in transcripts)}
    missing = {u for u in expected if u.lstrip("/") not in pages}
    assert not missing, f"pages missing from the demo build: {sorted(missing)}"


def test_every_page_has_no_axe_violations(demo_site: Path, page) -> None:
    reports = []
    checked = 0
    with static_server(demo_site) as base:
        for path in html_pages(demo_site):
            for scheme, rules in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                page.goto(base + path, wait_until="load")
                violations = run_axe(page, rules)
                checked += 1
                if violations:
                    reports.append(format_violations(f"/{path} ({scheme})", violations))
    assert checked >= 2
    assert not reports, f"axe found violations on {len(reports)} page view(s):\n" + "\n".join(
        reports
    )
