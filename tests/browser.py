"""Shared helpers for tests that need a browser, a web server or the npm tools in ``.tools/``.

Missing tools make a test fail (not skip) with the command that installs them: a suite that quietly
skips its accessibility checks on a machine without Chromium would pass while checking nothing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
NODE_MODULES = REPO / ".tools" / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
SETUP_HINT = "run `bash scripts/setup.sh` from the repository root to install it"

# Debian's Chromium in a container: no sandbox (we run as root), no GPU, and no background
# traffic to hosts this network refuses (see docs on the toolchain).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        pytest.fail(f"{what} not found at {path}; {SETUP_HINT}", pytrace=False)
    return path


def require_command(name: str, what: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{what} (`{name}`) is not installed; {SETUP_HINT}", pytrace=False)
    return found


def chromium_launch_args() -> dict[str, Any]:
    require_file(CHROMIUM, "Debian's Chromium")
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_folder(
    folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve ``folder`` with ``handler_class`` on a free port of 127.0.0.1, in a thread;
    yields the origin (``http://127.0.0.1:PORT``)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` at the server root; yields the base URL (``http://…/``)."""
    with serve_folder(folder) as origin:
        yield origin + "/"


def html_pages(site: Path) -> list[str]:
    """URL paths of every HTML file in a built site (``index.html`` as its folder's URL)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices. axe's default run leaves
# out the WCAG 2.2 rules (target-size among them), so the tags are named rather than left implied.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def run_axe(page: Any, only_rules: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the page currently loaded: every rule tagged with one of
    ``AXE_TAGS``, or only ``only_rules``."""
    # Evaluated through DevTools rather than added as an inline <script>: the site's
    # Content-Security-Policy (rightly) blocks inline scripts, and the checker is not the site's.
    page.evaluate(require_file(AXE_SCRIPT, "axe-core").read_text(encoding="utf-8"))
    options: dict[str, Any] = {
        "resultTypes": ["violations"],
        "runOnly": {"type": "tag", "values": AXE_TAGS},
    }
    if only_rules:
        options["runOnly"] = {"type": "rule", "values": only_rules}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return list(result["violations"])


def format_violations(where: str, violations: list[dict[str, Any]]) -> str:
    """One readable block per rule: what is wrong, how bad, where, and axe's fix hint."""
    lines = []
    for v in violations:
        lines.append(f"{where}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {node['html'][:160]}")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more element(s)")
    return "\n".join(lines)
