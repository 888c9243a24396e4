"""EarningsCall text exports: a ``Key: value`` header (Company, Symbol, Exchange, Year,
Quarter, Source, Extracted At) closed by ``---``, then one paragraph per turn written
``Name Title Text`` with no delimiter (``Operator Conference Operator Good morning…``).

Where each label ends is decided by ``earningscall_labels`` from what the whole call shows;
the Q&A, which has no heading, begins with the first turn of a speaker titled analyst (the
turn before it, when someone else speaks there, is the introduction).
"""

from __future__ import annotations

import re

from site_builder.model import EventInfo, Group, ParsedTranscript, SectionKind, SourceText
from site_builder.readers.common.base import TranscriptBuilder, split_lines
from site_builder.readers.earningscall.labels import (
    bare,
    firm_after,
    label_lengths,
    split_name,
)

NAME = "earningscall"
MAX_SCORE = 0.9
STRUCTURE_WORDS = frozenset({"extracted", "at", "utc", "symbol", "source", "year", "quarter"})
_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z ()]{1,30}):\s*(?P<value>.*)$")
_KNOWN_KEYS = {"company", "symbol", "exchange", "year", "quarter", "source"}
_RULE = "---"
_HEADER_WINDOW = 20


def _header_end(lines: list[str]) -> int | None:
    """The index of the ``---`` closing a header of known keys, or None."""
    keys: set[str] = set()
    for index, line in enumerate(lines[:_HEADER_WINDOW]):
        if line.strip() == _RULE:
            return index if len(keys & _KNOWN_KEYS) >= 3 and "company" in keys else None
        field = _FIELD.match(line.strip())
        if field:
            keys.add(field.group("key").lower())
        elif line.strip():
            return None
    return None


def detect(text: str) -> float:
    return MAX_SCORE if _header_end(split_lines(text[:4000])) is not None else 0.0


def _turns(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """(1-based line, words) of each blank-line separated paragraph after the header."""
    turns: list[tuple[int, list[str]]] = []
    previous_blank = True
    for index in range(start, len(lines)):
        words = lines[index].split()
        if words and previous_blank:
            turns.append((index + 1, words))
        elif words:
            turns[-1][1].extend(["\n", *words])  # a second line of the same paragraph
        previous_blank = not words
    return turns


def _after(words: list[str], count: int) -> list[str]:
    """The words after the first ``count`` words (line-break markers not counted)."""
    seen = 0
    for index, word in enumerate(words):
        if seen == count:
            return words[index:]
        seen += word != "\n"
    return []


def _label_length(
    b: TranscriptBuilder, words: list[str], length: int | None, before: str, line: int
) -> int:
    """The label's length, settled: a firm after ``Analyst,`` added, a guess reported."""
    if length is None:
        # A one-word diarisation label (``spk13``, ``Shilin``) or a first and last name.
        one = any(c.isdigit() for c in words[0]) or len(words) < 2 or not words[1][:1].isupper()
        length = 1 if one else 2
        b.warn(
            line,
            f"where the speaker label ends is unclear: {' '.join(words[:length])!r} read as it",
            "speaker",
        )
    elif words[length - 1].endswith(",") and bare(words[length - 1]) == "analyst":
        extra = firm_after(words, length, before)
        if not extra:
            b.warn(line, "the analyst's firm is written nowhere else in the call", "firm")
        length += extra
    else:
        length = _firm_as_introduced(words, length, before)
    # A label never takes the whole paragraph: a turn has words.
    return min(length, len(words) - 1) if len(words) > 1 else length


def _firm_as_introduced(words: list[str], length: int, before: str) -> int:
    """A label ``Name Analyst, Firm`` that repetition ran on past the firm (an analyst whose
    every question opens "Thank you"): cut where the firm ends when the introduction names
    exactly that firm and ends the sentence there."""
    analyst = next((i for i, w in enumerate(words[:length]) if w.lower() == "analyst,"), None)
    if analyst is None:
        return length
    extra = firm_after(words, analyst + 1, before)
    end = analyst + 1 + extra
    if not extra or end >= length:
        return length
    firm = " ".join(words[analyst + 1 : end]).rstrip(",.")
    named = re.search(rf"\b{re.escape(firm)}[.?!]\s*$", before.strip(), re.IGNORECASE)
    return end if named else length


def _group(name: str, title: str | None) -> str:
    role = (title or "").lower()
    if bare(name) == "operator" or "operator" in role.split():
        return Group.OPERATOR
    if "analyst" in role:
        return Group.ANALYST
    if "translator" in role or "interpreter" in role or bare(name) == "interpreter":
        return Group.OTHER
    return Group.COMPANY if title or name.endswith("Representative") else Group.UNKNOWN


def parse(source: SourceText) -> ParsedTranscript:
    lines = split_lines(source.text)
    end = _header_end(lines)
    end = -1 if end is None else end
    b = TranscriptBuilder()
    fields: dict[str, str] = {}
    header = [(i + 1, ln.strip()) for i, ln in enumerate(lines[: end + 1]) if ln.strip()]
    for _, text in header:
        field = _FIELD.match(text)
        if field:
            fields[field.group("key").lower()] = field.group("value").strip()
    if header:
        section = b.add_section("Header", SectionKind.BOILERPLATE, header[0][0])
        b.start_turn("", section.id, header[0][0]).extend(text for _, text in header)
    turns = _turns(lines, end + 1)
    lengths = label_lengths([[w for w in words if w != "\n"] for _, words in turns])
    speakers: dict[str, str] = {}
    groups: dict[str, str] = {}
    read: list[tuple[int, str, str, list[str]]] = []
    for (line, words), length in zip(turns, lengths, strict=True):
        flat = [w for w in words if w != "\n"]
        # What the call said just before (the introduction), labels left out.
        before = " ".join(p for _, _, _, paragraphs in read[-2:] for p in paragraphs)
        length = _label_length(b, flat, length, before, line)
        label = " ".join(flat[:length])
        if label not in speakers:
            name, title, firm = split_name(flat[:length], f"{before} {' '.join(flat[length:])}")
            group = _group(name, title)
            participant = b.add_participant(
                name,
                role=title,
                organization=firm or (fields.get("company") if group == Group.COMPANY else None),
                group=group,
                line=line,
                aliases=(label,) if label != name else (),
            )
            speakers[label], groups[label] = participant.id, group
        text = " ".join(_after(words, length))
        read.append(
            (line, label, speakers[label], [p.strip() for p in text.split("\n") if p.strip()])
        )
    qa_from = next(
        (i for i, (_, label, _, _) in enumerate(read) if groups[label] == Group.ANALYST), None
    )
    if (
        qa_from is not None
        and qa_from > 1
        and groups[read[qa_from - 1][1]] in (Group.OPERATOR, Group.COMPANY)
    ):
        qa_from -= 1
    section_id = (
        b.add_section("Prepared remarks", SectionKind.PREPARED, read[0][0]).id
        if read and qa_from != 0
        else ""
    )
    for position, (line, label, pid, paragraphs) in enumerate(read):
        if position == qa_from:
            section_id = b.add_section("Questions and answers", SectionKind.QA, line).id
        b.start_turn(pid, section_id, line, label).extend(paragraphs)
    year = fields.get("year", "")
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=" ".join(
            x for x in (fields.get("company"), fields.get("quarter"), year, "Earnings Call") if x
        ),
        event=EventInfo(
            company=fields.get("company") or None,
            ticker=fields.get("symbol") or None,
            exchange=fields.get("exchange") or None,
            quarter=fields.get("quarter") or None,
            year=int(year) if year.isdigit() and len(year) == 4 else None,
        ),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )
