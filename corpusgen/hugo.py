"""The same archive as a Hugo site: the reference the benchmark divides by.

One markdown page per call with a ``speakers`` taxonomy in its front matter, and minimal layouts:
a transcript page (participants linked to their speaker page, every turn under a heading with a
stable anchor), a speaker (term) page listing the calls, the speakers list and a home page.
That is the same core work site-builder does for transcript and person pages. RSS, sitemap and
robots.txt are switched off so Hugo is not timed on pages site-builder is not asked for.
"""

from __future__ import annotations

import json
from pathlib import Path

from .records import Archive, Call, Turn

CONFIG = """\
baseURL = "/"
title = "Benchmark earnings calls"
languageCode = "en"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
  speaker = "speakers"
"""

BASEOF = """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "January 2, 2006" }}</p>
<h2>Participants</h2>
<ul>
{{ range .GetTerms "speakers" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{ end }}
</ul>
{{ .Content }}
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> \
{{ .Date.Format "2006-01-02" }}</li>
{{ end }}
</ul>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> \
{{ .Date.Format "2006-01-02" }}</li>
{{ end }}
</ul>
{{ end }}
"""

TERMS = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> \
({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
"""

LAYOUTS = {
    "_default/baseof.html": BASEOF,
    "_default/single.html": SINGLE,
    "_default/list.html": LIST,
    "_default/terms.html": TERMS,
    "index.html": HOME,
}


def page_markdown(call: Call) -> str:
    speakers = [p.name for p in call.executives] + [p.name for p in call.analysts]
    front = {"title": call.title, "date": call.date, "speakers": speakers}
    lines = [json.dumps(front, ensure_ascii=False), "", "## Prepared remarks", ""]
    number = 0

    def add(turns: tuple[Turn, ...]) -> None:
        nonlocal number
        for turn in turns:
            number += 1
            lines.append(f"### {turn.label} {{#t{number:03d}}}")
            lines.append("")
            for paragraph in turn.paragraphs:
                lines.append(paragraph)
                lines.append("")

    add(call.prepared)
    lines += ["## Question-and-Answer Session", ""]
    for exchange in call.exchanges:
        add(exchange.turns)
    add(call.closing)
    return "\n".join(lines)


def write_hugo_site(archive: Archive, site_dir: Path) -> None:
    """config.toml, layouts/ and content/transcripts/<slug>.md (JSON front matter: fast, exact)."""
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = site_dir / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    pages = site_dir / "content" / "transcripts"
    pages.mkdir(parents=True, exist_ok=True)
    for call in archive.calls:
        (pages / f"{call.slug}.md").write_text(page_markdown(call), encoding="utf-8")
