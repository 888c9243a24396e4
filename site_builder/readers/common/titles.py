"""A readable title for every transcript, whatever the reader found.

Readers return what the source states (a JSON field, a heading's first line, a hearing's title
page). This module finishes the job for all of them in one place: it drops what a title repeats
from the page around it (a ticker in parentheses, the date and time), looks in the opening
speech when the source has no title ("Welcome to the ADM First Quarter 2021 Earnings Conference
Call"), and only then falls back to a humane title made from the file name ("Microsoft Q4 2025
call" rather than ``mf_microsoft_2025q4_...``), with a warning that says how to set one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath

from site_builder.errors import reader_warning
from site_builder.model import EventInfo, ParsedTranscript
from site_builder.readers.common.call_dates import MONTHS
from site_builder.slugs import file_stem
from site_builder.text.wording import KIND_NOUNS

# File-name prefixes that name where a file came from, not what it is.
_SOURCE_PREFIXES = frozenset(
    {"sa", "se", "mf", "mfjson", "ec", "fmp", "foolcalls", "ectsum", "crec", "msstream", "zoom"}
)
_TICKER = re.compile(r"\s*\((?:[A-Z]+\s*:\s*)?[A-Z][A-Z0-9.\-]{0,7}\)")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_TRAILING_DATE = re.compile(
    rf"\s+(?:on\s+)?(?:{_MONTH_NAMES})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"(?:\s*,?\s*\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_WELCOME = re.compile(
    r"\bwelcome\s+(?:you\s+|everyone\s+|all\s+)?to\s+(?:the\s+)?"
    r"(?P<what>[^.,;:!?\n]{4,110}?\b(?:conference\s+call|call|webcast|webinar|conference))\b",
    re.I,
)
_CALL_WORDS = re.compile(r"\b(?:quarter|Q[1-4]|results|earnings|fiscal)\b", re.I)
_QUARTER_WORDS = re.compile(
    r"\b(?:first|second|third|fourth)[- ]quarter\b|\bQ[1-4]\b|\bF(?:Y)?\d{2,4}\b|\b(?:19|20)\d{2}\b"
    r"|\b(?:fiscal(?: year)?|results|earnings|announcement|conference|call|webcast|webinar"
    r"|quarter|and)\b",
    re.I,
)
_FILE_QUARTER = re.compile(
    r"^(?:fy)?(?P<year>\d{4})q(?P<q>[1-4])$|^q(?P<q2>[1-4])(?P<year2>\d{4})$"
)
# Spelt out here, not from ``calendar``: its names follow the machine's locale.
_MONTH_TITLES = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def _is_file_name(title: str, path: str) -> bool:
    stem = file_stem(path)
    plain = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return (
        not title.strip()
        or "_" in title
        or title.strip().lower() in {stem.lower(), plain.lower(), PurePath(path).name.lower()}
    )


def tidy(title: str) -> str:
    """``Tesla Motors (NASDAQ:TSLA) Q2 2012 Earnings Call July 25, 2012 5:30 PM`` -> ``Tesla
    Motors Q2 2012 Earnings Call``: the ticker and the date are shown beside the title."""
    tidied = _TRAILING_DATE.sub("", _TICKER.sub("", " ".join(title.split())))
    return tidied.strip(" -–—,") or title


def from_speech(parsed: ParsedTranscript) -> tuple[str, str | None] | None:
    """The event as the opening speech names it, and the company in it, if the words say so."""
    for turn in parsed.turns[:6]:
        for paragraph in turn.paragraphs[:3]:
            match = _WELCOME.search(paragraph)
            if match and _CALL_WORDS.search(match.group("what")):
                what = " ".join(match.group("what").split())
                named = " ".join(_QUARTER_WORDS.sub(" ", what).split())
                company = re.sub(r"['’]s\b", "", named).strip(" -'’") or None
                return what[0].upper() + what[1:], company
    return None


def humane(path: str, kind: str) -> str:
    """A title from the file name, as a person would write it: source prefixes dropped, a
    quarter or date spelt out (``mf_microsoft_2025q4_new_layout`` -> ``Microsoft Q4 2025 call``,
    ``debate_1960_09_26_kennedy_nixon`` -> ``Kennedy Nixon debate, 26 September 1960``)."""
    words = [w for w in re.split(r"[_\-\s.]+", file_stem(path)) if w]
    while len(words) > 1 and words[0].lower() in _SOURCE_PREFIXES:
        words = words[1:]
    noun = KIND_NOUNS.get(kind, "")
    for i, word in enumerate(words):
        found = _FILE_QUARTER.match(word.lower())
        if found and i > 0:
            quarter = found.group("q") or found.group("q2")
            year = found.group("year") or found.group("year2")
            name = " ".join(_name_word(w) for w in words[:i])
            return f"{name} Q{quarter} {year} {noun or 'call'}"
    when = ""
    for i in range(len(words) - 2):
        y, m, d = words[i : i + 3]
        digits = re.fullmatch(r"(?:1[89]|20)\d\d", y) and m.isdigit() and d.isdigit()
        if digits and 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            when = f"{int(d)} {_MONTH_TITLES[int(m) - 1]} {y}"
            words = words[:i] + words[i + 3 :]
            break
    words = [w for w in words if w.lower() != noun]
    title = " ".join([*(w[:1].upper() + w[1:] for w in words), noun]).strip()
    return f"{title}, {when}" if when else title


def _name_word(word: str) -> str:
    # Short all-letter names are tickers or initials (ADM, TAL, AMD); longer ones are names.
    return word.upper() if len(word) <= 3 and word.isalpha() else word[:1].upper() + word[1:]


def finish(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` with a readable title (and the company the opening speech names, if none)."""
    title = tidy(parsed.title)
    event: EventInfo = parsed.event
    warnings = parsed.warnings
    if _is_file_name(title, parsed.source) or _is_file_name(parsed.title, parsed.source):
        spoken = from_speech(parsed)
        if spoken is not None:
            title, company = spoken
            kind = event.kind if event.kind != "unknown" else "earnings-call"
            event = replace(event, company=event.company or company, kind=kind)
        else:
            title = humane(parsed.source, event.kind)
            warnings = (
                *warnings,
                reader_warning(
                    None,
                    f"no title in the text; titled '{title}' from the file name "
                    "(set `title:` in the annotation file)",
                    "title",
                ),
            )
    if title == parsed.title and event is parsed.event and warnings is parsed.warnings:
        return parsed
    # The heading as written stays on record: its words are the source's, not lost.
    dropped = (*parsed.dropped, parsed.title) if title != parsed.title else parsed.dropped
    return replace(parsed, title=title, event=event, warnings=warnings, dropped=dropped)
