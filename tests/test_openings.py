"""A build with a cache folder holds each call's turns only as far as other calls' pages quote
them, and reads a call's whole text again for its own page.

What a reader would notice if this were wrong: a person or topic page quoting a turn differently
from a build that held every word (the byte comparisons of tests/test_incremental_processes.py
build with a cache folder and compare with one held whole), or a transcript page missing words.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.incremental import memory
from site_builder.incremental.builder import Builder
from site_builder.incremental.transcript_cache import MAGIC
from site_builder.index import openings, speech
from site_builder.model import Transcript
from site_builder.pipeline import LoadedTranscript
from site_builder.views import passages, text

from .corpus_check import corpus_files, parse_file
from .test_incremental import _cold, _tree, corpus, with_sentence

__all__ = ["corpus"]


def test_no_page_quotes_more_of_another_call_than_its_openings_hold() -> None:
    limits = (passages.PASSAGE_WORDS, text.EXCERPT_WORDS, passages.SUBSTANTIAL_WORDS)
    assert max(limits) <= openings.OPENING_WORDS


@pytest.mark.parametrize("path", corpus_files()[:12], ids=lambda p: p.parent.name)
def test_every_excerpt_of_an_opening_is_the_excerpt_of_the_whole_turn(path: Path) -> None:
    parsed = parse_file(path)
    whole = Transcript(slug="x", parsed=parsed, title=parsed.title)
    cut = openings.openings_only(whole).parsed
    assert cut.openings_only and len(cut.turns) == len(parsed.turns)
    for full, opening in zip(parsed.turns, cut.turns, strict=True):
        for limit in (1, 5, text.EXCERPT_WORDS, passages.PASSAGE_WORDS, openings.OPENING_WORDS):
            assert text.excerpt(opening.paragraphs, limit) == text.excerpt(full.paragraphs, limit)
        words = sum(len(p.split()) for p in full.paragraphs)
        kept = sum(len(p.split()) for p in opening.paragraphs)
        assert kept == min(words, openings.OPENING_WORDS + 1)
        assert bool(opening.paragraphs) == bool(full.paragraphs)


def test_words_are_never_counted_from_openings() -> None:
    parsed = parse_file(corpus_files()[0])
    cut = openings.openings_only(Transcript(slug="x", parsed=parsed, title="x")).parsed
    with pytest.raises(RuntimeError, match="openings"):
        speech.turn_words(cut)


def test_the_transcript_page_shows_every_word_and_the_site_holds_openings(
    corpus: Path, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    call = sorted((content / "transcripts").glob("*.txt"))[1]
    # Appended to the longest paragraph: far beyond the words a turn's opening keeps.
    with_sentence(call, "Backlog reached nine quarters.")
    builder = Builder(content, tmp_path / "site", search=False, jobs=1, cache_dir=tmp_path / "c")
    assert builder.build().ok
    page = (tmp_path / "site" / "transcripts" / call.stem / "index.html").read_text("utf-8")
    assert "Backlog reached nine quarters." in page
    data = (tmp_path / "site" / "transcripts" / f"{call.stem}.json").read_text("utf-8")
    assert "Backlog reached nine quarters." in data
    # What the builder holds in memory for the next build: openings only.
    assert all(
        kept.loaded.transcript.parsed.openings_only
        for kept in builder._memory._kept.values()
        if kept.loaded.transcript is not None
    )


def test_a_spoilt_or_vanished_whole_text_is_read_from_the_file_again(
    corpus: Path, tmp_path: Path
) -> None:
    """The cache entry of a call's whole text is read only when its page is made, perhaps
    builds later: if it is spoilt by then, or gone, the call is read from its file, with a
    warning, and the site is still what a build without a cache makes."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    cache = tmp_path / "cache"
    assert Builder(content, tmp_path / "first", search=False, jobs=1, cache_dir=cache).build().ok
    wholes = sorted((cache / "transcripts").glob("*.whole.pickle"))
    assert len(wholes) == 12
    wholes[0].write_bytes(wholes[0].read_bytes()[:100])
    wholes[1].write_bytes(MAGIC + b"not this entry\n")
    output = tmp_path / "second"  # a new output folder: every page is made
    builder = Builder(content, output, search=False, jobs=1, cache_dir=cache)
    builder._memory.disk.has = lambda entry: True  # as if gone after the build found it
    wholes[2].unlink()
    assert builder.build().ok
    assert _tree(output) == _cold(content, tmp_path / "cold")
    assert not wholes[0].exists() and not wholes[1].exists()  # stored afresh next time


def test_its_warning_names_the_entry(
    corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    cache = tmp_path / "cache"
    assert Builder(content, tmp_path / "first", search=False, jobs=1, cache_dir=cache).build().ok
    (whole,) = sorted((cache / "transcripts").glob("*.whole.pickle"))[:1]
    whole.write_bytes(b"\x00garbage")
    capfd.readouterr()
    assert Builder(content, tmp_path / "second", search=False, jobs=1, cache_dir=cache).build().ok
    err = capfd.readouterr().err
    assert "warning: ignored 1 cache entry and loaded from the source instead" in err
    assert whole.name in err


def test_a_call_that_cannot_be_read_again_is_an_error_at_its_page(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its whole text spoilt in the cache and its file gone meanwhile: the build stops with an
    error naming the page, and nothing is written (no traceback)."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    cache = tmp_path / "cache"
    assert Builder(content, tmp_path / "first", search=False, jobs=1, cache_dir=cache).build().ok
    for whole in (cache / "transcripts").glob("*.whole.pickle"):
        whole.write_bytes(b"spoilt")
    gone = LoadedTranscript(None, (), None, None)
    monkeypatch.setattr(memory, "load_one", lambda source, annotations: gone)
    output = tmp_path / "second"
    result = Builder(content, output, search=False, jobs=1, cache_dir=cache).build()
    errors = [str(d) for d in result.diagnostics.errors]
    assert errors and all("cannot be read again" in e for e in errors), errors
    assert "/transcripts/" in errors[0] and "cannot make this page" in errors[0]
    assert not output.exists()
