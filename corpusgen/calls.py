"""One generated earnings call: title, participants, prepared remarks, Q&A, closing."""

from __future__ import annotations

import random

from . import words
from .records import Call, Exchange, Organization, Person, Turn
from .text import ParagraphMaker, Vocabulary

FIRST_YEAR = 2019
ANNOTATED_SHARE = 0.3
"""Share of calls with a ``<slug>.yaml`` sidecar (summary and exchange topics)."""


_INTROS = (
    "The next question comes from {name} from {firm}.",
    "Your next question comes from {name} from {firm}.",
    "Our next question comes from {name} with {firm}.",
    "The next question is from {name} from {firm}.",
)


def make_call(
    rng: random.Random,
    company: Organization,
    sector: int,
    quarter_index: int,
    executives: tuple[Person, ...],
    coverage: list[Person],
    firms: dict[str, Organization],
) -> Call:
    year = FIRST_YEAR + quarter_index // 4
    quarter = quarter_index % 4 + 1
    _, _, segments, products = words.SECTORS[sector]
    maker = ParagraphMaker(rng, Vocabulary(segments, products, year, quarter))
    call_month = quarter * 3 + 1
    call_year = year + (call_month > 12)
    call_month = (call_month - 1) % 12 + 1
    day = rng.randint(15, 28)
    clock = rng.choice(("8:00 AM", "8:30 AM", "10:00 AM", "4:30 PM", "5:00 PM", "5:30 PM"))
    title = (
        f"{company.name} ({company.exchange}:{company.ticker}) Q{quarter} {year} Earnings Call "
        f"{words.MONTHS[call_month - 1]} {day}, {call_year} {clock} ET"
    )
    target = rng.randint(53_500, 66_000)
    ir, ceo, cfo, *others = executives
    qname = ("first", "second", "third", "fourth")[quarter - 1]

    def speech(who: Person, budget: int) -> Turn:
        paragraphs, size = [], 0
        while size < budget - 150:
            paragraphs.append(maker.statement(min(rng.randint(300, 900), budget - size)))
            size += len(paragraphs[-1]) + 1
        return Turn(who.name, who.id, tuple(paragraphs))

    prepared_budget = int(target * rng.uniform(0.35, 0.45))
    welcome = Turn(
        "Operator",
        "operator",
        (
            f"Good day, ladies and gentlemen, and welcome to the {company.name} {qname} quarter "
            f"{year} earnings conference call. [Operator instructions.] I would now like to turn "
            f"the call over to {ir.name}, {ir.role}. Please go ahead.",
        ),
    )
    opening = Turn(
        ir.name,
        ir.id,
        (
            f"Thank you, operator, and good afternoon, everyone. With me today are {ceo.name}, "
            f"our {ceo.role}, and {cfo.name}, our {cfo.role}.",
            "During this call we may make forward-looking statements. Actual results could "
            "differ materially due to a number of risks and uncertainties, including those "
            "described in our most recent filings with the SEC.",
            f"With that, I will turn the call over to {ceo.name}.",
        ),
    )
    speakers = [ceo, cfo, *others]
    shares = [0.55, 0.35] + [0.1 / max(1, len(others))] * len(others)
    remarks = [
        speech(who, int(prepared_budget * share))
        for who, share in zip(speakers, shares, strict=True)
    ]
    prepared = (welcome, opening, *remarks)

    asking = rng.sample(coverage, min(len(coverage), rng.randint(8, 13)))
    qa_budget = target - prepared_budget - 900
    per_exchange = qa_budget // len(asking)
    topic_ids = [t for t, _ in words.TOPICS]
    topic_titles = dict(words.TOPICS)
    exchanges = []
    for position, analyst in enumerate(asking):
        firm = firms[analyst.organization]
        spoken_firm = firm.short if firm.short and rng.random() < 0.3 else firm.name
        intro = (
            f"Our first question comes from {analyst.name} from {spoken_firm}."
            if position == 0
            else rng.choice(_INTROS).format(name=analyst.name, firm=spoken_firm)
        )
        dash = "–" if rng.random() < 0.7 else "-"
        label = f"{analyst.name} {dash} {firm.name}"
        topics = tuple(rng.sample(topic_ids, rng.choice((1, 1, 2))))
        turns = [Turn("Operator", "operator", (intro,))]
        size = len(intro)
        while size < per_exchange - 400:
            question = maker.question(topic_titles[topics[0]].lower(), rng.randint(150, 450))
            turns.append(Turn(label, analyst.id, (question,)))
            answerer = rng.choice(speakers[:3])
            remaining = per_exchange - size - len(question) - 2 * len(label)
            answer = speech(answerer, max(300, min(rng.randint(600, 2200), remaining)))
            turns.append(answer)
            size += len(question) + len(label) + len(answerer.name)
            size += sum(len(p) + 1 for p in answer.paragraphs)
        exchanges.append(Exchange(topics, tuple(turns)))
    closing = (
        Turn(
            "Operator",
            "operator",
            (
                "This concludes our question-and-answer session. I would like to turn the "
                f"conference back over to {ceo.name} for any closing remarks.",
            ),
        ),
        Turn(
            ceo.name,
            ceo.id,
            (
                "Thank you all for joining us today. We look forward to speaking with many of you "
                "over the coming weeks, and to updating you again next quarter.",
            ),
        ),
        Turn(
            "Operator",
            "operator",
            (
                "The conference has now concluded. Thank you for attending today's presentation. "
                "You may now disconnect.",
            ),
        ),
    )
    summary = None
    if rng.random() < ANNOTATED_SHARE:
        summary = f"{company.name} reported its {qname} quarter {year} results. " + (
            maker.statement(200)
        )
    return Call(
        slug=f"{company.ticker.lower()}-{year}-q{quarter}",
        company=company,
        year=year,
        quarter=quarter,
        date=f"{call_year:04d}-{call_month:02d}-{day:02d}",
        title=title,
        executives=executives,
        analysts=tuple(asking),
        prepared=prepared,
        exchanges=tuple(exchanges),
        closing=closing,
        summary=summary,
    )
