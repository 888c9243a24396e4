"""Where site-builder keeps what it may reuse between processes (never inside the content or
output folders): build records, loaded transcripts, compiled templates."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path

from site_builder import __version__

CACHE_ENV = "SITE_BUILDER_CACHE_DIR"
"""Set by ``--cache-dir`` (and inherited by helper processes); else the user's cache folder."""


def cache_root() -> Path:
    """site-builder's cache folder: ``--cache-dir``, else ``$XDG_CACHE_HOME/site-builder``
    (``~/.cache/site-builder`` without it)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "site-builder"


_PACKAGE = Path(__file__).resolve().parent


@functools.cache  # site-builder's own files do not change under a running process
def code_digest() -> str:
    """A digest of site-builder's version and the bytes of its code: whatever a build keeps
    for the next one is keyed by it, so a new version never trusts an older one's work."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def replace_file(path: Path, data: bytes) -> None:
    """Make ``path`` hold ``data`` in one step (a file written beside it, then renamed over it),
    so a build reading the cache never meets a half-written entry. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def report_ignored(ignored: list[str], what: str, instead: str) -> None:
    """Print, once per build, the cache entries that could not be trusted (the first three
    and how many more), then forget them: ``what`` names the cache, ``instead`` what was done."""
    if ignored:
        shown = "; ".join(ignored[:3])
        more = f" (and {len(ignored) - 3} more)" if len(ignored) > 3 else ""
        entries = "entry" if len(ignored) == 1 else "entries"
        print(
            f"warning: ignored {len(ignored)} {what} {entries} and {instead}: {shown}{more}",
            file=sys.stderr,
        )
    ignored.clear()


def mark_used(path: Path) -> None:
    """Record that this build used the entry at ``path`` (a file or a shard's folder), so that
    pruning (:mod:`site_builder.cache_prune`) keeps it."""
    # Best effort on purpose: the entry was read and is sound; a cache the build may read but not
    # change (a read-only CI cache) only lets a later prune count it as unused sooner.
    with contextlib.suppress(OSError):
        os.utime(path)
