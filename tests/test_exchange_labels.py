"""The labelled earnings calls: the parser's exchanges scored against labels made by reading.

``tests/corpus/exchange_labels.yaml`` holds the labels; ``scripts/eval_exchanges.py`` scores.
The per-call table is a golden file (``tests/corpus/exchange_eval.expected.json``, rewritten by
``pytest tests/test_exchange_labels.py --update-golden``: read its diff), and every labelled
call must be exact: each labelled exchange one parsed exchange owned by its asker, the count
right, no executive asking, every analyst the labels give a firm with one.
"""

from __future__ import annotations

import functools
import json

import pytest

from scripts.eval_exchanges import CallScore, evaluate, load_labels, table

from .corpus_check import CORPUS

# JSON (one string per table row) like the corpus's other golden files, which the transcript
# scans of the corpus pass over.
GOLDEN = CORPUS / "exchange_eval.expected.json"

# Calls whose exchanges need work outside the grouping of turns, with what is missing. The test
# below fails when one of them becomes exact, so this list only shrinks.
NOT_YET: dict[str, str] = {}


@functools.cache
def _scores() -> dict[str, CallScore]:
    return {s.path: s for s in evaluate(load_labels())}


def _exact(score: CallScore) -> bool:
    return (
        score.exact == score.labelled
        and score.parsed == score.labelled
        and not score.executives_asking
        and not score.without_firm
    )


def test_per_call_table_is_the_golden(update_golden: bool) -> None:
    actual = table(list(_scores().values())).split("\n")
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", "utf-8")
        if not update_golden:
            pytest.fail(f"{GOLDEN.name} was missing and has been written: read it, then rerun")
    assert actual == json.loads(GOLDEN.read_text("utf-8"))


@pytest.mark.parametrize("call", sorted(load_labels()))
def test_labelled_call_is_exact(call: str) -> None:
    score = _scores()[call]
    if call in NOT_YET:
        assert not _exact(score), f"{call} is exact now: take it off NOT_YET"
        return
    assert _exact(score), "\n".join(score.problems)


def test_every_earnings_call_in_the_corpus_is_labelled() -> None:
    labelled = set(load_labels())
    calls = {
        p.relative_to(CORPUS).as_posix()
        for family in (
            "seeking_alpha",
            "refinitiv_streetevents",
            "motley_fool_text",
            "motley_fool_json",
            "name_colon_api",
            "earningscall_name_title_inline",
            "foolcalls_json",
            "seed",
        )
        for p in (CORPUS / family).iterdir()
        if not p.name.endswith(".expected.json")
    }
    assert calls - labelled == set()
