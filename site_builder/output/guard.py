"""Which folders a build may replace: never one it did not make, nor the content or the home.

A build replaces its output folder whole, so a wrong ``--output`` (``/``, ``~``, the content
folder, someone's documents) would be a disaster; it is refused before any content is read.
"""

from __future__ import annotations

from pathlib import Path

from site_builder.errors import BuildError
from site_builder.urls import MARKER


class OutputError(BuildError):
    """The output folder cannot be used (it would overwrite something that is not ours)."""


def check_output_dir(output_dir: Path, content_dir: Path | None = None) -> None:
    """Raise :class:`OutputError` unless the build may replace ``output_dir`` wholesale.

    Refused: ``/``, the home folder or a folder holding it, the content folder, a folder holding
    it or inside it (the preview server watches content, so output there would rebuild forever),
    a file, and a non-empty folder without the marker file this tool leaves in what it builds.
    """
    out = output_dir.resolve()
    shown = f"--output {output_dir}"
    if out == Path(out.anchor):
        raise OutputError(f"{shown}: refusing to build into the root of the file system")
    home = Path.home().resolve()
    if out == home or home.is_relative_to(out):
        raise OutputError(f"{shown}: refusing to replace your home folder or a folder holding it")
    if content_dir is not None:
        content = content_dir.resolve()
        where = (
            f"it is the content folder {content_dir}"
            if out == content
            else f"it holds the content folder {content_dir}"
            if content.is_relative_to(out)
            else f"it is inside the content folder {content_dir}, which the preview server "
            "watches (every build would trigger another)"
            if out.is_relative_to(content)
            else None
        )
        if where:
            raise OutputError(
                f"{shown}: refusing to build there: {where}; a build replaces its output folder "
                "whole and never writes into content; choose another --output, e.g. _site "
                "beside the content folder"
            )
    if out.exists() and not out.is_dir():
        raise OutputError(f"{shown}: is a file, not a folder")
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        raise OutputError(
            f"{shown}: refusing to replace a non-empty folder that site-builder did not "
            f"create (no {MARKER} file in it); choose another --output or empty it"
        )
