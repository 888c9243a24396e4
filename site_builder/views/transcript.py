"""The transcript page's view: metadata, participants, contents, corrections and the body
(the turns themselves, in :mod:`site_builder.views.transcript_body`)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from site_builder import markdown
from site_builder.errors import Diagnostic
from site_builder.index.site import Site
from site_builder.load import provenance
from site_builder.model import Group, Provenance, Transcript
from site_builder.text import wording
from site_builder.urls import CONTENTS_ANCHOR, Urls
from site_builder.views.charts import ChartView, transcript_charts
from site_builder.views.common import (
    DateView,
    Link,
    SpeakerView,
    date_view,
    org_link,
    speaker_view,
)
from site_builder.views.linking import (
    CallCitation,
    CallNeighbours,
    call_citation,
    call_neighbours,
)
from site_builder.views.search import SearchFilter, quarter_label, transcript_filters
from site_builder.views.text import NumberedCorrection, esc, locate
from site_builder.views.transcript_body import (
    ContentsSection,
    SectionView,
    TranscriptBody,
    notes_html,
)


@dataclass(frozen=True, slots=True)
class ParticipantGroup:
    title: str
    speakers: tuple[SpeakerView, ...]
    """Name (linked to the person page), role and organisation: the one place roles are shown."""


@dataclass(frozen=True, slots=True)
class CorrectionNote:
    anchor: str
    number: int
    back_url: str | None
    """Where the correction is marked in the text; None when its words were not found."""
    turn: Link
    find: str
    replace: str
    reason: str


@dataclass(frozen=True, slots=True)
class ProvenanceView:
    publisher: str | None
    url: str | None
    retrieved: DateView | None
    licence: str | None
    note: str | None
    audio: str | None
    video: str | None


def provenance_view(source: Provenance | None) -> ProvenanceView | None:
    if source is None:
        return None
    return ProvenanceView(
        publisher=source.publisher,
        url=source.url,
        retrieved=date_view(source.retrieved),
        licence=source.licence,
        note=source.note,
        audio=source.audio,
        video=source.video,
    )


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class TranscriptView:
    title: str
    date: DateView | None
    company: Link | None
    facts: tuple[Fact, ...]
    summary: Markup | None
    notes: tuple[Markup, ...]
    participant_groups: tuple[ParticipantGroup, ...]
    contents_anchor: str
    """Id of the list of questions (each question's "All questions" link leads there)."""
    contents: tuple[ContentsSection, ...]
    """Every section, and under it every question: number, asker, firm, first words."""
    question_count: int
    contents_url: str
    """The list of questions: where the phone's "Questions" link leads back to."""
    sections: tuple[SectionView, ...]
    corrections: tuple[CorrectionNote, ...]
    source_notes: tuple[str, ...]
    json_url: str
    search_filters: Markup
    """Speaker, organisation, company, quarter and topic values for the search index, printed
    as Pagefind reads them."""
    calls: CallNeighbours | None = None
    """The same company's previous and next call."""
    charts: tuple[ChartView, ...] = ()
    citation: CallCitation | None = None
    """How to cite the call, and from which each remark's citation is made."""
    noun: str = "call"
    """What the event is called: call, hearing, episode, debate (``wording.noun``)."""
    provenance: ProvenanceView | None = None
    """Where the transcript came from, when its annotations or the site say."""


def _typographic_repair(warning: Diagnostic) -> bool:
    """A mark put back as it was meant (``repaired 434 damaged apostrophes``): left out of the
    page's "Source notes", kept in the build's warnings and the JSON. What could not be repaired
    or decoded stays on the page: the reader sees its trace in the text."""
    return warning.kind == "repair" and warning.message.startswith("repaired ")


# The order the groups are listed in; their titles depend on the kind of event (wording.py).
GROUP_ORDER = (Group.COMPANY, Group.ANALYST, Group.OPERATOR, Group.OTHER, Group.UNKNOWN)


def _facts(transcript: Transcript) -> tuple[Fact, ...]:
    e = transcript.parsed.event
    facts: list[Fact] = []
    if e.exchange and e.ticker:
        facts.append(Fact("Ticker", f"{e.exchange}: {e.ticker}"))
    elif e.ticker:
        facts.append(Fact("Ticker", e.ticker))
    if e.quarter or e.year:
        facts.append(Fact("Period", " ".join(str(v) for v in (e.quarter, e.year) if v)))
    if e.time:
        facts.append(Fact("Time", " ".join(v for v in (e.time, e.timezone) if v)))
    return tuple(facts)


def _numbered_corrections(urls: Urls, transcript: Transcript) -> tuple[NumberedCorrection, ...]:
    return tuple(
        NumberedCorrection(
            correction=c,
            number=n,
            anchor=urls.correction_anchor(n),
            ref_anchor=urls.correction_ref_anchor(n),
            note_url=urls.in_transcript(transcript.slug, urls.correction_anchor(n)),
        )
        for n, c in enumerate(transcript.corrections, 1)
    )


def _correction_notes(
    urls: Urls,
    transcript: Transcript,
    corrections: tuple[NumberedCorrection, ...],
    speakers: dict[str, SpeakerView],
) -> tuple[CorrectionNote, ...]:
    turns = {turn.id: turn for turn in transcript.parsed.turns}

    def turn_label(turn_id: str) -> str:
        turn = turns.get(turn_id)
        if turn is None:
            return turn_id
        return (turn.speaker and speakers[turn.speaker].name) or "Unattributed text"

    def placed(c: NumberedCorrection) -> bool:
        turn = turns.get(c.correction.turn)
        return bool(locate(turn.paragraphs if turn else (), c.correction))

    return tuple(
        CorrectionNote(
            anchor=c.anchor,
            number=c.number,
            back_url=urls.in_transcript(transcript.slug, c.ref_anchor) if placed(c) else None,
            turn=Link(urls.turn(transcript.slug, c.correction.turn), turn_label(c.correction.turn)),
            find=c.correction.find,
            replace=c.correction.replace,
            reason=c.correction.reason,
        )
        for c in corrections
    )


# Pagefind decodes entities in the filter text it reads, and its UI puts filter values into the
# search page as HTML (innerHTML): a firm named "<img src=x onerror=...>" or "&lt;img ...&gt;"
# would become an element there. An invisible WORD JOINER after every "<" and "&" leaves the value
# reading the same while no tag or entity can start (tests/test_xss.py shows it in Chromium).
_WORD_JOINER = "\u2060"


def _filters_html(filters: tuple[SearchFilter, ...]) -> Markup:
    return Markup(
        "".join(
            f'<span data-pagefind-filter="{esc(f.name)}">'
            f"{esc(f.value.replace('&', '&' + _WORD_JOINER).replace('<', '<' + _WORD_JOINER))}"
            "</span>\n"
            for f in filters
        )
    )


def transcript_view(site: Site, urls: Urls, transcript: Transcript) -> TranscriptView:
    parsed = transcript.parsed
    speakers = {p.id: speaker_view(site, urls, transcript, p) for p in parsed.participants}
    corrections = _numbered_corrections(urls, transcript)
    body = TranscriptBody(site, urls, transcript, speakers, corrections)
    company = org_link(site, urls, site.transcript_companies.get(transcript.slug))
    grouped: dict[str, list[str]] = {}
    for p in parsed.participants:
        grouped.setdefault(p.group, []).append(p.id)
    kind = parsed.event.kind
    titles = wording.group_titles(kind)
    groups = tuple(
        ParticipantGroup(titles[group], tuple(speakers[pid] for pid in grouped[group]))
        for group in GROUP_ORDER
        if group in grouped
    )
    held_by = company.text if company else None
    source = provenance.of(transcript, site.config.provenance)
    return TranscriptView(
        title=transcript.title,
        date=date_view(parsed.event.date),
        company=company,
        facts=_facts(transcript),
        summary=markdown.render(transcript.summary) if transcript.summary else None,
        notes=notes_html(transcript, "transcript"),
        participant_groups=groups,
        contents_anchor=CONTENTS_ANCHOR,
        sections=body.sections(),
        contents=body.contents(),
        question_count=len(parsed.exchanges),
        contents_url=urls.in_transcript(transcript.slug, CONTENTS_ANCHOR),
        corrections=_correction_notes(urls, transcript, corrections, speakers),
        # The typographic repair log ("repaired 434 damaged apostrophes") is the build's and the
        # JSON's business, not the reader's: the repaired text reads as the speaker meant it.
        source_notes=tuple(
            f"line {w.line}: {w.message}" if w.line else w.message
            for w in parsed.warnings
            if not _typographic_repair(w)
        ),
        json_url=urls.transcript_json(transcript.slug),
        calls=call_neighbours(site, urls, transcript.slug),
        # Drawn from the call as the site holds it: its word counts are remembered there, and
        # no chart's memo keeps this page's whole text alive (index/openings.py).
        charts=transcript_charts(urls, site.transcript(transcript.slug), speakers),
        citation=call_citation(urls, transcript, site.config.title, held_by, source),
        noun=wording.noun(kind),
        provenance=provenance_view(source),
        search_filters=_filters_html(
            transcript_filters(
                speakers.values(),
                company,
                quarter_label(parsed.event.quarter, parsed.event.year),
                (topic for e in parsed.exchanges for topic in body.topics(e)),
            )
        ),
    )
