"""Names that come from content and become file or folder names in the output.

A transcript's slug comes from its file name; person, organisation and topic ids come from YAML.
Each becomes one path segment below the output folder (``people/<id>/index.html``), so each must
be a single, portable segment: it may not climb out of the folder (``..``), be absolute, hold a
separator, or mean something else on another system (``CON`` is a device on Windows; ``Tesla``
and ``tesla`` are one folder on macOS and Windows). The site is often built on Linux and copied
or served from those systems, so the rules are the strictest of the three.

Call :func:`segment_problem` for each id and report its message as a diagnostic at the id's
source location; call :func:`collisions` over all ids of one kind to find pairs that would land in
one folder on a case-insensitive file system.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable
from typing import TypeVar

Source = TypeVar("Source", bound=Hashable)

# Device names Windows reserves in every folder, with or without an extension (``con.html``).
WINDOWS_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$"}
)
# Characters Windows forbids in a file name; ``/`` and ``\`` are also separators.
WINDOWS_FORBIDDEN = frozenset('<>:"|?*/\\')
MAX_SEGMENT_BYTES = 200
"""Below the 255-byte limit of ext4, APFS and NTFS, leaving room for a suffix added later."""

SEGMENT_HINT = "use lowercase letters, digits and hyphens, e.g. 'tesla-2012-q2'"


def segment_problem(name: str) -> str | None:
    """Why ``name`` cannot be one output path segment, or None when it is safe.

    The message completes "... is not a safe name: <message>" and names the offending character or
    word, so it can be shown as is. ``name`` is the id as the user wrote it (after any lowercasing
    the caller does), not yet URL-quoted.
    """
    if not name or not name.strip():
        return "it is empty"
    if name in (".", ".."):
        return f"'{name}' means a folder itself or its parent and would escape the output folder"
    for char in name:
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or char == "\x00":
            return f"it contains the control or invisible character U+{ord(char):04X}"
        if char in WINDOWS_FORBIDDEN:
            what = "a path separator" if char in "/\\" else "a character Windows forbids in names"
            return f"it contains '{char}', {what}"
    if name.startswith("."):
        return "it starts with '.', which hides the page from web servers and file browsers"
    if name != name.rstrip(". "):
        return "it ends with a dot or a space, which Windows strips from file names"
    if name != name.lstrip():
        return "it starts with a space"
    if name.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_DEVICE_NAMES:
        return f"'{name.split('.', 1)[0]}' is a reserved device name on Windows"
    if len(name.encode("utf-8")) > MAX_SEGMENT_BYTES:
        return f"it is longer than {MAX_SEGMENT_BYTES} bytes"
    return None


def collision_key(name: str) -> str:
    """The key two names share when a case-insensitive, normalising file system sees one name.

    macOS stores ``é`` decomposed and Windows and macOS ignore case, so ``Société`` (composed),
    ``société`` (decomposed) and ``SOCIÉTÉ`` are one folder there.
    """
    return unicodedata.normalize("NFC", name).casefold()


def collisions(named: Iterable[tuple[str, Source]]) -> list[tuple[Source, ...]]:
    """Groups of two or more sources whose names share a :func:`collision_key`, in input order.

    ``named`` pairs each name with what to report it by (a path, a YAML location...). Exact
    duplicates count too: two sources claiming one name is the same mistake.
    """
    groups: dict[str, list[Source]] = {}
    for name, source in named:
        groups.setdefault(collision_key(name), []).append(source)
    return [tuple(group) for group in groups.values() if len(group) > 1]


def printable(text: str) -> str:
    """``text`` with control and invisible characters shown as ``\\uXXXX``, for messages.

    A file name holding a newline or an escape sequence must not break a ``path:line:col`` line
    or repaint the user's terminal when it is printed in a diagnostic.
    """
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in text
    )
