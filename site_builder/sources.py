"""Find transcript files in a content folder and decode them. No parsing happens here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import repair
from .errors import Diagnostics
from .model import ParseWarning, SourceText

TRANSCRIPTS_DIR = "transcripts"
ANNOTATION_SUFFIXES = (".yaml", ".yml")
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "SOURCES.tsv", "README.md"}


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A transcript file and its sidecar annotation file, if there is one."""

    slug: str
    path: Path
    annotation_path: Path | None


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def slug_for(path: Path) -> str:
    return path.stem.lower()


def discover(content_dir: Path, diagnostics: Diagnostics) -> tuple[SourceFile, ...]:
    """Every transcript below ``content/transcripts``, sorted by slug, paired with its YAML."""
    folder = content_dir / TRANSCRIPTS_DIR
    if not folder.is_dir():
        diagnostics.error(
            display_path(content_dir),
            None,
            None,
            f"no '{TRANSCRIPTS_DIR}/' folder in the content folder",
            hint=f"put transcript files in {display_path(folder)}/",
        )
        return ()
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    transcripts = [
        p
        for p in files
        if p.suffix.lower() not in ANNOTATION_SUFFIXES and p.name not in IGNORED_NAMES
    ]
    found: list[SourceFile] = []
    for path in transcripts:
        sidecar = next(
            (path.with_suffix(s) for s in ANNOTATION_SUFFIXES if path.with_suffix(s).is_file()),
            None,
        )
        found.append(SourceFile(slug_for(path), path, sidecar))
    stems = {slug_for(p) for p in transcripts}
    for path in files:
        if path.suffix.lower() in ANNOTATION_SUFFIXES and slug_for(path) not in stems:
            diagnostics.error(
                display_path(path),
                1,
                1,
                "annotation file has no transcript beside it",
                hint=f"expected a transcript named {path.stem}.txt (or .md, .vtt, .json)",
            )
    return tuple(sorted(found, key=lambda s: s.slug))


def decode(data: bytes) -> tuple[str, str, list[ParseWarning]]:
    """Bytes to text: UTF-8 if it is valid UTF-8, else Windows-1252 (what Word and old CMSs wrote).

    Line breaks are normalised to ``\\n`` only. ``str.splitlines`` is never used on transcripts:
    it also splits on U+0085 and U+2028, which occur inside paragraphs of real files.
    """
    warnings: list[ParseWarning] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
            warnings.append(
                ParseWarning(
                    None,
                    f"not valid UTF-8 (first bad byte at offset {exc.start}); read as Windows-1252",
                    "encoding",
                )
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, warnings


def read_source(path: Path) -> SourceText:
    """Read, decode and repair one transcript file."""
    text, encoding, warnings = decode(path.read_bytes())
    text, repairs = repair.repair_text(text)
    return SourceText(display_path(path), text, encoding, tuple(warnings) + tuple(repairs))
