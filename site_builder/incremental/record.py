"""What the last good build of an output folder was made from, kept between processes.

A fresh ``site-builder build`` whose inputs are exactly those of the last good build of the same
output folder (every content, template and static file with the same modification stamp, the same
options, the same site-builder code) and whose output is still the one that build left returns at
once and writes nothing, as the long-lived builder of the preview server does in memory.

The record lives in the user's cache folder (``$XDG_CACHE_HOME/site-builder``, else
``~/.cache/site-builder``), one small JSON file per output folder, so nothing is added to the
published site. Deleting it only costs the next build its shortcut.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from site_builder.cache_dir import cache_root, code_digest, mark_used, replace_file
from site_builder.errors import Diagnostic
from site_builder.incremental import stamps
from site_builder.output import write
from site_builder.render import theme
from site_builder.urls import MARKER

Stamp = tuple[int, int, int]
RECORD_VERSION = 1


def cache_dir() -> Path:
    return cache_root() / "builds"


def _record_path(output_dir: Path) -> Path:
    name = hashlib.blake2b(str(output_dir.resolve()).encode(), digest_size=12).hexdigest()
    return cache_dir() / f"{name}.json"


def fingerprint(inputs: Mapping[str, Stamp], options: tuple[object, ...]) -> str:
    """A digest of every input file's stamp, the build options and site-builder's own code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((RECORD_VERSION, code_digest(), options)).encode())
    for path in sorted(inputs):
        digest.update(f"{path}\0{inputs[path]}\n".encode())
    return digest.hexdigest()


def options(content_dir: Path, base_url: str | None, search: bool) -> tuple[object, ...]:
    """What besides the input files decides the output."""
    return (str(content_dir.resolve()), base_url, search)


def inputs(content_dir: Path, output_dir: Path) -> stamps.Snapshot:
    """The stamp of every input file: content, templates and static files of the theme."""
    roots = [content_dir, *theme.Theme(content_dir).watched_dirs()]
    return stamps.snapshot(roots, output_dir.resolve())


def unchanged(
    content_dir: Path, output_dir: Path, build_options: tuple[object, ...]
) -> Recorded | None:
    """What :func:`load` gives when no input changed since the last good build of
    ``output_dir`` and no file of that build is missing; else None."""
    built_from = fingerprint(inputs(content_dir, output_dir), build_options)
    recorded = load(output_dir, output_dir / MARKER, built_from)
    if recorded is None or not write.output_intact(output_dir):
        return None
    mark_used(_record_path(output_dir))  # an archive that goes unchanged keeps its shortcut
    return recorded


def marker_stamp(marker: Path) -> Stamp | None:
    try:
        info = os.stat(marker)
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass(frozen=True, slots=True)
class Recorded:
    """What the last good build of an output folder made."""

    pages_by_kind: dict[str, int]
    files: int
    diagnostics: list[Diagnostic]


def load(output_dir: Path, marker: Path, built_from: str) -> Recorded | None:
    """The last good build of ``output_dir``, if nothing changed since."""
    try:
        record = json.loads(_record_path(output_dir).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return None  # none yet, or unreadable: the build just runs
    stamp = marker_stamp(marker)
    if (
        record.get("fingerprint") != built_from
        or stamp is None
        or record.get("marker") != list(stamp)
    ):
        return None
    diagnostics = [Diagnostic(*fields) for fields in record["diagnostics"]]
    return Recorded(dict(record["pages_by_kind"]), int(record["files"]), diagnostics)


def save(
    output_dir: Path,
    marker: Path,
    built_from: str,
    pages_by_kind: Mapping[str, int],
    files: int,
    diagnostics: list[Diagnostic],
) -> None:
    stamp = marker_stamp(marker)
    if stamp is None:
        return
    path = _record_path(output_dir)
    record = {
        "fingerprint": built_from,
        "marker": list(stamp),
        "pages_by_kind": dict(pages_by_kind),
        "files": files,
        "diagnostics": [
            [d.path, d.line, d.col, d.message, d.severity, d.hint] for d in diagnostics
        ],
    }
    try:
        replace_file(path, json.dumps(record).encode("utf-8"))
    except OSError as exc:
        # Without a record the next build only loses its shortcut; say so, but the build is good.
        print(f"note: could not save the build record in {path.parent}: {exc}", file=sys.stderr)
