"""Two builds of the same content produce byte-identical folders: no timestamps, no random order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .sitetree import make_content, snapshot

DEMO_CONTENT = Path(__file__).resolve().parents[1] / "content"


def build_in_own_process(content: Path, output: Path, cwd: Path, hash_seed: str) -> None:
    """A separate interpreter with its own string-hash seed, so set and dict order can differ."""
    cwd.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "site_builder", "build"]
    command += ["--content", str(content), "--output", str(output)]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("which", ["generated", "demo"])
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path, which: str) -> None:
    content = DEMO_CONTENT if which == "demo" else make_content(tmp_path / "content", 12, statics=3)
    first, second = tmp_path / "one" / "_site", tmp_path / "two" / "public"
    build_in_own_process(content, first, tmp_path / "one", "1")
    build_in_own_process(content, second, tmp_path / "elsewhere", "2")
    one, two = snapshot(first), snapshot(second)
    assert len(one) > 10
    assert sorted(one) == sorted(two)
    differing = [rel for rel in one if one[rel] != two[rel]]
    assert differing == []
