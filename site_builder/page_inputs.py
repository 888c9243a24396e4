"""What each page is made from, as a key: equal keys, equal pages.

A page shows the whole site's frame and identities (config, annotations, the templates, every
person's, organisation's and topic's name, the list of calls with their titles and dates), the
content of the transcripts it lists (``PageSpec.shows`` in :mod:`site_builder.views`) and a few
numbers from the index entries it lists (a person's turn count on an organisation page). The
key digests exactly those, so a rebuild makes again only the pages whose inputs changed, and the
views of all other pages are never made.

A transcript's content is stood for by a *token* that changes whenever it is loaded again (the
long-lived builder loads a transcript again when any file it read changed, site-wide annotations
included), so the key never has to hash the transcript's text. Who its participants are (person
and organisation ids) is settled from the transcript and the annotations alone, so the token
stands for that too. Pages that sum up the whole site (home, indexes) have no key: they
are made on every build.

``tests/test_incremental.py`` checks, edit after edit, that rebuilt sites are byte-identical to
cold builds: a dependency left out here shows there as a stale page.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping

from .index import Site

Key = bytes


def site_digest(site: Site, templates: bytes) -> bytes:
    """What every page may show of the site as a whole."""
    digest = hashlib.blake2b(templates, digest_size=20)
    catalog = tuple(
        (t.slug, t.title, t.parsed.event.date, site.transcript_companies.get(t.slug))
        for t in site.transcripts
    )
    identities = (
        tuple((pid, e.person) for pid, e in site.people.items()),
        tuple((oid, e.organization) for oid, e in site.organizations.items()),
        tuple((tid, e.topic) for tid, e in site.topics.items()),
    )
    digest.update(pickle.dumps((site.config, site.annotations, catalog, identities), protocol=5))
    return digest.digest()


def _entry_summary(site: Site, kind: str, entry_id: str) -> object:
    if kind == "person":
        e = site.people[entry_id]
        return (len(e.transcripts), len(e.turns), e.words, len(e.asked), len(e.answered))
    if kind == "organization":
        o = site.organizations[entry_id]
        return (o.people, o.transcripts, o.held)
    return site.topics[entry_id].exchanges


class Keys:
    """Page keys for one build; None for every page when the transcripts have no tokens."""

    def __init__(self, site: Site, templates: bytes, tokens: Mapping[str, int] | None) -> None:
        self.site = site
        self.tokens = tokens
        self.whole_site = site_digest(site, templates) if tokens is not None else b""

    def page(
        self,
        url: str,
        kind: str,
        shows: tuple[str, ...] | None,
        entries: tuple[tuple[str, str], ...],
    ) -> Key | None:
        if self.tokens is None or shows is None:
            return None
        shown = tuple(self.tokens[slug] for slug in shows)
        listed = tuple((k, i, _entry_summary(self.site, k, i)) for k, i in entries)
        digest = hashlib.blake2b(self.whole_site, digest_size=20)
        digest.update(pickle.dumps((url, kind, shows, shown, listed), protocol=5))
        return digest.digest()
