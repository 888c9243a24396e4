"""EarningsCall exports: ``Name Title Text`` paragraphs with nothing between the three."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import readers
from site_builder.exchanges import group as qa
from site_builder.load import sources
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers.earningscall import reader as earningscall

from .corpus_check import CORPUS, lost_words, parse_file

FAMILY = CORPUS / "earningscall_name_title_inline"
SAMSUNG = FAMILY / "ec_samsung_2023q2_interpreter_turns_mojibake.txt"
TENCENT = FAMILY / "ec_tencent_2024q1_ir_host_no_operator.txt"


def _people(parsed: ParsedTranscript) -> dict[str, tuple[str, str | None, str | None]]:
    return {p.name: (p.group, p.role, p.organization) for p in parsed.participants}


def test_both_exports_are_detected_and_lose_nothing() -> None:
    for path in (SAMSUNG, TENCENT):
        text = sources.read_source(path).text
        assert readers.choose(text)[0] is earningscall
        assert lost_words(text, parse_file(path)) == []


def test_labels_end_where_the_title_ends() -> None:
    people = _people(parse_file(SAMSUNG))
    assert people["Jaejun Kim"] == (
        "company",
        "Executive Vice President, Memory Division",
        "Samsung",
    )
    assert people["Operator"][0] == "operator"
    assert people["Interpreter"] == ("other", "Simultaneous English Translator", None)
    assert people["Foundry Business Representative"][:2] == ("company", None)
    # heard once: "Analyst, <firm>" ends where the operator's introduction says the firm does
    assert people["Minsuk Choi"] == ("analyst", "Analyst", "Korea Investment & Securities")
    assert people["Nicolas Godoy"] == ("analyst", "Analyst", "UBS")
    assert people["Lee Soobin"] == ("analyst", "Analyst", "CGS CIMB Securities")
    assert people["Jeong-Joon Park"] == ("analyst", "Analyst", "J.P. Morgan")
    assert len(people) == 16


def test_name_firm_analyst_labels_split_where_the_call_names_the_firm() -> None:
    parsed = parse_file(TENCENT)
    people = _people(parsed)
    assert people["Gary"] == ("analyst", "Analyst", "Morgan Stanley")  # "from Gary from Morgan…"
    assert people["Joe"] == ("analyst", "Analyst", "Daiwa")
    assert people["Anna Zhang"] == ("analyst", "Analyst", "Guoxin Zhongqian")  # her own words
    assert people["Robin Drew"] == ("analyst", "Analyst", "Bernstein")
    assert people["Wendy Huang"] == ("company", "Director of Investor Relations", "Tencent")
    assert people["Pony Ma"] == ("company", "Chairman and CEO", "Tencent")
    assert people["spk13"][0] == "unknown" and people["Shilin"][0] == "unknown"
    turn = next(t for t in parsed.turns if t.line == 26)
    assert turn.paragraphs[0].startswith("Hi, good evening, management.")


def test_questions_begin_at_the_first_introduction() -> None:
    parsed = parse_file(TENCENT)
    kinds = {s.id: s.kind for s in parsed.sections}
    first = next(t for t in parsed.turns if kinds[t.section] == "qa")
    assert (first.line, first.speaker) == (24, "wendy-huang")
    people = {p.id: p for p in parsed.participants}
    first_words = dict.fromkeys(
        people[t.speaker].name
        for t in parsed.turns
        if t.speaker and people[t.speaker].group == "analyst"
    )
    assert list(first_words) == [
        "Candice Fong",
        "Thomas Chong",
        "Alicia Yap",
        "Gary",
        "Anna Zhang",
        "Joe",
        "Ronald Kong",
        "Charlene Liu",
        "Alex Yao",
        "Robin Drew",
    ]


_COMPANY = [
    ("Ann Lee", "Chief Executive Officer"),
    ("Raj Rao", "Executive Vice President, Memory Division"),
    ("Mia Wong", "Head of Investor Relations"),
    ("Jaejun Kim", "President"),
    ("Jaejun Lee", "Chairman and CEO"),
    ("Foundry Business Representative", ""),
]
_ANALYSTS = [
    ("Bo Chen", "Analyst, KB Securities", "KB Securities"),
    ("Eva Diaz", "Jefferies Analyst", "Jefferies"),
    ("Gary", "Morgan Stanley Analyst", "Morgan Stanley"),
    ("Lee Soobin", "Analyst, Korea Investment & Securities", "Korea Investment and Securities"),
]
_SAYINGS = st.sampled_from(
    [
        "Thank you.",
        "Good morning, and thanks for taking my question.",
        "Yes, hello. I have two questions.",
        "In the first half, demand was weak.",
        "Thank you for your answer.",
        "Sure.",
    ]
)


@given(
    prepared=st.lists(st.tuples(st.sampled_from(_COMPANY), _SAYINGS), min_size=1, max_size=5),
    asks=st.lists(
        st.tuples(
            st.sampled_from(_ANALYSTS),
            st.lists(st.tuples(st.sampled_from(_COMPANY), _SAYINGS), min_size=1, max_size=3),
            _SAYINGS,
        ),
        min_size=1,
        max_size=4,
    ),
)
@settings(max_examples=80, deadline=None)
def test_generated_calls_read_every_speaker_and_word(
    prepared: list[tuple[tuple[str, str], str]],
    asks: list[tuple[tuple[str, str, str], list[tuple[tuple[str, str], str]], str]],
) -> None:
    turns: list[tuple[str, str, str]] = [("Operator", "Conference Operator", "Welcome, all.")]
    turns += [(name, title, said) for (name, title), said in prepared]
    for (name, title, firm), answers, question in asks:
        turns.append(("Operator", "Conference Operator", f"Next is {name} from {firm}."))
        turns.append((name, title, question))
        turns += [(who, job, said) for (who, job), said in answers]
    header = "Company: Acme\nSymbol: ACM\nExchange: NYSE\nYear: 2024\nQuarter: Q1\n\n---\n"
    body = "\n\n".join(" ".join(x for x in (name, title, said) if x) for name, title, said in turns)
    text = f"{header}{body}\n"
    parsed = qa.group_exchanges(earningscall.parse(SourceText("x.txt", text, "utf-8")))
    names = {p.id: p.name for p in parsed.participants}
    spoken = [(names[t.speaker], " ".join(t.paragraphs)) for t in parsed.turns if t.speaker]
    assert spoken == [(name, said) for name, _, said in turns]
    assert lost_words(text, parsed) == []
    groups = {p.name: p.group for p in parsed.participants}
    assert all(groups[name] == "analyst" for (name, _, _), _, _ in asks)
    assert all(groups[name] == "company" for (name, _), _ in prepared)
    kinds = {s.id: s.kind for s in parsed.sections}
    first_qa = next(t for t in parsed.turns if kinds[t.section] == "qa")
    assert first_qa.paragraphs[0].startswith("Next is ")


def test_a_label_nothing_settles_is_a_warning_and_keeps_its_words() -> None:
    text = (
        "Company: Acme\nSymbol: ACM\nYear: 2024\nQuarter: Q1\n---\n\n"
        "Ann Lee Chief Executive Officer Welcome.\n\nZed Quux hello there, all.\n\n"
        "spk7 we can't hear you.\n"
    )
    parsed = earningscall.parse(SourceText("x.txt", text, "utf-8"))
    names = {p.id: p.name for p in parsed.participants}
    assert [(names[t.speaker], t.paragraphs) for t in parsed.turns if t.speaker] == [
        ("Ann Lee", ("Welcome.",)),
        ("Zed Quux", ("hello there, all.",)),
        ("spk7", ("we can't hear you.",)),
    ]
    assert [(w.line, w.kind) for w in parsed.warnings] == [(9, "speaker"), (11, "speaker")]
    assert lost_words(text, parsed) == []
