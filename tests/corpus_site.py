"""The whole corpus built as one site with no annotations, and what a reader would see wrong.

What it counts (the figures a new user meets when they drop unannotated files into a site):

- **file-name titles**: transcript pages whose H1 is the file's name, or contains ``_``;
- **markup as text**: pages that show ``<html>``, ``<pre>``, ``<title>`` or ``<body>`` as text;
- **duplicate firm pairs**: pairs of organisation pages whose names, less legal suffixes, are
  one the start of the other (``UBS`` / ``UBS Securities LLC``);
- **organisation pages**, and **podcasts without named groups** (every speaker under "Other").

``scripts/corpus_site_counts.py`` prints these counts; ``tests/test_corpus_site.py`` asserts them.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from cleanco import basename

from site_builder.incremental.builder import build

CORPUS = Path(__file__).parent / "corpus"
TRANSCRIPT_SUFFIXES = {".txt", ".md", ".vtt", ".json"}
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_MARKUP_AS_TEXT = re.compile(r"&lt;/?(html|pre|title|body)\b", re.I)


@dataclass
class Counts:
    transcripts: int = 0
    file_name_titles: list[str] = field(default_factory=list)
    markup_pages: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    duplicate_pairs: list[tuple[str, str]] = field(default_factory=list)
    unidentified_people: list[str] = field(default_factory=list)
    source_extension_urls: list[str] = field(default_factory=list)


def corpus_transcripts() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in TRANSCRIPT_SUFFIXES and not p.name.endswith(".expected.json")
    )


def make_content(content: Path, files: Iterable[Path]) -> None:
    """A content folder holding ``files`` byte for byte, with no annotations at all."""
    folder = content / "transcripts"
    folder.mkdir(parents=True)
    for path in files:
        shutil.copyfile(path, folder / path.name)


def firm_key(name: str) -> str:
    """A firm's name less legal suffixes, lower-cased: what the duplicate rule compares."""
    plain = re.sub(r",?\s*research division\s*$", "", name, flags=re.I)
    return re.sub(r"\s+", " ", basename(plain).lower()).strip(" .,")


def _begins(name: str, start: str) -> bool:
    """Whether ``start`` is the whole of ``name`` or its first words ("ubs" begins "ubs
    securities"; "citi" does not begin "citizens bank", another firm)."""
    return name == start or name.startswith(start + " ")


def duplicate_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    keyed = sorted((firm_key(n), n) for n in names)
    return [
        (a[1], b[1])
        for a, b in combinations(keyed, 2)
        if a[0] and b[0] and (_begins(a[0], b[0]) or _begins(b[0], a[0]))
    ]


def text_of(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", fragment)).strip()


def count_site(site: Path, stems: set[str]) -> Counts:
    counts = Counts()
    for page in sorted((site / "transcripts").glob("*/index.html")):
        counts.transcripts += 1
        page_html = page.read_text("utf-8")
        found = _H1.search(page_html)
        h1 = text_of(found.group(1)) if found else ""
        if h1 in stems or "_" in h1 or h1.lower() in {s.lower() for s in stems}:
            counts.file_name_titles.append(h1)
    for page in sorted(site.rglob("*.html")):
        if _MARKUP_AS_TEXT.search(page.read_text("utf-8")):
            counts.markup_pages.append(page.relative_to(site).as_posix())
    for page in sorted((site / "organizations").glob("*/index.html")):
        found = _H1.search(page.read_text("utf-8"))
        if found:
            counts.organisations.append(text_of(found.group(1)))
    counts.duplicate_pairs = duplicate_pairs(counts.organisations)
    for page in sorted((site / "people").glob("*/index.html")):
        found = _H1.search(page.read_text("utf-8"))
        if found and text_of(found.group(1)).lower().startswith("unidentified"):
            counts.unidentified_people.append(text_of(found.group(1)))
    counts.source_extension_urls = [
        p.name for p in (site / "transcripts").iterdir() if p.is_dir() and "." in p.name
    ]
    return counts


def measure(files: list[Path], workdir: Path) -> Counts:
    content, site = workdir / "content", workdir / "site"
    make_content(content, files)
    result = build(content, site, search=False, jobs=1)
    if not result.ok:
        raise SystemExit(f"the build failed: {len(result.diagnostics.errors)} errors")
    stems = {p.name for p in files} | {p.stem for p in files}
    stems |= {p.name.split(".")[0] for p in files}
    return count_site(site, stems)
