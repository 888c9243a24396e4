"""Refinitiv / Thomson Reuters / LSEG StreetEvents transcripts and Event Briefs.

The layout: a header (brand, ``E D I T E D   V E R S I O N``, title, date), participant lists
(`` * Name`` then ``   Firm - Title``), then sections headed ``Presentation`` / ``Questions and
Answers`` (lower-case ``presentation`` / ``q-and-a`` in LSEG files) whose turns open with
``Name,  Firm - Title    [n]`` (the counter restarts per section), and ``Definitions`` /
``Disclaimer`` blocks. An Event Brief adds a non-verbatim summary, and may carry ``<Sync
Time="…"/>`` tags from the recording, which become turn timestamps.
"""

from __future__ import annotations

import re

from site_builder.model import EventInfo, ParsedTranscript, SectionKind, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.common.sync_tags import SYNC_TAG, clock, seconds
from site_builder.readers.streetevents.detect import MAX_SCORE as MAX_SCORE
from site_builder.readers.streetevents.detect import detect as detect
from site_builder.readers.streetevents.header import read_header
from site_builder.readers.streetevents.people import People

NAME = "streetevents"
# Header and heading words consumed as structure (the header itself is also kept as boilerplate).
STRUCTURE_WORDS = frozenset(
    {"participiants", "sync", "time", "definitions", "disclaimer", "overview", "summary"}
)

LIST_HEADING = re.compile(r"^\s*(Corporate|Conference\s+Call|Company)\s+Particip\w*\s*$", re.I)
LIST_ENTRY = re.compile(r"^\s*\*\s+(\S.*?)\s*$")
# "Name,  Firm - Title    [n]" or "Operator    [1]": a comma (or the operator alone) and a run of
# spaces before the counter, so speech that ends in a footnote ("see page [2]") stays speech.
# "Unidentified Audience Member    [6]" has no comma either: StreetEvents' label for a voice it
# could not name, which some calls give their operator.
SPEAKER_LINE = re.compile(
    r"^(?P<label>Operator,?|(?:Unidentified|Unknown)(?:\s[A-Za-z]+){1,3},?"
    r"|[^\s,][^,]{0,200}?,.{0,200}?)\s{2,}\[(?P<n>\d+)\]\s*$"
)
COUNTER = re.compile(r"\s{2,}\[\d+\]\s*$")
COPYRIGHT = re.compile(r"^\s*Copyright\b.*?All Rights Reserved\.?", re.I)

VERBATIM_HEADINGS = {
    "presentation": SectionKind.PREPARED,
    "questions and answers": SectionKind.QA,
    "question and answer": SectionKind.QA,
    "q-and-a": SectionKind.QA,
}
OTHER_HEADINGS = {"definitions": SectionKind.BOILERPLATE, "disclaimer": SectionKind.BOILERPLATE}
SUMMARY_HEADINGS = {
    "overview",
    "summary",
    "event summary",
    "financial data",
    "guidance",
    "other remarks",
    "highlights",
    "key points",
    "event brief",
}


def source_words_text(text: str) -> str:
    """The text whose words the transcript must keep: without Sync tags and turn counters.

    Both are markup of the recording and the layout; a turn whose label has no text after it
    (``Operator    [119]`` followed by the next speaker) keeps nothing, so its counter goes too.
    """
    lines = [COUNTER.sub("", ln) if SPEAKER_LINE.match(ln) else ln for ln in split_lines(text)]
    return SYNC_TAG.sub(" ", "\n".join(lines))


def _heading_kind(line: str, brief: bool) -> str | None:
    key = line.strip().lower()
    if key in VERBATIM_HEADINGS:
        return VERBATIM_HEADINGS[key]
    if key in OTHER_HEADINGS:
        return OTHER_HEADINGS[key]
    if brief and key in SUMMARY_HEADINGS:
        return SectionKind.SUMMARY
    return None


def parse(source: SourceText) -> ParsedTranscript:
    lines, numbers, syncs = _prepare(split_lines(source.text))
    brief = any(re.search(r"Event Brief", ln, re.I) for ln in lines[:15])
    b = TranscriptBuilder()
    people = People(b)
    header_end = next(
        (
            i
            for i, ln in enumerate(lines)
            if LIST_HEADING.match(ln) or _heading_kind(ln, brief) or SPEAKER_LINE.match(ln)
        ),
        len(lines),
    )
    title, event = read_header(lines[:header_end])
    kept = [(numbers[i], ln.strip()) for i, ln in enumerate(lines[:header_end]) if ln.strip()]
    if kept:
        header = b.add_section("Header", SectionKind.BOILERPLATE, kept[0][0])
        b.start_turn("", header.id, kept[0][0]).extend(text for _, text in kept)
    _Scanner(b, people, lines, numbers, syncs, brief).run(header_end)
    event = EventInfo(
        company=event.company or people.company_organization(),
        ticker=event.ticker,
        quarter=event.quarter,
        year=event.year,
        date=event.date,
        time=event.time,
        timezone=event.timezone,
    )
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=title,
        event=event,
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )


def _prepare(raw: list[str]) -> tuple[list[str], list[int], dict[int, float]]:
    """Lines without Sync tags, each with its source line number and the Sync time it carried.

    A participant list run onto the copyright line (no newline between them) is split off, so
    the scanner sees it as the list it is.
    """
    lines: list[str] = []
    numbers: list[int] = []
    syncs: dict[int, float] = {}
    for number, line in enumerate(raw, 1):
        found = SYNC_TAG.search(line)
        if found:
            syncs[len(lines)] = seconds(found.group("s"))
            line = SYNC_TAG.sub("", line)
        copyright_match = COPYRIGHT.match(line)
        if copyright_match and LIST_ENTRY.match(line[copyright_match.end() :]):
            lines += [line[: copyright_match.end()], line[copyright_match.end() :]]
            numbers += [number, number]
            continue
        lines.append(line)
        numbers.append(number)
    return lines, numbers, syncs


class _Scanner:
    """One pass over the body: participant lists, sections, speaker lines and their text."""

    def __init__(
        self,
        b: TranscriptBuilder,
        people: People,
        lines: list[str],
        numbers: list[int],
        syncs: dict[int, float],
        brief: bool,
    ) -> None:
        self.b, self.people, self.lines, self.numbers = b, people, lines, numbers
        self.syncs, self.brief = syncs, brief
        self.section_id, self.section_kind = "", ""
        self.paragraphs: list[str] | None = None
        self.list_group: str | None = None
        self.entry: tuple[str, int] | None = None
        self.block: list[str] = []
        self.block_line = 0
        self.pending_sync: float | None = None
        self.label_line = 0

    def run(self, start: int) -> None:
        for index in range(start, len(self.lines)):
            self.line(index)
        self.flush()

    def flush(self, firm_line: str | None = None) -> None:
        if self.entry is not None:
            self.people.listed(self.entry[0], firm_line, self.list_group, self.entry[1])
            self.entry = None
        if self.block:
            self.b.start_turn("", self.section_id, self.block_line).append(" ".join(self.block))
            self.block = []

    def line(self, index: int) -> None:
        line, number = self.lines[index], self.numbers[index]
        stripped = line.strip()
        list_heading = LIST_HEADING.match(line)
        # Headings stand flush left after a blank line; a speaker who says just "Presentation"
        # is indented (first paragraph) or follows their label or text (later ones).
        heading_place = not line[:1].isspace() and (index == 0 or not self.lines[index - 1].strip())
        kind = None if list_heading or not heading_place else _heading_kind(line, self.brief)
        if list_heading:
            self.flush()
            self.list_group = self.people.group_for_list(list_heading.group(1))
            self.section_id, self.section_kind, self.paragraphs = "", "", None
        elif kind:
            self.flush()
            if (
                kind in (SectionKind.PREPARED, SectionKind.QA)
                and self.brief
                and not _has_speaker_ahead(self.lines, index + 1)
            ):
                kind = (
                    SectionKind.SUMMARY
                )  # a brief's "Questions and Answers" digest is not verbatim
            section = self.b.add_section(stripped, kind, number)
            self.section_id, self.section_kind = section.id, kind
            self.paragraphs, self.list_group = None, None
        elif COPYRIGHT.match(line):
            self.flush()
            if not self.section_id:
                self.section_id = self.b.add_section(
                    "Copyright", SectionKind.BOILERPLATE, number
                ).id
            self.b.start_turn("", self.section_id, number).append(stripped)
            # What follows the copyright can only be a repeated participant list.
            self.list_group, self.section_kind = self.people.group_for_list(""), ""
        elif self.list_group is not None and (LIST_ENTRY.match(line) or self.entry):
            entry = LIST_ENTRY.match(line)
            if entry:
                self.flush()
                self.entry = (entry.group(1), number)
            else:
                self.flush(stripped)
        elif self.section_kind in (SectionKind.PREPARED, SectionKind.QA):
            self.speech(index, line, number, stripped)
        elif stripped:
            if not self.section_id:
                self.section_id = self.b.add_section("Other", SectionKind.BOILERPLATE, number).id
            if not self.block:
                self.block_line = number
            # A speaker line outside the verbatim sections is kept as text; its turn counter
            # is layout markup there too (see source_words_text).
            self.block.append(COUNTER.sub("", stripped) if SPEAKER_LINE.match(line) else stripped)
        else:
            self.flush()

    def speech(self, index: int, line: str, number: int, stripped: str) -> None:
        speaker_line = SPEAKER_LINE.match(line)
        if speaker_line:
            if self.paragraphs is not None and not self.paragraphs and self.label_line:
                self.b.warn(self.label_line, "this speaker label has no text after it", "speaker")
            self.label_line = number
            name_and_firm = speaker_line.group("label").rstrip()
            speaker = self.people.speaker(name_and_firm, number, self.section_kind)
            self.paragraphs = self.b.start_turn(
                speaker, self.section_id, number, stripped, self.timestamp(index)
            )
            self.pending_sync = None
        elif not stripped:
            if index in self.syncs:
                self.pending_sync = self.syncs[index]
        else:
            self.pending_sync = None
            if self.paragraphs is None:
                self.paragraphs = self.b.start_turn(
                    self.people.unknown(number), self.section_id, number
                )
            self.paragraphs.append(stripped)

    def timestamp(self, index: int) -> str | None:
        """The Sync time just before the speaker line, on it, or on its first line of text."""
        stamp = self.pending_sync if self.pending_sync is not None else self.syncs.get(index)
        if stamp is None:
            following = next(
                (j for j in range(index + 1, len(self.lines)) if self.lines[j].strip()), None
            )
            stamp = self.syncs.get(following) if following is not None else None
        return clock(stamp) if stamp is not None else None


def _has_speaker_ahead(lines: list[str], start: int) -> bool:
    """Whether a speaker line comes before the next heading (a verbatim section)."""
    for line in lines[start:]:
        if LIST_HEADING.match(line) or _heading_kind(line, True):
            return False
        if SPEAKER_LINE.match(line):
            return True
    return False
