"""Render every page's view through its Jinja template. No file writes.

Rendering is a pure function of a page's view (plus the templates), so a cache keyed on a hash of
both skips unchanged pages (:mod:`site_builder.cache`). Pages are made on every core
(:mod:`site_builder.parallel`). A template mistake is reported as
a diagnostic at the template's file and line, naming the page being rendered, never as a
traceback.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Protocol

import jinja2
from markupsafe import escape

from . import feeds, jsonout, markdown, parallel, site_data
from .cache import Key, RenderCache, templates_fingerprint, view_key
from .errors import Diagnostic, Diagnostics
from .index import Site
from .model import Transcript
from .progress import Progress
from .theme import Theme
from .urls import Urls
from .views import page_makers
from .views_common import PageView
from .views_meta import transcript_description


@dataclass(frozen=True, slots=True)
class RenderedPage:
    path: str
    """Output path relative to the output folder, POSIX separators."""
    content: bytes
    kind: str


def make_environment(theme: Theme) -> jinja2.Environment:
    """Site templates first, then the default theme; undefined names are errors, output escaped."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in theme.template_dirs])
    return jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template_location(
    exc: BaseException, template_files: set[str]
) -> tuple[str, int | None] | None:
    """The innermost template frame of the traceback: Jinja maps its line to the template's."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (exc.filename or exc.name or "<template>", exc.lineno)
    found: tuple[str, int | None] | None = None
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in template_files:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _display(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def render_page(env: jinja2.Environment, view: PageView) -> str:
    return env.get_template(view.template).render(page=view, view=view.content)


@dataclass(frozen=True, slots=True)
class _Made:
    """What a worker sends back for one page: the bytes only when they were rendered anew."""

    key: Key
    path: str
    kind: str
    url: str
    content: bytes | None
    error: Diagnostic | None = None


def _make_page(
    make: Callable[[], PageView],
    env: jinja2.Environment,
    fingerprint: bytes,
    cached: frozenset[Key],
    template_files: set[str],
) -> _Made:
    view = make()
    key = view_key(fingerprint, view)
    if key in cached:
        return _Made(key, view.output_path, view.kind, view.url, None)
    try:
        html = render_page(env, view)
    except Exception as exc:  # a template mistake becomes a diagnostic at its line
        where = _template_location(exc, template_files)
        if where is None and not isinstance(exc, jinja2.TemplateError):
            raise  # not the template's fault: a bug in site-builder, keep the traceback
        path, line = where or (view.template, None)
        message = str(exc).strip() or type(exc).__name__
        error = Diagnostic(
            _display(path), line, None, f"template error while rendering {view.url}: {message}"
        )
        return _Made(key, view.output_path, view.kind, view.url, None, error)
    return _Made(key, view.output_path, view.kind, view.url, html.encode("utf-8"))


def render_site(
    site: Site,
    theme: Theme,
    diagnostics: Diagnostics,
    *,
    cache: RenderCache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[RenderedPage]:
    """Every page, the transcripts' JSON and the machine files; pages in ``cache`` not rendered.

    ``cache`` is updated to hold exactly this build's pages.
    """
    env = make_environment(theme)
    # Jinja names a template frame by the file it loaded; FileSystemLoader normalises the path.
    template_files = {
        os.path.normpath(str(path)) for folder in theme.template_dirs for path in folder.rglob("*")
    }
    fingerprint = templates_fingerprint(theme.template_dirs)
    cached = cache.keys() if cache is not None else frozenset()
    makers = page_makers(site)
    for name in sorted(env.list_templates()):  # compiled once here, not once per worker
        if name.endswith(".html"):
            env.get_template(name)
    calls = [
        functools.partial(_make_page, make, env, fingerprint, cached, template_files)
        for make in makers
    ]
    if progress is not None:
        progress.stage("rendering pages", len(calls))
    made = parallel.run_all(calls, jobs, progress.advance if progress else None)
    pages: list[RenderedPage] = []
    kept: dict[Key, bytes] = {}
    for m in made:
        if m.error is not None:
            diagnostics.extend([m.error])
            continue
        content = m.content if m.content is not None else cache.get(m.key)  # type: ignore[union-attr]
        kept[m.key] = content
        pages.append(RenderedPage(m.path, content, m.kind))
    if cache is not None and not diagnostics.errors:
        cache.replace(kept)
    if progress is not None:
        progress.stage("writing data files", len(site.transcripts))
    pages.extend(transcript_data(site, jobs))
    pages.extend(machine_files(site, made))
    return pages


def transcript_data(site: Site, jobs: int = 1) -> list[RenderedPage]:
    """Every transcript's JSON (the ``parse`` schema plus its annotations), beside its page."""
    urls = Urls(site.config.base_url)
    return parallel.run_all(
        [functools.partial(_transcript_json, site, urls, t) for t in site.transcripts], jobs
    )


def _transcript_json(site: Site, urls: Urls, t: Transcript) -> RenderedPage:
    return RenderedPage(
        urls.output_path(urls.transcript_json(t.slug)).as_posix(),
        jsonout.dumps(site_data.transcript_document(site, urls, t)).encode("utf-8"),
        "data",
    )


def _feed_entry(site: Site, urls: Urls, t: Transcript) -> feeds.FeedEntry:
    company = site.transcript_companies.get(t.slug)
    author = site.organizations[company].organization.name if company else site.config.title
    summary = markdown.render(t.summary) if t.summary else escape(transcript_description(t))
    return feeds.FeedEntry(
        title=t.title,
        url=urls.absolute(urls.transcript(t.slug)),
        date=t.parsed.event.date,
        summary_html=str(summary),
        author=author,
    )


class _Listed(Protocol):
    url: str
    kind: str


def machine_files(site: Site, views: Sequence[_Listed]) -> list[RenderedPage]:
    """The Atom feed, sitemap.xml, robots.txt and the site-wide JSON index."""
    urls = Urls(site.config.base_url)
    feed = feeds.atom_feed(
        site.config.title,
        urls.absolute(urls.home()),
        urls.absolute(urls.feed()),
        [_feed_entry(site, urls, t) for t in site.transcripts],
        site.config.language,
    )
    # The 404 page is served for missing URLs; it is not a page anyone should be sent to.
    listed = [urls.absolute(v.url) for v in views if v.kind != "404"]
    files = {
        urls.feed(): feed,
        urls.sitemap(): feeds.sitemap(listed),
        urls.robots(): feeds.robots(urls.absolute(urls.sitemap())),
        urls.site_data(): jsonout.dumps(site_data.site_index(site, urls)).encode("utf-8"),
    }
    return [
        RenderedPage(urls.output_path(url).as_posix(), content, "data")
        for url, content in files.items()
    ]


__all__ = ["RenderedPage", "make_environment", "render_page", "render_site"]
