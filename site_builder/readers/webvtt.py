"""WebVTT captions (Zoom, Microsoft Stream, YouTube, Teams) read as a transcript.

A speaker comes from a ``<v Name>`` voice tag or a ``Name: text`` prefix in the cue (Zoom); a cue
without one continues the previous speaker. Consecutive cues of one speaker become one turn whose
timestamp is the first cue's start; a long turn is cut into paragraphs of about half a minute at
sentence ends, each with its own start time. Karaoke timestamps (``<00:00:01.000>``) and
styling tags are dropped; the header's extra text and ``NOTE``/``STYLE``/``REGION`` blocks are
kept as boilerplate turns where they stand. Cue timings and numeric cue ids are layout (see
``STRUCTURE_WORDS``); a textual cue identifier (a GUID) is kept as the label of the turn its
cue opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.model import EventInfo, Group, ParsedTranscript, SectionKind, SourceText
from site_builder.readers.common import labels as lab
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.common.markdown_meta import date_from_name
from site_builder.readers.name_colon.people import title_from_path

NAME = "webvtt"
MAX_SCORE = 1.0
# Cue ids and timings are numbers (``00:01:02.345 --> ...``); the header keyword; cue settings.
STRUCTURE_WORDS = frozenset(
    {str(n) for n in range(10000)}
    | {f"{n:02d}" for n in range(100)}
    | {f"{n:03d}" for n in range(1000)}
    | {"webvtt", "v", "align", "position", "line", "size", "vertical", "region", "rl", "lr"}
)

_TIMING = re.compile(
    r"^(?P<start>(?:\d+:)?\d{2}:\d{2}[.,]\d{3})\s+-->\s+(?:\d+:)?\d{2}:\d{2}[.,]\d{3}(?:\s.*)?$"
)
# Each class is `.` then no dot, the name starts at a non-space, and no part may run past a `<`:
# so no two quantifiers can share a character, and a cue full of `<v <v <v` or `<c.a.a.a.a!`
# is matched in linear time (`(?:\.[\w.-]+)*` was exponential, `[^>]+` quadratic).
_VOICE = re.compile(r"<v(?:\.[\w-]*)*\s+(?P<name>[^\s<>][^<>]*)>")
_TAG = re.compile(r"</?[a-z]+(?:\.[\w-]*)*(?:\s[^<>]*)?>|<\d+:\d{2}(?::\d{2})?[.,]\d{3}>")
_BLOCK_KINDS = ("NOTE", "STYLE", "REGION")
_PARAGRAPH_GAP = 30.0  # seconds of silence after which a speaker's turn starts a new paragraph
_PARAGRAPH_SPAN = 30.0  # seconds of speech after which a new paragraph starts at a sentence end
_SENTENCE_END = re.compile(r"[.?!][\"”’')\]]*$")


@dataclass(frozen=True, slots=True)
class Cue:
    line: int
    identifier: str
    start: float
    text: str
    speaker: str | None
    label: str


def detect(text: str) -> float:
    return MAX_SCORE if text.lstrip("\ufeff \n").startswith("WEBVTT") else 0.0


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(p) * 60**i for i, p in enumerate(reversed(parts)))


def _hms(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks as (1-based first line, lines)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _cue(start_line: int, block: list[str], zoom_names: set[str]) -> Cue | None:
    timing = next((i for i, ln in enumerate(block[:2]) if _TIMING.match(ln.strip())), None)
    if timing is None:
        return None
    identifier = block[0].strip() if timing == 1 else ""
    raw = " ".join(ln.strip() for ln in block[timing + 1 :])
    voice = _VOICE.search(raw)
    speaker, label = (voice.group("name").strip(), voice.group(0)) if voice else (None, "")
    text = " ".join(_TAG.sub(" ", raw).split())
    if speaker is None:
        named = lab.match_label(text)
        if named is not None and named.name in zoom_names:
            speaker, label, text = named.name, named.written, named.rest
    start = _seconds(_TIMING.match(block[timing].strip()).group("start"))  # type: ignore[union-attr]
    return Cue(start_line, identifier, start, text, speaker, label)


def _zoom_names(blocks: list[tuple[int, list[str]]]) -> set[str]:
    """``Name:`` prefixes that recur at cue starts (one-off prefixes stay text)."""
    found, cues = [], 0
    for _, block in blocks:
        for i, line in enumerate(block[:2]):
            if _TIMING.match(line.strip()) and i + 1 < len(block):
                cues += 1
                label = lab.match_label(_TAG.sub("", block[i + 1]).strip())
                if label is not None:
                    found.append(label)
    names = lab.accepted_names(found)
    density = len(found) / max(cues, 1)
    return names | {x.name for x in found if lab.single_use_allowed(x, density)}


def parse(source: SourceText) -> ParsedTranscript:
    lines = split_lines(source.text.lstrip("\ufeff"))
    blocks = _blocks(lines)
    zoom_names = _zoom_names(blocks)
    b = TranscriptBuilder()
    speech = b.add_section("Transcript", SectionKind.OTHER, 1)
    notes = None
    ids: dict[str, str] = {}
    unknown = None
    paragraphs: list[str] | None = None
    current_speaker: str | None = None
    current_pid, last_start, opened = "", 0.0, 0.0
    times: list[str | None] = []
    for index, (line, block) in enumerate(blocks):
        first = block[0].strip()
        cue = _cue(line, block, zoom_names)
        if cue is None:
            header = index == 0 and first.startswith("WEBVTT")
            rest = [first[len("WEBVTT") :].strip(), *block[1:]] if header else block
            kept = [ln.strip() for ln in rest if ln.strip()]
            if not kept:
                continue
            if not header and not first.startswith(_BLOCK_KINDS):
                b.warn(line, "text outside any cue kept as a note", "layout")
            if notes is None:
                notes = b.add_section("Notes", SectionKind.BOILERPLATE, line)
            b.start_turn("", notes.id, line, "", None).extend(kept)
            paragraphs, current_speaker = None, None
            continue
        name = cue.speaker or current_speaker
        if name is None:
            if unknown is None:
                unknown = b.add_participant("Unknown speaker", group=Group.UNKNOWN, line=line)
            pid = unknown.id
        else:
            if name not in ids:
                ids[name] = b.add_participant(name, group=Group.OTHER, line=line).id
            pid = ids[name]
        textual_id = cue.identifier and not cue.identifier.isdigit()
        if paragraphs is None or pid != current_pid or textual_id:
            label = " ".join(x for x in (cue.identifier if textual_id else "", cue.label) if x)
            times = []
            paragraphs = b.start_turn(pid, speech.id, line, label, _hms(cue.start), times)
            paragraphs.append(cue.text)
            times.append(_hms(cue.start))
            opened = cue.start
        elif cue.start - last_start > _PARAGRAPH_GAP or (
            # A long turn is cut at a sentence's end every so often, so every part of it keeps
            # the time it was said at (and a link of its own).
            cue.start - opened >= _PARAGRAPH_SPAN and _SENTENCE_END.search(paragraphs[-1])
        ):
            paragraphs.append(cue.text)
            times.append(_hms(cue.start))
            opened = cue.start
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {cue.text}".strip()
        current_pid, current_speaker, last_start = pid, name, cue.start
    if not ids:
        b.warn(None, "the captions name no speaker: shown as one unknown speaker", "speaker")
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=title_from_path(source.path),
        event=EventInfo(kind="unknown", date=date_from_name(source.path)),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
