"""Transcript discovery: a file name becomes a page address; unsafe or clashing names are errors."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from site_builder.errors import Diagnostics
from site_builder.load import sources
from site_builder.text import safety

TRANSCRIPT = b"Alice Smith: Hello and welcome.\n\nBob Jones: Thank you.\n"


def discover(tmp_path: Path, *names: str) -> tuple[tuple[sources.SourceFile, ...], Diagnostics]:
    folder = tmp_path / "content" / "transcripts"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_bytes(TRANSCRIPT)
    diagnostics = Diagnostics()
    return sources.discover(tmp_path / "content", diagnostics), diagnostics


def test_ordinary_names_become_lowercase_slugs_with_their_sidecar(tmp_path: Path) -> None:
    found, diagnostics = discover(tmp_path, "Tesla-2012-Q2.txt", "tesla-2012-q2.yaml", "b.md")
    assert not list(diagnostics)
    assert [(s.slug, s.path.name) for s in found] == [
        ("b", "b.md"),
        ("tesla-2012-q2", "Tesla-2012-Q2.txt"),
    ]
    assert found[1].annotation_path is not None
    assert found[1].annotation_path.name == "tesla-2012-q2.yaml"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("con.txt", "reserved device name"),
        ("LPT3.md", "reserved device name"),
        ("aux.notes.txt", "reserved device name"),
        ("call\x01one.txt", "U+0001"),
        ("call\nnewline.txt", "U+000A"),
        ("call\u200bhidden.txt", "U+200B"),
        ("a\\b.txt", "path separator"),
        ("what?.txt", "Windows forbids"),
        ("trailing .txt", "ends with a dot or a space"),
        (" .txt", "empty"),
        ("x" * 220 + ".txt", "longer than"),
    ],
)
def test_unsafe_file_names_are_errors_at_the_file_and_left_out(
    tmp_path: Path, name: str, reason: str
) -> None:
    found, diagnostics = discover(tmp_path, name, "fine.txt")
    assert [s.slug for s in found] == ["fine"]
    [error] = diagnostics.errors
    assert reason in error.message
    assert "rename the file" in (error.hint or "")
    text = str(error)
    assert "\n" not in text and "\x01" not in text  # printable on one terminal line
    assert text.startswith(safety.printable(sources.display_path(tmp_path / "content")))


def test_names_differing_only_in_case_are_one_error_naming_both(tmp_path: Path) -> None:
    found, diagnostics = discover(tmp_path, "Tesla.txt", "tesla.txt", "other.txt")
    assert [s.slug for s in found] == ["other"]
    [error] = diagnostics.errors
    assert "'Tesla.txt' and 'tesla.txt'" in error.message
    assert "letter case" in error.message


def test_composed_and_decomposed_accents_collide(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "société.txt")
    decomposed = unicodedata.normalize("NFD", "Société.txt")
    found, diagnostics = discover(tmp_path, composed, decomposed)
    assert found == ()
    [error] = diagnostics.errors
    assert composed in error.message and decomposed in error.message


def test_two_transcripts_with_one_stem_claim_one_url(tmp_path: Path) -> None:
    found, diagnostics = discover(tmp_path, "x.txt", "x.md")
    assert found == ()
    [error] = diagnostics.errors
    assert "'x.md' and 'x.txt'" in error.message
    assert "/transcripts/x/" in error.message
    assert error.path.endswith("x.txt")


def test_two_annotation_files_for_one_transcript_are_an_error(tmp_path: Path) -> None:
    found, diagnostics = discover(tmp_path, "x.txt", "x.yaml", "x.yml")
    assert found == ()
    [error] = diagnostics.errors
    assert "x.yaml" in error.message and "x.yml" in error.message


def test_hidden_files_and_notes_are_not_transcripts(tmp_path: Path) -> None:
    found, diagnostics = discover(tmp_path, ".DS_Store", ".x.txt.swp", "README.md", "a.txt")
    assert [s.slug for s in found] == ["a"]
    assert not list(diagnostics)


@pytest.mark.parametrize(
    "name", ["..", ".", "", "   ", "a/b", "/etc", "C:", "nul", "Com1", "ok\x00", ".hidden"]
)
def test_segment_problem_rejects_names_that_escape_or_mean_something_else(name: str) -> None:
    assert safety.segment_problem(name) is not None


@pytest.mark.parametrize(
    "name", ["tesla-2012-q2", "elon-musk", "société-générale", "con-call", "comma"]
)
def test_segment_problem_accepts_ordinary_ids(name: str) -> None:
    assert safety.segment_problem(name) is None


def test_collisions_group_every_source_of_one_name() -> None:
    groups = safety.collisions([("Ben", "a.yaml:3"), ("ben", "b.yaml:9"), ("cj", "c.yaml:1")])
    assert groups == [("a.yaml:3", "b.yaml:9")]
