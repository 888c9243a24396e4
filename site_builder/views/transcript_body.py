"""The body of a transcript page: every turn in source order, in its section and exchange.

A call has hundreds of turns, and each turn's few lines of markup are printed here, in Python,
rather than through nested template macros: a macro call per turn (and per heading, permalink
and paragraph inside it) made the transcript pages the slowest part of a build. What is printed
is fixed by the model and the speakers' views, so the section views hold finished HTML and
``transcript.html`` only frames each section. Every text value goes through ``esc``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from site_builder import markdown
from site_builder.index.site import Site
from site_builder.model import SECTION_BOILERPLATE, Exchange, Transcript, Turn
from site_builder.text import wording
from site_builder.urls import CONTENTS_ANCHOR, Urls
from site_builder.views.common import Link, SpeakerView
from site_builder.views.linking import exchange_navs
from site_builder.views.lists import topic_list_html
from site_builder.views.text import NumberedCorrection, esc, paragraphs_html


@dataclass(frozen=True, slots=True)
class SectionView:
    anchor: str | None
    title: str
    boilerplate: bool
    html: Markup
    """The section's turns and questions, in source order."""


def notes_html(transcript: Transcript, target: str) -> tuple[Markup, ...]:
    return tuple(markdown.render(n.markdown) for n in transcript.notes if n.target == target)


def speaker_line_html(s: SpeakerView) -> str:
    """The name linked to the person page (when there is one), then role and organisation."""
    if s.url is None:
        line = f'<span class="speaker__name">{esc(s.name)}</span>'
    else:
        line = f'<a class="speaker__name" href="{esc(s.url)}">{esc(s.name)}</a>'
    if s.role or s.organization:
        about = [esc(s.role)] if s.role else []
        if s.organization:
            org = s.organization
            about.append(f'<a href="{esc(org.url)}">{esc(org.text)}</a>')
        line += f' <span class="speaker__role">{", ".join(about)}</span>'
    return line


def _notes(notes: tuple[Markup, ...]) -> str:
    return "".join(
        f'<div class="note" role="note"><p class="note__label">Editor’s note</p>{n}</div>\n'
        for n in notes
    )


class TranscriptBody:
    """Prints one transcript's turns, exchanges and sections.

    One object per page so the lookups (speakers, exchange numbers, corrections by turn) and
    each speaker's heading are made once, not once per turn; every turn's link is the page's
    URL plus its id, both escaped once.
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
        exchanges = transcript.parsed.exchanges
        self.exchanges = {e.id: e for e in exchanges}
        self.numbers = {e.id: n for n, e in enumerate(exchanges, 1)}
        self.corrections: dict[str, list[NumberedCorrection]] = {}
        for c in corrections:
            self.corrections.setdefault(c.correction.turn, []).append(c)
        self.notes: dict[str, list[Markup]] = {}
        for note in transcript.notes:
            self.notes.setdefault(note.target, []).append(markdown.render(note.markdown))
        self.navs = exchange_navs(
            urls,
            transcript,
            {e.id: speakers[e.asker].name for e in exchanges if e.asker},
            urls.in_transcript(transcript.slug, CONTENTS_ANCHOR),
        )
        self._topics: dict[str, tuple[Link, ...]] = {}
        self.lines = {pid: speaker_line_html(s) for pid, s in speakers.items()}
        self.names = {pid: esc(s.name) for pid, s in speakers.items()}
        # What every turn of a speaker prints alike: class, heading line, name, citation name.
        self.heads = {
            pid: (
                f"turn turn--{esc(s.group)}",
                self.lines[pid],
                self.names[pid],
                f' data-cite-by="{self.names[pid]}"' if self.names[pid] else "",
            )
            for pid, s in speakers.items()
        }
        # A place on the page is the page's URL, "#" and the anchor (Urls.in_transcript).
        self.href = esc(urls.in_transcript(transcript.slug, ""))
        # With an origin the copy button copies the absolute URL; without one, the link as the
        # browser resolved it (so nothing is printed for it).
        copy_prefix = urls.absolute("/") != "/"
        self.copy_href = (
            esc(urls.absolute(urls.in_transcript(transcript.slug, ""))) if copy_prefix else None
        )

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

    def speaker_items(self, participants: list[str]) -> Markup:
        """The participants' ``<li>``: each name linked to its person page, role, organisation."""
        return Markup("".join(f"<li>{self.lines[pid]}</li>\n" for pid in participants))

    def contents_items(self) -> Markup:
        """A ``<li>`` per question: its link, who asked and the topics."""
        items = []
        for number, exchange in enumerate(self.t.parsed.exchanges, 1):
            url = esc(self.urls.exchange(self.t.slug, exchange.id))
            item = f'<li><a href="{url}">Question {number}</a>'
            asker = self.speakers.get(exchange.asker) if exchange.asker else None
            if asker is not None:
                firm = f", {esc(asker.organization.text)}" if asker.organization else ""
                item += f": {esc(asker.name)}{firm}"
            topics = self.topics(exchange)
            if topics:
                names = " · ".join(esc(t.text) for t in topics)
                item += f'\n<span class="contents__topics">{names}</span>'
            items.append(item + "</li>\n")
        return Markup("".join(items))

    def _tools(self, anchor: str, label: str, cite: str, by: str | None) -> str:
        """The permalink to ``anchor`` (escaped); copy-link.js adds a copy button and a
        citation beside it."""
        extra = "" if self.copy_href is None else f' data-copy-url="{self.copy_href}{anchor}"'
        if by:
            extra += f' data-cite-by="{by}"'
        return (
            f'<div class="tools"><a class="permalink" href="{self.href}{anchor}" '
            f'data-pagefind-ignore data-copy-label="{cite}"{extra}><span aria-hidden="true">#'
            f'</span><span class="visually-hidden">{label}</span></a></div>'
        )

    def _notes(self, target: str) -> str:
        return _notes(tuple(self.notes[target])) if target in self.notes else ""

    def turn(self, turn: Turn, number: int, level: int, out: list[str]) -> None:
        """The turn's heading, permalink and paragraphs, appended to ``out``."""
        anchor = esc(turn.id)
        notes = self._notes(f"turn:{turn.id}") if self.notes else ""
        corrections = self.corrections.get(turn.id, ()) if self.corrections else ()
        if turn.times and not corrections:
            paragraphs = self._timed(turn)
        else:
            paragraphs = paragraphs_html(turn.paragraphs, corrections)
        head = self.heads.get(turn.speaker) if turn.speaker else None
        if head is None:
            # Text from the source document, not speech: no heading, permalink or citation of
            # its own (the section is one collapsed block); the id stays so old links land.
            if turn.paragraphs:
                out.append(f'<div class="boilerplate" id="{anchor}">\n{paragraphs}{notes}</div>\n')
            return
        css, line, name, by = head
        exchange = self.exchanges.get(turn.exchange) if turn.exchange else None
        question = " turn--question" if exchange and exchange.asker == turn.speaker else ""
        stamp = f'<span class="timestamp">{esc(turn.timestamp)}</span>' if turn.timestamp else ""
        copy = "" if self.copy_href is None else f' data-copy-url="{self.copy_href}{anchor}"'
        out.append(
            f'<div class="{css}{question}">\n'
            f'<div class="turn__head"><h{level} class="speaker" id="{anchor}">{line}</h{level}>'
            f'{stamp}<div class="tools"><a class="permalink" href="{self.href}{anchor}" '
            f'data-pagefind-ignore data-copy-label="turn {number}"{copy}{by}>'
            '<span aria-hidden="true">#</span><span class="visually-hidden">'
            f'Link to turn {number}, {name}</span></a></div></div>\n<div class="turn__body">\n'
        )
        out.append(paragraphs)
        out.append(f"</div>\n{notes}</div>\n")

    def _timed(self, turn: Turn) -> str:
        """Paragraphs merged from several cues, each with its start time as its own link
        (``#t023-001433``: the turn's anchor and the time, so it stays put when text is
        corrected)."""
        out, seen = [], set()
        for text, time in zip(turn.paragraphs, turn.times, strict=True):
            body = paragraphs_html((text,))
            anchor = esc(f"{turn.id}-{time.replace(':', '')}") if time else ""
            if not anchor or anchor in seen:  # two parts in one second: the first has the link
                out.append(body)
                continue
            seen.add(anchor)
            out.append(
                f'<p id="{anchor}" class="timed"><a class="timestamp" href="{self.href}{anchor}">'
                f'<span class="visually-hidden">At </span>{esc(time or "")}</a> {body[3:]}'
            )
        return "".join(out)

    def open_exchange(self, exchange: Exchange, out: list[str]) -> None:
        """The question's heading, permalink, topics and notes: what comes before its turns."""
        anchor = esc(exchange.id)
        number = self.numbers[exchange.id]
        asker = self.speakers.get(exchange.asker) if exchange.asker else None
        who = ""
        if asker is not None:
            firm = f", {esc(asker.organization.text)}" if asker.organization else ""
            who = f' <span class="exchange__asker">{esc(asker.name)}{firm}</span>'
        by = self.names[exchange.asker] if asker is not None and exchange.asker else None
        tools = self._tools(anchor, f"Link to question {number}", f"question {number}", by)
        out.append(
            f'<section class="exchange">\n<div class="exchange__head">'
            f'<h3 id="{anchor}">Question {number}{who}</h3>{tools}</div>\n'
            f"{topic_list_html(self.topics(exchange), f'Topics of question {number}')}"
            f"{self._notes(f'exchange:{exchange.id}')}"
        )

    def close_exchange(self, exchange: Exchange, out: list[str]) -> None:
        """The links to the previous and next question, after the question's turns."""
        out.append(f"{self.navs.get(exchange.id, '')}</section>\n")

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
        views: list[SectionView] = []
        for section_id, turns in runs:
            section = kinds.get(section_id)
            boilerplate = bool(section and section.kind == SECTION_BOILERPLATE)
            if boilerplate and not any(t.paragraphs for _, t in turns):
                continue  # nothing but page furniture, all left out
            anchor = None if section_id in anchored else self.urls.section_anchor(section_id)
            anchored.add(section_id)
            views.append(
                SectionView(
                    anchor=anchor,
                    title=wording.section_heading(section.title) if section else section_id,
                    boilerplate=boilerplate,
                    html=Markup(self._blocks(turns)),
                )
            )
        return tuple(views)

    def _blocks(self, turns: list[tuple[int, Turn]]) -> str:
        """A section's turns, each run of one exchange's turns gathered into that exchange."""
        # One list for the whole section, joined once: a call's every word is in it.
        out: list[str] = []
        open_exchange: Exchange | None = None
        for number, turn in turns:
            exchange = self.exchanges.get(turn.exchange) if turn.exchange else None
            if open_exchange is not None and exchange is not open_exchange:
                self.close_exchange(open_exchange, out)
                open_exchange = None
            if exchange is None:
                self.turn(turn, number, 3, out)
                continue
            if open_exchange is None:
                open_exchange = exchange
                self.open_exchange(exchange, out)
            self.turn(turn, number, 4, out)
        if open_exchange is not None:
            self.close_exchange(open_exchange, out)
        return "".join(out)
