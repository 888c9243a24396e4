"""The ``site-builder`` command line: build, serve, check, parse.

Each command imports what it needs when it runs: ``--help`` and ``--version`` load nothing but
:mod:`argparse` (the whole pipeline, Jinja and Markdown included, took 0.5 s to import).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder import __version__

DEFAULT_MAX_AGE_DAYS = 7.0
"""How long a cache entry no build has used is kept (``--cache-max-age``)."""

if TYPE_CHECKING:
    from site_builder import progress
    from site_builder.errors import Diagnostics


def _print_diagnostics(diagnostics: Diagnostics) -> None:
    for d in diagnostics:
        print(d, file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    import time

    from site_builder import progress
    from site_builder.cache_dir import CACHE_ENV
    from site_builder.errors import BuildError, Diagnostics
    from site_builder.incremental import record as build_record
    from site_builder.output.guard import OutputError, check_output_dir

    started = time.perf_counter()
    began = time.time()
    if args.cache_dir is not None:
        os.environ[CACHE_ENV] = str(args.cache_dir.resolve())
    search = not args.no_search
    # Progress goes to stderr: on a terminal one redrawn line, in a log one line per stage.
    shown = progress.Progress(sys.stderr)
    try:
        check_output_dir(args.output, args.content)
        # Nothing changed since the last good build of this output: answered before the
        # pipeline (Jinja, Markdown, the readers) is even imported.
        options = build_record.options(args.content, args.base_url, search)
        recorded = build_record.unchanged(args.content, args.output, options)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if recorded is not None:
        diagnostics = Diagnostics(recorded.diagnostics)
        _print_diagnostics(diagnostics)
        seconds = time.perf_counter() - started
        return _report_built(
            args.output, shown, diagnostics, recorded.pages_by_kind, 0, recorded.files, seconds
        )
    from site_builder.incremental.builder import build

    try:
        result = build(
            args.content,
            args.output,
            args.base_url,
            search=search,
            jobs=args.jobs,
            progress=shown,
        )
    except BuildError as exc:  # the output folder, the search indexer, a killed child
        shown.clear()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    shown.clear()
    _print_diagnostics(result.diagnostics)
    errors, warnings = len(result.diagnostics.errors), len(result.diagnostics.warnings)
    if errors:
        print(
            f"build failed: {errors} error(s), {warnings} warning(s); "
            f"nothing written, {args.output} left as it was",
            file=sys.stderr,
        )
        return 1
    code = _report_built(
        args.output,
        shown,
        result.diagnostics,
        result.pages_by_kind,
        result.files_written,
        result.files_unchanged,
        result.seconds,
    )
    _prune_cache(args.cache_max_age, began)
    return code


def _prune_cache(max_age_days: float, began: float) -> None:
    """After a good build: the cache entries no build has used for ``max_age_days`` removed."""
    from site_builder.cache_dir import cache_root
    from site_builder.cache_prune import prune

    root = cache_root()
    pruned = prune(root, max_age_days, began)
    for problem in pruned.problems:
        print(f"warning: cache entry not removed: {problem}", file=sys.stderr)
    if pruned.entries:
        print(
            f"removed {pruned.entries} cache entries unused for {max_age_days:g} days "
            f"({pruned.size / 1e6:.1f} MB) from {root}"
        )


def _max_age(text: str) -> float:
    try:
        days = float(text)
    except ValueError:
        days = -1.0
    if not days >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a number of days, 0 or more, not {text!r}")
    return days


def _report_built(
    output: Path,
    shown: progress.Progress,
    diagnostics: Diagnostics,
    pages_by_kind: dict[str, int],
    files_written: int,
    files_unchanged: int,
    seconds: float,
) -> int:
    from site_builder import progress

    warnings = len(diagnostics.warnings)
    if shown.tty:
        summary = progress.Summary(pages_by_kind, files_written, files_unchanged, warnings, seconds)
        sys.stdout.write(progress.summary_table(summary))
    print(
        f"built {sum(pages_by_kind.values())} pages into {output} "
        f"({files_written} files written, {files_unchanged} unchanged), "
        f"{warnings} warning(s), {seconds:.2f} s"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from site_builder.incremental.builder import build

    result = build(args.content, Path("/nonexistent"), None, dry_run=True)
    _print_diagnostics(result.diagnostics)
    errors, warnings = len(result.diagnostics.errors), len(result.diagnostics.warnings)
    print(f"check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def cmd_parse(args: argparse.Namespace) -> int:
    from site_builder import pipeline, readers
    from site_builder.errors import did_you_mean
    from site_builder.load import sources
    from site_builder.render import jsonout

    path: Path = args.file
    if not path.is_file():
        print(f"{path}: error: no such file", file=sys.stderr)
        return 2
    names = readers.reader_names()
    if args.format is not None and args.format not in names:
        hint = did_you_mean(args.format, names) or f"choose one of {', '.join(names)}"
        print(f"error: unknown format {args.format!r} ({hint})", file=sys.stderr)
        return 2
    source = sources.read_source(path)
    parsed = pipeline.parse(source, args.format)
    sys.stdout.write(jsonout.dumps(jsonout.parsed_to_dict(parsed)))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from site_builder.preview import server as serve

    return serve.serve(args.content, args.output, host=args.host, port=args.port)


def _reader_names() -> str:
    from site_builder import readers

    return ", ".join(readers.reader_names())


class _Parser(argparse.ArgumentParser):
    """A parser whose help texts may be made when help is shown, not when the parser is: the
    list of readers means importing every reader."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.late_help: dict[str, Callable[[], str]] = {}

    def format_help(self) -> str:
        for action in self._actions:
            made = self.late_help.get(action.dest)
            if made is not None:
                action.help = made()
        return super().format_help()


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="site-builder",
        description="Publish transcripts as an accessible, cross-linked static site.",
    )
    parser.add_argument("--version", action="version", version=f"site-builder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def content_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--content",
            type=Path,
            default=Path("content"),
            help="content folder (default: content/)",
        )

    p = sub.add_parser("build", help="build the site")
    content_arg(p)
    p.add_argument(
        "--output", type=Path, default=Path("_site"), help="output folder (default: _site/)"
    )
    p.add_argument(
        "--base-url",
        default=None,
        help="URL the site is served under, e.g. https://example.org/calls/",
    )
    p.add_argument(
        "--no-search",
        action="store_true",
        help="skip the Pagefind search index (the search page then says search is unavailable)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="processes reading transcripts and making pages (default: one per CPU core)",
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where what a build can reuse is kept: the last build's record, read transcripts, "
        "compiled templates (default: $XDG_CACHE_HOME/site-builder, else ~/.cache/site-builder)",
    )
    p.add_argument(
        "--cache-max-age",
        type=_max_age,
        default=DEFAULT_MAX_AGE_DAYS,
        metavar="DAYS",
        help="after a good build (not one that found nothing changed), remove the cache entries "
        "no build has used for this many days "
        f"(default: {DEFAULT_MAX_AGE_DAYS:g}; 0 keeps only what this build used)",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild on change")
    content_arg(p)
    p.add_argument(
        "--output", type=Path, default=Path("_site"), help="output folder (default: _site/)"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="validate content; write nothing")
    content_arg(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("parse", help="print one parsed transcript as JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--format", default=None, help="force a reader")
    assert isinstance(p, _Parser)
    p.late_help["format"] = lambda: f"force a reader: {_reader_names()}"
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return int(args.func(args))


def run() -> None:
    """The ``site-builder`` program: :func:`main`, then exit without tearing the heap down.

    A large site leaves millions of objects behind, and freeing them one by one at exit took
    longer than writing the site (0.6 s at 1,000 calls). Every file is written and closed and
    every helper process joined by the time ``main`` returns; the output streams are flushed here.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
