"""One organisation per firm: canonical names, the table of renames, and an editor's way out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder import pipeline
from site_builder.errors import Diagnostics
from site_builder.text import firms

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("written", "firm"),
    [
        ("UBS Investment Bank, Research Division", "ubs"),
        ("Goldman Sachs & Company, Inc.", "goldman sachs"),
        ("Goldman Sachs Group, Inc., Research Division", "goldman sachs"),
        ("Cowen and Company, LLC", "cowen"),
        ("Crédit Suisse AG, Research Division", "credit suisse"),
        ("Credit Suisse Securities (USA) LLC", "credit suisse"),
        ("Citi", "citigroup"),  # the table of renames
        ("BofA Global Research", "bank of america"),
        ("Bank of America Merrill Lynch", "bank of america"),
        ("Sanford C. Bernstein & Co., LLC., Research Division", "bernstein"),
        ("Evercore ISI Institutional Equities, Research Division", "evercore"),
        ("JP Morgan", "jpmorgan"),
        ("The Wall Street Journal, Inc.", "wall street journal"),
        ("Deutsche Bank AG", "deutsche bank"),
    ],
)
def test_canonical_form(written: str, firm: str) -> None:
    assert firms.canonical(written) == firm


def test_different_firms_stay_apart() -> None:
    names = ["Morgan Stanley", "JPMorgan", "Bank of America", "Bank of Montreal", "Barclays"]
    assert len({firms.canonical(n) for n in names}) == len(names)


def _content(tmp_path: Path, organizations: str | None) -> Path:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    for name in ("sa_boeing_2018q1_oldlayout_ascii.txt", "sa_boeing_2018q2_two_qa_sessions.txt"):
        shutil.copyfile(CORPUS / "seeking_alpha" / name, content / "transcripts" / name)
    if organizations is not None:
        (content / "organizations.yaml").write_text(organizations, "utf-8")
    return content


def _merges(diagnostics: Diagnostics) -> list[str]:
    return [d.message for d in diagnostics.warnings if d.message.startswith("one organisation")]


def test_each_merge_is_reported_once(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    site = pipeline.load_site(_content(tmp_path, None), diagnostics)
    merges = _merges(diagnostics)
    assert len(merges) == len(set(merges))
    [wsj] = [m for m in merges if "'wall-street-journal'" in m]
    assert "'The Wall Street Journal'" in wsj and "'The Wall Street Journal, Inc.'" in wsj
    assert len(site.organizations["wall-street-journal"].people) == 2


def test_organizations_yaml_extends_and_overrides_the_merges(tmp_path: Path) -> None:
    # Names listed as two organisations stay two; a listed alias claims every name of its firm.
    listed = (
        "wsj-inc:\n  name: The Wall Street Journal, Inc.\n"
        "wsj:\n  name: The Wall Street Journal\n"
        "credit-suisse-group:\n  name: Credit Suisse Group\n  aliases: [Credit Suisse]\n"
    )
    diagnostics = Diagnostics()
    site = pipeline.load_site(_content(tmp_path, listed), diagnostics)
    assert len(site.organizations["wsj-inc"].people) == 1
    assert len(site.organizations["wsj"].people) == 1
    assert "wall-street-journal" not in site.organizations
    assert "credit-suisse" not in site.organizations
    assert site.organizations["credit-suisse-group"].people  # "Credit Suisse Securities (USA)"
    assert not any("Wall Street Journal" in m for m in _merges(diagnostics))
