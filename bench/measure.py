"""Time a command and measure its peak memory; snapshot an output folder.

Peak memory is reported three ways: ``max_rss_mb`` is the kernel's high-water mark for the largest
single process in the tree (``ru_maxrss`` from ``wait4``); ``tree_rss_mb`` is the largest sum of
the resident memory of the process and all its descendants, and ``tree_pss_mb`` the largest sum of
their *proportional* set size, both sampled every 20 ms from /proc. Forked workers share their
parent's pages until they write them, and resident size counts a shared page once in every process
holding it; proportional size splits it between them, so ``tree_pss_mb`` is the memory the build
really takes from the machine, and ``tree_rss_mb`` overstates it by the pages the workers share.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.02


@dataclass(frozen=True, slots=True)
class Run:
    command: tuple[str, ...]
    seconds: float
    cpu_seconds: float
    """User plus system time of the process and the children it waited for."""
    load_before: float
    """One-minute load average when the command started: other work on the machine."""
    returncode: int
    max_rss_mb: float
    tree_rss_mb: float
    tree_pss_mb: float
    stdout: str
    stderr: str


def _process_table() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, resident pages) for every process we can read."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:  # the process ended while we were listing
            continue
        # The command name (field 2) may hold spaces; fields after its closing paren are fixed.
        fields = stat[stat.rindex(b")") + 2 :].split()
        table[int(entry.name)] = (int(fields[1]), int(fields[21]))
    return table


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:  # ended while we were reading
        pass
    return 0


def tree_memory_bytes(root: int) -> tuple[int, int]:
    """(resident, proportional) bytes of ``root`` and all its descendants."""
    table = _process_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in table:
            rss += table[pid][1] * _PAGE_SIZE
            pss += _pss_bytes(pid)
        stack.extend(children.get(pid, ()))
    return rss, pss


def tree_rss_bytes(root: int) -> int:
    return tree_memory_bytes(root)[0]


def run(command: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``command`` to completion; wall time from spawn to exit.

    Dirty pages from earlier steps are flushed first so their write-back is not timed here.
    """
    os.sync()
    load_before = os.getloadavg()[0]
    peak = peak_pss = 0
    done = threading.Event()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        text=True,
    )

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.wait(SAMPLE_SECONDS):
            rss, pss = tree_memory_bytes(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # communicate() drains both pipes (a build may print a lot); wait4 then reaps the child so
    # its rusage is ours to read. Popen must not reap it first, hence no communicate-with-wait.
    stdout_chunks: list[str] = []
    stderr_chunks: list[str] = []
    readers = [
        threading.Thread(target=lambda: stdout_chunks.append(process.stdout.read())),  # type: ignore[union-attr]
        threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read())),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    for reader in readers:
        reader.join()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        command=tuple(command),
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        load_before=load_before,
        returncode=process.returncode,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_rss_mb=peak / 2**20,
        tree_pss_mb=peak_pss / 2**20,
        stdout="".join(stdout_chunks),
        stderr="".join(stderr_chunks),
    )


@dataclass(frozen=True, slots=True)
class FileState:
    inode: int
    mtime_ns: int
    digest: bytes


def snapshot(folder: Path) -> dict[str, FileState]:
    """Every file below ``folder`` with what tells a rewrite (inode, mtime) and a change (hash)."""
    state: dict[str, FileState] = {}
    if not folder.is_dir():
        return state
    for path in folder.rglob("*"):
        if path.is_file():
            st = path.stat()
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
            state[path.relative_to(folder).as_posix()] = FileState(
                st.st_ino, st.st_mtime_ns, digest
            )
    return state


@dataclass(frozen=True, slots=True)
class OutputChange:
    touched: int
    """Files created, rewritten or replaced (new inode or mtime), whether or not bytes changed."""
    changed: int
    """Files whose bytes differ, plus files created."""
    removed: int


def compare(before: dict[str, FileState], after: dict[str, FileState]) -> OutputChange:
    touched = changed = 0
    for name, now in after.items():
        old = before.get(name)
        if old is None:
            touched += 1
            changed += 1
            continue
        if (old.inode, old.mtime_ns) != (now.inode, now.mtime_ns):
            touched += 1
        if old.digest != now.digest:
            changed += 1
    return OutputChange(touched, changed, sum(1 for name in before if name not in after))


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) below ``folder``."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files
