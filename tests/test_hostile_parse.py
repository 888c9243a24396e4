"""Inputs built to make a parser slow still parse, and lose no word.

How long they take is measured by ``python -m bench.pathological`` (beside a real transcript of
the same size), not here: a time limit in a test fails when the machine is busy. A child process
with a generous limit still stops a parser that would never finish, so such a bug fails the run
instead of hanging it.
"""

from __future__ import annotations

import multiprocessing

import pytest

from site_builder import pipeline
from site_builder.load import repair, sources
from site_builder.model import SourceText

from .corpus_check import lost_words
from .hostile_inputs import PATHOLOGICAL

HANG_SECONDS = 300  # every input takes well under a second; this only tells a hang from slowness


def read_bytes(data: bytes) -> SourceText:
    """What ``sources.read_source`` does after reading the file."""
    text, encoding, warnings = sources.decode(data)
    text, repairs = repair.repair_text(text)
    return SourceText("hostile.txt", text, encoding, tuple(warnings) + tuple(repairs))


def _parse_and_check(data: bytes) -> None:
    source = read_bytes(data)
    lost = lost_words(source.text, pipeline.parse(source))
    assert lost == [], f"words lost: {lost[:5]}"


@pytest.mark.parametrize("data", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_hostile_input_parses_without_losing_a_word(data: bytes) -> None:
    child = multiprocessing.get_context("fork").Process(target=_parse_and_check, args=(data,))
    child.start()
    child.join(HANG_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"the parser did not finish in {HANG_SECONDS} s: it hangs on this input")
    assert child.exitcode == 0, "the parser raised or lost words (see the child's output above)"
