"""Where a transcript came from: shown on its page, in its citation, JSON and JSON-LD, with the
site's defaults filling what a sidecar leaves out."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from site_builder.incremental.builder import build

from .html_check import read_page

REPO = Path(__file__).parent.parent
SEED = REPO / "content" / "transcripts" / "tesla-2012-q2.txt"


def _json_ld(html: str) -> dict:
    [found] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def test_demo_page_says_where_the_seed_came_from(demo_site: Path) -> None:
    page = demo_site / "transcripts/tesla-2012-q2/index.html"
    html = page.read_text("utf-8")
    text = read_page(page).main_text
    assert "Transcript from Seeking Alpha" in " ".join(text.split())
    assert "Seeking Alpha's transcript of Tesla Motors' Q2 2012 earnings call" in text
    [cite] = re.findall(r'data-cite-call="([^"]*)"', html)
    assert cite == "“Tesla Motors Q2 2012 earnings call”, July 25, 2012, transcript: Seeking Alpha"
    dataset = _json_ld(html)["subjectOf"]
    assert dataset["publisher"] == {"@type": "Organization", "name": "Seeking Alpha"}
    assert dataset["isBasedOn"]["publisher"]["name"] == "Seeking Alpha"
    assert "url" not in dataset["isBasedOn"]  # unknown, so not invented
    data = json.loads((demo_site / "transcripts/tesla-2012-q2.json").read_text("utf-8"))
    assert data["annotations"]["provenance"]["source"]["publisher"] == "Seeking Alpha"
    assert set(data["annotations"]["provenance"]) == {"source"}


def test_site_defaults_fill_what_a_sidecar_leaves_out(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    shutil.copyfile(SEED, content / "transcripts" / "call.txt")
    (content / "site.yaml").write_text(
        "title: Calls\nsource:\n  publisher: Default Wire\n  licence: All rights reserved\n",
        "utf-8",
    )
    (content / "transcripts" / "call.yaml").write_text(
        "source:\n  publisher: Example Wire\n  url: https://example.org/call\n"
        "  retrieved: 2024-03-01\n"
        "media:\n  audio: https://example.org/call.mp3\n  video: https://example.org/call.mp4\n",
        "utf-8",
    )
    result = build(content, tmp_path / "site", search=False, jobs=1)
    assert result.ok
    html = (tmp_path / "site/transcripts/call/index.html").read_text("utf-8")
    assert '<a href="https://example.org/call">Example Wire</a>, retrieved' in html
    assert '<time datetime="2024-03-01">March 1, 2024</time>' in html
    assert "<dt>Rights</dt><dd>All rights reserved</dd>" in html  # from site.yaml
    assert '<a href="https://example.org/call.mp3">Listen to the recording</a>' in html
    dataset = _json_ld(html)["subjectOf"]
    assert dataset["isBasedOn"] == {
        "@type": "CreativeWork",
        "url": "https://example.org/call",
        "publisher": {"@type": "Organization", "name": "Example Wire"},
        "dateRead": "2024-03-01",
        "license": "All rights reserved",
    }
    assert dataset["associatedMedia"] == [
        {"@type": "AudioObject", "contentUrl": "https://example.org/call.mp3"},
        {"@type": "VideoObject", "contentUrl": "https://example.org/call.mp4"},
    ]
    data = json.loads((tmp_path / "site/transcripts/call.json").read_text("utf-8"))
    assert data["annotations"]["provenance"] == {
        "source": {
            "publisher": "Example Wire",
            "url": "https://example.org/call",
            "retrieved": "2024-03-01",
            "licence": "All rights reserved",
        },
        "media": {"audio": "https://example.org/call.mp3", "video": "https://example.org/call.mp4"},
    }
