"""Remember a function's result for the last few arguments, by the arguments' identity.

For pure functions of immutable model objects that are asked the same question many times in
one build (a person page asks each of its calls for its speakers' word counts). Keyed by
identity, not equality: hashing a transcript deeply would cost more than the answer. The cache
holds its arguments, so an identity cannot be reused by a new object while it is remembered; a
new build makes new objects, which simply miss.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


_ALL: list[Remembered] = []


class Remembered(Protocol[P, R]):
    """A function memoised by :func:`by_identity`."""

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def remember(self, result: R, *args: object) -> None:
        """Take ``result`` as the answer for ``args`` (worked out elsewhere, e.g. in a helper
        process that loaded the transcript)."""
        ...

    def forget(self) -> None: ...

    def discard(self, *args: object) -> None:
        """Drop the result for ``args``, so the cache no longer keeps them alive."""
        ...


def forget_all() -> None:
    """Drop every remembered result: a long-lived builder calls this before each rebuild, so
    objects of earlier builds are not kept alive by the caches."""
    for remembered in _ALL:
        remembered.forget()


def by_identity(size: int) -> Callable[[Callable[P, R]], Remembered[P, R]]:
    """Memoise on the identity of the positional arguments, keeping the last ``size`` results."""

    def decorate(function: Callable[P, R]) -> Remembered[P, R]:
        remembered: OrderedDict[tuple[int, ...], tuple[tuple[object, ...], R]] = OrderedDict()
        lock = threading.Lock()

        def remember(result: R, *args: object) -> None:
            with lock:
                remembered[tuple(map(id, args))] = (args, result)
                while len(remembered) > size:
                    remembered.popitem(last=False)

        def forget() -> None:
            with lock:
                remembered.clear()

        def discard(*args: object) -> None:
            with lock:
                remembered.pop(tuple(map(id, args)), None)

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if kwargs:
                return function(*args, **kwargs)
            key = tuple(map(id, args))
            with lock:
                found = remembered.get(key)
                if found is not None:
                    remembered.move_to_end(key)
                    return found[1]
            result = function(*args, **kwargs)
            with lock:
                remembered[key] = (tuple(args), result)  # holding args keeps their ids unique
                while len(remembered) > size:
                    remembered.popitem(last=False)
            return result

        wrapper.remember = remember  # type: ignore[attr-defined]
        wrapper.forget = forget  # type: ignore[attr-defined]
        wrapper.discard = discard  # type: ignore[attr-defined]
        _ALL.append(wrapper)  # type: ignore[arg-type]
        return wrapper  # type: ignore[return-value]

    return decorate
