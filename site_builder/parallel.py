"""Run a list of independent calls on every core, results in order.

This process works through the calls itself, beside ``jobs - 1`` forked helpers: each takes the
next batch of neighbouring calls until none is left (helpers from the front of the list, this
process from the back), and a helper sends its results back through a pipe. Forked helpers
inherit the calls (closures over the loaded site, the Jinja environment with its compiled
templates) instead of receiving them pickled; only results travel.

Why this process works too, rather than waiting on a pool of ``jobs`` workers: a forked process
shares its parent's memory only until it touches it, and rendering touches most of the site's
objects (reading an object writes its reference count). Each extra process ends up holding its
own copy of the model, so one helper per extra core, not one per core, keeps a two-core build
near twice one process's memory instead of three times.

Where ``fork`` is unavailable (Windows, macOS defaults) or there is too little work to pay for a
helper, the calls run in this process alone.

:func:`run_apart` runs one call in a forked child instead, for work whose memory should end with
it (a one-off build's loading and rendering, before Pagefind runs).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import SynchronizedArray
from typing import TypeVar

from site_builder.errors import BuildError

T = TypeVar("T")

MIN_CALLS_PER_WORKER = 16
"""Below this much work per core a fork costs more than it saves."""
BATCHES_PER_WORKER = 32
"""Small batches keep every core busy to the end although calls differ in cost."""


class WorkerError(RuntimeError):
    """A call raised in a helper process; the message carries the helper's traceback."""


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_all(
    calls: Sequence[Callable[[], T]],
    jobs: int,
    on_done: Callable[[int], None] | None = None,
) -> list[T]:
    """``[call() for call in calls]``, spread over ``jobs`` processes; ``on_done(n)`` per batch."""
    jobs = min(jobs, len(calls) // MIN_CALLS_PER_WORKER)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        done: list[T] = []
        for call in calls:
            done.append(call())
            if on_done is not None:
                on_done(1)
        return done
    # Runs of neighbouring calls (one call's pages, then the next call's), so each process
    # reads about its share of the site's objects and leaves the rest shared.
    size = -(-len(calls) // min(len(calls), jobs * BATCHES_PER_WORKER))
    batches = [range(start, min(start + size, len(calls))) for start in range(0, len(calls), size)]
    context = multiprocessing.get_context("fork")
    # Batches not yet taken are those from taken[0] up to taken[1]: helpers take from the
    # front, this process from the back.
    taken = context.Array("i", [0, len(batches)])
    results: list[T | None] = [None] * len(calls)
    done_lock = threading.Lock()

    received: list[tuple[range, bytes]] = []
    """Helpers' batches, still pickled: unpickled once this process has no work left."""

    def finished(indices: range, batch: list[T] | bytes) -> None:
        with done_lock:
            if isinstance(batch, bytes):
                received.append((indices, batch))
            else:
                for index, result in zip(indices, batch, strict=True):
                    results[index] = result
            if on_done is not None:
                on_done(len(indices))

    # The garbage collector writes to every object it scans: frozen, the objects made so far are
    # not scanned in the helpers, so their pages stay shared for longer.
    gc.freeze()
    helpers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    readers: list[threading.Thread] = []
    failures: list[str] = []
    try:
        for _ in range(jobs - 1):
            receiving, sending = context.Pipe(duplex=False)
            _widen(sending)
            helper = context.Process(
                target=_help, args=(calls, batches, taken, sending), daemon=True
            )
            helper.start()
            sending.close()
            helpers.append((helper, receiving))
            readers.append(
                threading.Thread(
                    target=_receive, args=(receiving, batches, finished, failures), daemon=True
                )
            )
            readers[-1].start()
        while (number := _next(taken, from_back=True)) is not None:
            indices = batches[number]
            finished(indices, [calls[i]() for i in indices])
        for reader in readers:
            reader.join()
        for process, _ in helpers:
            process.join()
        while received:  # each batch's bytes dropped as soon as they are unpickled
            indices, pickled = received.pop()
            for index, result in zip(indices, pickle.loads(pickled), strict=True):
                results[index] = result
        if failures:
            raise WorkerError(failures[0])
        died = [h.exitcode for h, _ in helpers if h.exitcode != 0]
        if died:
            raise WorkerError(f"a helper process died (exit code {died[0]}) before finishing")
    finally:
        for process, _ in helpers:
            if process.is_alive():  # this process failed first: stop the helpers' work
                process.kill()
            process.join()
        for reader in readers:
            reader.join()  # the pipe ends with its helper
        for _, receiving in helpers:
            receiving.close()
        gc.unfreeze()
    return results  # type: ignore[return-value]  # every index was filled


def resident_bytes() -> int | None:
    """This process's resident memory now (Linux); None where it cannot be read cheaply."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def run_apart(call: Callable[[], T]) -> T:
    """``call()`` in a forked child process that exits once it has sent its result back.

    For work whose memory this process must not keep afterwards: CPython returns little of
    what a large build frees to the system (its arenas stay pinned by the few objects left in
    each), so the memory goes back only when the process that used it ends. The call's
    exceptions come back too: a :class:`~site_builder.errors.BuildError` is raised here as
    itself, anything else as a :class:`WorkerError` carrying the child's traceback; a child
    that dies (killed for want of memory, say) is a :class:`ChildDied`.

    Only on Linux, where the child is sure to die with this process (``PR_SET_PDEATHSIG``):
    elsewhere a child whose parent was killed would go on building, holding the output's lock.
    There, and where ``fork`` is unavailable, the call runs in this process.
    """
    if (
        not sys.platform.startswith("linux")
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return call()
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    _widen(sending)
    # Not a daemon: multiprocessing forbids daemons their own helpers, and the call may fork
    # some (run_all). It dies with this process all the same (_die_with_parent).
    child = context.Process(target=_apart, args=(call, sending, os.getpid()))
    child.start()
    sending.close()
    try:
        try:
            kind, payload = pickle.loads(receiving.recv_bytes())
        except EOFError:
            kind, payload = "died", None
        child.join()
    finally:
        if child.is_alive():  # this process was interrupted: the child's work is unwanted
            child.kill()
            child.join()
        receiving.close()
    if kind == "done":
        return payload
    if kind == "raised":
        raise payload
    if kind == "failed":
        raise WorkerError(f"the build's child process failed:\n{payload}")
    raise ChildDied(_death(child.exitcode))


class ChildDied(BuildError):
    """The child of :func:`run_apart` ended without a word: killed, most often for memory."""


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory? the system kills the largest process)" if name == "SIGKILL" else ""
        return f"the build's child process was killed by {name}{hint}"
    return f"the build's child process died (exit code {code})"


def _apart(call: Callable[[], object], sending: Connection, parent: int) -> None:
    """The child of :func:`run_apart`: the call, its result or exception sent back, then gone
    without running exit handlers that belong to the parent (locks, temporary folders)."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    code = 0
    try:
        sending.send_bytes(_outcome(call))
    except BaseException:  # interrupted, or the parent reads no more: it reports the exit code
        code = 1
    finally:
        sending.close()
        os._exit(code)


def _outcome(call: Callable[[], object]) -> bytes:
    try:
        return pickle.dumps(("done", call()), pickle.HIGHEST_PROTOCOL)
    except BuildError as exc:
        try:
            raised = pickle.dumps(("raised", exc), pickle.HIGHEST_PROTOCOL)
            pickle.loads(raised)  # an exception may pickle and yet not be rebuilt
            return raised
        except Exception:
            return pickle.dumps(("failed", "".join(traceback.format_exception(exc))))
    except Exception:
        return pickle.dumps(("failed", traceback.format_exc()))


def _next(taken: SynchronizedArray[int], from_back: bool = False) -> int | None:
    """The next batch nobody has taken, from the front or the back; None when all are taken.

    This process works from the back of the list and its helpers from the front, so each
    process renders pages of its own part of the site and writes to fewer of the objects it
    shares with the others: a forked helper copies every memory page whose objects it touches
    (reading an object writes its reference count): 8 % fewer page faults at 1,000 calls."""
    with taken.get_lock():
        front, back = taken[0], taken[1]
        if front >= back:
            return None
        if from_back:
            taken[1] = back - 1
            return back - 1
        taken[0] = front + 1
        return front


def _help(
    calls: Sequence[Callable[[], object]],
    batches: list[range],
    taken: SynchronizedArray[int],
    sending: Connection,
) -> None:
    """A helper's life: batches until none is left, each result sent as soon as it is made."""
    parent = os.getppid()
    _die_with_parent()
    try:
        # A helper whose parent was killed must not go on writing pages nobody will publish.
        while os.getppid() == parent and (number := _next(taken)) is not None:
            # Pickled here and sent as bytes in one message, so the parent can leave it pickled
            # until its own work is done.
            batch = pickle.dumps([calls[i]() for i in batches[number]], pickle.HIGHEST_PROTOCOL)
            sending.send((number, batch))
        sending.send(None)
    except BaseException:  # sent to the parent, which raises it with this traceback
        sending.send(("error", traceback.format_exc()))
    finally:
        sending.close()


def _widen(connection: Connection) -> None:
    """A pipe of 1 MiB instead of 64 KiB: a helper's batch is megabytes, and with a small pipe
    the helper waits at every 64 KiB for this process's reader thread to get the interpreter
    lock, which this process's own work holds (a third of the helper's time, measured)."""
    # Not Linux, or a system that caps pipes lower: the default pipe works, only slower.
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl  # not on Windows, where this module runs the calls in one process

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


def _die_with_parent() -> None:
    """Ask Linux to kill this process the moment its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent check before each batch stops the helper instead


def _receive(
    receiving: Connection,
    batches: list[range],
    finished: Callable[[range, bytes], None],
    failures: list[str],
) -> None:
    """Drains one helper's pipe, so a helper never waits for this process to read."""
    try:
        while True:
            message = receiving.recv()
            if message is None:
                return
            number, payload = message
            if number == "error":
                failures.append(f"a helper process failed:\n{payload}")
                return
            # Kept pickled: unpickling here would hold the lock this process's own work needs.
            finished(batches[number], payload)
    except EOFError:
        return  # the helper died without a word: run_all reports its exit code
