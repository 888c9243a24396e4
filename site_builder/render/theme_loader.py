"""The Jinja loader of the theme's template folders, confined to the folders it may read."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path

from site_builder.load import confine


class ConfinedLoader(jinja2.FileSystemLoader):
    """A file system loader that refuses a template whose real path leaves ``roots``."""

    def __init__(self, folder: str, roots: tuple[Path, ...]) -> None:
        super().__init__(folder)
        self.roots = roots

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        found = None
        for folder in self.searchpath:
            candidate = Path(posixpath.join(folder, *pieces))
            if os.path.lexists(candidate) and confine.problem(candidate, self.roots):
                raise jinja2.TemplateNotFound(template)
            found = found or (candidate if candidate.is_file() else None)
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            raise jinja2.TemplateSyntaxError(
                f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})",
                1,
                template,
                str(found) if found else None,
            ) from None
