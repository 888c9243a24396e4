"""Person pages: who they are, and at each of their calls what they asked, answered and said.

A person on 1,000 calls has thousands of turns and questions: each event is printed here in
Python (not looped over in a template) from what :mod:`site_builder.views.exchanges` printed
once per build, and every lookup goes through a dictionary, never a scan of a call's turns.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from site_builder import markdown
from site_builder.index.entries import ExchangeRef, TurnRef
from site_builder.index.site import Site
from site_builder.index.speech import tally
from site_builder.urls import Urls
from site_builder.views.chart_svg import Share, share_bars_svg, speaker_shares
from site_builder.views.charts import ChartView, DataTable, chart_view, legend_items
from site_builder.views.common import Link, Stat, org_link, plural
from site_builder.views.exchanges import Positions, Printed, by_transcript, printed
from site_builder.views.lists import excerpts_html
from site_builder.views.text import esc, excerpt


@dataclass(frozen=True, slots=True)
class PersonView:
    name: str
    role: str | None
    organization: Link | None
    bio: Markup | None
    stats: tuple[Stat, ...]
    events: Markup
    """A ``<section>`` per event, printed (:func:`_event_html`): what they asked, what they
    answered and the opening words of everything they said there."""
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


def _turns_html(positions: Positions, refs: list[TurnRef]) -> str:
    """Each turn's link (``Turn 12, question 3``) and its opening words, as one list."""
    turns, exchanges, href = positions.turns, positions.exchanges, positions.href
    items: list[str] = []
    append = items.append
    for ref in refs:
        number, turn = turns[ref.turn]
        asked = exchanges.get(turn.exchange) if turn.exchange else None
        question = f", question {asked[0]}" if asked else ""
        append(
            f'<li><a href="{href}{esc(turn.id)}">Turn {number}{question}</a> '
            f'<span class="excerpt">{esc(excerpt(turn.paragraphs))}</span></li>\n'
        )
    return excerpts_html(items)


def _event_html(
    made: Printed,
    slug: str,
    person_id: str,
    asked: list[ExchangeRef] | None,
    answered: list[ExchangeRef] | None,
    turns: list[TurnRef] | None,
) -> str:
    """One event of a person page: the call, their role there, what they asked and answered,
    and the opening words of everything they said."""
    positions = made.positions(slug)
    participant = positions.participants[made.participants[(slug, person_id)][0]]
    role = esc(participant.role) if participant.role else ""
    org = made.org_html(made.site.participant_organizations.get((slug, participant.id)))
    head, dated = made.call_head(made.calls[slug])
    who = f"{role}, {org}" if role and org else role or org
    out = [head, " · " if dated and who else "", who, "</p>\n"]
    if asked:
        out += ("  <h3>Questions asked</h3>\n", made.exchange_list(asked, show_asker=False), "\n")
    if answered:
        out += ("  <h3>Questions answered</h3>\n", made.exchange_list(answered), "\n")
    if turns:
        count = len(turns)
        out += (
            f"  <h3>Everything said ({count} turn{'' if count == 1 else 's'})</h3>\n",
            _turns_html(positions, turns),
            "\n</section>",
        )
    else:
        out.append("  <p>Listed as a participant; no recorded turns.</p>\n</section>")
    return "".join(out)


def person_view(site: Site, urls: Urls, person_id: str) -> PersonView:
    entry = site.people[person_id]
    asked = by_transcript(entry.asked)
    answered = by_transcript(entry.answered)
    turns = by_transcript(entry.turns)
    made = printed(site, urls)
    events = "\n".join(
        _event_html(
            made,
            slug,
            person_id,
            asked.get(slug),
            answered.get(slug),
            turns.get(slug),
        )
        for slug in entry.transcripts
    )
    person = entry.person
    return PersonView(
        name=person.name,
        role=person.role,
        organization=org_link(site, urls, person.organization),
        bio=markdown.render(person.bio) if person.bio else None,
        stats=(
            Stat("Events", len(entry.transcripts)),
            Stat("Turns", len(entry.turns)),
            Stat("Words", entry.words),
            Stat("Questions asked", len(entry.asked)),
            Stat("Answers given", len(entry.answered)),
        ),
        events=Markup(events),
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
