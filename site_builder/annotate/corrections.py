"""Editorial corrections from YAML: find -> replace inside one turn, recorded so the page can
show each as a correction.

A correction only ever rewrites paragraph text. Turn ids, exchange ids and the order of turns
are anchors readers link to, so they are carried over untouched.
"""

from __future__ import annotations

from dataclasses import replace

from site_builder.annotate.sidecars import CorrectionNote
from site_builder.load.yamlschema import Context
from site_builder.model import Correction, Turn


def apply(
    ctx: Context, turns: tuple[Turn, ...], notes: tuple[CorrectionNote, ...]
) -> tuple[tuple[Turn, ...], tuple[Correction, ...]]:
    """The turns with every valid correction applied, in file order, and what was applied.

    With ``turn:`` every occurrence of ``find`` in that turn is replaced. Without it ``find`` must
    occur exactly once in the whole transcript, so a correction never lands somewhere unexpected.
    """
    by_id = {t.id: t for t in turns}
    applied: list[Correction] = []
    for note in notes:
        target = _target(ctx, note, by_id)
        if target is None:
            continue
        paragraphs = tuple(p.replace(note.find.value, note.replace) for p in target.paragraphs)
        changed = tuple(i for i, p in enumerate(target.paragraphs) if note.find.value in p)
        by_id[target.id] = replace(target, paragraphs=paragraphs)
        applied.append(
            Correction(target.id, note.find.value, note.replace, note.reason, note.line, changed)
        )
    return tuple(by_id[t.id] for t in turns), tuple(applied)


def _count(turn: Turn, text: str) -> int:
    return sum(p.count(text) for p in turn.paragraphs)


def _target(ctx: Context, note: CorrectionNote, by_id: dict[str, Turn]) -> Turn | None:
    find = note.find
    if note.turn is not None:
        turn = by_id.get(note.turn.value)
        if turn is None:
            ctx.unknown(note.turn, "turn", by_id)
            return None
        if _count(turn, find.value) == 0:
            elsewhere = [t.id for t in by_id.values() if _count(t, find.value)]
            hint = f"it occurs in {', '.join(elsewhere)}" if elsewhere else None
            ctx.error(find, f"'{find.value}' not found in turn {turn.id}", hint)
            return None
        return turn
    counts = {t.id: n for t in by_id.values() if (n := _count(t, find.value))}
    total = sum(counts.values())
    if total == 0:
        ctx.error(find, f"'{find.value}' not found in the transcript")
        return None
    if total > 1:
        ctx.error(
            find,
            f"'{find.value}' occurs {total} times, in {', '.join(counts)}",
            "add 'turn:' or make 'find' longer",
        )
        return None
    return by_id[next(iter(counts))]
