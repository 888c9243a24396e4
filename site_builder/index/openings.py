"""A call as the pages of other calls see it: each turn cut to its opening words.

Person, topic and organisation pages quote the calls they list by the opening words of turns
(:func:`site_builder.views.text.excerpt`, at most :data:`OPENING_WORDS` of them), never more. So
when a build can read a call's whole text again from the cache folder, the site it holds in
memory keeps only those openings, and the call's own page and JSON read the whole text when
they are made (``Site.body``). The words are half of what a loaded call holds in memory: about
1 GB of an archive of 10,000 calls.

The opening is the turn's first words joined by single spaces, as an excerpt prints them: an
excerpt of up to :data:`OPENING_WORDS` words of it is the excerpt of the whole turn, and whether
the turn has more words than that is kept too (one word more). Word counts are never made from
it: they are counted where the call is loaded (:mod:`site_builder.index.speech`).
"""

from __future__ import annotations

from dataclasses import replace

from site_builder.model import Transcript, Turn

OPENING_WORDS = 64
"""The longest excerpt any page prints of another call's turn (tests/test_openings.py checks
the views' limits against it)."""


def openings_only(transcript: Transcript) -> Transcript:
    """``transcript`` with every turn cut to its first :data:`OPENING_WORDS` words (and one
    more, so an excerpt knows the turn goes on)."""
    parsed = transcript.parsed
    if parsed.openings_only:
        return transcript
    turns = tuple(_opening(turn) for turn in parsed.turns)
    return replace(transcript, parsed=replace(parsed, turns=turns, openings_only=True))


def opening(paragraphs: tuple[str, ...]) -> str:
    """A turn's opening: its first :data:`OPENING_WORDS` words and one more, joined by spaces."""
    wanted = OPENING_WORDS + 1
    words: list[str] = []
    for paragraph in paragraphs:  # not the whole text joined: a long answer's opening is short
        more = wanted - len(words)
        words += paragraph.split(maxsplit=more)[:more]
        if len(words) == wanted:
            break
    return " ".join(words)


def _opening(turn: Turn) -> Turn:
    if not turn.paragraphs:
        return turn
    # The first paragraph's time is the opening's: where the turn starts in the recording.
    return replace(turn, paragraphs=(opening(turn.paragraphs),), times=turn.times[:1])
