"""Full-text search: what a transcript page tells Pagefind, and running Pagefind over a build.

Pagefind (the ``pagefind[bin]`` wheel: a native binary, no network) reads the finished HTML and
writes a static index plus its UI into ``pagefind/`` beside the pages, one bundle per shard of
the transcript pages (:mod:`site_builder.output.search_shards`: bounded memory per run, and
shards with unchanged pages reused from the cache folder). It runs on the new tree before that
tree goes live (``write.write_site(before_swap=...)``), so the published folder always holds an
index that matches its pages.

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

import functools
import importlib
import os
import subprocess
import sys
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.output import search_shards, search_stable
from site_builder.urls import SEARCH_BUNDLE


class SearchIndexError(BuildError):
    """Pagefind failed; the message holds what it printed."""


def index_site(
    folder: Path,
    digests: Mapping[str, str] | None = None,
    *,
    started: Callable[[subprocess.Popen[str]], None] | None = None,
    cache: Path | None = None,
    jobs: int = 1,
    pinned: Collection[str] = (),
) -> dict[str, str]:
    """Write the search index into ``folder/pagefind/`` from the HTML in ``folder``: one
    Pagefind bundle per shard of the transcript pages (:mod:`site_builder.output.search_shards`),
    those whose pages are unchanged taken from ``cache`` (a cache root; None keeps none), up to
    ``jobs`` Pagefind runs at once, the pages of ``pinned`` each in a shard of its own (the
    preview's, :func:`search_shards.pin`). ``digests``: the content digest of pages by path
    (:func:`site_builder.output.manifest.digest`), known to the caller that wrote them, so the
    shards' keys need not read every page again; a page missing from it is read.

    Runs the ``pagefind`` binary from the installed wheel, so it is the version pinned with
    site-builder and needs no network; then puts what Pagefind writes in a
    random order into a fixed one (:mod:`site_builder.output.search_stable`). ``started`` is
    handed each running process, for a caller that may have to stop it (the preview, when it
    stops). Returns the content digest of every file it wrote, by path relative to ``folder``.
    """

    def run(site: Path, output: Path) -> None:
        _run_pagefind(site, output, started)

    written = search_shards.index_shards(
        folder, folder / SEARCH_BUNDLE, run, cache, jobs, digests, pinned
    )
    return {f"{SEARCH_BUNDLE}/{rel}": digest for rel, digest in written.items()}


def pagefind_command() -> tuple[str, ...]:
    """Pagefind's binary, run directly, chosen as ``python -m pagefind`` chooses it:
    ``PAGEFIND_BINARY_PATH``, then the extended build's wheel (which also splits Chinese and
    Japanese words), then the standard wheel. Going through the interpreter cost each run
    0.16 s of start-up, and a build runs one per shard."""
    chosen = os.environ.get("PAGEFIND_BINARY_PATH")
    return (chosen,) if chosen else _wheel_binary()


@functools.cache
def _wheel_binary() -> tuple[str, ...]:
    for wheel in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(wheel).get_executable()
            return (str(Path(found).resolve()),)
        except (ImportError, AttributeError, OSError):
            continue
    return (sys.executable, "-m", "pagefind")  # another packaging: let it find its binary


def _run_pagefind(
    site: Path, output: Path, started: Callable[[subprocess.Popen[str]], None] | None
) -> None:
    command = [
        *pagefind_command(),
        "--site",
        str(site),
        "--output-path",
        str(output.resolve()),
    ]
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except OSError as exc:  # PAGEFIND_BINARY_PATH names nothing runnable, say
        raise SearchIndexError(f"cannot run pagefind ({command[0]}): {exc}") from exc
    with process:
        if started is not None:
            started(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        output_text = (stderr.strip() or stdout.strip())[-2000:]
        raise SearchIndexError(
            f"pagefind exited with status {process.returncode} while indexing {site}: {output_text}"
        )
    search_stable.stabilise(output)
