"""Dates and quarters as earnings-call providers write them in titles and headers."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}

_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})")
_QUARTER = re.compile(r"\b(Q[1-4]|FY|H[12])\s*'?(\d{4}|\d{2})\b")


def iso_date(text: str) -> str | None:
    """``JANUARY 25, 2010`` / ``Thursday, April 24, 2025`` -> ``2010-01-25``; None if absent."""
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = MONTHS.get(match.group(1).lower())
        if month is None:
            continue
        try:
            return date(int(match.group(3)), month, int(match.group(2))).isoformat()
        except ValueError:  # "February 30": not a date, keep looking
            continue
    return None


def quarter_and_year(text: str) -> tuple[str | None, int | None]:
    """``Q1 2010 Apple Inc. Earnings ...`` -> (``Q1``, 2010)."""
    match = _QUARTER.search(text)
    if not match:
        return None, None
    year = int(match.group(2))
    return match.group(1), year + 2000 if year < 100 else year
