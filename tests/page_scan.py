"""Reading a built page the way a browser's parser would, to find markup the site did not write.

Python's ``html.parser`` tokenises like a browser for what matters here: it ends a ``<script>``
at ``</script``, decodes entities in text and attributes, and reports every attribute of every
element. A hostile string that escaped its escaping shows up as an element, an attribute or a
script that no template wrote.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# Schemes that run code or smuggle a document when a link or resource is followed.
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)
# Browsers drop ASCII tab/newline anywhere in a URL and trim control characters and spaces
# before reading its scheme, so "java\tscript:" is javascript:.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "ping"}
)
# Elements no template writes; one on a page came from the content.
FOREIGN_ELEMENTS = frozenset(
    {"img", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "math"}
)
_HIDDEN_TEXT = frozenset({"script", "style", "title", "template"})
# Tags that sit inside a line of text: no word break at their edges, as a browser shows them.
_INLINE = frozenset(
    {"a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "mark", "q", "small", "span"}
    | {"strong", "sub", "sup", "time"}
)


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...]
    line: int

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


@dataclass
class ScannedPage:
    elements: list[Element] = field(default_factory=list)
    scripts: list[tuple[Element, str]] = field(default_factory=list)
    """Every ``<script>`` with the text inside it."""
    text: str = ""
    """What a reader sees: text outside scripts, styles and the title, entities decoded."""
    title: str = ""


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ScannedPage()
        self._text: list[str] = []
        self._title: list[str] = []
        self._open: list[str] = []
        self._script: tuple[Element, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, tuple((k, v or "") for k, v in attrs), self.getpos()[0])
        self.page.elements.append(element)
        if tag == "script":
            self._script = (element, [])
        if tag in _HIDDEN_TEXT:
            self._open.append(tag)
        if tag not in _INLINE:
            self._text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            element, parts = self._script
            self.page.scripts.append((element, "".join(parts)))
            self._script = None
        if self._open and self._open[-1] == tag:
            self._open.pop()
            if tag == "title" and not self.page.title:
                self.page.title = " ".join("".join(self._title).split())
        if tag not in _INLINE:
            self._text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
        elif self._open and self._open[-1] == "title":
            # The document's <title> comes first; later ones title the charts' SVGs.
            if not self.page.title:
                self._title.append(data)
        elif not self._open:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


def scan(html: str) -> ScannedPage:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.page


def dangerous_url(value: str) -> bool:
    return bool(_DANGEROUS_SCHEME.match(_URL_NOISE.sub("", value)))


def foreign_markup(page: ScannedPage, own_script_prefixes: tuple[str, ...]) -> list[str]:
    """Everything on the page that the site's templates never write, described for a message:
    event-handler attributes, ``javascript:``/``data:`` URLs, foreign elements, and scripts
    other than the site's own files and JSON-LD data that parses as JSON."""
    found: list[str] = []
    for e in page.elements:
        where = f"line {e.line}: <{e.tag}>"
        found += [f"{where} has {k}={v!r}" for k, v in e.attrs if k.startswith("on")]
        found += [
            f"{where} has {k}={v!r}" for k, v in e.attrs if k in URL_ATTRIBUTES and dangerous_url(v)
        ]
        if e.tag in FOREIGN_ELEMENTS:
            found.append(f"{where} {e.attrs!r}")
        if e.tag == "svg" and "chart" not in (e.get("class") or "").split():
            found.append(f"{where} is not one of the site's charts: {e.attrs!r}")
        if e.tag == "meta" and (e.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where} redirects: {e.attrs!r}")
    for element, body in page.scripts:
        kind = element.get("type")
        src = element.get("src")
        if kind == "application/ld+json" and src is None:
            try:
                json.loads(body)
            except ValueError as exc:
                found.append(f"line {element.line}: JSON-LD does not parse ({exc}): {body[:200]}")
        elif src is None or body.strip() or not src.startswith(own_script_prefixes):
            found.append(f"line {element.line}: script {element.attrs!r} {body[:200]!r}")
    return found


def json_ld(page: ScannedPage) -> list[Any]:
    """The decoded JSON-LD blocks of the page."""
    return [
        json.loads(body)
        for element, body in page.scripts
        if element.get("type") == "application/ld+json"
    ]


def strings_in(data: Any) -> list[str]:
    """Every string value in decoded JSON, depth first."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings_in(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings_in(value)]
    return []
