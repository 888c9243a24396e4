"""Normalise and match the names of people and firms as transcripts spell them.

One person reaches us as ``Samuel J. Pearlstein`` in a participant list and ``Sam Pearlstein`` in
the operator's line; one firm as ``Robert W. Baird`` and ``Baird``, or misspelt ``Jeffries``.
These helpers decide when two spellings mean the same person or firm, and never guess between
two candidates: an ambiguous match is no match, so the caller reports it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Literal, TypeVar

from nameparser import HumanName
from nicknames import NickNamer

from site_builder.slugs import name_key

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "cfa", "phd", "md", "esq", "cpa"})
_MIN_PREFIX = 3  # "Sam" for "Samuel"; "Al" is too short to call a short form of "Alan"
# One-letter slips: "Toni" for "Tony" (4 letters and up, 3 of 4 the same); a surname of 6
# letters and up may differ by one ("Feamley" for "Fearnley"), never a short one ("Lee"/"Lew").
_MIN_SLIP, _FIRST_SLIP = 4, 0.74
_MIN_SURNAME_SLIP, _SURNAME_SLIP = 6, 0.8

# Words that say what kind of company a firm is, not which one.
_FIRM_NOISE = frozenset(
    {
        "the",
        "and",
        "of",
        "llc",
        "inc",
        "co",
        "corp",
        "corporation",
        "company",
        "ltd",
        "limited",
        "lp",
        "llp",
        "plc",
        "sa",
        "ag",
        "nv",
        "se",
        "group",
        "holdings",
    }
)
# Stock-exchange prefixes that Seeking Alpha's ticker auto-linking writes into names.
_TICKER_LINK = re.compile(
    r"\((?:NYSE|NASDAQ|NYSEMKT|NYSEARCA|AMEX|OTC|OTCPK|OTCQX|TSX|TSXV|LSE|BATS):([A-Z.]+)\)"
)

FirmRelation = Literal["same", "short", "different"]
T = TypeVar("T")


def person_tokens(name: str) -> list[str]:
    """Lower-case name words without honorifics or suffixes; leading initials run together, so
    ``C. J. Muse`` and ``CJ Muse`` both give ``['cj', 'muse']``."""
    return list(_person_tokens(name))


@functools.lru_cache(maxsize=1 << 14)  # asked for the same few dozen names on every call
def _person_tokens(name: str) -> tuple[str, ...]:
    words = [w for w in name_key(name).split() if w not in _HONORIFICS and w not in _SUFFIXES]
    initials = 0
    while initials < len(words) - 1 and len(words[initials]) == 1:
        initials += 1
    if initials >= 2:
        words = ["".join(words[:initials]), *words[initials:]]
    return tuple(words)


@functools.cache
def _nicknames() -> NickNamer:
    """The nickname table, loaded once (it is a few thousand rows)."""
    return NickNamer()


@functools.lru_cache(maxsize=1 << 12)
def _name_family(first: str) -> frozenset[str]:
    """``first`` with its nicknames and the names it is a nickname of: ``katy`` -> ``kate``,
    ``kathy``, ``katherine`` ...; ``kathryn`` -> ``kate``, ``kathy`` ..."""
    table = _nicknames()
    return frozenset({first, *table.nicknames_of(first), *table.canonicals_of(first)})


def _misspelt(a: str, b: str, at_least: float) -> bool:
    """``Toni``/``Tony``, ``Feamley``/``Fearnley``: one slip of the keyboard or the ear."""
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= at_least


def first_names_compatible(a: str, b: str) -> bool:
    """``Sam``/``Samuel``, ``Bob``/``Robert``, ``Katy``/``Kathryn``, ``Toni``/``Tony``: the same
    first name, by the ``nicknames`` table, a short form, or a one-letter slip."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= _MIN_PREFIX and long_.startswith(short):
        return True
    family_a, family_b = _name_family(a), _name_family(b)
    if a in family_b or b in family_a:
        return True  # "Bob" for "Robert", "Peggy" for "Margaret"
    # Two forms of one name reach each other through a third ("Katy" and "Kathryn" through
    # "Kate"); the same initial keeps out names that only share a nickname ("Bill" is listed
    # for both William and Robert).
    if a[:1] == b[:1] and family_a & family_b:
        return True
    return len(short) >= _MIN_SLIP and _misspelt(a, b, _FIRST_SLIP)


def _last_name(name: str) -> str:
    """The surname as ``nameparser`` reads it (``von Rumohr``), as a key."""
    return name_key(HumanName(name).last)


def same_person(spoken: str, listed: str) -> bool:
    """Whether ``spoken`` can name the person listed as ``listed``.

    Equal keys match; otherwise the last names must agree (or differ by one slip in a long
    name: ``Feamley``/``Fearnley``) and the first names be compatible, middle names and
    initials being optional (``Doug Harned`` = ``Douglas Stuart Harned``).
    """
    a, b = person_tokens(spoken), person_tokens(listed)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1]:
        last_a, last_b = _last_name(spoken), _last_name(listed)
        if not last_a or not last_b:
            return False
        if last_a != last_b and not (
            min(len(last_a), len(last_b)) >= _MIN_SURNAME_SLIP
            and _misspelt(last_a, last_b, _SURNAME_SLIP)
        ):
            return False
    return first_names_compatible(a[0], b[0])


def find_person(spoken: str, candidates: Sequence[T], names: Sequence[str]) -> T | None:
    """The one candidate ``spoken`` names (``names[i]`` is ``candidates[i]``'s listed name), or
    None when none or several fit."""
    pool, labels = list(candidates), list(names)
    exact = [c for c, n in zip(pool, labels, strict=True) if name_key(n) == name_key(spoken)]
    if len(exact) == 1:
        return exact[0]
    loose = [c for c, n in zip(pool, labels, strict=True) if same_person(spoken, n)]
    return loose[0] if len(loose) == 1 else None


def clean_firm(firm: str) -> str:
    """Undo ticker auto-linking in a firm name: ``Credit Suisse Securities (NYSE:USA) LLC`` ->
    ``Credit Suisse Securities (USA) LLC`` (the firm's own name, as its body labels spell it)."""
    return _TICKER_LINK.sub(r"(\1)", firm).strip()


def firm_tokens(firm: str) -> list[str]:
    """The words that tell one firm from another: ``Sanford C. Bernstein & Co. LLC`` ->
    ``['sanford', 'c', 'bernstein']``."""
    return [
        w for w in name_key(clean_firm(firm).replace("&", " and ")).split() if w not in _FIRM_NOISE
    ]


def firm_relation(spoken: str, listed: str) -> FirmRelation:
    """``same`` (``Wall Street Journal`` = ``The Wall Street Journal``), ``short`` (``Baird`` for
    ``Robert W. Baird``) or ``different`` (``Jeffries`` for ``Jefferies``, or another firm)."""
    a, b = firm_tokens(spoken), firm_tokens(listed)
    if "".join(a) == "".join(b):  # "North Coast" = "Northcoast"
        return "same"
    if a and _is_subsequence(a, b):
        return "short"
    return "different"


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    remaining = iter(long_)
    return all(word in remaining for word in short)
