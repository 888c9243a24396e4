"""The search index in shards: Pagefind bundles of a few dozen to a few hundred calls, merged in
the browser, reused from the cache folder when their pages did not change.

Pagefind keeps a whole index in memory until it writes it (1.4 GB for 1,000 calls), and one
edited call meant indexing every call again. So the transcript pages are cut into shards, each
indexed by its own Pagefind run into ``pagefind/<shard>/``; ``pagefind/shards.json`` lists them
and ``static/search.js`` merges them into one search (Pagefind's ``mergeIndex``), so a search
finds words from every call and its filters offer the values of every shard.

- **How big a shard is** is a trade between three costs. Each shard adds about nine requests
  and 15-70 ms to a reader's first search (121 shards of 10,000 calls: 7 s to the first hit,
  against 2 s for 14 shards of 1,000); a Pagefind run holds about 1.4 MB per call; an edit
  indexes its call's whole shard again (16 ms a call). So shards hold :data:`AVERAGE` calls on
  average while an archive has at most :data:`MOST_SHARDS` of them, and double in size each
  time it outgrows that (:func:`shard_size`), up to :data:`AVERAGE_AT_MOST`: a site has 15 to
  40 shards up to about 25,000 calls, and small sites re-index little per edit.
- **Which shard a call is in** depends on its page's path and the shard size only
  (content-defined chunking over the sorted paths: a shard ends before a path whose digest is a
  multiple of the average size, or when it reaches twice that). Adding or editing a call
  changes its own shard, not the others. The sizes are powers of two, so the cuts of a doubled
  size are a subset of the smaller size's: when an archive doubles, its shards merge in pairs.
- **Reuse**: a shard's key is a digest of its pages' paths and bytes, the Pagefind version and
  the code that runs Pagefind and rewrites its output (the rest of site-builder shows in the
  pages' bytes). A shard whose key is in the cache folder (``<cache>/search/<key>/``) is
  linked from there instead of indexed; its files are checked against the digests stored with
  them first, and an entry that is corrupt or not ours is ignored with a warning
  (:mod:`site_builder.output.shard_cache`).
- **Pinned pages** (the preview's, :func:`pin`) are indexed each in a shard of its own.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from site_builder.output import manifest, trees
from site_builder.output.shard_cache import SHARD_FORMAT, ShardCache

AVERAGE = 64
"""Calls per shard on average in an archive of up to :data:`MOST_SHARDS` times as many (a power
of two)."""
MOST_SHARDS = 24
"""Past this many shards of the average size, the size doubles (shards come out a little
smaller than the average, the largest being cut at twice it: 15 to 40 shards in all)."""
AVERAGE_AT_MOST = 512
"""Nor beyond this: a Pagefind run over a shard of twice as many calls holds 1.4 GB."""
CONCURRENT_UP_TO = 512
"""Pagefind runs two shards at a time while no shard may exceed this many calls (two runs of
about 0.7 GB each); larger shards are indexed one at a time."""
SHARD_ENV = "SITE_BUILDER_SEARCH_SHARD_CALLS"
"""Sets the most calls in a shard: fewer calls per shard, less memory for each Pagefind run."""
SHARDS_FILE = "shards.json"
# The UI, and the highlighter transcript pages load (static/search-landing.js), are the same in
# every shard: one copy each at the top of the bundle.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js")
_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Shard:
    name: str
    """The shard's folder in the bundle: a digest of its first page's path."""
    pages: tuple[str, ...]
    """The pages it indexes, relative to the site folder."""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def pages_to_index(folder: Path) -> list[str]:
    """The transcript pages (the only ones marked ``data-pagefind-body``); every HTML page on
    a site with none, which Pagefind then indexes whole, as it always did."""
    transcripts = folder / "transcripts"
    found = (
        [f"transcripts/{e.name}/index.html" for e in os.scandir(transcripts) if e.is_dir()]
        if transcripts.is_dir()
        else []
    )
    found = [rel for rel in found if (folder / rel).is_file()]
    if not found:
        found = [p.relative_to(folder).as_posix() for p in folder.rglob("*.html")]
    return sorted(found)


def shard_size(pages: int) -> int:
    """Calls per shard on average for an archive of ``pages`` calls: :data:`AVERAGE`, doubled
    until the archive is at most :data:`MOST_SHARDS` shards of it."""
    size = AVERAGE
    while pages > size * MOST_SHARDS and size * 2 <= max(AVERAGE, AVERAGE_AT_MOST):
        size *= 2
    return size


def plan(pages: list[str], average: int | None = None, largest: int | None = None) -> list[Shard]:
    """``pages`` (sorted) cut into shards; a cut depends only on the path after it and on the
    shard size."""
    average = average or shard_size(len(pages))
    largest = largest or _largest(average)
    shards: list[Shard] = []
    current: list[str] = []
    for rel in pages:
        cut = int(_digest(rel.encode())[:8], 16) % average == 0
        if current and (cut or len(current) >= largest):
            shards.append(_shard(current))
            current = []
        current.append(rel)
    if current:
        shards.append(_shard(current))
    return shards


def pin(shards: list[Shard], pinned: Collection[str]) -> list[Shard]:
    """``shards`` with each page of ``pinned`` taken out of its shard into a shard of its own.

    The preview pins the pages being edited: the first save of a call indexes its shard again
    without it, and each later save of the same call indexes that one page, not its shard of
    dozens (:mod:`site_builder.preview.search`). Published builds pin nothing: every shard
    they merge costs a reader's first search about 50 ms."""
    if not pinned:
        return shards
    placed: list[Shard] = []
    for shard in shards:
        rest = [rel for rel in shard.pages if rel not in pinned]
        if rest:
            placed.append(_shard(rest) if len(rest) < len(shard.pages) else shard)
        placed.extend(_shard([rel]) for rel in shard.pages if rel in pinned)
    return placed


def _largest(average: int) -> int:
    chosen = os.environ.get(SHARD_ENV, "")
    return int(chosen) if chosen.isdigit() and int(chosen) > 0 else 2 * average


def _shard(pages: list[str]) -> Shard:
    return Shard(f"s{_digest(pages[0].encode())[:12]}", tuple(pages))


def _pagefind_version() -> str:
    for name in ("pagefind_bin", "pagefind"):
        try:
            return f"{name} {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "pagefind ?"


@functools.cache  # site-builder's own files do not change under a running process
def _code_digest() -> str:
    """The modules that decide what a shard's bundle holds, given its pages."""
    digest = hashlib.blake2b(f"{SHARD_FORMAT} {_pagefind_version()}".encode(), digest_size=16)
    for name in ("search.py", "search_shards.py", "search_stable.py"):
        digest.update(name.encode() + b"\0" + (_HERE / name).read_bytes())
    return digest.hexdigest()


def shard_key(folder: Path, shard: Shard, digests: Mapping[str, str] | None = None) -> str:
    """The digest of the shard's pages (paths and bytes) and of the code that indexes them;
    ``digests``: each page's :func:`manifest.digest`, where the caller knows it."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_code_digest().encode() + b"\0")
    for rel in shard.pages:
        known = digests.get(rel) if digests is not None else None
        page = known or manifest.digest((folder / rel).read_bytes())
        digest.update(rel.encode() + b"\0" + page.encode())
    return digest.hexdigest()


def link_files(source: Path, files: Iterable[str], target: Path) -> None:
    """``files`` of ``source`` hard-linked into ``target`` (copied across file systems); only
    the files listed, so nothing else put into a cache folder is ever published."""
    folders: set[Path] = set()
    for rel in files:
        made = target / rel
        if made.parent not in folders:  # a shard's files share a few folders: one mkdir each
            made.parent.mkdir(parents=True, exist_ok=True)
            folders.add(made.parent)
        trees.link_or_copy(source / rel, made)


def index_shards(
    folder: Path,
    bundle: Path,
    run_pagefind: Callable[[Path, Path], None],
    cache_root: Path | None,
    jobs: int = 1,
    digests: Mapping[str, str] | None = None,
    pinned: Collection[str] = (),
) -> dict[str, str]:
    """Every shard of ``folder``'s pages into ``bundle/<shard>/``, from the cache or from a
    Pagefind run (``run_pagefind(site, output)``), ``jobs`` runs at a time; the digest
    (:func:`manifest.digest`) of every file written into ``bundle``, by its path there, so the
    writer need not read them again for its manifest. ``pinned``: pages indexed in shards of
    their own (:func:`pin`).

    One Pagefind run keeps about a core and a half busy, so two at a time on two cores index
    the 14 shards of 1,000 calls in about a fifth less time (15.5 s against 19 s, the same
    CPU time); each run holds only its own shard, so memory grows by one shard's, not more, and
    shards that may exceed :data:`CONCURRENT_UP_TO` calls are indexed one at a time.
    """
    cache = ShardCache(cache_root)
    pages = pages_to_index(folder)
    shards = pin(plan(pages), frozenset(pinned))
    if _largest(shard_size(len(pages))) > CONCURRENT_UP_TO:
        jobs = 1

    def place(shard: Shard) -> dict[str, str]:
        """The shard into the bundle; its files and their digests."""
        key = shard_key(folder, shard, digests)
        found = cache.get(key)
        if found is not None:
            try:
                link_files(*found, bundle / shard.name)
                return found[1]
            except OSError as exc:  # pruned by another build since it was checked
                cache.ignored.append(f"{found[0]}: {exc}")
                shutil.rmtree(bundle / shard.name, ignore_errors=True)
        work = cache.work_folder()
        try:
            # The shard's pages alone in a folder of their own: Pagefind reads only them.
            link_files(folder, list(shard.pages), work / "site")
            run_pagefind(work / "site", work / "bundle")
            stored = cache.put(key, work / "bundle")
            link_files(*stored, bundle / shard.name)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return stored[1]

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            placed = list(pool.map(place, shards))
    finally:
        cache.report()
    written = {
        f"{shard.name}/{rel}": digest
        for shard, files in zip(shards, placed, strict=True)
        for rel, digest in files.items()
    }
    if shards:
        for name in UI_FILES:
            shutil.copyfile(bundle / shards[0].name / name, bundle / name)
            written[name] = written[f"{shards[0].name}/{name}"]
    listing = {"format": SHARD_FORMAT, "shards": [f"{s.name}/" for s in shards]}
    text = json.dumps(listing).encode("utf-8")
    (bundle / SHARDS_FILE).write_bytes(text)
    written[SHARDS_FILE] = manifest.digest(text)
    return written
