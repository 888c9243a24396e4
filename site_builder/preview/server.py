"""``site-builder serve``: build, serve the output folder over HTTP, rebuild and reload on change.

One Tornado server on one port carries the site, the livereload websocket (``/livereload``) and
livereload's browser script (``/livereload.js``). We use livereload's protocol handlers but not
its ``Server``: its watcher reloads per changed file. Instead :mod:`site_builder.preview.rebuild`
rebuilds
once per burst of saves, and we tell the open browsers to reload once that rebuild has finished.

While the last rebuild failed, the last good site stays served and every HTML page carries a banner
with the errors (``path:line:col: ...``); the next good rebuild removes it.

Rebuilds skip search indexing; after each reload :mod:`site_builder.preview.search` indexes the
served pages in the background, and ``/pagefind/...`` is answered from its newest index.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import signal
import socket
import sys
from pathlib import Path

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from site_builder.preview.origin import (
    GuardedLiveReload,
    SameHost,
    allowed_hosts,
    warn_if_exposed,
)
from site_builder.preview.pages import (
    CATCH_UP_JS,
    CATCH_UP_JS_URL,
    OVERLAY_CSS,
    OVERLAY_CSS_URL,
    STATUS_URL,
    content_type,
    inject_preview,
    read_request_path,
)
from site_builder.preview.rebuild import BuildOutcome, Rebuilder
from site_builder.preview.search import SearchRefresher
from site_builder.urls import SEARCH_BUNDLE

SEARCH_PREFIX = f"/{SEARCH_BUNDLE}/"
# Pages may wait this long for a rebuild in progress before a missing file counts as missing: where
# the output folder cannot be exchanged in one step it is swapped by renames, and a request must
# not fall between them.
MISSING_FILE_WAIT_SECONDS = 5.0
NOT_FOUND_PAGE = (
    b"<!doctype html><html><head><title>Not found</title></head><body>"
    b"<h1>Not found</h1></body></html>"
)


class PreviewState:
    """What the request handlers need to know about the builds."""

    def __init__(self, output_dir: Path, rebuilder: Rebuilder, search: SearchRefresher) -> None:
        self.output_dir = output_dir.resolve()
        self.rebuilder = rebuilder
        self.search = search
        self.last: BuildOutcome | None = None
        self.builds = 0

    def finished(self, outcome: BuildOutcome) -> None:
        """Runs on the IO loop after every rebuild the watcher announces."""
        self.last = outcome
        self.builds += 1
        report_outcome(outcome)
        # Always, even when no output byte changed: one reload per announced rebuild is the
        # promise, and a failed build must show (or a fixed one clear) its error banner.
        LiveReloadHandler.reload_waiters("*")
        if outcome.ok:
            self.search.refresh()  # after the reload: search may lag, the page must not

    def error_text(self) -> str | None:
        if self.last is None or self.last.ok:
            return None
        return "\n".join(self.last.errors)


def report_outcome(outcome: BuildOutcome) -> None:
    if outcome.ok:
        print(
            f"rebuilt in {outcome.seconds:.2f} s: {outcome.files_written} file(s) changed, "
            f"{outcome.warnings} warning(s)",
            flush=True,
        )
        return
    for error in outcome.errors:
        print(error, file=sys.stderr)
    print("rebuild failed; still serving the last good build", file=sys.stderr, flush=True)


class SiteHandler(SameHost):
    """Serves files from the output folder (and the search index) only; all else is a 404."""

    def initialize(self, state: PreviewState) -> None:
        self.state = state

    async def get(self) -> None:
        await self._respond(include_body=True)

    async def head(self) -> None:
        await self._respond(include_body=False)

    def _find(self, request_path: str) -> tuple[Path, bytes] | None:
        bundle = self.state.search.bundle()
        if bundle is not None and request_path.startswith(SEARCH_PREFIX):
            return read_request_path(bundle, request_path[len(SEARCH_PREFIX) - 1 :])
        return read_request_path(self.state.output_dir, request_path)

    async def _respond(self, include_body: bool) -> None:
        found = self._find(self.request.path)
        waited = 0.0
        while found is None and self.state.rebuilder.building.is_set():
            if waited >= MISSING_FILE_WAIT_SECONDS:
                break
            await asyncio.sleep(0.02)
            waited += 0.02
            found = self._find(self.request.path)
        if (
            found is not None
            and found[0].name == "index.html"
            and not self.request.path.endswith(("/", "index.html"))
        ):
            self.redirect(self.request.path + "/", permanent=False)
            return
        status = 200
        if found is None:
            status = 404
            found = read_request_path(self.state.output_dir, "/404.html")
        if found is None:
            body, kind = NOT_FOUND_PAGE, "text/html; charset=utf-8"
        else:
            body, kind = found[1], content_type(found[0])
        if kind.startswith("text/html"):
            body = inject_preview(body, self.state.error_text(), self.state.builds)
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Length", str(len(body)))
        if include_body:
            self.write(body)


class OverlayCssHandler(SameHost):
    def get(self) -> None:
        self.set_header("Content-Type", "text/css; charset=utf-8")
        self.write(OVERLAY_CSS)


class CatchUpJsHandler(SameHost):
    def get(self) -> None:
        self.set_header("Content-Type", "application/javascript; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(CATCH_UP_JS)


class StatusHandler(SameHost):
    """Builds announced so far, current errors and connected browsers, for scripts and tests."""

    def initialize(self, state: PreviewState) -> None:
        self.state = state

    def get(self) -> None:
        last = self.state.last
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.write(
            json.dumps(
                {
                    "builds": self.state.builds,
                    "loaded": self.state.rebuilder.loaded,
                    "ok": bool(last and last.ok),
                    "errors": list(last.errors) if last else [],
                    "browsers": len(LiveReloadHandler.waiters),
                    "search_indexes": self.state.search.generations,
                    "search_error": self.state.search.error,
                }
            )
        )


class _NoWatcher:
    """livereload's handler logs ``watcher.filepath`` when it reloads; our watcher is elsewhere."""

    filepath = None


class LiveReloadJs(SameHost, LiveReloadJSHandler):
    pass


def make_app(state: PreviewState, host: str = "127.0.0.1") -> web.Application:
    LiveReloadHandler.live_css = False  # always reload the whole page after a rebuild
    LiveReloadHandler.watcher = _NoWatcher()
    SameHost.allowed = GuardedLiveReload.allowed = allowed_hosts(host)
    return web.Application(
        [
            (r"/livereload", GuardedLiveReload),
            (r"/livereload\.js", LiveReloadJs),
            (OVERLAY_CSS_URL, OverlayCssHandler),
            (CATCH_UP_JS_URL, CatchUpJsHandler),
            (STATUS_URL, StatusHandler, {"state": state}),
            (r"/.*", SiteHandler, {"state": state}),
        ],
        log_function=lambda handler: None,  # one line per request drowns the rebuild reports
    )


def _listen(host: str, port: int) -> list[socket.socket] | None:
    try:
        return bind_sockets(port, address=host)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(
                f"error: port {port} on {host} is already in use (is another server running?); "
                f"stop it or choose another port with --port",
                file=sys.stderr,
            )
        else:
            print(f"error: cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return None


async def _run(state: PreviewState, sockets: list[socket.socket], host: str) -> None:
    server = HTTPServer(make_app(state, host))
    server.add_sockets(sockets)
    loop = IOLoop.current()
    state.rebuilder.on_finished = lambda outcome: loop.add_callback(state.finished, outcome)
    state.rebuilder.start()
    await asyncio.Event().wait()  # serve until interrupted


def _stop_on_sigterm() -> None:
    """``kill`` (SIGTERM) ends the server like Ctrl+C does, so it cleans up after itself."""
    server = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != server:
            # A rebuild's forked worker inherits this handler; its pool ends it with SIGTERM,
            # which must stay a quiet exit, as by default.
            os._exit(128 + signum)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def serve(content_dir: Path, output_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve and rebuild until Ctrl+C. Exit code 2 when the port cannot be used."""
    sockets = _listen(host, port)
    if sockets is None:
        return 2
    warn_if_exposed(host, port)
    search = SearchRefresher(output_dir)
    try:
        search.start()
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _stop_on_sigterm()
    rebuilder = Rebuilder(content_dir, output_dir, on_finished=lambda outcome: None)
    state = PreviewState(output_dir, rebuilder, search)
    try:
        _first_build(state)
        shown_host = f"[{host}]" if ":" in host else host
        print(
            f"serving http://{shown_host}:{port}/ (watching {content_dir} and the theme; "
            "Ctrl+C to stop)",
            flush=True,
        )
        asyncio.run(_run(state, sockets, host))
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        rebuilder.stop()
        search.stop()
    return 0


def _first_build(state: PreviewState) -> None:
    first = state.rebuilder.initial_build()
    state.last = first
    for warning in first.warning_messages:
        print(warning, file=sys.stderr)
    if not first.ok:
        report_outcome(first)
        return
    print(
        f"built {state.output_dir} in {first.seconds:.2f} s ({first.warnings} warning(s)); "
        "indexing search in the background",
        flush=True,
    )
    state.search.refresh()
