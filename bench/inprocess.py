"""Time rebuilds inside one long-lived process, as the preview server does them.

Run by ``bench.run`` as a child: ``python -m bench.inprocess --content DIR --output DIR``. Prints
one JSON object. It looks for an incremental builder in ``site_builder.build`` (a class with a
``rebuild`` method); when there is none it reports ``{"available": false, "reason": ...}`` and
times nothing, rather than guessing at an API.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import edits
from .measure import compare, snapshot

CLASS_NAMES = ("Builder", "IncrementalBuilder", "SiteBuilder")
CONTENT_PARAMS = ("content_dir", "content")
OUTPUT_PARAMS = ("output_dir", "output")
CHANGED_PARAMS = ("changed", "changed_paths", "paths")


def find_builder() -> tuple[type | None, str]:
    module = importlib.import_module("site_builder.build")
    for name in CLASS_NAMES:
        candidate = getattr(module, name, None)
        if isinstance(candidate, type) and callable(getattr(candidate, "rebuild", None)):
            return candidate, f"site_builder.build.{name}"
    return (
        None,
        f"no class with a rebuild() method in site_builder.build ({', '.join(CLASS_NAMES)})",
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
    started = time.perf_counter()
    result = rebuild(changed)
    seconds = time.perf_counter() - started
    change = compare(before, snapshot(output))
    return {
        "seconds": round(seconds, 4),
        "touched": change.touched,
        "changed": change.changed,
        "removed": change.removed,
        "result": repr(result)[:300],
    }


def measure(content: Path, output: Path) -> dict[str, object]:
    cls, where = find_builder()
    if cls is None:
        return {"available": False, "reason": where}
    builder = make_builder(cls, content, output)
    first = getattr(builder, "build", None) or builder.rebuild
    started = time.perf_counter()
    first()
    report: dict[str, object] = {
        "available": True,
        "api": where,
        "first_build_seconds": round(time.perf_counter() - started, 4),
    }
    rebuild = rebuild_call(builder)
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
