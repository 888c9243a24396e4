"""A build in a fresh process reuses what an earlier process loaded, and only that.

CI builds every push in a new process. Transcripts whose files (and the site-wide annotation
files) are unchanged come from the cache folder; the site is still byte for byte what a cold
build gives, and a cache that is corrupt or not ours is ignored with a warning, never trusted.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.incremental.transcript_cache import MAGIC

from .test_incremental import _cold, _tree, corpus

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
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def warm(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The corpus copied and built once in another process: (content, cache folder)."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    cache = tmp_path / "cache"
    first = _build(content, tmp_path / "first", cache)
    assert "reading transcripts (12)" in first.stderr
    return content, cache


def test_a_fresh_process_reads_only_the_edited_call_and_matches_a_cold_build(
    warm: tuple[Path, Path], tmp_path: Path
) -> None:
    content, cache = warm
    transcript = sorted((content / "transcripts").glob("*.txt"))[4]
    text = transcript.read_text(encoding="utf-8")
    paragraph = max(text.split("\n"), key=len)
    transcript.write_text(text.replace(paragraph, paragraph + " Demand held up."), "utf-8")
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
    assert len(list((kept / "transcripts").glob("*.pickle"))) == 12
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
    entries = sorted((cache / "site-builder" / "transcripts").glob("*.pickle"))
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
