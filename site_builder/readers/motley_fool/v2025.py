"""The 2025+ Motley Fool page: a ``Call participants`` list as ``Title — Name``, metric and
takeaway blocks, an ``Industry glossary``, then ``Full Conference Call Transcript`` with
``Name:Text`` turns (often no space after the colon) and no Q&A heading."""

from __future__ import annotations

import re

from site_builder.model import Group, SectionKind
from site_builder.readers.common.base import TranscriptBuilder
from site_builder.readers.motley_fool.common import (
    SITE_BOILERPLATE,
    Block,
    People,
    add_boilerplate,
)

TRANSCRIPT_HEADING = re.compile(r"^Full Conference Call Transcript$", re.I)
PARTICIPANTS_HEADING = re.compile(r"^Call participants:?$", re.I)
GLOSSARY_HEADING = re.compile(r"^Industry glossary:?$", re.I)
LISTED = re.compile(r"^(?P<role>[^—–]{2,120}?)\s+[—–]\s+(?P<name>[^—–]{2,60})$")
# "Satya Nadella:Thank you" - a capitalised name of one to five words, then the colon. Words are
# matched by letter and their capitals checked after (``José Álvarez``: not only A-Z).
TURN = re.compile(r"^(?P<name>[^\W\d_][\w.'’\-]*(?:\s[^\W\d_][\w.'’\-]*){0,4}):\s*(?P<text>\S.*)$")
# "Analyst (Matthew Martino):Thank you": the role, then the name in brackets.
ROLE_TURN = re.compile(r"^Analyst\s*\((?P<name>[^()\n]{2,60})\):\s*(?P<text>\S.*)$")
QUESTION_CUE = re.compile(r"question", re.I)
# The firm after "<name> with": it ends at a full stop that follows no initial ("Robert W. Baird
# & Co." is one firm), at a comma or other stop, or at the end of the text.
FIRM_AFTER_NAME = (
    r"\s+(?:with|from|of)\s+(?P<firm>[A-Z][\w&.'’ -]*?)"
    r"(?:(?<![\s.][A-Z])\.(?=\s|$)|\s*[,;?!]|\s*$)"
)


def is_2025(blocks: list[Block]) -> bool:
    return any(TRANSCRIPT_HEADING.match(block.text) for block in blocks)


def parse_2025(b: TranscriptBuilder, blocks: list[Block], company: str | None) -> None:
    people = People(b)
    start = next(i for i, blk in enumerate(blocks) if TRANSCRIPT_HEADING.match(blk.text))
    _front_matter(b, people, blocks[:start], company)
    end = next(
        (i for i, blk in enumerate(blocks[start:], start) if SITE_BOILERPLATE.match(blk.text)),
        len(blocks),
    )
    turns = _turns(blocks[start + 1 : end])
    qa_start = _qa_start(people, turns)
    section_id = ""
    for position, (label, name, first_text, rest) in enumerate(turns):
        if position == 0 or position == qa_start:
            title, kind = (
                ("Questions and answers", SectionKind.QA)
                if position == qa_start
                else ("Prepared remarks", SectionKind.PREPARED)
            )
            section_id = b.add_section(title, kind, label.line).id
        written = block_label(label.text) if name else ""
        titled = bool(name and ROLE_TURN.match(label.text))
        if name is None:
            b.warn(
                label.line, "text before any speaker label: shown as an unknown speaker", "speaker"
            )
            name = "Unknown speaker"
        firm = _firm_from_introduction(name, turns[position - 1]) if position else None
        group = Group.ANALYST if titled else _group_of_new(name, position, qa_start)
        role = "Analyst" if titled else None
        pid = people.add(name, label.line, role=role, org=firm, group=group)
        paragraphs = b.start_turn(pid, section_id, label.line, written)
        paragraphs.extend(x for x in (first_text, *label.extras) if x)
        for block in rest:
            paragraphs.extend(block.paragraphs())
    add_boilerplate(b, "Site boilerplate", blocks[end:])


def block_label(text: str) -> str:
    """The label as written: ``Satya Nadella:`` or ``Analyst (Matthew Martino):``."""
    return text.split(":", 1)[0] + ":"


def _front_matter(
    b: TranscriptBuilder, people: People, blocks: list[Block], company: str | None
) -> None:
    """Participants from the list; the date, metrics, takeaways and glossary kept as boilerplate."""
    summary: list[Block] = []
    glossary: list[Block] = []
    in_list = False
    for block in blocks:
        listed = LISTED.match(block.text)
        if PARTICIPANTS_HEADING.match(block.text):
            in_list = True
        elif in_list and listed:
            people.add(
                listed.group("name").strip(),
                block.line,
                role=listed.group("role").strip(),
                org=company,
                group=Group.COMPANY,
            )
        elif GLOSSARY_HEADING.match(block.text) or glossary:
            in_list = False
            glossary.append(block)
        else:
            in_list = False
            summary.append(block)
    add_boilerplate(b, "Call summary", summary)
    add_boilerplate(b, "Industry glossary", glossary[1:])


def _turns(blocks: list[Block]) -> list[tuple[Block, str | None, str, list[Block]]]:
    """(label block, speaker name or None, text after the colon, continuation blocks)."""
    turns: list[tuple[Block, str | None, str, list[Block]]] = []
    for block in blocks:
        match = ROLE_TURN.match(block.text) or TURN.match(block.text)
        if match and all(word[0].isupper() for word in match.group("name").split()):
            turns.append((block, match.group("name").strip(), match.group("text"), []))
        elif turns:
            turns[-1][3].append(block)
        else:
            turns.append((block, None, "", [block]))
    return turns


def _qa_start(people: People, turns: list[tuple[Block, str | None, str, list[Block]]]) -> int:
    """Where Q&A begins with no heading to say so: the operator's first call for questions
    after someone else has spoken, else the first speaker not on the participant list."""
    spoken = False
    for position, (_, name, text, rest) in enumerate(turns):
        if name == "Operator":
            words = " ".join([text, *(blk.text for blk in rest)])
            if spoken and QUESTION_CUE.search(words):
                return position
        elif name is not None:
            if spoken and people.find(name) is None:
                return position
            spoken = True
    return len(turns)


def _firm_from_introduction(
    name: str, previous: tuple[Block, str | None, str, list[Block]]
) -> str | None:
    """``... from the line of Mark Moerdler with Bernstein Research.`` -> ``Bernstein Research``:
    the page lists no analysts, so the operator's introduction is the only word on their firm."""
    if previous[1] != "Operator":
        return None
    text = " ".join([previous[2], *(blk.text for blk in previous[3])])
    found = re.search(re.escape(name) + FIRM_AFTER_NAME, text)
    return found.group("firm") if found else None


def _group_of_new(name: str, position: int, qa_start: int) -> str:
    """The group of a speaker the participant list did not name (listed ones keep theirs)."""
    if name == "Operator":
        return Group.OPERATOR
    return Group.ANALYST if position >= qa_start else Group.UNKNOWN
