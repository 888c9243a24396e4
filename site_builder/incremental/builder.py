"""A builder that lives as long as the preview server and does again only what changed.

Each rebuild is :func:`site_builder.pipeline.run`, given two memories:

- **Loaded transcripts** (:mod:`site_builder.incremental.memory`), kept while the files they
  were loaded from keep their stamps, and shared with builds in other processes through the
  disk cache (:mod:`site_builder.incremental.transcript_cache`).
- **Rendered pages** (:mod:`site_builder.render.page_cache`), kept by a key made of what each
  page shows (:mod:`site_builder.views.inputs`, declared beside the page catalogue).

When no input file changed since the last good build and the output is still the one it wrote,
a rebuild returns at once and writes nothing; in a new process the build record
(:mod:`site_builder.incremental.record`) answers the same question.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_builder import parallel, pipeline
from site_builder.cache_dir import cache_root
from site_builder.errors import Diagnostics
from site_builder.incremental import page_store, stamps, transcript_cache
from site_builder.incremental import record as build_record
from site_builder.incremental.memory import TranscriptMemory
from site_builder.incremental.stamps import Stamp, stamp
from site_builder.output import search, write
from site_builder.pipeline import BuildResult
from site_builder.progress import Progress
from site_builder.render import theme
from site_builder.render.page_cache import RenderCache
from site_builder.urls import MARKER


@dataclass(frozen=True, slots=True)
class _LastGood:
    """The last good build of this builder: from which inputs, leaving which marker file."""

    inputs: stamps.Snapshot
    marker: Stamp
    result: BuildResult


class Builder:
    """``Builder(content, output).build()`` once, then ``rebuild()`` after every change."""

    def __init__(
        self,
        content_dir: Path,
        output_dir: Path,
        base_url: str | None = None,
        *,
        search: bool = True,
        jobs: int | None = None,
        progress: Progress | None = None,
        once: bool = False,
        cache_dir: Path | None = None,
    ) -> None:
        """``once``: this builder builds once (the command line), so it keeps nothing ready for
        a next build. ``cache_dir``: where loaded transcripts are kept for builds in other
        processes (:mod:`site_builder.incremental.transcript_cache`) and search shards
        (:mod:`site_builder.output.search_shards`); None keeps none."""
        self.once = once
        self.cache_dir = cache_dir
        self.content_dir = content_dir
        self.output_dir = output_dir
        self.base_url = base_url
        self.search = search
        self.jobs = jobs or parallel.default_jobs()
        self.progress = progress
        disk = None if cache_dir is None else transcript_cache.TranscriptCache(cache_dir)
        # Page keys are kept for a next build: in this process, or through the cache folder.
        self._memory = TranscriptMemory(
            content_dir, self.jobs, disk, page_keys=not once or disk is not None
        )
        self._cache = RenderCache() if cache_dir is None else page_store.load(cache_dir, output_dir)
        self._last_good: _LastGood | None = None
        self._warm = False
        self._trust_record = True

    def build(self, *, dry_run: bool = False) -> BuildResult:
        return self.rebuild(dry_run=dry_run)

    @property
    def warm(self) -> bool:
        """Whether this builder holds the site, so an edit's rebuild does only what changed
        (not so after a first build answered from the build record)."""
        return self._warm

    def warm_up(self) -> BuildResult:
        """Load and render everything the build record let the first build skip, writing only
        what differs (nothing, when the output is intact): the preview does this right after it
        starts serving, so the first save is not a full build."""
        self._last_good = None
        self._trust_record = False
        return self.rebuild()

    def rebuild(self, changed: Iterable[Path] = (), *, dry_run: bool = False) -> BuildResult:
        """Bring the output up to date with the content; ``changed``: files known to differ."""
        # The cyclic garbage collector is paused while a build runs: the model is millions of
        # objects without cycles, and each full collection walks all of them (a tenth of a
        # second, at random moments of an edit's rebuild). What few cycles a build leaves are
        # collected after it, between builds.
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._rebuild(changed, dry_run=dry_run)
        finally:
            if paused:
                gc.enable()

    def _rebuild(self, changed: Iterable[Path], *, dry_run: bool) -> BuildResult:
        started = _now()
        site_theme = theme.Theme(self.content_dir)
        inputs = stamps.snapshot(  # every input file's stamp
            [self.content_dir, *site_theme.watched_dirs()], self.output_dir.resolve()
        )
        changed = [Path(p).resolve() for p in changed]
        marker = self.output_dir / MARKER
        if self._last_good is not None and not changed and not dry_run:
            last = self._last_good
            if last.inputs == inputs and last.marker == stamp(marker):
                return _unchanged(last.result, _now() - started)
        built_from = build_record.fingerprint(inputs, self._options())
        if self._last_good is None and self._trust_record and not changed and not dry_run:
            recorded = build_record.load(self.output_dir, marker, built_from)
            # A new process, nothing changed since the last build, and no file of it lost.
            if recorded is not None and write.output_intact(self.output_dir):
                result = BuildResult(
                    Diagnostics(recorded.diagnostics),
                    sum(recorded.pages_by_kind.values()),
                    files_written=recorded.files,
                    pages_by_kind=recorded.pages_by_kind,
                )
                self._last_good = _LastGood(inputs, stamp(marker), result)
                return _unchanged(result, _now() - started)
        if self.once and self.search and not dry_run:
            result = self._build_apart(inputs, changed)
        else:
            result = self._build(inputs, changed, dry_run=dry_run)
        result.seconds = _now() - started
        if result.ok and not dry_run:
            self._last_good = _LastGood(inputs, stamp(marker), result)
            self._warm = True
            build_record.save(
                self.output_dir,
                marker,
                built_from,
                result.pages_by_kind,
                result.files_written + result.files_unchanged,
                list(result.diagnostics),
            )
        return result

    def _build(
        self,
        inputs: stamps.Snapshot,
        changed: list[Path],
        *,
        dry_run: bool = False,
        writer: write.OutputWriter | None = None,
    ) -> BuildResult:
        """The pipeline, given this builder's memories; the page keys kept for a next build."""
        self._memory.begin(inputs, changed)
        how = pipeline.Publishing(
            self.output_dir,
            search=self.search,
            dry_run=dry_run,
            long_lived=not self.once,
            sweep=self.once or not self._warm,  # an edit's rebuild lists only the top
            page_cache=None if dry_run else self._cache,
            page_inputs=self._memory.page_inputs,
            jobs=self.jobs,
            search_cache=self.cache_dir,
            writer=writer,
        )
        result = pipeline.run(self.content_dir, self.base_url, how, self._memory, self.progress)
        if result.ok and not dry_run and self.cache_dir is not None:
            page_store.save(self.cache_dir, self.output_dir, self._cache)
        return result

    def _build_apart(self, inputs: stamps.Snapshot, changed: list[Path]) -> BuildResult:
        """A one-off build whose search is indexed after the pages' process has gone.

        Loading and rendering a large archive leave this process with most of the memory they
        used (CPython keeps its arenas), and Pagefind then needs as much again for a shard: at
        10,000 calls, 1.5 GB beside 1.2 GB. So a forked child loads, renders and fills the
        standby, and exits; this process, holding the output's lock all along, then indexes
        search and swaps the trees in.
        """
        index = functools.partial(search.index_site, cache=self.cache_dir, jobs=self.jobs)
        with write.OutputWriter(self.output_dir, before_swap=index, prepare_next=False) as writer:
            pages = functools.partial(self._build, inputs, changed, writer=writer)
            try:
                result = parallel.run_apart(pages)
            finally:
                if self.progress is not None:
                    self.progress.drawn_elsewhere()
            if result.pending is not None:
                if self.progress is not None and result.pending.swap:
                    self.progress.stage("indexing search")
                writer.complete(result.pending)
                result.pending = None
        return result

    def _options(self) -> tuple[object, ...]:
        return build_record.options(self.content_dir, self.base_url, self.search)


def _now() -> float:
    return time.perf_counter()


def _unchanged(previous: BuildResult, seconds: float) -> BuildResult:
    """The last good build again, with nothing written."""
    files = previous.files_written + previous.files_unchanged
    return BuildResult(
        previous.diagnostics,
        pages_written=previous.pages_written,
        files_written=0,
        files_unchanged=files,
        seconds=seconds,
        pages_by_kind=dict(previous.pages_by_kind),
    )


def build(
    content_dir: Path,
    output_dir: Path,
    base_url: str | None = None,
    *,
    dry_run: bool = False,
    search: bool = True,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """One build, as ``site-builder build`` runs it: a :class:`Builder` used once.

    Transcripts are loaded and pages made on every core (``jobs``, default: all of them);
    transcripts whose inputs a build in another process loaded already come from the cache
    folder, and a build whose inputs match the last good build of the same output returns at
    once (:mod:`site_builder.incremental.record`).
    """
    builder = Builder(
        content_dir,
        output_dir,
        base_url,
        search=search,
        jobs=jobs,
        progress=progress,
        once=True,
        cache_dir=cache_root(),
    )
    return builder.build(dry_run=dry_run)
