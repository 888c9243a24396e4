"""What a page tells machines about itself: schema.org JSON-LD and share-card descriptions.

The JSON-LD is built from the same site index the page is, so the event, its organiser and its
speakers link to the same person and organisation pages a reader follows. URLs are absolute when
the site has an origin: structured data is read away from the page.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from site_builder.index.site import Site
from site_builder.load import provenance
from site_builder.model import Group, Transcript
from site_builder.urls import Urls
from site_builder.views import structured_data
from site_builder.views.common import date_view, plural


def _organization_name(site: Site, org_id: str | None) -> str | None:
    if org_id and org_id in site.organizations:
        return site.organizations[org_id].organization.name
    return None


def transcript_json_ld(site: Site, urls: Urls, transcript: Transcript) -> Markup:
    """An Event: the call, who held it, who spoke (operators and unknown voices left out)."""
    speakers: list[dict[str, Any]] = []
    seen: set[str] = set()
    spoke = {turn.speaker for turn in transcript.parsed.turns if turn.speaker}
    for p in transcript.parsed.participants:
        if p.group in (Group.OPERATOR, Group.UNKNOWN) or p.id not in spoke:
            continue
        person = site.person_of(transcript.slug, p.id)
        if person.person.id in seen:
            continue
        seen.add(person.person.id)
        org = site.participant_organizations.get((transcript.slug, p.id))
        speakers.append(
            structured_data.person_ld(
                person.person.name,
                urls.absolute(urls.person(person.person.id)),
                p.role or person.person.role,
                _organization_name(site, org),
            )
        )
    company_id = site.transcript_companies.get(transcript.slug)
    company = _organization_name(site, company_id)
    return structured_data.script_json(
        structured_data.event_ld(
            name=transcript.title,
            url=urls.absolute(urls.transcript(transcript.slug)),
            date=transcript.parsed.event.date,
            description=transcript_description(transcript),
            organizer=company,
            organizer_url=urls.absolute(urls.organization(company_id))
            if company and company_id
            else None,
            speakers=speakers,
            transcript_json_url=urls.absolute(urls.transcript_json(transcript.slug)),
            language=site.config.language,
            source=provenance.of(transcript, site.config.provenance),
        )
    )


def person_json_ld(site: Site, urls: Urls, person_id: str) -> Markup:
    person = site.people[person_id].person
    url = urls.absolute(urls.person(person_id))
    return structured_data.script_json(
        structured_data.profile_ld(
            structured_data.person_ld(
                person.name, url, person.role, _organization_name(site, person.organization)
            ),
            url,
        )
    )


def transcript_description(transcript: Transcript) -> str:
    description = f"Transcript of {transcript.title}"
    when = date_view(transcript.parsed.event.date)
    if when:
        description += f", {when.text}"
    exchanges = len(transcript.parsed.exchanges)
    if exchanges:
        description += f": {plural(exchanges, 'question')} and answers"
    return description + "."


def person_description(site: Site, person_id: str) -> str:
    entry = site.people[person_id]
    who = entry.person.name
    about = [
        v for v in (entry.person.role, _organization_name(site, entry.person.organization)) if v
    ]
    if about:
        who += f" ({', '.join(about)})"
    return (
        f"{who}: {plural(len(entry.turns), 'turn')} in {plural(len(entry.transcripts), 'event')}, "
        f"{plural(len(entry.asked), 'question')} asked, {plural(len(entry.answered), 'answer')}."
    )


def organization_description(site: Site, org_id: str) -> str:
    entry = site.organizations[org_id]
    text = f"{entry.organization.name}: {plural(len(entry.people), 'person', 'people')}"
    if entry.held:
        text += f", {plural(len(entry.held), 'event')} held"
    return text + "."


def topic_description(site: Site, topic_id: str) -> str:
    entry = site.topics[topic_id]
    return f"Questions about {entry.topic.title}: {plural(len(entry.exchanges), 'exchange')}."
