"""Files in the output folder that the build does not own behave the same on every build.

Kept paths (``keep:`` in site.yaml; by default CNAME, .nojekyll, .well-known, .git) stay where
the user put them; any other stray file is gone after the next build and never comes back. The
output folder is exchanged with a standby copy on each build, so a file living in only one of
the two used to disappear and reappear on alternate builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.incremental.builder import Builder, build

from .sitetree import make_content

KEPT = {
    "CNAME": b"calls.example.org\n",
    ".nojekyll": b"",
    ".well-known/security.txt": b"Contact: mailto:security@example.org\n",
    ".git/HEAD": b"ref: refs/heads/gh-pages\n",
    ".git/objects/ab/cdef": b"blob",
}


def put(output: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (output / rel).parent.mkdir(parents=True, exist_ok=True)
        (output / rel).write_bytes(data)


def present(output: Path, files: dict[str, bytes]) -> dict[str, bytes | None]:
    return {rel: (output / rel).read_bytes() if (output / rel).exists() else None for rel in files}


@pytest.mark.parametrize("long_lived", [False, True], ids=["build", "preview builder"])
def test_kept_files_stay_and_strays_go_on_every_one_of_three_rebuilds(
    tmp_path: Path, long_lived: bool
) -> None:
    content = make_content(tmp_path / "content", 2)
    output = tmp_path / "_site"
    builder = Builder(content, output, search=False, jobs=1)

    def rebuild() -> None:
        result = builder.rebuild() if long_lived else build(content, output, search=False)
        assert result.ok, [str(d) for d in result.diagnostics]

    rebuild()
    put(output, KEPT)
    put(output, {"stray.txt": b"left by hand\n", "old/stray.txt": b"x"})
    if not long_lived:  # the preview's rebuilds look only at the top of the folder
        put(output, {"transcripts/stray.html": b"<p>x</p>"})
    for version in "bcd":
        make_content(content, 2, version=version)  # every rebuild changes the site
        rebuild()
        assert present(output, KEPT) == KEPT, version
        assert not (output / "stray.txt").exists(), version
        assert not (output / "old").exists(), version
        assert not (output / "transcripts" / "stray.html").exists(), version
        assert (
            f"version {version}" in (output / "transcripts" / "call-000" / "index.html").read_text()
        )


def test_a_kept_file_deleted_by_hand_stays_deleted(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    output = tmp_path / "_site"
    build(content, output, search=False)
    put(output, {"CNAME": b"calls.example.org\n"})
    make_content(content, 1, version="b")
    build(content, output, search=False)
    (output / "CNAME").unlink()
    for version in "cde":
        make_content(content, 1, version=version)
        build(content, output, search=False)
        assert not (output / "CNAME").exists(), version


def test_the_keep_list_comes_from_site_yaml(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    (content / "site.yaml").write_text("keep: [deploy/, CNAME]\n", encoding="utf-8")
    output = tmp_path / "_site"
    build(content, output, search=False)
    put(output, {"deploy/notes.txt": b"mine\n", "CNAME": b"x\n", ".nojekyll": b""})
    for version in "bcd":
        make_content(content, 1, version=version)
        assert build(content, output, search=False).ok
        assert (output / "deploy" / "notes.txt").read_bytes() == b"mine\n"
        assert (output / "CNAME").read_bytes() == b"x\n"
        assert not (output / ".nojekyll").exists()  # not on this site's list


def test_a_keep_entry_outside_the_output_is_an_error(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", 1)
    (content / "site.yaml").write_text("keep:\n  - CNAME\n  - ../home\n", encoding="utf-8")
    result = build(content, tmp_path / "_site", search=False)
    assert [(d.line, d.col, d.message) for d in result.diagnostics.errors] == [
        (3, 5, "'../home' cannot be kept: not a plain path inside the output folder")
    ]
