"""A fresh ``site-builder build`` with nothing changed since the last one returns at once.

Run as a user runs it: the command line, in a new process each time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpusgen import generate

READING = "reading transcripts"
"""The first stage line a build prints when it does any work (not a TTY: one line per stage)."""


def _build(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "site_builder", "build", "--content", str(content)]
    command += ["--output", str(output), "--no-search", *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.parent.rglob("*")
        if p.is_file()
    }


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    generate.generate(4, tmp_path / "corpus", seed=5, with_hugo=False)
    content = tmp_path / "corpus" / "content"
    output = tmp_path / "out" / "site"
    return content, output, _build(content, output)


def test_nothing_changed_returns_at_once_and_touches_nothing(
    built: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    content, output, first = built
    assert READING in first.stderr
    before = _stamps(output)
    again = _build(content, output)
    assert READING not in again.stderr  # no transcript was read
    assert "0 files written" in again.stdout
    # The same summary as the build that did the work, warnings included.
    assert again.stdout.split(" files written")[0].split("(")[0] in first.stdout
    assert again.stderr.count("warning:") == first.stderr.count("warning:")
    assert _stamps(output) == before


def test_a_touched_input_or_other_options_build_again(
    built: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    content, output, _ = built
    transcript = sorted((content / "transcripts").glob("*.txt"))[0]
    os.utime(transcript)
    assert READING in _build(content, output).stderr
    assert READING not in _build(content, output).stderr
    rebased = _build(content, output, "--base-url", "/calls/")
    assert READING in rebased.stderr
    assert 'href="/calls/' in (output / "index.html").read_text(encoding="utf-8")


def test_a_file_lost_from_the_output_is_written_again(
    built: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    content, output, _ = built
    page = output / "people" / "index.html"
    expected = page.read_bytes()
    page.unlink()
    again = _build(content, output)
    assert READING in again.stderr
    assert page.read_bytes() == expected


def test_an_output_replaced_by_hand_is_built_again(
    built: tuple[Path, Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    content, output, _ = built
    shutil.rmtree(output)
    again = _build(content, output)
    assert READING in again.stderr
    assert (output / "index.html").is_file()
