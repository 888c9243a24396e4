"""What `site-builder build` prints as it works: one redrawn line on a terminal, plain in logs."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from corpusgen import generate
from site_builder.progress import Progress

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus6")
    generate.generate(6, out, seed=5, with_hugo=False)
    return out / "content"


def _command(content: Path, output: Path) -> list[str]:
    build = [sys.executable, "-m", "site_builder", "build"]
    return [*build, "--content", str(content), "--output", str(output), "--no-search"]


def _run_on_terminal(command: list[str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal, as in an interactive shell."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=follower, cwd=REPO)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            raise AssertionError("the build printed nothing for two minutes")
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closes when the build exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return process.wait(), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_build_ends_with_a_summary_table(content: Path, tmp_path: Path) -> None:
    code, shown = _run_on_terminal(_command(content, tmp_path / "site"))
    assert code == 0, shown
    table = _table(shown)
    assert table["transcript"] == 6
    assert table["pages in total"] == sum(
        n
        for label, n in table.items()
        if label not in ("pages in total", "files written")
        and not label.startswith(("files", "warnings"))
    )
    assert table["files written"] > table["pages in total"] and table["files unchanged"] == 0
    assert "built in" in shown
    # A build that finishes quickly shows no progress line at all, only the result.
    assert "reading transcripts (" not in shown

    code, again = _run_on_terminal(_command(content, tmp_path / "site"))
    assert code == 0 and _table(again)["files written"] == 0


def _table(shown: str) -> dict[str, int]:
    """The summary table's rows: label -> number."""
    rows = {}
    for line in shown.splitlines():
        label, _, number = line.strip().rpartition("  ")
        if line.startswith("  ") and number.isdigit():
            rows[label.strip()] = int(number)
    return rows


def test_log_build_prints_one_plain_line_per_stage(content: Path, tmp_path: Path) -> None:
    # A cache folder of its own: transcripts another test's build left in the session's cache
    # would not be read again, and the first stage would count none.
    done = subprocess.run(
        _command(content, tmp_path / "site"),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr + done.stdout
    stages = [line for line in done.stderr.splitlines() if "warning" not in line]
    assert stages[:2] == ["reading transcripts (6)", "indexing"]
    assert any(line.startswith("rendering pages (") for line in stages)
    assert "pages in total" not in done.stdout  # the table is for people at a terminal
    assert done.stdout.startswith("built ")


def test_slow_stage_redraws_one_line_in_place() -> None:
    terminal = io.StringIO()
    progress = Progress(terminal, tty=True, quiet_seconds=0.0, redraw_seconds=0.0)
    progress.stage("rendering pages", 3)
    for _ in range(3):
        progress.advance()
    progress.clear()
    shown = terminal.getvalue()
    assert "\n" not in shown  # never scrolls: every update overwrites the same line
    frames = [f for f in shown.split("\r\x1b[2K") if f]
    assert [f.split("  ")[0] for f in frames] == [f"rendering pages {n}/3" for n in range(4)]


def test_a_line_drawn_by_a_forked_child_is_erased_before_the_report() -> None:
    """A one-off build draws its progress in a child process; the line must not stay in front
    of the first error or the summary."""
    stream = io.StringIO()
    shown = Progress(stream, tty=True, quiet_seconds=0)
    shown.drawn_elsewhere()
    shown.clear()
    assert stream.getvalue() == "\r\x1b[2K"
    quiet = io.StringIO()
    logged = Progress(quiet, tty=False, quiet_seconds=0)
    logged.drawn_elsewhere()
    logged.clear()
    assert quiet.getvalue() == ""  # a log is never redrawn
