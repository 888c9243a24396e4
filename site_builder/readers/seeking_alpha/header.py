"""The head of a Seeking Alpha transcript: the title line and the participant lists.

::

    Tesla Motors (NASDAQ:TSLA) Q2 2012 Earnings Call July 25, 2012 5:30 PM ET
    Executives                                  (or: Company Participants)
    Jeff Evanson – Vice President, Investor Relations
    Analysts                                    (or: Conference Call Participants)
    John Lovallo - Merrill Lynch
    Operator                                    <- the body starts here
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_builder.errors import Diagnostic, reader_warning
from site_builder.model import EventInfo, Group
from site_builder.readers.common.participant_lines import split_entry
from site_builder.text.names import clean_firm, firm_relation

TITLE = re.compile(
    r"^(?P<company>.+?)\s*\((?P<exchange>[A-Za-z]+):(?P<ticker>[A-Za-z0-9.\-]+)\)\s*(?P<rest>.*)$"
)
_QUARTER = re.compile(r"\b(?P<quarter>Q[1-4]|FY|H[12])\s*(?P<year>\d{4})\b")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = re.compile(r"\b(?P<month>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b")
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s*(?P<half>[AaPp])\.?[Mm]\.?)?"
    r"(?:\s+(?P<zone>[A-Z]{2,4})\b)?"
)
# List headings and the group their entries belong to.
LIST_HEADINGS = {
    "executives": Group.COMPANY,
    "company participants": Group.COMPANY,
    "analysts": Group.ANALYST,
    "conference call participants": Group.ANALYST,
}
QA_HEADING = re.compile(r"^questions?[-\s]+and[-\s]+answers?(?:[-\s]+session)?$", re.I)
# "Name - Firm" / "Name – Title": the first spaced dash of any kind splits name from the rest.
SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s+[-–—]$")
_NAME_SUFFIX = re.compile(r",\s*(?:Jr|Sr|II|III|IV)\.?$")
_LIST_NAME = re.compile(rf"^[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){{0,4}}(?:{_NAME_SUFFIX.pattern[:-1]})?$")
_MAX_LIST_LINE = 160
CALL_START = re.compile(r"^\s*Call Start:", re.I)
_TITLE_WINDOW = 5


@dataclass(frozen=True, slots=True)
class ListedParticipant:
    name: str
    group: str
    line: int
    role: str | None = None
    organization: str | None = None
    written: str = ""
    """The text after the dash as written (before any ticker-link repair)."""


@dataclass
class Header:
    title: str
    event: EventInfo
    participants: list[ListedParticipant] = field(default_factory=list)
    body_start: int = 0
    """0-based index of the first body line."""
    warnings: list[Diagnostic] = field(default_factory=list)
    preamble: tuple[int, str] | None = None
    """The ``Call Start: …`` line and its 1-based number: kept, not shown as speech (its date
    is a placeholder in every file seen)."""
    names: set[str] = field(default_factory=set)
    """The names listed so far (asked of every entry: scanning the list made a long one
    quadratic)."""


def parse_title(line: str) -> EventInfo:
    """``Tesla Motors (NASDAQ:TSLA) Q2 2012 Earnings Call July 25, 2012 5:30 PM ET``."""
    match = TITLE.match(line.strip())
    if not match:
        return EventInfo()
    rest = match["rest"]
    quarter = _QUARTER.search(rest)
    date = _date(rest)
    time = _TIME.search(rest)
    return EventInfo(
        company=match["company"].strip(),
        exchange=match["exchange"].upper(),
        ticker=match["ticker"].upper(),
        quarter=quarter["quarter"] if quarter else None,
        year=int(quarter["year"]) if quarter else None,
        date=date,
        time=_clock(time) if time else None,
        timezone=time["zone"] if time and time["zone"] else None,
    )


def _date(text: str) -> str | None:
    for match in _DATE.finditer(text):
        month = match["month"].lower()
        number = next((i for i, m in enumerate(_MONTHS, 1) if m.startswith(month[:3])), None)
        if number and (month in _MONTHS or len(month) == 3):
            return f"{int(match['year']):04d}-{number:02d}-{int(match['day']):02d}"
    return None


def _clock(match: re.Match[str]) -> str:
    """``5:30 PM`` -> ``17:30``; ``12:00`` stays."""
    if not match["half"]:
        return f"{int(match['hour']):02d}:{match['minute']}"  # a 24-hour clock
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    return f"{hour:02d}:{match['minute']}"


def title_lines(lines: list[str]) -> tuple[int | None, int, int]:
    """Where the title is: (the ``Call Start:`` line or None, first title line, end), 0-based.

    The older layout writes the title on one line; the newer one opens with ``Call Start: …``
    and writes company and ticker, the event, and its date on lines of their own, up to the
    first list heading. Lines join into the title only when the first carries the ticker.
    """
    nonblank = [i for i, line in enumerate(lines[: _TITLE_WINDOW * 3]) if line.strip()]
    if not nonblank:
        return None, 0, 0
    preamble = None
    if CALL_START.match(lines[nonblank[0]]) and len(nonblank) > 1:
        preamble, nonblank = nonblank[0], nonblank[1:]
    first = nonblank[0]
    if TITLE.match(lines[first].strip()):
        for i in nonblank[1:_TITLE_WINDOW]:
            if " ".join(lines[i].lower().split()) in LIST_HEADINGS:
                return preamble, first, i
    return preamble, first, first + 1


def parse_header(lines: list[str]) -> Header:
    """Title and participant lists; ``body_start`` points at the first line of speech."""
    preamble, index, end = title_lines(lines)
    title = " ".join(ln.strip() for ln in lines[index:end] if ln.strip())
    header = Header(title=title, event=parse_title(title), body_start=end)
    if preamble is not None:
        header.preamble = (preamble + 1, lines[preamble].strip())
    group: str | None = None
    i = end
    while i < len(lines):
        text = lines[i].strip()
        heading = LIST_HEADINGS.get(" ".join(text.lower().split()))
        if not text:
            i += 1
            continue
        if heading:
            group = heading
        elif group is None or not _add_list_entry(header, text, group, i + 1):
            break
        i += 1
    header.body_start = i
    return header


def _add_list_entry(header: Header, text: str, group: str, line: int) -> bool:
    """Add ``Name – Title`` / ``Name - Firm`` / ``Name``; False when ``text`` is not a list
    entry (the body has begun)."""
    if len(text) > _MAX_LIST_LINE or text.lower() == "operator" or QA_HEADING.match(text):
        return False
    parts = SPACED_DASH.split(text, maxsplit=1)
    if len(parts) == 1:
        name, after = split_entry(text)  # "Name;Title" or "Name, Title"
        parts = [name] if after is None else [name, after]
    name = parts[0].strip()
    rest = parts[1].strip() if len(parts) > 1 else ""
    sentence_end = name.endswith((".", "?", "!", ",")) and not _NAME_SUFFIX.search(name)
    if not _LIST_NAME.match(name) or sentence_end or name in ("Q", "A"):
        # "A - Fred Smith" right after the lists is the first label of the older Q/A style
        return False
    if name in header.names:
        return False  # a bare name seen twice: it is a speaker label, the body has begun
    role: str | None = None
    organization: str | None = None
    if rest:
        if group == Group.ANALYST or _names_company(rest, header.event.company):
            organization = clean_firm(rest)
            if organization != rest:
                header.warnings.append(
                    reader_warning(
                        line,
                        f"firm name damaged by ticker linking: {rest!r} read as {organization!r}",
                        "repair",
                    )
                )
        else:
            role = rest
    header.participants.append(
        ListedParticipant(name, group, line, role, organization, written=rest)
    )
    header.names.add(name)
    return True


def _names_company(text: str, company: str | None) -> bool:
    """Whether the text after an executive's dash is the company (``- The Boeing Co.``)."""
    return bool(company) and firm_relation(text, company or "") in ("same", "short")
