"""The ``parse`` JSON schema: what ``site-builder parse`` prints and the site publishes."""

from __future__ import annotations

import json
from typing import Any

import orjson

from site_builder.model import ParsedTranscript


def parsed_to_dict(parsed: ParsedTranscript) -> dict[str, Any]:
    event = parsed.event
    return {
        "title": parsed.title,
        "date": event.date,
        "format": parsed.format,
        "encoding": parsed.encoding,
        "source": parsed.source,
        "event": {
            "kind": event.kind,
            "company": event.company,
            "ticker": event.ticker,
            "exchange": event.exchange,
            "quarter": event.quarter,
            "year": event.year,
            "date": event.date,
            "time": event.time,
            "timezone": event.timezone,
        },
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "organization": p.organization,
                "group": p.group,
                "line": p.line,
                "evidence": list(p.evidence),
            }
            for p in parsed.participants
        ],
        "sections": [
            {"id": s.id, "title": s.title, "kind": s.kind, "line": s.line} for s in parsed.sections
        ],
        "turns": [
            {
                "id": t.id,
                "speaker": t.speaker,
                "label": t.label,
                "section": t.section,
                "exchange": t.exchange,
                "timestamp": t.timestamp,
                "paragraphs": list(t.paragraphs),
                # Each paragraph's start time, when merged cues gave one (else empty).
                "times": list(t.times),
                "line": t.line,
            }
            for t in parsed.turns
        ],
        "exchanges": [
            {
                "id": e.id,
                "asker": e.asker,
                "turns": list(e.turns),
                "topics": list(e.topics),
                "line": e.line,
            }
            for e in parsed.exchanges
        ],
        "warnings": [
            {"line": w.line, "kind": w.kind, "message": w.message} for w in parsed.warnings
        ],
        # Source text not shown as such (page furniture, the heading a title was tidied from).
        "left_out": list(parsed.dropped),
    }


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` plus a newline, byte for byte.

    The standard library indents in pure Python, one generator per nested value, which made
    writing a site's transcript files cost half as much as rendering their pages. Here one call
    writes a list or object with its strings and numbers (by the C encoder's pieces) in line.
    """
    out: list[str] = []
    _write(data, "\n", out)
    out.append("\n")
    return "".join(out)


def compact(data: Any) -> str:
    """:func:`compact_bytes`, as text."""
    return compact_bytes(data).decode("utf-8")


def compact_bytes(data: Any) -> bytes:
    """The published data files, UTF-8: one line, no spaces (browsers and ``jq`` lay them out).

    The bytes ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))`` writes, plus a
    newline, for everything the site publishes (strings, integers, booleans, None, lists, tuples
    and objects with string keys), written by orjson, seven times faster than the standard
    library's C encoder: a call's file cost more than its page. What orjson refuses (integers
    beyond 64 bits, keys that are not strings) goes through the standard library. Floats are
    never published; orjson would write NaN as ``null`` and ``1e16`` without the ``+``.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # orjson.JSONEncodeError is one
        return (_COMPACT.encode(data) + "\n").encode("utf-8")


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


_string = json.encoder.encode_basestring  # the C version when the accelerator is built
_float = json.encoder.JSONEncoder().iterencode  # NaN and Infinity spelled as json.dumps does
_CONSTANTS = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> str | None:
    """A string, number or constant as JSON; None for a list or an object."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return "".join(_float(value))
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):  # an int subclass (an enum) is written as its number
        return int.__repr__(value)
    if isinstance(value, float):
        return "".join(_float(value))
    return None


def _write(value: Any, newline: str, out: list[str]) -> None:
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        opening = "{" + inner
        for key, item in value.items():
            text = _scalar(item)
            if text is None:
                out.append(f"{opening}{_key(key)}: ")
                _write(item, inner, out)
            else:
                out.append(f"{opening}{_key(key)}: {text}")
            opening = "," + inner
        out.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        opening = "[" + inner
        for item in value:
            text = _scalar(item)
            if text is None:
                out.append(opening)
                _write(item, inner, out)
            else:
                out.append(opening + text)
            opening = "," + inner
        out.append(newline + "]")
    else:
        text = _scalar(value)
        if text is None:
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        out.append(text)


def _key(key: Any) -> str:
    """An object's key as json.dumps writes it: true, false, null and numbers as strings."""
    if isinstance(key, str):
        return _string(key)
    if key is None or isinstance(key, bool | int | float):
        return _string(json.dumps(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
