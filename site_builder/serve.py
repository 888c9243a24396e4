"""``site-builder serve``: build, serve the output folder over HTTP, rebuild and reload on change.

One Tornado server on one port carries the site, the livereload websocket (``/livereload``) and
livereload's browser script (``/livereload.js``). We use livereload's protocol handlers but not
its ``Server``: its watcher reloads per changed file. Instead :mod:`site_builder.watch` rebuilds
once per burst of saves, and we tell the open browsers to reload once that rebuild has finished.

While the last rebuild failed, the last good site stays served and every HTML page carries a banner
with the errors (``path:line:col: ...``); the next good rebuild removes it.
"""

from __future__ import annotations

import asyncio
import errno
import html
import json
import mimetypes
import re
import socket
import sys
from pathlib import Path
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets

from .watch import BuildOutcome, Rebuilder

OVERLAY_CSS_URL = "/__site-builder/overlay.css"
STATUS_URL = "/__site-builder/status"
# A script element, not livereload's inline snippet: the site's Content-Security-Policy allows its
# own origin's scripts, and an inline script would be blocked. livereload.js finds host and port
# from this element's URL and connects to ws://host:port/livereload.
LIVE_SCRIPT = b'<script src="/livereload.js"></script>'
OVERLAY_LINK = f'<link rel="stylesheet" href="{OVERLAY_CSS_URL}">'.encode()
OVERLAY_CSS = """#site-builder-error{position:sticky;top:0;z-index:2147483647;margin:0;
padding:1rem 1.25rem;background:#7a0010;color:#fff;font:1rem/1.4 system-ui,sans-serif;
border-bottom:4px solid #ffb3bd}#site-builder-error pre{white-space:pre-wrap;margin:.5rem 0 0;
font:.95rem/1.4 ui-monospace,monospace;color:#fff;background:none}
"""
# Pages may wait this long for a rebuild in progress before a missing file counts as missing: the
# output folder is swapped by two renames, and a request must not fall between them.
MISSING_FILE_WAIT_SECONDS = 5.0
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


class PreviewState:
    """What the request handlers need to know about the builds."""

    def __init__(self, output_dir: Path, rebuilder: Rebuilder) -> None:
        self.output_dir = output_dir.resolve()
        self.rebuilder = rebuilder
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


def resolve_request_path(root: Path, request_path: str) -> Path | None:
    """The file inside ``root`` that a URL path names, or None if it names nothing or escapes.

    The path is percent-decoded once; any ``..`` segment, backslash or NUL is refused outright
    rather than normalised, and the resolved file (symlinks followed) must lie inside ``root``.
    """
    decoded = unquote(request_path.split("?", 1)[0])
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    candidate = root.joinpath(*parts)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def content_type(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    kind = guessed or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    return kind


def inject_preview(page: bytes, error: str | None) -> bytes:
    """Add the reload script (and, while a rebuild fails, the error banner) to an HTML page."""
    head = LIVE_SCRIPT + OVERLAY_LINK
    head_end = _HEAD_END.search(page)
    at = head_end.start() if head_end else 0
    page = page[:at] + head + page[at:]
    if error is None:
        return page
    banner = (
        '<div id="site-builder-error" role="alert"><strong>Rebuild failed; this is the last good '
        "build.</strong> Fix the file and save: the page reloads by itself."
        f"<pre>{html.escape(error)}</pre></div>"
    ).encode()
    match = _BODY_START.search(page)
    if match is None:
        return page + banner
    return page[: match.end()] + banner + page[match.end() :]


class SiteHandler(web.RequestHandler):
    """Serves files from the output folder only; everything else is a 404."""

    def initialize(self, state: PreviewState) -> None:
        self.state = state

    async def get(self) -> None:
        await self._respond(include_body=True)

    async def head(self) -> None:
        await self._respond(include_body=False)

    async def _respond(self, include_body: bool) -> None:
        root = self.state.output_dir
        path = resolve_request_path(root, self.request.path)
        waited = 0.0
        while path is None and self.state.rebuilder.building.is_set():
            if waited >= MISSING_FILE_WAIT_SECONDS:
                break
            await asyncio.sleep(0.02)
            waited += 0.02
            path = resolve_request_path(root, self.request.path)
        if (
            path is not None
            and path.name == "index.html"
            and not self.request.path.endswith(("/", "index.html"))
        ):
            self.redirect(self.request.path + "/", permanent=False)
            return
        status = 200
        if path is None:
            status = 404
            path = resolve_request_path(root, "/404.html")
        error = self.state.error_text()
        if path is None:
            body = b"<!doctype html><html><head><title>Not found</title></head><body>"
            body += b"<h1>Not found</h1></body></html>"
            kind = "text/html; charset=utf-8"
        else:
            body = path.read_bytes()
            kind = content_type(path)
        if kind.startswith("text/html"):
            body = inject_preview(body, error)
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Length", str(len(body)))
        if include_body:
            self.write(body)


class OverlayCssHandler(web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/css; charset=utf-8")
        self.write(OVERLAY_CSS)


class StatusHandler(web.RequestHandler):
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
                    "ok": bool(last and last.ok),
                    "errors": list(last.errors) if last else [],
                    "browsers": len(LiveReloadHandler.waiters),
                }
            )
        )


class _NoWatcher:
    """livereload's handler logs ``watcher.filepath`` when it reloads; our watcher is elsewhere."""

    filepath = None


def make_app(state: PreviewState) -> web.Application:
    LiveReloadHandler.live_css = False  # always reload the whole page after a rebuild
    LiveReloadHandler.watcher = _NoWatcher()
    return web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload\.js", LiveReloadJSHandler),
            (OVERLAY_CSS_URL, OverlayCssHandler),
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


async def _run(state: PreviewState, sockets: list[socket.socket]) -> None:
    server = HTTPServer(make_app(state))
    server.add_sockets(sockets)
    loop = IOLoop.current()
    state.rebuilder.on_finished = lambda outcome: loop.add_callback(state.finished, outcome)
    state.rebuilder.start()
    await asyncio.Event().wait()  # serve until interrupted


def serve(content_dir: Path, output_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve and rebuild until Ctrl+C. Exit code 2 when the port cannot be used."""
    sockets = _listen(host, port)
    if sockets is None:
        return 2
    rebuilder = Rebuilder(content_dir, output_dir, on_finished=lambda outcome: None)
    state = PreviewState(output_dir, rebuilder)
    first = rebuilder.initial_build()
    state.last = first
    for warning in first.warning_messages:
        print(warning, file=sys.stderr)
    if first.ok:
        print(
            f"built {output_dir} in {first.seconds:.2f} s ({first.warnings} warning(s))",
            flush=True,
        )
    else:
        report_outcome(first)
    shown_host = f"[{host}]" if ":" in host else host
    print(
        f"serving http://{shown_host}:{port}/ (watching {content_dir} and the theme; "
        "Ctrl+C to stop)",
        flush=True,
    )
    try:
        asyncio.run(_run(state, sockets))
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        rebuilder.stop()
    return 0
