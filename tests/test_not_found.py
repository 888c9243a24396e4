"""The 404 page, sent for every mistyped address, stays the same size however large the archive."""

from __future__ import annotations

from pathlib import Path

from site_builder.incremental.builder import build

from .sitetree import make_content


def test_the_404_page_does_not_grow_with_the_archive(tmp_path: Path) -> None:
    sizes = {}
    for count in (3, 25):
        content = make_content(tmp_path / f"content-{count}", count)
        output = tmp_path / f"site-{count}"
        assert build(content, output, search=False).ok
        page = (output / "404.html").read_text(encoding="utf-8")
        assert "call-001" not in page and "Quarterly call" not in page
        assert f'href="/transcripts/">Transcripts ({count})</a>' in page
        sizes[count] = len(page)
    assert sizes[25] - sizes[3] == 1  # "(25)" is one digit longer than "(3)"
