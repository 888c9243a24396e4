"""Operating-system primitives for replacing a folder in one step.

``exchange`` swaps two directories. On Linux it is one ``renameat2(RENAME_EXCHANGE)`` call: at
every instant each name points at a complete tree, so a web server serving the output folder
never sees it missing or mixed, and a kill at any moment leaves one of the two trees in place.
Elsewhere (macOS, Windows, file systems without the flag) it falls back to three renames through
an ``aside`` name; between the first two the output name is briefly missing, and a kill there
leaves the previous site under ``aside``, which :func:`site_builder.output.write.write_site` puts
back
at the start of the next run.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# The kernel or the file system cannot exchange: fall back to renames. Any other error is real.
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def _load_renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    function = getattr(libc, "renameat2", None)  # glibc >= 2.28, musl >= 1.2.3
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        function.argtypes += [ctypes.c_uint]
        function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


def exchange(first: Path, second: Path, aside: Path) -> bool:
    """Swap the directories ``first`` and ``second``; True when it happened in one atomic step.

    ``aside`` is a free name on the same file system, used only by the fallback.
    """
    if _renameat2 is not None:
        result = _renameat2(
            _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
        )
        if result == 0:
            return True
        code = ctypes.get_errno()
        if code not in _UNSUPPORTED:
            raise OSError(code, os.strerror(code), str(first), None, str(second))
    os.rename(second, aside)
    os.rename(first, second)
    os.rename(aside, first)
    return False


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` (a build and ``serve`` writing one output).

    Where ``fcntl`` is missing (Windows) two concurrent builds of one output are not prevented.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
