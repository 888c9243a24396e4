"""The manifest each output tree carries in its marker file: what every file in it should hold.

One line per file, ``<digest> <size> <kind> <path>``, sorted by path, after a fixed header. It is
deterministic (no times, no inode numbers), so two builds of the same content stay byte-identical,
and it lets a rebuild tell which files changed by hashing rendered bytes, without reading the
served files back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from site_builder.urls import MARKER

MANIFEST_HEADER = "site-builder output; safe to delete. digest size kind path, one file a line"
PAGE, GENERATED = "p", "g"


class Entry(NamedTuple):
    """A manifest line, without its path."""

    digest: str
    size: int
    """In bytes."""
    kind: str
    """PAGE (made by the build from content) or GENERATED (by a tool, e.g. Pagefind)."""


def digest(content: bytes) -> str:
    # sha256 runs at memory speed on CPUs with SHA extensions; 128 bits are plenty here.
    return hashlib.sha256(content).hexdigest()[:32]


def entry(content: bytes) -> Entry:
    """The manifest entry of a page with these bytes."""
    return Entry(digest(content), len(content), PAGE)


def read(tree: Path) -> dict[str, Entry] | None:
    """The tree's manifest; None when the marker is missing or not a manifest (an old build)."""
    try:
        content = (tree / MARKER).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    header, _, body = content.partition("\n")
    if header != MANIFEST_HEADER:
        return None
    entries: dict[str, Entry] = {}
    for line in body.split("\n")[:-1]:
        fields = line.split(" ", 3)
        if len(fields) != 4 or not fields[1].isdigit():
            return None  # damaged by hand: treated like a site with no manifest, rewritten whole
        entries[fields[3]] = Entry(fields[0], int(fields[1]), fields[2])
    return entries


def text(entries: Mapping[str, Entry]) -> str:
    """The marker file's content for a tree holding ``entries``."""
    lines = [f"{d} {size} {kind} {rel}" for rel, (d, size, kind) in sorted(entries.items())]
    return "\n".join([MANIFEST_HEADER, *lines]) + "\n"
