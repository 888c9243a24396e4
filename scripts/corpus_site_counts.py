"""Build every corpus transcript as one site with no annotations and count what a reader sees.

The counts (file-name titles, pages showing markup as text, duplicate firm pairs by the rule in
``tests/corpus_site.py``, person pages of unidentified speakers, URLs keeping a source
extension) are the figures ``tests/test_corpus_site.py`` holds at zero.

Usage: python scripts/corpus_site_counts.py [--list]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus_site import corpus_transcripts, measure


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        counts = measure(corpus_transcripts(), Path(tmp))
    print(f"transcripts: {counts.transcripts}")
    print(f"file-name titles: {len(counts.file_name_titles)}")
    print(f"pages with markup as text: {len(counts.markup_pages)}")
    print(f"organisation pages: {len(counts.organisations)}")
    print(f"duplicate firm pairs: {len(counts.duplicate_pairs)}")
    print(f"person pages for unidentified speakers: {len(counts.unidentified_people)}")
    print(f"transcript URLs with a source extension: {len(counts.source_extension_urls)}")
    if "--list" in argv:
        for title in counts.file_name_titles:
            print(f"  title: {title}")
        for page in counts.markup_pages:
            print(f"  markup: {page}")
        for a, b in counts.duplicate_pairs:
            print(f"  pair: {a} / {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
