"""Indexed search shards kept in the cache folder, and checked before they are reused.

A shard's bundle is stored under ``<cache>/search/<key>/`` (the key: :func:`site_builder.output.
search_shards.shard_key`) with an entry file holding the key and every file's digest. A stored
shard is linked into a build only after each file is found to hold what was stored; an entry
that is corrupt or not ours is reported, removed and indexed again, never trusted.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from site_builder.cache_dir import mark_used, report_ignored
from site_builder.output import manifest

SHARD_FORMAT = 2
ENTRY_FILE = ".site-builder-shard"
"""In a cached shard: its key and every file's digest, checked before the shard is reused."""


class ShardCache:
    """Indexed shards kept under ``<root>/search/<key>/``; None as root keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.folder = None if root is None else root / "search"
        self.ignored: list[str] = []

    def get(self, key: str) -> tuple[Path, dict[str, str]] | None:
        """The cached bundle of ``key`` and its files with their digests, each file checked
        against its stored digest; None if absent or not sound (then reported, removed, and
        indexed again)."""
        if self.folder is None or not (self.folder / key).exists():
            return None
        bundle = self.folder / key
        stamp = _stamp(bundle / ENTRY_FILE)
        trusted = _CHECKED.get(bundle)
        if trusted is not None and stamp is not None and trusted[0] == stamp:
            found: dict[str, str] | str = trusted[1]
        else:
            found = _check(bundle, key)
        if isinstance(found, str):
            self.ignored.append(f"{bundle}: {found}")
            shutil.rmtree(bundle, ignore_errors=True)
            return None
        if stamp is not None:
            if len(_CHECKED) >= _CHECKED_AT_MOST:  # a long preview session's old shards
                _CHECKED.clear()
            _CHECKED[bundle] = (stamp, found)
        mark_used(bundle)
        return bundle, found

    def work_folder(self) -> Path:
        """A private folder for one shard's indexing, in the cache where there is one."""
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                return Path(tempfile.mkdtemp(prefix=".work-", dir=self.folder))
            except OSError as exc:
                self.ignored.append(f"{self.folder}: not writable: {exc}")
                self.folder = None
        return Path(tempfile.mkdtemp(prefix="site-builder-search-"))

    def put(self, key: str, bundle: Path) -> tuple[Path, dict[str, str]]:
        """Keep ``bundle`` (in a work folder) under ``key``; where it now is, and its files with
        their digests."""
        files = {
            p.relative_to(bundle).as_posix(): manifest.digest(p.read_bytes())
            for p in sorted(bundle.rglob("*"))
            if p.is_file()
        }
        entry = {"format": SHARD_FORMAT, "key": key, "files": files}
        (bundle / ENTRY_FILE).write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
        if self.folder is None or bundle.parent.parent != self.folder:
            return bundle, files
        target = self.folder / key
        try:
            os.rename(bundle, target)
        except OSError:  # another build stored the same shard meanwhile
            return bundle, files
        return target, files

    def report(self) -> None:
        report_ignored(self.ignored, "search cache", "indexed again")


_CHECKED_AT_MOST = 256
_CHECKED: dict[Path, tuple[tuple[int, int, int], dict[str, str]]] = {}
"""Shards this process has checked, by the stamp of their entry file: the preview, which looks
for every shard after each edit, reads and hashes each stored shard once, not every time
(0.1 s of each refresh at 1,000 calls). A shard replaced on disk gets a new entry file."""


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _check(bundle: Path, key: str) -> dict[str, str] | str:
    """The files of a stored shard, or why it cannot be trusted."""
    try:
        entry = json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"unreadable: {exc}"
    if not (
        isinstance(entry, dict)
        and entry.get("format") == SHARD_FORMAT
        and entry.get("key") == key
        and isinstance(entry.get("files"), dict)
        and entry["files"]
    ):
        return "not a search shard of this cache"
    for rel, digest in entry["files"].items():
        path = bundle / rel
        if not isinstance(digest, str) or ".." in Path(rel).parts or Path(rel).is_absolute():
            return f"a file entry is malformed: {rel!r}"
        try:
            if path.is_symlink() or manifest.digest(path.read_bytes()) != digest:
                return f"{rel} does not hold what was stored"
        except OSError as exc:
            return f"{rel}: {exc}"
    return dict(entry["files"])
