"""Apply annotations to a parsed transcript (placeholder)."""

from __future__ import annotations

from .annotations import SiteAnnotations, TranscriptAnnotations
from .errors import Diagnostics
from .model import ParsedTranscript, Transcript


def annotate(
    slug: str,
    parsed: ParsedTranscript,
    notes: TranscriptAnnotations,
    site: SiteAnnotations,
    diagnostics: Diagnostics,
) -> Transcript:
    return Transcript(slug=slug, parsed=parsed, title=parsed.title)
