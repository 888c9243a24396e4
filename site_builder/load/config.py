"""``content/site.yaml``: the site's title, base URL, language, description and the default
``source:`` and ``media:`` of every transcript (see :mod:`site_builder.load.provenance`).

Read with the same located loader as the annotations, so a typo (``titel:``) is an error at its
line with a did-you-mean hint instead of a silently ignored key. The file is optional; a
``--base-url`` on the command line wins over the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.errors import Diagnostics
from site_builder.load import confine, provenance
from site_builder.load.sources import display_path
from site_builder.load.yamlload import Node, load_yaml
from site_builder.load.yamlschema import Context, as_mapping, fields, ref, text, text_list
from site_builder.model import SiteConfig
from site_builder.urls import MARKER, normalize_base_url

SITE_FILE = "site.yaml"
SITE_KEYS = ("title", "base_url", "language", "description", "keep", "source", "media")
# A kept path is relative to the output folder: plain segments, no '..', no separators of Windows.
_SEGMENT = r"[^/\\\x00-\x1f:*?\"<>|]+"
_KEEP_PATH = re.compile(rf"(?!.*(^|/)\.{{1,2}}(/|$)){_SEGMENT}(/{_SEGMENT})*")
# BCP 47 in the shape authors write it: en, en-GB, zh-Hans, pt-BR.
_LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
# Every link and feed URL is built on the base URL: a path under the server root, or a full
# http(s) address. Anything else (javascript:, a bare host, spaces, quotes) would break or
# poison every page.
_BASE_URL = re.compile(r"(https?://[A-Za-z0-9.-]+(:[0-9]+)?)?/[A-Za-z0-9._~%/-]*")
BASE_URL_HINT = (
    "write a path such as '/' or '/calls/', or a full address such as https://example.org/calls/"
)


def base_url_problem(value: str) -> str | None:
    """Why ``value`` cannot be the site's base URL, or None when it can."""
    candidate = value.strip()
    if candidate and not candidate.endswith("/"):
        candidate += "/"
    if _BASE_URL.fullmatch(candidate or "/"):
        return None
    return f"base URL '{value}' is not a path or an http(s) address"


def load_config(content_dir: Path, diagnostics: Diagnostics, base_url: str | None) -> SiteConfig:
    defaults = SiteConfig()
    path = content_dir / SITE_FILE
    values: dict[str, str] = {}
    keep = defaults.keep
    defaults_of_source = None
    if confine.readable_file(path, content_dir, diagnostics):
        ctx = Context(display_path(path), diagnostics)
        root = as_mapping(ctx, load_yaml(path, diagnostics), SITE_FILE)
        if root is not None:
            f = fields(ctx, root, SITE_KEYS, SITE_FILE)
            for key in ("title", "base_url", "description"):
                if (value := text(ctx, f.get(key), key)) is not None:
                    values[key] = value
            if "base_url" in values and (problem := base_url_problem(values["base_url"])):
                ctx.error(f["base_url"], problem, BASE_URL_HINT)
                del values["base_url"]
            if "keep" in f:
                keep = _keep(ctx, f["keep"])
            # Where every transcript came from, unless its own annotations say otherwise.
            defaults_of_source = provenance.load(ctx, f.get("source"), f.get("media"))
            language = ref(ctx, f.get("language"), "language")
            if language is not None:
                if _LANGUAGE.fullmatch(language.value):
                    values["language"] = language.value
                else:
                    ctx.error(
                        language,
                        f"language '{language.value}' is not a language tag",
                        "use a code such as 'en' or 'en-GB'",
                    )
    if base_url is not None and (problem := base_url_problem(base_url)):
        diagnostics.error("--base-url", None, None, problem, BASE_URL_HINT)
        base_url = None
    return SiteConfig(
        title=values.get("title", defaults.title),
        base_url=normalize_base_url(base_url or values.get("base_url", defaults.base_url)),
        language=values.get("language", defaults.language),
        description=values.get("description", defaults.description),
        keep=keep,
        provenance=defaults_of_source,
    )


def _keep(ctx: Context, node: Node) -> tuple[str, ...]:
    """The ``keep:`` list: paths in the output folder that the build leaves where they are."""
    paths = []
    for item in text_list(ctx, node, "keep"):
        path = item.value.strip().rstrip("/")
        if path == MARKER or not _KEEP_PATH.fullmatch(path):
            ctx.error(
                item,
                f"'{item.value}' cannot be kept: not a plain path inside the output folder",
                "write a path relative to the output folder, such as CNAME or .well-known/",
            )
            continue
        paths.append(path)
    return tuple(paths)
