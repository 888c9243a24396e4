"""The immutable records that flow between pipeline stages.

sources -> SourceText -> readers -> ParsedTranscript -> qa -> ParsedTranscript (with exchanges)
-> annotate -> Transcript -> index -> Site.

Every record that came from a file carries the 1-based line it started on, so a later stage can
report a problem where the author will look for it. Records are frozen and hold tuples, so a stage
can never change what an earlier stage produced; use ``dataclasses.replace`` to derive a new one.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

from site_builder.errors import Diagnostic

_Record = TypeVar("_Record", bound=type)


def pickled_by_fields(cls: _Record) -> _Record:
    """Pickle a record as its class called with its fields, in order.

    Loaded transcripts travel from a helper process to the builder pickled. The dataclass
    default looks up the class's fields for every object, both ways: for the hundreds of turns
    of each call this is twice as fast. Only for records whose every field is an ``__init__``
    argument.
    """
    names = [f.name for f in fields(cls)]
    values = operator.attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        found = values(self)
        return (cls, found if len(names) > 1 else (found,))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


class Group(StrEnum):
    """Which side of an event a participant speaks for."""

    COMPANY = "company"
    """Speaks for the company that holds the event (executives, investor relations)."""
    ANALYST = "analyst"
    """Asks questions (sell-side analysts, press, the public)."""
    OPERATOR = "operator"
    """Runs the call."""
    OTHER = "other"
    UNKNOWN = "unknown"


class SectionKind(StrEnum):
    """What a section of a transcript holds; a reader may make several of one kind."""

    PREPARED = "prepared"
    QA = "qa"
    SUMMARY = "summary"
    """A non-verbatim summary (StreetEvents Event Brief)."""
    BOILERPLATE = "boilerplate"
    """Disclaimers, definitions: kept, never shown as speech."""
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class SourceText:
    """A transcript file read and decoded, before any layout is recognised."""

    path: str
    """Path as given (relative to the working directory where possible): used in diagnostics."""
    text: str
    """Decoded and repaired text, newlines normalised to ``\\n``; same line count as the bytes."""
    encoding: str
    """``utf-8``, ``utf-8-sig``, ``utf-16-le`` (and the other marked UTF-16 and UTF-32 forms) or
    ``cp1252``: how the bytes were decoded."""
    warnings: tuple[Diagnostic, ...] = ()
    """Decoding and repair reports (one per repair kind, with counts)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventInfo:
    """What the title line or metadata says about the event."""

    company: str | None = None
    ticker: str | None = None
    exchange: str | None = None
    """Stock exchange (NASDAQ, NYSE), not a Q&A exchange."""
    quarter: str | None = None
    """``Q2``, ``FY`` ..."""
    year: int | None = None
    date: str | None = None
    """ISO date ``YYYY-MM-DD``."""
    time: str | None = None
    """Local time as written, e.g. ``17:30``."""
    timezone: str | None = None
    kind: str = "earnings-call"
    """``earnings-call``, ``hearing``, ``debate``, ``podcast``, ``talk``, ``unknown``."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Participant:
    """A speaker as the transcript names them."""

    id: str
    """Slug, unique within the transcript; turns point at it."""
    name: str
    role: str | None = None
    """Job title as listed (``Chief Financial Officer``, ``Analyst``)."""
    organization: str | None = None
    """Organisation as listed (``Robert W. Baird``); canonicalised later by annotations."""
    group: Group = Group.UNKNOWN
    line: int | None = None
    """Where the participant is listed (or first speaks when there is no list)."""
    aliases: tuple[str, ...] = ()
    """Other labels that name this participant in the text (``Ben Kallo - Robert W. Baird``)."""
    evidence: tuple[str, ...] = ()
    """The signals that decided ``group`` when it was not read from a participant list (``hands
    the floor to 9 questioners``, ``speaks before the first question``)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Section:
    id: str
    """Slug unique in the transcript, e.g. ``prepared-remarks``, ``qa``, ``qa-2``."""
    title: str
    kind: SectionKind
    line: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Turn:
    """One uninterrupted stretch of speech (or, for boilerplate sections, of text)."""

    id: str
    """The anchor: ``t`` + 1-based position in the transcript, zero-padded to 3 (``t007``)."""
    speaker: str
    """Participant id; ``""`` for text that nobody speaks (a disclaimer, a scraper's header),
    which is kept, in a ``boilerplate`` section, and never shown as speech."""
    section: str
    """Section id."""
    paragraphs: tuple[str, ...]
    """The words as spoken, one string per paragraph; inline markers like ``[laughter]`` kept."""
    line: int
    """Source line of the label (or of the first paragraph when there is no label)."""
    label: str = ""
    """The speaker label exactly as written in the source."""
    exchange: str | None = None
    """Id of the Q&A exchange this turn belongs to, if any."""
    timestamp: str | None = None
    """``HH:MM:SS`` offset into the recording, when the source gives one."""
    times: tuple[str | None, ...] = ()
    """Per paragraph, the ``HH:MM:SS`` it starts at, when cues or timestamped lines were merged
    into this turn (each then has its own anchor); empty when the source gives no such times."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Exchange:
    """A Q&A exchange: the operator's introduction, the question, answers and follow-ups."""

    id: str
    """The anchor: ``q`` + 1-based number, zero-padded to 2 (``q07``)."""
    asker: str | None
    """Participant id of the questioner (None when nobody could be identified)."""
    turns: tuple[str, ...]
    """Turn ids, in order."""
    line: int
    topics: tuple[str, ...] = ()
    """Topic ids (from annotations)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedTranscript:
    """What a reader understood of one file, before annotations."""

    source: str
    format: str
    """Name of the reader that produced it (``seeking-alpha``, ``fallback`` ...)."""
    title: str
    event: EventInfo
    participants: tuple[Participant, ...]
    sections: tuple[Section, ...]
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    encoding: str = "utf-8"
    dropped: tuple[str, ...] = ()
    """Source text not shown as such, as written: page furniture left out of boilerplate
    sections (HTML tags, rules of ``=``, graphic placeholders; see ``readers/furniture.py``) and
    a heading the title was tidied from (``readers/titles.py``)."""
    openings_only: bool = False
    """Every turn is cut to its opening words (:mod:`site_builder.index.openings`): what other
    calls' pages quote. The call's own pages read its whole text (``Site.body``)."""

    def participant(self, participant_id: str) -> Participant:
        for p in self.participants:
            if p.id == participant_id:
                return p
        raise KeyError(participant_id)


# ---- after annotation -------------------------------------------------------------------------


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Correction:
    """An editorial correction applied to the text, shown to the reader as such."""

    turn: str
    """Turn id the correction applies to."""
    find: str
    replace: str
    reason: str
    line: int
    """Line of the correction in the annotation file."""
    paragraphs: tuple[int, ...] = ()
    """0-based indexes of the turn's paragraphs the correction changed."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Note:
    """An editorial note (Markdown source) attached to a transcript, exchange or turn."""

    target: str
    """``exchange:q03``, ``turn:t042``."""
    markdown: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a transcript came from, as its annotations (or the site's defaults) say."""

    publisher: str | None = None
    url: str | None = None
    """The page the transcript was taken from."""
    retrieved: str | None = None
    """ISO date it was taken."""
    licence: str | None = None
    """Copyright or licence, as the publisher states it."""
    note: str | None = None
    audio: str | None = None
    video: str | None = None


@dataclass(frozen=True, slots=True)
class Transcript:
    """A parsed transcript with its annotations applied: what the site is built from."""

    slug: str
    """URL name, from the file name (``tesla-2012-q2``)."""
    parsed: ParsedTranscript
    """Turns here already carry corrections; exchanges carry topics."""
    title: str
    summary: str | None = None
    """Markdown."""
    company: str | None = None
    """Organisation id of the company that held the event."""
    people: tuple[tuple[str, str], ...] = ()
    """(participant id, person id): who each participant is across the site."""
    organizations: tuple[tuple[str, str], ...] = ()
    """(participant id, organisation id)."""
    notes: tuple[Note, ...] = ()
    corrections: tuple[Correction, ...] = ()
    annotation_path: str | None = None
    provenance: Provenance | None = None
    """``source:`` and ``media:`` of the sidecar, as written (site-wide defaults not yet in)."""
    _person_by_participant: dict[str, str] = field(init=False, repr=False, compare=False)
    _organization_by_participant: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once from the tuples above: pages ask who a participant is for every turn.
        object.__setattr__(self, "_person_by_participant", dict(self.people))
        object.__setattr__(self, "_organization_by_participant", dict(self.organizations))

    def person_of(self, participant_id: str) -> str:
        return self._person_by_participant.get(participant_id, participant_id)

    def organization_of(self, participant_id: str) -> str | None:
        return self._organization_by_participant.get(participant_id)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    bio: str | None = None
    """Markdown."""
    aliases: tuple[str, ...] = ()
    organization: str | None = None
    role: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    """Markdown."""
    url: str | None = None
    ticker: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str | None = None
    """Markdown."""


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str = "Transcripts"
    base_url: str = "/"
    """Absolute URL or path the site is served under; always ends with ``/``."""
    language: str = "en"
    description: str = ""
    extra: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    keep: tuple[str, ...] = ("CNAME", ".nojekyll", ".well-known", ".git")
    """Paths in the output folder the build does not own and leaves in place (``keep:``)."""

    provenance: Provenance | None = None
    """Site-wide ``source:`` and ``media:`` defaults; a transcript's own values win."""
