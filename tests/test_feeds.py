"""The Atom feed, sitemap and robots.txt: valid XML that feed readers and crawlers accept."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from site_builder.render.feeds import (
    ATOM_NS,
    SITEMAP_NS,
    FeedEntry,
    atom_feed,
    robots,
    sitemap,
)

A = f"{{{ATOM_NS}}}"


def _entry(title: str, date: str | None, url: str) -> FeedEntry:
    return FeedEntry(title, url, date, "<p>Summary &amp; more</p>", "Tesla Motors")


def test_feed_lists_newest_event_first_with_stable_dates() -> None:
    feed = atom_feed(
        "Calls",
        "https://example.org/calls/",
        "https://example.org/calls/feed.xml",
        [
            _entry("Q1", "2012-04-20", "https://example.org/calls/a/"),
            _entry("Q2", "2012-07-25", "https://example.org/calls/b/"),
        ],
        "en",
    )
    root = ET.fromstring(feed)
    titles = [e.findtext(f"{A}title") for e in root.iter(f"{A}entry")]
    assert titles == ["Q2", "Q1"]
    assert root.findtext(f"{A}updated") == "2012-07-25T00:00:00Z"
    first = next(root.iter(f"{A}entry"))
    assert first.findtext(f"{A}id") == "https://example.org/calls/b/"
    # The summary is HTML carried as text: a feed reader renders it, XML parsers stay happy.
    assert first.findtext(f"{A}summary") == "<p>Summary &amp; more</p>"


def test_feed_escapes_hostile_titles_and_works_without_an_origin() -> None:
    feed = atom_feed(
        "<script>x</script>",
        "/",
        "/feed.xml",
        [_entry("<img src=x onerror=alert(1)>", None, "/t/")],
        "en",
    )
    root = ET.fromstring(feed)  # would raise if the markup leaked into the XML
    assert root.findtext(f"{A}title") == "<script>x</script>"
    entry = next(root.iter(f"{A}entry"))
    assert entry.findtext(f"{A}title") == "<img src=x onerror=alert(1)>"
    assert entry.findtext(f"{A}id").startswith("tag:")


def test_sitemap_and_robots() -> None:
    root = ET.fromstring(sitemap(["https://e.org/b/", "https://e.org/a/", "https://e.org/a/"]))
    locs = [u.findtext(f"{{{SITEMAP_NS}}}loc") for u in root]
    assert locs == ["https://e.org/a/", "https://e.org/b/"]
    assert b"Sitemap: https://e.org/sitemap.xml" in robots("https://e.org/sitemap.xml")
    assert b"Sitemap" not in robots("/sitemap.xml")
