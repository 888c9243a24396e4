"""The body of a transcript page: every turn in source order, in its section and exchange.

Python decides what each turn and question shows (URLs, anchors, labels, the words already made
HTML by :mod:`site_builder.views_text`); the markup is the theme's, in
``templates/partials/turns.html`` and ``partials/exchange.html``, so a site restyles every turn
by putting a file of that name in its own ``templates/``. Turns come in runs (a question's turns,
or those between questions), one template per run: an include per turn cost more than the turn.
A speaker's :class:`Voice` is made once and shared by all their turns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from markupsafe import Markup

from site_builder import markdown
from site_builder.index.site import Site
from site_builder.model import Exchange, Group, SectionKind, Transcript, Turn
from site_builder.text import wording
from site_builder.urls import CONTENTS_ANCHOR, Urls
from site_builder.views.common import Link, SpeakerView
from site_builder.views.text import MARKER, NumberedCorrection, esc, paragraphs_html

OPENING_WORDS = 14
"""How many of a question's first words the contents list shows."""


@dataclass(frozen=True, slots=True)
class Voice:
    """What a turn's heading shows of its speaker: the name, and the firm of an analyst.

    Roles and the company's own name are listed once, under Participants, not on every turn.
    """

    name: str
    url: str | None
    firm: Link | None
    group: str


class TurnView(NamedTuple):
    """One turn, as ``partials/turns.html`` prints it (a tuple: a call makes hundreds)."""

    anchor: str
    url: str
    """The turn's permalink (the page's URL and ``#anchor``)."""
    copy_url: str | None
    """The absolute permalink when the site has an origin; else the script resolves ``url``."""
    label: str
    """What the permalink and its citation call the turn: ``question 5, turn 42``."""
    voice: Voice | None
    """None for text nobody speaks (a disclaimer): no heading, permalink or citation."""
    question: bool
    """The asker's own turn in an exchange."""
    mark: str
    """``Q`` on the asker's turns of an exchange, ``A`` on the company's answers, else ``""``:
    questions and answers told apart by more than colour."""
    level: int
    timestamp: str | None
    paragraphs: Markup
    notes: tuple[Markup, ...]
    kind: str = "turn"


@dataclass(frozen=True, slots=True)
class ExchangeView:
    anchor: str
    url: str
    copy_url: str | None
    number: int
    asker: Voice | None
    topics: tuple[Link, ...]
    notes: tuple[Markup, ...]
    turns: tuple[TurnView, ...]
    previous: Link | None
    next: Link | None
    contents_url: str
    """The list of every question (the way back from any of them)."""
    kind: str = "exchange"


@dataclass(frozen=True, slots=True)
class TurnRun:
    """Turns in a row outside any question (``partials/turns.html`` prints them)."""

    turns: tuple[TurnView, ...]
    kind: str = "turns"


@dataclass(frozen=True, slots=True)
class SectionView:
    anchor: str | None
    title: str
    boilerplate: bool
    blocks: tuple[TurnRun | ExchangeView, ...]
    """The section's turns and questions, in source order."""


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A question in the contents: number, who asked, and what about."""

    url: str
    number: int
    asker: str | None
    firm: str | None
    opening: str
    """The question's first words (``…`` when cut), or "" when nobody asked in words."""
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContentsSection:
    url: str
    title: str
    exchanges: tuple[ContentsEntry, ...]


def notes_html(transcript: Transcript, target: str) -> tuple[Markup, ...]:
    return tuple(markdown.render(n.markdown) for n in transcript.notes if n.target == target)


def opening_words(paragraphs: tuple[str, ...], count: int = OPENING_WORDS) -> str:
    """The first ``count`` words of the first paragraph, editorial marks left out."""
    for paragraph in paragraphs:
        words = MARKER.sub(" ", paragraph).split()
        if words:
            return " ".join(words[:count]) + ("…" if len(words) > count else "")
    return ""


def voice(s: SpeakerView) -> Voice:
    """Escaped here, once per speaker, rather than in each of their turns' headings."""
    firm = s.organization if s.group == Group.ANALYST else None
    return Voice(
        Markup(esc(s.name)),
        Markup(esc(s.url)) if s.url else None,
        Link(Markup(esc(firm.url)), Markup(esc(firm.text))) if firm else None,
        Markup(esc(s.group)),
    )


class TranscriptBody:
    """Makes one transcript's turn, exchange, section and contents views.

    One object per page so the lookups (speakers, exchange numbers, corrections by turn) are
    made once, not once per turn.
    """

    def __init__(
        self,
        site: Site,
        urls: Urls,
        transcript: Transcript,
        speakers: Mapping[str, SpeakerView],
        corrections: tuple[NumberedCorrection, ...],
    ) -> None:
        self.site, self.urls, self.t = site, urls, transcript
        self.speakers = speakers
        self.voices = {pid: voice(s) for pid, s in speakers.items()}
        exchanges = transcript.parsed.exchanges
        self.exchanges = {e.id: e for e in exchanges}
        self.numbers = {e.id: n for n, e in enumerate(exchanges, 1)}
        self.corrections: dict[str, list[NumberedCorrection]] = {}
        for c in corrections:
            self.corrections.setdefault(c.correction.turn, []).append(c)
        self.notes: dict[str, list[Markup]] = {}
        for note in transcript.notes:
            self.notes.setdefault(note.target, []).append(markdown.render(note.markdown))
        self._topics: dict[str, tuple[Link, ...]] = {}
        # A place on the page is the page's URL, "#" and the anchor (Urls.in_transcript).
        self.href = urls.in_transcript(transcript.slug, "")
        # With an origin the copy button copies the absolute URL; without one, the script
        # resolves the link against the address the page was read at.
        self.copy_href = urls.absolute(self.href) if urls.absolute("/") != "/" else None
        self.contents_url = urls.in_transcript(transcript.slug, CONTENTS_ANCHOR)
        self.turns = {t.id: t for t in transcript.parsed.turns}

    def topics(self, exchange: Exchange) -> tuple[Link, ...]:
        found = self._topics.get(exchange.id)
        if found is None:  # the contents, the question itself and the search filters ask
            topics = self.site.topics
            found = self._topics[exchange.id] = tuple(
                Link(self.urls.topic(tid), topics[tid].topic.title)
                for tid in exchange.topics
                if tid in topics
            )
        return found

    def _copy(self, anchor: str) -> str | None:
        return None if self.copy_href is None else self.copy_href + anchor

    def _question_label(self, number: int) -> str:
        exchange = self.t.parsed.exchanges[number - 1]
        asker = self.speakers.get(exchange.asker) if exchange.asker else None
        return f"Question {number}" + (f" ({asker.name})" if asker else "")

    def opening(self, exchange: Exchange) -> str:
        """The asker's first words in the exchange (else its first speaker's)."""
        turns = [self.turns[tid] for tid in exchange.turns if tid in self.turns]
        asked = [t for t in turns if exchange.asker and t.speaker == exchange.asker]
        for turn in asked or turns:
            words = opening_words(turn.paragraphs)
            if words:
                return words
        return ""

    def contents(self) -> tuple[ContentsSection, ...]:
        """Every section with a heading, each with the questions asked in it."""
        asked: dict[str, list[ContentsEntry]] = {}
        for number, exchange in enumerate(self.t.parsed.exchanges, 1):
            first = self.turns.get(exchange.turns[0]) if exchange.turns else None
            asker = self.speakers.get(exchange.asker) if exchange.asker else None
            entry = ContentsEntry(
                url=self.urls.exchange(self.t.slug, exchange.id),
                number=number,
                asker=asker.name if asker else None,
                firm=asker.organization.text if asker and asker.organization else None,
                opening=self.opening(exchange),
                topics=tuple(t.text for t in self.topics(exchange)),
            )
            asked.setdefault(first.section if first else "", []).append(entry)
        if not hasattr(self, "_sections"):
            self.sections()
        found = [
            ContentsSection(
                self.urls.in_transcript(self.t.slug, view.anchor),
                view.title,
                tuple(asked.pop(section_id, ())),
            )
            for section_id, view in self._sections
            if view.anchor and not view.boilerplate
        ]
        rest = tuple(entry for entries in asked.values() for entry in entries)
        if rest:  # asked where no heading is shown: still listed, under the list's own name
            found.append(ContentsSection(self.contents_url, "Questions", rest))
        return tuple(found)

    def turn(self, turn: Turn, number: int, exchange: Exchange | None) -> TurnView:
        notes = tuple(self.notes.get(f"turn:{turn.id}", ()))
        corrections = self.corrections.get(turn.id, ()) if self.corrections else ()
        if turn.times and not corrections:
            paragraphs = Markup(self._timed(turn))
        else:
            paragraphs = Markup(paragraphs_html(turn.paragraphs, corrections))
        speaker = self.voices.get(turn.speaker) if turn.speaker else None
        where = f"question {self.numbers[exchange.id]}, " if exchange else ""
        asks = bool(exchange and exchange.asker == turn.speaker)
        answers = bool(exchange and speaker and speaker.group == Group.COMPANY and not asks)
        return TurnView(
            anchor=turn.id,
            url=self.href + turn.id,
            copy_url=self._copy(turn.id),
            label=f"{where}turn {number}",
            voice=speaker,
            question=asks,
            mark="Q" if asks else "A" if answers else "",
            level=4 if exchange else 3,
            timestamp=turn.timestamp,
            paragraphs=paragraphs,
            notes=notes,
        )

    def _timed(self, turn: Turn) -> str:
        """Paragraphs merged from several cues, each with its start time as its own link
        (``#t023-001433``: the turn's anchor and the time, so it stays put when text is
        corrected). Printed here with the words: it is how the paragraphs read."""
        out, seen = [], set()
        href = esc(self.href)
        for text, time in zip(turn.paragraphs, turn.times, strict=True):
            body = paragraphs_html((text,))
            anchor = esc(f"{turn.id}-{time.replace(':', '')}") if time else ""
            if not anchor or anchor in seen:  # two parts in one second: the first has the link
                out.append(body)
                continue
            seen.add(anchor)
            out.append(
                f'<p id="{anchor}" class="timed"><a class="timestamp" href="{href}{anchor}">'
                f'<span class="visually-hidden">At </span>{esc(time or "")}</a> {body[3:]}'
            )
        return "".join(out)

    def exchange(self, exchange: Exchange, turns: tuple[TurnView, ...]) -> ExchangeView:
        number = self.numbers[exchange.id]
        count = len(self.numbers)

        def neighbour(n: int) -> Link | None:
            if not 1 <= n <= count:
                return None
            other = self.t.parsed.exchanges[n - 1]
            return Link(self.href + other.id, self._question_label(n))

        asker = self.voices.get(exchange.asker) if exchange.asker else None
        return ExchangeView(
            anchor=exchange.id,
            url=self.href + exchange.id,
            copy_url=self._copy(exchange.id),
            number=number,
            asker=asker,
            topics=self.topics(exchange),
            notes=tuple(self.notes.get(f"exchange:{exchange.id}", ())),
            turns=turns,
            previous=neighbour(number - 1),
            next=neighbour(number + 1),
            contents_url=self.contents_url,
        )

    def sections(self) -> tuple[SectionView, ...]:
        """Turns grouped into their sections (consecutive runs) and exchanges, in source order."""
        kinds = {s.id: s for s in self.t.parsed.sections}
        runs: list[tuple[str, list[tuple[int, Turn]]]] = []
        for number, turn in enumerate(self.t.parsed.turns, 1):
            if not runs or runs[-1][0] != turn.section:
                runs.append((turn.section, []))
            runs[-1][1].append((number, turn))
        # A section the source interrupts comes back as a second run: only its first run gets
        # the anchor, so ids stay unique.
        anchored: set[str] = set()
        self._sections: list[tuple[str, SectionView]] = []
        for section_id, turns in runs:
            section = kinds.get(section_id)
            boilerplate = bool(section and section.kind == SectionKind.BOILERPLATE)
            if boilerplate and not any(t.paragraphs for _, t in turns):
                continue  # nothing but page furniture, all left out
            anchor = None if section_id in anchored else self.urls.section_anchor(section_id)
            anchored.add(section_id)
            title = wording.section_heading(section.title) if section else section_id
            view = SectionView(anchor, title, boilerplate, self._blocks(turns))
            self._sections.append((section_id, view))
        return tuple(view for _, view in self._sections)

    def _blocks(self, turns: list[tuple[int, Turn]]) -> tuple[TurnRun | ExchangeView, ...]:
        """A section's turns: each run of one exchange's turns gathered into that exchange, each
        run of turns outside exchanges into a :class:`TurnRun`."""
        blocks: list[TurnRun | ExchangeView] = []
        open_exchange: Exchange | None = None
        gathered: list[TurnView] = []

        def close() -> None:
            if gathered:
                made = tuple(gathered)
                blocks.append(
                    TurnRun(made) if open_exchange is None else self.exchange(open_exchange, made)
                )
                gathered.clear()

        for number, turn in turns:
            exchange = self.exchanges.get(turn.exchange) if turn.exchange else None
            if exchange is not open_exchange:
                close()
                open_exchange = exchange
            gathered.append(self.turn(turn, number, exchange))
        close()
        return tuple(blocks)
