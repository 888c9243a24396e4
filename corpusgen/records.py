"""The records the synthetic archive is made of (see bench/corpus.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    short: str = ""
    """Shorter name an operator sometimes says (``Baird`` for ``Robert W. Baird``)."""
    ticker: str = ""
    exchange: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str
    organization: str
    """Organisation id."""


@dataclass(frozen=True, slots=True)
class Turn:
    label: str
    """The speaker label exactly as the transcript writes it."""
    speaker: str
    """Person id, or ``operator``."""
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Exchange:
    topics: tuple[str, ...]
    turns: tuple[Turn, ...]
    """Starts with the operator's introduction."""


@dataclass(frozen=True, slots=True)
class Call:
    slug: str
    company: Organization
    year: int
    quarter: int
    date: str
    """ISO date of the call."""
    title: str
    executives: tuple[Person, ...]
    analysts: tuple[Person, ...]
    prepared: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]
    closing: tuple[Turn, ...]
    summary: str | None
    """Set on annotated calls only."""


@dataclass(frozen=True, slots=True)
class Archive:
    calls: tuple[Call, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    topics: tuple[tuple[str, str], ...]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
