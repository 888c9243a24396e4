"""Plausible earnings-call sentences from word lists, fast enough for 120 MB of text.

Sentence templates are combined once, at import, from fixed fragments; a paragraph picks templates
and fills their slots from one company's vocabulary. Nothing reads a file or the network.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import words

_SUBJECTS = (
    "revenue in our {seg} segment",
    "{seg} revenue",
    "gross margin",
    "operating margin",
    "demand for the {prod}",
    "our {region} business",
    "the {prod} ramp",
    "free cash flow",
    "operating expenses",
    "the order book",
    "our installed base",
    "pricing on the {prod}",
    "customer interest in {region}",
    "headcount",
    "capital spending",
    "the {seg} pipeline",
    "bookings in {region}",
    "unit volume",
    "earnings per share",
    "working capital",
)
_PREDICATES = (
    "grew {pct} percent year over year",
    "came in at ${amt} million",
    "was up {pct} percent sequentially",
    "declined about {pct} percent",
    "was roughly flat",
    "finished ahead of our plan",
    "remained under some pressure",
    "improved meaningfully",
    "was in line with our guidance",
    "reached a record ${amt} million",
    "should keep improving through {year}",
    "is tracking ahead of where we expected",
    "was a little softer than we wanted",
    "expanded by {bps} basis points",
    "contracted by {bps} basis points",
    "totalled ${amt} million for the quarter",
)
_TAILS = (
    "",
    "",
    " driven by {driver}",
    " largely because of {driver}",
    " despite {driver}",
    " as we had expected",
    " in the {qname} quarter",
    " and we expect that to continue",
    ", partly offset by {driver}",
    " compared with the prior year",
    " which we think is sustainable",
    " even with {driver} in {region}",
)
_STATEMENTS = (
    "We remain focused on execution and on delivering for our customers.",
    "We are investing in {prod} capacity in {region} to support that growth.",
    "The team did an excellent job in what was a difficult environment.",
    "We continue to see healthy engagement from customers in {region}.",
    "Our balance sheet remains strong, with ${amt} million in cash and investments.",
    "We expect the {seg} business to be a larger share of the mix by the end of {year}.",
    "We launched the new {prod} during the quarter and early feedback has been positive.",
    "There is more work to do on costs, and we are doing it.",
    "We bought back about ${amt} million of stock in the quarter.",
    "We are not going to give a number for that today.",
    "I would not read too much into one quarter.",
    "We think the long-term opportunity in {seg} is larger than it was a year ago.",
)
_QUESTIONS = (
    "Can you talk a little about {topic}?",
    "How should we think about {topic} for the rest of {year}?",
    "I wanted to ask about {topic} and what you are seeing in {region}.",
    "Just a follow-up on {topic}: has anything changed since last quarter?",
    "Could you quantify the impact of {driver} on the {seg} segment?",
    "And on {topic}, are you seeing any change in customer behaviour?",
    "Can you help us bridge {topic} from the {qname} quarter to the next one?",
    "Where do you think consensus is wrong on {topic}?",
    "Is the {prod} contributing to revenue yet, or is that still ahead of us?",
    "What would it take for {topic} to surprise on the upside?",
)
_QUESTION_LEADS = (
    "Thanks for taking my question.",
    "Congratulations on the quarter.",
    "Hi, thanks.",
    "Good afternoon, everyone.",
    "Thanks, guys.",
    "Two questions, if I may.",
    "",
)
_QUARTER_NAMES = ("first", "second", "third", "fourth")


def _combine() -> tuple[str, ...]:
    """Every opener-subject-predicate-tail combination, thinned to a fixed sample."""
    sample = random.Random(20120725)
    templates = []
    for _ in range(6000):
        opener = sample.choice(words.OPENERS)
        subject = sample.choice(_SUBJECTS)
        sentence = f"{opener}{subject} {sample.choice(_PREDICATES)}{sample.choice(_TAILS)}."
        templates.append(sentence[0].upper() + sentence[1:])
    return tuple(templates) + _STATEMENTS * 40


_SENTENCES = _combine()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What a company's calls talk about."""

    segments: tuple[str, ...]
    products: tuple[str, ...]
    year: int
    quarter: int


class ParagraphMaker:
    """Paragraphs for one call; all randomness comes from the ``rng`` it is given."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary) -> None:
        self.rng = rng
        self.vocabulary = vocabulary

    def _slots(self, topic: str = "") -> dict[str, object]:
        rng, v = self.rng, self.vocabulary
        return {
            "seg": rng.choice(v.segments),
            "prod": rng.choice(v.products),
            "region": rng.choice(words.REGIONS),
            "driver": rng.choice(words.DRIVERS),
            "pct": rng.randint(2, 38),
            "bps": rng.randint(2, 30) * 10,
            "amt": f"{rng.randint(5, 2400)}.{rng.randint(0, 9)}",
            "year": v.year + 1,
            "qname": _QUARTER_NAMES[v.quarter - 1],
            "topic": topic,
        }

    def statement(self, length: int) -> str:
        """Declarative sentences until the paragraph is at least ``length`` characters."""
        slots = self._slots()
        rng, parts, size = self.rng, [], 0
        while size < length:
            if rng.random() < 0.3:
                slots = self._slots()
            sentence = rng.choice(_SENTENCES).format_map(slots)
            parts.append(sentence)
            size += len(sentence) + 1
        return " ".join(parts)

    def answer(self, length: int) -> str:
        lead = self.rng.choice(words.FILLERS) + " " if self.rng.random() < 0.4 else ""
        return lead + self.statement(max(80, length - len(lead)))

    def question(self, topic: str, length: int) -> str:
        rng = self.rng
        slots = self._slots(topic)
        lead = rng.choice(_QUESTION_LEADS)
        parts = [lead] if lead else []
        size = len(lead)
        while size < length:
            sentence = rng.choice(_QUESTIONS).format_map(slots)
            if rng.random() < 0.5:
                sentence = rng.choice(_SENTENCES).format_map(slots) + " " + sentence
            parts.append(sentence)
            size += len(sentence) + 1
        return " ".join(parts)
