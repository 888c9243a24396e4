"""Files in the output folder that the build does not own.

A build exchanges the output folder with a standby copy (:mod:`site_builder.output.write`), so a
file a
user put into the output by hand (a ``CNAME`` for GitHub Pages, a ``.git`` folder to push from)
used to live in one of the two trees only and reappear on every other build: a deploy on an odd
build dropped the custom domain. Now there is one rule, the same on every build:

- A path listed under ``keep:`` in ``site.yaml`` (by default ``CNAME``, ``.nojekyll``,
  ``.well-known`` and ``.git``) stays in the output folder as it is: it is moved into each new
  output just before that output goes live, and the build never writes or reads it.
- Any other file the build did not write is removed from the output by the next build that
  changes the site. Files meant to be published belong in ``static/``. (The preview, whose
  rebuilds must stay quick, sweeps the whole folder on its first build and only the top of it on
  later ones.)
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection, Iterable
from pathlib import Path

from site_builder.model import SiteConfig
from site_builder.urls import MARKER

DEFAULT_KEEP = SiteConfig().keep


def kept(rel: str, keep: Iterable[str]) -> bool:
    """Whether the output path ``rel`` is, or is inside, a kept path."""
    return any(rel == name or rel.startswith(name + "/") for name in keep)


def carry(live: Path, standby: Path, keep: Iterable[str]) -> None:
    """Move every kept path of ``live`` to the same place in ``standby`` (replacing whatever
    the standby held there), so the exchange that follows leaves them where they were."""
    for name in keep:
        target = standby / name
        _delete(target)
        source = live / name
        if os.path.lexists(source):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(source, target)


def sweep(
    tree: Path, owned: Collection[str], listed: Iterable[str], keep: Iterable[str], *, deep: bool
) -> None:
    """Remove from ``tree`` what the build no longer writes (``listed`` by its manifest but not
    ``owned`` now) and what it never wrote: in every folder when ``deep``, else at the top."""
    if deep:
        remove_unowned(tree, owned, keep)
        return
    for rel in sorted(set(listed) - set(owned)):
        _remove(tree, rel)
    remove_unowned_top(tree, owned, keep)


def _remove(tree: Path, rel: str) -> None:
    """Unlink one file and the folders it leaves empty."""
    (tree / rel).unlink(missing_ok=True)
    folder = (tree / rel).parent
    while folder != tree and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove_unowned(tree: Path, owned: Collection[str], keep: Iterable[str]) -> None:
    """Delete every file below ``tree`` that is neither ``owned`` nor kept, and the folders
    that leaves empty. Kept folders are not entered (a ``.git`` may hold thousands of files)."""
    names = tuple(keep)
    folders = []
    for folder, dirs, files in os.walk(tree):
        rel_folder = os.path.relpath(folder, tree).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        dirs[:] = [d for d in dirs if not kept(prefix + d, names)]
        folders.append(folder)
        for name in files:
            rel = prefix + name
            if rel not in owned and rel != MARKER and not kept(rel, names):
                os.unlink(os.path.join(folder, name))
    for folder in reversed(folders[1:]):  # deepest first; never the tree itself
        if not os.listdir(folder):
            os.rmdir(folder)


def remove_unowned_top(tree: Path, owned: Collection[str], keep: Iterable[str]) -> None:
    """:func:`remove_unowned` for the top of ``tree`` only: one folder listing instead of one
    per folder of the site, for the preview's rebuilds (an edit's rebuild takes a tenth of a
    second; listing every folder of a large site would add half as much again)."""
    names = tuple(keep)
    tops = {rel.split("/", 1)[0] for rel in owned} | {MARKER}
    with os.scandir(tree) as entries:
        for entry in entries:
            if entry.name not in tops and not kept(entry.name, names):
                _delete(Path(entry.path))


def drop(tree: Path, keep: Iterable[str]) -> None:
    """Remove the kept paths from ``tree`` (a standby cloned from the output holds copies)."""
    for name in keep:
        _delete(tree / name)


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
