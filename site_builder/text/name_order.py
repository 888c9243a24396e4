"""The order people are listed in: by family name, the way a reader looks a person up.

``nameparser`` reads the surname (``von Rumohr`` in ``Cai von Rumohr``, ``King`` in ``Dr. Martin
Luther King Jr.``); people are sorted by its last word, so particles do not gather everyone
under "v" or "de". A name ``nameparser`` finds no surname in (``Operator``, ``Speaker 2``, a
one-word name) sorts by the whole name, among the family names.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from nameparser import HumanName
from nameparser.config import CONSTANTS

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
"""One plain word of letters (``O'Neil``, ``Smith-Jones``): nothing for nameparser to read."""


def _reserved(word: str) -> bool:
    """A word nameparser treats specially: a title, suffix, particle or conjunction."""
    w = word.lower().rstrip(".")
    return (
        w in CONSTANTS.titles
        or w in CONSTANTS.suffix_acronyms
        or w in CONSTANTS.suffix_not_acronyms
        or w in CONSTANTS.prefixes
        or w in CONSTANTS.conjunctions
    )


@functools.lru_cache(maxsize=1 << 16)
def family_name(name: str) -> str:
    """The last word of the surname ``nameparser`` reads in ``name``; ``""`` when none."""
    words = name.split()
    # "First Last", nearly every name: what nameparser would say, without its cost (half a
    # millisecond a name, which a site of many thousands of speakers would feel).
    if len(words) == 2 and all(_WORD.fullmatch(w) and not _reserved(w) for w in words):
        return words[1]
    surname = HumanName(name).last.split()
    return surname[-1] if surname else ""


def sort_key(name: str, tiebreak: str = "") -> tuple[str, str, str]:
    """Family name, then the whole name, then ``tiebreak`` (an id): a stable order. Accents and
    case are folded (``Álvarez`` among the A's)."""
    family = family_name(name)
    return (_fold(family or name), _fold(name), tiebreak)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
