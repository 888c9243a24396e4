"""YAML annotations as an author meets them: every mistake at its line and column, the demo's
annotations applied, identities resolved across transcripts, anchors untouched by corrections."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder import cli, pipeline
from site_builder.annotate import apply as annotate
from site_builder.annotate import sidecars
from site_builder.errors import Diagnostics
from site_builder.load import sources
from site_builder.load.yamlload import MAX_ALIAS_COPIES, Mapping, Scalar, parse_yaml
from site_builder.model import ParsedTranscript, Transcript

TESTS = Path(__file__).parent
REPO = TESTS.parent
CASES = TESTS / "content_errors"
CORPUS = TESTS / "corpus"
DEMO = REPO / "content"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "site_builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def copy_case(name: str, into: Path) -> Path:
    """The case's content folder in ``into``; ``corpus.txt`` names a corpus transcript to add."""
    case = CASES / name
    shutil.copytree(case / "content", into / "content")
    marker = case / "corpus.txt"
    if marker.is_file():
        source, target = marker.read_text(encoding="utf-8").split()
        shutil.copyfile(CORPUS / source, into / "content" / "transcripts" / target)
    return into / "content"


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_check_reports_each_mistake_at_its_line_and_column(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_case(case, tmp_path)
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    # In-process for speed; the subprocess tests below cover the installed command itself.
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "--content", "content"]) == 1
    assert error_lines(capsys.readouterr().err) == expected


def test_check_command_exits_1_and_prints_every_error(tmp_path: Path) -> None:
    copy_case("seed_references", tmp_path)
    expected = (CASES / "seed_references" / "expected.txt").read_text(encoding="utf-8")
    result = run_cli("check", "--content", "content", cwd=tmp_path)
    assert result.returncode == 1
    assert error_lines(result.stderr) == expected.splitlines()
    assert "Traceback" not in result.stderr


def test_mistakes_in_two_files_are_reported_in_one_run(tmp_path: Path) -> None:
    copy_case("two_files", tmp_path)
    errors = error_lines(run_cli("check", "--content", "content", cwd=tmp_path).stderr)
    assert {line.split(":")[0] for line in errors} == {
        "content/site.yaml",
        "content/transcripts/call.yaml",
    }


def test_build_with_broken_yaml_writes_nothing_and_keeps_the_old_site(tmp_path: Path) -> None:
    content = copy_case("yaml_syntax", tmp_path)
    sidecar = content / "transcripts" / "call.yaml"
    broken = sidecar.read_text(encoding="utf-8")
    sidecar.write_text("title: Investor day\n", encoding="utf-8")
    good = run_cli("build", "--content", "content", "--output", "_site", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    old_site = tmp_path / "_site"
    before = {p.relative_to(old_site): p.read_bytes() for p in old_site.rglob("*") if p.is_file()}
    assert before

    sidecar.write_text(broken, encoding="utf-8")
    result = run_cli("build", "--content", "content", "--output", "_site", cwd=tmp_path)
    assert result.returncode != 0
    assert "content/transcripts/call.yaml:2:17: error: invalid YAML" in result.stderr
    after = {p.relative_to(old_site): p.read_bytes() for p in old_site.rglob("*") if p.is_file()}
    assert after == before
    fresh = run_cli("build", "--content", "content", "--output", "fresh", cwd=tmp_path)
    assert fresh.returncode != 0
    assert not (tmp_path / "fresh").exists()


# ---- the demo's annotations ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Transcript:
    diagnostics = Diagnostics()
    site = pipeline.load_site(DEMO, diagnostics)
    assert [str(d) for d in diagnostics if d.path.endswith((".yaml", ".yml"))] == []
    (transcript,) = site.transcripts
    return transcript


def test_demo_annotations_give_every_exchange_topics(demo: Transcript) -> None:
    exchanges = demo.parsed.exchanges
    assert [e.id for e in exchanges] == [f"q{n:02d}" for n in range(1, 13)]
    assert all(e.topics for e in exchanges)
    assert demo.summary and "Model S" in demo.summary
    assert demo.company == "tesla-motors"


def test_demo_correction_fixes_the_operator_line_and_is_recorded(demo: Transcript) -> None:
    (correction,) = [c for c in demo.corrections if c.find == "Jeffries"]
    turn = next(t for t in demo.parsed.turns if t.id == correction.turn)
    assert turn.speaker == "operator"
    assert "from Jefferies." in turn.paragraphs[correction.paragraphs[0]]
    assert not any("Jeffries" in p for t in demo.parsed.turns for p in t.paragraphs)
    assert correction.reason


def test_demo_firms_resolve_to_canonical_organisations(demo: Transcript) -> None:
    assert demo.organization_of("ben-kallo") == "robert-w-baird"
    assert demo.organization_of("jesse-pichel") == "jefferies"
    assert demo.organization_of("michael-lew") == "needham"
    assert {demo.organization_of(p) for p in ("elon-musk", "deepak-ahuja")} == {"tesla-motors"}
    assert demo.person_of("operator") == "operator"


def test_a_correction_never_changes_an_anchor() -> None:
    path = DEMO / "transcripts" / "tesla-2012-q2.txt"
    notes = sidecars.load_transcript_annotations(path.with_suffix(".yaml"), Diagnostics())
    parsed = pipeline.parse(sources.read_source(path))
    site = sidecars.load_site_annotations(DEMO, Diagnostics())
    # Lengthen every correction so the corrected text differs a lot from the original.
    notes = replace(
        notes, corrections=tuple(replace(c, replace=c.replace * 5) for c in notes.corrections)
    )
    diagnostics = Diagnostics()
    corrected = annotate.annotate("tesla-2012-q2", parsed, notes, site, diagnostics).parsed
    assert diagnostics.errors == []

    def anchors(p: ParsedTranscript) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        return (
            [(t.id, t.speaker, t.exchange, t.line, len(t.paragraphs)) for t in p.turns],
            [(e.id, e.asker, e.turns) for e in p.exchanges],
        )

    assert anchors(corrected) == anchors(parsed)
    changed = [t.id for t, u in zip(parsed.turns, corrected.turns, strict=True) if t != u]
    assert changed == [c.turn.value for c in notes.corrections if c.turn] == ["t162"]


# ---- identities across transcripts --------------------------------------------------------------


def small_call(company: str, analyst: str, firm: str, when: str) -> str:
    """A short call in the Seeking Alpha layout: one executive, one analyst, one exchange."""
    return (
        f"{company} (NASDAQ:EXM) Q1 2013 Earnings Call {when} 5:00 PM ET\n"
        "Executives\nJane Doe - Chief Executive Officer\n"
        f"Analysts\n{analyst} - {firm}\nOperator\nGood day, and welcome to the call.\n"
        "Jane Doe\nThank you. Revenue grew.\nQuestion-and-Answer Session\nOperator\n"
        f"Our first question comes from {analyst} from {firm}.\n"
        f"{analyst} - {firm}\nHow is demand?\nJane Doe\nDemand is strong.\n"
    )


def two_calls(tmp_path: Path, extra: dict[str, str]) -> list[Transcript]:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    calls = {
        "a-2013-q1.txt": small_call("Example Corp", "CJ Muse", "Evercore", "April 25, 2013"),
        "b-2013-q2.txt": small_call("Other Inc", "C.J. Muse", "Evercore ISI", "July 25, 2013"),
        **extra,
    }
    site_files = {"speakers.yaml", "organizations.yaml", "topics.yaml"}
    for name, text in calls.items():
        folder = content if name in site_files else content / "transcripts"
        (folder / name).write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    site = pipeline.load_site(content, diagnostics)
    assert diagnostics.errors == []
    return sorted(site.transcripts, key=lambda t: t.slug)


def test_cj_muse_and_c_j_muse_are_one_person(tmp_path: Path) -> None:
    first, second = two_calls(tmp_path, {})
    asker = [e.asker for t in (first, second) for e in t.parsed.exchanges]
    assert [p.name for t in (first, second) for p in t.parsed.participants if p.id in asker] == [
        "CJ Muse",
        "C.J. Muse",
    ]
    assert first.person_of(asker[0]) == second.person_of(asker[1]) == "cj-muse"


def test_site_wide_aliases_name_the_person_and_the_firm(tmp_path: Path) -> None:
    first, second = two_calls(
        tmp_path,
        {
            "speakers.yaml": "christopher-muse:\n  name: Christopher Muse\n"
            "  aliases: [CJ Muse, C.J. Muse]\n",
            "organizations.yaml": "evercore:\n  name: Evercore\n  aliases: [Evercore ISI]\n",
        },
    )
    for transcript in (first, second):
        asker = transcript.parsed.exchanges[0].asker
        assert asker is not None
        assert transcript.person_of(asker) == "christopher-muse"
        assert transcript.organization_of(asker) == "evercore"


def test_explicit_person_and_speaker_details_win(tmp_path: Path) -> None:
    sidecar = (
        "speakers:\n  C.J. Muse:\n    person: christopher-muse\n"
        "    display_name: Christopher J. Muse\n    role: Semiconductor analyst\n"
    )
    _, second = two_calls(
        tmp_path,
        {
            "speakers.yaml": "christopher-muse:\n  name: Christopher Muse\n",
            "b-2013-q2.yaml": sidecar,
        },
    )
    (muse,) = [p for p in second.parsed.participants if p.group == "analyst"]
    assert (muse.name, muse.role) == ("Christopher J. Muse", "Semiconductor analyst")
    assert "C.J. Muse" in muse.aliases
    assert second.person_of(muse.id) == "christopher-muse"


# ---- the loader itself --------------------------------------------------------------------------


def test_values_keep_their_position_and_the_text_as_written() -> None:
    root = parse_yaml(
        "title: Q2\ncompany:\n  ticker: 007\n  date: 2012-07-25\n", "f", Diagnostics()
    )
    assert isinstance(root, Mapping)
    company = dict((k.value, v) for k, v in root.entries)["company"]
    assert isinstance(company, Mapping)
    ticker, date = (v for _, v in company.entries)
    assert isinstance(ticker, Scalar) and (ticker.raw, ticker.line, ticker.col) == ("007", 3, 11)
    assert isinstance(date, Scalar) and date.value == "2012-07-25"


def test_recursive_alias_is_an_error_not_a_hang() -> None:
    diagnostics = Diagnostics()
    parse_yaml("a: &a [x, *a]\n", "f.yaml", diagnostics)
    assert [str(d) for d in diagnostics] == ["f.yaml:1:4: error: recursive YAML alias"]


def test_alias_expansion_is_bounded() -> None:
    doc = "a: &a [" + ", ".join(["x"] * 100) + "]\n"
    doc += "b: &b [" + ", ".join(["*a"] * 100) + "]\n"
    doc += "c: [" + ", ".join(["*b"] * 100) + "]\n"
    diagnostics = Diagnostics()
    assert parse_yaml(doc, "f.yaml", diagnostics) is None
    assert f"more than {MAX_ALIAS_COPIES} values into the document" in diagnostics.errors[0].message
