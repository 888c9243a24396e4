"""The preview's search index, refreshed in the background after the browser has reloaded.

Pagefind reads every page of the site, so indexing inside each rebuild (as ``site-builder build``
does, before its swap) tripled the time from a save to the reloaded page. The preview rebuilds
without it, reloads the browser, and then this thread indexes the pages that are being served:

1. Under the output folder's lock (the one the writer holds while it swaps trees), hard-link the
   served tree's transcript pages into a fresh *generation* folder beside the output. Files in
   the output are never rewritten in place, so the links are a consistent copy of one build,
   taken in milliseconds, and no later rebuild can change them.
2. Run Pagefind on that copy at a lower CPU priority, so a rebuild started by the next save keeps
   the cores.
3. Point the server at the new generation in one assignment; ``/pagefind/...`` is served from it.
   The generation before stays on disk a while longer for requests already reading it.

The index is thus a moment behind the pages, never half-written, and its arrival causes no second
reload. A save made while Pagefind runs simply queues one more indexing pass after it.

Shards whose pages did not change come from the cache, so a pass re-indexes the edited call's
shard of dozens of calls (about 2 s at 1,000 calls). An editor saves the same call again and
again, so the calls a pass finds changed are *pinned*: indexed each in a shard of its own for the
rest of the session (:func:`site_builder.output.search_shards.pin`). The first save of a call
re-indexes its shard without it, and every later save of it re-indexes that one page.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import traceback
from pathlib import Path

from site_builder.cache_dir import cache_root
from site_builder.output import atomic, manifest, search, search_shards
from site_builder.urls import MARKER, SEARCH_BUNDLE

WORK_MARKER = ".site-builder-preview-search"
"""Marks the work folder as ours, so a later server may delete what a killed one left behind."""
WORK_MARKER_TEXT = "site-builder serve: search index generations\n"
NICENESS = 10
PINNED_AT_MOST = 8
"""Calls kept in shards of their own, the most recently changed: each is one more shard that
the search page merges."""
CHANGED_AT_MOST = 4
"""A pass that finds more pages changed pins none of them: an edit to the site's annotations,
not to a call."""


def work_folder(output_dir: Path) -> Path:
    """Where generations live: beside the output (one file system, so hard links work)."""
    return output_dir.with_name(f".{output_dir.name}.site-builder-search")


def _served_stamp(output_dir: Path) -> tuple[int, int] | None:
    """Identifies the served tree: its marker file is replaced by every swap."""
    try:
        info = os.stat(output_dir / MARKER)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns)


def _link_pages(tree: Path, target: Path) -> list[str]:
    """Hard-link the pages search indexes (the transcripts') of ``tree`` into ``target``, and
    name them. Done under the output's lock, so only those: linking every page of the site took
    0.3-0.45 s at 1,000 calls, for pages Pagefind never reads."""
    pages = search_shards.pages_to_index(tree)
    search_shards.link_files(tree, pages, target)
    return pages


def _lower_priority() -> None:
    """Lower this thread's priority; Pagefind, started from it, inherits that.

    On Linux a thread has its own nice value, so the rebuild thread and the HTTP loop keep theirs.
    Elsewhere ``setpriority`` would apply to the whole server, so there we leave it alone.
    """
    if sys.platform.startswith("linux"):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)


class SearchRefresher:
    """Keeps an up-to-date Pagefind index of the served site, one step behind each rebuild."""

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir.resolve()
        self.work = work_folder(self.output_dir)
        self.generations = 0
        """Indexes published so far."""
        self.error: str | None = None
        """Why the last indexing failed, until one succeeds."""
        self._current: Path | None = None
        self._previous: Path | None = None
        self._indexed: tuple[int, int] | None = None
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._pagefind: subprocess.Popen[str] | None = None
        """The Pagefind run going on, if any: stopped with the server, not left to finish."""
        self.pinned: list[str] = []
        """Pages indexed in shards of their own, the most recently changed last."""
        self._pages: dict[str, str | None] | None = None
        """Each page of the last index, with its digest."""

    def bundle(self) -> Path | None:
        """The folder the server answers ``/pagefind/...`` from; None until the first index."""
        current = self._current
        return current / SEARCH_BUNDLE if current is not None else None

    def refresh(self) -> None:
        """Ask for the served site to be indexed (again); returns at once."""
        self._wanted.set()

    def start(self) -> threading.Thread:
        _clear_work_folder(self.work)
        self.work.mkdir(parents=True)
        (self.work / WORK_MARKER).write_text(WORK_MARKER_TEXT)
        thread = threading.Thread(target=self._run, name="site-builder-search", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """End the thread, stop a Pagefind run still going, and delete the generations."""
        self._stop.set()
        self._wanted.set()
        running = self._pagefind
        if running is not None and running.poll() is None:
            running.terminate()
            try:
                running.wait(5)
            except subprocess.TimeoutExpired:
                running.kill()
                running.wait()
        if (self.work / WORK_MARKER).is_file():
            self._current = self._previous = None
            _remove_work_folder(self.work)

    def _run(self) -> None:
        _lower_priority()
        while True:
            self._wanted.wait()
            if self._stop.is_set():
                return
            self._wanted.clear()
            try:
                self.index_once()
            except Exception as exc:  # a bug here must not end search for the whole session
                self.error = f"{type(exc).__name__}: {exc}"
                print("warning: search indexing failed:", file=sys.stderr)
                traceback.print_exc()

    def _started(self, process: subprocess.Popen[str]) -> None:
        self._pagefind = process
        if self._stop.is_set():  # stopped while it was starting: stop() did not see it
            process.terminate()

    def index_once(self) -> bool:
        """Index the served tree unless it is the one indexed last; True when it published one."""
        if _served_stamp(self.output_dir) in (None, self._indexed):
            return False
        generation = self.work / str(self.generations + 1)
        try:
            if generation.exists():
                shutil.rmtree(generation)  # left by a failed attempt
            with atomic.locked(self.output_dir.parent):  # no swap while we copy
                stamp = _served_stamp(self.output_dir)
                linked = _link_pages(self.output_dir, generation)
                served = manifest.read(self.output_dir) or {}
            # Shards whose pages did not change come from the cache: an edit re-indexes one.
            # The served tree's manifest gives each page's digest, so no page is read again.
            digests = {rel: entry.digest for rel, entry in served.items()}
            pages = {rel: digests.get(rel) for rel in linked}
            pinned = self._pin(pages)
            search.index_site(
                generation, digests, started=self._started, cache=cache_root(), pinned=pinned
            )
        except (search.SearchIndexError, OSError) as exc:
            if self._stop.is_set():
                return False  # stopped with the server: no index wanted any more
            # Reported, not raised: the pages are served and fine; only search lags behind.
            self.error = str(exc)
            print(f"warning: search index not refreshed: {exc}", file=sys.stderr, flush=True)
            _remove(generation)
            return False
        older, self._previous, self._current = self._previous, self._current, generation
        self._indexed, self._pages, self.pinned = stamp, pages, pinned
        self.error = None
        self.generations += 1
        if older is not None:
            _remove(older)
        return True

    def _pin(self, pages: dict[str, str | None]) -> list[str]:
        """The pages to index in shards of their own this pass: those pinned before that are
        still there, and those changed since the last index (see the module's docstring)."""
        pinned = [rel for rel in self.pinned if rel in pages]
        if self._pages is None:  # the first index: nothing was edited yet
            return pinned
        changed = [rel for rel, digest in pages.items() if self._pages.get(rel) != digest]
        if len(changed) > CHANGED_AT_MOST:
            return pinned
        pinned = [rel for rel in pinned if rel not in changed] + changed
        return pinned[-PINNED_AT_MOST:]


def _remove(folder: Path) -> None:
    """Delete a generation; a failure costs disk space, not correctness, so it is only reported."""
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        print(f"warning: could not remove {folder}: {exc}", file=sys.stderr, flush=True)


def _remove_work_folder(work: Path) -> None:
    """The generations first, the marker and the folder last: when something still writes
    there meanwhile (a Pagefind run that did not stop in time), the marker stays, and the next
    server clears the folder instead of refusing it."""
    for entry in os.scandir(work):
        if entry.name != WORK_MARKER:
            _remove(Path(entry.path))
    try:
        (work / WORK_MARKER).unlink()
        work.rmdir()
    except OSError:  # written to meanwhile: marked ours again for the next server
        with contextlib.suppress(OSError):
            (work / WORK_MARKER).write_text(WORK_MARKER_TEXT)


def _clear_work_folder(work: Path) -> None:
    """Remove the generations a previous server left; refuse a folder that is not ours.

    Ours: it holds the marker, or nothing but numbered generation folders (what a Pagefind run
    whose server was killed wrote after the server had removed the rest)."""
    if not work.exists():
        return
    entries = os.listdir(work)
    leftovers = bool(entries) and all(name.isdigit() for name in entries)
    if not (work / WORK_MARKER).is_file() and not leftovers:
        raise FileExistsError(
            f"{work} exists and was not made by site-builder serve; move it away to serve here"
        )
    shutil.rmtree(work)
