"""Repair text damaged before it reached us, and report every repair.

Three kinds of damage meet us in real transcripts:

* **Lossy bare ``â``.** Somewhere upstream each curly apostrophe, quote, dash and ellipsis
  (UTF-8 ``E2 80 xx``) was read as Latin-1 and its unprintable continuation bytes dropped, leaving
  ``Iâm``, ``Name â Title``, ``âat leastâ`` and ``inâ¦``. The lost byte said *which* mark stood
  there; only the context can say it now, so we repair from context and count each kind.
* **Reversible mojibake** (``TelefÃ³nica``): ftfy undoes it, one line at a time so line numbers
  hold, configured to change nothing else (quotes, line breaks, HTML entities, widths stay).
* **U+FFFD**: what nobody can recover. Kept in the text, counted.

A real ``â`` (``pâté``, ``câmara``) is never touched: the lossy repair runs only on a file that
shows the damage pattern, and even then only where ``â`` sits where no language puts it (before
a space, a punctuation mark, or an English contraction ending).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from site_builder.errors import Diagnostic, reader_warning

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

APOSTROPHE = "’"
OPEN_QUOTE = "“"
CLOSE_QUOTE = "”"
DASH = "–"
ELLIPSIS = "…"


@functools.cache
def ftfy_fixer() -> tuple[Callable[[str, TextFixerConfig], str], TextFixerConfig]:
    """ftfy's ``fix_text`` and our settings, imported at the first non-ASCII line that needs
    them (a tenth of a second's start-up for builds whose files never do)."""
    from ftfy import TextFixerConfig, fix_text

    # ftfy may undo mojibake and nothing else: every other fix would change the author's text.
    config = TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        remove_control_chars=False,  # removed after repair, with a warning (textcheck.py)
        normalization=None,
        explain=False,
    )
    return fix_text, config


# A line of printable ASCII and the typographic marks clean text is made of. ftfy leaves such a
# line as it is: its mojibake heuristic (``ftfy.badness``) sees no damage in these marks, alone or
# side by side, and none is a control character it removes. Most non-ASCII lines of a transcript
# are like this, and ftfy is slow, so it is not asked about them.
_PLAIN_LINE = re.compile(r"[\t -~’‘“”–—…]*")

# Evidence of the lossy damage: a bare â where no word puts one (before whitespace, an ASCII mark,
# a digit or the line's end), or an English contraction no language that uses â spells with it.
# "cât" and "rămâm" (Romanian) are why a bare "ât"/"âm" is no evidence. Cp1252 continuation
# characters (€, ™ ...) are excluded: "â€™" is reversible mojibake, ftfy's business.
_WORD_FINAL_A = re.compile(r"â(?=[\s!-/:-@\[-`{-~0-9]|$)")
_ENGLISH_CONTRACTION_A = re.compile(r"(?<=[A-Za-z])â(?=(?:s|ll|re|ve|d)\b)|\bIâm\b|(?<=n)ât\b")
_CONTRACTION_A = re.compile(r"(?<=[^\W\d_])â(?=(?:s|t|m|d|ll|re|ve|S|T|M|D|LL|RE|VE)\b)")
# Below this much evidence a file is taken to be clean (a stray â is left alone).
_MIN_EVIDENCE = 2

_ELLIPSIS_A = re.compile(r"â¦")
# Each pattern with what one match weighs. "â¦" is all a lossy ellipsis leaves; "⦠" (U+29A0) it
# could also be is a rare math sign, so one is evidence enough.
_EVIDENCE = (
    (_ELLIPSIS_A, _MIN_EVIDENCE),
    (_WORD_FINAL_A, 1),
    (_ENGLISH_CONTRACTION_A, 1),
)
_NAME_PREFIX_A = re.compile(r"(?<=\b[ODL])â(?=[A-Z])")  # O’Neil, D’Amato, L’Oréal
_SPACED_A = re.compile(r"(?:(?<=\s)|^)â(?=\s|$)")
_RANGE_A = re.compile(r"(?<=\d)â(?=\d)")
_DECADE_A = re.compile(r"(?:(?<=\s)|^)â(?=\d\ds\b)")  # ’90s
_OPENING_A = re.compile(r"(?:(?<=[\s(\[{/])|^)â(?=[^\W_])")
_CLOSING_A = re.compile(r"(?<=[^\s(\[{/])â(?=[\s!-/:-@\[-`{-~]|$)")
# What a bare â stood for where its context says so, in the order the rules apply.
_MARKS_BY_CONTEXT = (
    (_ELLIPSIS_A, ELLIPSIS, "ellipsis"),
    (_CONTRACTION_A, APOSTROPHE, "apostrophe"),
    (_NAME_PREFIX_A, APOSTROPHE, "apostrophe"),
    (_DECADE_A, APOSTROPHE, "apostrophe"),
    (_SPACED_A, DASH, "dash"),
    (_RANGE_A, DASH, "dash"),
    (_OPENING_A, OPEN_QUOTE, "open"),
)


@dataclass(frozen=True, slots=True)
class _Kind:
    counter: str
    one: str
    many: str
    change: str

    def message(self, n: int) -> str:
        return f"repaired {n} damaged {self.one if n == 1 else self.many} ({self.change})"


_KINDS = (
    _Kind("ellipsis", "ellipsis", "ellipses", "â¦ -> …"),
    _Kind("apostrophe", "apostrophe", "apostrophes", "â -> ’"),
    _Kind("dash", "dash", "dashes", "â -> –"),
    _Kind("open", "opening quote", "opening quotes", "â -> “"),
    _Kind("close", "closing quote", "closing quotes", "â -> ”"),
)


def repair_text(text: str) -> tuple[str, list[Diagnostic]]:
    """Return repaired text (same number of lines) and one warning per repair kind, with counts."""
    warnings: list[Diagnostic] = []
    if has_lossy_damage(text):
        text = _repair_lossy(text, warnings)
    if not text.isascii():  # ftfy has nothing to do on ASCII lines
        text = _fix_mojibake(text, warnings)
    lost = text.count("\ufffd")
    if lost:
        first = text.count("\n", 0, text.index("\ufffd")) + 1
        warnings.append(
            reader_warning(
                first,
                f"{_count(lost, 'character')} could not be decoded and "
                f"{'is' if lost == 1 else 'are'} kept as '\ufffd'",
                "encoding",
            )
        )
    return text, warnings


def _repair_lossy(text: str, warnings: list[Diagnostic]) -> str:
    """Every line's bare ``â`` repaired; one warning per kind of mark, one for what is left."""
    counts: Counter[str] = Counter()
    lines = [repair_lossy_line(line, counts) for line in text.split("\n")]
    warnings += [
        reader_warning(None, kind.message(counts[kind.counter]), "repair")
        for kind in _KINDS
        if counts[kind.counter]
    ]
    left = sum(line.count("â") for line in lines)
    if left:
        warnings.append(
            reader_warning(
                None,
                f"left {left} bare 'â' unrepaired: the context does not say which mark it was",
                "repair",
            )
        )
    return "\n".join(lines)


def has_lossy_damage(text: str) -> bool:
    """True when bare ``â`` stands where only a lost punctuation mark could have stood.

    A word-final ``â`` (before a space, punctuation or the line end) occurs in no language that
    uses the letter, nor do English contractions (``Iâm``, ``donât``, ``Teslaâs``); two such
    are evidence. Once a file is found damaged, every contraction-shaped ``â`` is repaired.
    """
    if "â" not in text:  # every piece of evidence is a bare â
        return False
    evidence = 0
    for pattern, weight in _EVIDENCE:
        for _ in pattern.finditer(text):
            evidence += weight
            if evidence >= _MIN_EVIDENCE:  # enough said: the rest of the file is not counted
                return True
    return False


def repair_lossy_line(line: str, counts: Counter[str]) -> str:
    """Put back the typographic mark each bare ``â`` in ``line`` stood for; count each kind."""
    for pattern, mark, kind in _MARKS_BY_CONTEXT:
        if "â" not in line:  # each â is repaired once; a line has few, the rules are many
            return line
        line, n = pattern.subn(mark, line)
        counts[kind] += n
    if "â" not in line:
        return line
    done: list[str] = []
    rest = 0
    # Quotes opened minus quotes closed so far on the line, kept as a running count: counting
    # the whole prefix again at every mark made a long damaged line quadratic.
    open_quotes = 0
    for match in _CLOSING_A.finditer(line):
        segment = line[rest : match.start()]
        open_quotes += segment.count(OPEN_QUOTE) - segment.count(CLOSE_QUOTE)
        previous = segment[-1:] or (done[-1][-1:] if done else "")
        mark = _closing_mark(open_quotes, previous, counts)
        if mark == CLOSE_QUOTE:
            open_quotes -= 1
        done += [segment, mark]
        rest = match.end()
    return "".join(done) + line[rest:]


def _closing_mark(open_quotes: int, previous: str, counts: Counter[str]) -> str:
    """A closing quote when a quote is open before it, else a plural possessive apostrophe
    (``analystsâ views``), else a closing quote whose opening was written straight."""
    if open_quotes > 0:
        counts["close"] += 1
        return CLOSE_QUOTE
    if previous in ("s", "S"):
        counts["apostrophe"] += 1
        return APOSTROPHE
    counts["close"] += 1
    return CLOSE_QUOTE


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fix_mojibake(text: str, warnings: list[Diagnostic]) -> str:
    """ftfy on each line that may hold mojibake, one warning for all the lines it changed."""
    fixed: list[str] = []
    changes: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.isascii() or _PLAIN_LINE.fullmatch(line):
            fixed.append(line)
            continue
        fix_text, config = ftfy_fixer()
        new = fix_text(line, config)
        if new != line:
            changes.append((number, *_first_difference(line, new)))
        fixed.append(new)
    if changes:
        line_number, before, after = changes[0]
        warnings.append(
            reader_warning(
                line_number,
                f"repaired mojibake on {_count(len(changes), 'line')} "
                f"(first: {before!r} -> {after!r})",
                "encoding",
            )
        )
    return "\n".join(fixed)


def _first_difference(before: str, after: str) -> tuple[str, str]:
    """The word around the first change, before and after, for a readable warning."""
    start = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
        min(len(before), len(after)),
    )
    word_start = max(before.rfind(" ", 0, start) + 1, 0)
    end_before = before.find(" ", start)
    end_after = after.find(" ", start)
    return (
        before[word_start : end_before if end_before != -1 else len(before)],
        after[word_start : end_after if end_after != -1 else len(after)],
    )
