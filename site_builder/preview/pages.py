"""What the preview server does to a request path and to a page, apart from HTTP.

Finding the file a URL names (and refusing any that escapes the served folder), its MIME type,
and adding the reload script and error banner to HTML pages. Kept free of Tornado so each piece
can be read on its own.
"""

from __future__ import annotations

import html
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote

OVERLAY_CSS_URL = "/__site-builder/overlay.css"
# A script element, not livereload's inline snippet: the site's Content-Security-Policy allows its
# own origin's scripts, and an inline script would be blocked. livereload.js finds host and port
# from this element's URL and connects to ws://host:port/livereload.
LIVE_SCRIPT = b'<script src="/livereload.js"></script>'
STATUS_URL = "/__site-builder/status"
CATCH_UP_JS_URL = "/__site-builder/catch-up.js"
CATCH_UP_SCRIPT = f'<script src="{CATCH_UP_JS_URL}"></script>'.encode()
# livereload tells only the browsers connected when a rebuild finishes. A page served just
# before a rebuild finished, whose socket connects just after, would miss that reload and show
# the old build; so each page carries the number of the build it was served from and reloads
# once if the server has announced a later one. Same origin, external: allowed by the CSP.
CATCH_UP_JS = """(function () {
  var meta = document.querySelector('meta[name="site-builder-build"]');
  if (!meta) { return; }
  var served = Number(meta.content);
  function check() {
    fetch("STATUS_URL", {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (status) { if (status.builds !== served) { location.reload(); } })
      // The preview server stopped or is restarting: the next check will tell.
      .catch(function () {});
  }
  check();
  setInterval(check, 1000);
})();
""".replace("STATUS_URL", STATUS_URL)
OVERLAY_LINK = f'<link rel="stylesheet" href="{OVERLAY_CSS_URL}">'.encode()
OVERLAY_CSS = """#site-builder-error{position:sticky;top:0;z-index:2147483647;margin:0;
padding:1rem 1.25rem;background:#7a0010;color:#fff;font:1rem/1.4 system-ui,sans-serif;
border-bottom:4px solid #ffb3bd}#site-builder-error pre{white-space:pre-wrap;margin:.5rem 0 0;
font:.95rem/1.4 ui-monospace,monospace;color:#fff;background:none}
"""
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
# A rebuild swaps the served tree between our finding a file and reading it at most this many
# times in a row before we give up on the file (each swap takes a whole rebuild).
_READ_ATTEMPTS = 3


def resolve_request_path(root: Path, request_path: str) -> Path | None:
    """The file inside ``root`` that a URL path names, or None if it names nothing or escapes.

    The path is percent-decoded once; any ``..`` segment, backslash or NUL is refused outright
    rather than normalised, and the resolved file (symlinks followed) must lie inside ``root``.
    A second layer of encoding (``%252e``) therefore stays literal and names no file.
    """
    decoded = unquote(request_path.split("?", 1)[0])
    if "\x00" in decoded or "\\" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        if candidate.is_dir():
            candidate = candidate / "index.html"
        elif decoded.endswith("/"):
            return None  # "page.html/" names a folder, and there is none
        resolved = candidate.resolve()
        if not resolved.is_relative_to(root) or not resolved.is_file():
            return None
    except OSError:  # a name too long for the file system, a loop of links: names no file
        return None
    return resolved


def read_request_path(root: Path, request_path: str) -> tuple[Path, bytes] | None:
    """The file a URL path names and its bytes, read whole; None when there is no such file.

    A rebuild replaces the served tree in one step (:mod:`site_builder.output.atomic`), and a file
    is
    never rewritten in place, so bytes read from one file are always one complete version. The
    file may still vanish between finding and opening it (the new tree no longer has it, or moved
    it): then we look again in the tree that is now served.
    """
    for _ in range(_READ_ATTEMPTS):
        path = resolve_request_path(root, request_path)
        if path is None:
            return None
        try:
            return path, path.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            continue
    return None


def content_type(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    kind = guessed or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    return kind


def inject_preview(page: bytes, error: str | None, build: int = 0) -> bytes:
    """Add the reload scripts (and, while a rebuild fails, the error banner) to an HTML page;
    ``build`` is the number of rebuilds announced when the page was served."""
    stamp = f'<meta name="site-builder-build" content="{build}">'.encode()
    head = stamp + LIVE_SCRIPT + CATCH_UP_SCRIPT + OVERLAY_LINK
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
