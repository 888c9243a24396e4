"""Q&A exchange grouping: operator introductions, askers, firms, and calls without an operator."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import pipeline
from site_builder.exchanges import group as qa
from site_builder.load import sources
from site_builder.model import (
    EventInfo,
    ParsedTranscript,
    Participant,
    Section,
    SourceText,
    Turn,
)
from site_builder.readers.seeking_alpha import reader as seeking_alpha
from site_builder.render import jsonout

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seed" / "000_b1b0479d018b9915.txt"
SA = CORPUS / "seeking_alpha"


def parse(path: Path) -> ParsedTranscript:
    return pipeline.parse(sources.read_source(path))


def parse_text(text: str) -> ParsedTranscript:
    return qa.group_exchanges(seeking_alpha.parse(SourceText("t.txt", text, "utf-8")))


@pytest.fixture(scope="module")
def seed() -> ParsedTranscript:
    return parse(SEED)


SEED_ASKERS = [
    "john-lovallo", "dan-galves", "ben-schuman", "adam-jonas", "carter-driscoll",
    "amir-rozwadowski", "patrick-archambault", "ben-kallo", "sanjay-shrestha", "andrea-james",
    "michael-lew", "jesse-pichel",
]  # fmt: skip


def test_seed_has_twelve_exchanges_owned_by_the_analysts_in_order(seed: ParsedTranscript) -> None:
    assert [e.id for e in seed.exchanges] == [f"q{n:02d}" for n in range(1, 13)]
    assert [e.asker for e in seed.exchanges] == SEED_ASKERS
    analysts = [p.id for p in seed.participants if p.group == "analyst"]
    assert analysts == SEED_ASKERS


def test_operator_introduction_is_the_first_turn_of_its_exchange(seed: ParsedTranscript) -> None:
    turns = {t.id: t for t in seed.turns}
    for exchange in seed.exchanges:
        first = turns[exchange.turns[0]]
        assert first.speaker == "operator"
        assert exchange.line == first.line
        asker = seed.participant(exchange.asker or "")
        assert asker.name in first.paragraphs[0]


def test_every_qa_turn_after_the_first_introduction_is_in_one_exchange(
    seed: ParsedTranscript,
) -> None:
    qa_turns = [t for t in seed.turns if t.section == "question-and-answer-session"]
    closing = qa_turns.pop()  # "Thanks everyone. ... this is going to conclude our call."
    assert (closing.speaker, closing.exchange) == ("jeff-evanson", None)
    assert all(t.exchange is not None for t in qa_turns)
    assert all(t.exchange is None for t in seed.turns if t.section == "prepared-remarks")
    members = [t for e in seed.exchanges for t in e.turns]
    assert members == [t.id for t in qa_turns]
    by_id = {t.id: t for t in seed.turns}
    for exchange in seed.exchanges:
        assert {by_id[t].exchange for t in exchange.turns} == {exchange.id}


def test_exchange_holds_answers_and_follow_ups_until_next_introduction(
    seed: ParsedTranscript,
) -> None:
    turns = {t.id: t for t in seed.turns}
    q12 = seed.exchanges[-1]
    speakers = [turns[t].speaker for t in q12.turns]
    assert speakers[:3] == ["operator", "jesse-pichel", "deepak-ahuja"]
    assert speakers[-1] == "elon-musk"  # the IR head's closing remark is in no exchange
    assert speakers.count("jesse-pichel") == 6


def test_jeffries_misspelling_is_reported_at_the_operator_line(seed: ParsedTranscript) -> None:
    firm = [(w.line, w.message) for w in seed.warnings if w.kind == "firm"]
    assert (
        387,
        "operator names Jesse Pichel's firm as 'Jeffries'; the participant list says 'Jefferies'",
    ) in firm


def test_baird_short_form_gets_a_softer_message(seed: ParsedTranscript) -> None:
    baird = [w.message for w in seed.warnings if w.kind == "firm" and "Baird" in w.message]
    assert baird == [
        "operator names Ben Kallo's firm as 'Baird', "
        "a short form of 'Robert W. Baird' in the participant list"
    ]


def test_matching_firms_raise_no_warning(seed: ParsedTranscript) -> None:
    assert len([w for w in seed.warnings if w.kind == "firm"]) == 2


def test_operator_names_short_first_names() -> None:
    parsed = parse(SA / "sa_boeing_2018q1_oldlayout_ascii.txt")
    assert [e.asker for e in parsed.exchanges][:5] == [
        "douglas-stuart-harned",  # "Doug Harned with Bernstein"
        "robert-m-spingarn",  # "Rob Spingarn with Credit Suisse"
        "david-strauss",
        "samuel-j-pearlstein",  # "Next we'll go to Sam Pearlstein with Wells Fargo"
        "ronald-j-epstein",
    ]


def test_media_qa_after_analyst_qa() -> None:
    parsed = parse(SA / "sa_boeing_2018q2_two_qa_sessions.txt")
    qa_sections = [s.id for s in parsed.sections if s.kind == "qa"]
    turns = {t.id: t for t in parsed.turns}
    per_section = [
        [e.asker for e in parsed.exchanges if turns[e.turns[0]].section == s] for s in qa_sections
    ]
    assert len(per_section[0]) == 13
    assert per_section[1] == ["julie-johnsson", "brian-sozzi", "dominic-gates", "andrew-tangel"]
    # the operator's hand-back to the company closes the analyst exchanges
    hand_back = next(t for t in parsed.turns if t.line == 362)
    assert (hand_back.speaker, hand_back.exchange) == ("operator", None)
    assert not [w for w in parsed.warnings if w.kind == "speaker"]


def test_unknown_introduced_name_is_reported_and_nobody_invented() -> None:
    parsed = parse(SA / "sa_costco_2018q3_inaudible_markers.txt")
    speaker = [(w.line, w.message) for w in parsed.warnings if w.kind == "speaker"]
    assert speaker == [
        (
            335,
            "the moderator introduces 'Brian Nagel', who matches no participant; "
            "David Bellinger asks",
        )
    ]
    assert not any("nagel" in p.id for p in parsed.participants)
    # the analyst who then asks owns the exchange
    assert parsed.exchanges[-1].asker == "david-bellinger"


def test_reintroducing_the_current_asker_does_not_split_the_exchange() -> None:
    parsed = parse(SA / "sa_costco_2018q3_inaudible_markers.txt")
    turns = {t.id: t for t in parsed.turns}
    chuck = next(e for e in parsed.exchanges if e.line == 206)
    lines = [turns[t].line for t in chuck.turns]
    assert 210 in lines  # "Chuck Cerankosky from Northcoast Research. Your line is open."
    assert chuck.asker == "chuck-cerankosky"


def test_operator_naming_the_firm_only_after_a_comma() -> None:
    text = (
        "Acme Corp (NASDAQ:ACME) Q1 2020 Earnings Call May 1, 2020 8:00 AM ET\n"
        "Executives\nJane Roe - CEO\nAnalysts\nBen Schachter - Macquarie\n"
        "Mark Mahaney - RBC Capital Markets\n"
        "Question-and-Answer Session\nOperator\nBen Schachter, Macquarie.\n"
        "Ben Schachter\nHow is demand?\nJane Roe\nStrong.\n"
        "Operator\nWe'll go to Mark Mahaney at RBC.\nMark Mahaney\nMargins?\nJane Roe\nUp.\n"
    )
    parsed = parse_text(text)
    assert [(e.asker, len(e.turns)) for e in parsed.exchanges] == [
        ("ben-schachter", 3),
        ("mark-mahaney", 3),
    ]
    assert [w.message for w in parsed.warnings if w.kind == "firm"] == [
        "operator names Mark Mahaney's firm as 'RBC', "
        "a short form of 'RBC Capital Markets' in the participant list"
    ]


def _transcript(speakers: list[str]) -> ParsedTranscript:
    groups = {"alice": "company", "bob": "analyst", "carol": "analyst"}
    return ParsedTranscript(
        source="t",
        format="test",
        title="t",
        event=EventInfo(),
        participants=tuple(Participant(p, p.title(), group=g) for p, g in groups.items()),
        sections=(Section("talk", "Talk", "prepared", 1), Section("qa", "Q&A", "qa", 2)),
        turns=tuple(
            Turn(f"t{i:03d}", s, "talk" if i == 1 else "qa", (f"words {i}",), i + 1)
            for i, s in enumerate(speakers, 1)
        ),
    )


def test_without_an_operator_a_new_questioner_opens_an_exchange() -> None:
    parsed = qa.group_exchanges(_transcript(["alice", "bob", "alice", "bob", "carol", "alice"]))
    assert [(e.id, e.asker, e.turns) for e in parsed.exchanges] == [
        ("q01", "bob", ("t002", "t003", "t004")),
        ("q02", "carol", ("t005", "t006")),
    ]
    assert [t.exchange for t in parsed.turns] == [None, "q01", "q01", "q01", "q02", "q02"]


def test_company_turns_before_any_question_belong_to_no_exchange() -> None:
    parsed = qa.group_exchanges(_transcript(["alice", "alice", "bob", "alice"]))
    assert [t.exchange for t in parsed.turns] == [None, None, "q01", "q01"]


def test_transcript_without_qa_section_is_unchanged() -> None:
    plain = _transcript(["alice", "bob"])
    plain = ParsedTranscript(
        plain.source, plain.format, plain.title, plain.event, plain.participants,
        (Section("talk", "Talk", "prepared", 1),),
        tuple(Turn(t.id, t.speaker, "talk", t.paragraphs, t.line) for t in plain.turns),
    )  # fmt: skip
    assert qa.group_exchanges(plain) == plain


TALK = CORPUS / "talk_with_qa" / "btc_advancing_bitcoin_2020_signet_q_dash_a_dash.md"


def test_anonymous_talk_questions_each_open_an_exchange() -> None:
    parsed = parse(TALK)
    turns = {t.id: t for t in parsed.turns}
    questions = [t for t in parsed.turns if t.label == "Q"]
    assert len(parsed.exchanges) == len(questions) == 7
    for exchange, question in zip(parsed.exchanges, questions, strict=True):
        assert exchange.asker == "questioner"
        assert [turns[t].label for t in exchange.turns] == ["Q", "A"]
        assert exchange.turns[0] == question.id
    assert turns[parsed.exchanges[0].turns[0]].paragraphs[0] == (
        "How easy is it to use Signet to do offline testing?"
    )


def test_anonymous_follow_up_before_any_answer_stays_in_its_exchange() -> None:
    base = _transcript(["alice"])
    asker = Participant("questioner", "Questioner", group="analyst")
    speakers = ["questioner", "questioner", "alice", "questioner", "alice"]
    parsed = qa.group_exchanges(
        ParsedTranscript(
            base.source,
            base.format,
            base.title,
            base.event,
            (*base.participants, asker),
            base.sections,
            tuple(Turn(f"t{i:03d}", s, "qa", (f"w {i}",), i) for i, s in enumerate(speakers, 1)),
        )
    )
    assert [e.turns for e in parsed.exchanges] == [("t001", "t002", "t003"), ("t004", "t005")]


def test_a_named_analyst_asking_again_after_an_answer_keeps_one_exchange() -> None:
    parsed = qa.group_exchanges(_transcript(["alice", "bob", "alice", "bob", "alice"]))
    assert [(e.asker, len(e.turns)) for e in parsed.exchanges] == [("bob", 4)]


MF = CORPUS / "motley_fool_text"


def test_an_operator_labelled_with_a_first_name_moderates() -> None:
    parsed = parse(MF / "mf_figma_2025q3_operator_named_eric.txt")
    eric = next(p for p in parsed.participants if p.name == "Eric")
    assert (eric.group, eric.evidence) == ("operator", ("hands the floor to 8 questioners",))
    role = [(w.line, w.message) for w in parsed.warnings if w.kind == "role"]
    assert role == [
        (
            152,
            "Eric hands the floor to 8 questioners and is never introduced: "
            "read as the call's moderator, not as analyst",
        )
    ]
    assert [e.asker for e in parsed.exchanges][:2] == ["keith-weiss", "rishi-jaluria"]
    firms = {p.name: p.organization for p in parsed.participants if p.group == "analyst"}
    assert firms["Brad Sills"] == "Bank of America"  # "Brad Sills with Bank of America"


def test_analysts_filed_under_the_company_are_analysts_by_their_title_and_introduction() -> None:
    parsed = parse(MF / "mf_mongodb_2025q4_classic_layout.txt")
    raimo = next(p for p in parsed.participants if p.name == "Raimo Lenschow")
    assert raimo.group == "analyst"  # the reader now files 'Name--Analyst' labels so itself
    ceo = next(p for p in parsed.participants if p.name == "Dev C. Ittycheria")
    assert ceo.group == "company"
    assert len(parsed.exchanges) == 10


def test_the_ceo_named_beside_the_word_questions_stays_with_the_company() -> None:
    parsed = parse(CORPUS / "name_colon_api" / "fmp_amazon_labelled_q3_2024_actually_q2_2025.md")
    groups = {p.name: (p.group, p.organization) for p in parsed.participants}
    assert groups["Andrew R. Jassy"] == ("company", None)
    evidence = {p.name: p.evidence for p in parsed.participants}
    assert evidence["Andrew R. Jassy"] == ("named with a company title",)
    assert evidence["Dave Fildes"] == ("named with a company title",)  # "Vice President of IR"
    assert evidence["Justin Post"] == ("introduced as the next questioner",)
    assert groups["Justin Post"] == ("analyst", "Bank of America")
    assert [e.asker for e in parsed.exchanges] == [
        "douglas-till-anmuth",
        "mark-stephen-f-mahaney",
        "colin-alan-sebastian",
        "brian-thomas-nowak",
        "ronald-victor-josey",
        "justin-post",
    ]


def test_parse_output_says_which_signals_decided_a_role() -> None:
    parsed = parse(MF / "mf_figma_2025q3_operator_named_eric.txt")
    people = {p["name"]: p for p in jsonout.parsed_to_dict(parsed)["participants"]}
    assert people["Eric"]["evidence"] == ["hands the floor to 8 questioners"]
    assert people["Dylan Field"]["evidence"] == []


def test_a_role_label_with_the_name_in_brackets_names_an_analyst() -> None:
    parsed = parse(MF / "mf_mongodb_2027q1_new_layout_analyst_paren_labels.txt")
    martino = next(p for p in parsed.participants if p.name == "Matthew Martino")
    assert (martino.group, martino.role) == ("analyst", "Analyst")
    first = next(t for t in parsed.turns if t.speaker == martino.id)
    assert (first.line, first.label) == (172, "Analyst (Matthew Martino):")
    firms = {p.name: p.organization for p in parsed.participants}
    assert firms["Raimo Lenschow"] == "Barclays"  # "Raimo Lenschow. With Barclays."
    assert parsed.exchanges[0].asker == martino.id


def test_a_label_spelling_a_listed_name_otherwise_is_that_speaker() -> None:
    parsed = parse(SA / "sa_statestreet_2018q2_89kb.txt")
    harte = next(t for t in parsed.turns if t.line == 323)
    assert (harte.speaker, harte.label) == ("jeff-harte", "Jeffery Harte")
    assert parsed.exchanges[-1].asker == "jeff-harte"
    assert (323, "label 'Jeffery Harte' read as 'Jeff Harte' of the participant list") in [
        (w.line, w.message) for w in parsed.warnings
    ]


def test_a_moderator_labelled_as_an_audience_member_runs_the_queue() -> None:
    parsed = parse(
        CORPUS
        / "refinitiv_streetevents"
        / "se_asml_2016q4_unidentified_audience_member_as_operator.txt"
    )
    uam = next(p for p in parsed.participants if p.name == "Unidentified Audience Member")
    assert uam.group == "operator"
    kai = next(e for e in parsed.exchanges if e.asker == "kai-korschelt")
    turns = {t.id: t for t in parsed.turns}
    assert turns[kai.turns[0]].paragraphs == ("Kai Korschelt.",)
    assert len(parsed.exchanges) == 13
