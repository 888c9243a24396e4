"""Run the benchmark: ``python -m bench.run --n 100 1000``.

For each N: generate the corpus (cached in bench/out/n<N>/), then time, alternating so all meet
the same machine load, cold builds of site-builder's default build (search included) against Hugo
followed by Pagefind on Hugo's output, and site-builder's ``--no-search`` build against Hugo alone
(kept for the record). Then, as fresh CLI processes on the built site with search, a no-op
rebuild, one transcript, annotation and template edit and one new transcript; and rebuilds in one
long-lived process when site-builder offers an incremental builder (see bench/inprocess.py).
Prints tables; writes every figure to bench/out/results.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from corpusgen import generate
from site_builder.output.search import pagefind_command

from . import edits
from .measure import Run, compare, folder_size, run, snapshot
from .report import print_tables

DEFAULT_OUT = Path(__file__).resolve().parent / "out"
SITE_BUILDER = [sys.executable, "-m", "site_builder"]


def machine() -> dict[str, object]:
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = int(f.readline().split()[1])
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "hugo": hugo.stdout.strip(),
    }


def has_no_search() -> bool:
    """Whether this site-builder's ``build`` offers ``--no-search``."""
    help_text = subprocess.run(
        [*SITE_BUILDER, "build", "--help"], capture_output=True, text=True, check=True
    ).stdout
    return "--no-search" in help_text


def fresh_copy(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def remove(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def theme_templates() -> Path | None:
    from site_builder.render.theme import default_theme_dir

    folder = default_theme_dir() / "templates"
    return folder if folder.is_dir() and any(folder.rglob("*.html")) else None


def _run_summary(r: Run) -> dict[str, object]:
    summary: dict[str, object] = {
        "seconds": round(r.seconds, 3),
        "cpu_seconds": round(r.cpu_seconds, 3),
        "load_before": round(r.load_before, 2),
        "returncode": r.returncode,
        "max_rss_mb": round(r.max_rss_mb, 1),
        "tree_rss_mb": round(r.tree_rss_mb, 1),
        "tree_pss_mb": round(r.tree_pss_mb, 1),
    }
    if r.returncode != 0:
        summary["stderr_tail"] = r.stderr[-2000:]
    return summary


def _files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@dataclass(frozen=True, slots=True)
class Tool:
    """A static-site generator as the cold-build loop runs it."""

    name: str
    command: list[str]
    output: Path
    clean: tuple[Path, ...]
    """Removed before each cold build: the output and every cache the tool keeps."""
    env: dict[str, str] | None = None


def cold_builds(tools: list[Tool], repeat: int, trash: Path) -> dict[str, list[Run]]:
    """``repeat`` cold builds per tool, alternating tools so both meet the same machine load.

    What a run leaves is moved into ``trash`` before the next, not deleted: freeing a few hundred
    megabytes of blocks on ext4 keeps the journal busy for seconds after ``rm`` returns, and the
    next build's writes would wait for it (it made our cold builds look 0.5 s slower than they
    are, and Hugo's, which writes a quarter as much, less so). ``trash`` is emptied after the
    last run.
    """
    runs: dict[str, list[Run]] = {tool.name: [] for tool in tools}
    trash.mkdir(parents=True, exist_ok=True)
    moved = itertools.count()
    for _ in range(repeat):
        for tool in tools:
            previous = runs[tool.name]
            if previous and previous[-1].returncode != 0:
                continue
            # The writer keeps sibling folders (``.site.staging``, ``.site.site-builder-standby``
            # ...) that may serve as a cache: a cold build starts without any of them.
            for path in (*tool.clean, *tool.output.parent.glob(f".{tool.output.name}.*")):
                if path.exists():
                    path.rename(trash / f"{next(moved)}-{path.name}")
            previous.append(run(tool.command, env=tool.env))
    return runs


def empty_trash(trash: Path) -> None:
    remove(trash)
    os.sync()
    time.sleep(2)  # let the file system finish freeing the blocks before anything is timed


def cold_summary(tool: Tool, runs: list[Run]) -> dict[str, object]:
    summary: dict[str, object] = {
        "command": " ".join(tool.command),
        "runs": [_run_summary(r) for r in runs],
        "ok": all(r.returncode == 0 for r in runs),
    }
    if not summary["ok"]:
        return summary
    size, files = folder_size(tool.output)
    summary |= {
        "seconds": statistics.median(r.seconds for r in runs),
        "min_seconds": min(r.seconds for r in runs),
        "cpu_seconds": statistics.median(r.cpu_seconds for r in runs),
        "tree_rss_mb": max(r.tree_rss_mb for r in runs),
        "tree_pss_mb": max(r.tree_pss_mb for r in runs),
        "max_rss_mb": max(r.max_rss_mb for r in runs),
        "output_mb": round(size / 2**20, 1),
        "output_files": files,
    }
    return summary


def site_builder_tool(name: str, content: Path, work: Path, flags: list[str]) -> Tool:
    output = work / name
    command = [*SITE_BUILDER, "build", "--content", str(content), "--output", str(output), *flags]
    cache = work / f"{name}-cache"
    clean = (output, cache)
    return Tool(name, command, output, clean, {**os.environ, "XDG_CACHE_HOME": str(cache)})


def hugo_tool(corpus: Path, work: Path, *, with_pagefind: bool) -> Tool:
    """Hugo's cold build; with Pagefind, then Pagefind over Hugo's output, as one command."""
    name = "hugo+pagefind" if with_pagefind else "hugo"
    public, cache = work / f"{name}-public", work / f"{name}-cache"
    hugo = ["hugo", "--quiet", "--noBuildLock", "-s", str(corpus / "hugo"), "-d", str(public)]
    hugo += ["--cacheDir", str(cache)]
    if not with_pagefind:
        return Tool(name, hugo, public, (public, cache))
    # The binary itself, as site-builder runs it, so neither pays Python's start-up per run.
    pagefind = [*pagefind_command(), "--site", str(public)]
    script = f"{shlex.join(hugo)} && {shlex.join(pagefind)} >/dev/null"
    return Tool(name, ["sh", "-c", script], public, (public, cache))


def edit_rebuilds(tool: Tool, content: Path, with_templates: bool) -> dict[str, object]:
    """No-op, transcript, annotation and template edit and transcript add rebuilds, each a
    fresh CLI process."""

    def rebuild_after(edit: object) -> dict[str, object]:
        before = snapshot(tool.output)
        r = run(tool.command, env=tool.env)
        change = compare(before, snapshot(tool.output))
        return {
            **_run_summary(r),
            "edited": str(edit),
            "touched": change.touched,
            "changed": change.changed,
            "removed": change.removed,
        }

    report: dict[str, object] = {"noop": rebuild_after(None)}
    report["transcript_edit"] = rebuild_after(edits.edit_transcript(content, 1).name)
    report["annotation_edit"] = rebuild_after(edits.edit_annotation(content, 1).name)
    report["template_edit"] = None
    if with_templates:
        edited = edits.edit_template(content / "templates", 1)
        report["template_edit"] = rebuild_after(edited.relative_to(content))
    report["transcript_add"] = rebuild_after(edits.add_transcript(content, 1).name)
    return report


def bench_inprocess(corpus: Path, work: Path) -> dict[str, object]:
    content = fresh_copy(corpus / "content", work / "content-inprocess")
    templates = theme_templates()
    if templates is not None:
        edits.install_theme_templates(templates, content)
    output = work / "site-inprocess"
    remove(output, *work.glob(f".{output.name}.*"))
    r = run(
        [
            sys.executable,
            "-m",
            "bench.inprocess",
            "--content",
            str(content),
            "--output",
            str(output),
        ],
        cwd=Path(__file__).resolve().parent.parent,
    )
    if r.returncode != 0:
        return {"available": None, "error": r.stderr[-2000:]}
    return {
        **json.loads(r.stdout),
        "tree_rss_mb": round(r.tree_rss_mb, 1),
        "tree_pss_mb": round(r.tree_pss_mb, 1),
    }


PHASES = ("cold", "rebuilds", "inprocess")


def bench_n(n: int, out: Path, seed: int, repeat: int, phases: set[str]) -> dict:
    corpus = out / f"n{n}"
    if not generate.is_current(corpus, n, seed):
        print(f"[n={n}] generating corpus in {corpus}", file=sys.stderr)
        generate.generate(n, corpus, seed)
    stamp = json.loads((corpus / generate.STAMP).read_text(encoding="utf-8"))
    work = corpus / "work"
    work.mkdir(exist_ok=True)
    content = fresh_copy(corpus / "content", work / "content")
    templates = theme_templates()
    if templates is not None:
        edits.install_theme_templates(templates, content)
    content_files = _files_in(content)
    ours = site_builder_tool("site", content, work, [])
    tools = [ours, hugo_tool(corpus, work, with_pagefind=True)]
    if has_no_search():
        tools += [
            site_builder_tool("site-no-search", content, work, ["--no-search"]),
            hugo_tool(corpus, work, with_pagefind=False),
        ]
    names = ", ".join(tool.name for tool in tools)
    print(f"[n={n}] cold builds: {names}, {repeat} each", file=sys.stderr)
    trash = work / "trash"
    empty_trash(trash)  # a previous benchmark's leftovers, freed before anything is timed
    runs = cold_builds(tools, repeat, trash)
    empty_trash(trash)
    cold = {tool.name: cold_summary(tool, runs[tool.name]) for tool in tools}
    cli = cold[ours.name]
    # A build that leaves files in the content folder keeps a cache there, which the cold runs
    # above did not clear: reported so a reader can tell.
    cli["new_files_in_content"] = sorted(_files_in(content) - content_files)[:20]
    result: dict[str, object] = {"n": n, "corpus": stamp, "cold": cold}
    if cli["ok"] and "rebuilds" in phases:
        print(f"[n={n}] site-builder CLI rebuilds", file=sys.stderr)
        result["rebuilds"] = edit_rebuilds(ours, content, templates is not None)
    result["inprocess"] = {"available": None, "reason": "not run (--phases)"}
    if "inprocess" in phases:
        print(f"[n={n}] site-builder in-process", file=sys.stderr)
        result["inprocess"] = bench_inprocess(corpus, work)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="cold builds per tool (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--phases",
        nargs="+",
        choices=PHASES,
        default=list(PHASES),
        help="what to time (cold builds always run: the rest needs a built site)",
    )
    parser.add_argument("--results", type=Path, help="JSON file (default: OUT/results.json)")
    parser.add_argument("--markdown", action="store_true", help="print tables as Markdown")
    args = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        parser.error("hugo is not on PATH (Debian: apt-get install --no-install-recommends hugo)")
    args.out.mkdir(parents=True, exist_ok=True)
    results_path = args.results or args.out / "results.json"
    results = {"machine": machine(), "runs": []}
    for n in args.n:
        results["runs"].append(bench_n(n, args.out, args.seed, args.repeat, set(args.phases)))
        results_path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print_tables(results, markdown=args.markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
