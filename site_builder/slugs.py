"""Slugs: the URL-safe names of people, organisations, topics and transcripts."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from pathlib import PurePath

_NON_WORD = re.compile(r"[^a-z0-9]+")
# A slug becomes a folder name; file systems stop at 255 bytes, and a URL people share should
# stay readable. Longer slugs keep their start and gain a hash of the whole, so they stay unique.
MAX_SLUG = 80


@functools.lru_cache(maxsize=1 << 14)  # the same names and firms are slugged on every call
def slugify(text: str) -> str:
    """``C.J. Muse`` -> ``cj-muse``; ``Société Générale`` -> ``societe-generale``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.lower().replace("'", "").replace("’", "").replace(".", "")
    slug = _NON_WORD.sub("-", ascii_text).strip("-") or "x"
    if len(slug) <= MAX_SLUG:
        return slug
    digest = hashlib.sha1(slug.encode("ascii")).hexdigest()[:8]
    return f"{slug[: MAX_SLUG - 9].rstrip('-')}-{digest}"


def name_key(name: str) -> str:
    """A key under which two spellings of one person's name meet: ``CJ Muse`` = ``C.J. Muse``."""
    return slugify(name).replace("-", " ")


# Extensions a publisher's file may carry, one after another (``x.htm.txt``, ``x.said.txt``).
SOURCE_EXTENSIONS = frozenset(
    {"txt", "md", "markdown", "vtt", "srt", "json", "htm", "html", "xml", "said", "text"}
)


def file_stem(path: str) -> str:
    """The file's name without any source extension (``x.htm.txt`` -> ``x``)."""
    name = PurePath(path).name
    while "." in name and name.rsplit(".", 1)[1].lower() in SOURCE_EXTENSIONS:
        name = name.rsplit(".", 1)[0]
    return name or PurePath(path).name
