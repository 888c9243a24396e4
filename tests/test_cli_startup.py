"""``site-builder --help`` and ``--version`` answer without loading the pipeline.

They are what a user (or a shell completion, or CI checking the install) runs most often and
expects at once; importing Jinja, Markdown, YAML and every reader took half a second.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import CONTENT

HEAVY = ("jinja2", "markdown_it", "yaml", "ftfy", "orjson", "asyncio", "pagefind")
PROBE = """
import sys
from site_builder import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED", *sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r}
      or m.startswith("site_builder.") and m != "site_builder.cli"))
"""


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["build", "--help"]])
def test_help_and_version_load_nothing_heavy(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = done.stdout.strip().splitlines()[-1].split()[1:]
    assert loaded == []
    assert "site-builder" in done.stdout


def test_parse_help_still_lists_every_reader() -> None:
    from site_builder import readers

    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "parse", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    shown = " ".join(done.stdout.split())
    for name in readers.reader_names():
        assert name in shown


def test_a_build_with_nothing_changed_answers_without_loading_the_pipeline(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = ["build", "--content", str(CONTENT), "--output", str(tmp_path / "site"), "--no-search"]
    first = subprocess.run(
        [sys.executable, "-m", "site_builder", *argv], capture_output=True, text=True, env=env
    )
    assert first.returncode == 0, first.stderr
    again = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *argv],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "(0 files written, " in again.stdout
    loaded = again.stdout.strip().splitlines()[-1].split()[1:]
    assert not [m for m in loaded if m.split(".")[0] in HEAVY], loaded
    # The warnings of the build it stands for are shown again, as a full build shows them.
    assert again.stderr.count("warning") == first.stderr.count("warning") > 0
