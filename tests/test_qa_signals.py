"""A turn's phrases are found as the patterns find them, whatever the letters' case or form.

The grouping asks each turn once (``text.phrases.Said``) and rules most turns out with a substring
test first; that test must never disagree with the pattern, or exchanges would change. Python's
case-blind patterns read "ſ" as "s", "K" (Kelvin) as "k" and "ı"/"İ" as "i", so the generated
turns spell the phrases' words with those too.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.text import phrases as signals

_WORDS = (
    "our next question comes from",
    "a follow-up question",
    "do you have a follow-up",
    "move on to",
    "questions submitted online",
    "written questions",
    "that concludes our conference call",
    "thank you all for joining",
    "feel free to call",
    "no further questions",
    "I will now return you to",
    "disconnect",
    "Kevin, quite a question",
)
_FORMS = {"s": "sSſ", "k": "kKK", "i": "iIıİ"}


@st.composite
def _turn(draw: st.DrawFn) -> str:
    phrases = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3))
    letters = []
    for ch in " ".join(phrases):
        forms = _FORMS.get(ch.lower())
        letters.append(
            draw(st.sampled_from(forms)) if forms else draw(st.sampled_from((ch, ch.upper())))
        )
    return "".join(letters) + draw(st.sampled_from(("", "?", ". Thank you.")))


@settings(max_examples=300, deadline=None)
@given(_turn())
def test_each_phrase_found_as_its_pattern_finds_it(text: str) -> None:
    said = signals.Said(text)
    unoffered = signals._OFFERS_FOLLOW_UP.sub(" ", text)
    assert said.asks_anew == (signals.NEW_QUESTION.search(unoffered) is not None)
    assert said.turns_to_written == (signals.WRITTEN_QUESTIONS.search(text) is not None)
    assert said.closes_as_company == (signals.COMPANY_CLOSING.search(text) is not None)
    assert said.closes_as_operator == (signals.OPERATOR_CLOSING.search(text) is not None)


def test_a_long_s_still_reads_as_a_new_question() -> None:
    # "queſtion" is "question" to the case-blind pattern: the host still introduces someone.
    assert signals.asks_anew("Our next queſtion comes from Adam Jonas.")
    assert signals.turns_to_written("Now the queſtions ſubmitted online.")
