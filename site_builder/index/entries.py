"""The index's records: what a call adds to the site's tables, and the tables' entries.

Kept apart from the code that makes them (:mod:`site_builder.index.calls`,
:mod:`site_builder.index.people`, :mod:`site_builder.index.site`) so each of those imports the
records without importing the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from site_builder.index import speech
from site_builder.model import Organization, Person, Topic, pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class TurnRef:
    """A turn somewhere on the site."""

    transcript: str
    """Transcript slug."""
    turn: str
    """Turn id (its anchor)."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ExchangeRef:
    transcript: str
    exchange: str


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person and everything they said across the site."""

    person: Person
    """Merged from ``speakers.yaml`` and the participant lists (annotations win)."""
    transcripts: tuple[str, ...]
    """Slugs of the events they took part in, newest first."""
    turns: tuple[TurnRef, ...]
    asked: tuple[ExchangeRef, ...]
    """Exchanges they opened with a question."""
    answered: tuple[ExchangeRef, ...]
    """Exchanges someone else asked in which they spoke (operators never answer)."""
    words: int


@dataclass(frozen=True, slots=True)
class OrganizationEntry:
    organization: Organization
    people: tuple[str, ...]
    """Person ids, by name."""
    transcripts: tuple[str, ...]
    """Events its people spoke in, newest first."""
    held: tuple[str, ...]
    """Events the organisation held (it is the company of the call), newest first."""


@dataclass(frozen=True, slots=True)
class TopicEntry:
    topic: Topic
    exchanges: tuple[ExchangeRef, ...]
    """In transcript order (newest event first), then exchange order."""


@dataclass(frozen=True, slots=True)
class Speech:
    """What one call adds to its speakers' entries, by participant id.

    Made once per loaded transcript (on the core that loaded it) and kept with it, so a rebuild
    after one edit counts the words of one call, not of all of them.
    """

    turns: Mapping[str, tuple[TurnRef, ...]]
    """Participant id -> the turns they spoke, in order."""
    words: Mapping[str, int]
    turn_words: dict[str, int]
    """:func:`site_builder.index.speech.turn_words` of the call: counted once, used by every
    chart."""
    tally: speech.Tally
    """:func:`site_builder.index.speech.tally` of the call, for its page's and its people's
    charts."""
    exchanges: tuple[tuple[ExchangeRef, str | None, tuple[str, ...]], ...]
    """(exchange, asker, participants who spoke in it other than operators), in order."""


@dataclass(frozen=True, slots=True)
class CallIndex:
    """One call's part of the people, organisation and topic indexes, keyed by site-wide ids."""

    slug: str
    company: str | None
    """Organisation id of the company that held the call."""
    participant_people: tuple[tuple[tuple[str, str], str], ...]
    """((slug, participant id), person id), in participant order."""
    participant_organizations: tuple[tuple[tuple[str, str], str], ...]
    organizations: tuple[Organization, ...]
    """Organisations the call names (its company first), as the call names them."""
    people: tuple[Person, ...]
    """Each person of the call once, as its participant list describes them."""
    voices: frozenset[str]
    """Person ids of the call's operator and unidentified voices: no page of their own."""
    turns: tuple[tuple[str, tuple[TurnRef, ...]], ...]
    """(person id, turns), by participant as the call's speech lists them."""
    words: tuple[tuple[str, int], ...]
    asked: tuple[tuple[str, ExchangeRef], ...]
    answered: tuple[tuple[str, ExchangeRef], ...]
    topics: tuple[tuple[str, ExchangeRef], ...]
    """(topic id, exchange), in exchange order."""
