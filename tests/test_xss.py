"""Content the publisher did not write never runs in a reader's browser.

One content folder puts every hostile string we know of into every field a page shows: transcript
speech, participant roles and firms, YAML display names, person names, roles and bios,
organisation names, tickers, descriptions and websites, topic titles and descriptions, the
summary, notes, corrections, and the site's own title and description. The site is built, and
every page kind (and the feed, the sitemap and the JSON files) is read back the way a browser
parses it: no element, attribute, link or script that no template wrote, and each hostile string
shown to the reader as the text it is. Then Chromium opens the pages with the
Content-Security-Policy taken out, so the test shows the escaping alone keeps them inert.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from site_builder.incremental.builder import build

from .browser import static_server
from .page_scan import ScannedPage, foreign_markup, json_ld, scan, strings_in

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_JAVASCRIPT = "[link](javascript:alert(1))"
MD_DATA = "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"
ANCHOR = '<a href="javascript:alert(1)">x</a>'
ENTITIES = "&lt;script&gt; &#x3C;"
JINJA = "{{ 7*7 }}"
JINJA_RAW = "{% raw %}"
CLOSE_SCRIPT = "</script><script>alert(2)</script>"
ATTRIBUTE_BREAK = '"><svg onload=alert(1)>'
QUOTE_BREAK = "' onmouseover='alert(1)"
VECTORS = (
    SCRIPT,
    IMG,
    MD_JAVASCRIPT,
    MD_DATA,
    ANCHOR,
    ENTITIES,
    JINJA,
    JINJA_RAW,
    CLOSE_SCRIPT,
    ATTRIBUTE_BREAK,
    QUOTE_BREAK,
)
PAYLOAD = " ".join(VECTORS)
"""Every vector in one string, put into every free-text field."""
# Markdown fields read entities as Markdown does ("&lt;" is "<"); everything else stays as written.
MARKDOWN_SHOWN = html.unescape(PAYLOAD)
# Participant lines and display names become page slugs, which a file system caps at 255 bytes:
# they carry a few vectors each rather than all of them.
ROLE = f"Chief {SCRIPT} {ATTRIBUTE_BREAK} Officer"
FIRM = f"Evil {IMG} {JINJA} {QUOTE_BREAK} Capital"
DISPLAY_NAME = f"Bob {SCRIPT} {ATTRIBUTE_BREAK} {JINJA}"
WEBSITE = 'https://example.com/?q="><script>alert(1)</script>'
BASE_URL = "https://example.org/calls/"
PREFIX = "/calls/"
OWN_SCRIPTS = (f"{PREFIX}static/", f"{PREFIX}pagefind/")


def _q(text: str) -> str:
    """A YAML scalar that holds ``text`` exactly (JSON strings are YAML)."""
    return json.dumps(text)


TRANSCRIPT = f"""Hostile Corp (NASDAQ:HOST) Q2 2012 Earnings Call July 25, 2012 5:30 PM ET
Executives
Alice Smith - Chief Executive Officer
Carol White - {ROLE}
Analysts
Bob Jones - {FIRM}
Dan Brown - Bad Partners
Operator
Good day, and welcome. [Operator instructions.] I now turn the call over to Alice Smith.
Alice Smith
{PAYLOAD} said in the prepared remarks.
Question-and-Answer Session
Operator
Our first question comes from Bob Jones with Evil Capital.
Bob Jones
Why {PAYLOAD}?
Carol White
Because {PAYLOAD} matters.
Operator
Our next question comes from Dan Brown with Bad Partners.
Dan Brown
{PAYLOAD} please?
Alice Smith
An answer.
Operator
Ladies and gentlemen, that concludes the call.
"""

FILES = {
    "site.yaml": f"title: {_q('Site ' + PAYLOAD)}\ndescription: {_q('About ' + PAYLOAD)}\n",
    "organizations.yaml": f"""hostile-corp:
  name: {_q("Corp " + PAYLOAD)}
  url: {_q(WEBSITE)}
  ticker: {_q("TICK " + PAYLOAD)}
  description: {_q("Corp description " + PAYLOAD)}
""",
    "topics.yaml": f"""hostile-topic:
  title: {_q("Topic " + PAYLOAD)}
  description: {_q("Topic description " + PAYLOAD)}
""",
    "speakers.yaml": f"""alice-smith:
  name: {_q("Alice " + PAYLOAD)}
  role: {_q("Role " + PAYLOAD)}
  organization: hostile-corp
  bio: {_q("Bio " + PAYLOAD)}
""",
    "transcripts/hostile-call.txt": TRANSCRIPT,
    "transcripts/hostile-call.yaml": f"""title: {_q("Title " + PAYLOAD)}
summary: {_q("Summary " + PAYLOAD)}
company:
  name: {_q("Company " + PAYLOAD)}
  organization: hostile-corp
speakers:
  bob-jones:
    display_name: {_q(DISPLAY_NAME)}
exchanges:
  q01:
    topics: [hostile-topic]
    note: {_q("Exchange note " + PAYLOAD)}
turns:
  t002:
    note: {_q("Turn note " + PAYLOAD)}
corrections:
  - turn: t004
    find: Why
    replace: {_q("Replacement " + PAYLOAD)}
    reason: {_q("Reason " + PAYLOAD)}
""",
}


def write_content(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = write_content(root / "content", FILES)
    output = root / "site"
    result = build(content, output, base_url=BASE_URL)
    assert result.ok, "\n".join(str(d) for d in result.diagnostics.errors)
    return output


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path
    return path / "index.html" if path.is_dir() else path


def read(site: Path, url_path: str) -> ScannedPage:
    return scan(page_file(site, url_path).read_text(encoding="utf-8"))


def person_folder(site: Path, display_name_start: str) -> str:
    """The person page of a display name, whatever slug it was given."""
    for file in sorted((site / "people").glob("*/index.html")):
        if scan(file.read_text(encoding="utf-8")).title.startswith(display_name_start):
            return file.parent.relative_to(site).as_posix()
    raise AssertionError(f"no person page titled {display_name_start!r}")


def organization_folder(site: Path, name_start: str) -> str:
    for file in sorted((site / "organizations").glob("*/index.html")):
        if scan(file.read_text(encoding="utf-8")).title.startswith(name_start):
            return file.parent.relative_to(site).as_posix()
    raise AssertionError(f"no organisation page titled {name_start!r}")


def html_files(site: Path) -> list[Path]:
    return [f for f in sorted(site.rglob("*.html")) if "pagefind" not in f.relative_to(site).parts]


# ---- every page, parsed ------------------------------------------------------------------------


def test_no_page_carries_markup_the_site_did_not_write(hostile_site: Path) -> None:
    files = html_files(hostile_site)
    assert len(files) >= 15, [f.name for f in files]
    problems = {
        f.relative_to(hostile_site).as_posix(): found
        for f in files
        if (found := foreign_markup(scan(f.read_text(encoding="utf-8")), OWN_SCRIPTS))
    }
    assert not problems, json.dumps(problems, indent=1)


def test_every_page_shows_the_site_title_as_text(hostile_site: Path) -> None:
    """The site title is in every page's header and <title>: every page kind, the 404 and the
    search page included, prints the whole payload as inert text, {{ 7*7 }} and all."""
    for file in html_files(hostile_site):
        page = scan(file.read_text(encoding="utf-8"))
        assert f"Site {PAYLOAD}" in page.text, file
        assert page.title.endswith(f"Site {PAYLOAD}"), (file, page.title)
        assert "{{ 7*7 }}" in page.text and "{% raw %}" in page.text


# Page, then the strings a reader must see on it as text. Plain fields show exactly what the
# content says; Markdown fields show what the Markdown says (entities decoded, links refused).
SHOWN: dict[str, tuple[str, ...]] = {
    "": (f"About {PAYLOAD}", f"Title {PAYLOAD}", f"Corp {PAYLOAD}"),
    "transcripts/": (f"Title {PAYLOAD}",),
    "transcripts/hostile-call/": (
        f"Title {PAYLOAD}",
        f"Summary {MARKDOWN_SHOWN}",
        f"{PAYLOAD} said in the prepared remarks.",
        f"Because {PAYLOAD} matters.",
        f"Exchange note {MARKDOWN_SHOWN}",
        f"Turn note {MARKDOWN_SHOWN}",
        f"Replacement {PAYLOAD}",
        f"Reason {PAYLOAD}",
        f"Alice {PAYLOAD}",
        ROLE,
        FIRM,
        DISPLAY_NAME,
        f"Corp {PAYLOAD}",
        f"Topic {PAYLOAD}",
    ),
    "people/": (f"Alice {PAYLOAD}", f"Role {PAYLOAD}", DISPLAY_NAME),
    "people/alice-smith/": (
        f"Alice {PAYLOAD}",
        f"Role {PAYLOAD}",
        f"Bio {MARKDOWN_SHOWN}",
        f"Corp {PAYLOAD}",
        f"Title {PAYLOAD}",
    ),
    "organizations/": (f"Corp {PAYLOAD}", FIRM),
    "organizations/hostile-corp/": (
        f"Corp {PAYLOAD}",
        f"TICK {PAYLOAD}",
        f"Corp description {MARKDOWN_SHOWN}",
        WEBSITE,
        f"Alice {PAYLOAD}",
    ),
    "topics/": (f"Topic {PAYLOAD}",),
    "topics/hostile-topic/": (
        f"Topic {PAYLOAD}",
        f"Topic description {MARKDOWN_SHOWN}",
        f"Title {PAYLOAD}",
        DISPLAY_NAME,
    ),
    "404.html": (f"Site {PAYLOAD}",),  # it links to the lists, listing no transcript
}


# Markdown (summaries, notes) sets straight quotes as curly ones, as a typesetter would; the
# words, brackets and tags must still all be shown.
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@pytest.mark.parametrize("url_path", list(SHOWN))
def test_hostile_strings_are_shown_as_text(hostile_site: Path, url_path: str) -> None:
    page = read(hostile_site, url_path)
    text = page.text.translate(_STRAIGHT)
    missing = [s for s in SHOWN[url_path] if s.translate(_STRAIGHT) not in text]
    assert not missing, f"{url_path or 'home'} does not show as text: {missing}"


def test_person_and_firm_pages_named_by_content_show_their_names(hostile_site: Path) -> None:
    bob = read(hostile_site, person_folder(hostile_site, "Bob "))
    assert bob.title.startswith(DISPLAY_NAME) and DISPLAY_NAME in bob.text
    firm = read(hostile_site, organization_folder(hostile_site, "Evil "))
    assert firm.title.startswith(FIRM) and FIRM in firm.text


def test_organisation_website_link_keeps_its_address_whole(hostile_site: Path) -> None:
    page = read(hostile_site, "organizations/hostile-corp/")
    hrefs = [e.get("href") for e in page.elements if e.tag == "a"]
    assert WEBSITE in hrefs


def test_meta_and_open_graph_attributes_hold_the_text_whole(hostile_site: Path) -> None:
    """An attribute value that a quote had ended early would be cut short here."""
    page = read(hostile_site, "transcripts/hostile-call/")
    meta = {
        (e.get("property") or e.get("name")): e.get("content")
        for e in page.elements
        if e.tag == "meta" and e.get("content") is not None
    }
    assert meta["og:title"] == f"Title {PAYLOAD}"
    assert meta["og:site_name"] == f"Site {PAYLOAD}"
    assert meta["description"].startswith(f"Transcript of Title {PAYLOAD}")
    home = read(hostile_site, "")
    assert any(
        e.tag == "meta"
        and e.get("name") == "description"
        and e.get("content") == f"About {PAYLOAD}"
        for e in home.elements
    )


def test_json_ld_is_data_that_says_what_the_content_says(hostile_site: Path) -> None:
    for url_path, name in (
        ("transcripts/hostile-call/", f"Title {PAYLOAD}"),
        ("people/alice-smith/", f"Alice {PAYLOAD}"),
    ):
        raw = page_file(hostile_site, url_path).read_text(encoding="utf-8")
        page = scan(raw)
        blocks = json_ld(page)
        assert blocks, f"{url_path} has no JSON-LD"
        assert name in [s for block in blocks for s in strings_in(block)], url_path
        bodies = [body for e, body in page.scripts if e.get("type") == "application/ld+json"]
        # Nothing inside the element that an HTML parser could read as markup.
        assert all("<" not in body for body in bodies), url_path


# ---- the files that are not pages --------------------------------------------------------------


def test_transcript_json_holds_the_text_as_data(hostile_site: Path) -> None:
    data = json.loads((hostile_site / "transcripts" / "hostile-call.json").read_text("utf-8"))
    values = strings_in(data)
    assert f"Because {PAYLOAD} matters." in values
    assert any(v.startswith(PAYLOAD) for v in values)


def test_site_json_holds_names_as_data(hostile_site: Path) -> None:
    files = sorted(hostile_site.glob("**/site.json"))
    assert files, "no site.json in the build"
    values = strings_in(json.loads(files[0].read_text("utf-8")))
    assert f"Alice {PAYLOAD}" in values and f"Corp {PAYLOAD}" in values


def test_feed_and_sitemap_are_well_formed_and_summaries_inert(hostile_site: Path) -> None:
    feeds = sorted(hostile_site.glob("*.xml"))
    assert {f.name for f in feeds} >= {"feed.xml", "sitemap.xml"}, [f.name for f in feeds]
    for file in feeds:
        ET.parse(file)  # a hostile string that broke the XML would raise here
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    assert feed.findtext(f"{atom}title", "").startswith(f"Site {PAYLOAD}")
    entries = feed.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [f"Title {PAYLOAD}"]
    for entry in entries:
        summary = entry.findtext(f"{atom}summary") or ""
        # A feed reader renders type="html" summaries as HTML: they obey the same rules.
        assert not foreign_markup(scan(summary), ()), summary


def test_javascript_and_data_websites_are_refused_at_their_line(tmp_path: Path) -> None:
    for address in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "java\tscript:x",
    ):
        content = write_content(
            tmp_path / "content",
            {**FILES, "organizations.yaml": f"hostile-corp:\n  name: Corp\n  url: {_q(address)}\n"},
        )
        output = tmp_path / "site"
        result = build(content, output, base_url=BASE_URL)
        messages = [str(d) for d in result.diagnostics.errors]
        assert not result.ok and not output.exists(), address
        assert any(
            re.search(r"organizations\.yaml:3:\d+: .*is not a web address", m) for m in messages
        ), messages


# ---- in Chromium, without the Content-Security-Policy ------------------------------------------

_CSP_META = re.compile(rb'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def without_policy(site: Path, root: Path) -> Path:
    """A copy of the site served under /calls/ with the CSP meta removed from every page."""
    copy = root / PREFIX.strip("/")
    shutil.copytree(site, copy)
    for file in copy.rglob("*.html"):
        data = file.read_bytes()
        stripped = _CSP_META.sub(b"", data)
        assert stripped != data or "pagefind" in file.parts, file
        file.write_bytes(stripped)
    return root


def console_errors(message: Any) -> list[str]:
    """A console error, unless it is Chromium's own request for /favicon.ico (the site has
    none, and no page asks for it)."""
    where = message.location.get("url", "")
    if message.type != "error" or where.endswith("/favicon.ico"):
        return []
    return [f"{message.text} ({where})"]


HOVER_EVERYTHING = """() => {
  for (const element of document.querySelectorAll("*")) {
    for (const kind of ["mouseover", "mouseenter", "focus", "animationstart"]) {
      element.dispatchEvent(new Event(kind));
    }
  }
}"""


@pytest.mark.browser
def test_chromium_runs_nothing_from_the_content(
    hostile_site: Path, tmp_path: Path, page: Any
) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: errors.extend(console_errors(m)))
    page.on("pageerror", lambda e: errors.append(str(e)))
    urls = [
        "",
        "transcripts/hostile-call/",
        "people/alice-smith/",
        person_folder(hostile_site, "Bob ") + "/",
        "organizations/hostile-corp/",
        organization_folder(hostile_site, "Evil ") + "/",
        "topics/hostile-topic/",
        "people/",
        "404.html",
    ]
    with static_server(without_policy(hostile_site, tmp_path)) as base:
        for url in urls:
            page.goto(base + PREFIX.lstrip("/") + url, wait_until="load")
            # Hover over and focus everything: an injected onmouseover/onfocus would fire now.
            page.evaluate(HOVER_EVERYTHING)
            assert f"Site {PAYLOAD}" in (page.text_content("header") or "")
        # Search results are drawn by Pagefind's script from the index: a hit on the payload.
        page.goto(base + PREFIX.lstrip("/") + "search/?q=onerror", wait_until="load")
        page.wait_for_selector(".pagefind-ui__result", timeout=15000)
        # The filter values carry an invisible WORD JOINER after "<" and "&" (see
        # views_transcript._inert_filters); a reader sees the name as written.
        results = (page.text_content("#search-ui") or "").replace("\u2060", "")
        assert "onerror" in results
        # The filter list (speakers, firms, companies, topics) shows the names as written.
        for name in (f"Corp {PAYLOAD}", FIRM, DISPLAY_NAME, f"Topic {PAYLOAD}"):
            assert name in results, name
        injected = page.query_selector_all(
            "#search-ui :is(img, svg, script, iframe, [onerror], [onload], [onmouseover])"
        )
        assert injected == [], [e.evaluate("e => e.outerHTML") for e in injected]
    assert dialogs == [], f"content ran in the browser: {dialogs}"
    assert errors == [], errors
