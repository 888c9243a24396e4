"""Limits that say what they limit: alias copies, file size, name and title length, Markdown depth.

Large ordinary files load; only what is absurd is refused, with a message naming the limit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from site_builder.annotate import sidecars
from site_builder.errors import Diagnostics
from site_builder.incremental.builder import build
from site_builder.load import yamlload
from site_builder.load.yamlload import MAX_ALIAS_COPIES, parse_yaml

from .browser import CONTENT

DEMO = "tesla-2012-q2"
QUOTED_TURNS = [f"t{n:03d}" for n in (17, 32, 33, 34, 36, 42, 69, 108, 118, 150, 151, 171)]


def people(count: int) -> str:
    return "".join(
        f"person-{i:05d}:\n  name: Person Number{i:05d} Smith\n  role: Analyst\n"
        f"  aliases: [P. Number{i:05d}]\n"
        for i in range(count)
    )


def test_fifty_thousand_people_in_speakers_yaml_load(tmp_path: Path) -> None:
    (tmp_path / "speakers.yaml").write_text(people(50_000), encoding="utf-8")
    diagnostics = Diagnostics()
    loaded = sidecars.load_site_annotations(tmp_path, diagnostics)
    assert [str(d) for d in diagnostics] == []
    assert len(loaded.people) == 50_000
    assert loaded.people["person-49999"].name == "Person Number49999 Smith"


def test_twelve_thousand_corrections_load_and_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    corrections = "".join(
        f'  - find: "Model S"\n    replace: "Model S"\n    reason: "check {i}"\n'
        f"    turn: {QUOTED_TURNS[i % len(QUOTED_TURNS)]}\n"
        for i in range(12_000)  # past the old cap, which counted every value as an alias copy
    )
    sidecar.write_text(
        sidecar.read_text().replace("corrections:\n", "corrections:\n" + corrections, 1)
    )
    notes = sidecars.load_transcript_annotations(sidecar, Diagnostics())
    assert len(notes.corrections) > 12_000
    result = build(content, tmp_path / "_site", search=False)
    assert result.ok, [str(d) for d in result.diagnostics.errors][:3]


def test_alias_copies_are_counted_not_values_written() -> None:
    # 150,000 values written out, none copied: an ordinary large file, not an alias bomb.
    ordinary = "".join(f"k{i}: [a, b]\n" for i in range(50_000))
    diagnostics = Diagnostics()
    assert parse_yaml(ordinary, "big.yaml", diagnostics) is not None
    assert not diagnostics.items
    bomb = "a: &a [" + ", ".join(["x"] * 100) + "]\n"
    bomb += "b: &b [" + ", ".join(["*a"] * 100) + "]\n"
    bomb += "c: [" + ", ".join(["*b"] * 100) + "]\n"
    assert parse_yaml(bomb, "bomb.yaml", diagnostics) is None
    assert [str(d) for d in diagnostics] == [
        f"bomb.yaml:1:1: error: aliases copy more than {MAX_ALIAS_COPIES} values into the "
        "document (each use of an alias copies what it names; is one alias repeating another?)"
    ]


def test_a_yaml_file_past_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "call.yaml"
    with path.open("wb") as stream:
        stream.truncate(yamlload.MAX_BYTES + 1_000_000)  # sparse: no disk, same size
    diagnostics = Diagnostics()
    assert yamlload.load_yaml(path, diagnostics) is None
    assert [d.message for d in diagnostics] == ["file is 33 MB; YAML files are limited to 32 MB"]


def test_an_overlong_name_or_title_is_an_error_naming_its_limit(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    speakers = content / "speakers.yaml"
    speakers.write_text(speakers.read_text() + f"huge:\n  name: {'N' * 5_000_000}\n")
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    sidecar.write_text(f"title: {'T' * 1001}\n" + sidecar.read_text().split("\n", 3)[3])
    result = build(content, tmp_path / "_site", search=False)
    errors = [d.message for d in result.diagnostics.errors]
    assert "name is 5,000,000 characters long; the limit is 500" in errors
    assert "title is 1,001 characters long; the limit is 1000" in errors
    assert len(errors) == 2
    assert not (tmp_path / "_site").exists()


def test_markdown_deeper_than_the_nesting_limit_is_a_warning_at_its_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    sidecar = content / "transcripts" / f"{DEMO}.yaml"
    text = sidecar.read_text()
    sidecar.write_text(text.replace("summary: |\n", "summary: |\n  " + ">" * 25 + " deep\n", 1))
    line = text.split("\n").index("summary: |") + 1
    result = build(content, tmp_path / "_site", search=False)
    warned = [(d.line, d.message) for d in result.diagnostics.warnings if "Markdown" in d.message]
    assert warned == [
        (
            line,
            "Markdown nested more than 19 levels deep (quotes or lists inside each other); the "
            "text past that depth is not shown",
        )
    ]
