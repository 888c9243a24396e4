"""What each page is made from, as a key: equal keys, equal pages.

A page shows the whole site's frame and identities (config, annotations, the templates, every
person's, organisation's and topic's name, the list of calls with their titles and dates), and
of particular transcripts either all (a call's own page) or parts: the openings of a person's
turns (their page), a list item per call (an organisation's page) or per exchange (a topic's
page). :class:`PageInputs` names
those, with the index entries whose numbers it shows (a person's turn count). The key digests
exactly those, so a rebuild makes again only the pages whose inputs changed, and the views of all
other pages are never made.

A transcript's whole content is stood for by a *token* that changes whenever it is loaded again
(the long-lived builder loads a transcript again when any file it read changed, site-wide
annotations included; with a cache folder it is the digest of those files' bytes and of the
code, so it holds across processes), so a key never digests a transcript's whole text. Who its
participants are (person and organisation ids) is settled from the transcript and the
annotations alone, so the token stands for that too. The parts are digested where the
transcript is loaded (:func:`transcript_inputs`), so an edit to one answer of a call remakes the
topic pages of that exchange, not those of all the call's exchanges, and an edit past the
opening words of a turn remakes none of them.

``tests/test_incremental.py`` checks, edit after edit, that rebuilt sites are byte-identical to
cold builds: a dependency left out here shows there as a stale page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from site_builder.index.entries import ExchangeRef
from site_builder.index.openings import opening
from site_builder.index.site import Site
from site_builder.index.speech import Tally
from site_builder.model import Transcript, Turn
from site_builder.views import chart_svg as charts

Key = tuple[bytes, tuple[object, ...]]
"""The whole site's digest, and what the page shows (hashable, compared by equality)."""


@dataclass(frozen=True, slots=True)
class TranscriptInputs:
    """One loaded transcript as page keys see it."""

    token: int | str
    """Stands for everything in the transcript: new at every load, or, where loads are kept
    on disk, the digest of every byte loading read and of the code (the disk cache's key)."""
    speech: int
    """Digest of what was said and by whom, as pages about many calls see it (the parsed
    transcript with its turns' openings, its corrections and topics applied, its word counts,
    and who its participants are): what a person's page quotes; not the summary and notes of
    its sidecar."""
    listed: int
    """Digest of what a list of calls shows besides title and date: its counts."""
    summary: int
    """Digest of its summary (the feed shows it)."""
    exchanges: Mapping[str, int]
    """Exchange id -> digest of all a list of exchanges can show of it: its number, its turns
    (every field, their words to the opening), its topics, and the call's participants and who
    each is across the site (person and organisation)."""
    quoted: Mapping[str, int]
    """Person id -> digest of what their page shows of the call: who they were there, their
    turns with their numbers, the questions they asked or spoke in, and their share of the
    words as printed. Another speaker's edit that leaves those alone does not remake it."""


def transcript_inputs(token: int | str, transcript: Transcript, counted: Tally) -> TranscriptInputs:
    """Made where the transcript is loaded, once per load, from its words counted there
    (``counted``: :func:`site_builder.index.speech.tally` of it).

    Pages about many calls print no more of a turn than its opening
    (:mod:`site_builder.index.openings`), so these values see turns as their openings: an edit
    past a turn's opening words remakes the call's own page and whatever shows its counts, not
    the pages of every exchange and speaker of the call.

    Digests of reprs, not Python's ``hash``: that is seeded anew in every process, so values
    stored in the cache folder by one build would never match those the next build makes of the
    edited call, and every page about it would be made again. The model holds no sets, so its
    reprs are canonical. Two different values digest alike with odds of one in 2**64.
    """
    parsed = transcript.parsed
    whole = not parsed.openings_only
    seen = {turn.id: _seen(turn, whole) for turn in parsed.turns}
    speakers = sorted({turn.speaker for turn in parsed.turns if turn.speaker})
    listed = _digest(repr((len(parsed.exchanges), speakers)))
    # Each record's repr made once: a dataclass's repr is slow, and each is in several values.
    # Source lines are left out: only the call's own page and JSON print them, and a line
    # added anywhere moves every later one.
    shown = {p.id: repr(replace(p, line=None)) for p in parsed.participants}
    # Who each participant is across the site, too: a list of exchanges links the asker and
    # the answerers to their people and names the asker's firm.
    participants = str(
        _digest(*shown.values(), repr(transcript.people), repr(transcript.organizations))
    )
    exchanges = {
        ex.id: _digest(
            participants,
            str(number),
            repr(replace(ex, line=0)),
            *(seen.get(t, "") for t in ex.turns),
        )
        for number, ex in enumerate(parsed.exchanges)
    }
    counts = (counted.speaker_words, counted.speaker_turns, counted.total)
    rest = replace(parsed, participants=(), turns=(), exchanges=(), openings_only=False)
    speech = _digest(
        repr((rest, transcript.company, counts)),
        participants,
        *map(str, exchanges.values()),
        *seen.values(),
    )
    # A person's page heads their turns with the section's heading.
    sections = repr(tuple((s.id, s.title, s.kind) for s in parsed.sections))
    quoted = _quoted(transcript, shown, seen, exchanges, sections, speech, counted)
    return TranscriptInputs(
        token, speech, listed, _digest(repr(transcript.summary)), exchanges, quoted
    )


_UNIT = "\x1f"
"""Joins the reprs of one participant's part (no repr holds it, nor a NUL)."""


def _digest(*reprs: str) -> int:
    """A digest of ``reprs`` (no repr holds a NUL, so joined by one they stay apart)."""
    return int.from_bytes(hashlib.blake2b("\0".join(reprs).encode(), digest_size=8).digest())


def _seen(turn: Turn, whole: bool) -> str:
    """A turn as pages about many calls can show it, its words to the opening, as a repr;
    ``whole``: the turn has all its words, not just its opening already."""
    text = opening(turn.paragraphs) if whole else "".join(turn.paragraphs)
    fields = (turn.id, turn.speaker, turn.section, bool(turn.paragraphs), text, turn.label)
    return repr((*fields, turn.exchange, turn.timestamp, turn.times[:1]))


def _quoted(
    transcript: Transcript,
    shown_as: Mapping[str, str],
    seen: Mapping[str, str],
    exchanges: Mapping[str, int],
    sections: str,
    speech: int,
    counted: Tally,
) -> dict[str, int]:
    """:attr:`TranscriptInputs.quoted`, for everyone on the call; ``shown_as``: each
    participant's repr; ``seen``: its turns as :func:`_seen` makes them; ``sections``: the
    call's sections' ids and headings, as a repr."""
    parsed = transcript.parsed
    numbers = {ex.id: n for n, ex in enumerate(parsed.exchanges, 1)}
    said: dict[str, list[str]] = {}
    for n, turn in enumerate(parsed.turns, 1):
        if turn.speaker:
            number = numbers.get(turn.exchange) if turn.exchange else None
            said.setdefault(turn.speaker, []).append(f"{n} {number} {seen[turn.id]}")
    speaker_of = {turn.id: turn.speaker for turn in parsed.turns}
    spoke_in: dict[str, list[int]] = {}
    for ex in parsed.exchanges:
        speakers = (speaker_of[t] for t in ex.turns if t in speaker_of)
        for pid in dict.fromkeys((ex.asker, *speakers)):
            if pid:
                spoke_in.setdefault(pid, []).append(exchanges[ex.id])
    shown: dict[str, list[str]] = {}
    for p in parsed.participants:
        words = counted.speaker_words.get(p.id)
        share = None
        if words is not None and counted.total:
            turns = counted.speaker_turns[p.id]
            row = charts.Share(p.id, "", p.group, words, turns, words / counted.total)
            share = (words, turns, row.percent, row.bar_width)
        about = repr((transcript.organization_of(p.id), spoke_in.get(p.id, ()), share))
        part = [shown_as[p.id], sections, about, *said.get(p.id, ())]
        shown.setdefault(transcript.person_of(p.id), []).append(_UNIT.join(part))
    # One participant is one person nearly always; a person on a call under two labels has
    # their figures summed and ranked against the whole call, so their key sees all of it.
    return {
        person: _digest(*parts) if len(parts) == 1 else _digest(str(speech), *parts)
        for person, parts in shown.items()
    }


def site_digest(site: Site, templates: bytes) -> bytes:
    """What every page may show of the site as a whole: its settings, annotations and who every
    person, organisation and topic is. Not the list of calls: a page names the calls it shows
    or links (:attr:`PageInputs.calls`), so adding a call remakes only the pages that list it."""
    digest = hashlib.blake2b(templates, digest_size=20)
    identities = (
        tuple((pid, e.person) for pid, e in site.people.items()),
        tuple((oid, e.organization) for oid, e in site.organizations.items()),
        tuple((tid, e.topic) for tid, e in site.topics.items()),
    )
    # repr, not pickle: pickle writes a string seen twice as a back-reference, so equal values
    # can pickle differently (a call loaded again shares fewer strings) and every page would be
    # made again for nothing. The reprs of these frozen records and tuples are canonical.
    digest.update(repr((site.config, site.annotations, identities)).encode())
    return digest.digest()


def _catalog(site: Site) -> dict[str, tuple[object, ...]]:
    """What a page may show of a call it only names or links: title, date, the company that
    held it."""
    return {
        t.slug: (t.title, t.parsed.event.date, site.transcript_companies.get(t.slug))
        for t in site.transcripts
    }


def _entry_summary(site: Site, kind: str, entry_id: str) -> object:
    if kind == "person":
        e = site.people[entry_id]
        return (len(e.transcripts), len(e.turns), e.words, len(e.asked), len(e.answered))
    if kind == "person-item":  # a person in a list: their counts of turns and events
        e = site.people[entry_id]
        return (len(e.transcripts), len(e.turns))
    if kind == "organization":
        o = site.organizations[entry_id]
        return (o.people, o.transcripts, o.held)
    return site.topics[entry_id].exchanges


def _quotes(inputs: Mapping[str, TranscriptInputs], spec: PageInputs) -> tuple[object, ...]:
    person = spec.quoted_person
    if person is None:
        return tuple((slug, inputs[slug].speech) for slug in spec.quotes)
    return tuple(
        (slug, inputs[slug].quoted.get(person, inputs[slug].speech)) for slug in spec.quotes
    )


class Keys:
    """Page keys for one build; None for every page when the transcripts have no inputs."""

    def __init__(
        self,
        site: Site,
        templates: bytes,
        inputs: Mapping[str, TranscriptInputs] | None,
    ) -> None:
        self.site = site
        self.inputs = inputs
        self.whole_site = site_digest(site, templates) if inputs is not None else b""
        self.catalog = _catalog(site) if inputs is not None else {}

    def page(self, spec: PageInputs) -> Key | None:
        if self.inputs is None or spec.shows is None:
            return None
        inputs = self.inputs
        value = (
            spec.url,
            spec.kind,
            tuple((slug, inputs[slug].token) for slug in spec.shows),
            _quotes(inputs, spec),
            tuple((slug, inputs[slug].listed) for slug in spec.lists),
            tuple((slug, inputs[slug].summary) for slug in spec.summarises),
            tuple((r, inputs[r.transcript].exchanges[r.exchange]) for r in spec.exchanges),
            tuple((k, i, _entry_summary(self.site, k, i)) for k, i in spec.entries),
            tuple((slug, self.catalog.get(slug)) for slug in spec.calls()),
        )
        # The value itself is the key (compared by equality, so no two inputs can collide); it
        # holds only slugs, ids, counts and the hashes made by transcript_inputs.
        return (self.whole_site, value)


@dataclass(frozen=True, slots=True)
class PageInputs:
    """What one page shows, beyond the whole site's frame and identities."""

    url: str
    kind: str
    shows: tuple[str, ...] | None
    """Slugs of the transcripts whose content the page shows; None: the page is made on every
    build (the site's JSON index, which counts every word)."""
    quotes: tuple[str, ...] = ()
    """Slugs of the calls whose speech it quotes (a person's page)."""
    quoted_person: str | None = None
    """Whose speech alone it quotes of those calls (:attr:`TranscriptInputs.quoted`)."""
    lists: tuple[str, ...] = ()
    """Slugs of the calls it lists as items (title, date, counts)."""
    summarises: tuple[str, ...] = ()
    """Slugs of the calls whose summaries it shows (the feed)."""
    exchanges: tuple[ExchangeRef, ...] = ()
    """Exchanges it lists as items."""
    entries: tuple[tuple[str, str], ...] = ()
    """(kind, id) of the index entries whose numbers it shows: ``person`` (all of them),
    ``person-item`` (turns and events), ``organization``, ``topic``."""
    links: tuple[str, ...] = ()
    """Slugs of the calls it links by title and date alone (a call's previous and next call)."""

    def calls(self) -> tuple[str, ...]:
        """Every call the page names, by title, date or company (its catalogue entry), once."""
        named = (*(self.shows or ()), *self.quotes, *self.lists, *self.summarises, *self.links)
        return tuple(dict.fromkeys((*named, *(r.transcript for r in self.exchanges))))
