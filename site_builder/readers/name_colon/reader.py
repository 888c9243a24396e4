"""The `Name: text` family: API exports, podcasts, debates, diarised meetings, talks with Q&A.

Variants read here: one turn per line (``Travis Axelrod: Good afternoon``), Markdown bold
(``**Rob Pike:** text`` followed by unlabelled continuation paragraphs), timestamped labels
(``Adam Fishman (00:00:00):`` or ``Name: 00:00:20`` with the text on the next lines), YAML front
matter (title, date and speakers used as metadata; the block itself kept as boilerplate),
``Speaker 0:`` diarised labels, and anonymous ``Q - `` / ``A - `` paragraphs under a talk's
``## Q&A`` heading. Markdown headings become sections.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from site_builder.model import EventInfo, ParsedTranscript, SectionKind, SourceText
from site_builder.readers.common import labels as lab
from site_builder.readers.common import podcast_roles
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.common.markdown_meta import (
    Metadata,
    date_from_name,
    front_matter_end,
    read_front_matter,
    read_header_field,
    unescape_markdown,
)
from site_builder.readers.name_colon import people
from site_builder.readers.name_colon.scan import PendingTurn, Scan

NAME = "name-colon"
# Below 0.8: a layout-specific reader (Motley Fool has `Operator:` labels too) wins.
MAX_SCORE = 0.75
STRUCTURE_WORDS = frozenset({"date", "quarter", "ticker", "q", "a", "transcript"})

# The closing `#`s are stripped in `_heading`, not by the pattern: `(.+?)\s*#*$` retried the
# tail at every position and took quadratic time on a long heading full of spaces or `#`s.
_HEADING = re.compile(r"^(#{1,6})\s+(\S.*)$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_QA_LABEL = re.compile(r"^(?P<who>[QA])\s*[-–—:]\s+(?P<rest>\S.*)$")
_QA_HEADING = re.compile(r"\bq\s*&\s*a\b|\bquestions?\b|\bq-and-a\b", re.IGNORECASE)
_LEADING_STAMP = re.compile(r"^\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*")


def _heading(text: str) -> tuple[int, str] | None:
    """(level, title) of a Markdown ATX heading in a stripped line, closing ``#``s removed."""
    m = _HEADING.match(text) if text.startswith("#") else None
    if m is None:
        return None
    title = m.group(2)
    return len(m.group(1)), title.rstrip("#").rstrip() or title[:1]


def _candidates(lines: list[str], start: int) -> tuple[list[tuple[int, lab.Label]], int]:
    """Label candidates at line starts, and how many paragraph starts the body has."""
    found: list[tuple[int, lab.Label]] = []
    units, previous_blank = 0, True
    for index in range(start, len(lines)):
        text = lines[index].strip()
        if not text:
            previous_blank = True
            continue
        label = lab.match_label(text)
        if label is not None:
            found.append((index, label))
        if (previous_blank or label is not None) and not _heading(text):
            units += 1
        previous_blank = False
    return found, units


def accepted_labels(text: str) -> tuple[Mapping[int, lab.Label], int, int, Metadata]:
    """Line index -> accepted label, the paragraph-start count, body start, and metadata."""
    accepted, units, start, meta = _accepted_labels(text)
    return accepted, units, start, copy.deepcopy(meta)


# `detect` and then `parse` ask for the same text's labels; scanning every line once instead of
# twice matters for files of 100,000 short lines. The cached results are read-only.
@lru_cache(maxsize=4)
def _accepted_labels(text: str) -> tuple[Mapping[int, lab.Label], int, int, Metadata]:
    lines = split_lines(text)
    meta = Metadata()
    end = front_matter_end(lines)
    if end > 0:
        read_front_matter(lines, end, meta)
    found, units = _candidates(lines, end + 1)
    names = lab.accepted_names((c for _, c in found), meta.speakers)
    density = sum(1 for _, c in found if c.name in names) / max(units, 1)
    accepted = {
        i: c
        for i, c in found
        if c.name in names or lab.is_break(c) or lab.single_use_allowed(c, density)
    }
    return MappingProxyType(accepted), units, end + 1, meta


# Asked by `detect` and then by `parse`, like the labels. The cached results are read-only.
@lru_cache(maxsize=4)
def _qa_lines(text: str) -> Mapping[int, re.Match[str]]:
    found = {
        i: m for i, line in enumerate(split_lines(text)) if (m := _QA_LABEL.match(line.strip()))
    }
    asks = sum(1 for m in found.values() if m.group("who") == "Q")
    return MappingProxyType(found if asks >= 2 and len(found) > asks else {})


def detect(text: str) -> float:
    accepted, units, _, _ = accepted_labels(text)
    qa = _qa_lines(text)
    speech = sum(1 for c in accepted.values() if not lab.is_break(c)) + len(qa)
    if speech < 3:
        return 0.0
    density = min(1.0, speech / max(units, 1))
    return round(0.2 + 0.55 * min(1.0, density / 0.5), 3)  # at most MAX_SCORE


def _scan(source: SourceText) -> Scan:
    lines = split_lines(source.text)
    accepted, _, body_start, meta = accepted_labels(source.text)
    qa = _qa_lines(source.text)
    scan = Scan(meta, qa_labels=bool(qa))
    default = meta.speakers[0] if len(meta.speakers) == 1 else None
    current: PendingTurn | None = None
    paragraph: list[str] = []
    saw_heading = False

    def section(title: str, kind: str, line: int) -> int:
        scan.sections.append((title, kind, line))
        return len(scan.sections) - 1

    def flush() -> None:
        if paragraph and current is not None:
            text = unescape_markdown(" ".join(paragraph))
            if not current.paragraphs and current.timestamp is None:
                stamp = _LEADING_STAMP.match(text)
                if stamp and (ts := lab.normalise_timestamp(stamp.group(1))):
                    current.timestamp, text = ts, text[stamp.end() :]
            current.paragraphs.append(text)
        paragraph.clear()

    def open_turn(speaker: str, sec: int, line: int, label: str = "", ts: str | None = None):
        turn = PendingTurn(speaker, sec, line, label, ts)
        scan.turns.append(turn)
        if speaker:
            scan.first_line.setdefault(speaker, line)
            if label and label != speaker:
                scan.aliases.setdefault(speaker, set()).add(label)
        return turn

    if body_start > 0:
        front = section("Front matter", SectionKind.BOILERPLATE, 1)
        turn = open_turn("", front, 1)
        turn.paragraphs += [ln.strip() for ln in lines[1 : body_start - 1] if ln.strip()]
    body = section("Transcript", SectionKind.OTHER, body_start + 1)
    preamble: int | None = None
    for index in range(body_start, len(lines)):
        number, text = index + 1, lines[index].strip()
        if not text or _RULE.match(text):
            flush()
            continue
        heading = _heading(text)
        if heading:
            flush()
            level, title = heading[0], unescape_markdown(heading[1])
            if level == 1 and not saw_heading and scan.meta.title in (None, title):
                scan.meta.title = title
            else:
                kind = SectionKind.QA if _QA_HEADING.search(title) else SectionKind.OTHER
                body = section(title, kind, number)
                scan.headings.add(body)
            saw_heading, current = True, None
            continue
        label = accepted.get(index)
        if label is not None and lab.is_break(label):
            flush()
            sec = section(label.name, SectionKind.BOILERPLATE, number)
            rest = unescape_markdown(label.rest)
            stamp = _LEADING_STAMP.match(rest)
            ts = label.timestamp or (lab.normalise_timestamp(stamp.group(1)) if stamp else None)
            current = open_turn("", sec, number, label.written, ts)
            current.paragraphs.append(rest)  # the break's time stays visible as text
            current = None
            continue
        if label is not None:
            flush()
            current = open_turn(label.name, body, number, label.written, label.timestamp)
            if label.rest:
                paragraph.append(label.rest)
            continue
        if index in qa:
            flush()
            who = people.ASKER if qa[index].group("who") == "Q" else (default or people.ANSWERER)
            current = open_turn(who, body, number, qa[index].group("who"))
            paragraph.append(qa[index].group("rest"))
            continue
        if current is None:
            last = next((t.speaker for t in reversed(scan.turns) if t.speaker), "")
            speaker = default if saw_heading and default else last
            if speaker:
                current = open_turn(speaker, body, number)
            else:
                if preamble is None:
                    preamble = section("Preamble", SectionKind.BOILERPLATE, number)
                current = open_turn("", preamble, number)
        if current.speaker == "":
            read_header_field(text, scan.meta)
            paragraph.append(text)
            flush()
        else:
            paragraph.append(text)
    flush()
    return scan


def parse(source: SourceText) -> ParsedTranscript:
    scan = _scan(source)
    meta = scan.meta
    kind = people.event_kind(source.path, scan)
    speakers = [t.speaker for t in scan.turns if t.speaker]
    groups, organizations, evidence = people.groups(kind, scan)
    groups = podcast_roles.assign(kind, groups, scan.turns, meta.guests)
    if kind == "earnings-call":
        people.split_off_qa(scan, groups)
    b = TranscriptBuilder()
    for line, message in meta.errors:
        b.warn(line, message, "metadata")
    ids: dict[str, str] = {}
    for name in dict.fromkeys(speakers):
        participant = b.add_participant(
            name,
            group=groups.get(name, "other"),
            organization=organizations.get(name),
            line=scan.first_line.get(name),
            aliases=tuple(sorted(scan.aliases.get(name, ()))),
            evidence=evidence.get(name, ()),
        )
        ids[name] = participant.id
    first_turn: dict[int, int] = {}
    for turn in scan.turns:
        if any(p.strip() for p in turn.paragraphs):
            first_turn.setdefault(turn.section, turn.line)
    for i in scan.headings:
        first_turn[i] = scan.sections[i][2]
    used = sorted(first_turn, key=lambda i: (first_turn[i], i))
    section_ids = {i: b.add_section(*scan.sections[i][:2], first_turn[i]).id for i in used}
    for turn in scan.turns:
        if turn.section not in section_ids:
            continue  # a turn with no words (a label alone at the end of the file)
        paragraphs = b.start_turn(
            ids.get(turn.speaker, ""),
            section_ids[turn.section],
            turn.line,
            turn.label,
            turn.timestamp,
        )
        paragraphs += [p for p in turn.paragraphs if p.strip()]
    if not speakers:
        b.warn(None, "no speaker labels were recognised", "speaker")
    date = meta.date or date_from_name(source.path)
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=meta.title or people.title_from_path(source.path),
        event=EventInfo(
            company=meta.company,
            ticker=meta.ticker,
            quarter=meta.quarter,
            year=meta.year,
            date=date,
            kind=kind,
        ),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
