"""YAML annotations: the sidecar ``<slug>.yaml`` of a transcript and the site-wide files.

Loading checks the shape of each file (keys, types, ids) and keeps the position of every value
that names something (a turn, an exchange, a speaker, a topic, an organisation, a person), so
``annotate`` can report a reference that does not exist at the line the author wrote it on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from site_builder import readers
from site_builder.annotate.site_files import SiteAnnotations, load_site_annotations
from site_builder.errors import Diagnostics
from site_builder.load import provenance
from site_builder.load.sources import display_path
from site_builder.load.yamlload import Mapping, Node, load_yaml
from site_builder.load.yamlschema import (
    Context,
    Ref,
    as_mapping,
    fields,
    iso_date,
    keyed,
    ref,
    sequence,
    text,
    text_list,
)
from site_builder.model import Provenance

__all__ = [
    "SiteAnnotations",
    "TranscriptAnnotations",
    "load_site_annotations",
    "load_transcript_annotations",
]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CompanyNote:
    name: str | None = None
    organization: Ref | None = None
    """Organisation id of the company, checked against organizations.yaml."""
    ticker: str | None = None
    exchange: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerNote:
    key: Ref
    """Participant id (``elon-musk``) or the name/label as written (``Ben Kallo``)."""
    display_name: str | None = None
    role: str | None = None
    organization: Ref | None = None
    person: Ref | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExchangeNote:
    key: Ref
    topics: tuple[Ref, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TurnNote:
    key: Ref
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CorrectionNote:
    find: Ref
    replace: str
    reason: str
    turn: Ref | None = None
    """Absent: ``find`` must occur in exactly one turn of the transcript."""
    line: int = 0


@dataclass(frozen=True, slots=True)
class TranscriptAnnotations:
    path: str | None = None
    format: str | None = None
    title: str | None = None
    summary: str | None = None
    date: str | None = None
    company: CompanyNote | None = None
    speakers: tuple[SpeakerNote, ...] = ()
    exchanges: tuple[ExchangeNote, ...] = ()
    turns: tuple[TurnNote, ...] = ()
    corrections: tuple[CorrectionNote, ...] = ()
    provenance: Provenance | None = None
    """``source:`` and ``media:``: where the transcript came from."""


TRANSCRIPT_KEYS = (
    "title",
    "summary",
    "format",
    "date",
    "company",
    "speakers",
    "exchanges",
    "turns",
    "corrections",
    "source",
    "media",
)
COMPANY_KEYS = ("name", "organization", "ticker", "exchange")
SPEAKER_KEYS = ("display_name", "name", "role", "organization", "person", "aliases")
EXCHANGE_KEYS = ("topics", "note")
TURN_KEYS = ("note",)
CORRECTION_KEYS = ("turn", "find", "replace", "reason")


def load_transcript_annotations(
    path: Path | None, diagnostics: Diagnostics
) -> TranscriptAnnotations:
    """The sidecar file of one transcript; an absent or unreadable file annotates nothing."""
    if path is None:
        return TranscriptAnnotations()
    ctx = Context(display_path(path), diagnostics)
    root = as_mapping(ctx, load_yaml(path, diagnostics), "an annotation file")
    if root is None:
        return TranscriptAnnotations(ctx.path)
    f = fields(ctx, root, TRANSCRIPT_KEYS, "a transcript annotation file")
    return TranscriptAnnotations(
        path=ctx.path,
        format=_format(ctx, f.get("format")),
        title=text(ctx, f.get("title"), "title"),
        summary=text(ctx, f.get("summary"), "summary"),
        date=iso_date(ctx, f.get("date"), "date"),
        company=_company(ctx, f.get("company")),
        speakers=tuple(_each(ctx, f.get("speakers"), "speakers", _speaker)),
        exchanges=tuple(_each(ctx, f.get("exchanges"), "exchanges", _exchange)),
        turns=tuple(_each(ctx, f.get("turns"), "turns", _turn)),
        corrections=_corrections(ctx, f.get("corrections")),
        provenance=provenance.load(ctx, f.get("source"), f.get("media")),
    )


def _format(ctx: Context, node: Node | None) -> str | None:
    name = ref(ctx, node, "format")
    if name is None:
        return None
    if name.value not in readers.reader_names():
        ctx.unknown(name, "format", readers.reader_names())
        return None
    return name.value


def _company(ctx: Context, node: Node | None) -> CompanyNote | None:
    m = as_mapping(ctx, node, "company")
    if m is None:
        return None
    f = fields(ctx, m, COMPANY_KEYS, "company")
    return CompanyNote(
        name=text(ctx, f.get("name"), "company name"),
        organization=ref(ctx, f.get("organization"), "organization"),
        ticker=text(ctx, f.get("ticker"), "ticker"),
        exchange=text(ctx, f.get("exchange"), "exchange"),
    )


def _each(
    ctx: Context, node: Node | None, what: str, read: Callable[[Context, Ref, Mapping], T]
) -> Iterator[T]:
    """Apply ``read(ctx, key, mapping)`` to every entry of a keyed section such as ``turns:``."""
    m = as_mapping(ctx, node, what)
    if m is None:
        return
    for key, value in keyed(ctx, m):
        entry = as_mapping(ctx, value, f"{what} entry '{key.value}'")
        yield read(ctx, key, entry if entry is not None else Mapping((), key.line, key.col))


def _speaker(ctx: Context, key: Ref, m: Mapping) -> SpeakerNote:
    f = fields(ctx, m, SPEAKER_KEYS, "a speaker")
    if "display_name" in f and "name" in f:
        ctx.error(f["name"], "give either 'name' or 'display_name', not both")
    name = text(ctx, f.get("display_name", f.get("name")), "display_name")
    return SpeakerNote(
        key=key,
        display_name=name,
        role=text(ctx, f.get("role"), "role"),
        organization=ref(ctx, f.get("organization"), "organization"),
        person=ref(ctx, f.get("person"), "person"),
        aliases=tuple(a.value for a in text_list(ctx, f.get("aliases"), "aliases")),
    )


def _exchange(ctx: Context, key: Ref, m: Mapping) -> ExchangeNote:
    f = fields(ctx, m, EXCHANGE_KEYS, "an exchange")
    return ExchangeNote(
        key, text_list(ctx, f.get("topics"), "topics"), text(ctx, f.get("note"), "note")
    )


def _turn(ctx: Context, key: Ref, m: Mapping) -> TurnNote:
    f = fields(ctx, m, TURN_KEYS, "a turn")
    return TurnNote(key, text(ctx, f.get("note"), "note"))


def _corrections(ctx: Context, node: Node | None) -> tuple[CorrectionNote, ...]:
    found: list[CorrectionNote] = []
    for item in sequence(ctx, node, "corrections"):
        m = as_mapping(ctx, item, "a correction")
        if m is None:
            continue
        f = fields(ctx, m, CORRECTION_KEYS, "a correction")
        find = ref(ctx, f.get("find"), "find")
        replace = text(ctx, f.get("replace"), "replace")
        reason = text(ctx, f.get("reason"), "reason")
        missing = [
            k for k, v in (("find", find), ("replace", replace), ("reason", reason)) if not v
        ]
        if missing:
            ctx.error(m, f"a correction needs {' and '.join(repr(k) for k in missing)}")
            continue
        assert find is not None and replace is not None and reason is not None
        turn = ref(ctx, f.get("turn"), "turn")
        found.append(CorrectionNote(find, replace, reason, turn, m.line))
    return tuple(found)
