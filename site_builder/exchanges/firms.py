"""The firms operators name when they introduce a questioner.

The participant list (where there is one) says who works where; the operator says it again,
sometimes otherwise (``Baird`` for ``Robert W. Baird``, ``Jeffries`` for ``Jefferies``), and is the
only source when there is no list. Both are used: a listed firm is kept and a different spoken
one reported; an analyst the reader found no firm for gets the one the operator names.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from site_builder.errors import Diagnostic, reader_warning
from site_builder.model import Group, Participant
from site_builder.text.introductions import Introduction
from site_builder.text.names import firm_relation

# An operator names the same analysts' firms the same way, call after call.
_firm_relation = functools.lru_cache(maxsize=4096)(firm_relation)


def check_firm(line: int, intro: Introduction, warnings: list[Diagnostic]) -> None:
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
    warnings.append(reader_warning(line, message, "firm"))


def firms_from_introductions(
    participants: tuple[Participant, ...], introductions: list[tuple[Introduction, str, int]]
) -> tuple[Participant, ...]:
    """``participants``, each analyst without a firm given the first firm an operator named
    for them."""
    spoken: dict[str, str] = {}
    for intro, asker, _line in introductions:
        if intro.spoken_firm and asker not in spoken:
            spoken[asker] = intro.spoken_firm
    if not spoken:
        return participants
    return tuple(
        replace(p, organization=spoken[p.id])
        if p.id in spoken and not p.organization and p.group == Group.ANALYST
        else p
        for p in participants
    )
