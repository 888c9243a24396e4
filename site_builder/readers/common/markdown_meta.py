"""Metadata in Markdown transcripts: YAML front matter, `# Title`, `**Date:** 2025-07-23` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

_HEADER_FIELD = re.compile(r"^\*\*(?P<key>[A-Za-z ]{2,20}):\*\*\s*(?P<value>.*)$")
_ISO_DATE = re.compile(r"(\d{4})[-_ /.](\d{2})[-_ /.](\d{2})")
_QUARTER = re.compile(r"\b(Q[1-4]|FY)\s*(\d{4})\b")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


@dataclass
class Metadata:
    """What front matter and header lines say; every field optional."""

    title: str | None = None
    date: str | None = None
    company: str | None = None
    ticker: str | None = None
    quarter: str | None = None
    year: int | None = None
    speakers: list[str] = field(default_factory=list)
    """Names listed as speakers, guests or hosts: corroborate labels, name a lone speaker."""
    guests: list[str] = field(default_factory=list)
    """Names listed as guests (a podcast's, as opposed to its hosts)."""
    errors: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for front matter that is not valid YAML."""


def unescape_markdown(text: str) -> str:
    r"""``\[laughs\]`` -> ``[laughs]``: Markdown escapes, authors brackets."""
    if "\\" not in text:  # most text escapes nothing, and a substitution is slow to find that out
        return text
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def front_matter_end(lines: list[str]) -> int:
    """Index of the closing ``---`` of a YAML front matter block at the top, or -1."""
    if not lines or lines[0].strip() != "---":
        return -1
    for index in range(1, min(len(lines), 400)):
        if lines[index].strip() == "---":
            return index
    return -1


# Front matter is a few lines of metadata; past these bounds it is kept as text but not read, so
# a hostile block cannot make parsing slow (PyYAML reads about a megabyte a second) or recurse
# past Python's stack (its composer recurses once per nesting level).
MAX_FRONT_MATTER_CHARS = 64_000
MAX_FRONT_MATTER_DEPTH = 20
_YAML_STR = "tag:yaml.org,2002:str"
_YAML_INT = "tag:yaml.org,2002:int"
_YAML_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def iso_date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    m = _ISO_DATE.search(str(value))
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _text(node: yaml.Node | None, *tags: str) -> str | None:
    """A scalar's text as written when its resolved tag is one of ``tags``; None otherwise."""
    if isinstance(node, yaml.ScalarNode) and node.tag in tags and node.value.strip():
        return node.value.strip()
    return None


def _names(node: yaml.Node | None) -> list[str]:
    if isinstance(node, yaml.SequenceNode):
        items = (_text(item, _YAML_STR, _YAML_INT) for item in node.value)
        return [item for item in items if item]
    name = _text(node, _YAML_STR)
    return [name] if name else []


def _too_deep(block: str) -> yaml.Mark | None:
    """Where the block first nests past MAX_FRONT_MATTER_DEPTH (events come without recursion)."""
    depth = 0
    for event in yaml.parse(block, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                return event.start_mark  # type: ignore[return-value]  # libyaml's Mark
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _compose(block: str, meta: Metadata) -> yaml.Node | None:
    """The block's node graph, never constructed into Python objects (no tag can run code, no
    alias is expanded, no 5000-digit number is converted); None after recording why not."""
    if len(block) > MAX_FRONT_MATTER_CHARS:
        meta.errors.append(
            (
                2,
                f"front matter longer than {MAX_FRONT_MATTER_CHARS} characters "
                "is kept as text but not read as metadata",
            )
        )
        return None
    try:
        deep = _too_deep(block)
        if deep is not None:
            meta.errors.append(
                (
                    deep.line + 2,
                    f"front matter nested more than "
                    f"{MAX_FRONT_MATTER_DEPTH} levels deep is not read",
                )
            )
            return None
        return yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        meta.errors.append((line, f"front matter is not valid YAML: {error}".splitlines()[0]))
        return None


def read_front_matter(lines: list[str], end: int, meta: Metadata) -> None:
    """Fill ``meta`` from the YAML between line 0 and ``end``; YAML errors are recorded."""
    root = _compose("\n".join(lines[1:end]), meta)
    if not isinstance(root, yaml.MappingNode):
        return
    # A key given twice: the last one wins, as in every YAML loader.
    data = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    title = _text(data.get("title"), _YAML_STR)
    if title is not None:
        meta.title = " ".join(title.split())
    for key in ("date", "publish_date", "published", "recorded"):
        when = _text(data.get(key), _YAML_STR, _YAML_TIMESTAMP)
        if when is not None and meta.date is None:
            meta.date = iso_date(when)
    for key in ("speakers", "speaker", "guest", "guests", "host", "hosts"):
        meta.speakers += _names(data.get(key))
    meta.guests += _names(data.get("guest")) + _names(data.get("guests"))


def read_header_field(line: str, meta: Metadata) -> bool:
    """``**Date:** 2025-07-23`` style header lines; True when the line was one."""
    m = _HEADER_FIELD.match(line.strip())
    if not m:
        return False
    key, value = m.group("key").strip().lower(), m.group("value").strip()
    if key == "date":
        meta.date = iso_date(value) or meta.date
    elif key in {"company", "ticker", "symbol"}:
        if re.fullmatch(r"[A-Z.]{1,6}", value):
            meta.ticker = value
        else:
            meta.company = value
    elif key == "quarter":
        q = _QUARTER.search(value)
        if q:
            meta.quarter, meta.year = q.group(1), int(q.group(2))
    elif key == "title":
        meta.title = value or meta.title
    else:
        return False
    return True


def date_from_name(path: str) -> str | None:
    return iso_date(path) if _ISO_DATE.search(path) else None
