"""The published folder is never half-written or somewhere dangerous; only what changed changes."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from site_builder import cli
from site_builder.output import atomic, manifest
from site_builder.output.guard import OutputError
from site_builder.output.manifest import PAGE
from site_builder.output.write import MARKER, write_site
from site_builder.render.pages import RenderedPage

from .sitetree import identities, make_content, snapshot


def build(content: Path, output: Path) -> int:
    return cli.main(["build", "--content", str(content), "--output", str(output)])


def siblings(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != "content")


# ---- refusals --------------------------------------------------------------------------------


def refused(content: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert build(content, output) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: --output {output}: refusing")
    return err


def test_refuses_the_content_folder_its_parents_and_inside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path / "site" / "content", 2)
    before = identities(tmp_path)
    assert "it is the content folder" in refused(content, content, capsys)
    assert "holds the content folder" in refused(content, content.parent, capsys)
    assert "holds the content folder" in refused(content, tmp_path, capsys)
    inside = refused(content, content / "_site", capsys)
    assert "inside the content folder" in inside and "preview server" in inside
    assert identities(tmp_path) == before  # nothing created, nothing touched


def test_refuses_home_and_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content", 1)
    home = tmp_path / "home" / "editor"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert "home folder" in refused(content, home, capsys)
    assert "home folder" in refused(content, home.parent, capsys)
    assert "root of the file system" in refused(content, Path("/"), capsys)
    assert list(home.iterdir()) == []


def test_refuses_to_replace_a_folder_it_did_not_make(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path / "content", 1)
    theirs = tmp_path / "photos"
    theirs.mkdir()
    (theirs / "holiday.jpg").write_bytes(b"\xff\xd8 not ours")
    err = refused(content, theirs, capsys)
    assert f"no {MARKER} file" in err
    assert snapshot(theirs) == {"holiday.jpg": b"\xff\xd8 not ours"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(content, empty) == 0  # an empty folder is fine, and now carries the marker
    assert (empty / MARKER).is_file()


# ---- what a build leaves -----------------------------------------------------------------------


def test_a_build_never_touches_the_content_folder(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 5, statics=3)
    before = identities(content), snapshot(content)
    assert build(content, tmp_path / "_site") == 0
    assert build(content, tmp_path / "_site") == 0
    assert (identities(content), snapshot(content)) == before


def test_a_rebuild_with_nothing_changed_writes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path / "content", 20, statics=2)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    before = identities(tmp_path)
    capsys.readouterr()
    assert build(content, output) == 0
    assert "(0 files written," in capsys.readouterr().out
    assert identities(tmp_path) == before  # no file, folder or marker rewritten, nothing swapped


def test_an_edit_rewrites_only_the_files_whose_bytes_changed(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 20)
    output = tmp_path / "_site"
    for _ in range(3):  # the third build reuses the standby tree left by the second
        old_files, old_ids = snapshot(output) if output.exists() else {}, {}
        if output.exists():
            old_ids = identities(output)
        text = (content / "transcripts" / "call-007.txt").read_text(encoding="utf-8")
        (content / "transcripts" / "call-007.txt").write_text(text + "\nAlice Smith: More.\n")
        assert build(content, output) == 0
        new_files, new_ids = snapshot(output), identities(output)
        if not old_files:
            continue
        ours = {rel for rel, entry in (manifest.read(output) or {}).items() if entry[2] == PAGE}
        changed = {rel for rel in ours if old_files.get(rel) != new_files[rel]}
        rewritten = {rel for rel in ours if new_ids[rel] != old_ids.get(rel)}
        assert any(rel.startswith("transcripts/call-007") for rel in changed)
        assert rewritten == changed
        assert len(changed) < len(ours) / 2  # (a search index, if any, is regenerated whole)


def test_a_failing_build_leaves_the_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(tmp_path / "content", 5)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    standby = tmp_path / "._site.site-builder-standby"

    def state() -> object:  # a one-off first build leaves no standby: the next build makes one
        return identities(output), standby.exists() and identities(standby), snapshot(output)

    before = state()
    (content / "transcripts" / "orphan.yaml").write_text("speakers: {}\n", encoding="utf-8")
    (content / "transcripts" / "call-001.txt").write_text("Alice Smith: edited\n")
    capsys.readouterr()
    assert build(content, output) == 1
    assert "orphan.yaml:1:1: error: annotation file has no transcript" in capsys.readouterr().err
    assert state() == before


def test_removed_pages_disappear_with_their_empty_folders(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 6)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    for _ in range(2):  # once through a fresh standby, once through a reused one
        victim = sorted((content / "transcripts").iterdir())[-1]
        victim.unlink()
        assert build(content, output) == 0
        assert not (output / "transcripts" / victim.stem).exists()
        assert not (output / "transcripts" / f"{victim.stem}.json").exists()
    assert siblings(output) == ["._site.site-builder-standby", "_site"]


def test_a_file_deleted_by_hand_is_restored_by_the_next_build(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 4)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    expected = snapshot(output)
    (output / "transcripts" / "call-001" / "index.html").unlink()
    assert build(content, output) == 0
    assert snapshot(output) == expected
    (content / "transcripts" / "call-002.txt").write_text("Alice Smith: edited.\n")
    assert build(content, output) == 0  # the standby that lost the file is not trusted
    assert (output / "transcripts" / "call-001" / "index.html").read_bytes() == expected[
        "transcripts/call-001/index.html"
    ]


# ---- write_site directly -----------------------------------------------------------------------


def page(path: str, text: str) -> RenderedPage:
    return RenderedPage(path, text.encode(), "test")


def test_a_site_interrupted_inside_the_fallback_exchange_is_put_back(tmp_path: Path) -> None:
    output = tmp_path / "_site"
    write_site([page("index.html", "one")], {}, output)
    write_site([page("index.html", "two")], {}, output)
    # What the three-rename fallback leaves when killed after its first rename:
    os.rename(output, tmp_path / "._site.site-builder-aside")
    report = write_site([page("index.html", "two")], {}, output)
    assert snapshot(output)["index.html"] == b"two"
    assert report.written == 0 and not report.swapped
    assert siblings(output) == ["._site.site-builder-standby", "_site"]


@pytest.mark.parametrize(
    "bad", ["../escape.html", "/etc/passwd", "a/../../b.html", "a//b.html", "a\\b.html", MARKER]
)
def test_page_paths_that_leave_the_folder_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(OutputError, match="not a plain path"):
        write_site([page(bad, "x")], {}, tmp_path / "_site")
    assert list(tmp_path.iterdir()) == []


def test_two_pages_for_one_file_or_one_case_folded_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="one file: a\\.html"):
        write_site([page("a.html", "1"), page("a.html", "2")], {}, tmp_path / "_site")
    with pytest.raises(OutputError, match="differ only in letter case"):
        write_site([page("p/Ben/index.html", "1"), page("p/ben/index.html", "2")], {}, tmp_path)


def test_files_added_before_the_swap_are_kept_until_the_site_changes(tmp_path: Path) -> None:
    output = tmp_path / "_site"
    runs: list[str] = []

    def index_search(tree: Path, digests: Mapping[str, str]) -> None:
        text = (tree / "index.html").read_text()
        assert set(digests) == {"index.html"}
        runs.append(text)
        (tree / "search").mkdir()
        (tree / "search" / "index.json").write_text(f'["{text}"]')

    write_site([page("index.html", "one")], {}, output, before_swap=index_search)
    write_site([page("index.html", "one")], {}, output, before_swap=index_search)
    assert runs == ["one"]
    write_site([page("index.html", "two")], {}, output, before_swap=index_search)
    assert runs == ["one", "two"]
    assert snapshot(output)["search/index.json"] == b'["two"]'
    write_site([page("index.html", "two")], {}, output)  # search turned off: its files go
    assert "search/index.json" not in snapshot(output)


def test_folders_are_exchanged_in_one_step_on_linux(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "page.html").write_text("new")
    (tmp_path / "live").mkdir()
    (tmp_path / "live" / "page.html").write_text("old")
    in_one_step = atomic.exchange(tmp_path / "new", tmp_path / "live", tmp_path / "aside")
    assert in_one_step == sys.platform.startswith("linux")
    assert (tmp_path / "live" / "page.html").read_text() == "new"
    assert (tmp_path / "new" / "page.html").read_text() == "old"


def test_the_rename_fallback_used_off_linux_publishes_whole_sites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_renameat2", None)  # as on macOS and Windows
    output = tmp_path / "_site"
    write_site([page("index.html", "one")], {}, output)
    write_site([page("index.html", "two"), page("a/index.html", "a")], {}, output)
    report = write_site([page("index.html", "three")], {}, output)
    assert (report.written, report.removed, report.swapped) == (1, 1, True)
    files = snapshot(output)
    assert files["index.html"] == b"three" and "a/index.html" not in files
    assert siblings(output) == ["._site.site-builder-standby", "_site"]


def test_a_search_indexer_that_fails_leaves_the_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pagefind runs after the pages were made in a child process, before the swap: its failure
    is an error naming what it printed, and the site being served stays as it was."""
    content = make_content(tmp_path / "content", 5)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    before = identities(output), snapshot(output)
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: disk quota exceeded' >&2\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(failing))
    (content / "transcripts" / "call-001.txt").write_text("Alice Smith: edited\n")
    capsys.readouterr()
    assert build(content, output) == 2
    err = capsys.readouterr().err
    assert "pagefind exited with status 3" in err and "disk quota exceeded" in err
    assert "Traceback" not in err
    assert (identities(output), snapshot(output)) == before
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    assert build(content, output) == 2
    err = capsys.readouterr().err
    assert f"error: cannot run pagefind ({tmp_path / 'no-such-pagefind'})" in err
    assert "Traceback" not in err
    assert (identities(output), snapshot(output)) == before
    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    assert build(content, output) == 0
    assert b"edited" in (output / "transcripts" / "call-001" / "index.html").read_bytes()


def test_a_build_whose_pages_process_is_killed_is_an_error_and_the_site_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages are made in a child process (the memory of a large build ends with it); if the
    system kills it (for memory, most often), the build says so plainly and publishes nothing."""
    from site_builder import pipeline

    content = make_content(tmp_path / "content", 5)
    output = tmp_path / "_site"
    assert build(content, output) == 0
    before = identities(output), snapshot(output)
    (content / "transcripts" / "call-001.txt").write_text("Alice Smith: edited\n")
    parent, load = os.getpid(), pipeline.load_site

    def killed(*args: object, **kwargs: object) -> object:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "load_site", killed)
    capsys.readouterr()
    assert build(content, output) == 2
    err = capsys.readouterr().err
    assert "error: the build's child process was killed by SIGKILL (out of memory?" in err
    assert "Traceback" not in err
    assert (identities(output), snapshot(output)) == before
