"""Words that depend on what kind of event a transcript records, and on its source's headings.

A podcast is an "episode", a hearing a "hearing": headings, citations and charts say so instead
of calling everything a call. Who speaks falls into the same groups for every kind (the model's
``company``, ``analyst`` ...), but each kind names them its own way: on a podcast the hosts ask
and the guests answer. Section headings from every source are shown in one vocabulary
(``presentation``, ``Prepared Remarks:`` and ``PRESENTATION`` all read "Presentation"); their
anchors keep the source's wording, as the README promises.
"""

from __future__ import annotations

import re

from site_builder.model import Group

KIND_NOUNS = {
    # What one event of each kind is called, in headings, citations, charts and fallback titles.
    "earnings-call": "call",
    "hearing": "hearing",
    "debate": "debate",
    "podcast": "episode",
    "talk": "talk",
    "meeting": "meeting",
}

# (group, title of the group's list) per event kind; the default is an earnings call's.
_GROUP_TITLES: dict[str, str] = {
    Group.COMPANY: "Company",
    Group.ANALYST: "Analysts",
    Group.OPERATOR: "Operator",
    Group.OTHER: "Other speakers",
    Group.UNKNOWN: "Unidentified speakers",
}
_KIND_GROUP_TITLES: dict[str, dict[str, str]] = {
    "podcast": {Group.ANALYST: "Hosts", Group.COMPANY: "Guests"},
    "talk": {Group.COMPANY: "Speakers", Group.ANALYST: "Audience"},
    "debate": {Group.COMPANY: "Candidates", Group.ANALYST: "Moderators and panel"},
    "hearing": {Group.COMPANY: "Witnesses", Group.ANALYST: "Members"},
}
# The same, one of each (chart legends).
_SINGULAR = {
    "Company": "Company",
    "Analysts": "Analyst",
    "Operator": "Operator",
    "Other speakers": "Other",
    "Unidentified speakers": "Unidentified",
    "Hosts": "Host",
    "Guests": "Guest",
    "Speakers": "Speaker",
    "Audience": "Audience",
    "Candidates": "Candidate",
    "Moderators and panel": "Moderator",
    "Witnesses": "Witness",
    "Members": "Member",
}

_PRESENTATION = {"presentation", "prepared remarks", "prepared remarks session", "remarks"}
_QA = {
    "q and a",
    "q a",
    "qa",
    "q and a session",
    "question and answer",
    "question and answer session",
    "questions and answers",
    "questions answers",
    "questions and answers session",
}


def noun(kind: str) -> str:
    """``earnings-call`` -> ``call``, ``podcast`` -> ``episode``; anything else: ``event``."""
    return KIND_NOUNS.get(kind, "event")


def group_titles(kind: str) -> dict[str, str]:
    """Group -> the title of its list of speakers, in the words of this kind of event."""
    return {**_GROUP_TITLES, **_KIND_GROUP_TITLES.get(kind, {})}


def group_labels(kind: str) -> dict[str, str]:
    """Group -> what one of its speakers is called (chart legends)."""
    return {g: _SINGULAR.get(t, t) for g, t in group_titles(kind).items()}


def section_heading(title: str) -> str:
    """The heading shown for a section: one vocabulary whatever the source wrote."""
    key = " ".join(re.sub(r"[^a-z]+", " ", title.lower().replace("&", " and ")).split())
    if key in _PRESENTATION:
        return "Presentation"
    if key in _QA:
        return "Questions and Answers"
    if title.isupper() or title.islower():
        plain = title.strip(" :").lower()
        return plain[:1].upper() + plain[1:]
    return title.strip().rstrip(":")
