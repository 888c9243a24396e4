"""Where site-builder keeps what it may reuse between processes (never inside the content or
output folders): build records, loaded transcripts, compiled templates."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "SITE_BUILDER_CACHE_DIR"
"""Set by ``--cache-dir`` (and inherited by helper processes); else the user's cache folder."""


def cache_root() -> Path:
    """site-builder's cache folder: ``--cache-dir``, else ``$XDG_CACHE_HOME/site-builder``
    (``~/.cache/site-builder`` without it)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "site-builder"
