"""Which process makes which page: the build's memory stays bounded by what it holds plus at most
``COPIED_AT_MOST`` copied into a helper, and the pages are the same bytes whoever made them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from corpusgen import generate
from site_builder.incremental.builder import build
from site_builder.render import pages

from .sitetree import snapshot


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("calls24")
    generate.generate(24, out, seed=5, with_hugo=False)
    return out / "content"


def _build_recording(content: Path, output: Path, log: Path, monkeypatch: Any) -> None:
    made = pages._run

    def recording(job: Any, *args: Any) -> Any:
        many = job.whole_text_of is None
        with log.open("a", encoding="utf-8") as stream:  # helpers are forked: a file, not a list
            stream.write(f"{'many' if many else 'own'} {os.getpid()}\n")
        return made(job, *args)

    monkeypatch.setattr(pages, "_run", recording)
    assert build(content, output, base_url="/", search=False, jobs=2).ok


def _makers(log: Path) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {"own": set(), "many": set()}
    for line in log.read_text(encoding="utf-8").splitlines():
        kind, pid = line.split()
        found[kind].add(int(pid))
    return found


def test_pages_about_many_calls_are_made_by_the_build_alone_past_the_limit(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build_recording(content, tmp_path / "shared", tmp_path / "shared.log", monkeypatch)
    shared = _makers(tmp_path / "shared.log")
    assert len(shared["own"]) == 2 and len(shared["many"]) == 2  # a small site: both cores

    monkeypatch.setattr(pages, "COPIED_AT_MOST", 0)
    _build_recording(content, tmp_path / "alone", tmp_path / "alone.log", monkeypatch)
    alone = _makers(tmp_path / "alone.log")
    assert len(alone["own"]) == 2, "each call's own pages are still made on both cores"
    assert alone["many"] == {os.getpid()}
    assert snapshot(tmp_path / "alone") == snapshot(tmp_path / "shared")
