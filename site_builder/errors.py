"""One diagnostic type that prints like a compiler, and a collector that reports them all at once.

Every content mistake is a :class:`Diagnostic` at ``path:line:col``. Stages add diagnostics to a
:class:`Diagnostics` collector and carry on where they can, so one run reports every problem; the
command line decides the exit code once, at the end.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int | None
    col: int | None
    message: str
    severity: str = ERROR
    hint: str | None = None
    kind: str = ""
    """A short machine-readable category of a reader's warning (``encoding``, ``repair``,
    ``speaker``, ``firm`` ...), shown in ``site-builder parse`` output."""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


def reader_warning(line: int | None, message: str, kind: str = "parse") -> Diagnostic:
    """Something a reader or repair step noticed and could not settle with certainty, at a
    1-based line of the transcript (None: the whole file). Readers see text, not files: the
    path is filled in when the warning is reported (``pipeline.load_transcript``)."""
    return Diagnostic("", line, None, message, WARNING, None, kind)


class BuildError(Exception):
    """A build stopped for a reason outside the content: the output folder cannot be used, or
    the search indexer failed. Content mistakes are never raised: they are diagnostics."""


@dataclass
class Diagnostics:
    """Collects diagnostics across files; never raises by itself."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self,
        path: str,
        line: int | None,
        col: int | None,
        message: str,
        hint: str | None = None,
    ) -> None:
        self.items.append(Diagnostic(path, line, col, message, ERROR, hint))

    def warning(
        self,
        path: str,
        line: int | None,
        col: int | None,
        message: str,
        hint: str | None = None,
    ) -> None:
        self.items.append(Diagnostic(path, line, col, message, WARNING, hint))

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, or None when nothing is close enough to guess."""
    options = list(choices)
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not match:
        lowered = {o.lower(): o for o in options}
        match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        match = [lowered[m] for m in match]
    return f"did you mean '{match[0]}'?" if match else None
