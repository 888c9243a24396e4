"""How much each speaker says: words and turns per speaker and section, counted once per call.

The index (a person's word count), page keys and the charts all read these figures, so they are
counted where a transcript is loaded and handed to the memo (``turn_words.remember``) instead of
being counted again by each reader of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from site_builder.memo import by_identity
from site_builder.model import ParsedTranscript, SectionKind, Turn

# Editorial marks are not speech: [laughter] is not a word anyone said.
_MARK = re.compile(r"\[[^\[\]]*\]")
# A dash standing alone between spaces punctuates; it is no word.
_DASHES = ("-", "--", "–", "—")


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of non-space characters, so ``don't`` and
    ``year-over-year`` are one word and ``$2,329.7 million`` two; a reader comparing our figure
    with their own copy's gets the same. Editorial marks and standalone dashes are not speech."""
    if "[" in text:
        text = _MARK.sub(" ", text)
    # Most paragraphs are ASCII words between single spaces (an ASCII text's other spaces are
    # all unprintable): their words are their spaces plus one, counted without making a list.
    if text.isascii() and text.isprintable() and "  " not in text and " -" not in text:
        stripped = text.strip(" ")
        if stripped and stripped[0] != "-":
            return stripped.count(" ") + 1
    words = text.split()
    if "-" in text or "–" in text or "—" in text:
        return len(words) - sum(words.count(dash) for dash in _DASHES)
    return len(words)


def spoken_turns(parsed: ParsedTranscript) -> Iterator[Turn]:
    """Turns somebody speaks: boilerplate and non-verbatim summaries are not speech."""
    skip = {
        s.id for s in parsed.sections if s.kind in (SectionKind.BOILERPLATE, SectionKind.SUMMARY)
    }
    return (t for t in parsed.turns if t.speaker and t.section not in skip)


# Remembered for every call of the site at each build (and all forgotten before the next): a
# call dropped from here would be counted again, and a call held as openings only
# (index/openings.py) cannot be.
EVERY_CALL = 1 << 20


@by_identity(EVERY_CALL)  # the three charts, their tables and the person pages all ask
def turn_words(parsed: ParsedTranscript) -> dict[str, int]:
    """Spoken turn id -> its word count, in transcript order.

    Counted once per loaded transcript, where it is loaded
    (:func:`site_builder.index.site.speech_of`);
    the builder hands the counts to this cache with ``turn_words.remember``.
    """
    if parsed.openings_only:
        raise RuntimeError(f"{parsed.source}: words counted from the openings of its turns")
    return {t.id: sum(count_words(p) for p in t.paragraphs) for t in spoken_turns(parsed)}


@dataclass(frozen=True, slots=True)
class Tally:
    """Spoken words and turns per speaker and per section, keys in order of first appearance."""

    speaker_words: dict[str, int]
    speaker_turns: dict[str, int]
    section_words: dict[str, int]
    section_turns: dict[str, int]
    total: int
    """All spoken words of the call."""


@by_identity(EVERY_CALL)  # the charts of the call's page and every speaker's person page ask
def tally(parsed: ParsedTranscript) -> Tally:
    sized = turn_words(parsed)
    speaker_words: dict[str, int] = {}
    speaker_turns: dict[str, int] = {}
    section_words: dict[str, int] = {}
    section_turns: dict[str, int] = {}
    for turn in spoken_turns(parsed):
        n = sized[turn.id]
        speaker, section = turn.speaker, turn.section
        speaker_words[speaker] = speaker_words.get(speaker, 0) + n
        speaker_turns[speaker] = speaker_turns.get(speaker, 0) + 1
        section_words[section] = section_words.get(section, 0) + n
        section_turns[section] = section_turns.get(section, 0) + 1
    total = sum(speaker_words.values())
    return Tally(speaker_words, speaker_turns, section_words, section_turns, total)


def let_go(parsed: ParsedTranscript) -> None:
    """Drop the remembered counts of ``parsed``: where a call is loaded, its counts travel with
    it and are remembered where it is kept (``pipeline.load_site``); left here, they would keep
    every call a process loads alive, every word of it."""
    turn_words.discard(parsed)
    tally.discard(parsed)
