"""Recognising speaker labels (`Name: text`) strictly enough that prose never grows speakers.

A line like ``Note: the figures...`` or ``Yes: we did`` must stay prose. A candidate label is
accepted only when its *shape* is a name (a few capitalised words, initials, a role word) and it
is *corroborated*: it recurs at line starts, it is written in a form nobody uses by accident
(``**Name:**``, ``Name (00:01:02):``), or it is listed in front matter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# `**Name:**`, `Name:`, `Name (00:00:00):`, `**Name (1:02:03):**`, then at least one space or the
# end of the line (Motley Fool's `Name:Text` with no space belongs to that layout's reader).
_LABEL = re.compile(
    r"^(?P<bold>\*\*)?(?P<name>[^\s:*()\[\]<>#][^:*()\[\]<>]{0,48}?)"
    r"(?:\s+\((?P<paren>\d{1,2}:\d{2}(?::\d{2})?)\))?:(?(bold)\*\*)(?=\s|$)"
)
_TIMESTAMP = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,]\d+)?$")
# Lines up to this long are matched through a small cache: a label alone on its line repeats.
_SHORT_LINE = 80


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words allowed in lower case inside a name: particles and the few role qualifiers seen.
_PARTICLES = _words(
    """
    von van de da del der den di du la le bin al el of y dos das ten ter offscreen voiceover
    off camera
    """
)
# Words that start prose or metadata lines far more often than they name a speaker.
NOT_SPEAKERS = _words(
    """
    note notes yes no example update source sources edit warning tip summary agenda slides
    date time location link links video audio transcript title important disclaimer reminder
    result results answer question quote step caution definition company quarter ticker url
    duration published tags event bip media see also ps fact why how what so and but
    or the then now first second third finally well okay ok here there this that
    speakers keywords description http https
    """
)
# Labels that mark a non-speech block (an ad break), kept as boilerplate.
BREAK_LABELS = {"break", "ad break", "sponsor", "music", "intro music", "outro music"}
ROLE_WORDS = _words(
    """
    operator moderator host announcer narrator interviewer audience panelist unidentified
    unknown speaker questioner participant
    """
)
_SPEAKER_N = re.compile(r"^(speaker|spk|person)\s*(\d+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Label:
    """A candidate label at the start of a line."""

    name: str
    """The name, whitespace collapsed (``Speaker4`` -> ``Speaker 4``)."""
    written: str
    """The label exactly as written, without the colon."""
    rest: str
    """The text after the label on the same line."""
    bold: bool
    timestamp: str | None
    """``HH:MM:SS`` from ``Name (00:01:02):`` or a bare ``Name: 00:00:20`` line."""


def normalise_timestamp(text: str) -> str | None:
    """``1:02`` -> ``00:01:02``; ``01:02:03.500`` -> ``01:02:03``; anything else -> None."""
    m = _TIMESTAMP.match(text.strip())
    if not m:
        return None
    hours, minutes, seconds = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
    if seconds > 59 or (m.group(1) and minutes > 59):
        return None
    hours, minutes = hours + minutes // 60, minutes % 60
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def canonical_name(name: str) -> str:
    name = " ".join(name.split())
    m = _SPEAKER_N.match(name)
    return f"{m.group(1).capitalize()} {m.group(2)}" if m else name


def has_name_shape(name: str) -> bool:
    """A few words, each capitalised, an initial, a number (``Speaker 3``) or a particle."""
    words = name.split()
    if not 1 <= len(words) <= 5 or len(name) > 48:
        return False
    if " ".join(words).lower() in NOT_SPEAKERS or words[0].lower() in {"the", "a", "an"}:
        return False
    if not words[0][0].isupper():
        return False
    for word in words:
        if word[0].isupper() or word.isdigit() or word.lower() in _PARTICLES:
            continue
        return False
    # A sentence, not a name: `So. Then` / `Mr. Smith said.` (initials like `R.` are fine).
    return not any(
        w.endswith(".")
        and len(w) > 3
        and w[:-1].isalpha()
        and w != words[0]
        and w.lower() not in {"jr.", "sr."}
        for w in words[1:]
    )


def match_label(line: str) -> Label | None:
    """The label at the start of ``line`` if it has the shape of one (not yet corroborated)."""
    # A line that is a label alone repeats: a podcast writes its few `**Host:**` lines hundreds
    # of times. Long lines are speech, seldom repeated, and not worth keeping in the cache.
    return _match_short_label(line) if len(line) <= _SHORT_LINE else _match_label(line)


@lru_cache(maxsize=1024)
def _match_short_label(line: str) -> Label | None:
    return _match_label(line)


def _match_label(line: str) -> Label | None:
    m = _LABEL.match(line)
    if not m:
        return None
    written = m.group("name").strip()
    if not has_name_shape(written):
        return None
    rest = line[m.end() :].strip()
    timestamp = normalise_timestamp(m.group("paren")) if m.group("paren") else None
    if timestamp is None and rest and normalise_timestamp(rest):
        timestamp, rest = normalise_timestamp(rest), ""
    return Label(canonical_name(written), written, rest, bool(m.group("bold")), timestamp)


def is_break(label: Label) -> bool:
    """``**Break:** \\[24:27\\]``: an ad break marker, not a speaker called Break."""
    return label.name.lower() in BREAK_LABELS and (label.bold or not label.rest)


def accepted_names(labels: Iterable[Label], listed: Iterable[str] = ()) -> set[str]:
    """The label names corroborated as speakers (see module docstring)."""
    labels = list(labels)
    counts = Counter(label.name for label in labels)
    listed_keys = {canonical_name(n).lower() for n in listed}
    accepted = set()
    for label in labels:
        name = label.name
        if is_break(label):
            continue
        self_evident = label.bold or label.timestamp is not None
        role = name.split()[0].lower() in ROLE_WORDS
        if counts[name] >= 2 or self_evident or name.lower() in listed_keys or role:
            accepted.add(name)
    return accepted


def single_use_allowed(label: Label, density: float) -> bool:
    """In a file where nearly every paragraph is labelled, a one-off full name speaks."""
    return density >= 0.6 and (len(label.name.split()) >= 2 or label.name.lower() in ROLE_WORDS)
