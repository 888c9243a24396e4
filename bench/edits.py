"""The edits a rebuild is timed after: one transcript, one annotation file, one template.

Each edit is a small, realistic change an editor makes in the preview server, applied to a working
copy of the content folder (never to the cached corpus). ``counter`` makes repeated edits differ.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

TEMPLATE_PREFERENCE = ("transcript.html", "transcript.html.j2", "page.html", "base.html")
"""The template edited in the template-edit rebuild: the transcript page's, when it has one."""


def _middle(paths: list[Path]) -> Path:
    if not paths:
        raise FileNotFoundError("nothing to edit")
    return sorted(paths)[len(paths) // 2]


def _with_sentence(text: str, sentence: str) -> str:
    """``text`` with ``sentence`` appended to the first long paragraph of its Q&A."""
    lines = text.split("\n")
    start = lines.index("Question-and-Answer Session")
    target = next(i for i in range(start, len(lines)) if len(lines[i]) > 200)
    lines[target] += f" {sentence}"
    return "\n".join(lines)


def edit_transcript(content_dir: Path, counter: int) -> Path:
    """Append a sentence to the first long paragraph of the Q&A of the middle transcript."""
    path = _middle(list((content_dir / "transcripts").glob("*.txt")))
    text = path.read_text(encoding="utf-8")
    path.write_text(
        _with_sentence(text, f"We corrected this sentence in edit {counter}."), encoding="utf-8"
    )
    return path


def edit_annotation(content_dir: Path, counter: int) -> Path:
    """Reword the summary in the middle annotation sidecar."""
    path = _middle(list((content_dir / "transcripts").glob("*.yaml")))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"] = f"{data.get('summary') or ''} Edited for the benchmark ({counter})."
    path.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )
    return path


def install_theme_templates(theme_templates: Path, content_dir: Path) -> Path:
    """Copy the default theme's templates into the content's override folder (same output)."""
    target = content_dir / "templates"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(theme_templates, target)
    return target


def template_to_edit(templates_dir: Path) -> Path:
    for name in TEMPLATE_PREFERENCE:
        found = sorted(templates_dir.rglob(name))
        if found:
            return found[0]
    found = sorted(p for p in templates_dir.rglob("*.html") if p.is_file())
    if not found:
        raise FileNotFoundError(f"no templates in {templates_dir}")
    return found[0]


_BLOCK = re.compile(r"\{%-?\s*block\s+\w+\s*-?%\}")


def edit_template(templates_dir: Path, counter: int) -> Path:
    """Add visible markup inside the template's first block (or before ``</body>``)."""
    path = template_to_edit(templates_dir)
    text = path.read_text(encoding="utf-8")
    marker = f"<!-- bench edit {counter} -->"
    match = _BLOCK.search(text)
    if match:
        text = text[: match.end()] + marker + text[match.end() :]
    elif "</body>" in text:
        text = text.replace("</body>", marker + "</body>", 1)
    else:
        text += marker
    path.write_text(text, encoding="utf-8")
    return path


def add_transcript(content_dir: Path, counter: int) -> Path:
    """A new call: the middle transcript under a new name, with a sentence of its own.

    Without a sidecar: a call added in a hurry has none yet.
    """
    source = _middle(list((content_dir / "transcripts").glob("*.txt")))
    target = source.with_name(f"{source.stem}-added-{counter}.txt")
    text = source.read_text(encoding="utf-8")
    target.write_text(
        _with_sentence(text, f"This call was added in edit {counter}."), encoding="utf-8"
    )
    return target
