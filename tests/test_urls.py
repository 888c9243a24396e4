"""URLs, anchors and output paths: one module makes them all, under any base path."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from site_builder.urls import Urls, normalize_base_url


@pytest.mark.parametrize(
    ("base", "prefix"),
    [("/", "/"), ("", "/"), ("https://example.org/calls", "/calls/"), ("/calls/", "/calls/")],
)
def test_every_page_url_starts_with_the_base_path(base: str, prefix: str) -> None:
    urls = Urls(base)
    made = [
        urls.home(),
        urls.transcripts(),
        urls.transcript("tesla-2012-q2"),
        urls.transcript_json("tesla-2012-q2"),
        urls.people(),
        urls.person("elon-musk"),
        urls.organizations(),
        urls.organization("morgan-stanley"),
        urls.topics(),
        urls.topic("production-ramp"),
        urls.not_found(),
        urls.static("style.css"),
        urls.turn("tesla-2012-q2", "t007"),
        urls.exchange("tesla-2012-q2", "q07"),
    ]
    assert all(url.startswith(prefix) for url in made)
    assert normalize_base_url(base).endswith("/")


def test_anchors_point_into_the_transcript_page() -> None:
    urls = Urls("https://example.org/calls/")
    assert urls.turn("acme", "t042") == "/calls/transcripts/acme/#t042"
    assert urls.exchange("acme", "q03") == "/calls/transcripts/acme/#q03"
    assert urls.absolute(urls.exchange("acme", "q03")) == (
        "https://example.org/calls/transcripts/acme/#q03"
    )


def test_output_paths_are_files_below_the_output_folder() -> None:
    urls = Urls("/calls/")
    assert urls.output_path(urls.home()) == PurePosixPath("index.html")
    assert urls.output_path(urls.person("ben-kallo")) == PurePosixPath(
        "people/ben-kallo/index.html"
    )
    assert urls.output_path(urls.transcript_json("acme")) == PurePosixPath("transcripts/acme.json")
    assert urls.output_path(urls.not_found()) == PurePosixPath("404.html")
    with pytest.raises(ValueError):
        urls.output_path("/elsewhere/page/")


def test_odd_characters_in_ids_are_quoted() -> None:
    assert Urls("/").person("josé ruiz") == "/people/jos%C3%A9%20ruiz/"
