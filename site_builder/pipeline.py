"""The pipeline, top to bottom: sources -> readers -> exchanges -> annotate -> index -> views ->
render -> write.

:func:`run` is the one build every caller runs: the command line, the preview server's
rebuilds, ``check`` (a dry run), the tests and the benchmarks. What differs between them is only
where loaded transcripts and rendered pages come from: read afresh (:class:`FreshLoader`), or
remembered from the last build (:mod:`site_builder.incremental`, which passes its own
:class:`Loader` and page cache in). Nothing is written until every file has been read, parsed,
annotated and rendered, so a content mistake leaves the previous site as it was.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from site_builder import memo, parallel, readers
from site_builder.annotate import apply as annotate
from site_builder.annotate import sidecars
from site_builder.errors import Diagnostic, Diagnostics
from site_builder.exchanges import group as exchanges
from site_builder.index import site as index
from site_builder.index import speech
from site_builder.index.entries import CallIndex, Speech
from site_builder.load import config, sources
from site_builder.model import ParsedTranscript, SourceText, Transcript
from site_builder.output import guard, write
from site_builder.output import search as search_index
from site_builder.progress import Progress
from site_builder.render import pages as render
from site_builder.render.page_cache import RenderCache
from site_builder.render.theme import Theme
from site_builder.views.inputs import TranscriptInputs
from site_builder.views.outputs import Output, check_url_claims, outputs


@dataclass
class BuildResult:
    diagnostics: Diagnostics
    pages_written: int = 0
    pages_made: int = 0
    """Pages and data files rendered anew (the others' inputs had not changed)."""
    files_written: int = 0
    files_unchanged: int = 0
    seconds: float = 0.0
    pages_by_kind: dict[str, int] = field(default_factory=dict)
    made_by_kind: dict[str, int] = field(default_factory=dict)
    """Of ``pages_by_kind``, those rendered anew."""
    pending: write.Prepared | None = None
    """With :attr:`Publishing.writer`: the standby, ready for its search index and swap."""

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors


@dataclass(frozen=True, slots=True)
class LoadedTranscript:
    """One transcript after loading, with what the index needs of it, counted where it loaded."""

    transcript: Transcript | None
    """None when the file could not be read."""
    diagnostics: tuple[Diagnostic, ...]
    speech: Speech | None
    call: CallIndex | None
    """Its part of the site's indexes."""


def parse(text: SourceText, forced: str | None = None) -> ParsedTranscript:
    """readers -> exchanges: one transcript's text as participants, sections, turns and
    exchanges (``forced``: a reader's name instead of detection). ``site-builder parse`` prints
    this."""
    return exchanges.group_exchanges(readers.read(text, forced=forced))


def load_transcript(
    source: sources.SourceFile,
    site_annotations: sidecars.SiteAnnotations,
    diagnostics: Diagnostics,
) -> Transcript | None:
    """sources -> readers -> exchanges -> annotate, for one file."""
    notes = sidecars.load_transcript_annotations(source.annotation_path, diagnostics)
    try:
        text = sources.read_source(source.path)
    except OSError as exc:  # unreadable, or replaced by a folder since it was found
        diagnostics.error(sources.display_path(source.path), None, None, f"cannot read: {exc}")
        return None
    parsed = parse(text, notes.format)
    # What a reader could not settle (encoding decisions, repairs, a firm the operator misnamed)
    # is shown to the author like any other diagnostic, at its source line.
    diagnostics.extend(replace(warning, path=text.path) for warning in parsed.warnings)
    return annotate.annotate(source.slug, parsed, notes, site_annotations, diagnostics)


def load_one(
    source: sources.SourceFile, site_annotations: sidecars.SiteAnnotations
) -> LoadedTranscript:
    """Runs on any core: :func:`load_transcript`, with the counts the index needs of it."""
    diagnostics = Diagnostics()
    transcript = load_transcript(source, site_annotations, diagnostics)
    if transcript is None:
        return LoadedTranscript(None, tuple(diagnostics), None, None)
    said = index.speech_of(transcript)
    call = index.call_index(transcript, said, site_annotations)
    speech.let_go(transcript.parsed)
    return LoadedTranscript(transcript, tuple(diagnostics), said, call)


class Loader(Protocol):
    """Where the loading stages get their results: read afresh, or remembered."""

    def site_annotations(self, diagnostics: Diagnostics) -> sidecars.SiteAnnotations: ...

    def discover(self, diagnostics: Diagnostics) -> Sequence[sources.SourceFile]: ...

    def transcripts(
        self,
        found: Sequence[sources.SourceFile],
        site_annotations: sidecars.SiteAnnotations,
        progress: Progress | None,
    ) -> Sequence[LoadedTranscript]:
        """One per source file, in the order found."""
        ...

    def bodies(self) -> Callable[[str], Transcript] | None:
        """Where the whole text of a call loaded as openings only is read again (None: every
        call was loaded whole); see :mod:`site_builder.index.openings`."""
        ...


@dataclass(frozen=True, slots=True)
class FreshLoader:
    """Reads everything afresh, transcripts on ``jobs`` cores."""

    content_dir: Path
    jobs: int = 1

    def site_annotations(self, diagnostics: Diagnostics) -> sidecars.SiteAnnotations:
        return sidecars.load_site_annotations(self.content_dir, diagnostics)

    def discover(self, diagnostics: Diagnostics) -> Sequence[sources.SourceFile]:
        return sources.discover(self.content_dir, diagnostics)

    def transcripts(
        self,
        found: Sequence[sources.SourceFile],
        site_annotations: sidecars.SiteAnnotations,
        progress: Progress | None,
    ) -> Sequence[LoadedTranscript]:
        return load_all(found, site_annotations, self.jobs, progress)

    def bodies(self) -> Callable[[str], Transcript] | None:
        return None


def load_all(
    found: Sequence[sources.SourceFile],
    site_annotations: sidecars.SiteAnnotations,
    jobs: int,
    progress: Progress | None,
) -> list[LoadedTranscript]:
    if progress is not None:
        progress.stage("reading transcripts", len(found))
    return parallel.run_all(
        [functools.partial(load_one, s, site_annotations) for s in found],
        jobs,
        progress.advance if progress else None,
    )


def load_site(
    content_dir: Path,
    diagnostics: Diagnostics,
    base_url: str | None = None,
    loader: Loader | None = None,
    progress: Progress | None = None,
) -> index.Site:
    """Everything the site is made of, read and cross-checked; nothing written."""
    loader = loader or FreshLoader(content_dir)
    site_config = config.load_config(content_dir, diagnostics, base_url)
    site_annotations = loader.site_annotations(diagnostics)
    found = loader.discover(diagnostics)
    loaded = loader.transcripts(found, site_annotations, progress)
    memo.forget_all()  # nothing of an earlier build stays alive in the caches
    transcripts, calls = [], {}
    for one in loaded:
        diagnostics.extend(one.diagnostics)
        if one.transcript is None or one.speech is None or one.call is None:
            continue
        transcripts.append(one.transcript)
        calls[one.transcript.slug] = one.call
        # Counted where it was loaded, perhaps in a helper process: not counted again.
        speech.turn_words.remember(one.speech.turn_words, one.transcript.parsed)
        speech.tally.remember(one.speech.tally, one.transcript.parsed)
    if progress is not None:
        progress.stage("indexing")
    return index.build_site(
        transcripts, site_annotations, site_config, diagnostics, calls, loader.bodies()
    )


@dataclass(frozen=True, slots=True)
class Publishing:
    """How a build writes its output, and what it may reuse of the last one."""

    output_dir: Path
    search: bool = True
    dry_run: bool = False
    """Render everything, write nothing (``site-builder check``)."""
    long_lived: bool = False
    """A next build will follow in this process (the preview): keep a standby tree ready."""
    sweep: bool = True
    """Look through the whole output for stray files (an edit's rebuild lists only the top)."""
    page_cache: RenderCache | None = None
    page_inputs: Callable[[], Mapping[str, TranscriptInputs] | None] | None = None
    """What page keys see of each transcript, asked once the transcripts are loaded; with
    ``page_cache``, pages whose keys are unchanged are kept instead of rendered again."""
    jobs: int = 1
    search_cache: Path | None = None
    """The cache root whose search shards a build reuses and adds to; None keeps none."""
    writer: write.OutputWriter | None = None
    """An output writer the caller opened (and will :meth:`~write.OutputWriter.complete`): the
    build fills its standby and leaves the search index and the swap to the caller (see
    :mod:`site_builder.incremental.builder`). None: the build opens its own and swaps."""


def publish(
    site: index.Site,
    site_theme: Theme,
    how: Publishing,
    diagnostics: Diagnostics,
    progress: Progress | None = None,
    files: Sequence[Output] | None = None,
) -> BuildResult:
    """views -> render -> write: every page into a standby tree, the search index over it, then
    one atomic swap. On any error the published folder is left as it was."""
    result = BuildResult(diagnostics)
    if how.dry_run:
        sink = write.DigestOnly()
        render.render_into(site, site_theme, diagnostics, sink, jobs=how.jobs, files=files)
        return result
    with _writer(how, site.config.keep) as writer:
        made = render.render_into(
            site,
            site_theme,
            diagnostics,
            writer,
            cache=how.page_cache,
            inputs=how.page_inputs() if how.page_inputs else None,
            jobs=how.jobs,
            progress=progress,
            files=files,
        )
        entries = {m.path: m.entry for m in made if m.entry is not None}
        if diagnostics.errors:
            writer.abandon(entries)
            return result
        entries |= write.static_entries(writer, site_theme.static_files())
        indexing = how.search and how.writer is None
        if progress is not None:
            progress.stage("writing files" + (" and indexing search" if indexing else ""))
        prepared = writer.prepare(entries)
        if how.writer is None:
            writer.complete(prepared)
        else:
            result.pending = prepared
    result.files_written, result.files_unchanged = prepared.changed, prepared.unchanged
    result.pages_written = len(made)
    result.pages_made = sum(m.fresh for m in made)
    for page in made:
        result.pages_by_kind[page.kind] = result.pages_by_kind.get(page.kind, 0) + 1
        if page.fresh:
            result.made_by_kind[page.kind] = result.made_by_kind.get(page.kind, 0) + 1
    return result


def _writer(
    how: Publishing, keep: tuple[str, ...]
) -> contextlib.AbstractContextManager[write.OutputWriter]:
    """The caller's open writer, or a new one that indexes search before its swap."""
    if how.writer is not None:
        how.writer.keep = keep
        return contextlib.nullcontext(how.writer)
    return write.OutputWriter(
        how.output_dir,
        # Indexed before the swap, so the published folder never pairs pages with a stale index.
        before_swap=(
            functools.partial(search_index.index_site, cache=how.search_cache, jobs=how.jobs)
            if how.search
            else None
        ),
        prepare_next=how.long_lived,
        keep=keep,
        sweep=how.sweep,
    )


def run(
    content_dir: Path,
    base_url: str | None,
    how: Publishing,
    loader: Loader | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """One build, top to bottom."""
    started = time.perf_counter()
    if not how.dry_run:  # refuse a dangerous --output before spending time on the content
        guard.check_output_dir(how.output_dir, content_dir)
    diagnostics = Diagnostics()
    site = load_site(content_dir, diagnostics, base_url, loader, progress)
    if base_url is None:  # a published build, not the preview (which passes its own)
        config.warn_without_origin(content_dir, site.config.base_url, diagnostics)
    files = outputs(site)  # every page and data file, listed once for the check and the render
    check_url_claims(site, files, diagnostics)
    site_theme = Theme(content_dir)
    # Before anything is rendered: a template or static file linking out is never read.
    diagnostics.extend(site_theme.problems())
    if diagnostics.errors:
        result = BuildResult(diagnostics)
    else:
        result = publish(site, site_theme, how, diagnostics, progress, files)
    result.seconds = time.perf_counter() - started
    return result
