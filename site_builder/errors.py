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


class ContentError(Exception):
    """Raised when a stage cannot go on; carries the diagnostics that explain why."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


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

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, or None when nothing is close enough to guess."""
    options = list(choices)
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not match:
        lowered = {o.lower(): o for o in options}
        match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        match = [lowered[m] for m in match]
    return f"did you mean '{match[0]}'?" if match else None
