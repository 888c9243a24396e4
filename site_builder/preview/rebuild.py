"""Notice edits to the content and theme folders and rebuild once per burst of saves.

The preview server's rebuild loop lives here, apart from HTTP. We poll instead of using livereload's
watcher: livereload's ``Watcher`` fires one callback per changed file and throttles reloads with a
fixed three-second window (mkdocs#2061), while an editor wants exactly one rebuild per burst of
saves and one browser reload after that rebuild has finished. Polling needs no extra dependency and
costs a few milliseconds per scan for a few thousand files.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from site_builder import pipeline
from site_builder.errors import BuildError
from site_builder.incremental.builder import Builder, build
from site_builder.incremental.stamps import Snapshot, snapshot
from site_builder.render import theme

POLL_SECONDS = 0.05
# A burst of saves (an editor writing several files, "save all") counts as one change once the
# files have been still for this long. Short, because it adds to every save's wait for the page;
# a burst that outlasts it costs a wasted build, never an extra reload (see Rebuilder.run).
QUIET_SECONDS = 0.04
# Saves that keep arriving faster than a rebuild (auto-save every second on a large site) would
# otherwise never let a rebuild be announced; after this long the newest good one is.
MAX_SILENT_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class BuildOutcome:
    """What one build did, as the preview shows it."""

    ok: bool
    errors: tuple[str, ...]
    """Diagnostics (``path:line:col: error: message``) or the exception that stopped the build."""
    warnings: int
    files_written: int
    seconds: float
    warning_messages: tuple[str, ...] = ()


def _describe_exception(exc: Exception) -> str:
    """An unexpected failure as ``path:line:col: error: ...`` where the exception knows a place."""
    import jinja2
    import yaml

    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}: error: template: {exc.message}"
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"{mark.name}:{mark.line + 1}:{mark.column + 1}: error: {exc.problem}"
    return "".join(traceback.format_exception(exc)).rstrip()


def build_once(
    content_dir: Path, output_dir: Path, rebuild: Callable[[], pipeline.BuildResult] | None = None
) -> BuildOutcome:
    """One build for the preview: base URL ``/``, failures reported, never raised.

    The preview must outlive any mistake in content or templates, so an unexpected exception is
    turned into an error shown in the browser and on the terminal (with its traceback) instead of
    stopping the server.
    """
    started = time.perf_counter()
    if not content_dir.is_dir():  # deleted or moved away, perhaps to be put back in a moment
        message = f"{content_dir}: error: the content folder is gone (deleted or moved?)"
        return BuildOutcome(False, (message,), 0, 0, time.perf_counter() - started)
    try:
        # The long-lived builder redoes only what changed (site_builder/incremental/).
        if rebuild is not None:
            result = rebuild()
        else:
            # No search index: the preview refreshes it after the reload (preview/search.py).
            result = build(content_dir, output_dir, base_url="/", search=False)
    except BuildError as exc:
        return BuildOutcome(False, (f"error: {exc}",), 0, 0, time.perf_counter() - started)
    except Exception as exc:
        return BuildOutcome(False, (_describe_exception(exc),), 0, 0, time.perf_counter() - started)
    return BuildOutcome(
        ok=result.ok,
        errors=tuple(str(d) for d in result.diagnostics.errors),
        warnings=len(result.diagnostics.warnings),
        files_written=result.files_written,
        seconds=time.perf_counter() - started,
        warning_messages=tuple(str(d) for d in result.diagnostics.warnings),
    )


class Rebuilder:
    """Watches the inputs of a site and rebuilds it after each burst of changes.

    ``on_finished`` is called once per rebuild whose inputs did not change while it ran; a rebuild
    overtaken by newer saves is followed by another one at once, and only the last is announced, so
    the browser never reloads into a site that is already stale. The exception: when saves have
    kept overtaking rebuilds for ``MAX_SILENT_SECONDS``, a good one is announced anyway.
    """

    def __init__(
        self,
        content_dir: Path,
        output_dir: Path,
        on_finished: Callable[[BuildOutcome], None],
    ) -> None:
        self.content_dir = content_dir
        self.output_dir = output_dir.resolve()
        self.on_finished = on_finished
        self.building = threading.Event()
        self._stop = threading.Event()
        self._built: Snapshot = {}
        self._warm_up_due = False
        # Without Pagefind, which would triple the time to the reload; the server indexes the
        # served site in the background instead (site_builder/preview/search.py). In one
        # process (jobs=1): the server runs several threads, and a worker forked from a
        # threaded process can inherit a lock another thread held at that moment and hang
        # forever, so the preview never forks.
        self._builder = Builder(content_dir, output_dir, base_url="/", search=False, jobs=1)

    @property
    def loaded(self) -> bool:
        """Whether the builder holds the site, so a save rebuilds only what it changed."""
        return self._builder.warm

    def roots(self) -> list[Path]:
        # Recomputed each scan: a site may add its own templates/ or static/ while we run.
        return [self.content_dir, *theme.Theme(self.content_dir).watched_dirs()]

    def scan(self) -> Snapshot:
        return snapshot(self.roots(), self.output_dir)

    def initial_build(self) -> BuildOutcome:
        self._built = self.scan()
        first = self._build()
        # Answered from the build record: good, but nothing loaded for the first save's rebuild.
        self._warm_up_due = first.ok and not self._builder.warm
        return first

    def _build(self, how: Callable[[], pipeline.BuildResult] | None = None) -> BuildOutcome:
        self.building.set()
        try:
            return build_once(self.content_dir, self.output_dir, how or self._builder.rebuild)
        finally:
            self.building.clear()

    def _wait_until_quiet(self, current: Snapshot) -> Snapshot:
        while not self._stop.wait(QUIET_SECONDS):
            later = self.scan()
            if later == current:
                break
            current = later
        return current

    def run(self) -> None:
        """The loop; runs until :meth:`stop`, whatever fails inside it."""
        while not self._stop.is_set():
            try:
                self._run()
            except Exception as exc:
                # The loop must outlive anything: a dead loop would leave the preview serving a
                # stale site while its status still said the last build was good.
                failed = (_describe_exception(exc),)
                self.on_finished(BuildOutcome(False, failed, 0, 0, 0.0))
                self._built = {}
                self._stop.wait(1.0)  # not a busy loop if it fails again at once

    def _run(self) -> None:
        if self._warm_up_due and not self._stop.is_set():
            self._warm_up_due = False
            # The first build came from the build record: the site is served already, and the
            # site is loaded now, before the first save, not after it.
            warmed = self._build(self._builder.warm_up)
            changed = not warmed.ok or warmed.files_written  # the output was changed by hand
            if changed and self.scan() == self._built:  # else the loop below announces a save
                self.on_finished(warmed)
        unannounced_since: float | None = None
        while not self._stop.wait(POLL_SECONDS):
            current = self.scan()
            if current == self._built:
                continue
            current = self._wait_until_quiet(current)
            if unannounced_since is None:
                unannounced_since = time.perf_counter()
            outcome = self._build()
            self._built = current
            if self.scan() != current and (
                not outcome.ok or time.perf_counter() - unannounced_since < MAX_SILENT_SECONDS
            ):
                continue  # saved again while building: rebuild before telling the browser
            unannounced_since = None
            self.on_finished(outcome)

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name="site-builder-rebuild", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
