"""Who is who in a `Name: text` transcript: event kind, participant groups, the Q&A boundary.

The layout names speakers but not their roles, so roles are inferred from what the text says:
in an earnings call a speaker whose first turn follows a turn that announces a question from
them (``The next question comes from Dan Levy at Barclays``) is an analyst; ``Operator`` runs
the call; a talk's anonymous ``Q -`` asker is the audience.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from site_builder.model import Group, SectionKind
from site_builder.readers.name_colon.scan import Scan
from site_builder.text import phrases as signals
from site_builder.text.introductions import firm_after

ASKER = "Questioner"
ANSWERER = "Speaker"
_EARNINGS = re.compile(r"\bearnings\b|\bconference call\b", re.IGNORECASE)
_LINE_OF = re.compile(
    r"\b(?:line\s+of|go\s+(?:next\s+|over\s+)?to|comes?\s+from|hear\s+from)\b", re.IGNORECASE
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


# A company title said next to a name ("Andy Jassy, our CEO", "Head of Investor Relations"), or
# the operator handing the call to them ("I will now turn the call over to Dana Park").
_COMPANY_TITLE = re.compile(
    r"\b(?:our\s+(?:\w+\s+){0,3}?(?:ceo|cfo|coo|cto|president|chairman|chair|founder|head|"
    r"director|vice\s+president|officer|executive|treasurer|controller)|"
    r"chief\s+\w+\s+officer|ceo|cfo|president\s+(?:and|&)|vice\s+president|"
    r"investor\s+relations|head\s+of|"
    r"turn(?:ing)?\s+(?:the\s+(?:call|conference|floor)|it)\s+(?:back\s+)?over\s+to)\b",
    re.IGNORECASE,
)
_FIRST_QUESTION = re.compile(r"\bfirst\s+question\s+(?:is|comes|goes|will)\b", re.IGNORECASE)
_WINDOW = 80
_WELCOME = 20_000  # characters of the hosts' opening words searched for executives' titles
# An operator who names only the firm: "Goldman Sachs has the next question."
_NAMELESS = re.compile(
    r"(?:^|[.!?]\s+)(?:And\s+)?(?P<firm>[A-Z][\w&.'’-]*(?:\s+(?:of|and|&|[A-Z][\w&.'’-]*)){0,5})"
    r"\s+has\s+"
    r"(?:the|our)\s+(?:next|first|final|last)\s+question"
)  # characters either side of a name where a title or an introduction is read


def _announces(text: str, name: str, by_operator: bool) -> str | None:
    """The firm (or ``""``) when ``text`` introduces ``name`` as the next questioner ("The next
    question comes from Dan Levy at Barclays"; from the operator, any naming of them); None
    otherwise, and always None when the text names them with a company title ("Andy Jassy, our
    CEO")."""
    words = name.replace(".", " ").split()
    first, last = words[0], words[-1]
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        word = m.group(0)
        if not (word == last or (len(word) >= 3 and first.startswith(word))):
            continue
        around = text[max(0, m.start() - _WINDOW) : m.end() + _WINDOW]
        if _COMPANY_TITLE.search(around):
            return None
        if not (by_operator or signals.asks_anew(around) or _LINE_OF.search(around)):
            continue
        rest = text[m.end() :]
        after = re.match(r"(?:\s+[A-Z][\w'’.-]*)*", rest)
        firm = firm_after(rest[after.end() if after else 0 :])
        return firm or ""
    return None


def _speaks_for_company(text: str, name: str) -> bool:
    """Whether ``text`` hands the call to ``name`` with a company title."""
    last = name.replace(".", " ").split()[-1]  # first names are shared too often
    for m in re.finditer(rf"\b{re.escape(last)}\b", text):
        if _COMPANY_TITLE.search(text[max(0, m.start() - _WINDOW) : m.end() + _WINDOW]):
            return True
    return False


def groups(
    kind: str, scan: Scan
) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    """Participant name -> group, name -> organisation where the text says it, and name -> the
    signal that decided an earnings call speaker's group.

    In an earnings call a speaker is an analyst when the turn before their first one introduces
    them as the next questioner; a company speaker when they speak before any questioner is
    introduced, or are named with a company title ("our CFO"). One sentence that says a name
    and the word "question" ("here to answer your questions is Andy Jassy, our CEO") is no
    introduction.
    """
    group: dict[str, str] = {}
    organization: dict[str, str] = {}
    evidence: dict[str, tuple[str, ...]] = {}
    previous = None
    introduced_yet = False
    said = ""
    for turn in scan.turns:
        name = turn.speaker
        if not name:
            continue
        if name not in group:
            if name.lower() == "operator":
                group[name] = Group.OPERATOR
            elif name == ASKER:
                group[name] = Group.ANALYST
            elif kind == "earnings-call":
                last = " ".join(previous.paragraphs) if previous is not None else ""
                by_operator = previous is not None and previous.speaker.lower() == "operator"
                firm = _announces(last, name, by_operator) if previous is not None else None
                nameless = _NAMELESS.search(last) if by_operator and not firm else None
                if nameless:
                    firm = nameless["firm"]  # "Goldman Sachs has the next question"
                titled = _speaks_for_company(said, name)
                if firm is not None and not titled:
                    group[name] = Group.ANALYST
                    evidence[name] = ("introduced as the next questioner",)
                    if firm:
                        organization[name] = firm
                else:
                    group[name] = Group.COMPANY
                    evidence[name] = (
                        ("named with a company title",)
                        if titled
                        else ("speaks before any questioner is introduced",)
                        if not introduced_yet
                        else ("not introduced as a questioner",)
                    )
            else:
                group[name] = Group.OTHER
        text = " ".join(turn.paragraphs)
        if group.get(name) != Group.ANALYST and not introduced_yet and len(said) < _WELCOME:
            said += " " + text  # the hosts' words before the questions name the executives
        introduced_yet = introduced_yet or group.get(name) == Group.ANALYST
        previous = turn
    return group, organization, evidence


def split_off_qa(scan: Scan, group: dict[str, str]) -> None:
    """Move the turns from the first analyst's introduction (or the first question a host
    reads out) on into a Q&A section.

    API exports of earnings calls have no Q&A header; the exchange grouping needs one.
    """
    if any(kind == SectionKind.QA for _, kind, _ in scan.sections):
        return
    for index, turn in enumerate(scan.turns):
        if index == 0:
            continue
        if group.get(turn.speaker) == Group.ANALYST:
            start = index - 1
            break
        if _FIRST_QUESTION.search(" ".join(turn.paragraphs)):
            start = index  # "The first question is, ...": a host reads submitted questions
            break
    else:
        return
    old = scan.turns[start].section
    scan.sections.append(("Questions and answers", SectionKind.QA, scan.turns[start].line))
    qa = len(scan.sections) - 1
    for turn in scan.turns[start:]:
        if turn.section == old:
            turn.section = qa
    title, kind, line = scan.sections[old]
    if kind == SectionKind.OTHER and title == "Transcript":
        scan.sections[old] = ("Prepared remarks", SectionKind.PREPARED, line)


def title_from_path(path: str) -> str:
    stem = PurePath(path).name.split(".")[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()).title()
