"""The classic Motley Fool page: ``Prepared Remarks:`` / ``Questions & Answers:`` headings,
speaker labels on their own line (``Name--Title``, ``Name--Firm -- Analyst``, ``Operator``) and a
``Call participants:`` list after the call, then the site's boilerplate."""

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

# "Name--Title" with no space before the dashes: speech uses " -- " with spaces. A name word may
# hold single hyphens (Mary-Kate Smith-Jones); its first letter must be a capital (any script).
_NAME_WORD = r"[^\s\-]+(?:-[^\s\-]+)*"
LABEL = re.compile(rf"^(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,5}})--(?P<rest>\S.{{0,160}})$")
HEADINGS = {
    "prepared remarks:": SectionKind.PREPARED,
    "questions & answers:": SectionKind.QA,
    "questions and answers:": SectionKind.QA,
}
PARTICIPANTS_HEADING = "call participants:"
ANALYST_ROLE = re.compile(r"\banalyst$", re.I)
DURATION = re.compile(r"^Duration:\s*\d+\s*minutes?$", re.I)


def is_classic(blocks: list[Block]) -> bool:
    return any(block.text.lower() in HEADINGS for block in blocks)


def split_label(text: str) -> tuple[str, str | None, str | None, str] | None:
    """``Sanjit Singh--Morgan Stanley -- Analyst`` -> (name, role, firm, group), or None."""
    if text == "Operator":
        return "Operator", None, None, Group.OPERATOR
    match = LABEL.match(text)
    if not match or not text[0].isupper() or text.endswith((".", "?", "!", ",")):
        return None
    name, rest = match.group("name").strip(), match.group("rest").strip()
    # "---- Analyst": the page had an empty firm between the two pairs of dashes.
    firm, dashes, role = ("", "--", rest[2:]) if rest.startswith("--") else rest.rpartition(" -- ")
    role = role.strip()
    if dashes:
        group = Group.ANALYST if "analyst" in role.lower() else Group.UNKNOWN
        return name, role or None, firm.strip() or None, group
    # "Raimo Lenschow--Analyst": a questioner whose firm the page left out is still a questioner.
    return name, rest, None, Group.ANALYST if ANALYST_ROLE.search(rest) else Group.COMPANY


def parse_classic(b: TranscriptBuilder, blocks: list[Block], company: str | None) -> None:
    people = People(b)
    first = next(i for i, blk in enumerate(blocks) if blk.text.lower() in HEADINGS)
    add_boilerplate(b, "Page header", blocks[:first])
    listing = next(
        (i for i, blk in enumerate(blocks) if blk.text.lower() == PARTICIPANTS_HEADING), None
    )
    if listing is not None:
        _read_list(people, blocks, listing, company)
    end = next(
        (
            i
            for i, blk in enumerate(blocks[first:], first)
            if DURATION.match(blk.text)
            or SITE_BOILERPLATE.match(blk.text)
            or blk.text.lower() == PARTICIPANTS_HEADING
        ),
        len(blocks),
    )
    section_id = ""
    paragraphs: list[str] | None = None
    for block in blocks[first:end]:
        kind = HEADINGS.get(block.text.lower())
        if kind:
            repeats = (block.text, block.written())
            title = " / ".join((block.written(), *(x for x in block.extras if x not in repeats)))
            section_id, paragraphs = b.add_section(title, kind, block.line).id, None
            continue
        label = split_label(block.text)
        if label:
            name, role, firm, group = label
            if group == Group.COMPANY:
                firm = company
            pid = people.add(name, block.line, role=role, org=firm, group=group)
            people.alias(pid, *(x for x in block.extras if x != block.text))
            paragraphs = b.start_turn(pid, section_id, block.line, block.written())
            continue
        if paragraphs is None:
            b.warn(
                block.line, "text before any speaker label: shown as an unknown speaker", "speaker"
            )
            pid = people.add("Unknown speaker", block.line)
            paragraphs = b.start_turn(pid, section_id, block.line)
        paragraphs.extend(block.paragraphs())
    # The participant list stays in the page text too: its words are the page's, not speech.
    add_boilerplate(b, "Site boilerplate", blocks[end:])


def _read_list(people: People, blocks: list[Block], listing: int, company: str | None) -> None:
    """Participants from the ``Call participants:`` list."""
    index = listing + 1
    while index < len(blocks):
        label = split_label(blocks[index].text)
        if not label:
            break
        name, role, firm, group = label
        pid = people.add(
            name,
            blocks[index].line,
            role=role,
            org=company if group == Group.COMPANY else firm,
            group=group,
        )
        people.alias(pid, *(x for x in blocks[index].extras if x != blocks[index].text))
        index += 1
