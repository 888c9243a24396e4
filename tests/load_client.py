"""A load generator for the preview server, run as its own process by tests/test_serve_load.py.

    python -m tests.load_client --port P --urls-file F --clients 50 --seconds 20

Each client is a thread with one keep-alive connection (reopened if the server closes it) that
fetches the listed paths in turn for the given time. Every response is checked as a user's
browser would need it: status 200, a Content-Length equal to the bytes received, and for HTML a
complete page (doctype first, ``</html>`` last, the site's ``<main>`` and the preview's reload
script in between). Prints one JSON object: counts, failures (first few described), latency
percentiles and, per path, which versions of the edited text were seen. Standard library only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import threading
import time
from dataclasses import dataclass, field

# The edited transcript carries one of these words; every page showing it must show exactly one.
VERSION = re.compile(rb"\bLoadversion\d+x\b")
SHOWN_FAILURES = 10


@dataclass
class Tally:
    """One client's results; merged at the end (no lock on the hot path)."""

    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    failed: int = 0
    versions: dict[str, set[str]] = field(default_factory=dict)


def check(path: str, status: int, headers: http.client.HTTPMessage, body: bytes) -> str | None:
    """What is wrong with one response, or None."""
    if status != 200:
        return f"{path}: status {status}"
    length = headers.get("Content-Length")
    if length is None or int(length) != len(body):
        return f"{path}: Content-Length {length} but {len(body)} bytes received"
    if not headers.get("Content-Type", "").startswith("text/html"):
        return None
    page = body.strip()
    if not page[:15].lower().startswith(b"<!doctype html>"):
        return f"{path}: HTML does not start with a doctype: {page[:60]!r}"
    if not page.endswith(b"</html>"):
        return f"{path}: HTML cut short, ends with {page[-60:]!r}"
    if b'<script src="/livereload.js"></script>' not in page or b"<main" not in page:
        return f"{path}: HTML lacks <main> or the reload script"
    if len(set(VERSION.findall(page))) > 1:
        return f"{path}: two versions of the edited text in one page"
    return None


def client(port: int, paths: list[str], start: int, deadline: float, tally: Tally) -> None:
    conn: http.client.HTTPConnection | None = None
    index = start
    while time.perf_counter() < deadline:
        path = paths[index % len(paths)]
        index += 1
        began = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            problem = check(path, response.status, response.headers, body)
            if response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            problem = f"{path}: {type(exc).__name__}: {exc}"
            if conn is not None:
                conn.close()
            conn = None
        tally.latencies.append(time.perf_counter() - began)
        if problem is not None:
            tally.failed += 1
            if len(tally.failures) < SHOWN_FAILURES:
                tally.failures.append(problem)
            continue
        for version in set(VERSION.findall(body)):
            tally.versions.setdefault(path, set()).add(version.decode())
    if conn is not None:
        conn.close()


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, object]:
    tallies = [Tally() for _ in range(clients)]
    began = time.perf_counter()
    deadline = began + seconds
    threads = [
        threading.Thread(target=client, args=(port, paths, i, deadline, tallies[i]))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = sorted(x for t in tallies for x in t.latencies)
    versions: dict[str, set[str]] = {}
    for tally in tallies:
        for path, seen in tally.versions.items():
            versions.setdefault(path, set()).update(seen)
    return {
        "requests": len(latencies),
        "failed": sum(t.failed for t in tallies),
        "failures": [f for t in tallies for f in t.failures][:SHOWN_FAILURES],
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "latency_ms": {
            name: round(1000 * percentile(latencies, q), 1)
            for name, q in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        }
        if latencies
        else {},
        "versions_seen": {path: sorted(seen) for path, seen in versions.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--urls-file", required=True, help="one URL path a line")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    with open(args.urls_file, encoding="utf-8") as stream:
        paths = [line.strip() for line in stream if line.strip()]
    print(json.dumps(run(args.port, paths, args.clients, args.seconds)), flush=True)


if __name__ == "__main__":
    main()
