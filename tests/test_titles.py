"""Titles a reader would write: the source's own, tidied, else from speech, else the file name."""

from __future__ import annotations

import pytest

from site_builder.readers.common import titles


@pytest.mark.parametrize(
    ("path", "kind", "title"),
    [
        (
            "mf_microsoft_2025q4_new_layout_squashed_colon.txt",
            "earnings-call",
            "Microsoft Q4 2025 call",
        ),
        ("ec_samsung_2023q2_interpreter_turns.txt", "unknown", "Samsung Q2 2023 call"),
        (
            "debate_1960_09_26_kennedy_nixon.said.txt",
            "debate",
            "Kennedy Nixon debate, 26 September 1960",
        ),
        ("changelog_gotime_100.md", "podcast", "Changelog Gotime 100 episode"),
        ("house_hearing.htm.txt", "hearing", "House hearing"),
    ],
)
def test_humane_title_from_the_file_name(path: str, kind: str, title: str) -> None:
    assert titles.humane(path, kind) == title


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "Tesla Motors (NASDAQ:TSLA) Q2 2012 Earnings Call July 25, 2012 5:30 PM ET",
            "Tesla Motors Q2 2012 Earnings Call",
        ),
        ("MongoDB (MDB) Q1 2025 Earnings Call", "MongoDB Q1 2025 Earnings Call"),
        (
            "Q4 2009 Amazon.com, Inc. Earnings Conference Call",
            "Q4 2009 Amazon.com, Inc. Earnings Conference Call",
        ),
    ],
)
def test_a_heading_drops_what_is_shown_beside_it(heading: str, title: str) -> None:
    assert titles.tidy(heading) == title


def test_file_stem_drops_every_source_extension() -> None:
    assert titles.file_stem("x/house_finserv_2010.htm.txt") == "house_finserv_2010"
    assert titles.file_stem("notes.v2.txt") == "notes.v2"
