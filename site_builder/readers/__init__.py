"""Transcript readers, one module per layout, chosen by detection.

Each reader is a module that satisfies :class:`Reader` (mypy checks the registry below): a
``NAME``, a ``detect`` that scores how surely a text is in its layout, the most it ever scores,
and ``parse``. A layout that needs several files is a subpackage whose ``reader`` module is the
reader; helpers several readers share are in ``readers/common/``. The fallback reader accepts
anything and never loses a word.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers import fallback, foolcalls_json, motley_fool_json, webvtt
from site_builder.readers.common import furniture, titles
from site_builder.readers.earningscall import reader as earningscall
from site_builder.readers.hearing import reader as hearing
from site_builder.readers.motley_fool import reader as motley_fool
from site_builder.readers.name_colon import reader as name_colon
from site_builder.readers.seeking_alpha import reader as seeking_alpha
from site_builder.readers.streetevents import reader as streetevents


class Reader(Protocol):
    """What the registry needs of a reader module."""

    NAME: str
    """What ``--format`` and the ``format:`` annotation key take."""
    MAX_SCORE: float
    """The most :meth:`detect` ever says: a reader that cannot beat the best score so far is
    not asked."""

    def detect(self, text: str) -> float:
        """0 = surely not this layout, 1 = surely it."""
        ...

    def parse(self, source: SourceText) -> ParsedTranscript: ...


# Order matters only to break ties in detection: more specific layouts first.
READERS: tuple[Reader, ...] = (
    webvtt,
    seeking_alpha,
    streetevents,
    foolcalls_json,
    earningscall,
    motley_fool_json,
    motley_fool,
    name_colon,
    hearing,
)
FALLBACK: Reader = fallback
MIN_SCORE = 0.3


def reader_names() -> list[str]:
    return [r.NAME for r in READERS] + [FALLBACK.NAME]


def by_name(name: str) -> Reader:
    for reader in (*READERS, FALLBACK):
        if name == reader.NAME:
            return reader
    raise KeyError(name)


def choose(text: str) -> tuple[Reader, float]:
    """The reader whose ``detect`` scores highest, or the fallback when none is confident."""
    best, best_score = FALLBACK, 0.0
    for reader in READERS:
        if best_score >= reader.MAX_SCORE:
            continue  # it cannot win, so its detection (a scan of the whole file) is not run
        score = reader.detect(text)
        if score > best_score:
            best, best_score = reader, score
    if best_score < MIN_SCORE:
        return FALLBACK, best_score
    return best, best_score


def read(source: SourceText, forced: str | None = None) -> ParsedTranscript:
    """Parse ``source`` with the forced reader, or the one detection picks."""
    reader = by_name(forced) if forced else choose(source.text)[0]
    parsed = furniture.drop_furniture(reader.parse(source))
    if parsed.format == hearing.NAME:  # GPO text keeps typewriter quotes and dashes
        parsed = furniture.repair_gpo_typography(parsed)
    parsed = titles.finish(parsed)
    return replace(
        parsed,
        encoding=source.encoding,
        warnings=tuple(source.warnings) + tuple(parsed.warnings),
    )


__all__ = ["FALLBACK", "READERS", "by_name", "choose", "read", "reader_names"]
