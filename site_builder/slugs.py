"""Slugs: the URL-safe names of people, organisations, topics and transcripts."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``C.J. Muse`` -> ``cj-muse``; ``Société Générale`` -> ``societe-generale``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.lower().replace("'", "").replace("’", "").replace(".", "")
    return _NON_WORD.sub("-", ascii_text).strip("-") or "x"


def name_key(name: str) -> str:
    """A key under which two spellings of one person's name meet: ``CJ Muse`` = ``C.J. Muse``."""
    return slugify(name).replace("-", " ")
