"""Every decoded character is checked: byte-order marks, control and bidirectional characters.

Content arrives from contributors and from exports of other systems. Text is decoded by its
byte-order mark when it has one (UTF-8, UTF-16 or UTF-32), and then cleaned of what no page or
feed may carry:

- NUL and the other C0 and C1 control characters (tab and line feed stay), and the noncharacters
  U+FFFE and U+FFFF: XML 1.0 forbids them, so one in a title made ``feed.xml`` unreadable, and
  HTML calls them parse errors.
- Bidirectional embedding, override and isolate characters (U+202A to U+202E, U+2066 to U+2069):
  one right-to-left override renders the rest of a name or title reversed ("Deepak Ahuja" shown
  from text that reads otherwise), and one left open reverses what follows it on the page. The
  browser's own bidirectional algorithm lays out right-to-left names correctly without them.

Each removal is a warning counted at its line, never silent.
"""

from __future__ import annotations

import re
from typing import Any

BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
SURROGATE = re.compile("[\ud800-\udfff]")
_BOTH = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")
MAX_LINES_REPORTED = 20
"""Lines reported one by one; past this, one warning counts the rest (a binary file)."""


def decode_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for data that starts with a byte-order mark, else None.

    Bytes that do not decode are replaced by U+FFFD; the caller warns when the text holds one.
    """
    for mark, encoding in BOMS:
        if data.startswith(mark):
            text = data[len(mark) :].decode(encoding, errors="replace")
            return text, "utf-8-sig" if encoding == "utf-8" else encoding
    return None


def _codes(found: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in sorted(set(found)))


def describe(found: list[str]) -> str:
    """What a removal took out, e.g. ``removed 2 control characters (U+000B)``."""
    controls = [c for c in found if CONTROL.match(c)]
    bidi = [c for c in found if BIDI.match(c)]
    parts = []
    if controls:
        s = "s" if len(controls) > 1 else ""
        parts.append(f"{len(controls)} control character{s} ({_codes(controls)})")
    if bidi:
        s = "s" if len(bidi) > 1 else ""
        parts.append(
            f"{len(bidi)} bidirectional control character{s} ({_codes(bidi)}), which would "
            "display the text around them reversed or out of order"
        )
    return "removed " + " and ".join(parts)


def clean(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` without control and bidirectional characters, and ``(line, message)`` warnings."""
    if not _BOTH.search(text):
        return text, []
    warnings: list[tuple[int, str]] = []
    lines = text.split("\n")
    bad = [i for i, line in enumerate(lines) if _BOTH.search(line)]
    for i in bad:
        found = _BOTH.findall(lines[i])
        lines[i] = _BOTH.sub("", lines[i])
        if len(warnings) < MAX_LINES_REPORTED:
            warnings.append((i + 1, describe(found)))
    if len(bad) > MAX_LINES_REPORTED:
        rest = len(bad) - MAX_LINES_REPORTED
        warnings.append((bad[MAX_LINES_REPORTED] + 1, f"and on {rest} more lines"))
    return "\n".join(lines), warnings


def clean_value(text: str) -> tuple[str, str | None]:
    """One value (a YAML or JSON string): cleaned, with what was removed, or None."""
    found = _BOTH.findall(text)
    if not found:
        return text, None
    return _BOTH.sub("", text), describe(found)


def clean_data(value: Any) -> Any:
    """Strings anywhere in loaded JSON, cleaned, and lone surrogates (``"\\ud800"``) replaced."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", _BOTH.sub("", value))
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(item) for item in value]
    return value


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids removed: the last guard of feeds."""
    return SURROGATE.sub("\ufffd", CONTROL.sub("", text))
