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
from typing import Literal, TypeVar

from .slugs import name_key

# Nicknames that are not a prefix of the full name (``Sam``/``Samuel`` needs no entry).
_NICKNAMES: dict[str, frozenset[str]] = {
    "bob": frozenset({"robert"}),
    "bobby": frozenset({"robert"}),
    "bill": frozenset({"william"}),
    "billy": frozenset({"william"}),
    "will": frozenset({"william"}),
    "rick": frozenset({"richard", "eric", "frederick"}),
    "dick": frozenset({"richard"}),
    "jim": frozenset({"james"}),
    "jimmy": frozenset({"james"}),
    "jamie": frozenset({"james"}),
    "mike": frozenset({"michael"}),
    "chuck": frozenset({"charles"}),
    "charlie": frozenset({"charles"}),
    "joe": frozenset({"joseph"}),
    "dave": frozenset({"david"}),
    "steve": frozenset({"stephen", "steven"}),
    "tony": frozenset({"anthony"}),
    "andy": frozenset({"andrew"}),
    "drew": frozenset({"andrew"}),
    "ted": frozenset({"edward", "theodore"}),
    "ned": frozenset({"edward"}),
    "jack": frozenset({"john"}),
    "johnny": frozenset({"john"}),
    "peggy": frozenset({"margaret"}),
    "meg": frozenset({"margaret"}),
    "liz": frozenset({"elizabeth"}),
    "beth": frozenset({"elizabeth"}),
    "betsy": frozenset({"elizabeth"}),
    "kate": frozenset({"katherine", "catherine", "kathryn"}),
    "katie": frozenset({"katherine", "catherine", "kathryn"}),
    "kathy": frozenset({"katherine", "catherine", "kathryn"}),
    "jen": frozenset({"jennifer"}),
    "jenny": frozenset({"jennifer"}),
    "hank": frozenset({"henry"}),
    "harry": frozenset({"henry", "harold"}),
    "larry": frozenset({"lawrence", "laurence"}),
    "terry": frozenset({"terence", "terrence"}),
    "jerry": frozenset({"gerald", "jerome"}),
    "peg": frozenset({"margaret"}),
    "sandy": frozenset({"sandra", "alexander"}),
    "sasha": frozenset({"alexander", "alexandra"}),
}
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "cfa", "phd", "md", "esq", "cpa"})
_MIN_PREFIX = 3  # "Sam" for "Samuel"; "Al" is too short to call a short form of "Alan"

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


def first_names_compatible(a: str, b: str) -> bool:
    """``Sam``/``Samuel``, ``Bob``/``Robert``, ``Doug``/``Douglas``: the same first name."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= _MIN_PREFIX and long_.startswith(short):
        return True
    return long_ in _NICKNAMES.get(short, frozenset()) or short in _NICKNAMES.get(
        long_, frozenset()
    )


def same_person(spoken: str, listed: str) -> bool:
    """Whether ``spoken`` can name the person listed as ``listed``.

    Equal keys match; otherwise the last names must agree and the first names be compatible,
    middle names and initials being optional (``Doug Harned`` = ``Douglas Stuart Harned``).
    """
    a, b = person_tokens(spoken), person_tokens(listed)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
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
