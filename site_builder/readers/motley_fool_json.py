"""Motley Fool transcripts exported as JSON (``prepared_remarks``, ``q_and_a``,
``participants``), whatever the file's extension.

Each turn's line is the line of its ``"speaker"`` key in the file, so diagnostics still point
where the author will look.
"""

from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path
from typing import Any

from site_builder.model import EventInfo, Group, ParsedTranscript, SectionKind, SourceText
from site_builder.readers import fallback
from site_builder.readers.common.base import TranscriptBuilder
from site_builder.readers.motley_fool.classic import split_label
from site_builder.readers.motley_fool.common import People
from site_builder.text import textcheck

NAME = "motley-fool-json"
MAX_SCORE = 0.95
# The export's keys, which are not words of the call.
STRUCTURE_WORDS = frozenset(
    {"header", "texts", "prepared", "remarks", "q", "and", "a", "speaker", "speech", "participants"}
)
SECTIONS = (
    ("prepared_remarks", "Prepared remarks", SectionKind.PREPARED),
    ("q_and_a", "Questions and answers", SectionKind.QA),
)
SPEAKER_KEY = re.compile(r'"speaker"\s*:')


def detect(text: str) -> float:
    head = text[:20_000]
    if not text.lstrip().startswith("{"):
        return 0.0
    if '"prepared_remarks"' in head and '"speaker"' in head:
        return MAX_SCORE
    return 0.0


def source_words_text(text: str) -> str:
    """The text whose words the reader answers for: the export's strings, JSON escapes undone
    (``\\nADM`` in the file is a line break before ``ADM``, not a word ``nADM``)."""
    data, problem = _load(text)
    if problem is not None:
        return text  # read as plain text by the fallback: its words are the file's words
    return "\n".join(_strings(data))


def _load(text: str) -> tuple[Any, str | None]:
    """The export as data, or why it cannot be read as one (then it is read as text)."""
    try:
        data = textcheck.clean_data(json.loads(text))  # what "\u0000" or "\ud800" escapes make
    except json.JSONDecodeError as error:
        return None, f"not valid JSON ({error.msg} at line {error.lineno})"
    except (RecursionError, ValueError) as error:  # absurd nesting; a 5,000-digit number
        return None, f"JSON the reader cannot load ({type(error).__name__})"
    return data, _shape_problem(data)


def _shape_problem(data: Any) -> str | None:
    """Why ``data`` is not the export's shape: an object of string lists and speaker entries."""
    if not isinstance(data, dict):
        return "the JSON is not an object"
    for key in ("header_texts", "participants"):
        value = data.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"'{key}' is not a list of text"
    for key, _title, _kind in SECTIONS:
        value = data.get(key, [])
        if not isinstance(value, list):
            return f"'{key}' is not a list"
        for item in value:
            if not isinstance(item, dict) or not all(
                isinstance(item.get(field, ""), str) for field in ("speaker", "speech")
            ):
                return f"an entry of '{key}' is not a speaker and a speech"
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [str(value)]


def parse(source: SourceText) -> ParsedTranscript:
    data, problem = _load(source.text)
    if problem is not None:
        return _with_warning(fallback.parse(source), 1, f"{problem}: read as plain text")
    b = TranscriptBuilder()
    people = People(b)
    header = [x for x in data.get("header_texts", []) if x.strip()]
    if header:
        section = b.add_section(
            "Page header", SectionKind.BOILERPLATE, _key_line(source.text, "header_texts")
        )
        b.start_turn("", section.id, section.line).extend(header)
    listed_at = _key_line(source.text, "participants")
    for entry in data.get("participants", []):
        label = split_label(entry.strip())
        if label:
            name, role, firm, group = label
            people.add(name, listed_at, role=role, org=firm, group=group)
    for key, title, kind in SECTIONS:
        items = data.get(key, [])
        if not items:
            continue
        lines = _speaker_lines(source.text, key, len(items))
        section_id = b.add_section(title, kind, _key_line(source.text, key)).id
        details: list[str] = []
        qa_from = qa_start(items, people) if kind == SectionKind.PREPARED else None
        for index, (item, line) in enumerate(zip(items, lines, strict=True)):
            if index == qa_from:
                b.warn(
                    line,
                    "the export's prepared remarks run on into the questions: "
                    "read as Q&A from here",
                    "layout",
                )
                kind = SectionKind.QA
                section_id = b.add_section(SECTIONS[1][1], kind, line).id
            speaker, speech = item.get("speaker", "").strip(), item.get("speech", "")
            paragraphs = [p.strip() for p in speech.split("\n") if p.strip()]
            if not paragraphs:  # "Duration: 72 minutes" comes as a speaker with no speech
                details.append(speaker)
                continue
            group = (
                Group.OPERATOR
                if speaker == "Operator"
                else (Group.ANALYST if kind == SectionKind.QA else Group.UNKNOWN)
            )
            pid = people.add(speaker or "Unknown speaker", line, group=group)
            b.start_turn(pid, section_id, line, speaker).extend(paragraphs)
        if details:
            section = b.add_section("Call details", SectionKind.BOILERPLATE, lines[-1])
            b.start_turn("", section.id, lines[-1]).extend(details)
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=Path(source.path).stem,
        event=EventInfo(company=_company(b)),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )


def qa_start(items: list[dict[str, str]], people: People) -> int | None:
    """Where the questions begin inside ``prepared_remarks``, when an export put them there.

    The evidence every such call gives: a speaker the participant list calls an analyst, or
    the operator speaking again after the company has, handing over to someone not heard yet
    who is not listed with the company. The operator's turn before the first question is the
    introduction, so it opens the Q&A too.
    """
    heard: set[str] = set()
    for index, item in enumerate(items):
        speaker = item.get("speaker", "").strip()
        if _group(people, speaker) == Group.ANALYST:
            before = items[index - 1].get("speaker", "").strip() if index else ""
            return index - 1 if index and before == "Operator" and index - 1 > 0 else index
        if speaker == "Operator" and heard - {"Operator"} and index + 1 < len(items):
            following = items[index + 1].get("speaker", "").strip()
            if following not in heard and _group(people, following) != Group.COMPANY:
                return index
        heard.add(speaker)
    return None


def _group(people: People, speaker: str) -> str | None:
    pid = people.find(speaker) if speaker else None
    return next((p.group for p in people.b.participants if p.id == pid), None)


def _company(b: TranscriptBuilder) -> str | None:
    return next(
        (p.organization for p in b.participants if p.group == Group.COMPANY and p.organization),
        None,
    )


def _key_line(text: str, key: str) -> int:
    position = text.find(f'"{key}"')
    return text.count("\n", 0, position) + 1 if position >= 0 else 1


def _speaker_lines(text: str, key: str, count: int) -> list[int]:
    """The lines of the first ``count`` ``"speaker"`` keys after ``key`` (1 where none is found)."""
    start = max(text.find(f'"{key}"'), 0)
    found: list[int] = []
    # Newlines counted from one key to the next: counting from the start of the file for each
    # key took quadratic time.
    line, counted_to = text.count("\n", 0, start) + 1, start
    for match in islice(SPEAKER_KEY.finditer(text, start), count):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        found.append(line)
    return found + [found[-1] if found else 1] * (count - len(found))


def _with_warning(parsed: ParsedTranscript, line: int, message: str) -> ParsedTranscript:
    from dataclasses import replace

    from site_builder.errors import reader_warning

    return replace(parsed, warnings=(*parsed.warnings, reader_warning(line, message, "layout")))
