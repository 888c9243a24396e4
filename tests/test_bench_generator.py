"""The benchmark's generated corpus: deterministic, seed-shaped, realistic in size and reuse.

The benchmark itself is not a timed test (see bench/ and docs/benchmarks.md); these tests only
make sure what it measures on is what it claims to be.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from corpusgen import content, corpus, generate
from site_builder import cli, readers
from site_builder.exchanges import group as qa
from site_builder.load import sources


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != generate.STAMP
    }


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench3")
    generate.generate(3, out, seed=7)
    return out


def test_same_seed_gives_the_same_bytes(three: Path, tmp_path: Path) -> None:
    generate.generate(3, tmp_path, seed=7)
    assert _files(tmp_path) == _files(three)


def test_another_seed_gives_another_corpus(three: Path, tmp_path: Path) -> None:
    generate.generate(3, tmp_path, seed=8, with_hugo=False)
    ours = _files(tmp_path / "content")
    theirs = _files(three / "content")
    assert ours.keys() != theirs.keys() or ours != theirs


def test_folder_layout_matches_a_site_builder_content_folder(three: Path) -> None:
    names = set(_files(three / "content"))
    for site_file in ("site.yaml", "speakers.yaml", "organizations.yaml", "topics.yaml"):
        assert site_file in names
    transcripts = [n for n in names if n.startswith("transcripts/") and n.endswith(".txt")]
    assert len(transcripts) == 3
    hugo_pages = [n for n in _files(three / "hugo") if n.startswith("content/transcripts/")]
    assert len(hugo_pages) == 3


def test_transcripts_are_50_to_70_kb(three: Path) -> None:
    for path in (three / "content" / "transcripts").glob("*.txt"):
        assert 50_000 <= path.stat().st_size <= 70_000, path.name


def test_generated_content_checks_clean(three: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Annotations use only keys, ids and topics site-builder accepts: no error. The only
    warnings are about what the generator does on purpose, as the seed does: an operator naming
    an analyst's firm by its short form (``from Baird``)."""
    status = cli.main(["check", "--content", str(three / "content")])
    report = capsys.readouterr().err
    assert status == 0, report
    assert " 0 error(s)" in report
    warnings = [line for line in report.splitlines() if ": warning: " in line]
    assert all("a short form of" in line for line in warnings), report


def test_seeking_alpha_reader_reads_every_participant_and_exchange() -> None:
    archive = corpus.generate(3, seed=7)
    for call in archive.calls:
        source = sources.decode(content.transcript_text(call).encode("utf-8"))[0]
        parsed = qa.group_exchanges(
            readers.read(sources.SourceText(f"{call.slug}.txt", source, "utf-8"))
        )
        assert parsed.format == "seeking-alpha"
        assert parsed.event.ticker == call.company.ticker
        assert parsed.event.date == call.date
        names = {p.name for p in parsed.participants}
        expected = {p.name for p in call.executives + call.analysts} | {"Operator"}
        assert names == expected
        askers = [parsed.participant(e.asker).name for e in parsed.exchanges if e.asker]
        assert askers == [a.name for a in call.analysts]


def test_people_recur_like_a_real_archive() -> None:
    """Executives stay with their company across quarters; analysts cover several companies."""
    archive = corpus.generate(240, seed=7)
    companies_of: dict[str, set[str]] = defaultdict(set)
    calls_of: dict[str, int] = defaultdict(int)
    for call in archive.calls:
        for person in call.executives + call.analysts:
            companies_of[person.id].add(call.company.id)
            calls_of[person.id] += 1
        ceo = call.executives[1]
        assert ceo.organization == call.company.id
    executives = {p.id for c in archive.calls for p in c.executives}
    analysts = {p.id for c in archive.calls for p in c.analysts}
    assert all(len(companies_of[e]) == 1 for e in executives)
    assert max(calls_of[e] for e in executives) == corpus.QUARTERS_PER_COMPANY
    assert sum(1 for a in analysts if len(companies_of[a]) >= 2) >= len(analysts) // 2
    assert sorted(calls_of[a] for a in analysts)[len(analysts) // 2] >= 12
