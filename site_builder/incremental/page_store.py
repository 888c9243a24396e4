"""The page keys of an output folder's last good build, kept between processes.

The long-lived builder keeps, in memory, which file each page key produced
(:mod:`site_builder.render.page_cache`); a build in a fresh process (CI, every push) had none, so
one edited call remade all of a large archive's pages. The same table is now stored in the cache
folder, one file per output folder (``<cache>/pages/<digest of the output path>.pickle``), and
read back by the next build of that folder. It is safe to trust exactly as far as the memory is:

- a key is made of digests (the transcripts' tokens are their disk cache keys, with the values
  made when each was loaded stored beside it; see :mod:`site_builder.views.inputs`), and a page is
  kept only when the output folder still holds the file with the recorded digest and size
  (the writer's ``holds``);
- the table is read with the disk cache's unpickler (site-builder's records and plain containers
  only), under a header naming the code that wrote it: a corrupt, foreign or older file is ignored
  with a warning, and the build makes every page.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path

from site_builder.cache_dir import code_digest, replace_file
from site_builder.incremental.transcript_cache import restricted_load
from site_builder.render.page_cache import Kept, RenderCache
from site_builder.views.inputs import Key

MAGIC = b"site-builder page keys\n"


def _path(root: Path, output_dir: Path) -> Path:
    name = hashlib.blake2b(str(output_dir.resolve()).encode(), digest_size=12).hexdigest()
    return root / "pages" / f"{name}.pickle"


def _header() -> bytes:
    return MAGIC + code_digest().encode() + b"\n"


def load(root: Path, output_dir: Path) -> RenderCache:
    """The pages of the last good build of ``output_dir`` (an empty cache when there are none
    or the file cannot be trusted)."""
    cache = RenderCache()
    path = _path(root, output_dir)
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return cache
    except OSError as exc:
        _warn(path, str(exc))
        return cache
    if not data.startswith(MAGIC):
        _warn(path, "not a page-key file of site-builder")
        return cache
    if not data.startswith(_header()):
        return cache  # written by another version of the code: its keys cannot match
    try:
        pages = restricted_load(io.BytesIO(data[len(_header()) :]))
    except Exception as exc:  # corrupt or foreign: whatever unpickling raised
        _warn(path, f"{type(exc).__name__}: {exc}")
        return cache
    if not isinstance(pages, dict) or not all(isinstance(v, Kept) for v in pages.values()):
        _warn(path, "not a table of pages")
        return cache
    cache.replace(pages)
    return cache


def save(root: Path, output_dir: Path, cache: RenderCache) -> None:
    """Store ``cache`` for the next build of ``output_dir``; one that cannot be written only
    costs that build its shortcut."""
    path = _path(root, output_dir)
    pages: dict[Key, Kept] = cache.pages()
    data = _header() + pickle.dumps(pages, pickle.HIGHEST_PROTOCOL)
    try:
        replace_file(path, data)
    except OSError as exc:
        print(f"note: could not save the page keys in {path.parent}: {exc}", file=sys.stderr)


def _warn(path: Path, why: str) -> None:
    print(f"warning: ignored the page keys in {path} and made every page: {why}", file=sys.stderr)
