"""Whether a text is a StreetEvents transcript: the brand, the participant list heading, and
counted speaker lines (``Name,  Firm - Title    [n]``)."""

from __future__ import annotations

import re

MAX_SCORE = 1.0
# A line that ends in a `[n]` counter, after a comma (or the operator alone).
DETECT_SPEAKER_LINE = re.compile(r"\S.{0,200}?,.*\s\[\d+\]\s*$|Operator,?\s*\[\d+\]\s*$")
_BRACKET_AT_LINE_END = re.compile(r"\][^\S\n]*$", re.M)
_PARTICIPANTS_HEADING = re.compile(r"Corporate\s+Participants\s*$", re.M | re.I)


def detect(text: str) -> float:
    head = text[:4000]
    score = 0.0
    if re.search(r"StreetEvents", head, re.I):
        score += 0.5
    if any(_at_line_start(head, m.start()) for m in _PARTICIPANTS_HEADING.finditer(head)):
        score += 0.2
    # Counted speaker lines ("Name,  Firm - Title    [n]"): three are proof enough.
    if _count_speaker_lines(text[:300_000], 3) == 3:
        score += 0.4
    return min(score, MAX_SCORE)


def _at_line_start(text: str, index: int) -> bool:
    """Whether only whitespace stands between the start of a line and ``index``. Checked after
    the heading is found: a pattern that allows blank space before it, tried at every line start,
    reads all the blank lines that follow each time (quadratic on a head of blank lines)."""
    line_start = text.rfind("\n", 0, index) + 1
    return not text[line_start:index].strip()


def _count_speaker_lines(text: str, enough: int) -> int:
    """How many lines are counted speaker lines, up to ``enough``. Only the lines that end in
    ``]`` are matched: the pattern is slow to fail on the long lines of speech."""
    count = 0
    for end in _BRACKET_AT_LINE_END.finditer(text):
        start = text.rfind("\n", 0, end.start()) + 1
        if DETECT_SPEAKER_LINE.match(text, start, end.end()):
            count += 1
            if count == enough:
                break
    return count
