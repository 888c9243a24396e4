"""Write a rendered site into a staging folder, then swap it into place.

The output folder is never half-written: a failed or killed build leaves the previous site as it
was. A marker file identifies folders this tool made, so it never clears a folder it did not make.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .render import RenderedPage

MARKER = ".site-builder"


class OutputError(Exception):
    """The output folder cannot be used (it would overwrite something that is not ours)."""


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: int
    unchanged: int


def check_output_dir(output_dir: Path) -> None:
    if output_dir.exists() and any(output_dir.iterdir()) and not (output_dir / MARKER).exists():
        raise OutputError(
            f"{output_dir}: refusing to replace a non-empty folder that site-builder did not "
            f"create (no {MARKER} file in it); choose another --output or empty it"
        )


def _same_bytes(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def write_site(
    pages: Iterable[RenderedPage], static_files: Mapping[str, Path], output_dir: Path
) -> WriteReport:
    output_dir = output_dir.resolve()
    check_output_dir(output_dir)
    staging = output_dir.with_name(f".{output_dir.name}.staging")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    written = unchanged = 0
    files: dict[str, bytes] = {p.path: p.content for p in pages}
    for name, source in static_files.items():
        files[f"static/{name}"] = source.read_bytes()
    for rel, content in files.items():
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if _same_bytes(output_dir / rel, content):
            unchanged += 1
        else:
            written += 1
    (staging / MARKER).write_text("built by site-builder; safe to delete\n", encoding="utf-8")
    _swap(staging, output_dir)
    return WriteReport(written, unchanged)


def _swap(staging: Path, output_dir: Path) -> None:
    if not output_dir.exists():
        os.replace(staging, output_dir)
        return
    old = output_dir.with_name(f".{output_dir.name}.old")
    if old.exists():
        shutil.rmtree(old)
    os.replace(output_dir, old)
    os.replace(staging, output_dir)
    shutil.rmtree(old)
