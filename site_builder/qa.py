"""Group Q&A turns into exchanges (placeholder)."""

from __future__ import annotations

from .model import ParsedTranscript


def group_exchanges(parsed: ParsedTranscript) -> ParsedTranscript:
    return parsed
