"""Cross-transcript indexes (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass

from .annotations import SiteAnnotations
from .errors import Diagnostics
from .model import SiteConfig, Transcript


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    transcripts: tuple[Transcript, ...]
    annotations: SiteAnnotations


def build_site(
    transcripts: list[Transcript],
    site_annotations: SiteAnnotations,
    config: SiteConfig,
    diagnostics: Diagnostics,
) -> Site:
    return Site(config, tuple(transcripts), site_annotations)
