"""Loaded transcripts kept on disk, so a build in a fresh process parses only what changed.

CI builds every push in a new process: without this, one edited call meant reading, parsing and
annotating all of them again. Each loaded transcript (parsed, annotated, with what the indexes
need of it) is stored under a key made of what loading it read, byte for byte: the transcript,
its sidecar and the site-wide ``speakers.yaml``, ``organizations.yaml`` and ``topics.yaml``, their
paths as given, and a digest of site-builder's own code. Any change to any of them is a new key;
an entry is never updated, only replaced by another.

Entries are pickles, read back by an unpickler that builds nothing but site-builder's own records
and plain containers: a file that is corrupt, of another version, or not ours is ignored with a
warning and the transcript is loaded from its source, never trusted.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeVar

from site_builder.cache_dir import code_digest, mark_used, replace_file, report_ignored

Entry = TypeVar("Entry")
CACHE_VERSION = 1
MAGIC = b"site-builder transcript cache\n"
_PLAIN = {
    ("builtins", name)
    for name in ("tuple", "list", "dict", "set", "frozenset", "str", "int", "bool", "NoneType")
}
_PLAIN |= {("types", "MappingProxyType"), ("copyreg", "_reconstructor"), ("builtins", "object")}


class UnknownClassError(pickle.UnpicklingError):
    pass


class _Unpickler(pickle.Unpickler):
    """Builds site-builder's records and plain containers; refuses every other class."""

    def find_class(self, module: str, name: str) -> object:
        if (
            module == "site_builder"
            or module.startswith("site_builder.")
            or (module, name) in _PLAIN
        ):
            return super().find_class(module, name)
        raise UnknownClassError(f"{module}.{name} is not a site-builder record")


def restricted_load(stream: io.BytesIO) -> object:
    """Unpickle ``stream``, building only site-builder's records and plain containers."""
    return _Unpickler(stream).load()


def file_digest(path: Path | None) -> bytes:
    if path is None:
        return b"-"
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).digest()
    except FileNotFoundError:
        return b"-"


def key(paths: Iterable[Path | None], site_wide: bytes) -> str:
    """The key of one transcript: its files' paths and bytes, the site-wide files' digest
    (:func:`site_wide_digest`) and the code."""
    digest = hashlib.blake2b(f"{CACHE_VERSION} {code_digest()}".encode(), digest_size=20)
    for path in paths:
        digest.update(str(path).encode() + b"\0" + file_digest(path))
    digest.update(site_wide)
    return digest.hexdigest()


def site_wide_digest(paths: Iterable[Path]) -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    for path in paths:
        digest.update(str(path).encode() + b"\0" + file_digest(path))
    return digest.digest()


class TranscriptCache:
    """One folder of entries, ``<root>/transcripts/<key>.pickle``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "transcripts"
        self.ignored: list[str] = []
        """Entries that could not be used, with why: reported once per build."""

    def fresh(self) -> TranscriptCache:
        """The same folder, with nothing to report yet."""
        return TranscriptCache(self.root)

    def path(self, entry_key: str) -> Path:
        return self.folder / f"{entry_key}.pickle"

    def remove(self, entry_key: str) -> None:
        """Forget an entry found unsound, so that it is stored afresh."""
        try:
            self.path(entry_key).unlink(missing_ok=True)
        except OSError as exc:
            self.ignored.append(f"{self.path(entry_key)}: not removed: {exc}")

    def lookup(
        self,
        files: Mapping[Path, tuple[Path | None, ...]],
        site_wide: Iterable[Path],
        kind: type[Entry],
    ) -> tuple[dict[Path, str], dict[Path, Entry]]:
        """For each item's files: (its key, the stored ``kind`` under that key, where there is
        one)."""
        common = site_wide_digest(site_wide)
        keys = {item: key(paths, common) for item, paths in files.items()}
        stored = {}
        for item, item_key in keys.items():
            found = self.get(item_key)
            if isinstance(found, kind):
                stored[item] = found
            elif found is not None:
                self.ignored.append(f"{self.path(item_key)}: not a {kind.__name__}")
        return keys, stored

    def has(self, entry_key: str) -> bool:
        """Whether ``entry_key`` is stored (marked used if so), without reading it."""
        path = self.path(entry_key)
        if not path.is_file():
            return False
        mark_used(path)
        return True

    def get(self, entry_key: str) -> object | None:
        path = self.path(entry_key)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            self.ignored.append(f"{path}: {exc}")
            return None
        header = MAGIC + entry_key.encode() + b"\n"
        if not data.startswith(header):
            self.ignored.append(f"{path}: not an entry of this cache")
            return None
        try:
            found = restricted_load(io.BytesIO(data[len(header) :]))
        except Exception as exc:  # corrupt or foreign: whatever unpickling raised
            self.ignored.append(f"{path}: {type(exc).__name__}: {exc}")
            return None
        mark_used(path)
        return found

    def put(self, entry_key: str, value: object) -> bool:
        """Store ``value``; whether it was. A cache that cannot be written only costs time."""
        path = self.path(entry_key)
        data = MAGIC + entry_key.encode() + b"\n" + pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        try:
            replace_file(path, data)
        except OSError as exc:
            self.ignored.append(f"{path}: not written: {exc}")
            return False
        return True

    def report(self) -> None:
        """Print what was ignored (a few lines at most), then forget it."""
        report_ignored(self.ignored, "cache", "loaded from the source instead")
