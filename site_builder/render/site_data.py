"""The site's data for programs: per-transcript JSON and one site-wide JSON index.

A transcript's JSON is exactly what ``site-builder parse`` prints (the ``parse`` schema, see
:mod:`site_builder.render.jsonout`) plus one ``annotations`` object: what the editors added
(summary,
topics, notes, corrections) and who each participant is across the site. Keeping the parse keys
untouched means a program written against ``parse`` output reads the published files too.

URLs are absolute when the site has an origin, since these files are read away from the site.
Nothing here depends on the clock or on hash order: two builds give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from site_builder.index.site import Site
from site_builder.load import provenance
from site_builder.model import Transcript
from site_builder.render import jsonout
from site_builder.urls import Urls

SITE_INDEX_VERSION = 1
"""Bumped when a key of the site index changes meaning or disappears."""


def transcript_document(site: Site, urls: Urls, transcript: Transcript) -> dict[str, Any]:
    data = jsonout.parsed_to_dict(transcript.parsed)
    # The source path is relative to wherever the build ran (``../../content/...``): publishing
    # it would leak the publisher's folders and make the bytes depend on the working directory.
    data["source"] = PurePosixPath(transcript.parsed.source.replace("\\", "/")).name
    data["annotations"] = transcript_annotations(site, urls, transcript)
    return data


def transcript_annotations(site: Site, urls: Urls, t: Transcript) -> dict[str, Any]:
    topic_ids = dict.fromkeys(tid for e in t.parsed.exchanges for tid in e.topics)
    company = site.transcript_companies.get(t.slug)
    return {
        "slug": t.slug,
        "title": t.title,
        "url": urls.absolute(urls.transcript(t.slug)),
        "summary": t.summary,
        "company": company,
        # Where the transcript came from: {"source": {...}, "media": {...}}, or null.
        "provenance": provenance.as_dict(src)
        if (src := provenance.of(t, site.config.provenance))
        else None,
        "topics": [
            {
                "id": tid,
                "title": site.topics[tid].topic.title if tid in site.topics else tid,
                "url": urls.absolute(urls.topic(tid)) if tid in site.topics else None,
                "exchanges": [e.id for e in t.parsed.exchanges if tid in e.topics],
            }
            for tid in topic_ids
        ],
        "notes": [{"target": n.target, "markdown": n.markdown} for n in t.notes],
        "corrections": [
            {
                "turn": c.turn,
                "find": c.find,
                "replace": c.replace,
                "reason": c.reason,
                "paragraphs": list(c.paragraphs),
                "annotation_line": c.line,
            }
            for c in t.corrections
        ],
        "participants": [
            {
                "participant": p.id,
                "person": (person := _listed_person(site, t.slug, p.id)),
                "person_url": urls.absolute(urls.person(person)) if person else None,
                "organization": site.participant_organizations.get((t.slug, p.id)),
            }
            for p in t.parsed.participants
        ],
    }


def _listed_person(site: Site, slug: str, participant_id: str) -> str | None:
    """The participant's person id, if they have a page (a call's operator has none)."""
    person = site.participant_people[(slug, participant_id)]
    return person if site.has_page(person) else None


def _exchange_rows(
    t: Transcript, person: Mapping[str, str | None], page: str
) -> list[dict[str, Any]]:
    """The call's questions; ``person``: participant id -> person id (None: no page)."""
    slug = t.slug
    spoken_by = {turn.id: person[turn.speaker] for turn in t.parsed.turns if turn.speaker}
    return [
        {
            "transcript": slug,
            "id": ex.id,
            "number": number,
            "url": page + ex.id,
            "asker": person[ex.asker] if ex.asker else None,
            "speakers": list(dict.fromkeys(p for tid in ex.turns if (p := spoken_by.get(tid)))),
            "topics": list(ex.topics),
        }
        for number, ex in enumerate(t.parsed.exchanges, 1)
    ]


class _Rows(NamedTuple):
    transcript: Transcript
    person: tuple[str | None, ...]
    page: str
    json: str
    """The rows as JSON, without the brackets of their list."""


# One call's questions, by slug, kept from one build to the next: the site index is made at
# every build, and its 10,000 questions (at 1,000 calls) were most of an edit's rebuild. A
# call's rows depend only on the call (an immutable object, made again when its files change),
# who its participants are, and its page's URL, which the entry holds and is checked against.
_kept_rows: dict[str, _Rows] = {}


def _exchanges_json(site: Site, urls: Urls) -> str:
    """The JSON list of every question of the site, in transcript order."""
    global _kept_rows
    made: dict[str, _Rows] = {}
    for t in site.transcripts:
        person = tuple(_listed_person(site, t.slug, p.id) for p in t.parsed.participants)
        page = urls.absolute(urls.in_transcript(t.slug, ""))
        kept = _kept_rows.get(t.slug)
        if kept is None or kept.transcript is not t or kept.person != person or kept.page != page:
            ids = [p.id for p in t.parsed.participants]
            rows = _exchange_rows(t, dict(zip(ids, person, strict=True)), page)
            kept = _Rows(t, person, page, jsonout.compact(rows)[1:-2])
        made[t.slug] = kept
    _kept_rows = made  # calls gone from the site are let go
    return "[" + ",".join(r.json for r in made.values() if r.json) + "]"


def site_index_json(site: Site, urls: Urls) -> str:
    """:func:`site_index` as the published file's text (the same bytes as ``jsonout.compact``)."""
    head = jsonout.compact(site_index(site, urls, exchanges=False))
    return f'{head[:-2]},"exchanges":{_exchanges_json(site, urls)}}}\n'


def site_index(site: Site, urls: Urls, *, exchanges: bool = True) -> dict[str, Any]:
    """Everything a program needs to find its way around the site, in one file."""
    data = {
        "version": SITE_INDEX_VERSION,
        "title": site.config.title,
        "url": urls.absolute(urls.home()),
        "language": site.config.language,
        "feed": urls.absolute(urls.feed()),
        "transcripts": [
            {
                "slug": t.slug,
                "title": t.title,
                "date": t.parsed.event.date,
                "company": site.transcript_companies.get(t.slug),
                "url": urls.absolute(urls.transcript(t.slug)),
                "json": urls.absolute(urls.transcript_json(t.slug)),
                "exchanges": len(t.parsed.exchanges),
            }
            for t in site.transcripts
        ],
        "people": [
            {
                "id": pid,
                "name": e.person.name,
                "role": e.person.role,
                "organization": e.person.organization,
                "url": urls.absolute(urls.person(pid)),
                "transcripts": list(e.transcripts),
                "turns": len(e.turns),
                "words": e.words,
                "asked": [f"{r.transcript}#{r.exchange}" for r in e.asked],
                "answered": [f"{r.transcript}#{r.exchange}" for r in e.answered],
            }
            for pid, e in site.people.items()
        ],
        "organizations": [
            {
                "id": oid,
                "name": e.organization.name,
                "ticker": e.organization.ticker,
                "url": urls.absolute(urls.organization(oid)),
                "people": list(e.people),
                "held": list(e.held),
            }
            for oid, e in site.organizations.items()
        ],
        "topics": [
            {
                "id": tid,
                "title": e.topic.title,
                "url": urls.absolute(urls.topic(tid)),
                "exchanges": [f"{r.transcript}#{r.exchange}" for r in e.exchanges],
            }
            for tid, e in site.topics.items()
        ],
    }
    if exchanges:
        data["exchanges"] = [
            row
            for t in site.transcripts
            for row in _exchange_rows(
                t,
                {p.id: _listed_person(site, t.slug, p.id) for p in t.parsed.participants},
                urls.absolute(urls.in_transcript(t.slug, "")),
            )
        ]
    return data
