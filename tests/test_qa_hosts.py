"""Calls whose Q&A is run by a company host rather than an operator, and how they end.

Generated calls: an investor-relations host hands the floor to questioner after questioner in
varied words and answers nothing; a host reads out a question sent in writing after the phone
questions, past an interpreter; an operator who has no further questions.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.eval_exchanges import Ref, locate
from site_builder.exchanges import group as qa
from site_builder.model import EventInfo, ParsedTranscript, Participant, Section, Turn
from site_builder.text.introductions import firm_after

_ANALYSTS = (
    ("Thomas Chong", "Jefferies"),
    ("Alicia Yap", "Citigroup"),
    ("Ronald Keung", "Goldman Sachs"),
    ("Alex Yao", "JP Morgan"),
    ("Robin Zhu", "Bernstein"),
)
# How hosts hand over the floor; none says "next question", so only who speaks next tells.
_HAND_OVERS = (
    "Next, we will move to {name} from {firm}.",
    "Thank you. Next, we will take the question from {name} from {firm}.",
    "Thank you very much. We have reconnected with {name} from {firm}.",
    "Okay, maybe we will move to {name} of {firm}. {first}, your line is open.",
)
_ANSWER = (
    "On your first question, the quarter was strong across games and advertising, and we "
    "expect the momentum to continue into the second half as new titles launch and the ad "
    "load rises gradually while we keep investing in the platform and in our AI capabilities."
)
_COMPANY = (
    Participant("wendy-huang", "Wendy Huang", group="company"),
    Participant("james-mitchell", "James Mitchell", group="company"),
    Participant("martin-lau", "Martin Lau", group="company"),
)


def _pid(name: str) -> str:
    return name.lower().replace(" ", "-")


def _parsed(turns: list[tuple[str, str]], extra: tuple[Participant, ...] = ()) -> ParsedTranscript:
    participants = _COMPANY + extra
    participants += tuple(
        Participant(_pid(name), name, organization=firm, group="analyst")
        for name, firm in _ANALYSTS
    )
    return ParsedTranscript(
        source="generated.txt",
        format="test",
        title="Generated call",
        event=EventInfo(),
        participants=participants,
        sections=(Section("prepared", "Prepared", "prepared", 1), Section("qa", "Q&A", "qa", 2)),
        turns=tuple(
            Turn(f"t{n:03d}", who, "prepared" if n == 1 else "qa", (text,), n)
            for n, (who, text) in enumerate(turns, 1)
        ),
    )


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(_HAND_OVERS) - 1), st.booleans(), st.booleans()),
        min_size=2,
        max_size=len(_ANALYSTS),
    )
)
def test_a_host_who_hands_the_floor_to_each_questioner_opens_their_exchanges(
    slots: list[tuple[int, bool, bool]],
) -> None:
    turns = [("james-mitchell", "Welcome to our results call.")]
    expected: list[tuple[str, list[str]]] = []
    for n, (phrase, follow_up, offered) in enumerate(slots):
        name, firm = _ANALYSTS[n]
        intro = _HAND_OVERS[phrase].format(name=name, firm=firm, first=name.split()[0])
        start = len(turns)
        turns += [
            ("wendy-huang", intro),
            (_pid(name), "Thanks for taking my question. How are games doing?"),
            ("james-mitchell", _ANSWER),
        ]
        if offered:
            turns.append(("wendy-huang", f"{name.split()[0]}, did you have a follow-up question?"))
        if follow_up:
            turns += [(_pid(name), "And the buyback?"), ("martin-lau", "It continues.")]
        turns.append((_pid(name), "Thank you."))
        expected.append((_pid(name), [f"t{k:03d}" for k in range(start + 1, len(turns) + 1)]))
    turns.append(("wendy-huang", "Thank you, everyone, for joining our results webinar today."))
    found = qa.group_exchanges(_parsed(turns))
    assert [(e.asker, list(e.turns)) for e in found.exchanges] == expected
    assert found.turns[-1].exchange is None
    assert not [w for w in found.warnings if "with no introduction" in w.message]


def test_an_executive_who_answers_and_names_the_next_questioner_is_no_host() -> None:
    # James answers at length after each question, so his hand-overs do not make him the
    # moderator; without one, each analyst's question opens their exchange and his hand-over
    # stays with the answer before it.
    turns = [("james-mitchell", "Welcome to our results call.")]
    for k, (name, _) in enumerate(_ANALYSTS[:3]):
        if k:
            turns.append(("james-mitchell", f"Next, we will move to {name}."))
        turns += [(_pid(name), "How are games doing?"), ("james-mitchell", _ANSWER)]
    found = qa.group_exchanges(_parsed(turns))
    assert [(e.asker, list(e.turns)) for e in found.exchanges] == [
        ("thomas-chong", ["t002", "t003", "t004"]),
        ("alicia-yap", ["t005", "t006", "t007"]),
        ("ronald-keung", ["t008", "t009"]),
    ]


def test_a_question_sent_in_writing_is_its_own_exchange_asked_by_its_reader() -> None:
    interpreter = Participant("interpreter", "Interpreter", group="other")
    turns = [
        ("james-mitchell", "Welcome to our results call."),
        ("wendy-huang", "The first question comes from Thomas Chong from Jefferies."),
        ("thomas-chong", "How are games doing?"),
        ("james-mitchell", _ANSWER),
        ("thomas-chong", "Thank you for your answer."),
        ("wendy-huang", "Lastly, we will answer the questions that were asked in advance online."),
        ("interpreter", "The question is: do you plan to launch headsets?"),
        ("martin-lau", "We are preparing an ecosystem for them."),
        ("interpreter", "We are preparing an ecosystem."),
        ("wendy-huang", "I would like to thank everyone who shared their valuable opinions."),
        ("interpreter", "Our conference call comes to an end."),
    ]
    found = qa.group_exchanges(_parsed(turns, (interpreter,)))
    assert [(e.asker, list(e.turns)) for e in found.exchanges] == [
        ("thomas-chong", ["t002", "t003", "t004", "t005"]),
        ("wendy-huang", ["t006", "t007", "t008", "t009"]),
    ]


def test_an_operator_with_no_further_questions_ends_the_last_exchange() -> None:
    operator = Participant("operator", "Operator", group="operator")
    turns = [
        ("james-mitchell", "Welcome to our results call."),
        ("operator", "Our next question will come from the line of Alex Yao from JP Morgan."),
        ("alex-yao", "How are games doing?"),
        ("james-mitchell", _ANSWER),
        ("alex-yao", "Thank you. Cheers."),
        ("operator", "Thank you. And I am not showing any further questions at this point."),
        ("james-mitchell", "Have a great day."),
    ]
    found = qa.group_exchanges(_parsed(turns, (operator,)))
    assert [list(e.turns) for e in found.exchanges] == [["t002", "t003", "t004", "t005"]]


def test_a_firm_ends_at_its_sentence_end_but_not_at_an_initial() -> None:
    assert firm_after(" from Evercore. You may begin.") == "Evercore"
    assert firm_after(" from BTG. You may begin.") == "BTG"
    assert firm_after(" with Robert W. Baird. Please go ahead.") == "Robert W. Baird"
    assert firm_after(" of J.P. Morgan. Your line is open.") == "J.P. Morgan"


def test_the_eval_finds_each_label_after_the_previous_one_on_a_one_line_export() -> None:
    same = "Thank you. Our next question comes from the line of"
    turns = tuple(
        Turn(f"t{n:03d}", "operator", "qa", (f"{same} analyst {n}.",), 1) for n in range(1, 4)
    )
    assert locate(turns, Ref(1, same)) == 0
    assert locate(turns, Ref(1, same), after=0) == 1
    assert locate(turns, Ref(1, same), after=1) == 2
