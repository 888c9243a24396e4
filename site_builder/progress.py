"""What a build tells the person waiting for it: progress while it runs, a summary at the end.

On a terminal, a build that is still running after :data:`QUIET_SECONDS` shows one line that
updates in place (stage, count done of total); the finished build prints a table like Hugo's.
Anywhere else (CI logs, pipes) each stage is one plain line when it starts, and nothing is
redrawn, so a log stays readable.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

QUIET_SECONDS = 2.0
"""A build faster than this shows no progress: the summary alone."""
REDRAW_SECONDS = 0.1


class Progress:
    def __init__(
        self,
        stream: TextIO,
        *,
        tty: bool | None = None,
        quiet_seconds: float = QUIET_SECONDS,
        redraw_seconds: float = REDRAW_SECONDS,
    ) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.quiet_seconds = quiet_seconds
        self.redraw_seconds = redraw_seconds
        self.started = time.perf_counter()
        self._stage = ""
        self._total = 0
        self._done = 0
        self._drawn = 0.0
        self._line_shown = False

    def stage(self, name: str, total: int = 0) -> None:
        """A new stage begins, with ``total`` items to do (0: not counted)."""
        self._stage, self._total, self._done = name, total, 0
        if self.tty:
            self._draw(force=True)
        else:
            counted = f" ({total})" if total else ""
            self.stream.write(f"{name}{counted}\n")
            self.stream.flush()

    def advance(self, count: int = 1) -> None:
        self._done += count
        if self.tty:
            self._draw()

    def _draw(self, *, force: bool = False) -> None:
        now = time.perf_counter()
        if now - self.started < self.quiet_seconds:
            return
        if not force and now - self._drawn < self.redraw_seconds:
            return
        self._drawn = now
        count = f" {self._done}/{self._total}" if self._total else ""
        line = f"{self._stage}{count}  {now - self.started:.1f} s"
        self.stream.write(f"\r\x1b[2K{line}")  # one line, redrawn: carriage return, erase line
        self.stream.flush()
        self._line_shown = True

    def drawn_elsewhere(self) -> None:
        """A forked child of this process may have drawn the line: :meth:`clear` erases it
        (on a terminal, erasing an empty line shows nothing)."""
        if self.tty:
            self._line_shown = True

    def clear(self) -> None:
        """Remove the progress line, so what follows starts on a clean line."""
        if self._line_shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._line_shown = False


@dataclass(frozen=True, slots=True)
class Summary:
    pages_by_kind: Mapping[str, int]
    files_written: int
    files_unchanged: int
    warnings: int
    seconds: float


def summary_table(summary: Summary) -> str:
    """Hugo-style: one row per kind of page, then files and warnings, then the time."""
    rows = [(kind, str(n)) for kind, n in sorted(summary.pages_by_kind.items())]
    rows.append(("pages in total", str(sum(summary.pages_by_kind.values()))))
    rows += [
        ("files written", str(summary.files_written)),
        ("files unchanged", str(summary.files_unchanged)),
        ("warnings", str(summary.warnings)),
    ]
    width = max(len(label) for label, _ in rows)
    number_width = max(len(value) for _, value in rows)
    lines = [f"  {label.ljust(width)}  {value.rjust(number_width)}" for label, value in rows]
    rule = "  " + "-" * (width + 2 + number_width)
    return "\n".join([rule, *lines, rule, f"  built in {summary.seconds:.2f} s"]) + "\n"
