"""Repair text damaged before it reached us, and report every repair.

Placeholder: the real repairs (ftfy for reversible mojibake, context rules for the lossy bare
``â``) land with the Seeking Alpha reader.
"""

from __future__ import annotations

from .model import ParseWarning


def repair_text(text: str) -> tuple[str, list[ParseWarning]]:
    """Return repaired text (same number of lines) and one warning per repair kind, with counts."""
    return text, []
