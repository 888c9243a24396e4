"""Read located YAML nodes against a schema: unknown keys and wrong types become diagnostics.

Each reader function reports at the position of the offending value and returns None (or an
empty tuple) so loading carries on and one run shows every mistake.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.errors import Diagnostics, did_you_mean
from site_builder.load.yamlload import Mapping, Node, Scalar, Sequence, kind_name
from site_builder.slugs import slugify


@dataclass(frozen=True, slots=True)
class Ref:
    """A string from YAML with its position: an id that must be checked against something later."""

    value: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Context:
    """Where diagnostics go while one file is read."""

    path: str
    diagnostics: Diagnostics

    def error(self, node: Node | Ref, message: str, hint: str | None = None) -> None:
        self.diagnostics.error(self.path, node.line, node.col, message, hint)

    def unknown(self, ref: Ref, what: str, choices: Iterable[str]) -> None:
        """``unknown topic 'pricng' (did you mean 'pricing'?)``."""
        self.error(ref, f"unknown {what} '{ref.value}'", did_you_mean(ref.value, choices))


def as_mapping(ctx: Context, node: Node | None, what: str) -> Mapping | None:
    if node is None or isinstance(node, Mapping):
        return node
    if isinstance(node, Scalar) and node.value is None:
        return None
    ctx.error(node, f"{what} must be a mapping (key: value lines), not {kind_name(node)}")
    return None


def fields(ctx: Context, node: Mapping, known: Iterable[str], what: str) -> dict[str, Node]:
    """The entries of ``node`` by key; unknown keys are reported with a did-you-mean hint."""
    allowed = tuple(known)
    found: dict[str, Node] = {}
    for key, value in node.entries:
        name = str(key.raw)
        if name not in allowed:
            hint = did_you_mean(name, allowed) or f"{what} takes: {', '.join(allowed)}"
            ctx.error(key, f"unknown key '{name}' in {what}", hint)
            continue
        found[name] = value
    return found


def keyed(ctx: Context, node: Mapping) -> list[tuple[Ref, Node]]:
    """Entries of a mapping whose keys are ids or names (``q03:``, ``Ben Kallo:``)."""
    return [(Ref(str(key.raw), key.line, key.col), value) for key, value in node.entries]


# A name or title is printed on many pages (a person's name on every call they spoke in, in
# every list and in the feed): one of 5 MB made 256 MB of output. Longer than these is a mistake;
# the title limit leaves room for a Congressional hearing's full title (about 400 characters).
MAX_LENGTHS = {
    "name": 500,
    "display_name": 500,
    "each item of aliases": 500,
    "title": 1000,
}


def text(ctx: Context, node: Node | None, what: str) -> str | None:
    """A text value. Numbers are accepted as written (``title: 2012``); null means "not set"."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        if node.value is None:
            return None
        if isinstance(node.value, str) or (
            isinstance(node.value, int | float) and not isinstance(node.value, bool)
        ):
            value = node.raw if not isinstance(node.value, str) else node.value
            limit = MAX_LENGTHS.get(what)
            if limit is not None and len(value) > limit:
                shown = what.removeprefix("each item of ")
                ctx.error(
                    node,
                    f"{shown} is {len(value):,} characters long; the limit is {limit}",
                    "put longer text in a bio, description or summary",
                )
                return value[:limit]  # one error, not a second one for a missing value
            return value
    ctx.error(node, f"{what} must be text, not {kind_name(node)}")
    return None


def ref(ctx: Context, node: Node | None, what: str) -> Ref | None:
    value = text(ctx, node, what)
    if value is None or node is None:
        return None
    return Ref(value, node.line, node.col)


def text_list(ctx: Context, node: Node | None, what: str) -> tuple[Ref, ...]:
    """A list of texts; one bare text is taken as a list of one, the way authors write it."""
    if node is None or (isinstance(node, Scalar) and node.value is None):
        return ()
    if isinstance(node, Scalar):
        one = ref(ctx, node, what)
        return (one,) if one else ()
    if isinstance(node, Mapping):
        ctx.error(node, f"{what} must be a list, not {kind_name(node)}")
        return ()
    items = (ref(ctx, item, f"each item of {what}") for item in node.items)
    return tuple(i for i in items if i is not None)


def sequence(ctx: Context, node: Node | None, what: str) -> tuple[Node, ...]:
    if node is None or (isinstance(node, Scalar) and node.value is None):
        return ()
    if isinstance(node, Sequence):
        return node.items
    ctx.error(node, f"{what} must be a list, not {kind_name(node)}")
    return ()


def check_id(ctx: Context, key: Ref, what: str) -> bool:
    """Ids become URLs, so they must already be slugs (``elon-musk``, not ``Elon Musk``)."""
    if key.value == slugify(key.value):
        return True
    ctx.error(
        key,
        f"{what} id '{key.value}' is not a URL slug",
        f"use '{slugify(key.value)}': lower case letters, digits and dashes",
    )
    return False


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(ctx: Context, node: Node | None, what: str) -> str | None:
    """A ``YYYY-MM-DD`` date that exists, or None (reported at the value when it is not one)."""
    value = ref(ctx, node, what)
    if value is None:
        return None
    if _ISO_DATE.fullmatch(value.value):
        try:
            return datetime.date.fromisoformat(value.value).isoformat()
        except ValueError:
            ctx.error(value, f"date '{value.value}' does not exist", "check the month and day")
            return None
    ctx.error(value, f"date '{value.value}' is not an ISO date", "write it as YYYY-MM-DD")
    return None
