"""Slugs name folders and URLs: readable, stable, and never too long for a file system."""

from __future__ import annotations

from site_builder.slugs import MAX_SLUG, name_key, slugify


def test_slugs_are_readable_ascii() -> None:
    assert slugify("C.J. Muse") == "cj-muse"
    assert slugify("Société Générale") == "societe-generale"
    assert slugify("Dougherty & Company") == "dougherty-company"
    assert name_key("CJ Muse") == name_key("C.J. Muse")


def test_long_names_are_capped_and_stay_distinct() -> None:
    long_a = "Very Long Name " * 30 + "Alpha"
    long_b = "Very Long Name " * 30 + "Beta"
    a, b = slugify(long_a), slugify(long_b)
    assert len(a) <= MAX_SLUG and len(b) <= MAX_SLUG
    assert a != b
    assert a.startswith("very-long-name-very-long-name")
    assert slugify(long_a) == a  # stable across runs
