"""``kill -9`` at a random moment of a real build leaves a whole site that a web server serves."""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_builder.write import MARKER

from .sitetree import make_content, snapshot

TRANSCRIPTS, STATICS, KILLS = 200, 100, 6


def start_build(content: Path, output: Path, cwd: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "site_builder", "build"]
    command += ["--content", str(content), "--output", str(output)]
    return subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> None:
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A plain web server over ``tmp_path/_site``, resolving each request anew like nginx."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path / "_site"), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output to failures

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def assert_served(base: str, tree: dict[str, bytes]) -> None:
    for url, rel in [
        ("/", "index.html"),
        ("/transcripts/call-007/", "transcripts/call-007/index.html"),
        ("/static/asset-042.css", "static/asset-042.css"),
    ]:
        with urllib.request.urlopen(base + url, timeout=10) as response:
            assert response.status == 200
            assert response.read() == tree[rel]


def test_sigkill_at_any_moment_leaves_the_previous_or_the_new_site_whole(
    tmp_path: Path, server: str
) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    content, output = tmp_path / "content", tmp_path / "_site"
    standby_marker = tmp_path / "._site.site-builder-standby" / MARKER
    expected: dict[str, dict[str, bytes]] = {}
    seconds = 0.0
    for version in ("b", "a"):  # reference builds elsewhere; "a" is then built into the output
        make_content(content, TRANSCRIPTS, version, STATICS)
        started = time.perf_counter()
        finish(start_build(content, tmp_path / "references" / version, tmp_path))
        seconds = max(seconds, time.perf_counter() - started)
        expected[version] = snapshot(tmp_path / "references" / version)
    finish(start_build(content, output, tmp_path))
    current, landed = "a", []
    for attempt in range(KILLS):
        target = "b" if current == "a" else "a"
        make_content(content, TRANSCRIPTS, target, STATICS)
        process = start_build(content, output, tmp_path)
        if attempt % 2:  # anywhere in the run: start-up, reading, rendering, writing, swapping
            time.sleep(rng.uniform(0, seconds * 1.1))
        else:  # aimed at the write phase: once the build has begun updating the standby tree
            while process.poll() is None and standby_marker.exists():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.15))
        process.kill()
        process.communicate()
        tree = snapshot(output)
        context = f"seed {seed}, attempt {attempt}"
        assert tree in (expected[current], expected[target]), context
        assert_served(server, tree)
        landed.append("mid-write" if not standby_marker.exists() else "before/after")
        current = target if tree == expected[target] else current
    make_content(content, TRANSCRIPTS, current, STATICS)  # a rebuild after the last kill
    finish(start_build(content, output, tmp_path))
    assert snapshot(output) == expected[current]
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert leftovers == ["._site.site-builder-standby"]
    assert standby_marker.is_file()
    print(f"kills (seed {seed}): {landed}")
