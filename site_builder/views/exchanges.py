"""Each call's turns and questions by id, and the question lists of organisation pages.

A question is listed on its asker's firm's page and quoted on its asker's, each answerer's and
its topics' pages (:mod:`site_builder.views.passages`); a busy analyst's page lists hundreds of
calls. So one :class:`Printed` per build (per site and URLs) keeps each call's turns and
questions by id, so no page scans a call's turns, and prints each listed question once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from markupsafe import Markup

from site_builder.index.entries import ExchangeRef
from site_builder.index.site import Site
from site_builder.memo import by_identity
from site_builder.model import Exchange, Group, Participant, Turn
from site_builder.text import wording
from site_builder.urls import Urls
from site_builder.views.common import Link, org_link, participants_of
from site_builder.views.lists import and_list, exchange_list_html, link_html, topic_list_html
from site_builder.views.text import esc, excerpt


@dataclass(frozen=True, slots=True)
class Positions:
    """One transcript's turns and exchanges by id, with their 1-based numbers."""

    turns: dict[str, tuple[int, Turn]]
    exchanges: dict[str, tuple[int, Exchange]]
    participants: dict[str, Participant]
    href: str
    """The call page's URL and ``#``, escaped: a turn's link adds its (escaped) id."""
    slug: str = ""
    url: str = ""
    """The call page's URL and ``#``, unescaped: a turn's URL adds its id."""
    sections: dict[str, str] = field(default_factory=dict)
    """Section id -> the heading its page shows (``Presentation``)."""


class Printed:
    """This build's items, printed once each; get it with :func:`printed`."""

    def __init__(self, site: Site, urls: Urls) -> None:
        self.site, self.urls = site, urls
        self.calls = {t.slug: t for t in site.transcripts}
        self.participants = participants_of(site)
        """(call, person) -> the person's participant ids there."""
        self._positions: dict[str, Positions] = {}
        self._items: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._people: dict[str, str] = {}
        self._heads: dict[str, tuple[str, bool]] = {}
        self._orgs: dict[str, str] = {}

    def positions(self, slug: str) -> Positions:
        found = self._positions.get(slug)
        if found is None:
            parsed = self.calls[slug].parsed
            found = self._positions[slug] = Positions(
                turns={t.id: (n, t) for n, t in enumerate(parsed.turns, 1)},
                exchanges={e.id: (n, e) for n, e in enumerate(parsed.exchanges, 1)},
                participants={p.id: p for p in parsed.participants},
                href=esc(self.urls.in_transcript(slug, "")),
                slug=slug,
                url=self.urls.in_transcript(slug, ""),
                sections={s.id: wording.section_heading(s.title) for s in parsed.sections},
            )
        return found

    def exchange_list(self, refs: Iterable[ExchangeRef]) -> str:
        """The questions as a printed list."""
        items = []
        for ref in refs:
            key = (ref.transcript, ref.exchange)
            parts = self._items.get(key)
            if parts is None:
                parts = self._items[key] = self._exchange_item(ref)
            head, asker, rest = parts
            items.append(f"{head}{asker}{rest}")
        return exchange_list_html(items)

    def org_html(self, org_id: str | None) -> str:
        """The organisation's link; nothing for none (or one without a page)."""
        if not org_id:
            return ""
        html = self._orgs.get(org_id)
        if html is None:
            link = org_link(self.site, self.urls, org_id)
            html = self._orgs[org_id] = link_html(link) if link else ""
        return html

    def person_html(self, person_id: str) -> str:
        """The person's name, linked to their page (a voice of one call has none)."""
        html = self._people.get(person_id)
        if html is None:
            person = self.site.person(person_id).person
            if self.site.has_page(person_id):
                html = link_html(Link(self.urls.person(person.id), person.name))
            else:
                html = esc(person.name)
            self._people[person_id] = html
        return html

    def _topics_html(self, topic_ids: Iterable[str]) -> str:
        topics = self.site.topics
        return topic_list_html(
            [
                Link(self.urls.topic(tid), topics[tid].topic.title)
                for tid in topic_ids
                if tid in topics
            ]
        )

    def _exchange_item(self, ref: ExchangeRef) -> tuple[str, str, str]:
        """A question's ``<li>``, printed in three parts: its link; who asked (left out on the
        asker's own page); its opening words, who answered and its topics."""
        slug = ref.transcript
        positions = self.positions(slug)
        number, ex = positions.exchanges[ref.exchange]
        people = self.site.participant_people
        first: Turn | None = None
        answerers: dict[str, None] = {}
        for tid in ex.turns:
            found = positions.turns.get(tid)
            speaker = found[1].speaker if found else None
            if found is None or not speaker:
                continue
            if speaker == ex.asker:
                first = first or found[1]
                continue
            participant = positions.participants.get(speaker)
            if participant is None or participant.group != Group.OPERATOR:
                answerers[self.person_html(people[(slug, speaker)])] = None
        asker = ""
        if ex.asker:
            asker = f" from {self.person_html(people[(slug, ex.asker)])}"
            firm = self.org_html(self.site.participant_organizations.get((slug, ex.asker)))
            if firm:
                asker += f" ({firm})"
        words = excerpt(first.paragraphs) if first else ""
        rest = f'\n<q class="excerpt">{esc(words)}</q>' if words else ""
        if answerers:
            rest += f'\n<span class="answered-by">Answered by {and_list(list(answerers))}</span>'
        head = f'<li><a href="{positions.href}{esc(ex.id)}">Question {number}</a>'
        return head, asker, f"{rest}\n{self._topics_html(ex.topics)}</li>\n"


@by_identity(2)
def printed(site: Site, urls: Urls) -> Printed:
    return Printed(site, urls)


def exchange_list(site: Site, urls: Urls, refs: Iterable[ExchangeRef]) -> Markup:
    """The questions as a printed list."""
    return Markup(printed(site, urls).exchange_list(refs))


class _InTranscript(Protocol):
    @property
    def transcript(self) -> str: ...


RefT = TypeVar("RefT", bound=_InTranscript)


def by_transcript(refs: Iterable[RefT]) -> dict[str, list[RefT]]:
    """Refs grouped by transcript slug, each group in the order given."""
    grouped: dict[str, list[RefT]] = {}
    for ref in refs:
        grouped.setdefault(ref.transcript, []).append(ref)
    return grouped
