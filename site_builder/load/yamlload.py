"""Load YAML into located nodes: every value knows the line and column it was written at.

PyYAML's ``compose`` gives a node graph whose nodes carry ``start_mark``; we copy it into small
frozen nodes so the schema can report ``path:line:col`` for any value (design habit 1). Nothing is
ever constructed into Python objects by PyYAML itself, so no tag can run code, and we reject every
tag outside the plain YAML core set.

Aliases are legal YAML but each use is expanded here, so a "billion laughs" document would
explode: we count the values aliases copy (not the values written out, so a large ordinary file
is never blamed on aliases) and stop with an error past :data:`MAX_ALIAS_COPIES`. A file larger
than :data:`MAX_BYTES` is refused before it is read.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from site_builder import markdown
from site_builder.errors import Diagnostics
from site_builder.load.sources import display_path
from site_builder.load.yamlcompose import MAX_DEPTH, TooDeep, compose
from site_builder.text import textcheck

MAX_ALIAS_COPIES = 100_000
"""Values aliases may copy into one document; annotation files copy a few, if any."""
MAX_BYTES = 32 * 1024 * 1024
"""Per YAML file: 50,000 people in ``speakers.yaml`` take about 10 MB."""

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MAP, SEQ = _TAG + "timestamp", _TAG + "map", _TAG + "seq"
ALLOWED_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MAP, SEQ})


@dataclass(frozen=True, slots=True)
class Scalar:
    """A plain value. ``value`` is ``str``, ``int``, ``float``, ``bool`` or ``None``; a timestamp
    (``2012-07-25``) stays the string the author wrote, so a date is never shifted by a timezone."""

    value: str | int | float | bool | None
    line: int
    col: int
    raw: str
    """The text as written (``yes``, ``007``): what a message quotes back."""
    tag: str = STR


@dataclass(frozen=True, slots=True)
class Mapping:
    entries: tuple[tuple[Scalar, Node], ...]
    """(key, value) pairs in document order; keys are unique scalars."""
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    line: int
    col: int


Node = Scalar | Mapping | Sequence


class _TooBig(Exception):
    """Alias expansion passed MAX_ALIAS_COPIES; raised once, reported as one diagnostic."""


def kind_name(node: Node) -> str:
    """How a message names what the author wrote: ``a mapping``, ``a list``, ``text``."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.value is None:
        return "nothing (null)"
    if isinstance(node.value, bool):
        return "true/false"
    if isinstance(node.value, int | float):
        return "a number"
    return "text"


@dataclass
class _Converter:
    path: str
    diagnostics: Diagnostics
    copies: int = 0
    seen: set[int] = field(default_factory=set)
    """Nodes converted once: PyYAML gives every use of an alias its anchor's node object."""

    def convert(self, node: yaml.Node, active: tuple[int, ...] = ()) -> Node | None:
        """A located node, or None after reporting why this node cannot be used."""
        if id(node) in self.seen:
            self.copies += 1
            if self.copies > MAX_ALIAS_COPIES:
                raise _TooBig
        else:
            self.seen.add(id(node))
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if node.tag not in ALLOWED_TAGS:
            hint = (
                "merge keys are not supported; repeat the keys"
                if node.tag.endswith("merge")
                else ("only plain text, numbers, true/false, lists and mappings are allowed")
            )
            self.diagnostics.error(
                self.path, line, col, f"unsupported YAML tag '{_short_tag(node.tag)}'", hint
            )
            return None
        if id(node) in active:
            self.diagnostics.error(self.path, line, col, "recursive YAML alias")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, line, col)
        if len(active) >= MAX_DEPTH:
            self.diagnostics.error(
                self.path, line, col, f"YAML nested more than {MAX_DEPTH} levels deep"
            )
            return None
        inner = (*active, id(node))
        if isinstance(node, yaml.SequenceNode):
            items = (self.convert(item, inner) for item in node.value)
            return Sequence(tuple(i for i in items if i is not None), line, col)
        assert isinstance(node, yaml.MappingNode)  # the composer makes no other kind
        return self._mapping(node, inner, line, col)

    def _scalar(self, node: yaml.ScalarNode, line: int, col: int) -> Scalar:
        if node.tag in (STR, TIMESTAMP):
            value = self._checked(node.value, line, col)
            return Scalar(value, line, col, value, node.tag)
        try:
            value = SafeConstructor().construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.diagnostics.error(self.path, line, col, f"invalid value: {exc.problem}")
            return Scalar(node.value, line, col, node.value, STR)
        except ValueError as exc:  # e.g. an integer past Python's 4,300-digit conversion limit
            self.diagnostics.error(
                self.path, line, col, f"invalid value: {exc}", "quote it to keep it as text"
            )
            return Scalar(node.value, line, col, node.value, STR)
        return Scalar(value, line, col, node.value, node.tag)

    def _checked(self, value: str, line: int, col: int) -> str:
        """Text without what an escape (``"\\x0b"``, ``"\\ud800"``) can put in it and no page
        may hold: a lone surrogate cannot be written as UTF-8 at all, so it is an error."""
        if (half := textcheck.SURROGATE.search(value)) is not None:
            self.diagnostics.error(
                self.path,
                line,
                col,
                f"text holds U+{ord(half.group()):04X}, half of a surrogate pair, which is not "
                "a character",
                "write the character itself, or both halves of its \\u escape",
            )
            value = textcheck.SURROGATE.sub("\ufffd", value)
        value, removed = textcheck.clean_value(value)
        if removed is not None:
            self.diagnostics.warning(self.path, line, col, removed)
        # Checked on every text: the loader does not know which keys hold Markdown, and a
        # value without a few dozen markers is never parsed.
        if (deep := markdown.nesting_problem(value)) is not None:
            self.diagnostics.warning(self.path, line, col, deep)
        return value

    def _mapping(
        self, node: yaml.MappingNode, active: tuple[int, ...], line: int, col: int
    ) -> Mapping:
        entries: list[tuple[Scalar, Node]] = []
        seen: dict[object, Scalar] = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, active)
            value = self.convert(value_node, active)
            if key is None or value is None:
                continue
            if not isinstance(key, Scalar):
                self.diagnostics.error(
                    self.path, key.line, key.col, f"a key must be plain text, not {kind_name(key)}"
                )
                continue
            marker = key.raw if key.value is None else key.value
            if marker in seen:
                first = seen[marker]
                self.diagnostics.error(
                    self.path,
                    key.line,
                    key.col,
                    f"duplicate key '{key.raw}'",
                    f"first given at line {first.line}",
                )
                continue
            seen[marker] = key
            entries.append((key, value))
        return Mapping(tuple(entries), line, col)


# PyYAML's wording for the mistakes authors make most, and what to do about each.
_SYNTAX_HINTS = (
    ("mapping values are not allowed", "put text that contains ': ' in quotes"),
    ("expected <block end>", "this line's indentation does not match the lines above it"),
    ("could not find expected ':'", "a key needs ': ' after it, or this line is misindented"),
    ("'\\t'", "indent with spaces; YAML does not allow tabs"),
    ("found undefined alias", "an alias (*name) needs an anchor (&name) earlier in the file"),
)


def _syntax_hint(problem: str) -> str | None:
    return next((hint for text, hint in _SYNTAX_HINTS if text in problem), None)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def parse_yaml(text: str, path: str, diagnostics: Diagnostics) -> Node | None:
    """Located nodes of a YAML document; None (with diagnostics) when it cannot be read.

    An empty document is an empty mapping: a blank annotation file means "nothing to add".
    """
    # The cyclic collector paused, as in the builder: a large file is hundreds of thousands of
    # new objects without cycles, and each full collection would walk all of them (50,000
    # people took four times as long).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_yaml(text, path, diagnostics)
    finally:
        if paused:
            gc.enable()


def _parse_yaml(text: str, path: str, diagnostics: Diagnostics) -> Node | None:
    try:
        root = compose(text)
    except TooDeep as too_deep:
        diagnostics.error(
            path,
            too_deep.mark.line + 1,
            too_deep.mark.column + 1,
            f"YAML nested more than {MAX_DEPTH} levels deep",
            "annotation files need only a few levels",
        )
        return None
    except RecursionError:
        # PyYAML's composer recurses once per level of nesting; thousands of levels exhaust the
        # stack before any of our checks can run. Reported, not swallowed: no annotation needs it.
        diagnostics.error(
            path, 1, 1, "YAML nested too deeply to read", f"keep nesting under {MAX_DEPTH} levels"
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        hint = _syntax_hint(exc.problem or "")
        if hint is None and exc.context and exc.context_mark and exc.problem_mark:
            hint = f"{exc.context} at line {exc.context_mark.line + 1}"
        message = f"invalid YAML: {exc.problem or exc.context}"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        diagnostics.error(path, line, col, message, hint)
        return None
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        diagnostics.error(path, line, col, f"invalid YAML: control character U+{code:04X}")
        return None
    if root is None:
        return Mapping((), 1, 1)
    converter = _Converter(path, diagnostics)
    try:
        return converter.convert(root)
    except _TooBig:
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        diagnostics.error(
            path,
            line,
            col,
            f"aliases copy more than {MAX_ALIAS_COPIES} values into the document",
            "each use of an alias copies what it names; is one alias repeating another?",
        )
        return None


def load_yaml(path: Path, diagnostics: Diagnostics) -> Node | None:
    """Read and parse one YAML file; a file that is not UTF-8 is reported, never guessed at."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diagnostics.error(
                shown,
                None,
                None,
                f"file is {size / 2**20:.0f} MB; YAML files are limited to {MAX_BYTES // 2**20} MB",
                "split it, or move long texts into the transcripts",
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.error(shown, None, None, f"cannot read: {exc.strerror}")
        return None
    mark, encoding = next(((m, e) for m, e in textcheck.BOMS if data.startswith(m)), (b"", ""))
    body = data[len(mark) :]
    try:
        text = body.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        good = body[: exc.start].decode(encoding or "utf-8", errors="replace")
        line, col = _position(good, len(good))
        diagnostics.error(
            shown,
            line,
            col,
            f"not valid {(encoding or 'utf-8').upper()} (byte 0x{body[exc.start]:02x})",
            "save the file as UTF-8",
        )
        return None
    return parse_yaml(text, shown, diagnostics)
