"""One participant-list entry split into the name and what follows it.

Lists write ``Name - Title`` or ``Name – Firm`` mostly, but also ``Name;Co-Founder, CEO,
President & Director`` and ``Name, Chief Financial Officer``. The name is the part before the
first separator; a comma only separates when what precedes it reads as a whole name and what
follows is not a name suffix (``Smith, Jr.``).
"""

from __future__ import annotations

import re

_SUFFIX = re.compile(r"^(?:Jr|Sr|I{2,3}|IV|V|Ph\.?\s?D|M\.?D|CFA|CPA|Esq)\.?$", re.I)
_SUFFIX_AFTER = re.compile(r"(?:,\s*(?:Jr|Sr|I{2,3}|IV|V)\.?)+$", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|la|le|di|del)){1,4}$")


def split_entry(text: str) -> tuple[str, str | None]:
    """``Ann Lee;CEO`` -> (``Ann Lee``, ``CEO``); ``Ann Lee, CFO`` -> (``Ann Lee``, ``CFO``).

    Returns the text whole (and None) when no separator splits it into a name and a rest.
    """
    stripped = text.strip()
    name, semicolon, rest = stripped.partition(";")
    if semicolon and name.strip() and rest.strip():
        return name.strip(), rest.strip()
    pieces = stripped.split(",")
    for cut in range(1, len(pieces)):
        name, rest = ",".join(pieces[:cut]).strip(), ",".join(pieces[cut:]).strip()
        if _SUFFIX.match(pieces[cut].strip()):
            continue  # "Smith, Jr., CFO": the suffix belongs to the name
        if rest and _NAME.match(_SUFFIX_AFTER.sub("", name)):
            return name, rest
        break
    return stripped, None
