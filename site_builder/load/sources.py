"""Find transcript files in a content folder and decode them. No parsing happens here."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import Diagnostic, Diagnostics, reader_warning
from site_builder.load import confine, repair
from site_builder.model import SourceText
from site_builder.slugs import file_stem
from site_builder.text import safety, textcheck

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
    """The transcript's slug: its file name without its source extensions (``x.htm.txt``,
    ``x.said.txt``: a URL never keeps one), NFC-normalised, lowercased.

    NFC so that a name saved decomposed by macOS gives the same URL as the same name typed on
    Linux; lowercase so that URLs do not depend on how a file happened to be capitalised.
    """
    return unicodedata.normalize("NFC", file_stem(path.stem) or path.stem).lower()


def discover(content_dir: Path, diagnostics: Diagnostics) -> tuple[SourceFile, ...]:
    """Every transcript below ``content/transcripts``, sorted by slug, paired with its YAML.

    A file whose slug is not a safe output folder name, and every file of a group that would claim
    one URL, is reported as an error and left out, so nothing after this can write outside the
    output folder or let one transcript silently overwrite another.
    """
    folder = content_dir / TRANSCRIPTS_DIR
    inside = confine.real_roots([content_dir])
    if os.path.lexists(folder) and not confine.check(folder, inside, diagnostics):
        return ()
    if not folder.is_dir():
        diagnostics.error(
            display_path(content_dir),
            None,
            None,
            f"no '{TRANSCRIPTS_DIR}/' folder in the content folder",
            hint=f"put transcript files in {display_path(folder)}/",
        )
        return ()
    files = _files(folder, inside, diagnostics)
    transcripts = [
        p
        for p in files
        if p.suffix.lower() not in ANNOTATION_SUFFIXES and p.name not in IGNORED_NAMES
    ]
    transcripts = _safe_slugs(transcripts, diagnostics)
    # Paired by slug, not by exact name: Tesla.txt's notes may be tesla.yaml, as on macOS.
    sidecars: dict[str, list[Path]] = {}
    for path in files:
        if path.suffix.lower() in ANNOTATION_SUFFIXES:
            sidecars.setdefault(_key(path), []).append(path)
    found: list[SourceFile] = []
    for path in transcripts:
        mine = sidecars.get(_key(path), [])
        if len(mine) > 1:
            diagnostics.error(
                _shown(mine[1]),
                None,
                None,
                f"one transcript, several annotation files: {_names(mine)}",
                hint="merge them into one .yaml file",
            )
            continue
        found.append(SourceFile(slug_for(path), path, mine[0] if mine else None))
    claimed = {_key(p) for p in files if p.suffix.lower() not in ANNOTATION_SUFFIXES}
    for key, paths in sidecars.items():
        for path in paths if key not in claimed else ():
            diagnostics.error(
                _shown(path),
                1,
                1,
                "annotation file has no transcript beside it",
                hint=f"expected a transcript named {safety.printable(path.stem)}.txt "
                "(or .md, .vtt, .json)",
            )
    return tuple(sorted(found, key=lambda s: s.slug))


def _files(folder: Path, inside: tuple[Path, ...], diagnostics: Diagnostics) -> list[Path]:
    """The files of ``folder``, sorted; a link out of the content folder is reported, not read."""
    files = []
    for entry in confine.list_folder(folder, diagnostics) or ():
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink() and not confine.check(path, inside, diagnostics):
            continue
        if entry.is_file():
            files.append(path)
    return files


def _shown(path: Path) -> str:
    return safety.printable(display_path(path))


def _names(paths: list[Path]) -> str:
    return " and ".join(f"'{safety.printable(p.name)}'" for p in paths)


def _key(path: Path) -> str:
    return safety.collision_key(slug_for(path))


def _safe_slugs(transcripts: list[Path], diagnostics: Diagnostics) -> list[Path]:
    """The transcripts whose slug is a safe, unclaimed output folder name; errors for the rest."""
    rejected: set[Path] = set()
    for path in transcripts:
        problem = safety.segment_problem(slug_for(path))
        if problem is not None:
            rejected.add(path)
            diagnostics.error(
                _shown(path),
                None,
                None,
                f"file name '{safety.printable(path.name)}' cannot be a page address: {problem}",
                hint=f"rename the file; {safety.SEGMENT_HINT}",
            )
    named = [(slug_for(p), p) for p in transcripts if p not in rejected]
    for group in safety.collisions(named):
        rejected.update(group)
        first, others = group[0], group[1:]
        names = _names(list(group))
        same_stem = all(p.stem == first.stem for p in others)
        why = (
            f"{names} would both be published at /{TRANSCRIPTS_DIR}/{slug_for(first)}/"
            if same_stem
            else f"{names} differ only in letter case (or accents' encoding), so they are one "
            "file on macOS and Windows and would be published at one address"
        )
        for path in others:
            diagnostics.error(_shown(path), None, None, why, hint="rename or remove one of them")
    return [p for p in transcripts if p not in rejected]


def decode(data: bytes) -> tuple[str, str, list[Diagnostic]]:
    """Bytes to text: UTF-8 if it is valid UTF-8, else Windows-1252 (what Word and old CMSs wrote).

    Line breaks are normalised to ``\\n`` only. ``str.splitlines`` is never used on transcripts:
    it also splits on U+0085 and U+2028, which occur inside paragraphs of real files.
    """
    warnings: list[Diagnostic] = []
    if (marked := textcheck.decode_bom(data)) is not None:
        # A byte-order mark says what the file is: UTF-16 read as Windows-1252 put a NUL
        # between every two letters of the page.
        text, encoding = marked
        if "\ufffd" in text:
            why = f"bytes that are not valid {encoding} replaced by U+FFFD"
            warnings.append(reader_warning(None, why, "encoding"))
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
            warnings.append(
                reader_warning(
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
    # After repair, which reads C1 characters as the Windows-1252 marks they stood for.
    text, removed = textcheck.clean(text)
    checked = tuple(reader_warning(line, message, "encoding") for line, message in removed)
    return SourceText(
        display_path(path), text, encoding, tuple(warnings) + tuple(repairs) + checked
    )
