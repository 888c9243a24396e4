"""The file operations of the output's two trees: what the writer (:mod:`site_builder.output.write`)
does to files and folders, one step at a time, so that a kill at any moment leaves a tree either
complete or recognisably incomplete."""

from __future__ import annotations

import errno
import os
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from site_builder.output import manifest
from site_builder.output.guard import OutputError
from site_builder.output.manifest import GENERATED, Entry
from site_builder.urls import MARKER

_CANNOT_LINK = (errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV)
"""Why ``os.link`` fails where a copy will do (see :func:`link_or_copy`)."""
UNSAFE_REL = re.compile(r'[\x00-\x1f\x7f\\<>:"|?*]|(^|/)\.{0,2}(/|$)|^/')


def holds(tree: Path, rel: str, entry: Entry, listed: Mapping[str, Entry]) -> bool:
    """``tree`` already has these bytes at ``rel``: by its manifest ``listed``, and on disk."""
    if listed.get(rel) != entry:
        return False
    try:  # a str path: pathlib's joining costs more than the stat itself here
        return os.stat(f"{tree}/{rel}").st_size == entry.size  # a file deleted or cut by hand
    except FileNotFoundError:
        return False


def recover(output: Path, standby: Path, aside: Path) -> None:
    """Undo what a build killed inside the fallback exchange left behind (see atomic.py)."""
    if not aside.exists():
        return
    if not output.exists():
        os.rename(aside, output)  # killed between "live -> aside" and "standby -> live"
    elif not standby.exists():
        os.rename(aside, standby)  # killed before "aside -> standby"
    else:
        shutil.rmtree(aside)


def open_standby(standby: Path) -> dict[str, Entry]:
    """The standby's manifest; an incomplete standby (no marker) is removed, and made again
    with the first file a build writes into it (a build that fails before leaves none).

    A complete standby keeps its marker until a file in it is about to change, so a rebuild that
    changes nothing touches nothing.
    """
    have = manifest.read(standby)
    if have is None:
        if standby.exists():
            shutil.rmtree(standby)  # incomplete: left by a killed build, or not a standby at all
        return {}
    return have


def generated(
    tree: Path, wanted: Mapping[str, Entry], known: Mapping[str, str]
) -> dict[str, Entry]:
    """Manifest entries for the files ``before_swap`` added to ``tree``; ``known``: the digests
    of those it reported (only the others are read)."""
    entries: dict[str, Entry] = {}
    top = str(tree)
    for folder, _, names in os.walk(top):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        for name in names:
            rel = prefix + name
            if rel in wanted or rel == f"{MARKER}.tmp":
                continue
            if UNSAFE_REL.search(rel):
                raise OutputError(f"a file added before the swap has an unsafe name: {rel!r}")
            digest = known.get(rel)
            if digest is None:
                content = (tree / rel).read_bytes()
                entries[rel] = Entry(manifest.digest(content), len(content), GENERATED)
            else:
                entries[rel] = Entry(digest, os.stat(os.path.join(folder, name)).st_size, GENERATED)
    return entries


def clone(source: Path, target: Path) -> None:
    """A standby for the next build: ``source`` re-created in ``target`` with hard links."""
    if target.exists():
        shutil.rmtree(target)
    # The marker last, so a clone cut short by a kill is recognised as incomplete.
    shutil.copytree(
        source,
        target,
        copy_function=link_or_copy,
        ignore=lambda folder, names: [MARKER] if Path(folder) == source else [],
    )
    link_or_copy(source / MARKER, target / MARKER)


def create(target: str, content: bytes) -> None:
    with open(target, "xb") as stream:  # "x": never write into an inode the live tree shares
        stream.write(content)


def replace(target: str, make: Callable[[str], None]) -> None:
    """``make(target)``, which fails if the file exists; an older version (perhaps hard-linked
    to the live file) is unlinked first. Trying first saves a system call per new file."""
    try:
        make(target)
    except FileExistsError:
        os.unlink(target)
        make(target)


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """A hard link; a copy on file systems without them (FAT, exFAT, some network shares), and
    across file systems (a cache folder on another disk than the site)."""
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in _CANNOT_LINK:
            raise
        shutil.copyfile(source, target)
