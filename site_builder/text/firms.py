"""One organisation per firm, however a transcript writes its name.

Transcripts name one broker in many ways: ``UBS``, ``UBS Securities LLC``, ``UBS Investment
Bank, Research Division``. :func:`canonical` reduces a name to the firm it means: accents and
punctuation folded, ``&`` read as ``and``, legal suffixes stripped (``cleanco``, which knows the
legal forms of many countries), then division and business-line words (``Research Division``,
``Securities``, ``Capital Markets``) and a leading ``The``. Names whose canonical forms are equal
are one organisation, with no alias written by hand.

Some firms changed their names; :data:`RENAMES` maps well-known former and brand names to one
firm. ``organizations.yaml`` extends it (a listed organisation's name and aliases claim every
name with the same canonical form) and overrides it (a name listed exactly is that organisation,
before any canonical matching, so two names the rules would merge can be kept apart).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from cleanco import basename

# Former, brand and division names of well-known firms -> the canonical form they mean. Keys
# and values are canonical forms (lower case, ``&`` as ``and``, no punctuation).
RENAMES: dict[str, str] = {
    "citi": "citigroup",
    "bofa": "bank of america",
    "bofa merrill lynch": "bank of america",
    "bofa global": "bank of america",
    "bank of america merrill lynch": "bank of america",
    "banc of america": "bank of america",
    "sanford c bernstein": "bernstein",
    "sanford bernstein": "bernstein",
    "alliancebernstein": "bernstein",
    "evercore isi": "evercore",
    "isi": "evercore",
    "jp morgan": "jpmorgan",
    "j p morgan": "jpmorgan",
    "jpmorgan chase": "jpmorgan",
    "jp morgan chase": "jpmorgan",
    "stifel nicolaus": "stifel",
    "nomura instinet": "nomura",
    "nomura research institute tokyo": "nomura",
    "bank of montreal": "bmo",
    "suntrust robinson humphrey": "suntrust",
    "td cowen": "cowen",
    "barclays bank": "barclays",
}

# Trailing words that name a firm's division or line of business, not the firm.
_DIVISION = re.compile(
    r"(?:\s+(?:research division|division|equity research|research|securities|capital markets"
    r"|global markets|markets|investment bank(?:ing)?|institutional equities|institutional"
    r"|institutional services|services|group|holdings?|financial|associates|and co(?:mpany)?"
    r"|co|company|capital|partners|usa|us|ltd|limited|llc|inc|corp|plc|ag|nv|sa|incorporated|and))+$"
)
_PARENTHESES = re.compile(r"\([^()]*\)")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")


def fold(name: str) -> str:
    """Lower case, accents and punctuation folded, ``&`` as ``and``, parentheses dropped."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _PARENTHESES.sub(" ", ascii_name.lower()).replace("&", " and ")
    text = text.replace(".", "").replace("'", "").replace("’", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@functools.lru_cache(maxsize=1 << 12)
def canonical(name: str) -> str:
    """``Goldman Sachs & Co. LLC`` -> ``goldman sachs``; ``BofA Securities`` -> ``bank of
    america``. Never empty for a name with a letter or digit in it."""
    plain = fold(name)
    if not plain:
        return ""
    cleaned = fold(basename(plain)) or plain
    stripped = _DIVISION.sub("", cleaned).strip()
    stripped = re.sub(r"^the\s+", "", stripped).strip() or cleaned
    if stripped in RENAMES:
        return RENAMES[stripped]
    return RENAMES.get(cleaned, RENAMES.get(plain, stripped))


def merge_report(wordings: dict[str, set[str]], listed: set[str]) -> list[tuple[str, list[str]]]:
    """(organisation id, the names merged into it) for every organisation that more than one
    wording reached by canonical form; names listed in organizations.yaml are the editor's own
    merges and are not reported."""
    report = []
    for org_id, names in sorted(wordings.items()):
        spelt = {fold(n): n for n in sorted(names) if fold(n) not in listed}
        if len(spelt) > 1:
            report.append((org_id, sorted(spelt.values(), key=str.casefold)))
    return report
