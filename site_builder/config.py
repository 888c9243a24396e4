"""``content/site.yaml``: title, base URL, language (placeholder loader; see annotations)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Diagnostics
from .model import SiteConfig
from .urls import normalize_base_url


def load_config(content_dir: Path, diagnostics: Diagnostics, base_url: str | None) -> SiteConfig:
    path = content_dir / "site.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    data = data or {}
    return SiteConfig(
        title=str(data.get("title", "Transcripts")),
        base_url=normalize_base_url(base_url or str(data.get("base_url", "/"))),
        language=str(data.get("language", "en")),
        description=str(data.get("description", "")),
    )
