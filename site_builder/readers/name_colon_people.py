"""Who is who in a `Name: text` transcript: event kind, participant groups, the Q&A boundary.

The layout names speakers but not their roles, so roles are inferred from what the text says:
in an earnings call a speaker whose first turn follows a turn that announces a question from
them (``The next question comes from Dan Levy at Barclays``) is an analyst; ``Operator`` runs
the call; a talk's anonymous ``Q -`` asker is the audience.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..model import (
    GROUP_ANALYST,
    GROUP_COMPANY,
    GROUP_OPERATOR,
    GROUP_OTHER,
    SECTION_OTHER,
    SECTION_PREPARED,
    SECTION_QA,
)

if TYPE_CHECKING:
    from .name_colon import Scan

ASKER = "Questioner"
ANSWERER = "Speaker"
_EARNINGS = re.compile(r"\bearnings\b|\bconference call\b", re.IGNORECASE)
# A firm's name may join its capitalised words with "of" or "and" (``Bank of America``).
_FIRM_AFTER = (
    r"\s+(?:at|from|with|of)\s+"
    r"(?P<firm>[A-Z][\w&.'-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w&.'-]*){0,4})"
)


def event_kind(path: str, scan: Scan) -> str:
    speakers = {t.speaker for t in scan.turns if t.speaker}
    labels = [t.label for t in scan.turns if t.speaker]
    if ".said" in PurePath(path).name:
        return "debate"
    if scan.meta.quarter or _EARNINGS.search(scan.meta.title or ""):
        return "earnings-call"
    if scan.qa_labels:
        return "talk"
    if speakers and all(re.fullmatch(r"Speaker \d+", s) for s in speakers):
        return "meeting"
    if any(t.timestamp for t in scan.turns) or any(lb.startswith("**") for lb in labels):
        return "podcast"
    return "unknown"


def _announces(text: str, name: str) -> str | None:
    """The firm (or ``""``) when ``text`` announces a question from ``name``; None otherwise."""
    asks = "question" in text.lower()
    words = name.replace(".", " ").split()
    first, last = words[0], words[-1]
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        word = m.group(0)
        if word == last or (len(word) >= 3 and first.startswith(word)):
            firm = re.match(r"(?:\s+[A-Z][a-z]+)*" + _FIRM_AFTER, text[m.end() :])
            if firm:
                return firm.group("firm").rstrip(".")
            if asks:
                return ""
    return None


def groups(kind: str, scan: Scan) -> tuple[dict[str, str], dict[str, str]]:
    """Participant name -> group, and name -> organisation where the text says it."""
    group: dict[str, str] = {}
    organization: dict[str, str] = {}
    previous = None
    for turn in scan.turns:
        name = turn.speaker
        if not name:
            continue
        if name not in group:
            if name.lower() == "operator":
                group[name] = GROUP_OPERATOR
            elif name == ASKER:
                group[name] = GROUP_ANALYST
            elif kind == "earnings-call":
                said = " ".join(previous.paragraphs) if previous else ""
                firm = _announces(said, name) if previous is not None else None
                group[name] = GROUP_ANALYST if firm is not None else GROUP_COMPANY
                if firm:
                    organization[name] = firm
            else:
                group[name] = GROUP_OTHER
        previous = turn
    return group, organization


def split_off_qa(scan: Scan, group: dict[str, str]) -> None:
    """Move the turns from the first analyst's introduction on into a Q&A section.

    API exports of earnings calls have no Q&A header; the exchange grouping needs one.
    """
    if any(kind == SECTION_QA for _, kind, _ in scan.sections):
        return
    for index, turn in enumerate(scan.turns):
        if group.get(turn.speaker) == GROUP_ANALYST and index > 0:
            start = index - 1
            break
    else:
        return
    old = scan.turns[start].section
    scan.sections.append(("Questions and answers", SECTION_QA, scan.turns[start].line))
    qa = len(scan.sections) - 1
    for turn in scan.turns[start:]:
        if turn.section == old:
            turn.section = qa
    title, kind, line = scan.sections[old]
    if kind == SECTION_OTHER and title == "Transcript":
        scan.sections[old] = ("Prepared remarks", SECTION_PREPARED, line)


def title_from_path(path: str) -> str:
    stem = PurePath(path).name.split(".")[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()).title()
