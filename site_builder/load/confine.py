"""Content is read only from inside the content folder (and the installed theme).

A site is typically built by CI from a repository that anyone may send a pull request to, and git
keeps symbolic links: ``transcripts/x.txt -> /etc/passwd`` or ``static -> /etc`` would publish
files of the build machine. Every path the build reads is resolved here first; a path whose real
location leaves the allowed folders is an error (``path: error: ... links outside the content
folder``) and is never opened. Links that stay inside are followed, as Hugo and Zola do. Link
loops, dangling links and folders that cannot be listed are diagnostics, never tracebacks.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from site_builder.errors import Diagnostics
from site_builder.text.safety import printable

OUTSIDE = "links outside the content folder"
OUTSIDE_HINT = "copy the file into the content folder instead of linking to it"


def shown(path: Path) -> str:
    """The path as a user would type it (relative to the working directory), printable."""
    try:
        return printable(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return printable(str(path))


def real_roots(roots: Iterable[Path]) -> tuple[Path, ...]:
    return tuple(Path(os.path.realpath(root)) for root in roots)


def problem(path: Path, roots: tuple[Path, ...]) -> str | None:
    """Why ``path`` may not be read as content, or None. ``roots``: from :func:`real_roots`."""
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "is a symbolic link to nothing"
        return f"cannot be read: {exc.strerror}"
    if not any(real.is_relative_to(root) for root in roots):
        return f"{OUTSIDE} (to {printable(str(real))})"
    return None


def check(path: Path, roots: tuple[Path, ...], diagnostics: Diagnostics) -> bool:
    """Whether ``path`` may be read; reports why not at its path."""
    why = problem(path, roots)
    if why is None:
        return True
    diagnostics.error(shown(path), None, None, why, OUTSIDE_HINT if OUTSIDE in why else None)
    return False


def readable_file(path: Path, root: Path, diagnostics: Diagnostics) -> bool:
    """Whether the optional file ``path`` exists, stays below ``root`` and is a file.

    A missing file is quietly False (these files are optional); anything else that cannot be
    read is reported.
    """
    if not os.path.lexists(path):
        return False
    if not check(path, real_roots([root]), diagnostics):
        return False
    if not path.is_file():
        diagnostics.error(shown(path), None, None, "is not a file")
        return False
    return True


def list_folder(folder: Path, diagnostics: Diagnostics) -> list[os.DirEntry[str]] | None:
    """The entries of ``folder`` sorted by name, or None (reported) when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        diagnostics.error(shown(folder), None, None, f"cannot read this folder: {exc.strerror}")
        return None


def files_below(folder: Path, roots: tuple[Path, ...], diagnostics: Diagnostics) -> dict[str, Path]:
    """Every file below ``folder`` by its ``/``-separated relative path, hidden names skipped.

    Links are followed while they stay below ``roots``; a link that leaves them, dangles or
    loops, and a folder reached twice (``loop -> ..``), is reported and skipped.
    """
    found: dict[str, Path] = {}
    visited = {os.path.realpath(folder)}
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop()
        for entry in list_folder(current, diagnostics) or ():
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not check(path, roots, diagnostics):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                # A link to the folder holding it, or to one above, would be read forever.
                if real in visited or Path(os.path.realpath(current)).is_relative_to(real):
                    diagnostics.warning(
                        shown(path), None, None, "links to a folder already read (a loop); skipped"
                    )
                    continue
                visited.add(real)
                pending.append((path, f"{prefix}{entry.name}/"))
            elif entry.is_file():
                found[f"{prefix}{entry.name}"] = path
    return dict(sorted(found.items()))
