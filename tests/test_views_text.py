"""Transcript text printed in Python escapes exactly as the templates' own escaping would.

The pages print names, URLs and every paragraph with ``views_text.esc`` and its shortcuts instead
of ``markupsafe``: these check, over arbitrary text, that nothing they print differs from what
``markupsafe.escape`` prints, and that the shortcuts give what the plain definitions give.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from site_builder.views import structured_data
from site_builder.views.text import MARKER, esc, excerpt, marks_html, paragraphs_html

# Text rich in what escaping, marks and word splitting care about, plus anything else.
SPECIAL = st.sampled_from([*"&<>\"'[] \t\n\u00a0\u2028\u2029…’,;:", "[laughter]", "&amp;"])
TEXT = st.lists(SPECIAL | st.text(max_size=8), max_size=40).map("".join)


@given(TEXT)
def test_esc_is_markupsafe_escape(text: str) -> None:
    assert esc(text) == str(escape(text))


@given(TEXT)
def test_marks_are_escaped_text_around_marked_insertions(text: str) -> None:
    expected = []
    last = 0
    for match in MARKER.finditer(text):
        expected.append(str(escape(text[last : match.start()])))
        expected.append(f'<span class="mark">{escape(match.group(0))}</span>')
        last = match.end()
    expected.append(str(escape(text[last:])))
    assert marks_html(text) == "".join(expected)


@given(st.lists(TEXT, max_size=5))
def test_paragraphs_are_one_p_each(paragraphs: list[str]) -> None:
    expected = "".join(f"<p>{marks_html(p)}</p>\n" for p in paragraphs)
    assert paragraphs_html(tuple(paragraphs)) == expected


@given(st.lists(TEXT, max_size=5), st.integers(min_value=1, max_value=12))
def test_excerpt_cuts_the_whole_turn_at_a_word(paragraphs: list[str], limit: int) -> None:
    # The definition: the turn's words, joined; cut after ``limit`` of them.
    words = " ".join(paragraphs).split()
    expected = " ".join(words)
    if len(words) > limit:
        expected = " ".join(words[:limit]).rstrip(",;:") + " …"
    assert excerpt(tuple(paragraphs), limit) == expected


@given(st.dictionaries(TEXT, TEXT, max_size=4))
def test_json_ld_is_the_json_with_markup_characters_as_escapes(data: dict[str, str]) -> None:
    text = str(structured_data.script_json(data))
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert json.loads(text) == data
