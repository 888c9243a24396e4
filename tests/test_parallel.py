"""Builds spread their calls over this process and forked helpers: results must come back whole,
in order, with a helper's failure reported, and no helper may outlive a killed build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from site_builder import parallel


def _square(i: int) -> tuple[int, int]:
    time.sleep(0.002)  # as a page takes a while, so both processes get some
    return i * i, os.getpid()


def test_results_come_back_in_order_from_both_processes() -> None:
    calls = [lambda i=i: _square(i) for i in range(200)]
    done: list[int] = []
    results = parallel.run_all(calls, 2, done.append)
    assert [square for square, _ in results] == [i * i for i in range(200)]
    workers = {pid for _, pid in results}
    assert os.getpid() in workers and len(workers) == 2  # this process works too
    assert sum(done) == 200


def test_a_failing_call_in_a_helper_is_raised_with_its_traceback() -> None:
    parent = os.getpid()

    def call(i: int) -> int:
        if os.getpid() != parent and i % 7 == 3:
            raise ValueError(f"bad input number {i}")
        time.sleep(0.001)
        return i

    with pytest.raises(parallel.WorkerError, match=r"(?s)ValueError: bad input number"):
        parallel.run_all([lambda i=i: call(i) for i in range(300)], 2)


def test_helpers_die_with_a_killed_build(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = textwrap.dedent(
        f"""
        import os, time
        from site_builder import parallel

        def call():
            with open({str(pids)!r}, "a") as f:
                f.write(f"{{os.getpid()}}\\n")
            time.sleep(0.05)

        parallel.run_all([call] * 400, 2)
        """
    )
    build = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        seen = set(pids.read_text().split()) if pids.exists() else set()
        if len(seen) >= 2:
            break
        time.sleep(0.05)
    helpers = {int(pid) for pid in seen} - {build.pid}
    assert helpers, "the helper never started"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in helpers), "a helper outlived the killed build"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_a_transcript_loaded_in_a_helper_arrives_whole(tmp_path: Path) -> None:
    """Loaded calls travel pickled; records pickled by their fields must come back equal."""
    from site_builder.annotate import sidecars
    from site_builder.errors import Diagnostics
    from site_builder.load import sources
    from site_builder.pipeline import load_one

    from .browser import CONTENT

    diagnostics = Diagnostics()
    site = sidecars.load_site_annotations(CONTENT, diagnostics)
    found = sources.discover(CONTENT, diagnostics)
    here = [load_one(source, site) for source in found] * 40  # enough for a helper
    there = parallel.run_all([lambda s=s: load_one(s, site) for s in found * 40], 2)
    assert [t.transcript for t in there] == [t.transcript for t in here]
    assert [t.call for t in there] == [t.call for t in here]
    assert [t.speech for t in there] == [t.speech for t in here]


def test_work_done_apart_comes_back_and_its_process_is_gone() -> None:
    result = parallel.run_apart(lambda: (os.getpid(), [1, 2, 3]))
    child, value = result
    assert value == [1, 2, 3] and child != os.getpid()
    assert not _alive(child)  # reaped: its memory went back to the system


def test_a_build_error_apart_is_raised_as_itself_and_a_bug_with_its_traceback() -> None:
    from site_builder.output.guard import OutputError

    def refuse() -> None:
        raise OutputError("refusing to write 'x': not a plain path inside the output")

    with pytest.raises(OutputError, match="refusing to write 'x'"):
        parallel.run_apart(refuse)

    def bug() -> None:
        {}["missing"]

    with pytest.raises(parallel.WorkerError, match=r"(?s)in bug\n.*KeyError: 'missing'"):
        parallel.run_apart(bug)
    with pytest.raises(parallel.ChildDied, match=r"died \(exit code 3\)"):
        parallel.run_apart(lambda: os._exit(3))
    with pytest.raises(parallel.ChildDied, match=r"killed by SIGKILL \(out of memory\?"):
        parallel.run_apart(lambda: os.kill(os.getpid(), signal.SIGKILL))


def test_work_apart_may_use_helpers_of_its_own() -> None:
    def spread() -> set[int]:
        return {pid for _, pid in parallel.run_all([lambda i=i: _square(i) for i in range(80)], 2)}

    assert len(parallel.run_apart(spread)) == 2
