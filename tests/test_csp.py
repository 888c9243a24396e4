"""The Content-Security-Policy: on every page, strict, and the site, search included, works.

Chromium reports a violation two ways: a console message naming "Content Security Policy" and a
``securitypolicyviolation`` event; an init script records the events before any page script runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from site_builder.views.csp import CONTENT_SECURITY_POLICY, policy, script_hash

from .browser import html_pages, static_server
from .page_scan import scan
from .test_serve import start_preview, wait_until

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${where})`);
});
"""


def directives(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for part in text.split(";"):
        name, *sources = part.split()
        found[name] = sources
    return found


class ViolationLog:
    """Console messages and events that say the policy blocked something, on one page."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def collected(self) -> list[str]:
        return self.console + list(self.page.evaluate("window.__violations || []"))


def test_policy_allows_only_the_sites_own_code() -> None:
    d = directives(CONTENT_SECURITY_POLICY)
    assert d["default-src"] == ["'none'"]
    assert d["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert d["style-src"] == ["'self'"]
    assert d["object-src"] == ["'none'"]
    assert d["base-uri"] == ["'self'"] and d["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY
    # Ignored in a <meta> policy (Chromium says so in the console): it needs an HTTP header.
    assert "frame-ancestors" not in d and "report-uri" not in d


def test_every_page_carries_the_policy_before_what_it_governs(demo_site: Path) -> None:
    for url in html_pages(demo_site):
        if url.startswith("pagefind/"):
            continue
        file = demo_site / (url + "index.html" if url.endswith("/") or not url else url)
        page = scan(file.read_text(encoding="utf-8"))
        metas = [
            (i, e)
            for i, e in enumerate(page.elements)
            if (e.get("http-equiv") or "").lower() == "content-security-policy"
        ]
        assert len(metas) == 1, url
        at, meta = metas[0]
        assert meta.get("content") == CONTENT_SECURITY_POLICY, url
        # A meta policy governs only what the parser meets after it.
        first_governed = next(
            i for i, e in enumerate(page.elements) if e.tag in ("script", "link", "style")
        )
        assert at < first_governed, url
        # Inline styles would need 'unsafe-inline' in style-src.
        styled = [e for e in page.elements if e.tag == "style" or e.get("style") is not None]
        assert styled == [], (url, styled[:3])


@pytest.mark.browser
def test_every_page_and_search_work_without_a_violation(demo_site: Path, page: Any) -> None:
    log = ViolationLog(page)
    problems: dict[str, list[str]] = {}
    with static_server(demo_site) as base:
        urls = [u for u in html_pages(demo_site) if not u.startswith("pagefind/")]
        assert len(urls) >= 30
        for url in urls:
            page.goto(base + url, wait_until="load")
            if found := log.collected():
                problems[url] = found
            log.console.clear()
        # Search: Pagefind's script, its WebAssembly, its worker and its index, under the policy.
        page.goto(base + "search/?q=production", wait_until="load")
        page.wait_for_selector(".pagefind-ui__result", timeout=15000)
        assert len(page.query_selector_all(".pagefind-ui__result")) >= 1
        page.wait_for_timeout(500)  # the worker and the result fragments load after the first hit
        if found := log.collected():
            problems["search/?q=production"] = found
    assert problems == {}, problems


@pytest.mark.browser
def test_inline_scripts_run_only_when_the_policy_names_their_hash(
    tmp_path: Path, page: Any
) -> None:
    """What :func:`policy` offers for an inline script the site would write itself."""
    allowed = "document.body.dataset.allowed = 'yes';"
    other = "document.body.dataset.other = 'yes';"
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy([allowed])}">'
    (tmp_path / "index.html").write_text(
        f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body>"
        f"<script>{allowed}</script><script>{other}</script></body></html>",
        encoding="utf-8",
    )
    log = ViolationLog(page)
    with static_server(tmp_path) as base:
        page.goto(base, wait_until="load")
        assert page.evaluate("document.body.dataset.allowed") == "yes"
        assert page.evaluate("document.body.dataset.other") is None
        # ...and the blocked one is reported, so the other tests' "no violation" means something.
        assert any("script-src" in v for v in log.collected()), log.collected()
        assert script_hash(allowed) in policy([allowed])


@pytest.mark.browser
def test_preview_reload_script_works_under_the_policy(tmp_path: Path, page: Any) -> None:
    """``serve`` adds ``<script src="/livereload.js">`` and a same-origin websocket: both are
    'self', so the preview needs no relaxed policy; the page connects and nothing is blocked."""
    preview = start_preview(tmp_path)
    try:
        log = ViolationLog(page)
        page.goto(preview.base + "/transcripts/tesla-2012-q2/", wait_until="load")
        wait_until(lambda: preview.status()["browsers"] >= 1, 10, "the livereload connection")
        assert log.collected() == []
    finally:
        preview.process.terminate()
        try:
            preview.process.wait(10)
        except subprocess.TimeoutExpired:
            preview.process.kill()
            preview.process.wait(10)
