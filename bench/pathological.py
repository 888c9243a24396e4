"""Do hostile inputs parse in about the time of a real transcript of the same size?

``python -m bench.pathological [--factor 20]`` parses each input of ``tests/hostile_inputs.py``
(one huge line, 100,000 near-labels, runs of damaged characters) and the seed transcript
repeated to the same byte size, best of two runs each, and prints the ratio. Catastrophic regex
backtracking or a loop that rescans what it has seen costs 100x and more; a ratio over
``--factor`` (default 20) is reported as a failure and the exit status is 1. Timings belong here,
not in the test suite: a time limit in a test fails whenever the machine is busy.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from site_builder import pipeline
from site_builder.load import repair, sources
from site_builder.model import ParsedTranscript, SourceText
from tests.hostile_inputs import PATHOLOGICAL

SEED = (
    Path(__file__).resolve().parents[1] / "tests" / "corpus" / "seed" / "000_b1b0479d018b9915.txt"
)
FLOOR_SECONDS = 0.05  # timer noise on tiny inputs


def parse_bytes(data: bytes) -> ParsedTranscript:
    text, encoding, warnings = sources.decode(data)
    text, repairs = repair.repair_text(text)
    source = SourceText("hostile.txt", text, encoding, tuple(warnings) + tuple(repairs))
    return pipeline.parse(source)


def best_time(action: Callable[[], object], runs: int = 2) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def normal_input(size: int) -> bytes:
    """The seed transcript repeated to ``size`` bytes, cut at a line end."""
    seed = SEED.read_bytes()
    data = (seed + b"\n") * (size // len(seed) + 1)
    return data[: max(data.rfind(b"\n", 0, size), 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factor", type=float, default=20.0)
    args = parser.parse_args()
    failed = 0
    print(f"{'input':<45} {'bytes':>10} {'hostile s':>10} {'seed s':>8} {'ratio':>7}")
    for name, data in PATHOLOGICAL.items():
        normal = normal_input(len(data))
        hostile_s = best_time(lambda d=data: parse_bytes(d))
        normal_s = best_time(lambda d=normal: parse_bytes(d))
        ratio = hostile_s / max(normal_s, 1e-6)
        over = hostile_s > args.factor * normal_s + FLOOR_SECONDS
        failed += over
        flag = "  TOO SLOW" if over else ""
        print(
            f"{name:<45} {len(data):>10,} {hostile_s:>10.3f} {normal_s:>8.3f} {ratio:>7.1f}{flag}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
