"""``<Sync …/>`` tags a recording leaves in StreetEvents Event Briefs, and their times."""

from __future__ import annotations

import re

# ``Time="75.5"`` (seconds) or ``time="00:30:52"`` (a clock), with or without a space before it.
SYNC_TAG = re.compile(
    r"<Sync\b[^>]*?\btime\s*=\s*[\"']?(?P<s>\d+(?::\d{1,2}){0,2}(?:\.\d+)?)[\"']?[^>]*>", re.I
)


def seconds(value: str) -> float:
    """``75.5`` or ``00:30:52`` as seconds."""
    total = 0.0
    for part in value.split(":"):
        total = total * 60 + float(part)
    return total


def clock(stamp: float) -> str:
    """Seconds as ``hh:mm:ss``."""
    whole = int(stamp)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
