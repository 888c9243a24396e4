"""Generate the synthetic corpus: ``python -m corpusgen.generate --n 1000 --out DIR``.

Writes ``DIR/content`` (a site-builder content folder) and, unless ``--no-hugo``, ``DIR/hugo`` (the
same calls as a Hugo site). Deterministic: the same ``--n`` and ``--seed`` give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from . import content, corpus, hugo

GENERATOR_VERSION = 1
"""Bump when the output changes, so cached corpora in bench/out/ are regenerated."""
STAMP = "corpus.json"


def stamp_for(n: int, seed: int) -> dict[str, int]:
    return {"generator_version": GENERATOR_VERSION, "n": n, "seed": seed}


def generate(n: int, out: Path, seed: int = 1, *, with_hugo: bool = True) -> dict[str, object]:
    """(Re)write the corpus into ``out``; returns what the stamp file records."""
    started = time.perf_counter()
    for name in ("content", "hugo", STAMP):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    archive = corpus.generate(n, seed)
    text_bytes = content.write_content(archive, out / "content")
    if with_hugo:
        hugo.write_hugo_site(archive, out / "hugo")
    stamp: dict[str, object] = {
        **stamp_for(n, seed),
        "hugo": with_hugo,
        "transcript_bytes": text_bytes,
        "people": len(archive.people),
        "organizations": len(archive.organizations),
        "annotated": sum(1 for c in archive.calls if c.summary is not None),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    return stamp


def is_current(out: Path, n: int, seed: int) -> bool:
    """True when ``out`` holds a complete corpus made by this generator version for (n, seed)."""
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(stamp.get(k) == v for k, v in stamp_for(n, seed).items()) and bool(stamp.get("hugo"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpusgen.generate", description=__doc__)
    parser.add_argument("--n", type=int, required=True, help="number of transcripts")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo reference site")
    args = parser.parse_args(argv)
    stamp = generate(args.n, args.out, args.seed, with_hugo=not args.no_hugo)
    print(json.dumps(stamp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
