"""File stamps: how a build tells, without reading a file, that it may have changed.

A stamp is (modification time in ns, size, inode); the inode catches an editor's atomic save
(write a new file, rename it over the old). The preview's watcher, the long-lived builder and the
build record all compare stamps, never contents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# path -> (mtime_ns, size, inode); the inode catches an editor's atomic save (write + rename).
Snapshot = dict[str, tuple[int, int, int]]


Stamp = tuple[int, int, int] | None
"""(mtime_ns, size, inode) of a file; None when it does not exist."""


def stamp(path: Path | None) -> Stamp:
    if path is None:
        return None
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _is_scratch_file(name: str) -> bool:
    """Editor swap and backup files, which change while the user types, not when they save."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


def snapshot(roots: Iterable[Path], excluded: Path) -> Snapshot:
    """Every file below ``roots`` with its modification stamp, skipping ``excluded``.

    Linked folders are followed only while they stay below a root, and each folder is read once:
    ``loop -> .`` would otherwise be walked until the path grew too long for the system.
    """
    state: Snapshot = {}
    pending = [str(r) for r in roots]
    allowed = [os.path.realpath(r) for r in pending]
    visited: set[str] = set()
    skip = str(excluded)
    while pending:
        folder = pending.pop()
        real = os.path.realpath(folder)
        if folder == skip or real in visited:
            continue
        visited.add(real)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            # A folder deleted while we look (or never created) has no files: that absence is
            # itself the change we report by the missing entries. One that cannot be read is
            # reported by the build.
            continue
        for entry in entries:
            if _is_scratch_file(entry.name):
                continue
            try:
                if entry.is_dir():
                    if not entry.is_symlink() or _below(entry.path, allowed):
                        pending.append(entry.path)
                    continue
                info = entry.stat()
            except OSError:
                continue  # removed between listing and stat, or a dangling or looping link
            state[entry.path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return state


def _below(path: str, roots: list[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
