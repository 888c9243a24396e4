"""Time rebuilds inside one long-lived process, as the preview server does them.

Run by ``bench.run`` as a child: ``python -m bench.inprocess --content DIR --output DIR``. Prints
one JSON object. It looks for an incremental builder in ``site_builder.incremental.builder`` or
``site_builder.pipeline`` (a class with a ``rebuild`` method). Without one it times what the
preview server did before it had one after a save, ``site_builder.preview.rebuild.build_once``
called
again in the same process, and says so in ``api``; with neither it reports
``{"available": false, "reason": ...}`` and times nothing.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import edits
from .measure import compare, snapshot


def cpu_now() -> float:
    """User and system seconds of this process and of the worker processes it has reaped."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


CLASS_NAMES = ("Builder", "IncrementalBuilder", "SiteBuilder")
CONTENT_PARAMS = ("content_dir", "content")
OUTPUT_PARAMS = ("output_dir", "output")
CHANGED_PARAMS = ("changed", "changed_paths", "paths")


MODULES = ("site_builder.incremental.builder", "site_builder.pipeline")


def find_builder() -> tuple[type | None, str]:
    for module_name in MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        for name in CLASS_NAMES:
            candidate = getattr(module, name, None)
            if isinstance(candidate, type) and callable(getattr(candidate, "rebuild", None)):
                return candidate, f"{module_name}.{name}"
    return (
        None,
        f"no class with a rebuild() method in {' or '.join(MODULES)} ({', '.join(CLASS_NAMES)})",
    )


def make_builder(cls: type, content: Path, output: Path) -> Any:
    params = inspect.signature(cls).parameters
    kwargs: dict[str, object] = {}
    for names, value in ((CONTENT_PARAMS, content), (OUTPUT_PARAMS, output)):
        name = next((n for n in names if n in params), None)
        if name is None:
            raise TypeError(f"{cls.__name__}() takes none of {names}; adapt bench/inprocess.py")
        kwargs[name] = value
    for flag, value in (("search", False), ("no_search", True)):
        if flag in params:
            kwargs[flag] = value
    return cls(**kwargs)


def rebuild_call(builder: Any) -> Callable[[list[Path]], object]:
    """``rebuild`` with the changed paths when it accepts them, else without."""
    params = inspect.signature(builder.rebuild).parameters
    name = next((n for n in CHANGED_PARAMS if n in params), None)
    if name is None:
        return lambda changed: builder.rebuild()
    return lambda changed: builder.rebuild(**{name: changed})


def timed(
    output: Path, action: Callable[[], list[Path]], rebuild: Callable[[list[Path]], object]
) -> dict[str, object]:
    """Apply ``action`` (an edit), then time the rebuild from the saved change to its return."""
    before = snapshot(output)
    changed = action()
    started, cpu_started = time.perf_counter(), cpu_now()
    result = rebuild(changed)
    seconds, cpu = time.perf_counter() - started, cpu_now() - cpu_started
    change = compare(before, snapshot(output))
    return {
        "seconds": round(seconds, 4),
        "cpu_seconds": round(cpu, 4),
        "touched": change.touched,
        "changed": change.changed,
        "removed": change.removed,
        "result": repr(result)[:300],
    }


def rebuild_functions(
    content: Path, output: Path
) -> tuple[str, Callable[[], object], Callable[[list[Path]], object]] | str:
    """(api used, first build, rebuild after changes), or why there is nothing to time."""
    cls, where = find_builder()
    if cls is not None:
        builder = make_builder(cls, content, output)
        first = getattr(builder, "build", None) or builder.rebuild
        return where, first, rebuild_call(builder)
    try:
        watch = importlib.import_module("site_builder.preview.rebuild")
    except ModuleNotFoundError:
        return where
    build_once = getattr(watch, "build_once", None)
    if build_once is None:
        return f"{where}; no site_builder.preview.rebuild.build_once either"
    return (
        "site_builder.preview.rebuild.build_once (the preview server's full rebuild, warm process)",
        lambda: build_once(content, output),
        lambda changed: build_once(content, output),
    )


def measure(content: Path, output: Path) -> dict[str, object]:
    found = rebuild_functions(content, output)
    if isinstance(found, str):
        return {"available": False, "reason": found}
    where, first, rebuild = found
    started, cpu_started = time.perf_counter(), cpu_now()
    outcome = first()
    report: dict[str, object] = {
        "available": True,
        "api": where,
        "first_build_seconds": round(time.perf_counter() - started, 4),
        "first_build_cpu_seconds": round(cpu_now() - cpu_started, 4),
        "first_build_result": repr(outcome)[:300],
    }
    report["noop"] = timed(output, lambda: [], rebuild)
    report["transcript_edit"] = timed(output, lambda: [edits.edit_transcript(content, 1)], rebuild)
    report["annotation_edit"] = timed(output, lambda: [edits.edit_annotation(content, 1)], rebuild)
    templates = content / "templates"
    if templates.is_dir() and any(templates.rglob("*.html")):
        report["template_edit"] = timed(
            output, lambda: [edits.edit_template(templates, 1)], rebuild
        )
    else:
        report["template_edit"] = None
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess", description=__doc__)
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    json.dump(measure(args.content, args.output), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
