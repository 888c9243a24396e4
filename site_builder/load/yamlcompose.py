"""Compose a YAML document into PyYAML's node graph, by libyaml when it is there.

Kept apart from :mod:`site_builder.load.yamlload`, which turns the nodes into located values: this
part only decides which parser reads the text and refuses nesting too deep to compose.
"""

from __future__ import annotations

import yaml

# Annotation files are a few levels deep; past this, nesting is a mistake or an attack, and deep
# recursion in the converter would exhaust the stack.
MAX_DEPTH = 50
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooDeep(Exception):
    """Nesting passed MAX_DEPTH at ``mark``, found before PyYAML's recursive composer ran."""

    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


def _too_deep(text: str) -> yaml.Mark | None:
    """Where nesting first passes MAX_DEPTH, found from the event stream.

    PyYAML's composer recurses once per level, so thousands of levels would exhaust the stack
    slowly before any check ran; the event parser is iterative. libyaml's parser is used when
    present for speed. A syntax error is left for the composer, which reports it in the words
    the error messages (and their tests) use.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark  # type: ignore[return-value]  # libyaml's Mark
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # libyaml gives up at 1,000 levels with its own error: that is "too deep" as well.
        if "nesting depth" in (exc.problem or ""):
            return exc.problem_mark
        return None
    return None


def compose(text: str) -> yaml.Node | None:
    """The document's nodes: by libyaml when it is there (a large ``speakers.yaml`` in a tenth of
    the time), else, and for every document libyaml rejects, by PyYAML, whose messages and
    positions the diagnostics below are written for."""
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            # libyaml's composer does not recurse in Python, and the converter stops past
            # MAX_DEPTH: the depth pre-check (a second full parse) is only needed below.
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # read again below, so the error is reported in PyYAML's words
    if (deep := _too_deep(text)) is not None:
        raise TooDeep(deep)
    return yaml.compose(text, Loader=yaml.SafeLoader)
