"""The reading site as a visitor meets it: pages, links, anchors, marks, corrections, base paths."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from site_builder.annotate.sidecars import SiteAnnotations
from site_builder.errors import Diagnostics, reader_warning
from site_builder.incremental.builder import build
from site_builder.index import site as index
from site_builder.load import sources
from site_builder.model import (
    Correction,
    EventInfo,
    Exchange,
    Group,
    Note,
    ParsedTranscript,
    Participant,
    Person,
    Section,
    SectionKind,
    SiteConfig,
    Topic,
    Transcript,
    Turn,
)
from site_builder.output import write
from site_builder.render import pages as render
from site_builder.render import theme
from site_builder.views.outputs import check_url_claims, outputs

from .corpus_check import words
from .html_check import broken_links, read_page

CONTENT = Path(__file__).resolve().parent.parent / "content"
DEMO_SLUG = "tesla-2012-q2"


def small_transcript(slug: str = "acme-2021-q4", date: str = "2022-02-01") -> Transcript:
    participants = (
        Participant("jane-roe", "Jane Roe", "Chief Executive Officer", None, Group.COMPANY, 2),
        Participant("sam-poe", "Sam Poe", None, "Big Bank", Group.ANALYST, 3),
        Participant("operator", "Operator", None, None, Group.OPERATOR, 4),
    )
    sections = (
        Section("prepared-remarks", "Prepared Remarks", SectionKind.PREPARED, 5),
        Section("qa", "Question-and-Answer Session", SectionKind.QA, 9),
        Section("disclaimer", "Disclaimer", SectionKind.BOILERPLATE, 20),
    )
    turns = (
        Turn("t001", "operator", "prepared-remarks", ("Welcome. [Operator instructions.]",), 5),
        Turn(
            "t002", "jane-roe", "prepared-remarks", ("Widgets sold well [laughter] this year.",), 7
        ),
        Turn(
            "t003",
            "operator",
            "qa",
            ("The first question comes from Sam Poe from Big Bnk.",),
            10,
            exchange="q01",
        ),
        Turn(
            "t004",
            "sam-poe",
            "qa",
            ("How many widgets [indiscernible] next year?",),
            12,
            exchange="q01",
        ),
        Turn(
            "t005",
            "jane-roe",
            "qa",
            ("More than ever.", "Thank you [crosstalk 01:07:27]."),
            14,
            exchange="q01",
        ),
        Turn("t006", "", "disclaimer", ("This transcript may contain errors.",), 20),
    )
    parsed = ParsedTranscript(
        source=f"content/transcripts/{slug}.txt",
        format="seeking-alpha",
        title=f"Acme {slug[-7:]} call",
        event=EventInfo(company="Acme Corp", ticker="ACME", exchange="NYSE", date=date),
        participants=participants,
        sections=sections,
        turns=turns,
        exchanges=(Exchange("q01", "sam-poe", ("t003", "t004", "t005"), 10, ("widgets",)),),
        warnings=(reader_warning(10, "firm 'Big Bnk' matched to 'Big Bank'", "firm"),),
    )
    corrected = replace(
        turns[2], paragraphs=("The first question comes from Sam Poe from Big Bank.",)
    )
    parsed = replace(parsed, turns=(*turns[:2], corrected, *turns[3:]))
    return Transcript(
        slug=slug,
        parsed=parsed,
        title=parsed.title,
        summary="A *good* year. <script>alert(1)</script>",
        people=(("jane-roe", "jane-roe"), ("sam-poe", "sam-poe")),
        notes=(Note("exchange:q01", "Widgets are **the** product."), Note("turn:t002", "Laughs.")),
        corrections=(Correction("t003", "Big Bnk", "Big Bank", "The firm is Big Bank.", 3, (0,)),),
    )


SITE_ANNOTATIONS = SiteAnnotations(
    people={"jane-roe": Person("jane-roe", "Jane Roe", bio="Runs Acme.")},
    topics={"widgets": Topic("widgets", "Widgets")},
)


def build_small(tmp_path: Path, base_url: str = "/", content: Path | None = None) -> Path:
    diagnostics = Diagnostics()
    transcripts = [small_transcript(), small_transcript("acme-2020-q4", "2021-02-01")]
    config = SiteConfig(title="Calls", base_url=base_url, language="en-GB")
    site = index.build_site(transcripts, SITE_ANNOTATIONS, config, diagnostics)
    pages = render.render_site(site, theme.Theme(content), diagnostics)
    assert not diagnostics.errors, [str(d) for d in diagnostics.errors]
    output = tmp_path / "site"
    write.write_site(pages, theme.Theme(content).static_files(), output)
    return output


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    return build_small(tmp_path)


def test_every_page_kind_is_written(small_site: Path) -> None:
    for rel in (
        "index.html",
        "404.html",
        "transcripts/index.html",
        "transcripts/acme-2021-q4/index.html",
        "transcripts/acme-2021-q4.json",
        "people/index.html",
        "people/jane-roe/index.html",
        "people/sam-poe/index.html",
        "organizations/index.html",
        "organizations/acme-corp/index.html",
        "organizations/big-bank/index.html",
        "topics/index.html",
        "topics/widgets/index.html",
        "static/style.css",
    ):
        assert (small_site / rel).is_file(), rel


def test_home_lists_transcripts_newest_first_with_company_and_date(small_site: Path) -> None:
    text = " ".join(read_page(small_site / "index.html").main_text.split())
    assert text.index("2021-q4") < text.index("2020-q4")
    assert "Acme Corp" in text and "February 1, 2022" in text
    for label in ("People", "Organizations", "Topics"):
        assert label in text


def test_links_and_anchors_all_resolve(small_site: Path) -> None:
    assert broken_links(small_site) == []


def test_every_turn_and_exchange_has_an_anchor_and_permalink(small_site: Path) -> None:
    page = small_site / "transcripts/acme-2021-q4/index.html"
    facts = read_page(page)
    transcript = small_transcript()
    for anchor in [t.id for t in transcript.parsed.turns] + ["q01"]:
        assert anchor in facts.ids
    # Text from the source document (a disclaimer) keeps its id, so old links land, but is
    # not speech: no permalink or citation of its own.
    spoken = [t.id for t in transcript.parsed.turns if t.speaker]
    for anchor in [*spoken, "q01"]:
        assert f"/transcripts/acme-2021-q4/#{anchor}" in facts.links
    for turn in transcript.parsed.turns:
        if not turn.speaker:
            assert f"/transcripts/acme-2021-q4/#{turn.id}" not in facts.links
    assert len(facts.ids) == len(set(facts.ids)), "duplicate ids"


def test_speaker_links_lead_to_their_person_page(small_site: Path) -> None:
    html = (small_site / "transcripts/acme-2021-q4/index.html").read_text(encoding="utf-8")
    for href, name in re.findall(r'class="speaker__name" href="([^"]+)">([^<]+)<', html):
        person = read_page(small_site / href.lstrip("/") / "index.html")
        assert person.headings[0] == (1, name)


def test_one_h1_and_headings_never_skip_a_level(small_site: Path) -> None:
    for page in small_site.rglob("*.html"):
        levels = [level for level, _ in read_page(page).headings]
        assert levels.count(1) == 1 and levels[0] == 1, page
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{page}: h{before} then h{after}"
        assert read_page(page).lang == "en-GB"


def test_markers_are_editorial_marks_not_speech(small_site: Path) -> None:
    facts = read_page(small_site / "transcripts/acme-2021-q4/index.html")
    assert set(facts.classes["mark"]) == {
        "[Operator instructions.]",
        "[laughter]",
        "[indiscernible]",
        "[crosstalk 01:07:27]",
    }


def test_corrections_show_source_words_replacement_and_reason(small_site: Path) -> None:
    facts = read_page(small_site / "transcripts/acme-2021-q4/index.html")
    [inline] = facts.classes["correction"]
    assert "Big Bnk" in inline and "Big Bank" in inline
    [notes] = facts.classes["corrections"]
    assert "The firm is Big Bank." in notes and "Big Bnk" in notes


def test_notes_boilerplate_source_notes_and_escaped_markdown(small_site: Path) -> None:
    html = (small_site / "transcripts/acme-2021-q4/index.html").read_text(encoding="utf-8")
    facts = read_page(small_site / "transcripts/acme-2021-q4/index.html")
    assert "<strong>the</strong> product" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert any("This transcript may contain errors." in t for t in facts.classes["boilerplate"])
    assert not any("may contain errors" in t for t in facts.classes.get("turn", []))
    [source_notes] = facts.classes["source-notes"]
    assert "line 10: firm 'Big Bnk' matched to 'Big Bank'" in source_notes


def test_person_page_counts_and_links_back(small_site: Path) -> None:
    facts = read_page(small_site / "people/jane-roe/index.html")
    text = " ".join(facts.main_text.split())
    assert "Turns 4" in text and "Answers given 2" in text and "Runs Acme." in text
    assert "/transcripts/acme-2021-q4/#t005" in facts.links
    asker = " ".join(read_page(small_site / "people/sam-poe/index.html").main_text.split())
    assert "Questions asked 2" in asker


def test_base_url_prefixes_every_link(tmp_path: Path) -> None:
    site = build_small(tmp_path, "https://example.org/calls/")
    for page in site.rglob("*.html"):
        for link in read_page(page).links:
            assert link.startswith(("#", "/calls/", "https://example.org/calls/")), (page, link)
    assert broken_links(site, "/calls/") == []


def test_anchors_do_not_move_when_text_is_corrected(tmp_path: Path) -> None:
    """A link someone saved before an editor corrected a word still lands on the same turn."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    sidecar = content / "transcripts" / "tesla-2012-q2.yaml"
    page = "transcripts/tesla-2012-q2/index.html"

    def anchors_and_text(name: str) -> tuple[list[str], str]:
        assert build(content, tmp_path / name, search=False, jobs=1).ok
        html = (tmp_path / name / page).read_text(encoding="utf-8")
        return re.findall(r'\bid="((?:t|q)\d+[^"]*)"', html), html

    corrected_ids, corrected = anchors_and_text("corrected")
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").split("\ncorrections:")[0] + "\n", encoding="utf-8"
    )
    plain_ids, plain = anchors_and_text("plain")
    assert 'class="correction' in corrected and 'class="correction' not in plain
    assert len(corrected_ids) > 100
    assert corrected_ids == plain_ids


def test_two_things_on_one_url_is_an_error_naming_both() -> None:
    diagnostics = Diagnostics()
    twin = replace(small_transcript(), parsed=replace(small_transcript().parsed, source="b.md"))
    config = SiteConfig()
    site = index.build_site([small_transcript(), twin], SITE_ANNOTATIONS, config, diagnostics)
    check_url_claims(site, outputs(site), diagnostics)
    [error] = diagnostics.errors
    assert "acme-2021-q4.txt" in error.message and "b.md" in error.message
    assert "/transcripts/acme-2021-q4/" in error.message


def test_template_error_names_template_line_and_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "templates").mkdir(parents=True)
    (content / "templates" / "topic.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ view.no_such_field }}</h1>\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    diagnostics = Diagnostics()
    site = index.build_site([small_transcript()], SITE_ANNOTATIONS, SiteConfig(), diagnostics)
    render.render_site(site, theme.Theme(content), diagnostics)
    [error] = diagnostics.errors
    assert error.path.endswith("topic.html") and error.line == 3
    assert "/topics/widgets/" in error.message and "no_such_field" in error.message


def test_site_templates_override_the_theme(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "templates").mkdir(parents=True)
    (content / "templates" / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}',
        encoding="utf-8",
    )
    site = build_small(tmp_path, content=content)
    assert read_page(site / "404.html").headings == [(1, "Lost at sea")]


def test_site_static_files_override_the_theme_and_add_to_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "static").mkdir(parents=True)
    (content / "static" / "style.css").write_text("body { color: rebeccapurple; }\n", "utf-8")
    (content / "static" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    site = build_small(tmp_path, content=content)
    assert (site / "static" / "style.css").read_text("utf-8") == "body { color: rebeccapurple; }\n"
    assert (site / "static" / "logo.svg").is_file()
    # the theme's other files are still there
    assert (site / "static" / "copy-link.js").is_file()


# ---- the real demo ----------------------------------------------------------------------------


def structure_words(transcript_json: dict) -> set[str]:
    """Words the page may show elsewhere or as labels: names, roles, firms, the title line."""
    texts = [transcript_json["title"], *transcript_json["left_out"]]
    texts += [s["title"] for s in transcript_json["sections"]]
    texts += [t["label"] for t in transcript_json["turns"]]
    for p in transcript_json["participants"]:
        texts += [p["name"], p["role"] or "", p["organization"] or ""]
    texts += [str(v) for v in transcript_json["event"].values() if v]
    found = {"executives", "analysts"}
    for text in texts:
        found.update(words(text))
    return found


def test_demo_transcript_page_shows_every_source_word_in_order(demo_site: Path) -> None:
    import json

    source = sources.read_source(CONTENT / "transcripts" / f"{DEMO_SLUG}.txt")
    data = json.loads((demo_site / "transcripts" / f"{DEMO_SLUG}.json").read_text("utf-8"))
    page = words(read_page(demo_site / "transcripts" / DEMO_SLUG / "index.html").main_text)
    structure = structure_words(data)
    position, lost = 0, []
    for word in words(source.text):
        if word in structure:
            continue
        try:
            position = page.index(word, position) + 1
        except ValueError:
            lost.append(word)
    assert lost == []
    # The check has teeth: the transcript body alone is thousands of words.
    assert len(words(source.text)) > 5000


def test_demo_site_has_every_page_and_no_broken_link(demo_site: Path) -> None:
    facts = read_page(demo_site / "transcripts" / DEMO_SLUG / "index.html")
    assert [f"q{n:02d}" for n in range(1, 13)] == [
        i for i in facts.ids if re.fullmatch(r"q\d\d", i)
    ]
    assert sum(1 for i in facts.ids if re.fullmatch(r"t\d{3}", i)) > 100
    assert "[laughter]" in facts.classes["mark"]
    assert any("Jefferies" in c for c in facts.classes["correction"])
    assert (demo_site / "404.html").is_file()
    assert (demo_site / "people" / "elon-musk" / "index.html").is_file()
    assert broken_links(demo_site) == []


def test_demo_builds_under_a_base_path(tmp_path: Path) -> None:
    result = build(CONTENT, tmp_path / "site", base_url="https://example.org/calls/")
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    assert broken_links(tmp_path / "site", "/calls/") == []
