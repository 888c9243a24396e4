"""Save -> page showing the new text, in headless Chromium, through ``site-builder serve``.

    python -m bench.preview_latency                      # the demo site (content/)
    python -m bench.preview_latency --n 1000 --out DIR   # the bench corpus (generated if needed)

Starts the preview server on a copy of the content, opens the first transcript's page, then
~10 times: replaces one word of that transcript on disk and waits until the page, reloaded by
the server after its rebuild, holds the new word. The page's text is read once at each
DOMContentLoaded, never polled: the bench must take no CPU from the rebuild it times. Then it
waits for search to find the word: it polls the server's status every 20 ms for a new search
index, and at each one opens the search page for the word in a fresh browser context; the time
of the first index for which the search page lists the edited call is "save -> search". Prints
each edit and the medians: save -> the DOMContentLoaded event of the page showing the word, as
Playwright received it ("text seen") and by the browser's own clock, save -> search, and the
server's rebuild time. Last, one save of another call, never edited before: its save -> search
(the preview indexes a call saved again alone, so a first save costs more).
Debian's Chromium (``/usr/bin/chromium``) through Playwright, as the browser tests use it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from corpusgen import generate

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
CHROMIUM_ARGS += ["--disable-background-networking", "--disable-component-update"]
WORD = re.compile(r"\b[a-z]{9,}\b")
REBUILT = re.compile(r"rebuilt in ([0-9.]+) s")
SEEN_SCRIPT = "t => !!document.body && document.body.textContent.includes(t)"
LOADED_SCRIPT = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  return n && n.domContentLoadedEventEnd > 0 ? performance.timeOrigin + n.domContentLoadedEventEnd
                                               : null;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status(base: str) -> dict[str, object]:
    with urllib.request.urlopen(base + "/__site-builder/status", timeout=10) as response:
        return json.loads(response.read())


def pick_word(transcript: Path, content: Path) -> str:
    """A long word that occurs once in the transcript's body and in no YAML file."""
    text = transcript.read_text(encoding="utf-8")
    yaml_text = " ".join(p.read_text(encoding="utf-8") for p in content.rglob("*.y*ml")).lower()
    body = text.split("\n", 40)[-1]
    counts: dict[str, int] = {}
    for word in WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return next(w for w in WORD.findall(body) if counts[w] == 1 and w not in yaml_text)


def wait_for_text(page: Page, token: str, timeout: float) -> float:
    """time.time() of the first DOMContentLoaded after which the page's text holds ``token``.

    Driven by the page's events, not by polling its text: an ``evaluate`` every 5 ms kept the
    browser and Playwright's driver busy on a 2-core machine while the server rebuilt. (Both
    ways gave the same medians when compared, 0.91 and 0.93 s, but a benchmark should not
    compete for the cores it measures.) The text is read once per load.
    """
    loads: list[float] = []

    def loaded(_: object) -> None:
        loads.append(time.time())

    page.on("domcontentloaded", loaded)
    try:
        deadline = time.time() + timeout
        checked = 0
        while time.time() < deadline:
            if len(loads) > checked:
                checked = len(loads)
                try:
                    if page.evaluate(SEEN_SCRIPT, token):
                        return loads[checked - 1]
                except PlaywrightError:
                    pass  # navigated away mid-evaluation: reloading again
            page.wait_for_timeout(20)  # the event handler runs as soon as the event arrives
    finally:
        page.remove_listener("domcontentloaded", loaded)
    raise TimeoutError(f"the page did not show {token!r} within {timeout} s")


def search_finds(browser: Browser, base: str, token: str, call_path: str) -> bool:
    """Whether the search page, opened afresh (nothing cached), lists the call for ``token``."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/search/?q={token}", wait_until="load")
        page.wait_for_function(
            """path => [...document.querySelectorAll('.pagefind-ui__result-link')]
                          .some(a => a.pathname.startsWith(path))""",
            arg=call_path,
            timeout=15000,
        )
        return True
    except PlaywrightError:
        return False
    finally:
        context.close()


def wait_for_search(
    browser: Browser, base: str, token: str, call_path: str, indexes: int, timeout: float
) -> float:
    """time.time() when the first search index after ``indexes`` that finds ``token`` went
    live (the check itself is not counted)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        now = int(status(base)["search_indexes"])  # type: ignore[call-overload]
        if now > indexes:
            live, indexes = time.time(), now
            if search_finds(browser, base, token, call_path):
                return live
        time.sleep(0.02)
    raise TimeoutError(f"search did not find {token!r} within {timeout} s")


def measure(content: Path, edits: int, settle: float, workdir: Path) -> dict[str, float]:
    site = workdir / "content"
    shutil.copytree(content, site)
    transcripts = sorted(p for p in (site / "transcripts").iterdir() if p.suffix == ".txt")
    transcript = transcripts[0]
    word = pick_word(transcript, site)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = workdir / "serve.log"
    command = [sys.executable, "-m", "site_builder", "serve", "--content", "content"]
    command += ["--output", "_site", "--port", str(port)]
    with log.open("wb") as log_stream:
        server = subprocess.Popen(command, cwd=workdir, stdout=log_stream, stderr=subprocess.STDOUT)
    try:
        started = time.time()
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"serve exited:\n{log.read_text()}")
            try:
                status(base)
                break
            except OSError:
                time.sleep(0.1)
        print(f"server ready after {time.time() - started:.1f} s", flush=True)
        url = f"{base}/transcripts/{transcript.stem}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            page.goto(url, wait_until="load")
            while status(base)["browsers"] < 1:
                time.sleep(0.05)
            seen, loaded, found, previous = [], [], [], word
            call_path = f"/transcripts/{transcript.stem}/"
            for number in range(1, edits + 1):
                token = f"latencyedit{number:03d}x"
                text = transcript.read_text(encoding="utf-8")
                indexes = int(status(base)["search_indexes"])  # type: ignore[call-overload]
                saved = time.time()
                transcript.write_text(text.replace(previous, token, 1), encoding="utf-8")
                shown = wait_for_text(page, token, timeout=120)
                dom_ready = page.evaluate(LOADED_SCRIPT)
                seen.append(shown - saved)
                # None while the reloaded page is still parsing (text seen before the event).
                ready = dom_ready / 1000 - saved if dom_ready is not None else float("nan")
                if dom_ready is not None:
                    loaded.append(ready)
                live = wait_for_search(browser, base, token, call_path, indexes, timeout=300)
                found.append(live - saved)
                print(
                    f"edit {number:2d}: text seen {seen[-1]:.3f} s, DOMContentLoaded {ready:.3f} s,"
                    f" search finds it {found[-1]:.3f} s",
                    flush=True,
                )
                previous = token
                time.sleep(settle)
            # The preview indexes a call saved again alone (preview/search.py); the first save
            # of a call re-indexes its shard without it, as every save did before.
            other = transcripts[len(transcripts) // 2]
            other_token = "latencyotherx"
            text = other.read_text(encoding="utf-8").replace(pick_word(other, site), other_token, 1)
            indexes = int(status(base)["search_indexes"])  # type: ignore[call-overload]
            saved = time.time()
            other.write_text(text, encoding="utf-8")
            other_path = f"/transcripts/{other.stem}/"
            other_search = wait_for_search(browser, base, other_token, other_path, indexes, 300)
            other_search -= saved
            print(f"first save of another call: search finds it {other_search:.3f} s", flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
    rebuilds = [float(s) for s in REBUILT.findall(log.read_text(errors="replace"))]
    return {
        "edits": edits,
        "median_seen_s": statistics.median(seen),
        "max_seen_s": max(seen),
        "median_dom_ready_s": statistics.median(loaded) if loaded else float("nan"),
        "median_search_s": statistics.median(found),
        "max_search_s": max(found),
        "other_call_search_s": other_search,
        "median_rebuild_s": statistics.median(rebuilds) if rebuilds else float("nan"),
        "load_average": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.preview_latency", description=__doc__)
    parser.add_argument("--n", type=int, default=0, help="bench corpus size (0: the demo site)")
    parser.add_argument("--out", type=Path, help="where the bench corpus is (or is generated)")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds between edits")
    args = parser.parse_args(argv)
    if args.n:
        if args.out is None:
            parser.error("--n needs --out")
        if not generate.is_current(args.out, args.n, 1):
            generate.generate(args.n, args.out)
        content = args.out / "content"
    else:
        content = REPO / "content"
    with tempfile.TemporaryDirectory(prefix="preview-latency-") as workdir:
        result = measure(content, args.edits, args.settle, Path(workdir))
    label = f"N = {args.n}" if args.n else "demo site"
    print(f"{label}: " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
