"""A large archive, site-builder alone: ``python -m bench.large_archive --n 10000``.

Hugo and Pagefind's single run are left out: Pagefind over 10,000 of Hugo's pages needs more
memory than the machine has. For N generated calls (cached in bench/out/n<N>/): a cold default
build (search included) with an empty cache folder, then one transcript edited and built again in
a fresh process, each with wall and CPU seconds and the peak memory of the whole process tree
(bench/measure.py). Prints one line per build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from corpusgen import generate

from . import edits
from .measure import run
from .run import DEFAULT_OUT, SITE_BUILDER, theme_templates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    corpus = args.out / f"n{args.n}"
    if not (corpus / "content").is_dir():
        generate.generate(args.n, corpus, args.seed, with_hugo=False)
    work = corpus / "large-work"
    shutil.rmtree(work, ignore_errors=True)
    content = work / "content"
    shutil.copytree(corpus / "content", content)
    templates = theme_templates()
    if templates is not None:  # the same output; it gives a template edit a file to change
        edits.install_theme_templates(templates, content)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
    build = [*SITE_BUILDER, "build", "--content", str(content), "--output", str(work / "site")]
    for what in ("cold build", "transcript edit, fresh process"):
        if what.startswith("transcript"):
            edits.edit_transcript(content, 1)
        done = run(build, env=env)
        if done.returncode != 0:
            sys.exit(f"{what} failed:\n{done.stderr[-2000:]}")
        print(
            f"N = {args.n:,} {what}: {done.seconds:.1f} s wall, {done.cpu_seconds:.1f} CPU s, "
            f"peak {done.tree_pss_mb:,.0f} MB PSS / {done.tree_rss_mb:,.0f} MB RSS, "
            f"largest process {done.max_rss_mb:,.0f} MB (load average {done.load_before:.1f})",
            flush=True,
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
