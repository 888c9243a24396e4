"""Whom an operator's words hand the floor to: ``The next question comes from Adam Jonas from
Morgan Stanley.``

A listed analyst is named by first and last name at least, never by the last name alone, and may
be named otherwise than listed (``Sam Pearlstein`` for ``Samuel J. Pearlstein``). An
introduction of someone nobody listed is still recognised, so it can be reported.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from site_builder.model import Group, Participant
from site_builder.text.names import first_names_compatible, person_tokens, same_person

# A capitalised name word or an initial ("W."); a word never swallows a sentence's full stop.
_WORD = r"(?:[A-Z]\.|[A-Z][\w'’-]+)"
_PARTICLE = r"(?:von|van|de|da|del|der|di|du|la|le|bin|al)"
# "... question comes from [the line of] Brian Nagel with Oppenheimer": a name we may not know.
_INTRODUCTION = re.compile(
    rf"\b(?:questions?|go(?:\s+over)?\s+to|line\s+of|we\s+have)\b.*?"
    rf"\b(?:from|to|of|is)\s+(?:the\s+line\s+of\s+)?"
    rf"(?P<name>{_WORD}(?:\s+(?:{_WORD}|{_PARTICLE})){{1,3}}?)"
    rf"\s*(?:,|\s(?:from|with|of|at)\b)",
)
# Where the firm follows the name: "John Lovallo from Merrill Lynch", "Ben Schachter, Macquarie."
# "Raimo Lenschow. With Barclays.": a transcriber's full stop between the name and its firm.
_FIRM_AFTER_NAME = re.compile(
    r"^(?:\s*,\s*|\s+(?:from|with|of|at)\s+|\.\s+(?:With|From)\s+)(?P<firm>.+)$", re.S
)
# The firm ends at a sentence end (not "Robert W. Baird"'s initial: a lone capital, matched
# case-sensitively, as "Evercore. You may begin" ends at its full stop), a bracket or a stock
# phrase.
_FIRM_END = re.compile(
    r"(?<!\b(?-i:[A-Z]))\.(?:\s|$)|[?!\[;(]|,\s|\s+(?:Your|Please|Go ahead)\b|"
    r"\s+(?:has|have|is|are|was|will|would|asks?|comes?)\b|\s*$",
    re.I,
)
_SPOKEN_WORD = re.compile(r"[\w'’.-]+")
_WORD_CHARACTERS = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True, slots=True)
class Introduction:
    """An operator's line that hands the floor to a questioner."""

    participant: Participant | None
    spoken_name: str
    spoken_firm: str | None


class Analysts:
    """The analysts an operator may introduce, by the last word of their listed name, in list
    order; a one-word name is left out, as a last name alone never identifies anyone."""

    def __init__(self, participants: tuple[Participant, ...]) -> None:
        self.by_last_name: dict[str, list[tuple[int, Participant]]] = {}
        analysts = (p for p in participants if p.group == Group.ANALYST)
        for order, participant in enumerate(analysts):
            words = participant.name.split()
            if len(words) >= 2:
                self.by_last_name.setdefault(words[-1], []).append((order, participant))
        # A last name is named only where its first word (``O`` of ``O'Neil``) is a whole word of
        # the text, so each operator's turn looks up its own words, however many analysts there
        # are. A last name with no word in it is looked for in every turn.
        self._by_first_word: dict[str, list[str]] = {}
        self._wordless: list[str] = []
        for last_name in self.by_last_name:
            words = _WORD_CHARACTERS.findall(last_name)
            if words:
                self._by_first_word.setdefault(words[0].lower(), []).append(last_name)
            else:
                self._wordless.append(last_name)
        self._same: dict[tuple[str, str], bool] = {}

    def last_names_in(self, text: str) -> list[str]:
        """The last names ``text`` may name (each at most once, in no particular order)."""
        words = {w.lower() for w in _WORD_CHARACTERS.findall(text)}
        found = [name for word in words for name in self._by_first_word.get(word, ())]
        return found + self._wordless

    def names_last_name(self, text: str, participant: Participant) -> bool:
        """Whether ``text`` says ``participant``'s last name (``DeBlase`` for ``Deblase``), or
        their first name or a short form of it as a capitalised word ("the next question comes
        from Will from Truist"): asked only of the analyst who speaks next."""
        words = participant.name.split()
        if len(words) < 2:
            return False
        if re.search(rf"\b{re.escape(words[-1])}\b", text, re.I):
            return True
        first = person_tokens(participant.name)[0]
        return any(
            first_names_compatible(word.lower(), first)
            for word in _CAPITALISED.findall(text)
            if len(word) >= 3
        )

    def same_person(self, spoken: str, listed: str) -> bool:
        """:func:`site_builder.text.names.same_person`, remembered: operators repeat names."""
        known = self._same.get((spoken, listed))
        if known is None:
            known = self._same[spoken, listed] = same_person(spoken, listed)
        return known


def find_introduction(
    text: str, analysts: Analysts, prefer: Collection[str] = ()
) -> Introduction | None:
    """The questioner an operator's words introduce, if they introduce one: of the analysts
    named, the one named first (the first listed, when two are named at one place); of those
    whose ids are in ``prefer`` (the analysts who then speak), when any is named."""
    best: tuple[bool, int, int, int, Participant] | None = None
    for last_name in analysts.last_names_in(text):
        if last_name.lower() not in text.lower():
            continue
        for start, order, end, who in _mentions(
            text, last_name, analysts.by_last_name[last_name], analysts
        ):
            found = (who.id not in prefer, start, order, end, who)
            if best is None or found[:3] < best[:3]:
                best = found
    if best is not None:
        _, start, _, end, participant = best
        return Introduction(participant, text[start:end], firm_after(text[end:]))
    match = _INTRODUCTION.search(text)
    if match is None:
        return None
    return Introduction(None, match["name"], firm_after(text[match.end("name") :]))


def names_person(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` by a first and last name in any form ``same_person``
    accepts (``Katy Huberty`` for ``Kathryn Lynn Huberty``)."""
    words = name.split()
    if len(words) < 2:
        return False
    return any(
        same_person(text[start:end], name) for start, end in _names_ending_in(text, words[-1])
    )


def _mentions(
    text: str, last_name: str, named: list[tuple[int, Participant]], analysts: Analysts
) -> Iterator[tuple[int, int, int, Participant]]:
    """(start, list order, end, analyst) of where ``text`` first names each analyst of ``named``,
    who share ``last_name``."""
    waiting = named
    for start, end in _names_ending_in(text, last_name):
        spoken = text[start:end]
        found = {order for order, p in waiting if analysts.same_person(spoken, p.name)}
        for order, participant in waiting:
            if order in found:
                yield start, order, end, participant
        waiting = [(order, p) for order, p in waiting if order not in found]
        if not waiting:
            return


def _names_ending_in(text: str, last_name: str) -> Iterator[tuple[int, int]]:
    """Spans of text that may be a first and last name: a capitalised word one to three words
    before ``last_name``, then to its end. For each mention of ``last_name`` in turn, the
    longest span comes first."""
    for match in re.finditer(rf"\b{re.escape(last_name)}\b", text, re.I):
        offset = max(0, match.start() - 60)
        before = list(_SPOKEN_WORD.finditer(text[offset : match.start()]))
        for first in before[-3:]:
            if text[offset + first.start()].isupper():
                yield offset + first.start(), match.end()


def firm_after(rest: str) -> str | None:
    """The firm an introduction names right after a name: ``with Bank of America.`` -> ``Bank of
    America``; up to the sentence's end or a verb ("Goldman Sachs has the next question")."""
    match = _FIRM_AFTER_NAME.match(rest)
    if match is None:
        return None
    firm = match["firm"]
    end = _FIRM_END.search(firm)
    firm = firm[: end.start()] if end else firm
    firm = re.sub(r"^the\s+line\s+of\s+", "", firm.strip(), flags=re.I).strip(" ,.…")
    return firm or None
