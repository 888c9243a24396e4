"""The preview server survives what editors and tools do to a content folder.

Real HTTP against ``site-builder serve`` in a subprocess on a free port, with a copy of the demo
content plus a second call (a copy of the first under another name), so a call can be renamed or
deleted while the site still has one.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from site_builder.urls import Urls

from .browser import REPO
from .test_serve import (
    Preview,
    edit_target,
    replace_word,
    start_preview,
    stop_preview,
    wait_until,
)

pytestmark = pytest.mark.slow
SECOND = "tesla-2012-q2-rerun"
URLS = Urls("/")


def add_second_call(content: Path) -> None:
    folder = content / "transcripts"
    shutil.copyfile(folder / "tesla-2012-q2.txt", folder / f"{SECOND}.txt")
    shutil.copyfile(folder / "tesla-2012-q2.yaml", folder / f"{SECOND}.yaml")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    running = start_preview(tmp_path, add_second_call)
    yield running
    stop_preview(running)


def wait_for_build(preview: Preview, builds: int, timeout: float = 30) -> dict:
    wait_until(lambda: preview.status()["builds"] > builds, timeout, "a rebuild")
    return preview.status()


def test_content_folder_deleted_then_put_back(preview: Preview) -> None:
    target = edit_target(preview.content)
    kept = preview.content.parent / "kept-content"
    shutil.copytree(preview.content, kept)
    builds = preview.status()["builds"]

    shutil.rmtree(preview.content)
    status = wait_for_build(preview, builds)
    assert not status["ok"]
    assert any("content folder is gone" in e for e in status["errors"]), status["errors"]
    code, _, page = preview.request(target.url)
    assert code == 200 and target.word in page, "the last good site is no longer served"
    assert 'id="site-builder-error"' in page and "content folder is gone" in page

    shutil.copytree(kept, preview.content)
    replace_word(target, target.word, "Contentisback")
    wait_until(lambda: preview.status()["ok"], 30, "recovery once the folder is back")
    wait_until(lambda: "Contentisback" in preview.request(target.url)[2], 30, "the new text served")
    assert 'id="site-builder-error"' not in preview.request(target.url)[2]


def test_renamed_transcript_moves_its_page(preview: Preview) -> None:
    old_url, new_url = URLS.transcript(SECOND), URLS.transcript("tesla-2012-q2-renamed")
    assert preview.request(old_url)[0] == 200
    folder = preview.content / "transcripts"
    for suffix in (".txt", ".yaml"):
        os.rename(folder / f"{SECOND}{suffix}", folder / f"tesla-2012-q2-renamed{suffix}")

    wait_until(lambda: preview.request(new_url)[0] == 200, 30, "the page under its new name")
    assert preview.status()["ok"], preview.status()["errors"]
    assert preview.request(old_url)[0] == 404
    listing = preview.request(URLS.transcripts())[2]
    assert new_url in listing and old_url not in listing


def test_deleted_transcript_loses_its_page(preview: Preview) -> None:
    url = URLS.transcript(SECOND)
    assert SECOND in preview.request(URLS.transcripts())[2]
    for suffix in (".txt", ".yaml"):
        (preview.content / "transcripts" / f"{SECOND}{suffix}").unlink()

    wait_until(lambda: preview.request(url)[0] == 404, 30, "the deleted call's page to go")
    assert preview.status()["ok"], preview.status()["errors"]
    assert SECOND not in preview.request(URLS.transcripts())[2]
    assert preview.request(URLS.transcript("tesla-2012-q2"))[0] == 200


def test_atomic_save_is_noticed_even_with_same_size_and_time(preview: Preview) -> None:
    """Editors save by writing a temporary file and renaming it over the original. Here the new
    file even has the old one's size and modification time: only its inode tells it apart."""
    target = edit_target(preview.content)
    new_word = ("Atomicsave" + "x" * len(target.word))[: len(target.word)]
    original = target.transcript.stat()
    builds = preview.status()["builds"]
    text = target.transcript.read_text(encoding="utf-8").replace(target.word, new_word)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.transcript.parent, prefix=f".{target.transcript.name}.", suffix=".tmp"
    )
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    os.utime(temporary, ns=(original.st_atime_ns, original.st_mtime_ns))
    assert os.stat(temporary).st_size == original.st_size
    os.replace(temporary, target.transcript)

    wait_until(lambda: new_word in preview.request(target.url)[2], 30, "the saved text")
    # The new site is live a moment before the server counts the build (it checks for further
    # saves first): wait for the count, then check it counted exactly one.
    status = wait_for_build(preview, builds)
    assert status["ok"] and status["builds"] == builds + 1, status
    assert target.word not in preview.request(target.url)[2]


def test_template_syntax_error_names_its_line_in_the_banner(preview: Preview) -> None:
    target = edit_target(preview.content)
    override = preview.content / "templates" / "base.html"
    override.parent.mkdir(exist_ok=True)
    theme_base = (REPO / "templates" / "base.html").read_text(encoding="utf-8")
    lines = theme_base.splitlines()
    broken_line = len(lines) + 1
    builds = preview.status()["builds"]
    override.write_text("\n".join([*lines, "{% endif %}"]) + "\n", encoding="utf-8")

    wait_for_build(preview, builds)
    code, _, page = preview.request(target.url)
    assert code == 200 and target.word in page
    banner = re.search(r'<div id="site-builder-error".*?</div>', page, re.DOTALL)
    assert banner, "no error banner on the last good page"
    assert re.search(rf"templates/base\.html:{broken_line}\b", banner.group(0)), banner.group(0)
    assert f"base.html:{broken_line}" in preview.stderr.read_text()

    override.unlink()
    wait_until(lambda: preview.status()["ok"], 30, "recovery after the template is removed")
    assert 'id="site-builder-error"' not in preview.request(target.url)[2]


@pytest.mark.browser
def test_search_catches_up_with_an_edit_without_another_reload(
    preview: Preview, page: Page
) -> None:
    target = edit_target(preview.content)
    wait_until(lambda: preview.status()["search_indexes"] >= 1, 60, "the first search index")
    page.goto(preview.base + target.url, wait_until="load")
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))
    wait_until(lambda: preview.status()["browsers"] >= 1, 10, "the page's livereload connection")
    indexes = preview.status()["search_indexes"]

    replace_word(target, target.word, "Searchable")
    # The body is null for a moment while the page reloads.
    page.wait_for_function("() => document.body?.textContent.includes('Searchable')")
    wait_until(lambda: preview.status()["search_indexes"] > indexes, 60, "the index refresh")
    page.wait_for_timeout(500)  # room for a second, unwanted reload
    assert len(loads) == 1, f"the page loaded {len(loads)} times for one save"
    assert preview.status()["search_error"] is None

    page.goto(f"{preview.base}/search/?q=Searchable")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert target.url in (result.get_attribute("href") or "")

    # Saved again: the call is indexed alone now, in a shard of its own (the other call's shard
    # lacks the word, and answers with a prefix of it: the exact hit must still come first).
    indexes = preview.status()["search_indexes"]
    replace_word(target, "Searchable", "Resaveable")
    wait_until(lambda: preview.status()["search_indexes"] > indexes, 60, "the next refresh")
    page.goto(f"{preview.base}/search/?q=Resaveable")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert (result.get_attribute("href") or "").startswith(target.url + "?pagefind-highlight=")


def test_kill_stops_the_server_cleanly_and_removes_its_search_copies(tmp_path: Path) -> None:
    running = start_preview(tmp_path)
    wait_until(lambda: running.status()["search_indexes"] >= 1, 60, "the first search index")
    search_copies = tmp_path / "._site.site-builder-search"
    assert (search_copies / "1" / "pagefind").is_dir()

    stop_preview(running)
    assert running.process.returncode == 0
    assert "stopped" in running.stdout.read_text()
    assert not search_copies.exists()
    assert "Traceback" not in running.log()
    assert (tmp_path / "_site" / "index.html").is_file(), "the built site must stay"


@pytest.mark.parametrize("folder", ["static", "templates"])
def test_a_theme_save_rebuilds_and_reloads_once(preview: Preview, folder: str) -> None:
    """The site's own static/ and templates/ are watched like content/ (created while serving)."""
    builds = preview.status()["builds"]
    if folder == "static":
        (preview.content / "static").mkdir()
        (preview.content / "static" / "site-extra.css").write_text("body{color:#123}\n")
        url, marker = "/static/site-extra.css", "color:#123"
    else:
        (preview.content / "templates").mkdir()
        theme_404 = (REPO / "templates" / "404.html").read_text(encoding="utf-8")
        marker = "Templatesaved"
        changed = theme_404.replace("{% block main %}", "{% block main %}" + marker, 1)
        assert changed != theme_404
        (preview.content / "templates" / "404.html").write_text(changed, encoding="utf-8")
        url = "/404.html"

    wait_until(lambda: marker in preview.request(url)[2], 30, f"the {folder} save to be served")
    wait_until(lambda: preview.status()["builds"] > builds, 10, "the rebuild to be announced")
    time.sleep(0.5)  # room for an extra, unwanted announcement
    status = preview.status()
    assert status["ok"] and status["builds"] == builds + 1, status
