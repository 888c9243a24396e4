"""The cache folder does not grow without end: what no build has used for a while is removed.

CI keeps one cache folder across runs, and every edit adds a transcript entry and a search shard
(3 MB at 1,000 calls). After each good build, the entries no build has used for
``--cache-max-age`` days go; what this build used, and anything not made by site-builder, stays.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from site_builder.cache_prune import prune
from site_builder.output.shard_cache import ShardCache

from .test_incremental import corpus, with_sentence
from .test_incremental_processes import _build, call_entries, warm

__all__ = ["corpus", "warm"]  # fixtures

MONTH_AGO = time.time() - 30 * 86400


def _age(*paths: Path) -> None:
    for path in paths:
        os.utime(path, (MONTH_AGO, MONTH_AGO))


def _every_entry(root: Path) -> list[Path]:
    return [p for folder in sorted(root.iterdir()) for p in sorted(folder.iterdir())]


def test_only_old_entries_site_builder_made_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    digest = "0123456789abcdef" * 2
    old = {
        "transcripts": root / "transcripts" / f"{digest}.pickle",
        "whole text": root / "transcripts" / f"{digest}.whole.pickle",
        "half-written": root / "transcripts" / f".{digest}.pickle.4242.tmp",
        "page keys": root / "pages" / f"{digest[:24]}.pickle",
        "build record": root / "builds" / f"{digest[:24]}.json",
        "compiled template": root / "templates" / f"__jinja2_{digest}.cache",
    }
    shard = root / "search" / digest
    stopped = root / "search" / ".work-k3x_9a"
    foreign = [
        root / "notes.txt",
        root / "transcripts" / "README",
        root / "templates" / "base.html",
        root / "search" / "mine" / "keep.txt",
    ]
    recent = root / "transcripts" / f"{digest[::-1]}.pickle"
    for path in [*old.values(), *foreign, recent, shard / "pagefind.js", stopped / "x"]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"12345")
    _age(*old.values(), *foreign, shard, stopped, foreign[-1].parent)

    pruned = prune(root, 7, time.time())

    assert not pruned.problems
    assert pruned.entries == len(old) + 2
    assert pruned.size == 5 * (len(old) + 2)
    for what, path in old.items():
        assert not path.exists(), what
    assert not shard.exists() and not stopped.exists()
    assert recent.exists()
    for path in foreign:
        assert path.exists(), f"{path} is not site-builder's to remove"


def test_age_zero_keeps_exactly_what_the_build_used(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    used, unused = root / "transcripts" / ("a" * 40 + ".pickle"), root / "builds" / ("b" * 24)
    started = time.time()
    for path in (used, unused.with_suffix(".json")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    running = root / "search" / ".work-abc123"  # another build's Pagefind run, still going
    (running / "site").mkdir(parents=True)
    os.utime(running, (started - 3600, started - 3600))
    _age(unused.with_suffix(".json"))
    assert prune(root, 0, started).entries == 1
    assert used.exists() and not unused.with_suffix(".json").exists()
    assert running.is_dir()


def test_a_shard_read_from_the_cache_is_marked_used(tmp_path: Path) -> None:
    cache = ShardCache(tmp_path)
    work = cache.work_folder()
    (work / "bundle").mkdir()
    (work / "bundle" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    key = "c" * 40
    stored, _ = cache.put(key, work / "bundle")
    shutil.rmtree(work)
    _age(stored)
    assert cache.get(key) is not None
    assert prune(tmp_path, 7, time.time()).entries == 0
    assert stored.is_dir()


def test_a_build_removes_what_no_build_used_for_a_week_and_keeps_what_it_used(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    """A month-old cache: the build uses (and keeps) the unchanged calls and the compiled
    templates; the edited call's previous entry goes; the next build still reads one call."""
    content, xdg = warm
    root = xdg / "site-builder"
    _age(*_every_entry(root))
    calls = sorted((content / "transcripts").glob("*.txt"))

    with_sentence(calls[5], "Orders doubled.")
    done = _build(content, tmp_path / "first", xdg)

    assert "reading transcripts (1)" in done.stderr
    assert "removed 2 cache entries unused for 7 days" in done.stdout  # openings, whole text
    assert len(call_entries(root / "transcripts")) == 12
    assert list((root / "templates").glob("*.cache"))
    with_sentence(calls[7], "Orders halved.")
    assert "reading transcripts (1)" in _build(content, tmp_path / "first", xdg).stderr


def test_recent_entries_stay_and_a_cache_for_this_build_only_can_be_asked_for(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    content, xdg = warm
    transcripts = xdg / "site-builder" / "transcripts"
    call = sorted((content / "transcripts").glob("*.txt"))[2]

    with_sentence(call, "Capacity grew.")
    done = _build(content, tmp_path / "first", xdg)
    assert "removed" not in done.stdout
    assert len(call_entries(transcripts)) == 13  # the previous version is a day old

    with_sentence(call, "Capacity shrank.")
    _age(*_every_entry(xdg / "site-builder"))  # the builds above ran a moment ago
    done = _build(content, tmp_path / "first", xdg, None, "--cache-max-age", "0")
    assert "removed 4 cache entries unused for 0 days" in done.stdout
    assert len(call_entries(transcripts)) == 12


def test_a_negative_age_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "build", "--cache-max-age", "-1"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "expected a number of days, 0 or more, not '-1'" in done.stderr
