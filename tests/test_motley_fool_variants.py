"""Motley Fool variants seen on calls the readers had not met: analyst labels without a firm,
and JSON exports whose questions sit inside the prepared remarks."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.exchanges import group as qa
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers import motley_fool_json
from site_builder.readers.motley_fool import reader as motley_fool

from .corpus_check import CORPUS, lost_words, parse_file

ADM = CORPUS / "motley_fool_json" / "mfjson_adm_2021q1.txt"


def _exchanges(parsed: ParsedTranscript) -> list[tuple[str, int]]:
    return [(e.asker, len(e.turns)) for e in parsed.exchanges]


def test_name_dash_analyst_labels_are_askers() -> None:
    parsed = parse_file(CORPUS / "motley_fool_text" / "mf_mongodb_2025q4_classic_layout.txt")
    groups = {p.name: p.group for p in parsed.participants}
    assert groups["Raimo Lenschow"] == "analyst"
    assert groups["Rishi Jaluria"] == "analyst"
    assert groups["Unknown speaker"] == "analyst"  # "Unknown speaker---- Analyst": no firm
    assert groups["Serge Tanjga"] == "company"
    askers = [e.asker for e in parsed.exchanges]
    assert askers[0] == "raimo-lenschow" and askers[-1] == "rishi-jaluria"
    assert len(askers) == 10


def test_analyst_relations_is_not_an_analyst() -> None:
    text = (
        "Prepared Remarks:\n\nOperator\n\nWelcome.\n\nAnn Lee--Director, Analyst Relations\n\n"
        "Thanks.\n\nQuestions & Answers:\n\nOperator\n\nFirst question.\n\n"
        "Bo Chen--Analyst\n\nHi.\n\nAnn Lee--Director, Analyst Relations\n\nHello."
    )
    parsed = motley_fool.parse(SourceText("x.txt", text, "utf-8"))
    groups = {p.name: p.group for p in parsed.participants}
    assert groups == {"Operator": "operator", "Ann Lee": "company", "Bo Chen": "analyst"}


def _moved_into_prepared(text: str) -> str:
    """The same export with its questions written inside ``prepared_remarks``."""
    data = json.loads(text)
    data["prepared_remarks"] = data["prepared_remarks"] + data["q_and_a"]
    data["q_and_a"] = []
    return json.dumps(data, indent=2)


def test_questions_inside_prepared_remarks_are_read_as_qa() -> None:
    original = ADM.read_text("utf-8")
    moved = _moved_into_prepared(original)
    expected = qa.group_exchanges(motley_fool_json.parse(SourceText("a.txt", original, "utf-8")))
    parsed = qa.group_exchanges(motley_fool_json.parse(SourceText("b.txt", moved, "utf-8")))
    assert len(expected.exchanges) == 9
    assert _exchanges(parsed) == _exchanges(expected)
    kinds = {s.id: s.kind for s in parsed.sections}
    opening = next(t for t in parsed.turns if kinds[t.section] == "qa")
    assert opening.speaker == "operator"
    assert opening.paragraphs[0].startswith("Thank you.") or "question" in opening.paragraphs[0]
    layout = [w for w in parsed.warnings if w.kind == "layout"]
    assert len(layout) == 1 and layout[0].line == opening.line
    assert lost_words(moved, parsed) == []


_COMPANY = ["Ann Lee", "Raj Rao"]
_ANALYSTS = ["Bo Chen", "Eva Diaz", "Kim Park"]
_SAYING = st.sampled_from(["Thanks.", "Good morning.", "Sure, next slide.", "Yes."])


@given(
    prepared=st.lists(st.tuples(st.sampled_from(_COMPANY), _SAYING), min_size=1, max_size=4),
    questions=st.lists(
        st.tuples(
            st.sampled_from(_ANALYSTS),
            st.lists(st.tuples(st.sampled_from(_COMPANY), _SAYING), min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=4,
    ),
    listed=st.booleans(),
)
@settings(max_examples=60, deadline=None)
def test_generated_exports_give_the_same_exchanges_wherever_the_questions_sit(
    prepared: list[tuple[str, str]],
    questions: list[tuple[str, list[tuple[str, str]]]],
    listed: bool,
) -> None:
    pre = [{"speaker": "Operator", "speech": "Welcome to the call."}]
    pre += [{"speaker": who, "speech": said} for who, said in prepared]
    asked: list[dict[str, str]] = []
    for analyst, answers in questions:
        asked.append({"speaker": "Operator", "speech": f"Next is {analyst}."})
        asked.append({"speaker": analyst, "speech": "A question?"})
        asked += [{"speaker": who, "speech": said} for who, said in answers]
    people = [f"{n}--Chief Officer" for n in _COMPANY]
    if listed:
        people += [f"{n}--Bank -- Analyst" for n in _ANALYSTS]
    read = []
    for moved in (False, True):
        data = {
            "prepared_remarks": pre + asked if moved else pre,
            "q_and_a": [] if moved else asked,
            "participants": people,
        }
        text = json.dumps(data, indent=1)
        parsed = qa.group_exchanges(motley_fool_json.parse(SourceText("x.txt", text, "utf-8")))
        kinds = {s.id: s.kind for s in parsed.sections}
        names = {p.id: p.name for p in parsed.participants}
        spoken = [(names[t.speaker], t.paragraphs[0]) for t in parsed.turns if t.speaker]
        in_qa = [
            (names[t.speaker], t.paragraphs[0]) for t in parsed.turns if kinds[t.section] == "qa"
        ]
        assert in_qa == [(x["speaker"], x["speech"]) for x in asked]
        assert lost_words(text, parsed) == []
        read.append((spoken, [(names[e.asker], len(e.turns)) for e in parsed.exchanges]))
    assert read[0] == read[1]


def test_an_operator_interrupting_the_remarks_does_not_open_the_questions() -> None:
    data = {
        "prepared_remarks": [
            {"speaker": "Operator", "speech": "Welcome."},
            {"speaker": "Ann Lee", "speech": "We grew."},
            {"speaker": "Operator", "speech": "Ann, your line dropped; please go on."},
            {"speaker": "Ann Lee", "speech": "Thanks. As I said, we grew."},
            {"speaker": "Operator", "speech": "First question: Bo Chen."},
            {"speaker": "Bo Chen", "speech": "Why?"},
            {"speaker": "Ann Lee", "speech": "Because."},
        ],
        "q_and_a": [],
        "participants": ["Ann Lee--Chief Executive Officer"],
    }
    text = json.dumps(data)
    parsed = motley_fool_json.parse(SourceText("x.txt", text, "utf-8"))
    kinds = {s.id: s.kind for s in parsed.sections}
    assert [t.paragraphs[0] for t in parsed.turns if kinds[t.section] == "qa"] == [
        "First question: Bo Chen.",
        "Why?",
        "Because.",
    ]


def test_an_interleaved_translation_without_its_entry_line_keeps_its_words() -> None:
    """Found by the mutation test: with an entry's ``[  1] [EN]`` line gone, its ``[中]``
    translation line was dropped with the missing entry."""
    path = CORPUS / "interleaved_bilingual" / "mf_mongodb_2025q1_en_zh_interleaved.txt"
    source = SourceText(str(path), path.read_text(encoding="utf-8"), "utf-8")
    lines = source.text.split("\n")
    entry = next(i for i, line in enumerate(lines) if line.lstrip().startswith("[  1] [EN]"))
    text = "\n".join(lines[:entry] + lines[entry + 1 :])
    parsed = motley_fool.parse(SourceText(source.path, text, "utf-8"))
    assert any("2025财年第一季度财报电话会议" in p for t in parsed.turns for p in t.paragraphs)
    assert lost_words(text, parsed) == []
