"""Where a transcript came from: ``source:`` and ``media:`` in a sidecar or in ``site.yaml``.

```yaml
source:
  publisher: Seeking Alpha        # who published the transcript
  url: https://example.org/x      # the page it was taken from (http or https)
  retrieved: 2012-07-26           # when (ISO date)
  licence: © Seeking Alpha        # copyright or licence
  note: Free-text remark
media:
  audio: https://example.org/x.mp3
  video: https://example.org/x.mp4
```

``site.yaml`` may give the same keys as defaults for every transcript; a sidecar's own value
wins key by key. Every value is checked like any other annotation: an unknown key is an error
with a did-you-mean hint, a URL must be http(s) (it becomes a link on every page), and a date
must exist.
"""

from __future__ import annotations

import re
from dataclasses import replace

from site_builder.load.yamlload import Node
from site_builder.load.yamlschema import Context, as_mapping, iso_date, ref, text
from site_builder.load.yamlschema import fields as keys_of
from site_builder.model import Provenance, Transcript

# A link printed on every page and in JSON-LD: an absolute http(s) address and nothing else
# (no javascript:, no spaces or quotes).
_URL = re.compile(r"https?://[^\s\"'<>]+", re.I)
SOURCE_KEYS = ("publisher", "url", "retrieved", "licence", "note")
MEDIA_KEYS = ("audio", "video")
_KEYS = (*SOURCE_KEYS, *MEDIA_KEYS)


def _url(ctx: Context, node: Node | None, what: str) -> str | None:
    value = ref(ctx, node, what)
    if value is None:
        return None
    if _URL.fullmatch(value.value.strip()):
        return value.value.strip()
    ctx.error(value, f"{what} '{value.value}' is not an http(s) address", "write https://...")
    return None


def of(transcript: Transcript, defaults: Provenance | None) -> Provenance | None:
    """A transcript's provenance, the site's defaults filling what its annotations leave out."""
    own = transcript.provenance or Provenance()
    if defaults is not None:
        own = replace(own, **{k: getattr(defaults, k) for k in _KEYS if getattr(own, k) is None})
    return own if _given(own) else None


def as_dict(source: Provenance) -> dict[str, dict[str, str]]:
    """The published shape: ``{"source": {...}, "media": {...}}``, keys not given left out."""
    found: dict[str, dict[str, str]] = {}
    for group, names in (("source", SOURCE_KEYS), ("media", MEDIA_KEYS)):
        values = {k: v for k in names if (v := getattr(source, k))}
        if values:
            found[group] = values
    return found


def _given(source: Provenance) -> bool:
    return any(getattr(source, k) for k in _KEYS)


def load(ctx: Context, source: Node | None, media: Node | None) -> Provenance | None:
    """The ``source:`` and ``media:`` mappings, checked; None when neither is given."""
    found = Provenance()
    m = as_mapping(ctx, source, "source") if source is not None else None
    if m is not None:
        f = keys_of(ctx, m, SOURCE_KEYS, "source")
        found = replace(
            found,
            publisher=text(ctx, f.get("publisher"), "publisher"),
            url=_url(ctx, f.get("url"), "source url"),
            retrieved=iso_date(ctx, f.get("retrieved"), "retrieved"),
            licence=text(ctx, f.get("licence"), "licence"),
            note=text(ctx, f.get("note"), "note"),
        )
    m = as_mapping(ctx, media, "media") if media is not None else None
    if m is not None:
        f = keys_of(ctx, m, MEDIA_KEYS, "media")
        found = replace(
            found,
            audio=_url(ctx, f.get("audio"), "audio"),
            video=_url(ctx, f.get("video"), "video"),
        )
    return found if _given(found) else None


__all__ = ["MEDIA_KEYS", "SOURCE_KEYS", "Provenance", "as_dict", "load", "of"]
