"""Full-text search: the records of :mod:`site_builder.search_records`, indexed by Pagefind.

Pagefind (the ``pagefind[bin]`` wheel: a native binary, no network) is driven through its Python
API, :class:`pagefind.index.PagefindIndex`: each record goes in with ``add_custom_record`` (url,
content, title, filters) and Pagefind writes its static index and UI into ``pagefind/`` beside
the pages. It never reads the HTML, which is three times the bytes of the text it needs and would
give every filter to the whole page. The index is written into the new tree before that tree goes
live (``write.write_site(before_swap=...)``), so the published folder always holds an index that
matches its pages.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import signal
import threading
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import search_stable
from .search_records import SearchRecord
from .urls import SEARCH_BUNDLE

if TYPE_CHECKING:
    from pagefind.service import PagefindService


class SearchIndexError(Exception):
    """Pagefind failed; the message holds what it said."""


class PagefindRun:
    """The Pagefind process of one indexing run, for a caller that may have to stop it."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.ended = threading.Event()
        """Set once the process has exited and been waited for."""

    def terminate(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it had finished
            os.kill(self.pid, signal.SIGTERM)


def _service_class() -> type[PagefindService]:
    """Pagefind's service client, with a reader that answers as soon as a reply arrives.

    The one Pagefind ships sleeps 0.1 s before reading each reply, so a site of 15,000 records
    would take 25 minutes; this one reads them as they come. Imported here, not at the top:
    ``site-builder --help`` should not load asyncio's subprocess machinery.
    """
    from pagefind.service import PagefindService

    class Service(PagefindService):
        async def _wait_for_responses(self) -> None:
            assert self._backend.stdout is not None
            try:
                while True:
                    line = await self._backend.stdout.readuntil(b",")
                    reply = json.loads(base64.b64decode(line[:-1]))
                    future = self._responses.pop(reply.get("message_id"), None)
                    payload = reply.get("payload") or {}
                    if future is None or future.done():
                        continue
                    if payload.get("type") == "Error":
                        future.set_exception(SearchIndexError(str(payload.get("message"))))
                    else:
                        future.set_result(payload)
            except Exception as exc:
                # Pagefind ended (was stopped, or said something unreadable) with requests
                # unanswered: they fail, not hang.
                for future in self._responses.values():
                    if not future.done():
                        future.set_exception(SearchIndexError(f"pagefind stopped: {exc}"))
                self._responses.clear()

    return Service


async def _index(
    records: Sequence[SearchRecord], bundle: Path, started: Callable[[PagefindRun], None] | None
) -> None:
    from pagefind.index import PagefindIndex

    service = await _service_class()().launch()
    run = PagefindRun(service._backend.pid)
    try:
        if started is not None:
            started(run)
        index: PagefindIndex = await service.create_index(
            {"force_language": "en", "output_path": str(bundle)}
        )
        await asyncio.gather(
            *(
                index.add_custom_record(
                    url=r.url,
                    content=r.content,
                    language=r.language,
                    meta={"title": r.title},
                    filters={name: list(values) for name, values in r.filters},
                )
                for r in records
            )
        )
        await index.write_files()
    finally:
        with contextlib.suppress(ProcessLookupError):  # it had ended (or was stopped)
            await service.close()
        await service._backend.wait()
        run.ended.set()


def _run_alone(work: Coroutine[None, None, None]) -> None:
    """Run ``work`` in an event loop of its own, even when the caller is inside one (a build
    started from a test's or a server's loop): in a thread, whose failure is raised here."""
    failed: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(work)
        except BaseException as exc:  # handed to the caller below
            failed.append(exc)

    thread = threading.Thread(target=run, name="site-builder-pagefind")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


def index_records(
    folder: Path,
    records: Sequence[SearchRecord],
    started: Callable[[PagefindRun], None] | None = None,
) -> None:
    """Write Pagefind's index of ``records`` and its UI into ``folder/pagefind/``.

    Then puts what Pagefind writes in a random order into a fixed one
    (:mod:`site_builder.search_stable`). ``started`` is handed the running Pagefind, for a
    caller that may have to stop it (the preview, when it stops).
    """
    bundle = folder / SEARCH_BUNDLE
    try:
        _run_alone(_index(records, bundle, started))
    except (OSError, AssertionError) as exc:  # no binary; a reply of a type the API did not expect
        raise SearchIndexError(f"pagefind failed while indexing {folder}: {exc}") from exc
    if not (bundle / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"pagefind wrote no index into {bundle}")
    search_stable.stabilise(bundle)
