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

from site_builder.output.write import MARKER

from .sitetree import make_content, snapshot

TRANSCRIPTS, STATICS, KILLS = 120, 80, 6


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
    make_content(content, TRANSCRIPTS, "a", STATICS)
    started = time.perf_counter()
    finish(start_build(content, output, tmp_path))
    seconds = time.perf_counter() - started
    landed = []
    for attempt in range(KILLS):
        before = snapshot(output)
        make_content(
            content, TRANSCRIPTS, "b" if attempt % 2 == 0 else "a", STATICS
        )  # every page changes
        process = start_build(content, output, tmp_path)
        if attempt % 2:  # anywhere in the run: start-up, reading, rendering, writing, swapping
            time.sleep(rng.uniform(0, seconds * 1.1))
        else:  # aimed at the write phase: once the build has begun updating the standby tree
            while process.poll() is None and standby_marker.exists():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.15))
        process.kill()
        process.communicate()
        landed.append("mid-write" if not standby_marker.exists() else "before/after")
        killed = snapshot(output)
        assert_served(server, killed)
        finish(start_build(content, output, tmp_path))  # the next run cleans up and completes
        after = snapshot(output)
        # Whole: the old site untouched, or the new one complete (the kill came after the swap).
        assert killed in (before, after), f"seed {seed}, attempt {attempt}"
        assert before != after
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert leftovers == ["._site.site-builder-standby"]
    assert standby_marker.is_file()
    print(f"kills (seed {seed}): {landed}")
