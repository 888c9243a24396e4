"""Full-text search: what a transcript page tells Pagefind, and running Pagefind over a build.

Pagefind (the ``pagefind[bin]`` wheel: a native binary, no network) reads the finished HTML and
writes a static index plus its UI into ``pagefind/`` beside the pages. It runs on the new tree
before that tree goes live (``write.write_site(before_swap=...)``), so the published folder
always holds an index that matches its pages.

What the templates mark up, and why:

- ``data-pagefind-body`` on transcript pages only. Person, topic and organisation pages repeat
  words from the transcripts; indexing them too would show every remark two or three times.
- Pagefind makes a sub-result for every *heading* that carries an ``id``; so the question and
  turn headings carry the anchors (``#q03``, ``#t042``) and a hit links to the remark itself.
- Filters (speaker, organisation, company, quarter, topic; :mod:`site_builder.views.search`)
  belong to the whole page: Pagefind
  has no per-section filters, so "speaker: Elon Musk" finds the calls he spoke on, and the
  sub-results then point at the matching turns.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.output import search_stable
from site_builder.urls import SEARCH_BUNDLE


class SearchIndexError(BuildError):
    """Pagefind failed; the message holds what it printed."""


def index_site(
    folder: Path, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> None:
    """Write Pagefind's index and UI into ``folder/pagefind/`` from the HTML in ``folder``.

    Runs the ``pagefind`` binary from the installed wheel with this interpreter, so it is the
    version pinned with site-builder and needs no network; then puts what Pagefind writes in a
    random order into a fixed one (:mod:`site_builder.output.search_stable`). ``started`` is handed
    the running process, for a caller that may have to stop it (the preview, when it stops).
    """
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(folder),
        "--output-subdir",
        SEARCH_BUNDLE,
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        if started is not None:
            started(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        output = (stderr.strip() or stdout.strip())[-2000:]
        raise SearchIndexError(
            f"pagefind exited with status {process.returncode} while indexing {folder}: {output}"
        )
    search_stable.stabilise(folder / SEARCH_BUNDLE)
