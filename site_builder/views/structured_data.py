"""schema.org JSON-LD for transcript and person pages, safe to embed in a ``<script>``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from site_builder.model import Provenance

# Inside <script> the HTML parser ends the element at "</script" and treats "<!--" specially,
# whatever JSON says; escaping <, > and & as \u escapes keeps the JSON identical and inert.
# (Replaced one character at a time: most pages have none of them, which ``in`` finds at once,
# while ``str.translate`` looks each character of the text up.)
_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _SCRIPT_SAFE:
        if char in text:
            text = text.replace(char, escaped)
    return Markup(text)


def person_ld(
    name: str, url: str, job_title: str | None, organization: str | None
) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": name, "url": url}
    if job_title:
        data["jobTitle"] = job_title
    if organization:
        data["worksFor"] = {"@type": "Organization", "name": organization}
    return data


def event_ld(
    *,
    name: str,
    url: str,
    date: str | None,
    description: str | None,
    organizer: str | None,
    organizer_url: str | None,
    speakers: Sequence[dict[str, Any]],
    transcript_json_url: str,
    language: str,
    source: Provenance | None = None,
) -> dict[str, Any]:
    """A schema.org Event with its organiser and speakers, and the transcript as a dataset
    (based on the publisher's transcript, with the recordings, when ``source`` says)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "url": url,
        "inLanguage": language,
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": {"@type": "VirtualLocation", "url": url},
        "performer": list(speakers),
        "subjectOf": {
            "@type": "Dataset",
            "name": f"{name}: transcript data",
            "encodingFormat": "application/json",
            "url": transcript_json_url,
        },
    }
    if source is not None:
        data["subjectOf"].update(provenance_ld(source))
    if date:
        data["startDate"] = date
    if description:
        data["description"] = description
    if organizer:
        data["organizer"] = {"@type": "Organization", "name": organizer}
        if organizer_url:
            data["organizer"]["url"] = organizer_url
    return data


def provenance_ld(source: Provenance) -> dict[str, Any]:
    """``isBasedOn`` (the publisher's transcript), ``publisher`` and ``associatedMedia``."""
    found: dict[str, Any] = {}
    publisher = {"@type": "Organization", "name": source.publisher} if source.publisher else None
    based: dict[str, Any] = {"@type": "CreativeWork"}
    if source.url:
        based["url"] = source.url
    if publisher:
        based["publisher"] = publisher
        found["publisher"] = publisher
    if source.retrieved:
        based["dateRead"] = source.retrieved
    if source.licence:
        based["license"] = source.licence
    if len(based) > 1:
        found["isBasedOn"] = based
    media = [
        {"@type": kind, "contentUrl": url}
        for kind, url in (("AudioObject", source.audio), ("VideoObject", source.video))
        if url
    ]
    if media:
        found["associatedMedia"] = media
    return found


def profile_ld(person: dict[str, Any], url: str) -> dict[str, Any]:
    """A schema.org ProfilePage about one person."""
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "mainEntity": person,
    }
