"""What the search index holds, made from the model the build already has, not from its HTML.

One record per Q&A exchange (question, answers and follow-ups together, landing on ``#q07``),
one per turn outside an exchange (a prepared remark, landing on ``#t005``), and one per call
(its title and summary, landing on the page). Each record's filters are true of that record:
the speakers of *this* exchange, their firms, the exchange's topics and its section, besides the
call's company and quarter; so "speaker: Ben Kallo" finds his questions, not every call he was on.

Disclaimers and other text nobody speaks (``boilerplate`` sections) are left out: every call of a
company repeats them, and they would crowd out the remarks.

Record URLs are site-relative (``/transcripts/x/#q07``): the search page's script puts the base
path in front, as it does for every Pagefind result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .index import Site
from .model import (
    GROUP_OPERATOR,
    GROUP_UNKNOWN,
    SECTION_BOILERPLATE,
    SECTION_PREPARED,
    SECTION_QA,
    SECTION_SUMMARY,
    Transcript,
    Turn,
)
from .urls import Urls

SECTION_LABELS = {
    SECTION_PREPARED: "Prepared remarks",
    SECTION_QA: "Questions and answers",
    SECTION_SUMMARY: "Summary (not verbatim)",
}
"""The ``section`` filter's values; any other kind of section is "Remarks"."""
CALL_SECTION = "Call"
"""The ``section`` of the record for the call as a whole (title and summary)."""

# Pagefind's UI puts titles and filter values into the search page as HTML (innerHTML): a firm
# named "<img src=x onerror=...>" would become an element there. An invisible WORD JOINER after
# every "<" and "&" leaves the value reading the same while no tag or entity can start
# (tests/test_xss.py shows it in Chromium).
_WORD_JOINER = "\u2060"


def inert(text: str) -> str:
    return text.replace("&", "&" + _WORD_JOINER).replace("<", "<" + _WORD_JOINER)


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One search result: what Pagefind's ``add_custom_record`` is given."""

    url: str
    """Site-relative, with the anchor it lands on."""
    title: str
    content: str
    """The words a query is matched against and excerpts are taken from."""
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    """(filter name, values), names in a fixed order; empty values left out."""
    language: str = "en"


def _quarter(transcript: Transcript) -> str | None:
    event = transcript.parsed.event
    if not event.quarter:
        return None
    return f"{event.quarter} {event.year}" if event.year else event.quarter


class _CallRecords:
    """Makes the records of one call; names and firms are looked up once per participant."""

    def __init__(self, site: Site, transcript: Transcript) -> None:
        self.site = site
        self.transcript = transcript
        self.urls = Urls("/")
        parsed = transcript.parsed
        self.sections = {s.id: s.kind for s in parsed.sections}
        self.names: dict[str, str] = {}
        self.firms: dict[str, str] = {}
        self.counted: set[str] = set()
        """Participants who are filter values: not the operator, not an unknown voice."""
        for p in parsed.participants:
            person = site.person_of(transcript.slug, p.id).person
            self.names[p.id] = person.name if person.id in site.annotations.people else p.name
            firm = site.organization_of(transcript.slug, p.id)
            if firm is not None:
                self.firms[p.id] = firm.organization.name
            if p.group not in (GROUP_OPERATOR, GROUP_UNKNOWN):
                self.counted.add(p.id)
        company = site.organizations.get(site.transcript_companies.get(transcript.slug, ""))
        self.company = company.organization.name if company else None
        self.quarter = _quarter(transcript)

    def filters(
        self, speakers: Iterable[str], topics: Iterable[str], section: str
    ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        people = [s for s in dict.fromkeys(speakers) if s in self.counted]
        found = (
            ("speaker", [self.names[p] for p in people]),
            ("organisation", [self.firms[p] for p in people if p in self.firms]),
            ("company", [self.company] if self.company else []),
            ("quarter", [self.quarter] if self.quarter else []),
            ("topic", list(topics)),
            ("section", [section]),
        )
        return tuple(
            (name, values)
            for name, raw in found
            if (values := tuple(dict.fromkeys(inert(v) for v in raw if v.strip())))
        )

    def text(self, turns: Iterable[Turn]) -> str:
        return "\n".join(
            f"{self.names.get(t.speaker, '')}: " + " ".join(t.paragraphs) for t in turns
        )

    def section_of(self, turn: Turn) -> str:
        return SECTION_LABELS.get(self.sections.get(turn.section, ""), "Remarks")

    def records(self) -> list[SearchRecord]:
        t = self.transcript
        parsed = t.parsed
        call_title = inert(t.title)
        summary = (t.summary or "").strip()
        records = [
            SearchRecord(
                self.urls.transcript(t.slug),
                call_title,
                "\n".join(v for v in (t.title, self.company, parsed.event.date, summary) if v),
                self.filters((), (), CALL_SECTION),
            )
        ]
        turns = {turn.id: turn for turn in parsed.turns}
        topics = self.site.topics
        for exchange in parsed.exchanges:
            said = [turns[tid] for tid in exchange.turns if tid in turns]
            asker = self.names.get(exchange.asker or "", "")
            title = f"{call_title}: question {int(exchange.id[1:] or 0)}" + (
                f", {inert(asker)}" if asker else ""
            )
            records.append(
                SearchRecord(
                    self.urls.in_transcript(t.slug, exchange.id),
                    title,
                    self.text(said),
                    self.filters(
                        (turn.speaker for turn in said),
                        (topics[i].topic.title for i in exchange.topics if i in topics),
                        self.section_of(said[0]) if said else SECTION_LABELS[SECTION_QA],
                    ),
                )
            )
        for turn in parsed.turns:
            if (
                turn.exchange
                or not turn.speaker
                or self.sections.get(turn.section) == (SECTION_BOILERPLATE)
            ):
                continue
            name = self.names.get(turn.speaker, "")
            records.append(
                SearchRecord(
                    self.urls.turn(t.slug, turn.id),
                    f"{call_title}: {inert(name)}" if name else call_title,
                    self.text((turn,)),
                    self.filters((turn.speaker,), (), self.section_of(turn)),
                )
            )
        return records


def transcript_records(site: Site, transcript: Transcript) -> list[SearchRecord]:
    """The records of one call: the call, each exchange, each turn outside an exchange."""
    return _CallRecords(site, transcript).records()


def site_records(site: Site) -> list[SearchRecord]:
    """Every record of the site, calls in the site's order (newest first)."""
    return [r for t in site.transcripts for r in transcript_records(site, t)]
