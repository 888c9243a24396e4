"""The pipeline, top to bottom: read everything, check everything, then write.

Nothing is written until every file has been read, parsed, annotated and rendered, so a content
mistake leaves the previous site as it was.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import annotate, annotations, config, index, qa, readers, render, sources, theme, write
from . import search as search_index
from .errors import Diagnostics
from .model import Transcript


@dataclass
class BuildResult:
    diagnostics: Diagnostics
    pages_written: int = 0
    files_written: int = 0
    files_unchanged: int = 0
    seconds: float = 0.0
    pages_by_kind: dict[str, int] = field(default_factory=dict)

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
    text = sources.read_source(source.path)
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
) -> BuildResult:
    started = time.perf_counter()
    if not dry_run:  # refuse a dangerous --output before spending time on the content
        write.check_output_dir(output_dir, content_dir)
    diagnostics = Diagnostics()
    site = load_site(content_dir, diagnostics, base_url)
    result = BuildResult(diagnostics)
    if diagnostics.errors:
        result.seconds = time.perf_counter() - started
        return result
    pages = render.render_site(site, theme.Theme(content_dir), diagnostics)
    if diagnostics.errors or dry_run:
        result.seconds = time.perf_counter() - started
        return result
    report = write.write_site(
        pages,
        theme.Theme(content_dir).static_files(),
        output_dir,
        # Indexed before the swap, so the published folder never pairs pages with a stale index.
        before_swap=search_index.index_site if search else None,
    )
    result.pages_written = len(pages)
    result.files_written = report.written
    result.files_unchanged = report.unchanged
    for page in pages:
        result.pages_by_kind[page.kind] = result.pages_by_kind.get(page.kind, 0) + 1
    result.seconds = time.perf_counter() - started
    return result
