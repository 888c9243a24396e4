"""The render cache of a long-lived builder: which file each page's key produced last time.

A page whose key (:mod:`site_builder.views.inputs`) is unchanged would render to the
same bytes,
so the cache keeps only the output path and manifest entry (digest, size) of each page, not the
bytes: the files themselves are in the output folder, and the writer checks they still are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from site_builder.output.manifest import Entry
from site_builder.views.inputs import Key


def templates_fingerprint(template_dirs: Iterable[Path]) -> bytes:
    """A digest of every template file (name and bytes), in lookup order."""
    digest = hashlib.blake2b(digest_size=20)
    for folder in template_dirs:
        digest.update(f"\0dir {folder}\0".encode())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.digest()


class Kept(NamedTuple):
    """Where a page of the last good build was written, and what it held."""

    path: str
    entry: Entry


class RenderCache:
    """Output path and manifest entry by page key, for the pages of the last good build."""

    def __init__(self) -> None:
        self._pages: dict[Key, Kept] = {}

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: Key) -> Kept | None:
        return self._pages.get(key)

    def pages(self) -> dict[Key, Kept]:
        return self._pages

    def replace(self, pages: dict[Key, Kept]) -> None:
        """Keep exactly these pages: what the latest build used, so memory does not grow."""
        self._pages = pages
