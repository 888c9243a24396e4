"""What person and topic pages show of a call: passages, each in the question it belongs to.

A remark read away from its call needs the question it answers: its number, who asked, the
question's opening words and who else answered. :class:`ExchangeContext` holds that for one
exchange; it is made once per build (an exchange appears on its asker's page, on every
answerer's and on each of its topics' pages) and templates print it
(``templates/partials/exchange_context.html``), so a site can restyle it by overriding that file.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.index.site import Site
from site_builder.memo import by_identity
from site_builder.model import Group, Turn
from site_builder.urls import Urls
from site_builder.views.common import Link, org_link
from site_builder.views.exchanges import Positions, printed
from site_builder.views.text import excerpt

PASSAGE_WORDS = 45
"""Opening words shown of a person's own remark: enough to tell one answer from the next."""
SUBSTANTIAL_WORDS = 20
"""An answer this long says something; a shorter one ("Yes, that's right.") may only open it."""


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name, linked to their page when they have one (a voice of one call has none)."""

    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Said:
    """One turn, as a list on another page quotes it."""

    url: str
    label: str
    """``Turn 36``: the link's text, unique on the call's page."""
    words: str
    """Its opening words."""
    speaker: Name | None = None
    """Who said it, where the list mixes speakers (a topic page)."""


@dataclass(frozen=True, slots=True)
class ExchangeContext:
    """A question as pages other than its call's show it."""

    url: str
    label: str
    """``Question 4``."""
    asker: Name | None
    firm: Link | None
    """The asker's firm, when it has a page."""
    question: Said | None
    """The asker's first turn: the question itself."""
    answerers: tuple[Name, ...]
    """Who spoke in it besides the asker and the moderator, in order."""
    topics: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of one person's turns in one exchange (or one section outside the questions)."""

    heading: str
    """The section's heading when ``exchange`` is None (``Presentation``)."""
    exchange: ExchangeContext | None
    asked: bool
    """They asked this question: its first turn is theirs, so the question is not quoted twice."""
    said: tuple[Said, ...]


class Passages:
    """This build's exchange contexts, each made once; get it with :func:`passages`."""

    def __init__(self, site: Site, urls: Urls) -> None:
        self.site, self.urls = site, urls
        self.made = printed(site, urls)
        self._contexts: dict[tuple[str, str], ExchangeContext] = {}
        self._names: dict[str, Name] = {}

    def name(self, slug: str, participant_id: str) -> Name:
        person_id = self.site.participant_people[(slug, participant_id)]
        found = self._names.get(person_id)
        if found is None:
            person = self.site.person(person_id).person
            url = self.urls.person(person_id) if self.site.has_page(person_id) else None
            found = self._names[person_id] = Name(person.name, url)
        return found

    def said(self, positions: Positions, turn: Turn, words: int, speaker: bool = False) -> Said:
        who = self.name(positions.slug, turn.speaker) if speaker and turn.speaker else None
        return Said(
            positions.url + turn.id,
            f"Turn {positions.turns[turn.id][0]}",
            excerpt(turn.paragraphs, words),
            who,
        )

    def context(self, slug: str, exchange_id: str) -> ExchangeContext:
        key = (slug, exchange_id)
        found = self._contexts.get(key)
        if found is None:
            found = self._contexts[key] = self._context(slug, exchange_id)
        return found

    def _context(self, slug: str, exchange_id: str) -> ExchangeContext:
        positions = self.made.positions(slug)
        number, ex = positions.exchanges[exchange_id]
        question: Said | None = None
        answerers: dict[Name, None] = {}
        for tid in ex.turns:
            found = positions.turns.get(tid)
            if found is None or not found[1].speaker:
                continue
            turn = found[1]
            if turn.speaker == ex.asker:
                if question is None and turn.paragraphs:
                    question = self.said(positions, turn, PASSAGE_WORDS)
                continue
            participant = positions.participants.get(turn.speaker)
            if participant is None or participant.group != Group.OPERATOR:
                answerers[self.name(slug, turn.speaker)] = None
        firm = None
        if ex.asker:
            org_id = self.site.participant_organizations.get((slug, ex.asker))
            firm = org_link(self.site, self.urls, org_id)
        topics = self.site.topics
        return ExchangeContext(
            url=self.urls.exchange(slug, ex.id),
            label=f"Question {number}",
            asker=self.name(slug, ex.asker) if ex.asker else None,
            firm=firm,
            question=question,
            answerers=tuple(answerers),
            topics=tuple(
                Link(self.urls.topic(tid), topics[tid].topic.title)
                for tid in ex.topics
                if tid in topics
            ),
        )

    def first_answer(self, slug: str, exchange_id: str) -> Said | None:
        """The opening of the question's answer: the first turn by someone other than the asker
        and the moderator that says something (a short "Yes." is passed over when a longer
        answer follows)."""
        positions = self.made.positions(slug)
        ex = positions.exchanges[exchange_id][1]
        found: Turn | None = None
        for tid in ex.turns:
            turn = positions.turns[tid][1] if tid in positions.turns else None
            if turn is None or not turn.speaker or turn.speaker == ex.asker:
                continue
            participant = positions.participants.get(turn.speaker)
            if participant is not None and participant.group == Group.OPERATOR:
                continue
            found = found or turn
            if sum(len(p.split()) for p in turn.paragraphs) >= SUBSTANTIAL_WORDS:
                found = turn
                break
        return self.said(positions, found, PASSAGE_WORDS, speaker=True) if found else None

    def person_passages(self, slug: str, turn_ids: list[str]) -> tuple[Passage, ...]:
        """One person's turns of a call (in order), gathered by exchange, or by section for
        turns outside the questions."""
        positions = self.made.positions(slug)
        # (exchange id or "", section id, whether they asked it, their turns there)
        runs: list[tuple[str, str, bool, list[Said]]] = []
        for tid in turn_ids:
            turn = positions.turns[tid][1]
            key = turn.exchange if turn.exchange in positions.exchanges else ""
            if not runs or runs[-1][0] != key or (not key and runs[-1][1] != turn.section):
                asked = bool(key) and positions.exchanges[key][1].asker == turn.speaker
                runs.append((key, turn.section, asked, []))
            runs[-1][3].append(self.said(positions, turn, PASSAGE_WORDS))
        return tuple(
            Passage("", self.context(slug, key), asked, tuple(said))
            if key
            else Passage(positions.sections.get(section, ""), None, False, tuple(said))
            for key, section, asked, said in runs
        )


@by_identity(2)
def passages(site: Site, urls: Urls) -> Passages:
    return Passages(site, urls)
