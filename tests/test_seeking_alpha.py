"""The Seeking Alpha reader on the seed and the Seeking Alpha corpus files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import readers
from site_builder.exchanges import group as qa
from site_builder.load import sources
from site_builder.model import ParsedTranscript, SourceText, Turn
from site_builder.readers.seeking_alpha import reader as seeking_alpha

from .corpus_check import lost_words

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seed" / "000_b1b0479d018b9915.txt"
SA = CORPUS / "seeking_alpha"


def parse(path: Path) -> ParsedTranscript:
    return readers.read(sources.read_source(path))


def parse_text(text: str) -> ParsedTranscript:
    return seeking_alpha.parse(SourceText("test.txt", text, "utf-8"))


def turn_at(parsed: ParsedTranscript, line: int) -> Turn:
    return next(t for t in parsed.turns if t.line == line)


@pytest.fixture(scope="module")
def seed() -> ParsedTranscript:
    return parse(SEED)


def test_seed_is_read_as_seeking_alpha_with_its_event(seed: ParsedTranscript) -> None:
    assert seed.format == "seeking-alpha"
    e = seed.event
    assert (e.company, e.exchange, e.ticker, e.quarter, e.year) == (
        "Tesla Motors",
        "NASDAQ",
        "TSLA",
        "Q2",
        2012,
    )
    assert (e.date, e.time, e.timezone) == ("2012-07-25", "17:30", "ET")


def test_seed_participants(seed: ParsedTranscript) -> None:
    by_group: dict[str, list[str]] = {}
    for p in seed.participants:
        by_group.setdefault(p.group, []).append(p.name)
    assert len(seed.participants) == 17
    assert by_group["company"] == [
        "Jeff Evanson",
        "Elon Musk",
        "Deepak Ahuja",
        "George Blankenship",
    ]
    assert len(by_group["analyst"]) == 12
    assert by_group["operator"] == ["Operator"]
    elon = seed.participant("elon-musk")
    assert elon.role == "Chairman, Product Architect, and CEO"
    kallo = seed.participant("ben-kallo")
    assert (kallo.organization, kallo.role) == ("Robert W. Baird", None)
    assert seed.participant("jesse-pichel").organization == "Jefferies"  # trailing space dropped


def test_seed_sections_and_no_invented_speakers(seed: ParsedTranscript) -> None:
    assert [(s.kind, s.title) for s in seed.sections] == [
        ("prepared", "Prepared Remarks"),
        ("qa", "Question-and-Answer Session"),
    ]
    listed = {p.id for p in seed.participants}
    assert {t.speaker for t in seed.turns} == listed


def test_short_body_lines_are_speech_not_labels(seed: ParsedTranscript) -> None:
    # line 285 "Exactly." under Sanjay Shrestha; 295 "Oh, by far, yeah."; 298 "By far." after a
    # blank line under George Blankenship (label at 296)
    assert turn_at(seed, 284).paragraphs == ("Exactly.",)
    assert turn_at(seed, 296).speaker == "george-blankenship"
    assert turn_at(seed, 296).paragraphs == ("By far.",)
    assert turn_at(seed, 211).paragraphs == ("Yes.",)


def test_blank_line_between_label_and_text(seed: ParsedTranscript) -> None:
    turn = turn_at(seed, 279)  # "Sanjay Shrestha - Lazard Capital Markets", blank, question
    assert turn.speaker == "sanjay-shrestha"
    assert turn.paragraphs[0].startswith("Can you talk about how are reservations converting")


def test_labels_in_either_dash_and_with_trailing_spaces(seed: ParsedTranscript) -> None:
    assert turn_at(seed, 32).label == "John Lovallo - Merrill Lynch"
    assert turn_at(seed, 56).label == "Dan Galves – Deutsche Bank"  # repaired dash
    assert turn_at(seed, 56).speaker == "dan-galves"
    assert turn_at(seed, 274).speaker == "jeff-evanson"  # "Jeff Evanson " with a trailing space


def test_seed_paragraphs_have_typography_and_markers(seed: ParsedTranscript) -> None:
    paragraphs = [p for t in seed.turns for p in t.paragraphs]
    assert not any("â" in p for p in paragraphs)
    assert any("I’m" in p for p in paragraphs)
    assert any("When I say “at least” I mean higher." in p for p in paragraphs)
    assert any(p.endswith("[laughter]") for p in paragraphs)
    assert "[Operator instructions.]" in seed.turns[0].paragraphs[0]


def test_seed_turns_keep_source_lines(seed: ParsedTranscript) -> None:
    lines = SEED.read_text("utf-8").split("\n")
    for turn in seed.turns:
        assert lines[turn.line - 1].strip() == turn.label.replace("–", "â")


def test_two_qa_sessions_make_two_qa_sections() -> None:
    parsed = parse(SA / "sa_boeing_2018q2_two_qa_sessions.txt")
    qa = [s for s in parsed.sections if s.kind == "qa"]
    assert [s.line for s in qa] == [143, 367]
    assert len({s.id for s in qa}) == 2
    media = [t for t in parsed.turns if t.section == qa[1].id]
    assert {t.speaker for t in media} >= {"julie-johnsson", "andrew-tangel"}


def test_cp1252_ellipsis_does_not_split_a_line() -> None:
    path = SA / "sa_abbott_2018q4_newlayout_cp1252.txt"
    raw = path.read_bytes()
    source = sources.read_source(path)
    assert source.encoding == "cp1252"
    assert source.text.count("\n") == raw.count(b"\n")
    parsed = parse(path)
    with_ellipsis = [p for t in parsed.turns for p in t.paragraphs if "…" in p]
    assert len(with_ellipsis) == raw.count(b"\x85")
    assert all(len(p) > 40 for p in with_ellipsis)


def test_new_layout_lists_and_bare_name_labels() -> None:
    parsed = parse(SA / "sa_abbott_2018q4_newlayout_cp1252.txt")
    groups = [(p.name, p.group) for p in parsed.participants]
    assert groups[:4] == [
        ("Scott Leinenweber", "company"),
        ("Miles White", "company"),
        ("Brian Yoor", "company"),
        ("Matt Taylor", "analyst"),
    ]
    assert parsed.participant("matt-taylor").organization == "UBS"
    assert parsed.participant("miles-white").role == "Chairman and Chief Executive Officer"
    assert len(parsed.participants) == 11  # 10 listed and the operator


def test_unidentified_speaker_is_added_on_demand() -> None:
    parsed = parse(SA / "sa_costco_2018q3_inaudible_markers.txt")
    unidentified = parsed.participant("unidentified-company-representative")
    assert unidentified.group == "company"
    turn = next(t for t in parsed.turns if t.speaker == unidentified.id)
    assert turn.paragraphs == ("[Indiscernible]",)


def test_costco_leading_ellipsis_line_stays_speech() -> None:
    parsed = parse(SA / "sa_costco_2018q3_inaudible_markers.txt")
    turn = turn_at(parsed, 224)
    assert turn.speaker == "operator"
    assert turn.paragraphs == ("…Kelly Bania with BMO Capital [indiscernible]. Your line is open.",)


def test_ticker_link_damage_is_cleaned_from_the_firm() -> None:
    parsed = parse(SA / "sa_boeing_2018q1_oldlayout_ascii.txt")
    spingarn = parsed.participant("robert-m-spingarn")
    assert spingarn.organization == "Credit Suisse Securities (USA) LLC"
    assert any(
        w.kind == "repair" and "NYSE:USA" in w.message and w.line == 9 for w in parsed.warnings
    )
    # body labels spell the firm undamaged; they still name him
    assert sum(t.speaker == spingarn.id for t in parsed.turns) == 5


def test_executives_listed_with_the_company_get_it_as_organization() -> None:
    parsed = parse(SA / "sa_boeing_2018q1_oldlayout_ascii.txt")
    dennis = parsed.participant("dennis-a-muilenburg")
    assert (dennis.group, dennis.role, dennis.organization) == ("company", None, "The Boeing Co.")


def test_cj_muse_label_names_the_listed_c_j_muse() -> None:
    text = (
        "Acme Corp (NASDAQ:ACME) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET\n"
        "Executives\nJane Roe - CEO\nAnalysts\nC.J. Muse - Evercore ISI\nOperator\n"
        "Welcome.\nCJ Muse\n\nA question.\nJane Roe\nAn answer.\n"
    )
    parsed = parse_text(text)
    assert [t.speaker for t in parsed.turns] == ["operator", "cj-muse", "jane-roe"]
    assert parsed.participant("cj-muse").aliases == ("CJ Muse",)


def test_unknown_label_like_line_is_speech_not_a_new_speaker() -> None:
    text = (
        "Acme Corp (NYSE:ACM) Q3 2019 Earnings Call October 1, 2019 8:00 AM ET\n"
        "Executives\nJane Roe - CEO\nOperator\nWelcome.\nJane Roe\nThanks.\nJohn Doe\n"
        "John Doe - Acme Bank\nMore.\nJane Roe - Acme Corp, Inc.\nYes - and more.\n"
    )
    parsed = parse_text(text)
    assert [t.paragraphs for t in parsed.turns] == [
        ("Welcome.",),
        ("Thanks.", "John Doe", "John Doe - Acme Bank", "More."),
        ("Yes - and more.",),
    ]
    assert [p.name for p in parsed.participants] == ["Jane Roe", "Operator"]
    assert [(w.line, w.kind) for w in parsed.warnings] == [(9, "speaker")]
    assert parsed.participant("jane-roe").aliases == ("Jane Roe - Acme Corp, Inc.",)


@pytest.mark.parametrize("path", sorted(SA.glob("*.txt")), ids=lambda p: p.name)
def test_every_seeking_alpha_file_is_detected(path: Path) -> None:
    text = sources.read_source(path).text
    assert readers.choose(text)[0] is seeking_alpha
    assert seeking_alpha.detect(text) >= 0.9


def test_other_layouts_are_not_claimed() -> None:
    for path in CORPUS.rglob("*"):
        if (
            path.is_file()
            and path.parent.name not in ("seeking_alpha", "seed")
            and (path.suffix in {".txt", ".md", ".vtt"})
        ):
            assert seeking_alpha.detect(sources.read_source(path).text) < 0.3, path.name


# ---- property: any transcript in this layout parses without loss ------------------------------

_PEOPLE = [
    ("Jane Roe", "CEO", "company"),
    ("Max Mustermann", "CFO", "company"),
    ("Ana Lima", "Banco Uno", "analyst"),
    ("C.J. Muse", "Evercore ISI", "analyst"),
]
_SENTENCE = st.lists(
    st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40),
    min_size=1,
    max_size=4,
).map(lambda parts: " ".join(parts).strip() or "Yes.")


# Speaker turns of a generated call: label, paragraphs, and whether a blank line follows the label.
_TURNS = st.lists(
    st.tuples(
        st.sampled_from(["Operator", *(p[0] for p in _PEOPLE)]),
        st.lists(_SENTENCE, min_size=1, max_size=3),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)


@given(
    turns=_TURNS,
    qa_after=st.integers(min_value=0, max_value=8),
)
@settings(max_examples=60, deadline=None)
def test_generated_transcripts_lose_nothing(
    turns: list[tuple[str, list[str], bool]], qa_after: int
) -> None:
    lines = ["Acme Corp (NYSE:ACM) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET", "Executives"]
    lines += [f"{n} - {r}" for n, r, g in _PEOPLE if g == "company"]
    lines += ["Analysts"] + [f"{n} - {r}" for n, r, g in _PEOPLE if g == "analyst"]
    expected = []
    for i, (speaker, paragraphs, blank) in enumerate(turns):
        if i == qa_after:
            lines.append("Question-and-Answer Session")
        lines.append(speaker)
        if blank:
            lines.append("")
        lines += paragraphs
        if any(p.strip() for p in paragraphs):  # "/" is text too: a turn is kept whole
            expected.append(speaker)
    text = "\n".join(lines)
    parsed = qa.group_exchanges(parse_text(text))
    assert lost_words(text, parsed) == []
    names = {p.id: p.name for p in parsed.participants}
    spoken = [names[t.speaker] for t in parsed.turns]
    # a generated paragraph may itself read like a label; only then may turns differ
    if not any(
        p.strip() in {n for n, _, _ in _PEOPLE} | {"Operator"} for _, ps, _ in turns for p in ps
    ):
        assert spoken == expected


# ---- the newer header and the Q / A label convention ------------------------------------------


def test_call_start_header_is_read_as_seeking_alpha_with_its_lists() -> None:
    parsed = parse(SA / "sa_phillips66_2018q4_call_start_header.txt")
    assert parsed.format == "seeking-alpha"
    # The heading's ticker, date and time are shown beside the title, not repeated in it.
    assert parsed.title == "Phillips 66 Q4 2018 Earnings Conference Call"
    e = parsed.event
    assert (e.company, e.ticker, e.quarter, e.year, e.date, e.time, e.timezone) == (
        "Phillips 66",
        "PSX",
        "Q4",
        2018,
        "2019-02-08",
        "12:00",
        "ET",
    )
    groups = {p.name: p.group for p in parsed.participants}
    assert groups["Greg Garland"] == "company" and groups["Phil Gresh"] == "analyst"
    assert turn_at(parsed, 21).speaker == "operator"
    assert turn_at(parsed, 24).speaker == "jeff-dietert"
    header = parsed.turns[0]
    assert (header.speaker, header.line, header.paragraphs[0][:11]) == ("", 1, "Call Start:")


def test_q_dash_label_is_that_speaker() -> None:
    parsed = parse(SA / "sa_tiffany_2018q4_q_dash_label.txt")
    turn = turn_at(parsed, 130)
    assert turn.speaker == "kimberly-greenberger"
    assert turn.paragraphs[0].startswith("I just wanted to follow-up on Matt's question")
    operator_text = " ".join(
        p for t in parsed.turns if t.speaker == "operator" for p in t.paragraphs
    )
    assert "Kimberly Greenberger" not in operator_text.replace("from Kimberly Greenberger", "")
    assert "follow-up on Matt's question" not in operator_text


def test_a_dash_label_of_a_listed_executive() -> None:
    parsed = parse(SA / "sa_fedex_2018q4_ceo_reads_submitted_questions.txt")
    assert turn_at(parsed, 56).speaker == "fred-smith"


def test_q_dash_label_of_someone_unlisted_is_a_new_asker_with_a_warning() -> None:
    text = "\n".join(
        [
            "Acme Corp (NYSE:ACM) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET",
            "Executives",
            "Jane Roe - CEO",
            "Analysts",
            "Ana Lima - Banco Uno",
            "Operator",
            "Next question.",
            "Q - Pat Quinn",
            "How is demand?",
            "A - Jane Roe",
            "Strong.",
            "Q - what about costs",
        ]
    )
    parsed = parse_text(text)
    people = {p.id: (p.name, p.group) for p in parsed.participants}
    assert [people[t.speaker] for t in parsed.turns] == [
        ("Operator", "operator"),
        ("Pat Quinn", "analyst"),
        ("Jane Roe", "company"),
    ]
    assert parsed.turns[-1].paragraphs == ("Strong.", "Q - what about costs")
    assert [(w.line, w.kind) for w in parsed.warnings] == [(8, "speaker")]


@given(
    turns=_TURNS,
    call_start=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_either_header_and_q_a_labels_read_the_same_speakers(
    turns: list[tuple[str, list[str], bool]], call_start: bool
) -> None:
    if call_start:
        lines = [
            "Call Start: 12:00 January  1, 0000 12:59 PM ET",
            "Acme Corp (NYSE:ACM)",
            "Q1 2020 Earnings Call",
            "May 1, 2020 8:00 AM ET",
            "Company Participants",
        ]
    else:
        lines = ["Acme Corp (NYSE:ACM) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET", "Executives"]
    lines += [f"{n} - {r}" for n, r, g in _PEOPLE if g == "company"]
    lines += ["Conference Call Participants" if call_start else "Analysts"]
    lines += [f"{n} - {r}" for n, r, g in _PEOPLE if g == "analyst"]
    expected = []
    sides = {n: ("Q" if g == "analyst" else "A") for n, _, g in _PEOPLE}
    for speaker, paragraphs, lettered in turns:
        lines.append(f"{sides[speaker]} - {speaker}" if lettered and speaker in sides else speaker)
        lines += paragraphs
        if any(p.strip() for p in paragraphs):
            expected.append(speaker)
    text = "\n".join(lines)
    parsed = qa.group_exchanges(parse_text(text))
    assert readers.choose(text)[0] is seeking_alpha
    assert (parsed.event.ticker, parsed.event.date) == ("ACM", "2020-05-01")
    assert lost_words(text, parsed) == []
    names = {p.id: p.name for p in parsed.participants}
    spoken = [names[t.speaker] for t in parsed.turns if t.speaker]
    labels = {n for n, _, _ in _PEOPLE} | {"Operator"}
    if not any(
        p.strip() in labels or p.strip()[:4] in ("Q - ", "A - ") for _, ps, _ in turns for p in ps
    ):
        assert spoken == expected


def test_label_with_another_form_of_a_listed_name_is_that_speaker() -> None:
    parsed = parse(SA / "sa_statestreet_2018q2_89kb.txt")
    assert turn_at(parsed, 323).speaker == "jeff-harte"
    assert turn_at(parsed, 323).paragraphs[0].startswith("Good morning, guys.")
    assert (323, "speaker") in [(w.line, w.kind) for w in parsed.warnings]
    operator = " ".join(p for t in parsed.turns if t.speaker == "operator" for p in t.paragraphs)
    assert "Jeffery Harte" not in operator


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("Jeffery Harte", "jeff-harte"),
        ("Katy Huberty", "kathryn-huberty"),
        ("Kate Harte", None),  # not a form of Jeff: speech
        ("Ann Harte", "ann-marie-harte"),
        ("Jeffery Harte ", None),  # with Jeffrey Harte listed too, either is meant: speech
    ],
)
def test_other_name_forms_in_generated_calls(label: str, speaker: str | None) -> None:
    text = "\n".join(
        [
            "Acme Corp (NYSE:ACM) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET",
            "Executives",
            "Ann Marie Harte - CEO",
            "Analysts",
            "Jeff Harte - Sandler O'Neill",
            "Kathryn Huberty - Morgan Stanley",
            *(["Jeffrey Harte - Other Bank"] if speaker is None else []),
            "Operator",
            "Our next question comes from the line of someone.",
            label,
            "Good morning.",
        ]
    )
    parsed = parse_text(text)
    last = parsed.turns[-1]
    if speaker is None:
        assert last.speaker == "operator"
        assert last.paragraphs[-2:] == (label.strip(), "Good morning.")
    else:
        assert (last.speaker, last.paragraphs) == (speaker, ("Good morning.",))
    assert lost_words(text, parsed) == []
