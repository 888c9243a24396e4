"""Read the whole test corpus as one site and report, per file, what site-builder made of it.

Copies every transcript under tests/corpus/ into a temporary content folder (file names turned
into safe slugs), runs ``site-builder check`` and ``site-builder build`` on it exactly as a user
would, and prints Markdown: a per-file table (reader, participants, turns, exchanges, warnings,
diagnostics) and the build's outcome, including whether every person got a page.

Usage: python scripts/corpus_report.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from site_builder import pipeline
from site_builder.errors import Diagnostics
from site_builder.load import sources
from site_builder.slugs import slugify

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
TRANSCRIPT_SUFFIXES = {".txt", ".md", ".vtt", ".json"}
# How the CLI prints a diagnostic: "path[:line[:col]]: severity: message (hint)".
_DIAGNOSTIC = re.compile(r"^(?P<path>.+?)(?::\d+)*: (?P<severity>error|warning): ")


@dataclass(frozen=True)
class Copied:
    original: Path
    copy: Path


def corpus_transcripts() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in TRANSCRIPT_SUFFIXES and not p.name.endswith(".expected.json")
    )


def copy_corpus(content: Path) -> list[Copied]:
    """Each transcript as ``content/transcripts/<slug of its name><suffix>``, bytes unchanged."""
    folder = content / sources.TRANSCRIPTS_DIR
    folder.mkdir(parents=True)
    copied = []
    for path in corpus_transcripts():
        target = folder / f"{slugify(path.name.removesuffix(path.suffix))}{path.suffix}"
        if target.exists():
            raise SystemExit(f"two corpus files share the slug {target.name}: rename one")
        shutil.copyfile(path, target)
        copied.append(Copied(path, target))
    return copied


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_builder", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def diagnostics_of(stderr: str, name: str) -> Counter[str]:
    """``error``/``warning`` counts among the CLI's diagnostics that name the file ``name``."""
    found: Counter[str] = Counter()
    for line in stderr.splitlines():
        level = _DIAGNOSTIC.match(line)
        if level and (level["path"] == name or level["path"].endswith(f"/{name}")):
            found[level["severity"]] += 1
    return found


def table(copied: list[Copied], check_stderr: str) -> list[str]:
    rows = [
        "| file | reader | participants | turns | exchanges | warnings (kinds) "
        "| check diagnostics |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for item in copied:
        parsed = pipeline.parse(sources.read_source(item.copy))
        kinds = Counter(w.kind for w in parsed.warnings)
        warned = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "-"
        diag = diagnostics_of(check_stderr, item.copy.name)
        diag_text = ", ".join(f"{n} {k}" for k, n in sorted(diag.items())) or "-"
        rows.append(
            f"| {item.original.relative_to(CORPUS).as_posix()} | {parsed.format} "
            f"| {len(parsed.participants)} | {len(parsed.turns)} | {len(parsed.exchanges)} "
            f"| {len(parsed.warnings)} ({warned}) | {diag_text} |"
        )
    return rows


def people_without_pages(content: Path, output: Path) -> tuple[int, list[str]]:
    """How many people the site knows, and those whose page is missing from ``output``."""
    site = pipeline.load_site(content, Diagnostics())
    missing = [
        person_id
        for person_id in site.people
        if not (output / "people" / person_id / "index.html").is_file()
    ]
    return len(site.people), missing


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="corpus-report-") as temp:
        content, output = Path(temp) / "content", Path(temp) / "site"
        copied = copy_corpus(content)
        check = run_cli("check", "--content", str(content))
        lines = [f"# Corpus report: {len(copied)} transcripts", ""]
        lines += table(copied, check.stderr)
        summary = check.stderr.strip().splitlines()[-1:] or ["(no output)"]
        lines += ["", f"`site-builder check`: exit {check.returncode}, {summary[0]}"]
        problems = [ln for ln in check.stderr.splitlines() if _DIAGNOSTIC.match(ln)]
        lines += [f"- {ln}" for ln in problems[:20]]
        built = run_cli("build", "--content", str(content), "--output", str(output))
        lines += ["", f"`site-builder build`: exit {built.returncode}"]
        if built.returncode == 0:
            lines.append(f"- {built.stdout.strip()}")
            people, missing = people_without_pages(content, output)
            verdict = "every person has a page" if not missing else f"missing: {missing}"
            lines.append(f"- {people} people; {verdict}")
        else:
            tail = (built.stderr or built.stdout).strip().splitlines()[-15:]
            lines += ["- build failed:", "```", *tail, "```"]
        print("\n".join(lines))
        return 0 if check.returncode == 0 and built.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
