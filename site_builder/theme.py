"""Where templates and static files come from: the site's own, then the default theme.

A site overrides any theme file by putting one of the same name in ``<content>/templates/`` or
``<content>/static/`` (Hugo's layouts-over-theme convention).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def default_theme_dir() -> Path:
    """``site_builder/theme`` in an installed wheel; the repository root in a source checkout."""
    installed = _PACKAGE / "theme"
    if (installed / "templates").is_dir():
        return installed
    return _PACKAGE.parent


class Theme:
    def __init__(self, content_dir: Path | None = None) -> None:
        default = default_theme_dir()
        self.template_dirs: list[Path] = []
        self.static_dirs: list[Path] = []
        if content_dir is not None:
            for name, dirs in (("templates", self.template_dirs), ("static", self.static_dirs)):
                if (content_dir / name).is_dir():
                    dirs.append(content_dir / name)
        self.template_dirs.append(default / "templates")
        self.static_dirs.append(default / "static")

    def static_files(self) -> dict[str, Path]:
        """Output name (relative to ``static/``) -> file; the site's own files win."""
        files: dict[str, Path] = {}
        for folder in reversed(self.static_dirs):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files[path.relative_to(folder).as_posix()] = path
        return dict(sorted(files.items()))

    def watched_dirs(self) -> list[Path]:
        return [*self.template_dirs, *self.static_dirs]
