"""Company hosts who run the Q&A queue where no operator does: an investor-relations host who
hands the floor to questioner after questioner ("Next, we will move to Thomas Chong from
Jefferies.") and answers nothing.

The evidence holds for any call, whatever the host's phrasing: the host's turns name the analyst
who speaks next, at least twice, and none of their turns answers an analyst. One executive's
"next question, Kai" after an answer does not make a host, as that executive answers.

Hosts also read out questions sent in writing, which another company speaker answers: each is an
exchange asked by the reader (:func:`reads_out`).
"""

from __future__ import annotations

import re
from collections import Counter

from site_builder.exchanges.state import Call, Open
from site_builder.model import Group, Participant, Turn
from site_builder.text import phrases as signals

# How many company turns may come between a host's introduction and the questioner's first words.
HOST_REACH = 4
# A turn right after an analyst's that is this long and names no next questioner is an answer.
_ANSWER_WORDS = 40
_SPEAKING_GROUPS = (Group.COMPANY, Group.ANALYST, Group.OPERATOR)


def names_next(call: Call, text: str, analyst: Participant) -> bool:
    """Whether ``text`` names ``analyst`` (a one-word name such as "Gary" counts when said)."""
    if len(analyst.name.split()) < 2:
        return re.search(rf"\b{re.escape(analyst.name)}\b", text) is not None
    return call.analysts.names_last_name(text, analyst)


def next_analyst(call: Call, turns: tuple[Turn, ...], i: int) -> Participant | None:
    """The analyst who speaks next after turn ``i``, past a few company turns ("Hey, Henry,
    you're on mute"); None when the operator or nobody comes first."""
    for turn in turns[i + 1 : i + 1 + HOST_REACH]:
        following = call.people.get(turn.speaker)
        if following is not None and following.group in (Group.ANALYST, Group.OPERATOR):
            return following if following.group == Group.ANALYST else None
    return None


def host_turns(
    call: Call, turns: tuple[Turn, ...], texts: list[str], asked_last: list[str | None]
) -> frozenset[int]:
    """The turns in one Q&A section that are a host's moderating: every turn of a company
    speaker who introduces questioners and answers nothing, except one followed by another
    company speaker that names no questioner (a question sent in writing, read out)."""
    introduces: Counter[str] = Counter()
    naming: set[int] = set()
    answers: set[str] = set()
    for i, turn in enumerate(turns):
        if call.group(turn) != Group.COMPANY:
            continue
        following = next_analyst(call, turns, i)
        if (
            following is not None
            and following.id != asked_last[i]
            and names_next(call, texts[i], following)
        ):
            introduces[turn.speaker] += 1
            naming.add(i)
        elif (
            i > 0
            and call.group(turns[i - 1]) == Group.ANALYST
            # str.split splits where \S+ ends; cut short at the count that decides
            and len(texts[i].split(maxsplit=_ANSWER_WORDS)) >= _ANSWER_WORDS
        ):
            answers.add(turn.speaker)
    hosts = {s for s, n in introduces.items() if n >= 2 and s not in answers}
    return frozenset(
        i
        for i, turn in enumerate(turns)
        if turn.speaker in hosts
        and (
            i in naming
            or i + 1 == len(turns)
            or call.group(turns[i + 1]) != Group.COMPANY
            or turns[i + 1].speaker == turn.speaker
        )
    )


def reads_out(
    call: Call, turns: tuple[Turn, ...], i: int, said: signals.Said, current: Open | None
) -> bool:
    """Whether company turn ``i`` reads out a question ("The next question is for Jim. Can you
    ...?") that another company speaker then answers, outside any analyst's exchange."""
    # Inside an analyst's exchange only the announced turn to written questions opens one.
    announces = said.turns_to_written
    own = current is not None and current.read_out and current.asker == turns[i].speaker
    if current is not None and not own and not announces:
        return False
    # The answer comes from another company speaker, past an interpreter's rendering.
    # (An index walk, not a slice: a slice per company turn would copy the section each time.)
    answerer = next(
        (turns[j] for j in range(i + 1, len(turns)) if call.group(turns[j]) in _SPEAKING_GROUPS),
        None,
    )
    if answerer is None or answerer.speaker == turns[i].speaker:
        return False
    if call.group(answerer) != Group.COMPANY:
        return False
    if announces:
        return True
    # Once a host reads questions, each further question they put opens the next exchange.
    return said.asks_anew or (current is not None and "?" in said.text)
