"""What a Q&A turn says about the call's course: a hand-over to the next questioner, the end of
the questions, a company speaker's closing words.

Kept apart from the grouping in :mod:`site_builder.exchanges.group` so the phrases can be read (and
grown)
in one place; every pattern is about how calls are run, never about one call.
"""

from __future__ import annotations

import re

# The operator (or host) ends the Q&A, or hands back to the company, without introducing anyone.
OPERATOR_CLOSING = re.compile(
    r"\b(?:conclude[sd]?|concluding|that\s+(?:does\s+)?completes?|return\s+(?:you|the\s+call)|"
    r"turn\s+(?:the\s+(?:call|conference|floor|program)|it)\s+(?:back\s+)?(?:over\s+)?to|"
    r"turn\s+(?:the\s+(?:call|conference|floor)|it)\s+(?:back\s+)?over|"
    r"hand\s+(?:the\s+(?:call|conference)|it)\s+back|"
    r"end\s+of\s+(?:the\s+|our\s+|today'?s\s+)?(?:question|q\s*(?:&|and)\s*a)|"
    r"(?:no|not\s+(?:\w+\s+){0,2}any|n't\s+(?:\w+\s+){0,2}any)\s+(?:further|more)\s+questions|"
    r"disconnect)\b",
    re.I,
)
# A company speaker closing the call: "That wraps up the Q and A portion", "This now concludes
# Abbott's conference call", "Thanks to everyone for joining us", "feel free to call". Stronger
# than the operator's patterns, as executives say "turn it over to Brian" in the middle of an
# answer; and it ends the Q&A only where no analyst speaks after it in the section (see qa.py).
COMPANY_CLOSING = re.compile(
    r"\b(?:wraps?\s+up\s+(?:the|our|today)|"
    r"(?:conclud(?:es?|ing)|end)\s+(?:(?:our|the|this|today'?s|[A-Z]\S*)\s+){1,4}"
    r"(?:(?:earnings|conference|question-and-answer|q\s*(?:&|and)\s*a)\s+)?"
    r"(?:call|conference|q\s*(?:&|and)\s*a|session|program|portion)|"
    r"thank(?:s|\s+you)?\b[^.!?]{0,40}?\bfor\s+(?:joining|participating|listening|"
    r"being\s+with\s+us|(?:all\s+(?:of\s+)?)?your\s+(?:participation|patience|interest|time))|"
    r"thank[^.!?]{0,40}\bfor\s+(?:all\s+(?:of\s+)?)?your\s+questions|"
    r"thank\s+(?:you\s+)?(?:all|everyone|everybody)\s+who\b|"
    r"feel\s+free\s+to\s+(?:call|reach\s+out|contact|follow\s+up)|"
    r"(?:run|ran|running)\s+out\s+of\s+time|that(?:'s|\s+is)\s+all\s+the\s+time|"
    r"no\s+(?:further|more|other)\s+questions)",
    re.I,
)
# The operator asks a questioner who already spoke for another question ("a follow-up question
# from"), rather than re-opening their line ("Sam, your line is open").
NEW_QUESTION = re.compile(
    r"\b(?:first|next|follow[\s-]*up|final|last|another)\s+(?:question|questioner)|"
    r"\bquestion\s+(?:comes|is\s+(?:from|coming)|will\s+come)|\bmove\s+on\s+to\b",
    re.I,
)
# The host offers the current questioner another question ("Mark, did you have a follow-up
# question?"): their line again, not a new one.
_OFFERS_FOLLOW_UP = re.compile(
    r"\b(?:do|did|does|would)\s+(?:you|\w+)\s+have\s+(?:a|another|any)\s+follow[\s-]*up", re.I
)
# A host turns to questions sent in writing ("we will answer the questions that were asked in
# advance online", "questions submitted through our website"): what follows is read out.
WRITTEN_QUESTIONS = re.compile(
    r"\bquestions?\b[^.!?]{0,40}?\b(?:(?:asked|submitted|sent|received)\s+(?:in\s+advance|"
    r"online|via|through|by\s+e-?mail)|in\s+advance)|"
    r"\b(?:submitted|written|online|e-?mailed|webcast)\s+questions?\b",
    re.I,
)
UNIDENTIFIED = ("unidentified", "unknown")
# Names readers give a questioner the transcript does not name (``Q -`` in a talk's Q&A).
ANONYMOUS_ASKERS = frozenset({"questioner", "audience", "audience member", "question", "q"})


def closes_as_operator(text: str) -> bool:
    return OPERATOR_CLOSING.search(text) is not None


def closes_as_company(text: str) -> bool:
    return COMPANY_CLOSING.search(text) is not None


def asks_anew(text: str) -> bool:
    return NEW_QUESTION.search(_OFFERS_FOLLOW_UP.sub(" ", text)) is not None


def turns_to_written(text: str) -> bool:
    # Every wording names a question; most turns do not, and a substring test is far cheaper
    # than the pattern's search (it runs on every company turn).
    return "question" in text.lower() and WRITTEN_QUESTIONS.search(text) is not None
