"""Person pages: who they are, and at each of their calls what they asked, answered and said.

A person on 1,000 calls has thousands of turns and questions: each event is printed here in
Python (not looped over in a template) from what :mod:`site_builder.views_exchanges` printed
once per build, and every lookup goes through a dictionary, never a scan of a call's turns.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import markdown
from .charts import Share, share_bars_svg, speaker_shares, tally
from .index import ExchangeRef, Site, TurnRef
from .urls import Urls
from .views_charts import ChartView, DataTable, chart_view, legend_items
from .views_common import Link, Stat, org_link, plural
from .views_exchanges import Positions, Printed, by_transcript, printed
from .views_lists import excerpts_html
from .views_text import esc, excerpt


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
    items = []
    for ref in refs:
        number, turn = turns[ref.turn]
        asked = exchanges.get(turn.exchange) if turn.exchange else None
        label = f"Turn {number}, question {asked[0]}" if asked else f"Turn {number}"
        items.append(
            f'<li><a href="{href}{esc(turn.id)}">{label}</a> '
            f'<span class="excerpt">{esc(excerpt(turn.paragraphs))}</span></li>\n'
        )
    return excerpts_html(items)


def _event_html(
    made: Printed,
    slug: str,
    person_id: str,
    asked: list[ExchangeRef],
    answered: list[ExchangeRef],
    turns: list[TurnRef],
) -> str:
    """One event of a person page: the call, their role there, what they asked and answered,
    and the opening words of everything they said."""
    positions = made.positions(slug)
    participant = positions.participants[made.participants[(slug, person_id)][0]]
    role = esc(participant.role) if participant.role else ""
    org = made.org_html(made.site.participant_organizations.get((slug, participant.id)))
    head, dated = made.call_head(made.calls[slug])
    out = [head]
    if dated and (role or org):
        out.append(" · ")
    out.append(f"{role}, {org}" if role and org else role or org)
    out.append("</p>\n")
    if asked:
        out.append("  <h3>Questions asked</h3>\n")
        out.append(made.exchange_list(asked, show_asker=False))
        out.append("\n")
    if answered:
        out.append("  <h3>Questions answered</h3>\n")
        out.append(made.exchange_list(answered))
        out.append("\n")
    if turns:
        count = len(turns)
        out.append(f"  <h3>Everything said ({count} turn{'' if count == 1 else 's'})</h3>\n")
        out.append(_turns_html(positions, turns))
        out.append("\n")
    else:
        out.append("  <p>Listed as a participant; no recorded turns.</p>\n")
    out.append("</section>")
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
            asked.get(slug, []),
            answered.get(slug, []),
            turns.get(slug, []),
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
    for slug in entry.transcripts:
        parsed = made.calls[slug].parsed
        counted = tally(parsed)
        words = counted.speaker_words
        mine = [pid for pid in made.participants.get((slug, person_id), ()) if pid in words]
        if not counted.total or not mine:
            continue
        first = mine[0]
        if len(mine) > 1:  # the group of the one who spoke most, as the call's own chart ranks
            first = next(s.key for s in speaker_shares(parsed) if s.key in mine)
        said = sum(words[pid] for pid in mine)
        turns = sum(counted.speaker_turns[pid] for pid in mine)
        group = made.positions(slug).participants[first].group
        title = made.calls[slug].title
        rows.append(Share(slug, title, group, said, turns, said / counted.total))
    if not rows:
        return None
    name = entry.person.name
    # The table printed here, not through Cell and rows_html: a busy analyst has hundreds.
    body = "".join(
        f'<tr><th scope="row"><a href="{esc(urls.transcript(r.key))}">{esc(r.label)}</a></th>'
        f'<td class="num">{r.turns}</td><td class="num">{r.words:,}</td>'
        f'<td class="num">{r.percent}</td></tr>\n'
        for r in rows
    )
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
            Markup(body),
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
