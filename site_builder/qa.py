"""Group the turns of Q&A sections into exchanges, for every reader alike.

An exchange is one questioner's time: the operator's introduction (``The next question comes
from Adam Jonas from Morgan Stanley.``), the question, every answer and follow-up, up to the next
introduction. Without an operator, a turn by an analyst who is not the current questioner opens
the next exchange. An anonymous questioner (a talk's ``Q -``) stands for many people, so each of
its questions that follows an answer opens an exchange of its own. The questioner is always a
participant the reader found; an introduction that names nobody we know is reported, never turned
into an invented person.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .introductions import Analysts, Introduction, find_introduction
from .model import (
    GROUP_ANALYST,
    GROUP_OPERATOR,
    SECTION_QA,
    Exchange,
    ParsedTranscript,
    ParseWarning,
    Participant,
    Turn,
)
from .names import firm_relation
from .readers.base import exchange_id

# The operator closes the Q&A (or hands back to the company) without introducing anyone.
_CLOSING = re.compile(
    r"\b(?:conclude[sd]?|concluding|that\s+(?:does\s+)?completes?|return\s+(?:you|the\s+call)|"
    r"turn\s+(?:the\s+call|it)\s+(?:back\s+)?over|disconnect)\b",
    re.I,
)
_UNIDENTIFIED = ("unidentified", "unknown")
# Names readers give a questioner the transcript does not name (``Q -`` in a talk's Q&A).
_ANONYMOUS_ASKERS = frozenset({"questioner", "audience", "audience member", "question", "q"})
# An operator names the same analysts' firms the same way, call after call.
_firm_relation = functools.lru_cache(maxsize=4096)(firm_relation)


@dataclass(slots=True)
class _Open:
    asker: str | None
    line: int
    turns: list[str] = field(default_factory=list)
    introduced: bool = False
    """Opened by an operator's introduction: the asker's later turns are their follow-ups."""
    last_speaker: str | None = None


def group_exchanges(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` with exchanges found in its Q&A sections and each member turn marked."""
    qa_sections = {s.id for s in parsed.sections if s.kind == SECTION_QA}
    if not qa_sections:
        return parsed
    people = {p.id: p for p in parsed.participants}
    analysts = Analysts(parsed.participants)
    warnings: list[ParseWarning] = []
    done: list[_Open] = []
    current: _Open | None = None
    section: str | None = None
    for turn in parsed.turns:
        if turn.section != section:
            section, current = turn.section, None
        if turn.section not in qa_sections:
            continue
        speaker = people.get(turn.speaker)
        group = speaker.group if speaker else None
        if group == GROUP_OPERATOR:
            current = _operator_turn(turn, current, analysts, done, warnings)
        elif group == GROUP_ANALYST and speaker is not None and _opens(speaker, current):
            if current is not None and current.asker is None:
                current.asker = speaker.id  # the introduction named someone we do not know
            else:
                current = _Open(speaker.id, turn.line)
                done.append(current)
        if current is not None:
            current.turns.append(turn.id)
            current.last_speaker = turn.speaker
    exchanges = tuple(
        Exchange(exchange_id(n), e.asker, tuple(e.turns), e.line) for n, e in enumerate(done, 1)
    )
    member = {t: e.id for e in exchanges for t in e.turns}
    turns = tuple(
        t if t.exchange == (ex := member.get(t.id)) else _in_exchange(t, ex) for t in parsed.turns
    )
    return replace(
        parsed,
        turns=turns,
        exchanges=exchanges,
        warnings=tuple(parsed.warnings) + tuple(warnings),
    )


def _in_exchange(turn: Turn, exchange: str | None) -> Turn:
    """``replace(turn, exchange=exchange)``, made directly: a call has hundreds of Q&A turns, and
    ``dataclasses.replace`` looks every field up by name."""
    return Turn(
        turn.id,
        turn.speaker,
        turn.section,
        turn.paragraphs,
        turn.line,
        turn.label,
        exchange,
        turn.timestamp,
    )


def _opens(speaker: Participant, current: _Open | None) -> bool:
    """Whether an analyst's turn starts a new exchange (an unnamed one never splits one)."""
    if current is None:
        return True
    if speaker.id == current.asker:
        # Anonymous "Q -" after an answer is the next question, likely from someone else.
        return (
            speaker.name.lower() in _ANONYMOUS_ASKERS
            and not current.introduced
            and current.last_speaker != speaker.id
        )
    return not (speaker.name.lower().startswith(_UNIDENTIFIED) and current.asker is not None)


def _operator_turn(
    turn: Turn,
    current: _Open | None,
    analysts: Analysts,
    done: list[_Open],
    warnings: list[ParseWarning],
) -> _Open | None:
    """The exchange the operator's turn belongs to, opening or closing one as it says."""
    text = " ".join(turn.paragraphs)
    intro = find_introduction(text, analysts)
    if intro is None or (intro.participant is None and _CLOSING.search(text)):
        # "That completes the Q&A ... I will now return you to Mr. Musser": no questioner.
        return None if _CLOSING.search(text) else current
    if intro.participant is None:
        warnings.append(
            ParseWarning(
                turn.line,
                f"operator introduces {intro.spoken_name!r}, who is not in the participant list",
                "speaker",
            )
        )
        opened = _Open(None, turn.line, introduced=True)
    elif current is not None and current.asker == intro.participant.id:
        return current  # the same questioner introduced again ("your line is open")
    else:
        _check_firm(turn.line, intro, warnings)
        opened = _Open(intro.participant.id, turn.line, introduced=True)
    done.append(opened)
    return opened


def _check_firm(line: int, intro: Introduction, warnings: list[ParseWarning]) -> None:
    """Report when the operator names the questioner's firm otherwise than the list does."""
    participant = intro.participant
    listed = participant.organization if participant else None
    if participant is None or not listed or not intro.spoken_firm:
        return
    relation = _firm_relation(intro.spoken_firm, listed)
    if relation == "same":
        return
    if relation == "short":
        message = (
            f"operator names {participant.name}'s firm as {intro.spoken_firm!r}, "
            f"a short form of {listed!r} in the participant list"
        )
    else:
        message = (
            f"operator names {participant.name}'s firm as {intro.spoken_firm!r}; "
            f"the participant list says {listed!r}"
        )
    warnings.append(ParseWarning(line, message, "firm"))
