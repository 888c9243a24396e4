"""What the Motley Fool layouts share: blocks of text, the scraper header, the page title,
the site boilerplate at the end, and the participant bookkeeping."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from site_builder.model import EventInfo, Group, SectionKind
from site_builder.readers.common.base import TranscriptBuilder
from site_builder.readers.common.call_dates import iso_date, quarter_and_year
from site_builder.slugs import name_key

RULE = re.compile(r"^={10,}\s*$")
HEADER_FIELD = re.compile(r"^(?P<key>[A-Z][A-Za-z ]{1,20}):\s*(?P<value>.*)$")
# The squashed page title: "MongoDB(MDB+2.97%)Q1 2025 Earnings CallMay 30, 2024,5:00 p.m. ET".
PAGE_TITLE = re.compile(
    r"^(?P<company>[^()\n]+?)\s*\((?P<ticker>[A-Z][A-Z.]{0,6})\s*[+\-−]?[\d.]*%\)\s*"
    r"(?P<call>(?:Q[1-4]|FY)\s*\d{4}\s+Earnings Call)\s*(?P<when>.*)$"
)
# Where the page's own text ends and the site's begins.
SITE_BOILERPLATE = re.compile(
    r"^(?:This article is a transcript of this conference call produced for The Motley Fool"
    r"|More [A-Z.]{1,7} analysis$|All earnings call transcripts$|Stocks Mentioned$"
    r"|\*Average returns of all recommendations)"
)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-sized piece of the page: a heading, a speaker label, or text.

    ``extras`` holds what a re-emitted file attaches to it (a translation, a repeat of the
    original), kept beside the block it belongs to.
    """

    line: int
    text: str
    extras: tuple[str, ...] = ()
    marker: str = ""
    """The entry number a re-emitted file puts before the text (``[7]``), kept as written."""

    def written(self) -> str:
        return f"{self.marker} {self.text}" if self.marker else self.text

    def paragraphs(self) -> list[str]:
        return [self.written(), *self.extras]


def line_blocks(lines: list[str], start: int = 0, end: int | None = None) -> list[Block]:
    """Every non-blank line of ``lines[start:end]`` as a block, with its 1-based line number."""
    stop = len(lines) if end is None else end
    return [Block(i + 1, ln.strip()) for i, ln in enumerate(lines[start:stop], start) if ln.strip()]


def scraper_header(lines: list[str]) -> tuple[int, dict[str, str]]:
    """The ``====`` block a scraper put on top: (index of the first line after it, its fields)."""
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    if not lines or not RULE.match(lines[first]):
        return 0, {}
    for i in range(first + 1, len(lines)):
        if RULE.match(lines[i]):
            fields = {}
            for ln in lines[first + 1 : i]:
                match = HEADER_FIELD.match(ln.strip())
                if match:
                    fields[match.group("key").lower()] = match.group("value").strip()
            return i + 1, fields
    return 0, {}


def event_info(fields: dict[str, str], page_lines: list[str]) -> tuple[str | None, EventInfo]:
    """Title and event facts from the scraper's fields and the page's title or date line."""
    title = None
    company = re.sub(r"\s*\(.*\)\s*$", "", fields.get("company", "")) or None
    ticker = fields.get("ticker") or None
    quarter, year = quarter_and_year(fields.get("quarter", ""))
    when = ""
    for line in page_lines:
        page = PAGE_TITLE.match(line)
        if page:
            company, ticker = page.group("company").strip(), page.group("ticker")
            title = f"{company} ({ticker}) {page.group('call')}"
            quarter, year = quarter_and_year(page.group("call"))
            when = page.group("when")
            break
        if iso_date(line) and not when:
            when = line
    if title is None and company:
        title = " ".join(
            x
            for x in (
                company,
                f"({ticker})" if ticker else "",
                fields.get("quarter", ""),
                "Earnings Call",
            )
            if x
        )
    return title, EventInfo(
        company=company, ticker=ticker, quarter=quarter, year=year, date=iso_date(when)
    )


def add_boilerplate(b: TranscriptBuilder, title: str, blocks: list[Block]) -> None:
    """Text nobody speaks (headers, summaries, glossary, site text): kept, never speech."""
    if blocks:
        section = b.add_section(title, SectionKind.BOILERPLATE, blocks[0].line)
        paragraphs = b.start_turn("", section.id, blocks[0].line)
        for block in blocks:
            paragraphs.extend(block.paragraphs())


class People:
    """Participants of one page, by normalised name, never added twice."""

    def __init__(self, builder: TranscriptBuilder) -> None:
        self.b = builder
        self._ids: dict[str, str] = {}

    def find(self, name: str) -> str | None:
        return self._ids.get(name_key(name))

    def add(
        self,
        name: str,
        line: int,
        *,
        role: str | None = None,
        org: str | None = None,
        group: str = Group.UNKNOWN,
    ) -> str:
        """The participant called ``name``, added with these details if new."""
        found = self.find(name)
        if found:
            return found
        participant = self.b.add_participant(
            name, role=role, organization=org, group=group, line=line
        )
        self._ids[name_key(name)] = participant.id
        return participant.id

    def alias(self, pid: str, *labels: str) -> None:
        """Other spellings that name ``pid`` in the text (a translated label, a variant)."""
        for i, participant in enumerate(self.b.participants):
            if participant.id != pid:
                continue
            new = [
                x for x in labels if x and x != participant.name and x not in participant.aliases
            ]
            if new:
                self.b.participants[i] = replace(
                    participant, aliases=(*participant.aliases, *dict.fromkeys(new))
                )
