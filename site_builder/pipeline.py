"""The pipeline, top to bottom: read everything, check everything, then write.

Nothing is written until every file has been read, parsed, annotated and rendered, so a content
mistake leaves the previous site as it was. The stages run in
:class:`site_builder.incremental.builder.Builder`,
which the preview server keeps alive so a rebuild only redoes what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_builder import readers
from site_builder.annotate import apply as annotate
from site_builder.annotate import sidecars as annotations
from site_builder.errors import Diagnostics
from site_builder.exchanges import group as qa
from site_builder.index import site as index
from site_builder.load import config, sources
from site_builder.model import Transcript
from site_builder.progress import Progress


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

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors


def load_transcript(
    source: sources.SourceFile,
    site_annotations: annotations.SiteAnnotations,
    diagnostics: Diagnostics,
) -> Transcript | None:
    """sources -> readers -> qa -> annotate for one file."""
    notes = annotations.load_transcript_annotations(source.annotation_path, diagnostics)
    try:
        text = sources.read_source(source.path)
    except OSError as exc:  # unreadable, or replaced by a folder since it was found
        diagnostics.error(sources.display_path(source.path), None, None, f"cannot read: {exc}")
        return None
    parsed = qa.group_exchanges(readers.read(text, forced=notes.format))
    # What a reader could not settle (encoding decisions, repairs, a firm the operator misnamed)
    # is shown to the author like any other diagnostic, at its source line.
    for warning in parsed.warnings:
        diagnostics.warning(text.path, warning.line, None, warning.message)
    return annotate.annotate(source.slug, parsed, notes, site_annotations, diagnostics)


def load_site(
    content_dir: Path, diagnostics: Diagnostics, base_url: str | None = None
) -> index.Site:
    """Everything the site is made of, read and cross-checked; nothing written."""
    site_config = config.load_config(content_dir, diagnostics, base_url)
    site_annotations = annotations.load_site_annotations(content_dir, diagnostics)
    transcripts = [
        t
        for source in sources.discover(content_dir, diagnostics)
        if (t := load_transcript(source, site_annotations, diagnostics)) is not None
    ]
    return index.build_site(transcripts, site_annotations, site_config, diagnostics)


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
    """One build from scratch: :class:`site_builder.incremental.builder.Builder`, used once.

    Transcripts are loaded and pages made on every core (``jobs``, default: all of them);
    transcripts whose inputs a build in another process loaded already come from the cache
    folder (:mod:`site_builder.incremental.transcript_cache`).
    """
    from site_builder.cache_dir import cache_root
    from site_builder.incremental.builder import Builder  # it builds on the stages above

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
