"""The Jinja environment pages are rendered in, and where a template mistake points.

Site templates come first, then the default theme; undefined names are errors and output is
escaped. Compiled templates are kept in the cache folder and marked as used when read.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import jinja2
from jinja2.bccache import Bucket

from site_builder.cache_dir import cache_root, mark_used
from site_builder.render.theme import Theme
from site_builder.views.common import PageView


class _MarkedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, each marked as used when read, so that pruning the
    cache folder keeps the templates in use."""

    def load_bytecode(self, bucket: Bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is not None:
            mark_used(Path(self.directory) / (self.pattern % bucket.key))


def make_environment(theme: Theme) -> jinja2.Environment:
    """Site templates first, then the default theme; undefined names are errors, output escaped.

    Compiled templates are kept in the user's cache folder (Jinja checks each against its
    source), so a fresh process does not compile them again: half a second per build.
    """
    loader = theme.loader()
    compiled = cache_root() / "templates"
    try:
        compiled.mkdir(parents=True, exist_ok=True)
        bytecode: jinja2.BytecodeCache | None = _MarkedBytecodeCache(str(compiled))
    except OSError:
        bytecode = None  # a read-only home: templates are compiled in memory each build instead
    return jinja2.Environment(
        loader=loader,
        bytecode_cache=bytecode,
        auto_reload=False,  # one environment per build: templates cannot change during it
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_location(
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


def display(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def render_page(env: jinja2.Environment, view: PageView) -> str:
    return env.get_template(view.template).render(page=view, view=view.content)
