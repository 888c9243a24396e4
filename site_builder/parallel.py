"""Run a list of independent calls on every core, results in order.

Worker processes are forked, so they inherit the calls (closures over the loaded site, the Jinja
environment with its compiled templates) instead of receiving them pickled; only each call's
result travels back. Where ``fork`` is unavailable (Windows, macOS defaults) or there is too
little work to pay for starting workers, the calls run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

MIN_CALLS_PER_WORKER = 16
"""Below this much work per core a fork costs more than it saves."""

_calls: Sequence[Callable[[], object]] = ()


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
        results = []
        for call in calls:
            results.append(call())
            if on_done is not None:
                on_done(1)
        return results
    global _calls
    _calls = calls
    # Small batches keep both cores busy to the end although calls differ in cost; the
    # interleaved order spreads the big transcripts and person pages over the batches.
    batches = min(len(calls), jobs * 16)
    ranges = [range(start, len(calls), batches) for start in range(batches)]
    results_by_index: list[T | None] = [None] * len(calls)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for indices, batch in pool.imap_unordered(_run_batch, ranges):
                for index, result in zip(indices, batch, strict=True):
                    results_by_index[index] = result
                if on_done is not None:
                    on_done(len(batch))
    finally:
        _calls = ()
    return results_by_index  # type: ignore[return-value]  # every index was filled


def _run_batch(indices: range) -> tuple[range, list[object]]:
    return indices, [_calls[i]() for i in indices]
