"""A Motley Fool page re-emitted as numbered English / Chinese pairs.

Each paragraph is ``[  n] [EN] text`` then ``[中] translation``, often followed by the English
again (sometimes after ``原文：``); headings are ``━━ Title ━━`` rules with their translation.
Each entry becomes one block whose extras carry the translation and the repeat, so the classic
reader sees the English page and neither language is lost.
"""

from __future__ import annotations

import re

from site_builder.readers.motley_fool.common import Block

ENTRY = re.compile(r"^\s*\[\s*(?P<n>\d+)\]\s*\[EN\]\s?(?P<text>.*)$")
TRANSLATION = re.compile(r"^\s*\[中\]\s?(?P<text>.*)$")
RULED = re.compile(r"^\s*━━\s*(?P<text>.*?)\s*(?:━━\s*)?$")
ORIGINAL_MARK = "原文："


def is_interleaved(lines: list[str]) -> bool:
    return sum(1 for line in lines[:400] if ENTRY.match(line)) >= 3


def interleaved_blocks(lines: list[str], start: int) -> list[Block]:
    blocks: list[Block] = []
    extras: list[str] = []
    line_no, text, marker = 0, "", ""  # the entry being read
    open_entry = False

    def close() -> None:
        nonlocal open_entry
        if open_entry:
            blocks.append(Block(line_no, text, tuple(_joined_marks(extras)), marker))
            open_entry = False

    previous_ruled = False
    for index in range(start, len(lines)):
        line = lines[index]
        stripped = line.strip()
        entry = ENTRY.match(line)
        ruled = RULED.match(line) if stripped.startswith("━━") else None
        translation = TRANSLATION.match(line)
        found = entry or ruled
        if found is not None and (entry or not previous_ruled):
            close()
            line_no, text, extras, open_entry = index + 1, found.group("text").strip(), [], True
            marker = f"[{entry.group('n')}]" if entry else ""
        elif ruled:
            extras.append(ruled.group("text"))
        elif translation:
            translated = translation.group("text").strip()
            if translated and open_entry:
                extras.append(translated)
            elif translated:  # its entry line is missing: the translation stands on its own
                blocks.append(Block(index + 1, translated))
        elif stripped.startswith("=" * 10):
            close()
        elif stripped and open_entry:
            extras.append(re.sub(r"\s*━━$", "", stripped))
        elif stripped:
            blocks.append(Block(index + 1, stripped))
        if stripped:
            previous_ruled = bool(ruled)
    close()
    return blocks


def _joined_marks(extras: list[str]) -> list[str]:
    """``原文：`` alone on its line belongs with the original text that follows it."""
    joined: list[str] = []
    for extra in extras:
        if joined and joined[-1] == ORIGINAL_MARK:
            joined[-1] = f"{ORIGINAL_MARK}{extra}"
        else:
            joined.append(extra)
    return joined
