"""Published JSON is what ``json.dumps(..., indent=2)`` writes, byte for byte, however nested."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.render import jsonout

PLAIN = st.none() | st.booleans() | st.integers() | st.text()
"""What the site's data files hold: no floats."""


def _nested(scalars: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(
                st.text() | st.integers() | st.booleans() | st.none(), inner, max_size=4
            )
        ),
        max_leaves=30,
    )


VALUES = _nested(PLAIN | st.floats(allow_nan=True, allow_infinity=True))
PUBLISHED = _nested(PLAIN)


@given(VALUES)
def test_dumps_writes_what_json_dumps_writes(value: Any) -> None:
    assert jsonout.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_dumps_refuses_what_json_cannot_write() -> None:
    with pytest.raises(TypeError):
        jsonout.dumps({"when": object()})
    with pytest.raises(TypeError):
        jsonout.dumps({("a", "b"): 1})


@given(PUBLISHED)
def test_compact_writes_what_json_dumps_writes_on_one_line(value: Any) -> None:
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert jsonout.compact_bytes(value) == expected.encode("utf-8")
    assert jsonout.compact(value) == expected


def test_compact_writes_huge_integers_and_keys_that_are_not_strings_as_json_does() -> None:
    value = {"n": 10**30, 7: [None, True], None: "x"}
    assert (
        jsonout.compact(value)
        == '{"n":1000000000000000000000000000000,"7":[null,true],"null":"x"}\n'
    )


def test_compact_refuses_what_json_cannot_write() -> None:
    with pytest.raises(TypeError):
        jsonout.compact({"when": object()})
