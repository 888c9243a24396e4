"""The demo site's main pages, byte for byte, against reviewed copies in ``tests/golden/``.

Any change to what a reader gets (markup, wording, order, links, anchors) shows up here as a diff
to read before it is accepted: rerun with ``--update-golden`` to rewrite the copies, then read
``git diff tests/golden``. The build is deterministic (``tests/test_reproducible.py``), so the
files hold no dates or random ids to mask.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from site_builder.incremental.builder import build

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
PAGES = {
    "transcript.html": "transcripts/tesla-2012-q2/index.html",
    "person.html": "people/elon-musk/index.html",
    "analyst.html": "people/adam-jonas/index.html",
    "organization.html": "organizations/tesla-motors/index.html",
    "topic.html": "topics/production-ramp/index.html",
    "home.html": "index.html",
}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("golden") / "site"
    result = build(ROOT / "content", output, base_url="https://example.org/calls/", search=False)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return output


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_reviewed_copy(demo_site: Path, name: str, update_golden: bool) -> None:
    built = (demo_site / PAGES[name]).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(built, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if built != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), built.splitlines(), f"golden/{name}", "built", lineterm="", n=1
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"{PAGES[name]} differs from tests/golden/{name}:\n{shown}")
