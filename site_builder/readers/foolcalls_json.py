"""Motley Fool calls in the ``foolcalls`` structured JSON: call metadata, ``participants``
(``management`` / ``analysts`` with role and affiliation) and ``call_transcript``, a list of
statements each with its ``section`` (``pres`` / ``qa``), ``statement_type``, ``speaker``,
``role``, ``affiliation`` and ``text``.

The scraper behind this export glued the page's next speaker label onto the end of every text
(``…very clear.Operator``, ``…You may begin.John Belton -- Evercore -- Analyst``) and joined
paragraphs with no space (``…transcript.Please note``). The label is known (it is the next
statement's), so it is cut off exactly where it matches; paragraphs are split where a sentence
end runs straight into a capitalised word.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from site_builder.errors import reader_warning
from site_builder.model import EventInfo, Group, ParsedTranscript, SectionKind, SourceText
from site_builder.readers import fallback
from site_builder.readers.common.base import TranscriptBuilder
from site_builder.readers.motley_fool.common import People

NAME = "foolcalls-json"
MAX_SCORE = 0.95
# The export's keys and codes, which are not words of the call.
STRUCTURE_WORDS = frozenset({"pres", "qa", "o", "p", "q", "a"})  # section and statement codes
# Top-level keys whose values are not call facts kept as text nobody speaks.
NOT_DETAILS = frozenset({"call_transcript", "participants"})
SECTIONS = {
    "pres": ("Prepared remarks", SectionKind.PREPARED),
    "qa": ("Questions and answers", SectionKind.QA),
}
# A sentence end run into the next paragraph's first word: "transcript.Please", "2020?Thank".
_JOINED = re.compile(r"(?<=[a-z0-9\]\)%][.?!])(?=[A-Z][a-z])")
_TYPE_GROUPS = {"O": Group.OPERATOR, "Q": Group.ANALYST, "A": Group.COMPANY, "P": Group.COMPANY}


def detect(text: str) -> float:
    head = text[:20_000]
    if text.lstrip().startswith("{") and '"call_transcript"' in head and '"statement' in head:
        return MAX_SCORE
    return 0.0


def _load(text: str) -> tuple[dict[str, Any], list[dict[str, str]]] | str:
    """The export and its statements, or why it cannot be read as one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg} at line {error.lineno})"
    except (RecursionError, ValueError) as error:
        return f"JSON the reader cannot load ({type(error).__name__})"
    if not isinstance(data, dict) or not isinstance(data.get("call_transcript"), list):
        return "no 'call_transcript' list"
    statements = data["call_transcript"]
    for item in statements:
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key, ""), str) for key in ("speaker", "role", "affiliation", "text")
        ):
            return "a 'call_transcript' entry is not a statement"
    return data, statements


def _label_of(item: dict[str, str]) -> str:
    """The page label of a statement: ``Name -- Firm -- Role``, ``Name -- Role`` or ``Name``."""
    parts = [item.get("speaker", ""), item.get("affiliation", ""), item.get("role", "")]
    return " -- ".join(p.strip() for p in parts if p.strip())


def glued_at(text: str, following: dict[str, str] | None) -> int:
    """Where the next statement's label begins at the end of ``text`` (``len(text)`` if not)."""
    if following is None:
        return len(text)
    stripped = text.rstrip()
    for label in (_label_of(following), following.get("speaker", "").strip()):
        if label and stripped.endswith(label) and len(stripped) > len(label):
            return len(stripped) - len(label)
    return len(text)


def source_words_text(text: str) -> str:
    """The export's strings, with each glued label set apart from the word it was glued to
    (``StudiosPatricio`` was two words on the page)."""
    loaded = _load(text)
    if isinstance(loaded, str):
        return text
    data, statements = loaded
    # In the order the reader keeps them: call details, the participants, then the statements.
    strings = [s for k, v in data.items() if k not in NOT_DETAILS for s in _values(v)]
    strings += _values(data.get("participants", []))
    for index, item in enumerate(statements):
        said = item.get("text", "")
        cut = glued_at(said, statements[index + 1] if index + 1 < len(statements) else None)
        strings += [v for k, v in item.items() if k != "text" and isinstance(v, str)]
        strings += [said[:cut], said[cut:]]
    return "\n".join(strings)


def _values(value: Any) -> list[str]:
    """Every value inside ``value`` as text; keys are the export's, not the call's."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in _values(item)]
    if isinstance(value, list):
        return [s for item in value for s in _values(item)]
    return [str(value)]


def parse(source: SourceText) -> ParsedTranscript:
    loaded = _load(source.text)
    if isinstance(loaded, str):
        parsed = fallback.parse(source)
        warning = reader_warning(1, f"{loaded}: read as plain text", "layout")
        return replace(parsed, warnings=(*parsed.warnings, warning))
    data, statements = loaded
    b = TranscriptBuilder()
    people = People(b)
    company = _text(data, "company_name")
    _listed(people, data.get("participants"), company)
    details = [v for k, x in data.items() if k not in NOT_DETAILS for v in _values(x) if v.strip()]
    if details:
        b.start_turn("", b.add_section("Call details", SectionKind.BOILERPLATE, 1).id, 1).extend(
            details
        )
    sections: dict[str, str] = {}
    unglued = 0
    for index, item in enumerate(statements):
        said = item.get("text", "")
        following = statements[index + 1] if index + 1 < len(statements) else None
        cut = glued_at(said, following)
        unglued += cut < len(said)
        paragraphs = [p.strip() for p in _JOINED.split(said[:cut]) if p.strip()]
        if not paragraphs:
            continue
        key = item.get("section", "")
        if key not in sections:
            title, kind = SECTIONS.get(key, (key or "Transcript", SectionKind.PREPARED))
            sections[key] = b.add_section(title, kind, 1).id
        speaker = item.get("speaker", "").strip() or "Unknown speaker"
        group = _TYPE_GROUPS.get(item.get("statement_type", ""), Group.UNKNOWN)
        if speaker == "Operator":
            group = Group.OPERATOR
        org = item.get("affiliation", "").strip() or (company if group == Group.COMPANY else None)
        pid = people.add(
            speaker, 1, role=item.get("role", "").strip() or None, org=org, group=group
        )
        b.start_turn(pid, sections[key], 1, _label_of(item)).extend(paragraphs)
    if unglued:
        b.warn(
            None,
            f"{unglued} statements ended with the next speaker's label (a scraper's join): cut off",
            "repair",
        )
    return ParsedTranscript(
        source=source.path,
        format=NAME,
        title=_text(data, "call_title") or source.path,
        event=_event(data, company),
        participants=tuple(b.participants),
        sections=tuple(b.sections),
        turns=b.turns(),
        warnings=tuple(b.warnings),
    )


def _listed(people: People, participants: Any, company: str | None) -> None:
    if not isinstance(participants, dict):
        return
    for key, group in (("management", Group.COMPANY), ("analysts", Group.ANALYST)):
        entries = participants.get(key)
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not isinstance(entry.get("speaker"), str):
                continue
            firm = _text(entry, "affiliation") or ""
            role = _text(entry, "role") or ""
            if entry["speaker"].strip():
                people.add(
                    entry["speaker"].strip(),
                    1,
                    role=role.strip() or None,
                    org=firm.strip() or (company if group == Group.COMPANY else None),
                    group=group,
                )


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _event(data: dict[str, Any], company: str | None) -> EventInfo:
    year = _text(data, "fiscal_period_year")
    when = _text(data, "call_time") or ""
    date = _text(data, "call_date")
    return EventInfo(
        company=company,
        ticker=_text(data, "ticker"),
        exchange=_text(data, "ticker_exchange"),
        quarter=_text(data, "fiscal_period_qtr"),
        year=int(year) if year and year.isdigit() and len(year) == 4 else None,
        date=date if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
        time=when[11:16] if re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", when) else None,
    )
