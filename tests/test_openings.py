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

from site_builder.errors import BuildError
from site_builder.incremental.builder import Builder
from site_builder.incremental.memory import CachedLoad, WholeText
from site_builder.incremental.transcript_cache import TranscriptCache
from site_builder.index import openings, speech
from site_builder.model import Transcript
from site_builder.pipeline import LoadedTranscript
from site_builder.views import passages, text

from .corpus_check import corpus_files, parse_file
from .test_incremental import corpus, with_sentence

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


def test_a_cache_entry_gone_during_the_build_stops_it_with_a_message(tmp_path: Path) -> None:
    parsed = parse_file(corpus_files()[0])
    whole = Transcript(slug="call", parsed=parsed, title="call")
    disk = TranscriptCache(tmp_path)
    assert disk.put("ab" * 20, CachedLoad(LoadedTranscript(whole, (), None, None), None))
    bodies = WholeText(disk, {"call": "ab" * 20}, {})
    assert bodies("call") == whole
    (tmp_path / "transcripts" / f"{'ab' * 20}.pickle").unlink()
    assert bodies("call") == whole  # the page and its JSON: read once
    fresh = WholeText(disk, {"call": "ab" * 20}, {})
    with pytest.raises(BuildError, match="transcript 'call' changed during the build"):
        fresh("call")
