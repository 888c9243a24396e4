"""The render cache: a page is rendered again only when its view or the templates changed.

Rendering is a pure function of a page's view object and the template files, so the key is a
hash of exactly those: the view pickled (plain frozen data: the pickle spells out every value and
type it holds) and the bytes of every template file. Nothing records which pages depend on
which inputs, so nothing can forget to: when a speaker's name changes in ``speakers.yaml``, every
view that shows the name holds the new name, its key differs, and the page is rendered again.
A false miss costs one render; a stale page would need two different views to pickle alike.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from .views_common import PageView

Key = bytes


def templates_fingerprint(template_dirs: Iterable[Path]) -> bytes:
    """A digest of every template file (name and bytes), in lookup order."""
    digest = hashlib.blake2b(digest_size=20)
    for folder in template_dirs:
        digest.update(f"\0dir {folder}\0".encode())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"\0{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.digest()


def view_key(fingerprint: bytes, view: PageView) -> Key:
    digest = hashlib.blake2b(fingerprint, digest_size=20)
    digest.update(pickle.dumps(view, protocol=5))
    return digest.digest()


class RenderCache:
    """Rendered bytes by view key, for the pages of the last build (a long-lived builder's)."""

    def __init__(self) -> None:
        self._pages: dict[Key, bytes] = {}

    def __contains__(self, key: Key) -> bool:
        return key in self._pages

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: Key) -> bytes:
        return self._pages[key]

    def keys(self) -> frozenset[Key]:
        return frozenset(self._pages)

    def replace(self, pages: dict[Key, bytes]) -> None:
        """Keep exactly these pages: what the latest build used, so memory does not grow."""
        self._pages = pages
