"""Hosts and guests of a podcast episode, so its speakers are not all "Other speakers".

The front matter names them where it can (``guest: Adam Fishman``); otherwise who speaks most
tells: an interview's guests say most of the words and its hosts ask. Hosts take the group of
those who ask (``analyst``) and guests that of those who answer (``company``), so the page,
its charts and its colours show the two apart (``wording.group_titles`` names them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from site_builder.model import Group
from site_builder.slugs import name_key


class _Spoken(Protocol):
    @property
    def speaker(self) -> str | None: ...

    @property
    def paragraphs(self) -> list[str]: ...


def assign(
    kind: str, group: Mapping[str, str], turns: Sequence[_Spoken], guests: Iterable[str] = ()
) -> dict[str, str]:
    """``group`` (speaker name -> group) with a podcast's unplaced speakers as hosts and guests.

    ``turns``: who said what, in order (the first speaker hosts when nothing else says);
    ``guests``: names the front matter gives as guests.
    """
    words: dict[str, int] = {}
    for turn in turns:
        if turn.speaker:
            said = sum(len(p.split()) for p in turn.paragraphs)
            words[turn.speaker] = words.get(turn.speaker, 0) + said
    first = next((t.speaker for t in turns if t.speaker), None)
    found = dict(group)
    others = [name for name, g in group.items() if g == Group.OTHER]
    if kind != "podcast" or len(others) < 2:
        return found
    named = {name_key(g) for g in guests}
    if named & {name_key(n) for n in others}:
        for name in others:
            found[name] = Group.COMPANY if name_key(name) in named else Group.ANALYST
        return found
    # Half an equal share is the line: a panel's hosts mostly ask and say less than that.
    total = sum(words.get(n, 0) for n in others) or 1
    for name in others:
        above = words.get(name, 0) / total > 1 / (2 * len(others))
        found[name] = Group.COMPANY if above and name != first else Group.ANALYST
    if all(found[n] == Group.ANALYST for n in others):  # nobody spoke most: the first hosts
        for name in others:
            found[name] = Group.ANALYST if name == first else Group.COMPANY
    return found
