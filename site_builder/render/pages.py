"""Every page's view through its Jinja template, and the site's data files, as bytes.

Rendering makes bytes and hands each file to the ``sink`` its caller gives: the output writer's
standby tree in a build (:mod:`site_builder.output.write`), a digest-only sink for ``check``, or
memory for tests. Pages are made on every core (:mod:`site_builder.parallel`) and handed over
where they are made, so no process holds the whole site's bytes. A page whose key
(:mod:`site_builder.views.inputs`) matches the page cache (:mod:`site_builder.render.page_cache`)
is not made again if the sink still holds its bytes. A template mistake is reported as a
diagnostic at the template's file and line, naming the page being rendered, never as a
traceback.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import jinja2

from site_builder import parallel
from site_builder.errors import BuildError, Diagnostic, Diagnostics
from site_builder.index.site import Site
from site_builder.output import manifest
from site_builder.output.manifest import Entry
from site_builder.output.write import RenderedPage
from site_builder.progress import Progress
from site_builder.render import data_files
from site_builder.render.environment import (
    display,
    make_environment,
    render_page,
    template_location,
)
from site_builder.render.page_cache import Kept, RenderCache, templates_fingerprint
from site_builder.render.theme import Theme
from site_builder.urls import Urls
from site_builder.views import inputs as page_inputs
from site_builder.views.catalogue import PageSpec
from site_builder.views.common import PageView
from site_builder.views.inputs import Key
from site_builder.views.outputs import DataFile, DataSpec, Output, outputs


class Sink(Protocol):
    """Where rendered files go: the output writer, or a digest-only sink for a dry run."""

    def put(self, rel: str, content: bytes) -> Entry: ...

    def holds(self, rel: str, entry: Entry) -> bool:
        """Whether the file is already there with these bytes (a page that need not be made)."""
        ...


@dataclass(frozen=True, slots=True)
class Made:
    """One output file, rendered and handed to the sink: what the writer's manifest needs."""

    path: str
    kind: str
    url: str
    entry: Entry | None
    """Digest, size and kind of the bytes; None when rendering failed."""
    key: Key | None = None
    fresh: bool = True
    """False when the page's key matched the last build's and it was not made again."""
    error: Diagnostic | None = None


@dataclass(frozen=True, slots=True)
class _Job:
    path: str
    kind: str
    url: str
    key: Key | None
    produce: Callable[[], bytes]
    """Makes the file's bytes (for a page: makes its view and renders it)."""
    whole_text_of: str | None = None
    """The call whose every word it prints (``Site.body``): a transcript's page or JSON."""


def _run(job: _Job, sink: Sink, template_files: set[str]) -> Made:
    try:
        content = job.produce()
    except BuildError as exc:  # the page's input could not be read again (Site.body)
        error = Diagnostic(job.url, None, None, f"cannot make this page: {exc}")
        return Made(job.path, job.kind, job.url, None, job.key, error=error)
    except Exception as exc:  # a template mistake becomes a diagnostic at its line
        where = template_location(exc, template_files)
        if where is None and not isinstance(exc, jinja2.TemplateError):
            raise  # not the template's fault: a bug in site-builder, keep the traceback
        path, line = where or ("<template>", None)
        message = str(exc).strip() or type(exc).__name__
        error = Diagnostic(
            display(path), line, None, f"template error while rendering {job.url}: {message}"
        )
        return Made(job.path, job.kind, job.url, None, job.key, error=error)
    return Made(job.path, job.kind, job.url, sink.put(job.path, content), job.key)


def _html(env: jinja2.Environment, make: Callable[[], PageView]) -> bytes:
    return render_page(env, make()).encode("utf-8")


def render_into(
    site: Site,
    theme: Theme,
    diagnostics: Diagnostics,
    sink: Sink,
    *,
    cache: RenderCache | None = None,
    inputs: Mapping[str, page_inputs.TranscriptInputs] | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    files: Sequence[Output] | None = None,
) -> list[Made]:
    """Render every page, the transcripts' JSON and the machine files into ``sink``
    (``files``: :func:`site_builder.views.outputs.outputs` of the site, if the caller has it).

    With ``inputs`` (of every transcript, new whenever it was loaded again) pages whose inputs
    match an entry of ``cache`` are not made at all; ``cache`` is updated to this build's pages.
    Pages are rendered on ``jobs`` cores and handed to the sink where they are rendered, so no
    process holds the whole site's bytes.
    """
    env = make_environment(theme)
    # Jinja names a template frame by the file it loaded; FileSystemLoader normalises the path.
    template_files = {
        os.path.normpath(str(path)) for folder in theme.template_dirs for path in folder.rglob("*")
    }
    for name in sorted(env.list_templates()):  # compiled once here, not once per worker
        if name.endswith(".html"):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:  # a site's template is content too
                shown = display(exc.filename or name)
                diagnostics.error(shown, exc.lineno, None, f"template: {exc.message}")
    if diagnostics.errors:
        return []
    urls = Urls(site.config.base_url)
    keys = page_inputs.Keys(site, templates_fingerprint(theme.template_dirs), inputs)
    files = outputs(site) if files is None else files
    # The 404 page is served for missing URLs; it is not a page anyone should be sent to.
    listed = [urls.absolute(f.url) for f in files if isinstance(f, PageSpec) and f.kind != "404"]
    todo = [
        _Job(
            urls.output_file(f.url),
            f.kind,
            f.url,
            keys.page(f.inputs),
            functools.partial(_html, env, f.make)
            if isinstance(f, PageSpec)
            else functools.partial(data_files.data, site, urls, f, listed),
            _whole_text_of(f),
        )
        for f in files
    ]
    made: list[Made | None] = [None] * len(todo)
    fresh: list[int] = []
    for i, job in enumerate(todo):
        kept = cache.get(job.key) if cache is not None and job.key is not None else None
        if kept is not None and kept.path == job.path and sink.holds(job.path, kept.entry):
            made[i] = Made(job.path, job.kind, job.url, kept.entry, job.key, fresh=False)
        else:
            fresh.append(i)
    own, about_many = _in_render_order(todo, fresh)
    fresh = own + about_many
    if progress is not None:
        progress.stage("rendering pages", len(fresh))
    advance = progress.advance if progress else None
    calls = [functools.partial(_run, todo[i], sink, template_files) for i in fresh]
    rendered = parallel.run_all(calls[: len(own)], jobs, advance)
    resident = parallel.resident_bytes()
    shared = jobs if resident is not None and resident <= COPIED_AT_MOST else 1
    rendered += parallel.run_all(calls[len(own) :], shared, advance)  # see _in_render_order
    for i, m in zip(fresh, rendered, strict=True):
        made[i] = m
    if os.environ.get(VERIFY_KEYS_ENV):
        _verify_kept(todo, made, fresh, diagnostics)
    done = [m for m in made if m is not None]
    diagnostics.extend([m.error for m in done if m.error is not None])
    if diagnostics.errors:
        return done
    if cache is not None:
        cache.replace({m.key: Kept(m.path, m.entry) for m in done if m.key and m.entry})
    return done


def _whole_text_of(f: Output) -> str | None:
    if isinstance(f, DataSpec):
        return f.slug if f.data is DataFile.TRANSCRIPT_JSON else None
    return f.inputs.shows[0] if f.kind == "transcript" and f.inputs.shows else None


def _in_render_order(todo: Sequence[_Job], fresh: list[int]) -> tuple[list[int], list[int]]:
    """``fresh`` as each call's own pages (its page, then its JSON), and the pages about many
    calls (home, people, organisations, topics, feeds, the site's JSON).

    - A call's JSON comes right after its page: both read the call's whole text, which the
      process making them then reads once (``Site.body``).
    - A call's own pages are made on every core; the pages about many calls too while this
      process holds at most :data:`COPIED_AT_MOST`, else in this process alone. Forked helpers
      share this process's memory only until either side touches it (reading an object
      writes its reference count), and the pages about many calls touch nearly all of it: made
      on two cores, they have the two processes hold two copies of the whole site. At 2,000
      calls that is 506 MB at the peak against 350 MB (and 14 s making pages against 16 s);
      at 10,000 calls, 2.3 GB against 1.6 GB.
    """
    json_of = {
        call: i
        for i in fresh
        if (call := todo[i].whole_text_of) is not None and todo[i].kind != "transcript"
    }
    with_page = {todo[i].whole_text_of for i in fresh if todo[i].kind == "transcript"}
    own: list[int] = []
    about_many: list[int] = []
    for i in fresh:
        call = todo[i].whole_text_of
        if call is None:
            about_many.append(i)
        elif todo[i].kind == "transcript":
            own.append(i)
            if call in json_of:
                own.append(json_of[call])
        elif call not in with_page:
            own.append(i)
    return own, about_many


COPIED_AT_MOST = 512 << 20
"""Past this much memory in this process, the pages about many calls are made by it alone, so a
build's memory stays its own plus at most this much copied (see :func:`_in_render_order`)."""
VERIFY_KEYS_ENV = "SITE_BUILDER_VERIFY_PAGE_KEYS"
"""Set (the test suite sets it) to render again every page the cache kept and compare: a page
whose bytes changed although its key did not means its key misses an input, and is an error."""


def _verify_kept(
    todo: Sequence[_Job], made: Sequence[Made | None], fresh: list[int], diagnostics: Diagnostics
) -> None:
    rendered = set(fresh)
    for i, job in enumerate(todo):
        kept = made[i]
        if i in rendered or kept is None or kept.entry is None:
            continue
        if manifest.entry(job.produce()).digest != kept.entry.digest:
            diagnostics.error(
                job.url,
                None,
                None,
                "site-builder bug: this page changed but its key did not, so a rebuild kept the "
                "old page (its key in site_builder/views/inputs.py misses an input)",
            )


class _Memory:
    """A sink that keeps every file's bytes: for callers that want the pages themselves."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def put(self, rel: str, content: bytes) -> Entry:
        self.files[rel] = content
        return manifest.entry(content)

    def holds(self, rel: str, entry: Entry) -> bool:
        return False


def render_site(site: Site, theme: Theme, diagnostics: Diagnostics) -> list[RenderedPage]:
    """Every file of the site in memory, in one process (small sites, tests)."""
    memory = _Memory()
    made = render_into(site, theme, diagnostics, memory)
    return [RenderedPage(m.path, memory.files[m.path], m.kind) for m in made if m.entry]


__all__ = [
    "Made",
    "RenderedPage",
    "Sink",
    "make_environment",
    "render_into",
    "render_page",
    "render_site",
]
