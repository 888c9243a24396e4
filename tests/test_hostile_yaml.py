"""Hostile annotation YAML: a `path:line:col` diagnostic or a clean load, never a traceback, a
hang, or a Python object built from a tag.

Each file goes through the loaders ``site-builder`` calls (``load_transcript_annotations`` and
``load_site_annotations``), and its time is held to a budget relative to a realistic annotation
file of the same size.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.annotate.sidecars import load_site_annotations, load_transcript_annotations
from site_builder.errors import Diagnostics
from site_builder.load.sources import display_path
from site_builder.load.yamlload import parse_yaml

FACTOR = 5.0
FLOOR_SECONDS = 0.1


def realistic_annotations(size: int) -> str:
    """A sidecar file like the demo's: title, company, speakers, exchanges with topics and notes."""
    out = ["title: Northwind Q2 2012 earnings call", "company:", "  name: Northwind", "exchanges:"]
    n = 0
    while sum(len(line) + 1 for line in out) < size:
        n += 1
        out += [
            f"  q{n:02d}:",
            "    topics: [production-ramp, cash-and-liquidity, demand]",
            "    note: >-",
            f"      The {n}th answer explains why the ramp is slow and what it costs in cash.",
        ]
    return "\n".join(out) + "\n"


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def load(tmp_path: Path, data: bytes, name: str = "call.yaml") -> tuple[Diagnostics, Path]:
    """Load ``data`` as a transcript's sidecar, within the time budget; the diagnostics."""
    path = tmp_path / name
    path.write_bytes(data)
    diagnostics = Diagnostics()
    spent = _seconds(lambda: load_transcript_annotations(path, diagnostics))
    normal = tmp_path / "normal.yaml"
    normal.write_text(realistic_annotations(len(data)), encoding="utf-8")
    runs = 2 if len(data) < 100_000 else 1
    baseline = min(
        _seconds(lambda: load_transcript_annotations(normal, Diagnostics())) for _ in range(runs)
    )
    budget = FACTOR * baseline + FLOOR_SECONDS
    assert spent <= budget, f"took {spent:.2f} s; a normal file that size takes {baseline:.2f} s"
    return diagnostics, path


def assert_located(diagnostics: Diagnostics, path: Path) -> list[str]:
    """Every error prints as ``path:line:col: error: ...``; returns the printed errors."""
    shown = [str(d) for d in diagnostics.errors]
    prefix = re.escape(display_path(path)) + r":\d+:\d+: error: \S"
    for line in shown:
        assert re.match(prefix, line), line
    return shown


def test_ten_thousand_nested_lists_are_reported_not_a_crash(tmp_path: Path) -> None:
    data = ("title: " + "[" * 10_000 + "]" * 10_000 + "\n").encode()
    diagnostics, path = load(tmp_path, data)
    assert assert_located(diagnostics, path), "a title nested 10,000 deep was accepted"


def test_ten_thousand_nested_mappings_are_reported_not_a_crash(tmp_path: Path) -> None:
    data = ("exchanges: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n").encode()
    diagnostics, path = load(tmp_path, data)
    assert assert_located(diagnostics, path)


def test_deep_block_indentation_is_reported_not_a_crash(tmp_path: Path) -> None:
    data = (
        "".join(f"{' ' * level}k{level}:\n" for level in range(2_000)).encode()
        + b" " * 2000
        + b"x\n"
    )
    diagnostics, path = load(tmp_path, data)
    assert assert_located(diagnostics, path)


def alias_bomb(levels: int) -> bytes:
    """``a`` is nine lols, each next anchor nine of the previous: 9**levels values."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return ("\n".join(lines) + f"\ntitle: *a{levels - 1}\n").encode()


def test_billion_laughs_is_one_located_error_in_bounded_time(tmp_path: Path) -> None:
    """9**30 values cost no more than the 9**6 that first passes the expansion cap."""
    small_path, huge_path = tmp_path / "small.yaml", tmp_path / "huge.yaml"
    small_path.write_bytes(alias_bomb(6))
    huge_path.write_bytes(alias_bomb(30))
    small = _seconds(lambda: load_transcript_annotations(small_path, Diagnostics()))
    diagnostics = Diagnostics()
    huge = _seconds(lambda: load_transcript_annotations(huge_path, diagnostics))
    shown = assert_located(diagnostics, huge_path)
    assert len(shown) == 1 and "aliases copy more than" in shown[0]
    assert huge <= 3 * small + FLOOR_SECONDS, f"9**30 took {huge:.2f} s, 9**6 {small:.2f} s"


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    data = b"title: One\nsummary: s\ntitle: Two\n"
    diagnostics, path = load(tmp_path, data)
    shown = assert_located(diagnostics, path)
    assert shown[0].startswith(f"{display_path(path)}:3:1: error: duplicate key 'title'")
    assert "line 1" in shown[0]


WRONG_TYPES = """\
title: [not, text]
summary: {a: b}
format: 42
date: 12 July
company: [TSLA]
speakers:
  - Elon Musk
exchanges:
  q01: [a, b]
  q02:
    topics: {x: y}
    note: [1, 2]
turns: 7
corrections:
  find: x
"""


def test_wrong_types_everywhere_each_get_a_located_error(tmp_path: Path) -> None:
    diagnostics, path = load(tmp_path, WRONG_TYPES.encode())
    shown = assert_located(diagnostics, path)
    lines = {int(line.split(":")[1]) for line in shown}
    # Each wrongly typed value is reported where it is written (a list at its first item).
    assert {1, 2, 3, 4, 5, 7, 9, 11, 12, 13, 15} <= lines, shown


@pytest.mark.parametrize("date", ["2012-13-45", "2012-02-30", "0000-00-00"])
def test_impossible_date_is_a_located_error(tmp_path: Path, date: str) -> None:
    diagnostics, path = load(tmp_path, f"title: T\ndate: {date}\n".encode())
    shown = assert_located(diagnostics, path)
    assert any(line.startswith(f"{display_path(path)}:2:7: error: ") for line in shown), shown


@pytest.mark.parametrize(
    "data",
    [b"title: Caf\xe9\n", b"title: ok\nsummary: \xff\xfe\n", b"\xc3\x28: x\n"],
    ids=["latin-1 e-acute", "bad bytes on line 2", "invalid sequence in a key"],
)
def test_non_utf8_yaml_is_a_located_error(tmp_path: Path, data: bytes) -> None:
    diagnostics, path = load(tmp_path, data)
    shown = assert_located(diagnostics, path)
    assert len(shown) == 1 and "UTF-8" in shown[0]


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:pathlib.Path.touch [{marker}]",
        "!!python/object/new:pathlib.PosixPath [{marker}]",
        "!!python/name:os.system",
        "!!python/object:argparse.Namespace {{path: {marker}}}",
        "!custom {marker}",
        "!!binary aGVsbG8=",
        "!!set {{a, b}}",
    ],
)
def test_tags_never_construct_objects(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "constructed"
    text = f"title: {tag.format(marker=marker)}\nsummary: fine\n"
    diagnostics, path = load(tmp_path, text.encode())
    shown = assert_located(diagnostics, path)
    assert shown and "tag" in shown[0], shown
    assert not marker.exists()


def test_huge_text_value_loads(tmp_path: Path) -> None:
    summary = "word " * 100_000
    diagnostics, path = load(tmp_path, f"summary: {summary}\n".encode())
    assert assert_located(diagnostics, path) == []
    assert load_transcript_annotations(path, Diagnostics()).summary == summary.strip()


@pytest.mark.parametrize(
    "value",
    [
        "9" * 5_000,
        "0x" + "f" * 5_000,
        "1e" + "9" * 5_000,
        "0b" + "1" * 20_000,
    ],
)
def test_huge_numbers_are_loaded_or_reported(tmp_path: Path, value: str) -> None:
    diagnostics, path = load(tmp_path, f"title: {value}\n".encode())
    assert_located(diagnostics, path)


def test_site_wide_files_survive_the_same_attacks(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "speakers.yaml").write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    (content / "topics.yaml").write_bytes(b"t: {name: \xff}\n")
    (content / "organizations.yaml").write_text("x: !!python/object/apply:os.getcwd []\n")
    diagnostics = Diagnostics()
    load_site_annotations(content, diagnostics)
    printed = [str(d) for d in diagnostics.errors]
    for name in ("speakers.yaml", "topics.yaml", "organizations.yaml"):
        shown = display_path(content / name)
        assert any(re.match(re.escape(shown) + r":\d+:\d+: error: ", p) for p in printed), name


_YAML_BITS = st.sampled_from(
    [
        "title: x",
        "  - a",
        "&a",
        "*a",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "- ",
        "!!python/object:x",
        "? ",
        "'",
        '"',
        "\t",
        "#c",
        "%YAML 1.1",
        "---",
        "...",
        "<<: *a",
        "|",
        ">-",
        "\\x00",
        "exchanges:",
        "  q01:",
        "    topics: [a]",
        "\ufeff",
        "\x85",
        "\u2028",
        "9" * 30,
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(_YAML_BITS, st.text(max_size=12)), max_size=25))
def test_fuzzed_yaml_gives_located_errors_or_loads(tmp_path: Path, bits: list[str]) -> None:
    text = "\n".join(bits)
    diagnostics = Diagnostics()
    parse_yaml(text, "fuzz.yaml", diagnostics)
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    load_transcript_annotations(path, diagnostics)
    for d in diagnostics.errors:
        assert d.line is not None and d.col is not None, str(d)
        assert d.line >= 1 and d.col >= 1, str(d)
