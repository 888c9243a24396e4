"""Every corpus file dropped into one site with no annotations reads like the annotated demo:
real titles, no page furniture shown as text, one page per firm, named podcast groups."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_builder.incremental.builder import build
from site_builder.load import sources

from .corpus_site import (
    Counts,
    corpus_transcripts,
    count_site,
    duplicate_pairs,
    make_content,
    text_of,
)

FILES = corpus_transcripts()


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counts]:
    work = tmp_path_factory.mktemp("corpus-site")
    make_content(work / "content", FILES)
    result = build(work / "content", work / "site", search=False, jobs=1)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    stems = {p.name for p in FILES} | {p.name.split(".")[0] for p in FILES}
    return work / "site", count_site(work / "site", stems)


def test_no_title_is_a_file_name(corpus_site: tuple[Path, Counts]) -> None:
    _, counts = corpus_site
    assert counts.transcripts == len(FILES)
    assert counts.file_name_titles == []


def test_no_page_shows_markup_as_text(corpus_site: tuple[Path, Counts]) -> None:
    assert corpus_site[1].markup_pages == []


def test_one_organisation_page_per_firm(corpus_site: tuple[Path, Counts]) -> None:
    _, counts = corpus_site
    assert counts.duplicate_pairs == []
    # The rule has teeth: the names the issue found on separate pages are one firm now.
    names = set(counts.organisations)
    assert {"UBS", "Goldman Sachs", "Morgan Stanley", "Citi", "Bank of America"} <= names
    assert not names & {"UBS Securities LLC", "Citigroup", "BofA Global Research", "JP Morgan"}
    assert duplicate_pairs(["UBS", "UBS Securities LLC", "Jefferies"]) == [
        ("UBS", "UBS Securities LLC")
    ]
    # Names are compared word by word: Citi and Citizens Bank are two firms.
    assert duplicate_pairs(["Citi", "Citizens Bank"]) == []


def test_unidentified_speakers_have_no_person_page(corpus_site: tuple[Path, Counts]) -> None:
    site, counts = corpus_site
    assert counts.unidentified_people == []
    costco = (site / "transcripts/sa_costco_2018q3_inaudible_markers/index.html").read_text()
    assert "Unidentified Company Representative" in costco  # still shown where they spoke


def test_no_url_keeps_a_source_extension(corpus_site: tuple[Path, Counts]) -> None:
    site, counts = corpus_site
    assert counts.source_extension_urls == []
    assert (site / "transcripts/house_finserv_2010_07_22_monetary_policy/index.html").exists()
    assert sources.slug_for(Path("debate_1960.said.txt")) == "debate_1960"


def test_every_podcast_names_its_hosts_and_guests(corpus_site: tuple[Path, Counts]) -> None:
    site, _ = corpus_site
    podcasts = []
    for page in sorted((site / "transcripts").glob("*.json")):
        data = json.loads(page.read_text("utf-8"))
        if data["event"]["kind"] == "podcast":
            podcasts.append(page.stem)
            assert {p["group"] for p in data["participants"]} == {"analyst", "company"}
            html = (site / "transcripts" / page.stem / "index.html").read_text("utf-8")
            assert "<h3>Hosts</h3>" in html and "<h3>Guests</h3>" in html, page.stem
            assert "Other speakers" not in html
            assert "Cite this episode" in html and "The episode at a glance" in html
    assert len(podcasts) == 2
    lenny = json.loads(
        (site / "transcripts/lenny_adam_fishman_name_paren_timestamp.json").read_text()
    )
    guest = {p["name"]: p["group"] for p in lenny["participants"]}
    assert guest == {"Adam Fishman": "company", "Lenny": "analyst"}  # the front matter's guest


def test_boilerplate_is_a_collapsed_source_note_without_permalinks(
    corpus_site: tuple[Path, Counts],
) -> None:
    site, _ = corpus_site
    html = (site / "transcripts/house_finserv_2010_07_22_monetary_policy/index.html").read_text()
    assert '<details class="transcript-section transcript-section--boilerplate' in html
    assert "<summary>Source notes: Front matter" in html
    assert "[GRAPHIC]" not in html and "=====" not in html
    assert "BARNEY FRANK, Massachusetts, Chairman" in html  # text is kept, only furniture goes
    # GPO typewriter quotes and dashes are repaired and said so.
    body = text_of(html[html.index("<h1>") : html.index('<footer class="transcript-footer"')])
    assert "``" not in body and "--" not in body and "“" in body
    assert "GPO typography repaired" in html
    se = (site / "transcripts/se_nvidia_2025q3_lseg_lowercase_sections/index.html").read_text()
    assert "E D I T E D" not in se
    # The source's "presentation" / "q-and-a" headings read in one vocabulary; anchors stay.
    assert "<h2>Presentation</h2>" in se and "<h2>Questions and Answers</h2>" in se
    assert 'id="section-q-and-a"' in se
    mf = (site / "transcripts/mfjson_adm_2021q1/index.html").read_text()
    assert "Page header" not in mf and "Contents:" not in mf
    assert "<h1>ADM First Quarter 2021 Earnings Conference Call</h1>" in mf


def test_hearing_is_cited_as_a_hearing_with_its_committee(
    corpus_site: tuple[Path, Counts],
) -> None:
    site, _ = corpus_site
    html = (site / "transcripts/house_finserv_2010_07_22_monetary_policy/index.html").read_text()
    assert "Cite this hearing" in html and "The hearing at a glance" in html
    [cite] = re.findall(r'data-cite-call="([^"]*)"', html)
    assert cite == (
        "“Monetary Policy and the State of the Economy, Part II”, "
        "Committee on Financial Services, July 22, 2010"
    )


def test_merged_cues_keep_their_times_and_anchors(corpus_site: tuple[Path, Counts]) -> None:
    site, _ = corpus_site
    html = (site / "transcripts/zoom_webinar_numbered_cues_name_colon/index.html").read_text()
    # The turn from 00:13:57 is no longer one paragraph with one time: each part has its own.
    stamps = re.findall(
        r'<p id="(t023-\d{6})" class="timed"><a class="timestamp" href="[^"]*#\1"', html
    )
    assert stamps[:3] == ["t023-001357", "t023-001433", "t023-001514"]
    assert len(stamps) > 50
    data = json.loads((site / "transcripts/zoom_webinar_numbered_cues_name_colon.json").read_text())
    [turn] = [t for t in data["turns"] if t["id"] == "t023"]
    assert turn["times"][:2] == ["00:13:57", "00:14:33"]
    assert len(turn["times"]) == len(turn["paragraphs"]) == len(stamps)


def test_organisation_page_lists_its_analysts_questions(corpus_site: tuple[Path, Counts]) -> None:
    site, _ = corpus_site
    html = (site / "organizations/ubs/index.html").read_text("utf-8")
    assert "<h2>Questions its people asked</h2>" in html
    questions = re.findall(r'href="/transcripts/([^/]+)/#(q\d\d)"', html)
    assert len(questions) >= 5
    assert len({slug for slug, _ in questions}) >= 3  # from several calls, one firm


def test_home_page_groups_by_company_and_hides_empty_indexes(
    corpus_site: tuple[Path, Counts],
) -> None:
    site, _ = corpus_site
    home = (site / "index.html").read_text("utf-8")
    headings = [text_of(h) for h in re.findall(r"<h2>(.*?)</h2>", home, re.S)]
    assert headings[-2:] == ["Other transcripts", "Browse"]
    companies = headings[:-2]
    assert companies == sorted(companies, key=str.casefold) and "MongoDB" in companies
    mongodb = home[home.index(">MongoDB</a></h2>") :]
    dates = re.findall(r'<time datetime="([\d-]+)"', mongodb[: mongodb.index("</ul>")])
    assert dates == sorted(dates, reverse=True) and len(dates) == 4
    assert "Topics (0)" not in home and 'card__meta"> · ' not in home
