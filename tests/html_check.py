"""Reading built pages the way a checker would: ids, links, headings and visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr"}


@dataclass
class PageFacts:
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    """``href`` and ``src`` values, in document order."""
    headings: list[tuple[int, str]] = field(default_factory=list)
    main_text: str = ""
    lang: str | None = None
    classes: dict[str, list[str]] = field(default_factory=dict)
    """Class name -> text of each element carrying it."""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in_main = 0
        self._main_parts: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._open: list[tuple[str, list[str], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.facts.lang = a.get("lang")
        if "id" in a:
            self.facts.ids.append(a["id"])
        self.facts.links.extend(a[key] for key in ("href", "src") if key in a)
        if tag == "main":
            self._in_main += 1
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = (int(tag[1]), [])
        if tag not in _VOID:
            self._open.append((tag, a.get("class", "").split(), []))
        if self._in_main:
            self._main_parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main -= 1
        if self._heading and tag == f"h{self._heading[0]}":
            level, parts = self._heading
            self.facts.headings.append((level, " ".join("".join(parts).split())))
            self._heading = None
        while self._open:
            name, classes, parts = self._open.pop()
            text = "".join(parts)
            for cls in classes:
                self.facts.classes.setdefault(cls, []).append(text)
            if self._open:
                self._open[-1][2].append(text)
            if name == tag:
                break
        if self._in_main:
            self._main_parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._in_main:
            self._main_parts.append(data)
        if self._heading:
            self._heading[1].append(data)
        if self._open:
            self._open[-1][2].append(data)

    def close(self) -> None:
        super().close()
        self.facts.main_text = "".join(self._main_parts)


def read_page(path: Path) -> PageFacts:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.facts


def file_for(site: Path, prefix: str, url: str) -> Path | None:
    """The built file an internal URL points at, or None when the URL is not internal."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith(prefix):
        return None
    rest = unquote(parts.path[len(prefix) :])
    target = site / rest
    return target / "index.html" if rest == "" or rest.endswith("/") else target


def broken_links(site: Path, prefix: str = "/") -> list[str]:
    """Every internal link (and ``#anchor``) on every page that leads nowhere."""
    pages = {p: read_page(p) for p in site.rglob("*.html")}
    problems: list[str] = []
    for page, facts in pages.items():
        for link in facts.links:
            if link.startswith("#"):
                if link[1:] not in facts.ids:
                    problems.append(f"{page.relative_to(site)}: {link}")
                continue
            target = file_for(site, prefix, link)
            if target is None:
                if not urlsplit(link).scheme:
                    problems.append(f"{page.relative_to(site)}: {link} is outside {prefix}")
                continue
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {link} (no file)")
                continue
            fragment = urlsplit(link).fragment
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else read_page(target).ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    return problems
