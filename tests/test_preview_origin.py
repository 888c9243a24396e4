"""The preview serves only its own origin: ``Host`` and websocket ``Origin`` are checked,
malformed websocket messages cost one log line, and binding beyond loopback is warned about."""

from __future__ import annotations

import asyncio
import http.client
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from .browser import CONTENT, free_port

pytestmark = pytest.mark.slow
SERVE = [sys.executable, "-m", "site_builder", "serve"]


class Server:
    def __init__(self, workdir: Path, host: str) -> None:
        shutil.copytree(CONTENT, workdir / "content")
        self.port = free_port()
        self.stderr = workdir / "serve.err"
        self.process = subprocess.Popen(
            [*SERVE, "--content", "content", "--output", "_site", *self.where(host)],
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr.open("wb"),
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                if self.get("/", f"127.0.0.1:{self.port}") == 200:
                    return
            except OSError:
                time.sleep(0.05)
        pytest.fail(f"the preview did not answer:\n{self.log()}")

    def where(self, host: str) -> list[str]:
        return ["--host", host, "--port", str(self.port)]

    def log(self) -> str:
        return self.stderr.read_text()

    def get(self, path: str, host: str) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.putrequest("GET", path, skip_host=True)
            conn.putheader("Host", host)
            conn.endheaders()
            return conn.getresponse().status
        finally:
            conn.close()

    def socket(self, origin: str, messages: list[str]) -> list[str | None]:
        """Open the livereload websocket from ``origin``, send ``messages``, return the replies
        (one read after each message, None when none came in half a second)."""

        async def talk() -> list[str | None]:
            request = HTTPRequest(
                f"ws://127.0.0.1:{self.port}/livereload", headers={"Origin": origin}
            )
            conn = await websocket_connect(request)
            replies: list[str | None] = []
            for message in messages:
                await conn.write_message(message)
                try:
                    replies.append(await asyncio.wait_for(conn.read_message(), 0.5))
                except TimeoutError:
                    replies.append(None)
            conn.close()
            return replies

        # In a thread of its own: a browser test may have left this thread an event loop.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, talk()).result()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Server]:
    server = Server(tmp_path, "127.0.0.1")
    yield server
    server.stop()


def test_requests_naming_another_host_are_refused(local: Server) -> None:
    port = local.port
    assert "WARNING" not in local.log()  # bound to loopback: nothing to warn about
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert local.get("/", host) == 200, host
    for host in (f"attacker.example:{port}", "rebind.attacker.example", "", "127.0.0.1.evil"):
        assert local.get("/", host) == 421, host
        assert local.get("/__site-builder/status", host) == 421, host
        assert local.get("/livereload.js", host) == 421, host


def test_the_websocket_opens_only_from_its_own_pages(local: Server) -> None:
    hello = '{"command": "hello", "protocols": []}'
    own = local.socket(f"http://127.0.0.1:{local.port}", [hello])
    assert own[0] is not None and '"hello"' in own[0]
    for origin in ("http://attacker.example", f"http://localhost.evil:{local.port}", "null"):
        with pytest.raises(HTTPClientError) as refused:
            local.socket(origin, [hello])
        assert refused.value.code == 403, origin


def test_malformed_websocket_messages_are_ignored_with_one_line_each(local: Server) -> None:
    junk = ["not json", "[1, 2]", '{"no": "command"}', '{"command": 7}', "{"]
    hello = '{"command": "hello", "protocols": []}'
    replies = local.socket(f"http://127.0.0.1:{local.port}", [*junk, hello])
    assert replies[:-1] == [None] * len(junk)
    assert replies[-1] is not None and '"hello"' in replies[-1]  # the connection still works
    time.sleep(0.2)
    log = local.log()
    assert "Traceback" not in log
    assert log.count("ignored a malformed livereload message") == len(junk)


def test_binding_beyond_loopback_warns_and_still_checks_host(tmp_path: Path) -> None:
    server = Server(tmp_path, "0.0.0.0")
    try:
        assert "WARNING: serving on 0.0.0.0" in server.log()
        assert "anyone on the network can read the drafts" in server.log()
        assert server.get("/", f"127.0.0.1:{server.port}") == 200
        assert server.get("/", f"attacker.example:{server.port}") == 421
    finally:
        server.stop()
