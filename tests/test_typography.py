"""Quotation marks in what editors write read like those in the transcript: curly, not straight."""

from __future__ import annotations

from pathlib import Path

from site_builder import markdown

PAGE = "transcripts/tesla-2012-q2/index.html"


def test_a_summary_and_a_note_use_the_curly_quotes_of_the_text_beside_them(
    demo_site: Path,
) -> None:
    html = (demo_site / PAGE).read_text(encoding="utf-8")
    # Written with straight quotes in the demo's sidecar.
    assert "raise “as a cushion” is" in html
    assert "“Franz” is Franz von Holzhausen" in html
    assert "&quot;as a cushion" not in html and "&quot;Franz" not in html


def test_apostrophes_curl_and_code_keeps_what_was_typed() -> None:
    html = markdown.render('It\'s the "cash low point"; `x = "1"` and 5\' 10".')
    assert "It’s the “cash low point”" in html
    assert "<code>x = &quot;1&quot;</code>" in html
