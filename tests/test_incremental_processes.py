"""A build in a fresh process reuses what an earlier process loaded, and only that.

CI builds every push in a new process. Transcripts whose files (and the site-wide annotation
files) are unchanged come from the cache folder; the site is still byte for byte what a cold
build gives, and a cache that is corrupt or not ours is ignored with a warning, never trusted.
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.incremental.transcript_cache import MAGIC
from site_builder.index.openings import OPENING_WORDS
from site_builder.render.pages import VERIFY_KEYS_ENV

from .test_incremental import _cold, _tree, corpus, with_sentence

__all__ = ["corpus"]  # the twelve generated calls, shared with tests/test_incremental.py


def _build(
    content: Path, output: Path, cache: Path, cwd: Path | None = None, *extra: str
) -> subprocess.CompletedProcess[str]:
    """``site-builder build`` in a new process, progress logged line by line."""
    paths = ["--content", str(content), "--output", str(output), *extra]
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "build", *paths, "--no-search", "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=cwd,
        # Every page a build keeps is rendered again and compared: a stale page is an error.
        env={**os.environ, "XDG_CACHE_HOME": str(cache), VERIFY_KEYS_ENV: "1"},
    )
    assert done.returncode == 0, done.stderr
    return done


def _rendered(done: subprocess.CompletedProcess[str]) -> int:
    """How many pages the build made (the rest it kept from the last build of its output)."""
    found = re.search(r"rendering pages \((\d+)\)", done.stderr)
    assert found, done.stderr
    return int(found.group(1))


@pytest.fixture
def warm(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The corpus copied and built once in another process: (content, cache folder)."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    cache = tmp_path / "cache"
    first = _build(content, tmp_path / "first", cache)
    assert "reading transcripts (12)" in first.stderr
    return content, cache


def call_entries(transcripts: Path) -> list[Path]:
    """The cache's entries of loaded calls (the openings of each turn); each has beside it
    ``<key>.whole.pickle``, the call's whole text."""
    return sorted(p for p in transcripts.glob("*.pickle") if not p.name.endswith(".whole.pickle"))


def _html_pages(output: Path) -> int:
    return sum(1 for rel in _tree(output) if rel.endswith(".html"))


def test_a_fresh_process_reads_only_the_edited_call_and_matches_a_cold_build(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    content, cache = warm
    transcript = sorted((content / "transcripts").glob("*.txt"))[4]
    with_sentence(transcript, "Demand held up.")
    output = tmp_path / "first"  # the same output folder, as CI's checkout builds into
    again = _build(content, output, cache)
    assert "reading transcripts (1)" in again.stderr
    assert (
        "Demand held up." in (output / "transcripts" / transcript.stem / "index.html").read_text()
    )
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_cache_dir_chooses_the_folder_that_is_kept(corpus: Path, tmp_path: Path) -> None:
    """CI keeps one folder between runs: ``--cache-dir`` puts everything reusable there."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    kept = tmp_path / "kept"
    _build(content, tmp_path / "one", tmp_path / "home-1", None, "--cache-dir", str(kept))
    assert len(call_entries(kept / "transcripts")) == 12
    assert len(list((kept / "transcripts").glob("*.whole.pickle"))) == 12
    transcript = sorted((content / "transcripts").glob("*.txt"))[2]
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\n", "utf-8")
    again = _build(content, tmp_path / "two", tmp_path / "home-2", None, "--cache-dir", str(kept))
    assert "reading transcripts (1)" in again.stderr
    assert not (tmp_path / "home-2").exists()


def test_an_edit_to_speakers_yaml_reads_every_call_again(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """Every call names people through speakers.yaml: a cached call would keep the old name."""
    content, cache = warm
    speakers = content / "speakers.yaml"
    speakers.write_text(speakers.read_text(encoding="utf-8") + "\n# reviewed\n", "utf-8")
    again = _build(content, tmp_path / "second", cache)
    assert "reading transcripts (12)" in again.stderr


class _Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_a_corrupt_or_foreign_cache_is_ignored_with_a_warning(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    content, cache = warm
    entries = call_entries(cache / "site-builder" / "transcripts")
    assert len(entries) == 12
    entries[0].write_bytes(entries[0].read_bytes()[:200])  # cut short
    entries[1].write_bytes(b"\x00garbage")  # not ours at all
    # Ours in form, but would run a command if it were unpickled as a plain pickle.
    header = MAGIC + entries[2].stem.encode() + b"\n"
    entries[2].write_bytes(header + pickle.dumps(_Evil()))
    output = tmp_path / "third"
    again = _build(content, output, cache, cwd=tmp_path)
    assert "warning: ignored 3 cache entries" in again.stderr
    assert "reading transcripts (3)" in again.stderr
    assert not (tmp_path / "pwned").exists()
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_with_search_a_fresh_process_edit_matches_a_cold_build_index_included(
    corpus: Path, tmp_path: Path
) -> None:
    """CI's case with search on: the shards from the cache folder plus the edited call's shard
    are byte for byte what a build with an empty cache writes."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    search = ("--cache-dir", str(tmp_path / "kept"))

    def build_with_search(output: Path, *extra: str) -> None:
        paths = ["--content", str(content), "--output", str(output), "--jobs", "1", *extra]
        done = subprocess.run(
            [sys.executable, "-m", "site_builder", "build", *paths],
            capture_output=True,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")},
        )
        assert done.returncode == 0, done.stderr

    build_with_search(tmp_path / "site", *search)
    transcript = sorted((content / "transcripts").glob("*.txt"))[6]
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\nOperator: Bye.\n", "utf-8")
    build_with_search(tmp_path / "site", *search)
    build_with_search(tmp_path / "cold", "--cache-dir", str(tmp_path / "empty"))
    site = _tree(tmp_path / "site")
    assert any(rel.startswith("pagefind/") for rel in site)
    assert site == _tree(tmp_path / "cold")


def test_a_fresh_process_edit_makes_only_the_pages_that_show_the_call(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """CI's case: page keys are kept in the cache folder, so an edited call remakes its own
    page, its speakers' and the lists that show it, not the whole site; and what is kept is
    what a cold build writes (each kept page is rendered again and compared, too)."""
    content, cache = warm
    output = tmp_path / "first"
    pages = _html_pages(output)
    with_sentence(sorted((content / "transcripts").glob("*.txt"))[3], "Margins held.")
    again = _build(content, output, cache)
    assert 0 < _rendered(again) < pages / 2
    assert _tree(output) == _cold(content, tmp_path / "cold")
    # A build into another folder has no pages to keep: it makes every one.
    assert _rendered(_build(content, tmp_path / "elsewhere", cache)) > pages


def test_a_call_loaded_again_in_another_process_keys_its_pages_afresh(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """A call whose cache entry is gone is loaded again, and its page keys' values made again
    in this process. Its pages may be made again; none may be kept stale."""
    content, cache = warm
    entries = call_entries(cache / "site-builder" / "transcripts")
    for entry in entries[:4]:
        entry.unlink()
    transcript = sorted((content / "transcripts").glob("*.txt"))[0]  # so the build runs
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\n", "utf-8")
    output = tmp_path / "first"
    again = _build(content, output, cache)
    assert re.search(r"reading transcripts \([45]\)", again.stderr)
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_a_corrupt_page_key_file_is_ignored_and_every_page_made(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    content, cache = warm
    (stored,) = (cache / "site-builder" / "pages").glob("*.pickle")
    stored.write_bytes(stored.read_bytes()[:300])
    output = tmp_path / "first"
    transcript = sorted((content / "transcripts").glob("*.txt"))[1]
    transcript.write_text(transcript.read_text(encoding="utf-8") + "\n", "utf-8")
    again = _build(content, output, cache)
    assert "warning: ignored the page keys in" in again.stderr
    assert _rendered(again) == _rendered(_build(content, tmp_path / "elsewhere", cache))
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_a_call_added_in_a_fresh_process_makes_only_the_pages_that_list_it(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """A new quarter of a company already on the site: its page, its neighbours' (their
    previous / next links), its speakers', its company's and the lists of calls are made; the
    other calls' pages are kept (and each kept page is rendered again and compared)."""
    content, cache = warm
    output = tmp_path / "first"
    pages = _html_pages(output)
    source = sorted((content / "transcripts").glob("*.txt"))[3]
    with_sentence(source, "A later call.", content / "transcripts" / f"{source.stem}-again.txt")
    again = _build(content, output, cache)
    assert "reading transcripts (1)" in again.stderr
    assert 0 < _rendered(again) < pages / 2
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_an_edit_past_the_openings_remakes_only_the_pages_that_print_the_call_whole(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """Pages about many calls print a turn's opening words at most, and page keys are the same
    in every process: so words added at the end of a long paragraph, or a paragraph added after
    it, built in a fresh process, remake the call's own page and JSON, its speaker's page (their
    word count), the site's index and the pages whose printed share of the words moved, and
    none of the call's topic or organisation pages."""
    content, cache = warm
    output = tmp_path / "first"
    call = sorted((content / "transcripts").glob("*.txt"))[3]
    longest = max(call.read_text(encoding="utf-8").split("\n"), key=len)
    assert len(longest.split()) > OPENING_WORDS + 1  # so the words added are past its opening
    with_sentence(call, "Margins held.")
    again = _build(content, output, cache)
    assert _rendered(again) <= 8, again.stderr  # 6 for this call; 44 with per-process keys
    assert _tree(output) == _cold(content, tmp_path / "cold")
    # A paragraph added after it moves the source line of every later turn, which only the
    # call's own page prints.
    text = call.read_text(encoding="utf-8")
    longest = max(text.split("\n"), key=len)
    call.write_text(text.replace(longest, f"{longest}\nWe added one more paragraph here."), "utf-8")
    again = _build(content, output, cache)
    assert _rendered(again) <= 8, again.stderr  # 29 when page keys held source lines
    assert _tree(output) == _cold(content, tmp_path / "cold2")
