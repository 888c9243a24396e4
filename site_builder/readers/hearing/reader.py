"""GPO hearing transcripts and the Congressional Record: inline speakers in plain ``<pre>`` text.

Both come from govinfo as an HTML page wrapping a ``<pre>`` block. Before the first speaker label
is front matter (the bracketed GPO header, title page, committee roster, table of contents, the
"committee met" narrative); after the hearing come the appendix (omitted graphics) and the closing
tags. Both are kept, as boilerplate, never shown as speech. In between, a paragraph starts on an
indented line and a speaker label (see ``hearing_people.LABEL``) opens a turn; an indented
paragraph without a label continues the current speaker. Centred or upper-case blocks
(``STATEMENT OF ...``, ``General Leave``) open a section. ``[[Page H6191]]`` and ``{time} 2115``
markers stay in the text where they stand, so a sentence broken by a page marker reads on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain, islice

from site_builder.model import EventInfo, ParsedTranscript, Participant, SectionKind, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.common.call_dates import iso_date
from site_builder.readers.common.markdown_meta import date_from_name
from site_builder.readers.hearing.people import (
    LABEL,
    Speakers,
    chair_listed,
    proper_case,
    witnesses_listed,
)
from site_builder.readers.name_colon.people import title_from_path

NAME = "hearing"
MAX_SCORE = 0.95

_HEADER = re.compile(
    r"^\[(?:House|Senate|Joint) Hearing, \d+ Congress\]|^\[From the U\.S\. Government Printing"
    r"|^\[Congressional Record Volume \d+|^From the Congressional Record Online",
    re.M,
)
_MARKER = re.compile(r"^\s*(?:\[\[Page [A-Z]?\d+\]\]|\{time\}\s+\d+)\s*$")
_CLOSING = re.compile(r"^\s*(?:(?:</?\w+[^>]*>\s*)+|[_=-]{5,})\s*$")
_CENTRED = 10
_WHITESPACE = re.compile(r"\s")
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def detect(text: str) -> float:
    labels = [m["label"] for line in split_lines(text) if (m := LABEL.match(line))]
    if labels and _HEADER.search(text[:5000]):
        return MAX_SCORE
    # Pasted without the GPO header: only many strict labels by several speakers will do.
    if len(labels) >= 5 and len(set(labels)) >= 2:
        return 0.5
    return 0.0


@dataclass(slots=True)
class _Paragraphs:
    """The open turn's paragraph list and whether its last paragraph may still grow."""

    paragraphs: list[str] | None = None
    open: bool = False

    def new(self, text: str) -> None:
        if self.paragraphs is not None:
            self.paragraphs.append(text)
            self.open = True

    def extend(self, text: str) -> None:
        if self.paragraphs and self.open:
            # A line that ends in a hyphen was wrapped inside a word ("so-" / "called").
            glue = "" if self.paragraphs[-1].endswith("-") else " "
            self.paragraphs[-1] += glue + text
        else:
            self.new(text)


def parse(source: SourceText) -> ParsedTranscript:
    lines = split_lines(source.text)
    start = next((i for i, line in enumerate(lines) if LABEL.match(line)), len(lines))
    end = _end_of_speech(lines, start)
    front = lines[:start]
    b = TranscriptBuilder()
    speakers = Speakers(b, witnesses_listed(front), chair_listed(front))
    front_blocks = _blocks(front, 1)
    opening = "Proceedings"
    opening_line = start + 1
    if front_blocks and _is_heading(front_blocks[-1][1]):
        opening_line, heading = front_blocks.pop()
        opening = _heading_text(heading)
    _boilerplate(b, "Front matter", front_blocks)
    if start < len(lines):
        b.add_section(opening, SectionKind.OTHER, opening_line)
        _speech(b, speakers, lines[start:end], start + 1)
    _boilerplate(b, "Appendix" if _appendix_at(lines, end) else "End matter",
                 _blocks(lines[end:], end + 1))  # fmt: skip
    if start == len(lines):
        b.warn(None, "no speaker label found: the whole text is kept as front matter", "speaker")
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=_title(lines[:start]) or opening if start else title_from_path(source.path),
        event=EventInfo(
            kind="hearing",
            company=_holder(front),
            date=iso_date("\n".join(front[:40])) or date_from_name(source.path),
        ),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )


def _speech(b: TranscriptBuilder, speakers: Speakers, lines: list[str], first: int) -> None:
    section = b.sections[-1].id
    speaker: Participant | None = None
    text = _Paragraphs()
    for line_number, block in _blocks(lines, first):
        if len(block) == 1 and _MARKER.match(block[0]):
            if text.paragraphs is None and speaker is not None:
                text = _Paragraphs(b.start_turn(speaker.id, section, line_number))
            # Inline where it stands: the sentence the page break cut reads on after it.
            text.open = True
            text.extend(" ".join(block[0].split()))
            continue
        if _is_heading(block) and not LABEL.match(block[0]):
            section = b.add_section(_heading_text(block), SectionKind.OTHER, line_number).id
            text = _Paragraphs()
            continue
        for offset, line in enumerate(block):
            number = line_number + offset
            label = LABEL.match(line)
            if label:
                speaker = speakers.speaker_of(label, number)
                text = _Paragraphs(b.start_turn(speaker.id, section, number, label["label"]))
                rest = line[label.end() :].strip()
                if rest:
                    text.new(rest)
                continue
            if text.paragraphs is None and speaker is not None:
                # Speech after a heading, without a new label: the same speaker goes on.
                text = _Paragraphs(b.start_turn(speaker.id, section, number))
            if line[:1].isspace() or (offset == 0 and not text.open):
                text.new(line.strip())
            else:
                text.extend(line.strip())
        text.open = False  # a blank line ends a paragraph (a page marker reopens it)


def _end_of_speech(lines: list[str], start: int) -> int:
    """Where the appendix or the closing tags begin (the end when there are none)."""
    for index in range(start, len(lines)):
        if _appendix_at(lines, index):
            return index
    end = len(lines)
    while end > start and (not lines[end - 1].strip() or _CLOSING.match(lines[end - 1])):
        end -= 1
    return end


def _appendix_at(lines: list[str], index: int) -> bool:
    return index < len(lines) and _WHITESPACE.sub("", lines[index]) == "APPENDIX"


def _blocks(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks: (1-based line of the block, its lines as written)."""
    blocks: list[tuple[int, list[str]]] = []
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        if offset and lines[offset - 1].strip() and blocks:
            blocks[-1][1].append(line)
        else:
            blocks.append((first + offset, [line]))
    return blocks


def _is_heading(block: list[str]) -> bool:
    """Three letters or more, centred or all capitals. The letters are read lazily: a block of
    speech shows it is no heading at its first lower-case letter."""
    if block[0].lstrip().startswith(("[", "<")):
        return False
    letters = (c for line in block for c in line if c.isalpha())
    first = list(islice(letters, 3))
    if len(first) < 3:
        return False
    centred = all(len(line) - len(line.lstrip()) >= _CENTRED for line in block)
    return centred or all(c.isupper() for c in chain(first, letters))


def _heading_text(block: list[str]) -> str:
    text = " ".join(" ".join(block).split())
    return _title_case(text) if text.isupper() else text


def _boilerplate(b: TranscriptBuilder, title: str, blocks: list[tuple[int, list[str]]]) -> None:
    if not blocks:
        return
    section = b.add_section(title, SectionKind.BOILERPLATE, blocks[0][0])
    paragraphs = b.start_turn("", section.id, blocks[0][0])
    paragraphs.extend(" ".join(line.strip() for line in block) for _, block in blocks)


def _title(front: list[str]) -> str | None:
    """The hearing's title page ("MONETARY POLICY AND THE / STATE OF THE ECONOMY, PART II"), or
    the Congressional Record's item heading, in title case."""
    blocks = [blk for _, blk in _blocks(front, 1) if _is_heading(blk)]
    if not blocks:
        return None
    first = blocks[0]
    if len(blocks) > 1 and _heading_text(first).endswith((" the", " and", " of")):
        first = first + blocks[1]  # the title page spreads one title over two blocks
    return _heading_text(first)


def _title_case(text: str) -> str:
    words = text.split()
    cased = []
    for n, word in enumerate(words):
        if re.fullmatch(r"[IVX]+[,.]?", word):
            cased.append(word)  # a roman numeral (PART II)
        elif n and word.lower() in _SMALL_WORDS:
            cased.append(word.lower())
        else:
            cased.append(proper_case(word))
    return " ".join(cased)


def _holder(front: list[str]) -> str | None:
    """Who holds the event: the committee, or the chamber of a Congressional Record item."""
    for line in front:
        stripped = line.strip()
        committee = re.fullmatch(r"(?:HOUSE |SENATE )?(COMMITTEE ON [A-Z ,&]+)", stripped)
        if committee:
            return _title_case(committee.group(1))
        if stripped in ("[House]", "[Senate]"):
            return "U.S. " + ("House of Representatives" if stripped == "[House]" else "Senate")
    return None
