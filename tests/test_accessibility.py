"""axe-core in Debian's headless Chromium over every page of the demo site: zero violations of
the WCAG 2.0, 2.1 and 2.2 A/AA rules and axe's best practices (``AXE_TAGS`` in the browser helpers;
WCAG 2.2 brings target-size: every link and button at least 24 px, or spaced as if it were).

Each page is checked in the light and the dark colour scheme, since contrast must hold in both.
Run it alone with ``bash scripts/test.sh tests/test_accessibility.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.errors import Diagnostics
from site_builder.load import sources
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


# Page shapes the demo does not have: a hearing's collapsed source notes, captions cut into
# timed paragraphs, a podcast's hosts and guests, the home page by company, a broker's questions.
CORPUS_PAGES = (
    "index.html",
    "transcripts/house_finserv_2010_07_22_monetary_policy/index.html",
    "transcripts/zoom_webinar_numbered_cues_name_colon/index.html",
    "transcripts/changelog_gotime_100_pike_griesemer/index.html",
    "transcripts/mfjson_adm_2021q1/index.html",
    "organizations/ubs/index.html",
)


def test_corpus_page_shapes_have_no_axe_violations(
    tmp_path_factory: pytest.TempPathFactory, page
) -> None:
    from site_builder.incremental.builder import build

    from .corpus_site import corpus_transcripts, make_content

    work = tmp_path_factory.mktemp("corpus-axe")
    make_content(work / "content", corpus_transcripts())
    assert build(work / "content", work / "site", search=False, jobs=1).ok
    reports = []
    with static_server(work / "site") as base:
        for path in CORPUS_PAGES:
            assert (work / "site" / path).is_file(), path
            for scheme, rules in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                page.goto(base + path.removesuffix("index.html"), wait_until="load")
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                violations = run_axe(page, rules)
                if violations:
                    reports.append(format_violations(f"/{path} ({scheme})", violations))
    assert not reports, "\n".join(reports)
