"""Where templates and static files come from: the site's own, then the default theme.

A site overrides any theme file by putting one of the same name in ``<content>/templates/`` or
``<content>/static/`` (Hugo's layouts-over-theme convention). The site's folders, and every file
in them, must stay inside the content folder (:mod:`site_builder.load.confine`): a folder or file
that
links elsewhere is an error in :meth:`Theme.problems` and is never read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.errors import Diagnostic, Diagnostics
from site_builder.load import confine

if TYPE_CHECKING:
    import jinja2

_PACKAGE = Path(__file__).resolve().parent.parent  # the site_builder package


def default_theme_dir() -> Path:
    """``site_builder/theme`` in an installed wheel; the repository root in a source checkout."""
    installed = _PACKAGE / "theme"
    if (installed / "templates").is_dir():
        return installed
    return _PACKAGE.parent


class Theme:
    def __init__(self, content_dir: Path | None = None) -> None:
        default = default_theme_dir()
        self._found = Diagnostics()
        self._checked = False
        self._static: dict[str, Path] = {}
        self.template_dirs: list[Path] = []
        self.static_dirs: list[Path] = []
        self._roots: dict[Path, tuple[Path, ...]] = {}
        if content_dir is not None:
            inside = confine.real_roots([content_dir])
            for name, dirs in (("templates", self.template_dirs), ("static", self.static_dirs)):
                folder = content_dir / name
                usable = os.path.lexists(folder) and confine.check(folder, inside, self._found)
                if usable and folder.is_dir():
                    dirs.append(folder)
                    self._roots[folder] = inside
        for name, dirs in (("templates", self.template_dirs), ("static", self.static_dirs)):
            dirs.append(default / name)
            self._roots[default / name] = confine.real_roots([default])

    def _check(self) -> None:
        """Walks the folders once: the static files, and what is wrong in either folder."""
        if self._checked:
            return
        self._checked = True
        for folder in self.template_dirs:
            confine.files_below(folder, self._roots[folder], self._found)
        for folder in reversed(self.static_dirs):
            self._static.update(confine.files_below(folder, self._roots[folder], self._found))
        self._static = dict(sorted(self._static.items()))

    def problems(self) -> list[Diagnostic]:
        """Folders or files of the site's theme that may not be read (links outside, loops)."""
        self._check()
        return list(self._found)

    def static_files(self) -> dict[str, Path]:
        """Output name (relative to ``static/``) -> file; the site's own files win."""
        self._check()
        return dict(self._static)

    def loader(self) -> jinja2.BaseLoader:
        """Site templates first, then the theme's; none read from outside its folder."""
        # Imported here: a build the build record answers never needs Jinja (a quick no-op).
        import jinja2

        from site_builder.render.theme_loader import ConfinedLoader

        return jinja2.ChoiceLoader(
            [ConfinedLoader(str(d), self._roots[d]) for d in self.template_dirs]
        )

    def watched_dirs(self) -> list[Path]:
        return [*self.template_dirs, *self.static_dirs]
