"""Where the speaker label ends in an EarningsCall paragraph, which writes ``Name Title Text``
with nothing between the three (``Jaejun Kim Executive Vice President, Memory Division To
answer your question…``).

Two signals every call of the layout gives:

1. **The title's last word.** ``Analyst`` (a firm may follow after a comma; its end is where
   the call writes the firm elsewhere, such as the operator's ``…from KB Securities``), or a
   title word such as ``Officer``, ``President``, ``Relations``, ``Representative``. This
   decides whenever the paragraph has one, also for a speaker heard once.
2. **Repetition**, for labels with no title word (``Shilin``, ``Casey Choi Cooperative
   Strategy Team, Samsung Display``) and for a firm or unit after a comma. A speaker's label
   is written the same way at the start of each of their paragraphs, while what they say next
   differs: in a word trie of the paragraphs, the label ends where the paths first branch. Two
   people who share a first word (``Jaejun Kim`` / ``Jaejun Lee``) branch there too, but each
   branch then runs on as a label of its own, which text does not.

What neither settles is read as the shortest plausible name, with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_LABEL_WORDS = 12
_NOT_WORD = re.compile(r"[^\w]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_END = _words(
    """
    officer president director relations chairman chairwoman chair ceo cfo coo cto cio cmo
    operator translator interpreter representative manager treasurer secretary controller
    counsel founder co-founder partner head division analyst strategist economist
    """
)
TITLE_WORDS = TITLE_END | _words(
    """
    chief executive vice senior managing general group global deputy conference simultaneous
    investor interim of and & the for evp svp vp financial operating technology strategy
    english corporate communications
    """
)
# Words a person's name never starts a title with, but which open one: the name ends before.
TITLE_START = _words(
    """
    chief executive vice senior president head director chairman chairwoman chair ceo cfo
    coo cto cio cmo evp svp vp managing general group global deputy conference simultaneous
    investor founder co-founder treasurer secretary controller interim analyst manager
    officer operator partner
    """
)


def bare(word: str) -> str:
    return word.strip(",;:").lower()


def label_lengths(paragraphs: Sequence[Sequence[str]]) -> list[int | None]:
    """For each paragraph (as words), how many leading words are its speaker label."""
    found: list[int | None] = [None] * len(paragraphs)
    singletons: set[int] = set()
    groups: dict[str, list[int]] = {}
    for index, words in enumerate(paragraphs):
        if words:
            groups.setdefault(words[0], []).append(index)
    for indices in groups.values():
        if len(indices) > 1:
            _walk(paragraphs, indices, 1, found, singletons)
    for index, words in enumerate(paragraphs):
        by_title = title_end(words)
        current = found[index]
        if by_title is None or current == by_title:
            continue
        # After "Analyst," or "President," a firm or unit follows; a label repeated word for
        # word is the better witness of where it ends. Otherwise the title decides: a speaker
        # whose every paragraph opens "Thank you" made the repetition run on into the text.
        extra = words[by_title : current or 0]
        unit = words[by_title - 1].endswith(",") and all(w[:1].isupper() for w in extra)
        if current is None or not (unit and extra and index not in singletons):
            found[index] = by_title
    return found


def _walk(
    paragraphs: Sequence[Sequence[str]],
    indices: list[int],
    depth: int,
    found: list[int | None],
    singletons: set[int],
) -> None:
    """Descend while every paragraph of ``indices`` shares the word at ``depth``."""
    while depth < MAX_LABEL_WORDS:
        children: dict[str, list[int]] = {}
        ended = False
        for index in indices:
            words = paragraphs[index]
            if len(words) <= depth:
                ended = True
            else:
                children.setdefault(words[depth], []).append(index)
        if len(children) == 1 and not ended:
            depth += 1
            continue
        labels = [c for c in children.values() if _runs_on(paragraphs, c, depth + 1)]
        if len(labels) >= 2:  # several people sharing these first words: follow each
            for child in children.values():
                if len(child) > 1:
                    _walk(paragraphs, child, depth + 1, found, singletons)
            return
        for index in indices:
            found[index] = depth
        if ended or all(len(child) == 1 for child in children.values()):
            # Text that repeats word for word ("Thank you.") or a branch into single
            # paragraphs says little: a title, where there is one, decides (see below).
            singletons.update(indices)
        return


def _runs_on(paragraphs: Sequence[Sequence[str]], indices: list[int], depth: int) -> bool:
    """Whether two or more paragraphs go on sharing two more words (a label, not text)."""
    if len(indices) < 2:
        return False
    for offset in (0, 1):
        if len({tuple(paragraphs[i][depth + offset : depth + offset + 1]) for i in indices}) != 1:
            return False
    return True


def title_end(words: Sequence[str]) -> int | None:
    """The label length a title gives, or None: ``Analyst`` (and a firm after a comma is left
    to the caller, see ``firm_after``), or the furthest title word reached from the first."""
    limit = min(len(words), MAX_LABEL_WORDS)
    for position in range(1, limit):
        word = bare(words[position])
        if word == "analyst":
            return position + 1
        if word in TITLE_END:
            end = position
            for ahead in range(position + 1, min(limit, position + 6)):
                # "President, Memory Division": after a comma, capitalised words of a unit
                unit = words[end].endswith(",") and words[ahead][:1].isupper()
                if bare(words[ahead]) not in TITLE_WORDS and not unit:
                    break
                if bare(words[ahead]) in TITLE_END:
                    end = ahead
            return end + 1
    return None


def firm_after(words: Sequence[str], start: int, before: str) -> int:
    """How many words after ``Analyst,`` name the firm: the longest run the call writes
    elsewhere (``before``: the introduction; or the analyst's own words after it), 0 when the
    call never writes one."""
    for count in range(min(6, len(words) - start - 1), 0, -1):
        firm = _plain(" ".join(words[start : start + count]).rstrip(",."))
        if firm and (firm in _plain(before) or firm in _plain(" ".join(words[start + count :]))):
            return count
    return 0


def _plain(text: str) -> str:
    """Text compared for a firm: case and ``&`` / ``and`` ignored."""
    return f" {' '.join(_NOT_WORD.sub(' ', text.lower().replace('&', ' and ')).split())} "


def split_name(label: Sequence[str], context: str) -> tuple[str, str | None, str | None]:
    """A label's (name, title, firm); ``context`` is what the call says around it (never the
    label itself), where a firm written inside the label is looked for."""
    words = list(label)
    analyst = next((i for i, w in enumerate(words) if bare(w) == "analyst"), None)
    if analyst is not None and analyst > 0:
        if words[analyst].endswith(","):
            firm = " ".join(words[analyst + 1 :]) or None
            return " ".join(words[:analyst]), "Analyst", firm
        return _name_and_firm(words[:analyst], context)
    start = next((i for i, w in enumerate(words[1:4], 1) if bare(w) in TITLE_START), None)
    if start is None:
        if len(words) <= 5 and bare(words[-1]) in ("representative", "member", "participant"):
            return " ".join(words), None, None  # a generic speaker: the label names the desk
        start = min(2, len(words))
    return " ".join(words[:start]), " ".join(words[start:]) or None, None


def _name_and_firm(words: list[str], context: str) -> tuple[str, str | None, str | None]:
    """``Gary Morgan Stanley`` before ``Analyst``: the firm is the part the call writes."""
    for cut in range(1, min(4, len(words))):
        firm = " ".join(words[cut:])
        if _plain(firm) in _plain(context):
            return " ".join(words[:cut]), "Analyst", firm
    cut = min(2, len(words))
    return " ".join(words[:cut]), "Analyst", " ".join(words[cut:]) or None
