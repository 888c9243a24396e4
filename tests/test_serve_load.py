"""The preview server under load while content changes: nothing fails, nothing half-served.

A second process (tests/load_client.py: 50 threads with keep-alive connections, 127.0.0.1 only)
fetches every page of the demo site for a bounded time while this test edits a transcript every
second, so the server rebuilds and swaps its output folder under the clients' feet. The figures
(requests/s, latency percentiles, memory) are printed; run with ``-s`` to see them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .browser import REPO, html_pages
from .test_serve import EditTarget, Preview, edit_target, wait_until
from .test_serve import preview as preview  # the fixture: a server on a copy of the demo

pytestmark = pytest.mark.slow
CLIENTS = 50
# 10 s keeps the suite short; `LOAD_SECONDS=20 pytest tests/test_serve_load.py -s` for the full run.
SECONDS = float(os.environ.get("LOAD_SECONDS", "10"))
WARM_UP_SECONDS = 2.0
# The server keeps the site's rendered pages and parsed transcripts in memory; what a rebuild
# allocates must be given back, so memory at the end may exceed memory after warm-up only by
# allocator noise, not by anything that grows with the number of rebuilds.
RSS_GROWTH_LIMIT_MB = 40


def rss_mb(pid: int) -> float:
    """Resident memory of one process (not its children), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def version(number: int) -> str:
    return f"Loadversion{number}x"


def test_fifty_clients_while_editing_get_only_complete_pages(
    preview: Preview, tmp_path: Path
) -> None:
    target: EditTarget = edit_target(preview.content)
    site = preview.content.parent / "_site"
    paths = ["/" + p for p in html_pages(site)]
    paths += ["/static/style.css", "/feed.xml", "/sitemap.xml"]
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    builds_before = preview.status()["builds"]

    load = subprocess.Popen(
        [
            *[sys.executable, "-m", "tests.load_client", "--port", str(preview.port)],
            *["--urls-file", str(urls_file), "--clients", str(CLIENTS), "--seconds", str(SECONDS)],
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started = time.perf_counter()
    time.sleep(WARM_UP_SECONDS)
    rss_after_warm_up = rss_mb(preview.process.pid)
    previous, edits = target.word, 0
    while time.perf_counter() - started < SECONDS - 1:
        edits += 1
        text = target.transcript.read_text(encoding="utf-8")
        target.transcript.write_text(text.replace(previous, version(edits)), encoding="utf-8")
        previous = version(edits)
        time.sleep(1.0)
    out, err = load.communicate(timeout=SECONDS + 120)
    assert load.returncode == 0, err
    report = json.loads(out)
    wait_until(lambda: previous in preview.request(target.url)[2], 30, "the last edit to be served")
    rss_at_end = rss_mb(preview.process.pid)
    builds = preview.status()["builds"] - builds_before
    print(
        f"\n{CLIENTS} clients, {report['seconds']} s, {edits} edits, {builds} rebuilds announced: "
        f"{report['requests']} requests, {report['requests_per_second']} requests/s, "
        f"latency ms {report['latency_ms']}, failed {report['failed']}; server RSS "
        f"{rss_after_warm_up:.0f} MB after warm-up, {rss_at_end:.0f} MB at the end"
    )

    assert report["failed"] == 0, "\n".join(report["failures"])
    assert report["requests"] > CLIENTS * SECONDS, "the clients hardly got through"
    # The clients saw the edited page change under them, so the swaps happened during the load.
    seen = report["versions_seen"].get(target.url, [])
    assert len(seen) >= 3, f"only {seen} of {edits} edits were seen by the clients"
    assert builds >= 3, "the edits did not lead to rebuilds while under load"
    assert rss_at_end - rss_after_warm_up < RSS_GROWTH_LIMIT_MB
    assert "Traceback" not in preview.log()
