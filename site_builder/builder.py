"""A builder that lives as long as the preview server and does again only what changed.

Each rebuild runs the whole pipeline of :mod:`site_builder.build`, with two memories:

- **Transcripts** (read, parsed, annotated) are kept with the file stamps (modification time,
  size, inode) of every file their loading read: the transcript, its sidecar and the site-wide
  ``speakers.yaml``, ``organizations.yaml`` and ``topics.yaml``. A transcript is loaded again when
  any of those stamps differs, or when the caller names one of its files as changed.
- **Rendered pages** are kept by a hash of their view and the templates (:mod:`site_builder.cache`).
  Views are made again on every rebuild, so what a page shows is never decided by a dependency
  list someone had to keep up to date.

When no input file changed since the last good build and the output is still the one it wrote,
a rebuild returns at once and writes nothing.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import os
import time
from collections.abc import Iterable
from pathlib import Path

from . import (
    annotations,
    build_record,
    charts,
    config,
    index,
    memo,
    page_inputs,
    parallel,
    render,
    sources,
    theme,
    transcript_cache,
    watch,
    write,
)
from . import search as search_index
from .build import BuildResult, load_transcript
from .cache import RenderCache
from .errors import Diagnostic, Diagnostics
from .manifest import MARKER
from .model import Transcript
from .progress import Progress
from .site_annotations import ORGANIZATIONS_FILE, SPEAKERS_FILE, TOPICS_FILE

Stamp = tuple[int, int, int] | None
"""(mtime_ns, size, inode) of a file; None when it does not exist."""

SITE_WIDE_FILES = (SPEAKERS_FILE, ORGANIZATIONS_FILE, TOPICS_FILE)


def stamp(path: Path | None) -> Stamp:
    if path is None:
        return None
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


@dataclasses.dataclass(frozen=True, slots=True)
class _LoadedTranscript:
    stamps: tuple[Stamp, ...]
    """Of every file loading read: transcript, sidecar, then the site-wide files."""
    transcript: Transcript | None
    diagnostics: tuple[Diagnostic, ...]
    speech: index.Speech | None
    inputs: page_inputs.TranscriptInputs | None
    """What page keys see of it (:mod:`site_builder.page_inputs`)."""
    call: index.CallIndex | None
    """Its part of the site's indexes."""


def _load_one(
    source: sources.SourceFile, site_annotations: annotations.SiteAnnotations, token: int | None
) -> _LoadedTranscript:
    """Runs on any core: loads one transcript, with what the index and page keys need of it
    (no page keys for a ``token`` of None: a one-off build keeps no pages for a next one)."""
    diagnostics = Diagnostics()
    transcript = load_transcript(source, site_annotations, diagnostics)
    if transcript is None:
        return _LoadedTranscript((), None, tuple(diagnostics), None, None, None)
    speech = index.speech_of(transcript)
    return _LoadedTranscript(
        (),
        transcript,
        tuple(diagnostics),
        speech,
        None if token is None else page_inputs.transcript_inputs(token, transcript),
        index.call_index(transcript, speech, site_annotations),
    )


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
        processes (:mod:`site_builder.transcript_cache`); None keeps none."""
        self.once = once
        self.content_dir = content_dir
        self.output_dir = output_dir
        self.base_url = base_url
        self.search = search
        self.jobs = jobs or parallel.default_jobs()
        self.progress = progress
        self._transcripts: dict[Path, _LoadedTranscript] = {}
        self._site_annotations: tuple[tuple[Stamp, ...], annotations.SiteAnnotations, tuple] = (
            (),
            annotations.SiteAnnotations(),
            (),
        )
        self._cache = RenderCache()
        self._loads = itertools.count()
        self._last_good: tuple[watch.Snapshot, Stamp, BuildResult] | None = None
        self._discovered: (
            tuple[frozenset[str], tuple[sources.SourceFile, ...], tuple[Diagnostic, ...]] | None
        ) = None
        self._warm = False
        self._trust_record = True
        self._disk = None if cache_dir is None else transcript_cache.TranscriptCache(cache_dir)

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
        if not dry_run:  # refuse a dangerous --output before spending time on the content
            write.check_output_dir(self.output_dir, self.content_dir)
        site_theme = theme.Theme(self.content_dir)
        inputs = watch.snapshot(  # every input file's stamp
            [self.content_dir, *site_theme.watched_dirs()], self.output_dir.resolve()
        )
        changed = [Path(p).resolve() for p in changed]
        marker = self.output_dir / MARKER
        if self._last_good is not None and not changed and not dry_run:
            before, output_stamp, result = self._last_good
            if before == inputs and output_stamp == stamp(marker):
                return _unchanged(result, _now() - started)
        built_from = build_record.fingerprint(inputs, self._options())
        if self._last_good is None and self._trust_record and not changed and not dry_run:
            recorded = build_record.load(self.output_dir, marker, built_from)
            # A new process, nothing changed since the last build, and no file of it lost.
            if recorded is not None and write.output_intact(self.output_dir):
                pages_by_kind, files, found = recorded
                result = BuildResult(Diagnostics(found), sum(pages_by_kind.values()))
                result.files_written, result.pages_by_kind = files, pages_by_kind
                self._last_good = (inputs, stamp(marker), result)
                return _unchanged(result, _now() - started)
        for path in changed:
            self._transcripts.pop(path, None)
        diagnostics = Diagnostics()
        site = self._load_site(diagnostics, inputs)
        # Before anything is rendered: a template or static file linking out is never read.
        diagnostics.extend(site_theme.problems())
        result = BuildResult(diagnostics)
        if diagnostics.errors:
            return _finished(result, started)
        calls = None
        if not self.once:
            calls = {
                kept.transcript.slug: kept.inputs
                for kept in self._transcripts.values()
                if kept.transcript is not None and kept.inputs is not None
            }
        if dry_run:
            render.render_into(site, site_theme, diagnostics, write.DigestOnly(), jobs=self.jobs)
            return _finished(result, started)
        before_swap = search_index.index_site if self.search else None
        with write.OutputWriter(
            self.output_dir,
            before_swap=before_swap,
            prepare_next=not self.once,
            keep=site.config.keep,
            sweep=self.once or not self._warm,  # an edit's rebuild lists only the top
        ) as writer:
            made = render.render_into(
                site,
                site_theme,
                diagnostics,
                writer,
                cache=self._cache,
                inputs=calls,
                jobs=self.jobs,
                progress=self.progress,
            )
            entries = {m.path: m.entry for m in made if m.entry is not None}
            if diagnostics.errors:
                writer.abandon(entries)
                return _finished(result, started)
            entries |= write.static_entries(writer, site_theme.static_files())
            if self.progress is not None:
                self.progress.stage(
                    "writing files" + (" and indexing search" if self.search else "")
                )
            # Indexed before the swap, so the published folder never pairs pages with a stale
            # index.
            report = writer.finish(entries)
        result.pages_written = len(made)
        result.pages_made = sum(m.fresh for m in made)
        result.files_written = report.written
        result.files_unchanged = report.unchanged
        for page in made:
            result.pages_by_kind[page.kind] = result.pages_by_kind.get(page.kind, 0) + 1
            if page.fresh:
                result.made_by_kind[page.kind] = result.made_by_kind.get(page.kind, 0) + 1
        self._last_good = (inputs, stamp(marker), result)
        self._warm = True
        build_record.save(
            self.output_dir,
            marker,
            built_from,
            result.pages_by_kind,
            report.written + report.unchanged,
            list(diagnostics),
        )
        return _finished(result, started)

    def _options(self) -> tuple[object, ...]:
        return build_record.options(self.content_dir, self.base_url, self.search)

    def _load_site(self, diagnostics: Diagnostics, inputs: watch.Snapshot) -> index.Site:
        """As :func:`site_builder.build.load_site`, loading only transcripts whose files changed.

        ``inputs``: the stamp of every input file, taken at the start of this build.
        """
        site_config = config.load_config(self.content_dir, diagnostics, self.base_url)
        if self.base_url is None:  # a published build, not the preview (which passes its own)
            config.warn_without_origin(self.content_dir, site_config.base_url, diagnostics)
        site_annotations = self._load_site_annotations(diagnostics)
        site_stamps = self._site_annotations[0]
        found = self._discover(diagnostics, inputs)

        def stamp_of(path: Path | None) -> Stamp:
            # The snapshot's stamp where it has the file: 2,000 fewer stats per rebuild at
            # 1,000 calls, and a file changed since then is seen by the next snapshot.
            return None if path is None else inputs.get(str(path)) or stamp(path)

        stamps = {
            s.path: (stamp_of(s.path), stamp_of(s.annotation_path), *site_stamps) for s in found
        }
        missing = [
            s
            for s in found
            if (kept := self._transcripts.get(s.path)) is None or kept.stamps != stamps[s.path]
        ]
        keys, stored = self._stored(missing)
        missing = [s for s in missing if s.path not in stored]
        if self.progress is not None:
            self.progress.stage("reading transcripts", len(missing))
        loaded = parallel.run_all(
            [
                functools.partial(
                    _load_one, s, site_annotations, None if self.once else next(self._loads)
                )
                for s in missing
            ],
            self.jobs,
            self.progress.advance if self.progress else None,
        )
        for source, one in zip(missing, loaded, strict=True):
            self._transcripts[source.path] = dataclasses.replace(one, stamps=stamps[source.path])
            if self._disk is not None:
                self._disk.put(keys[source.path], dataclasses.replace(one, inputs=None))
        for path, one in stored.items():
            inputs = None
            if not self.once and one.transcript is not None:
                inputs = page_inputs.transcript_inputs(next(self._loads), one.transcript)
            self._transcripts[path] = dataclasses.replace(one, stamps=stamps[path], inputs=inputs)
        if self._disk is not None:
            self._disk.report()
        for gone in set(self._transcripts) - set(stamps):
            del self._transcripts[gone]
        transcripts = []
        calls = {}
        memo.forget_all()  # nothing of an earlier build stays alive in the caches
        for source in found:
            kept = self._transcripts[source.path]
            diagnostics.extend(kept.diagnostics)
            if kept.transcript is not None and kept.speech is not None and kept.call is not None:
                transcripts.append(kept.transcript)
                calls[kept.transcript.slug] = kept.call
                # Counted where it was loaded, perhaps in a helper process: not counted again.
                charts.turn_words.remember(kept.speech.turn_words, kept.transcript.parsed)
                charts.tally.remember(kept.speech.tally, kept.transcript.parsed)
        if self.progress is not None:
            self.progress.stage("indexing")
        return index.build_site(transcripts, site_annotations, site_config, diagnostics, calls)

    def _stored(
        self, found: list[sources.SourceFile]
    ) -> tuple[dict[Path, str], dict[Path, _LoadedTranscript]]:
        """(key of each source, the loaded transcripts the disk cache holds for them)."""
        if self._disk is None:
            return {}, {}
        site_wide = [self.content_dir / name for name in SITE_WIDE_FILES]
        files = {s.path: (s.path, s.annotation_path) for s in found}
        return self._disk.lookup(files, site_wide, _LoadedTranscript)

    def _discover(
        self, diagnostics: Diagnostics, inputs: watch.Snapshot
    ) -> tuple[sources.SourceFile, ...]:
        """:func:`site_builder.sources.discover`, again only when a file was added or removed."""
        names = frozenset(inputs)
        if self._discovered is None or self._discovered[0] != names:
            found = Diagnostics()
            self._discovered = (names, sources.discover(self.content_dir, found), tuple(found))
        diagnostics.extend(self._discovered[2])
        return self._discovered[1]

    def _load_site_annotations(self, diagnostics: Diagnostics) -> annotations.SiteAnnotations:
        stamps = tuple(stamp(self.content_dir / name) for name in SITE_WIDE_FILES)
        kept_stamps, kept, kept_diagnostics = self._site_annotations
        if stamps != kept_stamps or not kept_stamps:
            found = Diagnostics()
            kept = annotations.load_site_annotations(self.content_dir, found)
            kept_diagnostics = tuple(found)
            self._site_annotations = (stamps, kept, kept_diagnostics)
        diagnostics.extend(kept_diagnostics)
        return kept


def _now() -> float:
    return time.perf_counter()


def _finished(result: BuildResult, started: float) -> BuildResult:
    result.seconds = _now() - started
    return result


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
