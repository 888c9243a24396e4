"""Seeking Alpha earnings-call text (placeholder until the real reader lands)."""

from __future__ import annotations

from ..model import ParsedTranscript, SourceText
from . import fallback

NAME = "seeking-alpha"


def detect(text: str) -> float:
    return 0.0


def parse(source: SourceText) -> ParsedTranscript:
    return fallback.parse(source)
