"""Helpers for tests that build whole sites: generated content folders and output snapshots."""

from __future__ import annotations

import os
from pathlib import Path

TRANSCRIPT_NAMES = ("Alice Smith", "Bob Jones", "Carol White")


def make_content(root: Path, transcripts: int, version: str = "a", statics: int = 0) -> Path:
    """A content folder of small ``Name: text`` transcripts whose words all mention ``version``."""
    folder = root / "transcripts"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(transcripts):
        lines = [f"Quarterly call {i} version {version}", ""]
        for turn in range(6):
            name = TRANSCRIPT_NAMES[turn % 3]
            lines += [f"{name}: Turn {turn} of call {i}, version {version}, about gadgets.", ""]
        (folder / f"call-{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    if statics:
        (root / "static").mkdir(exist_ok=True)
        for i in range(statics):
            text = f"/* asset {i} version {version} */\n" + "x" * 8000
            (root / "static" / f"asset-{i:03d}.css").write_text(text, encoding="utf-8")
    return root


def snapshot(tree: Path) -> dict[str, bytes]:
    """Every file below ``tree`` (relative POSIX path -> bytes); folders are implied."""
    return {
        path.relative_to(tree).as_posix(): path.read_bytes()
        for path in sorted(tree.rglob("*"))
        if path.is_file()
    }


def identities(tree: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime in ns) of every file and folder below and including ``tree``."""
    found = {".": _identity(tree)}
    for path in tree.rglob("*"):
        found[path.relative_to(tree).as_posix()] = _identity(path)
    return found


def _identity(path: Path) -> tuple[int, int]:
    status = os.lstat(path)
    return status.st_ino, status.st_mtime_ns
