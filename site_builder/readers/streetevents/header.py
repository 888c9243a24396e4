"""The head of a StreetEvents transcript: brand, title, date and time, company and ticker."""

from __future__ import annotations

import re

from site_builder.model import EventInfo
from site_builder.readers.common.call_dates import iso_date, quarter_and_year

BRAND = re.compile(r"StreetEvents|Event Transcript|Event Brief", re.I)
SPACED_CAPS = re.compile(r"^\s*(?:[A-Z] {1,3})+[A-Z]\s*$")  # E D I T E D   V E R S I O N
TIME_ZONE = re.compile(r"/\s*(\d{1,2}:\d{2}\s*[AP]M)\s+([A-Z]{2,5})\b", re.I)
COMPANY_IN_TITLE = re.compile(
    r"^(?:(?:Q[1-4]|FY|H[12]|Full Year|Half Year)\s+)?(?:\d{4}\s+)?(?P<company>.+?)\s+"
    r"(?:Earnings|Sales|Financial|Results|Preliminary|Conference|Guidance|Investor|Analyst)\b",
    re.I,
)
TICKER = re.compile(r"\bTicker:\s*([A-Z][A-Z.]{0,6})|\(([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\)")


def read_header(header: list[str]) -> tuple[str, EventInfo]:
    """Title and event facts from the lines above the participant lists."""
    meaningful = [
        ln.strip()
        for ln in header
        if ln.strip()
        and not SPACED_CAPS.match(ln)
        and not (BRAND.search(ln) and len(ln.split()) <= 5)
    ]
    title = meaningful[0] if meaningful else "StreetEvents transcript"
    dated = next((ln for ln in meaningful if iso_date(ln)), "")
    quarter, year = quarter_and_year(title)
    company = COMPANY_IN_TITLE.match(title)
    ticker = next(
        (m.group(1) or m.group(2) for ln in meaningful for m in TICKER.finditer(ln)), None
    )
    clock = TIME_ZONE.search(dated)
    return title, EventInfo(
        company=company.group("company").strip() if company else None,
        ticker=ticker,
        quarter=quarter,
        year=year,
        date=iso_date(dated),
        time=clock.group(1).replace(" ", "") if clock else None,
        timezone=clock.group(2) if clock else None,
    )
