"""Write a rendered site so the output folder is never half-written, and only changed files change.

Two trees live side by side: the output folder (``_site``, what the web server serves) and a
hidden *standby* beside it (``._site.site-builder-standby``), which holds the previous version of
the site. A build brings the standby up to date, writing only the files whose bytes differ, then
exchanges the two folders in one atomic step (:mod:`site_builder.output.atomic`). The old site
becomes
the next standby, so an edit costs work in proportion to what changed, not to the site's size.

- Each tree carries a manifest in its marker file (``.site-builder``): content digest, size and
  path of every file. A build hashes the rendered bytes and compares them with the manifest, so a
  rebuild where nothing changed writes no file and swaps nothing.
- Unchanged files in the standby are hard links to the live files. No file in either tree is
  ever opened for writing after it was first written: a changed file is unlinked and written
  anew, so writing the standby can never alter a page being served.
- The standby's marker is deleted before it is touched and written last, so a standby left by a
  killed build is recognised as incomplete and rebuilt; the output folder is only ever replaced
  whole, so a failure or ``SIGKILL`` at any moment leaves the previous site intact.
- The served tree is checked by manifest and file size, not re-read: a hand edit inside the
  output folder that keeps a file's size goes unnoticed (the folder is the build's; edit content).
- Files are not fsynced: a kill is covered, a power cut mid-build may leave either tree partly
  on disk (syncing 6,000 files costs seconds on every build).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from site_builder.output import atomic, keep, manifest, trees
from site_builder.output.guard import OutputError, check_output_dir
from site_builder.output.keep import DEFAULT_KEEP
from site_builder.output.manifest import GENERATED, Entry
from site_builder.text import safety
from site_builder.urls import MARKER

BeforeSwap = Callable[[Path, Mapping[str, str]], Mapping[str, str] | None]
"""Called with the finished standby tree and the content digest of every file the build put in
it (by path), before the tree goes live: a search indexer adds its files there, and may return
the digests of those it added, which the manifest then takes instead of reading them again."""


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """One rendered file, held in memory (small sites and tests; a build streams instead)."""

    path: str
    """Output path relative to the output folder, POSIX separators."""
    content: bytes
    kind: str


@dataclass(frozen=True, slots=True)
class WriteReport:
    written: int
    """Files whose bytes are new or differ from the site that was being served."""
    unchanged: int
    """Files identical to the site that was being served (not written at all)."""
    removed: int = 0
    """Files of the previous site that the new one no longer has."""
    swapped: bool = False
    """Whether the output folder was replaced (False for a rebuild where nothing changed)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A standby holding the new site's files, waiting for its search index and the swap
    (:meth:`OutputWriter.complete`); plain data, so it may come from another process."""

    entries: dict[str, Entry]
    changed: int
    unchanged: int
    removed: int
    damaged: bool
    """Some file of the served site was not what its manifest says (a hand edit)."""
    swap: bool
    """False when the new site is the one being served: nothing to index or swap."""
    keep: tuple[str, ...]


def output_intact(output_dir: Path) -> bool:
    """Whether every file the output's manifest lists is there with its size (not re-read)."""
    output = output_dir.resolve()
    listed = manifest.read(output)
    return listed is not None and all(
        trees.holds(output, rel, e, listed) for rel, e in listed.items()
    )


class OutputWriter:
    """One build's files, written into the standby as they are rendered, then swapped in.

    ``with OutputWriter(output) as writer:`` takes the output's lock and opens the standby;
    :meth:`put` may then be called from any process forked inside the block (each file lands at
    its own path), and :meth:`finish` makes the standby hold exactly the files put or kept and
    swaps it in. Leaving the block without ``finish`` (a template error) leaves the served site
    untouched.
    """

    def __init__(
        self,
        output_dir: Path,
        *,
        before_swap: BeforeSwap | None = None,
        prepare_next: bool = True,
        keep: tuple[str, ...] = DEFAULT_KEEP,
        sweep: bool = True,
    ) -> None:
        """``prepare_next``: when the old site cannot serve as the next standby, make one now
        (hard links to the new site), so this process's next build starts from it; a one-off
        build leaves that to whichever build comes next. ``keep``: paths in the output the
        build does not own and leaves where they are (:mod:`site_builder.output.keep`); ``sweep``:
        look for files the build did not write in every folder, not only at the top."""
        check_output_dir(output_dir)
        self.keep = keep
        self.sweep = sweep
        self.prepare_next = prepare_next
        self.output_dir = output_dir
        self.output = output_dir.resolve()
        self.standby = self.output.with_name(f".{self.output.name}.site-builder-standby")
        self.aside = self.output.with_name(f".{self.output.name}.site-builder-aside")
        self.before_swap = before_swap
        self._lock: contextlib.ExitStack | None = None
        self.live: dict[str, Entry] | None = None
        self.have: dict[str, Entry] = {}
        self._folders: set[str] = set()
        """Standby folders this process made (or found) already."""
        self._marked_open = False
        """Whether this process has marked the standby incomplete (removed its marker)."""

    def __enter__(self) -> OutputWriter:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as stack:
            stack.enter_context(atomic.locked(self.output.parent))
            trees.recover(self.output, self.standby, self.aside)
            self.live = manifest.read(self.output)
            self.have = trees.open_standby(self.standby)
            self._lock = stack.pop_all()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def put(self, rel: str, content: bytes) -> Entry:
        """Take one file's bytes: written to the standby only when neither tree holds them."""
        if trees.UNSAFE_REL.search(rel) or rel == MARKER:
            raise OutputError(f"refusing to write {rel!r}: not a plain path inside the output")
        entry = manifest.entry(content)
        if self.have.get(rel) != entry and not self._served(rel, entry):
            trees.replace(self._clear(rel), functools.partial(trees.create, content=content))
        return entry

    def holds(self, rel: str, entry: Entry) -> bool:
        """Whether a file with this entry is already in one of the trees (need not be made)."""
        return self.have.get(rel) == entry or self._served(rel, entry)

    def finish(self, entries: Mapping[str, Entry]) -> WriteReport:
        """Make the new site live: ``entries`` is every file put or held, by path."""
        return self.complete(self.prepare(entries))

    def prepare(self, entries: Mapping[str, Entry]) -> Prepared:
        """The first half of :meth:`finish`: the standby made to hold exactly ``entries``
        (unchanged files linked in, stale ones removed), not yet indexed nor swapped in. It may
        run in a forked child of the process that opened the writer, which then calls
        :meth:`complete` with what this returns."""
        for group in safety.collisions((rel, rel) for rel in entries):
            raise OutputError(
                f"pages {' and '.join(group)} differ only in letter case; on macOS and Windows "
                "they would overwrite each other"
            )
        served = self.live or {}
        changed = {rel for rel, entry in entries.items() if not self._served(rel, entry)}
        damaged = any(rel in served and served[rel] == entries[rel] for rel in changed)
        generate = self.before_swap is not None
        kept = {r for r, e in served.items() if e.kind == GENERATED and generate}
        removed = set(served) - set(entries) - kept
        unchanged = len(entries) - len(changed)
        if self.live is not None and not changed and not removed and (kept or not generate):
            if self._opened():  # pages were written into it before they proved the same
                self._seal({**self.have, **self._written(entries)}, None)
            return Prepared({}, 0, unchanged, 0, damaged=False, swap=False, keep=self.keep)
        try:
            for rel, entry in entries.items():
                if self.have.get(rel) != entry and rel not in changed:
                    trees.replace(
                        self._clear(rel), functools.partial(trees.link_or_copy, self.output / rel)
                    )
            self._sweep(entries)
        except OSError as exc:
            raise self._failed(exc) from exc
        return Prepared(
            dict(entries), len(changed), unchanged, len(removed), damaged, swap=True, keep=self.keep
        )

    def complete(self, prepared: Prepared) -> WriteReport:
        """The second half of :meth:`finish`: the search index added, then the swap."""
        if not prepared.swap:
            return WriteReport(0, prepared.unchanged, 0, swapped=False)
        try:
            self._seal(prepared.entries, self.before_swap)
            if self.output.exists():
                keep.carry(self.output, self.standby, prepared.keep)
                try:
                    atomic.exchange(self.standby, self.output, self.aside)
                except OSError:
                    keep.carry(self.standby, self.output, prepared.keep)  # back where they were
                    raise
            else:
                os.rename(self.standby, self.output)
        except OSError as exc:
            raise self._failed(exc) from exc
        if prepared.damaged or self.live is None:
            # The old site (now the standby) was not ours, or lost files by hand.
            if self.prepare_next:
                trees.clone(self.output, self.standby)
                keep.drop(self.standby, prepared.keep)
            else:
                (self.standby / MARKER).unlink(missing_ok=True)  # the next build remakes it
        return WriteReport(prepared.changed, prepared.unchanged, prepared.removed, swapped=True)

    def _failed(self, exc: OSError) -> OutputError:
        return OutputError(
            f"could not write the new site ({exc}); {self.output_dir} still holds the previous one"
        )

    def abandon(self, entries: Mapping[str, Entry]) -> None:
        """Close the standby after a failed build: it holds what it held plus what was put."""
        if self._opened():
            self._seal({**self.have, **self._written(entries)}, None)

    def _written(self, entries: Mapping[str, Entry]) -> dict[str, Entry]:
        """The entries :meth:`put` wrote into the standby."""
        return {
            rel: entry
            for rel, entry in entries.items()
            if self.have.get(rel) != entry and not self._served(rel, entry)
        }

    def _served(self, rel: str, entry: Entry) -> bool:
        return trees.holds(self.output, rel, entry, self.live or {})

    def _opened(self) -> bool:
        """Whether some process of this build has written into the standby."""
        return self.standby.is_dir() and not (self.standby / MARKER).exists()

    def _clear(self, rel: str) -> str:
        """The standby path of ``rel``, its folder made, the standby marked incomplete first
        (once in each process: a forked helper's first file may come before the parent's)."""
        if not self._marked_open:
            (self.standby / MARKER).unlink(missing_ok=True)
            self._marked_open = True
        folder, _, _ = rel.rpartition("/")
        if folder not in self._folders:
            os.makedirs(os.path.join(self.standby, folder), exist_ok=True)
            self._folders.add(folder)
        return os.path.join(self.standby, rel)

    def _sweep(self, entries: Mapping[str, Entry]) -> None:
        """Stale pages, and anything else not the build's, out of the standby: a file a user
        put into the output must not come back with this tree two builds later."""
        self.standby.mkdir(exist_ok=True)  # a site of files all served already links none
        (self.standby / MARKER).unlink(missing_ok=True)
        keep.sweep(self.standby, entries, self.have, self.keep, deep=self.sweep)

    def _seal(self, entries: Mapping[str, Entry], before_swap: BeforeSwap | None) -> None:
        """The standby's manifest written last, after ``before_swap`` has added its files."""
        (self.standby / MARKER).unlink(missing_ok=True)
        listed = dict(entries)
        if before_swap is not None:
            added = before_swap(self.standby, {rel: e.digest for rel, e in entries.items()})
            listed |= trees.generated(self.standby, entries, added or {})
        temporary = self.standby / f"{MARKER}.tmp"
        temporary.write_text(manifest.text(listed), encoding="utf-8")
        os.rename(temporary, self.standby / MARKER)


class DigestOnly:
    """A sink for dry runs: files are hashed, never written."""

    def put(self, rel: str, content: bytes) -> Entry:
        return manifest.entry(content)

    def holds(self, rel: str, entry: Entry) -> bool:
        return False


def write_site(
    pages: Iterable[RenderedPage],
    static_files: Mapping[str, Path],
    output_dir: Path,
    *,
    before_swap: BeforeSwap | None = None,
) -> WriteReport:
    """Make ``output_dir`` hold exactly these pages and ``static/`` files, atomically.

    ``before_swap`` (e.g. a search indexer) is called with the finished new tree, and the
    digest of each file the build put there, before it goes
    live; it may only add files (existing ones may be hard links into the live site). What it
    adds is kept on rebuilds where nothing changed and discarded before it runs again.
    """
    files = _collect(pages, static_files)
    with OutputWriter(output_dir, before_swap=before_swap) as writer:
        entries = {rel: writer.put(rel, content) for rel, content in files.items()}
        return writer.finish(entries)


def static_entries(writer: OutputWriter, static_files: Mapping[str, Path]) -> dict[str, Entry]:
    return {
        f"static/{name}": writer.put(f"static/{name}", _read_static(path))
        for name, path in static_files.items()
    }


def _read_static(path: Path) -> bytes:
    """A static file's bytes; one that cannot be read stops the build with its path, and the
    site being served stays as it was (the standby copy is never swapped in)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise OutputError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _collect(pages: Iterable[RenderedPage], static_files: Mapping[str, Path]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    static = ((f"static/{name}", _read_static(path)) for name, path in static_files.items())
    for rel, content in itertools.chain(((p.path, p.content) for p in pages), static):
        if trees.UNSAFE_REL.search(rel) or rel == MARKER:
            raise OutputError(f"refusing to write {rel!r}: not a plain path inside the output")
        if rel in files:
            raise OutputError(f"two pages would be written to one file: {rel}")
        files[rel] = content
    return files
