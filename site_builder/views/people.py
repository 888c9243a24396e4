"""Person pages: who they are, and at each of their calls what they said, question by question.

Each event lists the person's turns gathered by the exchange they belong to, with the question's
context (its number, who asked, its opening words, who answered: :mod:`site_builder.views.passages`,
made once per exchange per build). The views hold only text and URLs; the markup is in
``templates/partials/person_event.html``, which a site can override by file name.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from site_builder import markdown
from site_builder.index.site import Site
from site_builder.index.speech import tally
from site_builder.urls import Urls
from site_builder.views.chart_svg import Share, share_bars_svg, speaker_shares
from site_builder.views.charts import ChartView, DataTable, chart_view, legend_items
from site_builder.views.common import DateView, Link, Stat, date_view, org_link, plural
from site_builder.views.exchanges import by_transcript, printed
from site_builder.views.passages import Passage, passages
from site_builder.views.text import esc


@dataclass(frozen=True, slots=True)
class PersonEvent:
    """One call on a person's page."""

    transcript: Link
    date: DateView | None
    role: str | None
    """Their role on this call, as its participant list gives it."""
    organization: Link | None
    passages: tuple[Passage, ...]
    """Everything they said there, by exchange (or section), in the call's order."""
    summary: str
    """``6 turns in 1 question``: what the passages add up to."""


@dataclass(frozen=True, slots=True)
class PersonView:
    name: str
    role: str | None
    organization: Link | None
    bio: Markup | None
    stats: tuple[Stat, ...]
    """Only the counts that are not zero: an analyst answers no questions."""
    events: tuple[PersonEvent, ...]
    """Newest first."""
    chart: ChartView | None = None
    """Their share of each event's spoken words."""


@dataclass(frozen=True, slots=True)
class PersonItem:
    url: str
    name: str
    role: str | None
    organization: Link | None
    summary: str
    """``12 turns in 1 event``."""


def _event_summary(found: tuple[Passage, ...]) -> str:
    turns = sum(len(p.said) for p in found)
    asked = sum(1 for p in found if p.exchange is not None and p.asked)
    answered = sum(1 for p in found if p.exchange is not None and not p.asked)
    parts = [plural(turns, "turn")]
    if asked:
        parts.append(f"asked {plural(asked, 'question')}")
    if answered:
        parts.append(f"answered {plural(answered, 'question')}")
    return ", ".join(parts)


def _event(site: Site, urls: Urls, person_id: str, slug: str, turn_ids: list[str]) -> PersonEvent:
    made = printed(site, urls)
    call = made.calls[slug]
    participant = made.positions(slug).participants[made.participants[(slug, person_id)][0]]
    found = passages(site, urls).person_passages(slug, turn_ids)
    return PersonEvent(
        transcript=Link(urls.transcript(slug), call.title),
        date=date_view(call.parsed.event.date),
        role=participant.role,
        organization=org_link(
            site, urls, site.participant_organizations.get((slug, participant.id))
        ),
        passages=found,
        summary=_event_summary(found) if found else "",
    )


def person_view(site: Site, urls: Urls, person_id: str) -> PersonView:
    entry = site.people[person_id]
    turns = by_transcript(entry.turns)
    events = tuple(
        _event(site, urls, person_id, slug, [ref.turn for ref in turns.get(slug, ())])
        for slug in entry.transcripts
    )
    person = entry.person
    stats = (
        Stat("Events", len(entry.transcripts)),
        Stat("Turns", len(entry.turns)),
        Stat("Words", entry.words),
        Stat("Questions asked", len(entry.asked)),
        Stat("Answers given", len(entry.answered)),
    )
    return PersonView(
        name=person.name,
        role=person.role,
        organization=org_link(site, urls, person.organization),
        bio=markdown.render(person.bio) if person.bio else None,
        stats=tuple(stat for stat in stats if stat.value),
        events=events,
        chart=person_share_chart(site, urls, person_id),
    )


def person_share_chart(site: Site, urls: Urls, person_id: str) -> ChartView | None:
    """The person's share of each event's spoken words, newest event first."""
    entry = site.people[person_id]
    made = printed(site, urls)
    rows: list[Share] = []
    body: list[str] = []
    calls, participants = made.calls, made.participants
    for slug in entry.transcripts:
        call = calls[slug]
        counted = tally(call.parsed)
        words = counted.speaker_words
        ids = participants.get((slug, person_id), ())
        if len(ids) == 1:  # nearly everyone: one participant of the call is this person
            first = ids[0]
            said = words.get(first)
            if said is None or not counted.total:
                continue
            turns = counted.speaker_turns[first]
        else:
            mine = [pid for pid in ids if pid in words]
            if not counted.total or not mine:
                continue
            first = mine[0]
            if len(mine) > 1:  # the group of the one who spoke most, as the call's chart ranks
                first = next(s.key for s in speaker_shares(call.parsed) if s.key in mine)
            said = sum(words[pid] for pid in mine)
            turns = sum(counted.speaker_turns[pid] for pid in mine)
        group = made.positions(slug).participants[first].group
        row = Share(slug, call.title, group, said, turns, said / counted.total)
        rows.append(row)
        # The table printed here, not through Cell and rows_html: a busy analyst has hundreds.
        body.append(
            f'<tr><th scope="row"><a href="{esc(urls.transcript(slug))}">{esc(call.title)}</a>'
            f'</th><td class="num">{turns}</td><td class="num">{said:,}</td>'
            f'<td class="num">{row.percent}</td></tr>\n'
        )
    if not rows:
        return None
    name = entry.person.name
    return chart_view(
        id="chart-person-share",
        heading="Share of each call",
        svg=share_bars_svg(
            "chart-person-share", rows, f"{name}'s share of the spoken words in each event"
        ),
        legend=legend_items([r.group for r in rows]),
        table=DataTable(
            f"{name}'s words against all spoken words, by event",
            ("Event", "Turns", "Words", "Share of words"),
            (False, True, True, True),
            Markup("".join(body)),
        ),
        table_open=True,
        level=2,
    )


def person_item(site: Site, urls: Urls, person_id: str) -> PersonItem:
    entry = site.people[person_id]
    return PersonItem(
        url=urls.person(person_id),
        name=entry.person.name,
        role=entry.person.role,
        organization=org_link(site, urls, entry.person.organization),
        summary=f"{plural(len(entry.turns), 'turn')} in {plural(len(entry.transcripts), 'event')}",
    )
