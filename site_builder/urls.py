"""The one place that knows URLs, output paths and anchors.

Templates never glue URLs together: every link they print was made here. The site can be served
under any base path (``https://example.org/calls/``): links are path-absolute under that prefix,
and ``absolute()`` adds the origin where a full URL is needed (canonical, feeds, Open Graph).
"""

from __future__ import annotations

import functools
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from site_builder.slugs import slugify

MARKER = ".site-builder"
"""The marker file of an output folder: its presence says site-builder made the folder; it holds
the manifest (:mod:`site_builder.output.manifest`)."""
SEARCH_BUNDLE = "pagefind"
"""Output sub-folder of the search index, beside the pages; no page slug may use it."""

CONTENTS_ANCHOR = "contents-heading"
"""The transcript page's list of questions, where each question's "All questions" leads back."""


def normalize_base_url(base_url: str) -> str:
    """``https://example.org/calls`` -> ``https://example.org/calls/``; ``""`` -> ``/``."""
    base = base_url.strip() or "/"
    if not base.endswith("/"):
        base += "/"
    return base


class Urls:
    """URLs of every page kind. ``Urls("https://example.org/calls/").person("elon-musk")``
    is ``/calls/people/elon-musk/``."""

    def __init__(self, base_url: str = "/") -> None:
        self.base_url = normalize_base_url(base_url)
        parts = urlsplit(self.base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
        self.prefix = parts.path if parts.path.startswith("/") else "/" + parts.path

    # ---- pages -------------------------------------------------------------------------------
    def home(self) -> str:
        return self.prefix

    def transcripts(self) -> str:
        return self._page("transcripts")

    def transcript(self, slug: str) -> str:
        return self._page("transcripts", slug)

    def transcript_json(self, slug: str) -> str:
        return f"{self.prefix}transcripts/{quote(slug)}.json"

    def people(self) -> str:
        return self._page("people")

    def person(self, person_id: str) -> str:
        return self._page("people", person_id)

    def organizations(self) -> str:
        return self._page("organizations")

    def organization(self, organization_id: str) -> str:
        return self._page("organizations", organization_id)

    def topics(self) -> str:
        return self._page("topics")

    def topic(self, topic_id: str) -> str:
        return self._page("topics", topic_id)

    def search(self) -> str:
        return self._page("search")

    def search_bundle(self) -> str:
        """The folder Pagefind writes its index and UI into (see
        :mod:`site_builder.output.search`)."""
        return f"{self.prefix}{SEARCH_BUNDLE}/"

    def search_bundle_file(self, name: str) -> str:
        """A file of Pagefind's bundle (``pagefind-ui.js``)."""
        return f"{self.search_bundle()}{quote(name)}"

    def not_found(self) -> str:
        return f"{self.prefix}404.html"

    # ---- machine-readable files --------------------------------------------------------------
    def feed(self) -> str:
        return f"{self.prefix}feed.xml"

    def sitemap(self) -> str:
        return f"{self.prefix}sitemap.xml"

    def robots(self) -> str:
        # Crawlers only read /robots.txt at the origin's root; under a sub-path it is written
        # anyway so the folder can be moved to a root without a rebuild.
        return f"{self.prefix}robots.txt"

    def site_data(self) -> str:
        """One JSON index of the whole site: people, organisations, transcripts, exchanges."""
        return f"{self.prefix}data/site.json"

    def static(self, name: str) -> str:
        return f"{self.prefix}static/{quote(name)}"

    # ---- anchors -----------------------------------------------------------------------------
    def in_transcript(self, slug: str, anchor: str) -> str:
        """A place on a transcript page: its URL with ``#anchor``."""
        return f"{self.transcript(slug)}#{anchor}"

    def turn(self, slug: str, turn_id: str) -> str:
        return self.in_transcript(slug, turn_id)

    def exchange(self, slug: str, exchange_id: str) -> str:
        return self.in_transcript(slug, exchange_id)

    @staticmethod
    def section_anchor(section_id: str) -> str:
        return f"section-{section_id}"

    @staticmethod
    def correction_anchor(number: int) -> str:
        """The numbered note that explains a correction."""
        return f"correction-{number}"

    @staticmethod
    def correction_ref_anchor(number: int) -> str:
        """The correction's first mark in the text, where the note's "Back to the text" leads."""
        return f"correction-{number}-ref"

    # ---- full URLs and files -----------------------------------------------------------------
    def absolute(self, url: str) -> str:
        """A full URL when the base URL has an origin; otherwise the path as is."""
        return self.origin + url if url.startswith("/") else url

    def output_path(self, url: str) -> PurePosixPath:
        """Where the page at ``url`` is written, relative to the output folder."""
        return PurePosixPath(self.output_file(url))

    def output_file(self, url: str) -> str:
        """:meth:`output_path` as a POSIX string (asked for every page on every build)."""
        if not url.startswith(self.prefix):
            raise ValueError(f"{url!r} is not under the site prefix {self.prefix!r}")
        rest = url[len(self.prefix) :].split("#", 1)[0]
        if rest == "" or rest.endswith("/"):
            rest += "index.html"
        return rest

    def _page(self, *parts: str) -> str:
        return _page_url(self.prefix, parts)


# Every page links to hundreds of people, turns and topics, and every build (an edit's too) asks
# for the URL of every page: each is quoted once per process, whichever Urls asks.
@functools.lru_cache(maxsize=1 << 16)
def _page_url(prefix: str, parts: tuple[str, ...]) -> str:
    return prefix + "".join(f"{quote(p)}/" for p in parts)


def topic_id_for(title: str) -> str:
    return slugify(title)
