"""YAML annotations (placeholder: the located loader and schema land next)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostics
from .model import Organization, Person, Topic


@dataclass(frozen=True, slots=True)
class TranscriptAnnotations:
    path: str | None = None
    format: str | None = None


@dataclass(frozen=True, slots=True)
class SiteAnnotations:
    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)


def load_transcript_annotations(
    path: Path | None, diagnostics: Diagnostics
) -> TranscriptAnnotations:
    return TranscriptAnnotations(str(path) if path else None)


def load_site_annotations(content_dir: Path, diagnostics: Diagnostics) -> SiteAnnotations:
    return SiteAnnotations()
