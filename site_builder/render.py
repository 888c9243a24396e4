"""Render every page's view through its Jinja template. No file writes.

Rendering is a pure function of a page's view (plus the template), so a cache keyed on a hash of
``repr(view)`` and the template source can skip unchanged pages. A template mistake is reported as
a diagnostic at the template's file and line, naming the page being rendered, never as a
traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import jinja2
from markupsafe import escape

from . import feeds, jsonout, markdown, site_data
from .errors import Diagnostics
from .index import Site
from .model import Transcript
from .theme import Theme
from .urls import Urls
from .views import build_views
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


def render_site(site: Site, theme: Theme, diagnostics: Diagnostics) -> list[RenderedPage]:
    env = make_environment(theme)
    pages: list[RenderedPage] = []
    # Jinja names a template frame by the file it loaded; FileSystemLoader normalises the path.
    template_files = {
        os.path.normpath(str(path)) for folder in theme.template_dirs for path in folder.rglob("*")
    }
    views = build_views(site)
    for view in views:
        try:
            html = render_page(env, view)
        except Exception as exc:  # a template mistake becomes a diagnostic at its line
            where = _template_location(exc, template_files)
            if where is None and not isinstance(exc, jinja2.TemplateError):
                raise  # not the template's fault: a bug in site-builder, keep the traceback
            path, line = where or (view.template, None)
            message = str(exc).strip() or type(exc).__name__
            diagnostics.error(
                _display(path),
                line,
                None,
                f"template error while rendering {view.url}: {message}",
            )
            continue
        pages.append(RenderedPage(view.output_path, html.encode("utf-8"), view.kind))
    pages.extend(transcript_data(site))
    pages.extend(machine_files(site, views))
    return pages


def transcript_data(site: Site) -> list[RenderedPage]:
    """Every transcript's JSON (the ``parse`` schema plus its annotations), beside its page."""
    urls = Urls(site.config.base_url)
    return [
        RenderedPage(
            urls.output_path(urls.transcript_json(t.slug)).as_posix(),
            jsonout.dumps(site_data.transcript_document(site, urls, t)).encode("utf-8"),
            "data",
        )
        for t in site.transcripts
    ]


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


def machine_files(site: Site, views: list[PageView]) -> list[RenderedPage]:
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
