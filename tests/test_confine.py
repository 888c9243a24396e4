"""Nothing from outside the content folder is read: real symbolic links in a temporary folder.

Each case links part of a small site to a folder beside it holding a secret string, builds, and
checks that the build names the link (``path: error: ... links outside the content folder``)
and that the secret appears in no file of the output. Links that stay inside are followed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder import cli
from site_builder.errors import Diagnostics
from site_builder.incremental import stamps
from site_builder.incremental.builder import build
from site_builder.load import confine
from site_builder.output import guard
from site_builder.preview import rebuild as watch

from .sitetree import make_content

SECRET = "SECRET-4f1d9c"


def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(f"Alice Smith: {SECRET} token.\n", encoding="utf-8")
    (folder / "secret.yaml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    (folder / "people.yaml").write_text(f"spy:\n  name: {SECRET}\n", encoding="utf-8")
    (folder / "404.html").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    (folder / "style.css").write_text(f"/* {SECRET} */\n", encoding="utf-8")
    (folder / "templates").mkdir()
    (folder / "templates" / "404.html").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    return folder


def link(content: Path, name: str, target: Path) -> Path:
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    path.symlink_to(target)
    return path


CASES: dict[str, Callable[[Path, Path], Path]] = {
    "transcript": lambda c, o: link(c, "transcripts/x.txt", o / "secret.txt"),
    "sidecar": lambda c, o: link(c, "transcripts/call-000.yaml", o / "secret.yaml"),
    "site.yaml": lambda c, o: link(c, "site.yaml", o / "secret.yaml"),
    "speakers.yaml": lambda c, o: link(c, "speakers.yaml", o / "people.yaml"),
    "template": lambda c, o: link(c, "templates/404.html", o / "404.html"),
    "templates folder": lambda c, o: link(c, "templates", o / "templates"),
    "static file": lambda c, o: link(c, "static/shadow", o / "secret.txt"),
    "static folder": lambda c, o: link(c, "static", o),
    "transcripts folder": lambda c, o: link(c, "transcripts", o),
    "static subfolder": lambda c, o: link(c, "static/etc", o),
}


def secrets_in(output: Path) -> list[str]:
    if not output.exists():
        return []
    return [
        str(p.relative_to(output))
        for p in output.rglob("*")
        if p.is_file() and SECRET.encode() in p.read_bytes()
    ]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_link_out_of_the_content_folder_is_refused_and_never_published(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content", 2)
    made = CASES[case](content, outside(tmp_path))
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "_site"
    code = cli.main(["build", "--content", "content", "--output", str(output), "--no-search"])
    err = capsys.readouterr().err
    shown = os.path.relpath(made, tmp_path)
    assert f"{shown}: error: links outside the content folder" in err, err
    assert "Traceback" not in err
    assert code == 1
    assert secrets_in(output) == []
    assert SECRET not in err


def test_check_refuses_a_link_out_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content", 1)
    link(content, "transcripts/env.txt", outside(tmp_path) / "secret.txt")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--content", "content"]) == 1
    err = capsys.readouterr().err
    assert "content/transcripts/env.txt: error: links outside the content folder" in err


def test_links_that_stay_inside_are_followed(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    (content / "drafts").mkdir()
    (content / "drafts" / "kept.txt").write_text(
        "Alice Smith: A linked transcript about widgets.\n", encoding="utf-8"
    )
    link(content, "transcripts/linked.txt", content / "drafts" / "kept.txt")
    (content / "assets").mkdir()
    (content / "assets" / "site.css").write_text("body { color: teal }\n", encoding="utf-8")
    link(content, "static/css", content / "assets")
    output = tmp_path / "_site"
    result = build(content, output, search=False)
    assert result.ok, [str(d) for d in result.diagnostics]
    assert "widgets" in (output / "transcripts" / "linked" / "index.html").read_text()
    assert (output / "static" / "css" / "site.css").read_text() == "body { color: teal }\n"


def test_link_loops_are_diagnostics_not_tracebacks(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    link(content, "loop", Path("."))
    link(content, "static/again", Path(".."))
    link(content, "transcripts/a.txt", Path("b.txt"))
    link(content, "transcripts/b.txt", Path("a.txt"))
    output = tmp_path / "_site"
    result = build(content, output, search=False)
    shown = {str(d) for d in result.diagnostics}
    where = os.path.relpath(content / "transcripts")
    assert f"{where}/a.txt: error: is a symbolic link loop" in shown
    assert f"{where}/b.txt: error: is a symbolic link loop" in shown
    again = os.path.relpath(content / "static" / "again")
    assert f"{again}: warning: links to a folder already read (a loop); skipped" in shown
    # The preview's watcher reads every folder once, however the links go round.
    files = stamps.snapshot([content], output)
    assert str(content / "transcripts" / "call-000.txt") in files


def test_a_loop_alone_builds_cleanly(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    link(content, "loop", Path("."))
    result = build(content, tmp_path / "_site", search=False)
    # Only the generated call's own note (its title comes from the file name) is reported.
    assert result.ok
    assert not [d for d in result.diagnostics.items if "loop" in d.message]


def test_an_unreadable_folder_is_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content", 1)
    folder = content / "transcripts"
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        # A folder without read permission; chmod does not stop root, who runs CI containers.
        if os.fspath(path) == os.fspath(folder):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(folder))  # type: ignore
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(confine.os, "scandir", scandir)
    found = Diagnostics()
    assert confine.list_folder(folder, found) is None
    result = build(content, tmp_path / "_site", search=False)
    messages = [str(d) for d in result.diagnostics.errors]
    assert any("cannot read this folder: Permission denied" in m for m in messages), messages


def test_the_preview_watcher_survives_a_loop_and_skips_folders_outside(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    link(content, "loop", Path("."))
    elsewhere = outside(tmp_path)
    link(content, "static", elsewhere)
    outcomes: list[watch.BuildOutcome] = []
    rebuilder = watch.Rebuilder(content, tmp_path / "_site", outcomes.append)
    first = rebuilder.initial_build()
    assert not first.ok
    assert any("links outside the content folder" in e for e in first.errors), first.errors
    files = rebuilder.scan()
    assert not any(path.startswith(str(content / "static")) for path in files)
    assert str(content / "transcripts" / "call-000.txt") in files


@pytest.mark.parametrize(
    ("name", "target"),
    [("x.txt", "/etc/passwd"), ("env.txt", "/proc/self/environ")],
)
def test_the_reported_links_to_system_files_are_refused(
    tmp_path: Path, name: str, target: str
) -> None:
    content = make_content(tmp_path / "content", 1)
    made = link(content, f"transcripts/{name}", Path(target))
    output = tmp_path / "_site"
    result = build(content, output, search=False)
    assert [d.message.split(" (to ")[0] for d in result.diagnostics.errors] == [
        "links outside the content folder"
    ]
    assert result.diagnostics.errors[0].path == confine.shown(made)
    assert not output.exists()  # the build failed: nothing written, nothing published


def test_an_unreadable_static_file_is_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content", 1)
    (content / "static").mkdir()
    secret = content / "static" / "locked.css"
    secret.write_text("body {}", encoding="utf-8")
    output = tmp_path / "_site"
    first = build(content, output, search=False)
    assert first.ok
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    real_read_bytes = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        # Tests run as root, which chmod cannot lock out: the refusal is simulated.
        if path.name == "locked.css":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    (content / "transcripts" / "call-000.txt").write_text("Ann Lee: changed.\n", "utf-8")
    with pytest.raises(guard.OutputError, match=r"locked\.css: cannot be read: Permission denied"):
        build(content, output, search=False)
    # The site that was being served is intact.
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
