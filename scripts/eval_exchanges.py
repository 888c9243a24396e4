"""Score the Q&A exchanges site-builder finds against exchanges labelled by reading the calls.

The labels (``tests/corpus/exchange_labels.yaml``) say, for each earnings call in the corpus, who
asked in each exchange, the line where the moderator introduced them and where they first spoke,
who answered, and where the Q&A ends. Per call this prints:

- exact: labelled exchanges whose run of turns (from its introduction, or its question when
  nobody introduces it, up to the next exchange's start or the end of the Q&A) is one parsed
  exchange, owned by the labelled asker, holding nothing else;
- count: parsed exchanges / labelled exchanges;
- order: whether the parsed askers are the labelled askers, in order;
- exec: parsed exchanges whose asker speaks for the company (or moderates), except a question
  a company host reads out where the labels name the reader as its asker;
- nofirm: analysts the labels give a firm to whom the parser gave none.

Usage: python scripts/eval_exchanges.py [--labels FILE] [--verbose] [CALL ...]
(CALL: a corpus path as in the labels, or a part of one.)
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_builder import pipeline  # noqa: E402
from site_builder.load import sources  # noqa: E402
from site_builder.model import ParsedTranscript, Turn  # noqa: E402
from site_builder.slugs import name_key  # noqa: E402
from site_builder.text.names import same_person  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
LABELS = CORPUS / "exchange_labels.yaml"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Ref:
    """A turn as a label points at it: the line of its speaker label and its first words."""

    line: int
    starts: str


@dataclass(frozen=True)
class LabelledExchange:
    asker: str
    intro: Ref | None
    question: Ref
    answered_by: tuple[str, ...]


@dataclass(frozen=True)
class CallLabels:
    path: str
    moderator: str | None
    company: tuple[str, ...]
    analysts: tuple[tuple[str, str | None], ...]
    """(name, firm or None)."""
    exchanges: tuple[LabelledExchange, ...]
    ends: tuple[Ref, ...]
    """Where the Q&A ends; a call with two Q&A sessions may list where the first one ends too."""


def _ref(value: Any) -> Ref | None:
    if not isinstance(value, dict) or "line" not in value:
        return None
    return Ref(int(value["line"]), str(value.get("starts") or ""))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def load_labels(path: Path = LABELS) -> dict[str, CallLabels]:
    """Every labelled call, keyed by its path under ``tests/corpus/``."""
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    calls: dict[str, CallLabels] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            continue
        exchanges = []
        for item in entry.get("exchanges") or ():
            question = _ref(item.get("question"))
            if question is None:
                raise ValueError(f"{key}: exchange of {item.get('asker')!r} has no question line")
            exchanges.append(
                LabelledExchange(
                    str(item["asker"]),
                    _ref(item.get("intro")),
                    question,
                    tuple(str(a) for a in item.get("answered_by") or ()),
                )
            )
        analysts = tuple(
            (str(a["name"]), a.get("firm")) if isinstance(a, dict) else (str(a), None)
            for a in entry.get("analysts") or ()
        )
        calls[str(key)] = CallLabels(
            str(key),
            entry.get("moderator"),
            tuple(str(c) for c in entry.get("company") or ()),
            analysts,
            tuple(exchanges),
            tuple(r for e in _as_list(entry.get("end")) if (r := _ref(e)) is not None),
        )
    return calls


def parse_call(path: Path) -> ParsedTranscript:
    return pipeline.parse(sources.read_source(path))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def locate(turns: tuple[Turn, ...], ref: Ref, after: int = -1) -> int | None:
    """The index of the turn ``ref`` points at: the turn after ``after`` whose words begin
    with ``starts`` (nearest to ``line`` when several do, the first of them when the lines
    cannot tell them apart, as in a one-line export), else the turn that holds ``line``."""
    wanted = _words(ref.starts)
    if wanted:
        starting = [
            i
            for i, t in enumerate(turns)
            if i > after
            and _words(" ".join(t.paragraphs)[: len(ref.starts) * 3])[: len(wanted)] == wanted
        ]
        if starting:
            return min(starting, key=lambda i: abs(turns[i].line - ref.line))
    holding = [i for i, t in enumerate(turns) if t.line <= ref.line]
    if holding:
        i = holding[-1]
        if turns[i].line == ref.line or not wanted:
            return i
        text = _words(" ".join(turns[i].paragraphs))
        if any(text[k : k + len(wanted)] == wanted for k in range(len(text))):
            return i
    return None


@dataclass
class CallScore:
    path: str
    labelled: int
    parsed: int
    exact: int = 0
    in_order: bool = False
    executives_asking: int = 0
    without_firm: int = 0
    problems: list[str] = field(default_factory=list)


def _names_match(a: str, b: str) -> bool:
    return name_key(a) == name_key(b) or same_person(a, b)


def _participant_names(parsed: ParsedTranscript, pid: str | None) -> list[str]:
    if pid is None:
        return []
    p = next((p for p in parsed.participants if p.id == pid), None)
    return [] if p is None else [p.name, *p.aliases]


def _is(parsed: ParsedTranscript, pid: str | None, name: str) -> bool:
    return any(_names_match(n, name) for n in _participant_names(parsed, pid))


def score_call(labels: CallLabels, parsed: ParsedTranscript) -> CallScore:
    turns = parsed.turns
    score = CallScore(labels.path, len(labels.exchanges), len(parsed.exchanges))
    starts: list[int | None] = []
    # Labels are in call order, so each one is looked for after the previous exchange's start.
    previous = -1
    for ex in labels.exchanges:
        start = locate(turns, ex.intro, previous) if ex.intro else None
        if start is None:
            start = locate(turns, ex.question, previous)
            if ex.intro is not None:
                score.problems.append(f"{ex.asker}: introduction at line {ex.intro.line} not found")
        starts.append(start)
        if start is not None:
            previous = start
    ends = sorted(i for ref in labels.ends if (i := locate(turns, ref)) is not None)
    by_turn = {t: e for e in parsed.exchanges for t in e.turns}
    for n, ex in enumerate(labels.exchanges):
        start = starts[n]
        if start is None:
            score.problems.append(f"{ex.asker}: question at line {ex.question.line} not found")
            continue
        stop = next((s for s in starts[n + 1 :] if s is not None), len(turns))
        stop = min([stop, *(e for e in ends if e > start)])
        # Text nobody speaks (a disclaimer after the last answer) is in no run.
        stop = next((i for i in range(start, stop) if not turns[i].speaker), stop)
        run = [t.id for t in turns[start:stop]]
        if not run:
            score.problems.append(
                f"{ex.asker} (line {turns[start].line}): no turns before the next"
            )
            continue
        owner = by_turn.get(run[0]) if run else None
        exact = (
            owner is not None and list(owner.turns) == run and _is(parsed, owner.asker, ex.asker)
        )
        if exact:
            score.exact += 1
            continue
        held = sorted({by_turn[t].id for t in run if t in by_turn})
        asker = owner.asker if owner else None
        score.problems.append(
            f"{ex.asker} (line {turns[start].line}): run {run[0]}..{run[-1]} "
            f"in {held or 'no exchange'}, first turn's exchange asked by {asker}"
            + (f" and holding {list(owner.turns)}" if owner else "")
        )
    parsed_askers = [e.asker for e in parsed.exchanges]
    score.in_order = len(parsed_askers) == len(labels.exchanges) and all(
        _is(parsed, pid, ex.asker) for pid, ex in zip(parsed_askers, labels.exchanges, strict=True)
    )
    speaking_for_company = [*labels.company, *([labels.moderator] if labels.moderator else [])]
    # A question read out by a company host is asked by the reader where the labels say so.
    read_out = {
        (turns[starts[n]].id, ex.asker)
        for n, ex in enumerate(labels.exchanges)
        if starts[n] is not None and ex.asker in speaking_for_company
    }
    for e in parsed.exchanges:
        if any(
            (e.turns[0], name) in read_out
            for name in speaking_for_company
            if _is(parsed, e.asker, name)
        ):
            continue
        if any(_is(parsed, e.asker, name) for name in speaking_for_company):
            score.executives_asking += 1
            score.problems.append(f"{e.id}: asker {e.asker} speaks for the company")
    for name, firm in labels.analysts:
        if not firm or name.lower().startswith(("unidentified", "unknown")):
            continue  # a placeholder stands for several people, each with their own firm
        found = [
            p
            for p in parsed.participants
            if any(_names_match(n, name) for n in (p.name, *p.aliases))
        ]
        if found and not any(p.organization for p in found):
            score.without_firm += 1
            score.problems.append(f"{name}: no firm (labelled {firm!r})")
    return score


def evaluate(calls: dict[str, CallLabels], only: list[str] | None = None) -> list[CallScore]:
    scores = []
    for key, labels in sorted(calls.items()):
        if only and not any(o in key for o in only):
            continue
        path = CORPUS / key
        if not path.exists():
            continue
        scores.append(score_call(labels, parse_call(path)))
    return scores


def table(scores: list[CallScore], verbose: bool = False) -> str:
    rows = [
        f"{'call':<72} {'exact':>9} {'count':>7} {'order':>5} {'exec':>4} {'nofirm':>6}",
    ]
    for s in scores:
        rows.append(
            f"{s.path:<72} {f'{s.exact}/{s.labelled}':>9} {f'{s.parsed}/{s.labelled}':>7} "
            f"{'yes' if s.in_order else 'no':>5} {s.executives_asking:>4} {s.without_firm:>6}"
        )
        if verbose:
            rows.extend(f"    {p}" for p in s.problems)
    rows.append(summary_line(scores))
    return "\n".join(rows)


def summary_line(scores: list[CallScore]) -> str:
    exact = sum(s.exact for s in scores)
    labelled = sum(s.labelled for s in scores)
    share = 100.0 * exact / labelled if labelled else 100.0
    counts = sum(s.parsed == s.labelled for s in scores)
    order = sum(s.in_order for s in scores)
    return (
        f"summary: {len(scores)} calls, {exact}/{labelled} exchanges exact ({share:.1f}%), "
        f"count right in {counts}/{len(scores)}, askers in order in {order}/{len(scores)}, "
        f"{sum(s.executives_asking for s in scores)} executives as askers, "
        f"{sum(s.without_firm for s in scores)} analysts without a firm"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("calls", nargs="*", help="corpus paths (or parts of them) to score")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--verbose", "-v", action="store_true", help="say what is wrong")
    args = parser.parse_args(argv)
    scores = evaluate(load_labels(args.labels), args.calls or None)
    print(table(scores, args.verbose))
    perfect = all(
        s.exact == s.labelled
        and s.parsed == s.labelled
        and not s.executives_asking
        and not s.without_firm
        for s in scores
    )
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
