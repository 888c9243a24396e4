"""Removing what no build has used for a while from the cache folder.

Every edit adds entries (the edited call loaded again, its search shard indexed again) and every
output folder adds its page keys and build record, so a cache kept across CI runs, or a preview
session of a day, only grew. A build marks each entry it uses (``cache_dir.mark_used`` sets its
modification time); after a good build, entries unused for longer than the maximum age go.
Age, not "unused by this build": one cache folder may serve several sites, or two builds at
once, and an entry another build used recently is not taken from under it (with an age of 0,
which keeps only what this build used, it may be: that is for a cache of one build, as in CI).
Half-written files and work folders go only once they are a day old, so a build still running
keeps its own.

Only names site-builder makes are ever removed, in the folders it makes: ``--cache-dir`` may
point at a folder that holds other files too.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

_DIGEST = "[0-9a-f]{16,128}"
# What each folder of the cache holds: its entries, and the half-written files of a build that
# was stopped (``cache_dir.replace_file``'s ``.<name>.<pid>.tmp``, Jinja's ``<name><random>.tmp``,
# a search shard's ``.work-<random>`` folder).
_ENTRIES = {
    "transcripts": rf"\.?{_DIGEST}(\.whole)?\.pickle(\.\d+\.tmp)?",
    "pages": rf"\.?{_DIGEST}\.pickle(\.\d+\.tmp)?",
    "builds": rf"\.?{_DIGEST}\.json(\.\d+\.tmp)?",
    "templates": rf"__jinja2_{_DIGEST}\.cache(\w*\.tmp)?",
    "search": rf"{_DIGEST}|\.work-\w+",
}
_PATTERNS = {folder: re.compile(pattern) for folder, pattern in _ENTRIES.items()}
# Some file systems keep modification times to the second or two: an entry marked at the very
# start of a build must not look older than the build.
_CLOCK_SLACK = 2.0
# Half-written files and work folders belong to a build still running, or to one that was
# stopped: only the second kind is ever old, whatever the maximum age asked for.
_UNFINISHED = re.compile(r"\..*|.*\.tmp")
_UNFINISHED_AGE = 86400.0


@dataclass
class Pruned:
    entries: int = 0
    size: int = 0
    """Bytes freed."""
    problems: list[str] = field(default_factory=list)
    """Entries that could not be removed, with why."""


def _size(path: str) -> int:
    if not os.path.isdir(path) or os.path.islink(path):
        return os.lstat(path).st_size
    return sum(
        os.lstat(os.path.join(folder, name)).st_size
        for folder, _, names in os.walk(path)
        for name in names
    )


def prune(root: Path, max_age_days: float, started: float) -> Pruned:
    """Remove the entries of ``root`` unused for ``max_age_days`` (0: every entry the build
    that began at ``started``, a :func:`time.time`, did not use)."""
    cutoff = min(time.time() - max_age_days * 86400, started - _CLOCK_SLACK)
    pruned = Pruned()
    for folder, pattern in _PATTERNS.items():
        try:
            found = list(os.scandir(root / folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            pruned.problems.append(f"{root / folder}: {exc}")
            continue
        for entry in found:
            if not pattern.fullmatch(entry.name):
                continue
            oldest = cutoff
            if _UNFINISHED.fullmatch(entry.name):
                oldest = min(cutoff, time.time() - _UNFINISHED_AGE)
            try:
                if entry.stat(follow_symlinks=False).st_mtime >= oldest:
                    continue
                size = _size(entry.path)
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
            except FileNotFoundError:
                continue  # removed meanwhile by another build's prune
            except OSError as exc:
                pruned.problems.append(f"{entry.path}: {exc}")
                continue
            pruned.entries += 1
            pruned.size += size
    return pruned
