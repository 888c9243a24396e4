"""Every corpus file: its golden summary, and no word of its body lost.

Regenerate the golden files with ``pytest tests/test_corpus.py --update-golden`` and read the
diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.load import sources

from .corpus_check import CORPUS, corpus_files, lost_words, parse_file, summary

FILES = corpus_files()


def _id(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_golden_summary(path: Path, update_golden: bool) -> None:
    golden = path.with_name(path.name + ".expected.json")
    actual = summary(parse_file(path))
    if update_golden or not golden.exists():
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", "utf-8")
        if not update_golden:
            pytest.fail(f"{golden.name} was missing and has been written: read it, then rerun")
    assert actual == json.loads(golden.read_text("utf-8"))


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_no_word_lost(path: Path) -> None:
    source = sources.read_source(path)
    parsed = parse_file(path)
    assert lost_words(source.text, parsed) == []
