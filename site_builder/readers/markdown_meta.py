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
    errors: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for front matter that is not valid YAML."""


def unescape_markdown(text: str) -> str:
    r"""``\[laughs\]`` -> ``[laughs]``: Markdown escapes, authors brackets."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def front_matter_end(lines: list[str]) -> int:
    """Index of the closing ``---`` of a YAML front matter block at the top, or -1."""
    if not lines or lines[0].strip() != "---":
        return -1
    for index in range(1, min(len(lines), 400)):
        if lines[index].strip() == "---":
            return index
    return -1


def iso_date(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    m = _ISO_DATE.search(str(value))
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
    return []


def read_front_matter(lines: list[str], end: int, meta: Metadata) -> None:
    """Fill ``meta`` from the YAML between line 0 and ``end``; YAML errors are recorded."""
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        meta.errors.append((line, f"front matter is not valid YAML: {error}".splitlines()[0]))
        return
    if not isinstance(data, dict):
        return
    if isinstance(data.get("title"), str):
        meta.title = " ".join(data["title"].split())
    for key in ("date", "publish_date", "published", "recorded"):
        if key in data and meta.date is None:
            meta.date = iso_date(data[key])
    for key in ("speakers", "speaker", "guest", "guests", "host", "hosts"):
        meta.speakers += _names(data.get(key))


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
