"""Property tests for the call layouts with participant lists and Q&A: StreetEvents, Motley Fool
(classic page, 2025+ page, JSON export) and congressional hearings / the Congressional Record.

One generated call (people, prepared remarks, Q&A exchanges each opened by the operator) is
rendered the way each layout writes it; whatever the content, detection picks the layout's reader,
parsing never raises, no word is lost, every turn goes to the speaker who said it, and each
operator introduction opens the introduced analyst's exchange.
"""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from dataclasses import dataclass

from hypothesis import example, given, settings
from hypothesis import strategies as st

from site_builder import pipeline, readers
from site_builder.model import Group, ParsedTranscript, SectionKind, SourceText

from .corpus_check import lost_words

# ---- the generated call -----------------------------------------------------------------------

COMPANY = "Acme Widgets Inc"
EXECUTIVES = (
    ("Jane O'Neil", "Chief Executive Officer"),
    ("C.J. Muse", "Chief Financial Officer, EVP"),
    ("José Álvarez", "VP of Investor Relations"),
    ("Mary-Kate Smith-Jones", "President"),
    ("Ray Guy Young", "Chief Operating Officer"),
)
ANALYSTS = (
    ("Ben Reitzes", "Melius Research LLC"),
    ("Timothy K. Arcuri", "UBS Securities LLC"),
    ("Siobhán D'Arcy", "Société Générale"),
    ("Jean-Luc Martin", "Robert W. Baird & Co."),
    ("Ada Menaker", "Hewlett-Packard Capital"),
)
OPERATOR = "Operator"
VOCABULARY = (
    "the",
    "revenue",
    "grew",
    "We",
    "margin",
    "$4.2",
    "billion",
    "12%",
    "[indiscernible]",
    "[ph]",
    "“great”",
    "it’s",
    "Q3",
    "year-over-year",
    "--",
    "(Operator Instructions)",
    "[Operator Instructions]",
    "NAND",
    "Thanks,",
    "José.",
    "d'Alembert",
    "e.g.",
    "H100",
    "question?",
    "1,200",
    "[crosstalk 01:07:27]",
    "Côte",
    "Mr.",
    "Smith",
    "okay.",
    "‘fine’",
    "3:1",
    "Presentation",
    "Operator",
    "[2]",
    "Revenue:",
    "A&B",
    "S&P",
    "Hewlett-Packard",
)
_WORD = st.one_of(
    st.sampled_from(VOCABULARY), st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1)
)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=18).map(" ".join)
_SPEECH = st.lists(_PARAGRAPH, min_size=1, max_size=3).map(tuple)


@dataclass(frozen=True)
class Speech:
    speaker: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Call:
    executives: tuple[tuple[str, str], ...]
    analysts: tuple[tuple[str, str], ...]
    prepared: tuple[Speech, ...]
    exchanges: tuple[tuple[Speech, ...], ...]
    """Each begins with the operator introducing the exchange's analyst."""

    @property
    def speeches(self) -> tuple[Speech, ...]:
        return self.prepared + tuple(s for exchange in self.exchanges for s in exchange)

    def firm(self, analyst: str) -> str:
        return dict(self.analysts)[analyst]


def _introduction(name: str, firm: str) -> str:
    return f"Our next question comes from the line of {name} with {firm}. Your line is open."


@st.composite
def calls(draw: st.DrawFn) -> Call:
    executives = tuple(draw(st.lists(st.sampled_from(EXECUTIVES), min_size=1, max_size=3,
                                     unique=True)))  # fmt: skip
    analysts = tuple(draw(st.lists(st.sampled_from(ANALYSTS), min_size=1, max_size=3,
                                   unique=True)))  # fmt: skip
    executive = st.sampled_from([name for name, _ in executives])
    prepared = [Speech(OPERATOR, draw(_SPEECH))]
    prepared += [Speech(draw(executive), draw(_SPEECH)) for _ in range(draw(st.integers(1, 3)))]
    exchanges = []
    for _ in range(draw(st.integers(0, 3))):
        name, firm = draw(st.sampled_from(analysts))
        exchange = [Speech(OPERATOR, (_introduction(name, firm),)), Speech(name, draw(_SPEECH))]
        for _ in range(draw(st.integers(1, 3))):
            asks = draw(st.booleans()) and exchange[-1].speaker != name
            exchange.append(Speech(name if asks else draw(executive), draw(_SPEECH)))
        exchanges.append(tuple(exchange))
    return Call(executives, analysts, tuple(prepared), tuple(exchanges))


def _small_call(executive: tuple[str, str], analyst: tuple[str, str], answer: str = "the") -> Call:
    """The smallest call with a Q&A: kept as explicit examples of bugs the properties found."""
    name, firm = analyst
    return Call(
        (executive,),
        (analyst,),
        (Speech(OPERATOR, ("the",)), Speech(executive[0], ("the",))),
        ((Speech(OPERATOR, (_introduction(name, firm),)), Speech(name, ("the",)),
          Speech(executive[0], (answer,))),),
    )  # fmt: skip


BAIRD = ("Jean-Luc Martin", "Robert W. Baird & Co.")
HYPHENATED = ("Mary-Kate Smith-Jones", "President")
ACCENTED = ("José Álvarez", "VP of Investor Relations")
ONEIL = ("Jane O'Neil", "Chief Executive Officer")


# ---- shared checks ----------------------------------------------------------------------------


def _read(text: str, path: str, reader: str) -> ParsedTranscript:
    """Detection must pick ``reader``; the transcript as the pipeline sees it, exchanges found."""
    chosen, _ = readers.choose(text)
    assert reader == chosen.NAME
    return pipeline.parse(SourceText(path, text, "utf-8"))


def _spoken(parsed: ParsedTranscript) -> list[str]:
    names = {p.id: p.name for p in parsed.participants}
    return [names[t.speaker] for t in parsed.turns if t.speaker]


def _assert_firms_kept(parsed: ParsedTranscript, call: Call, company: str | None) -> None:
    """Every analyst keeps the firm the layout gives, every executive the company."""
    firms = {p.name: p.organization for p in parsed.participants}
    expected = {name: firm for name, firm in call.analysts if name in firms}
    expected |= {name: company for name, _ in call.executives if name in firms}
    assert {name: firms[name] for name in expected} == expected


def _assert_exchanges_follow_introductions(parsed: ParsedTranscript, call: Call) -> None:
    """One exchange per introduction, opened by the operator's turn, asked by that analyst.

    An analyst introduced again right after their own exchange ("Our next question comes from
    ...") asks anew, from the queue: a new exchange. Only the operator reopening a line without
    a new question ("Ben, your line is open") would continue one.
    """
    people = {p.id: p for p in parsed.participants}
    qa_sections = {s.id for s in parsed.sections if s.kind == SectionKind.QA}
    introductions = [
        t.id
        for t in parsed.turns
        if t.section in qa_sections
        and people[t.speaker].group == Group.OPERATOR
        and "question comes from" in t.paragraphs[0]
    ]
    askers = [exchange[1].speaker for exchange in call.exchanges]
    assert [e.turns[0] for e in parsed.exchanges] == introductions
    assert [people[e.asker].name if e.asker else None for e in parsed.exchanges] == askers


# ---- StreetEvents -----------------------------------------------------------------------------


def _streetevents(call: Call, lseg: bool) -> str:
    """Thomson Reuters style (indented paragraphs, blank lines) or LSEG style (lower-case
    headings, no blank lines, the operator listed with an empty title line)."""
    titles = dict(call.executives)
    gap = [] if lseg else [""]
    out = ["", "", "LSEG StreetEvents Event Transcript" if lseg else
           "Thomson Reuters StreetEvents Event Transcript", "E D I T E D   V E R S I O N", "",
           f"Q3 2012 {COMPANY} Earnings Conference Call", "JUNE 20, 2012 / 8:30PM GMT", "",
           "Corporate Participants", ""]  # fmt: skip
    for name, title in call.executives:
        out += [f" * {name}", f"   {COMPANY} - {title}"]
    out += ["", "Conference Call Participants" if lseg else "Conference Call Participiants", ""]
    if lseg:
        out += [" * Operator", "   "]
    for name, firm in call.analysts:
        out += [f" * {name}", f"   {firm} - Analyst"]

    def label(speaker: str, n: int) -> str:
        if speaker == OPERATOR:
            return f"Operator{',' if lseg else ''}     [{n}]"
        who = (
            f"{COMPANY} - {titles[speaker]}"
            if speaker in titles
            else f"{call.firm(speaker)} - Analyst"
        )
        return f"{speaker},{' ' if lseg else '  '}{who}    [{n}]"

    sections = [("presentation" if lseg else "Presentation", call.prepared)]
    if call.exchanges:
        qa_speeches = tuple(s for e in call.exchanges for s in e)
        sections.append(("q-and-a" if lseg else "Questions and Answers", qa_speeches))
    for heading, speeches in sections:
        out += ["", heading]
        for n, speech in enumerate(speeches, 1):
            out += [label(speech.speaker, n), *gap]
            # Thomson Reuters indents a turn's first paragraph (more deeply in the first turn)
            first, *rest = speech.paragraphs
            indent = "" if lseg else " " * (10 if n == 1 else 4)
            out += [indent + first + " ", *(p + " " for p in rest), *gap]
    out += ["", "", "Definitions", "PRELIMINARY TRANSCRIPT: \"Preliminary Transcript\" indicates",
            "", "Disclaimer", "Thomson Reuters reserves the right to make changes.",
            "Copyright 2019 Thomson Reuters. All Rights Reserved."]  # fmt: skip
    return "\n".join(out)


def _se_label_like(paragraph: str) -> bool:
    """A paragraph ending in a counter, as the layout's speaker lines do (``Name    [3]``)."""
    return bool(re.match(r"^(?:Operator|[^,]+,.*)\s{2,}\[\d+\]\s*$", paragraph))


@settings(max_examples=80, deadline=None)
@given(calls(), st.booleans())
# A speaker who says just "Presentation" was read as a new section (their turn and label lost).
@example(_small_call(ONEIL, ANALYSTS[0], "Presentation"), False)
# LSEG speech ending in "[2]" was read as a speaker line naming a speaker "the".
@example(_small_call(ONEIL, ANALYSTS[0], "the [2]"), True)
def test_streetevents_calls_keep_every_word_speaker_and_exchange(call: Call, lseg: bool) -> None:
    text = _streetevents(call, lseg)
    parsed = _read(text, "generated.txt", "streetevents")
    assert lost_words(text, parsed) == []
    if not any(_se_label_like(p) for s in call.speeches for p in s.paragraphs):
        assert _spoken(parsed) == [s.speaker for s in call.speeches]
        _assert_firms_kept(parsed, call, COMPANY)
        _assert_exchanges_follow_introductions(parsed, call)


# ---- Motley Fool: classic page, 2025+ page, JSON export ---------------------------------------


def _mf_label(call: Call, speaker: str) -> str:
    if speaker == OPERATOR:
        return OPERATOR
    titles = dict(call.executives)
    if speaker in titles:
        return f"{speaker}--{titles[speaker]}"
    return f"{speaker}--{call.firm(speaker)} -- Analyst"


def _scraper_header(quarter: str) -> list[str]:
    return ["=" * 70, "Earnings Call Transcript", f"Company: {COMPANY} (Acme)", "Ticker: ACME",
            f"Quarter: {quarter}", "Source: motley_fool",
            "URL: https://www.fool.com/earnings/call-transcripts/2024/05/31/acme-q1/",
            "=" * 70, ""]  # fmt: skip


_SITE_END = [
    "This article is a transcript of this conference call produced for The Motley Fool. While "
    "we strive for our Foolish Best, there may be errors, omissions, or inaccuracies.",
    "", "Stocks Mentioned", "",
]  # fmt: skip


def _motley_fool_classic(call: Call) -> str:
    out = [
        *_scraper_header("Q1 2025"),
        f"{COMPANY}(ACME+2.97%)Q1 2025 Earnings CallMay 30, 2024,5:00 p.m. ET", "",
        "Prepared Remarks", "", "Questions and Answers", "", "Call Participants", "",
        "Prepared Remarks:", "",
    ]  # fmt: skip
    for speech in call.prepared:
        out += [_mf_label(call, speech.speaker), ""]
        out += [line for p in speech.paragraphs for line in (p, "")]
    out += ["Questions & Answers:", ""]
    for speech in (s for e in call.exchanges for s in e):
        out += [_mf_label(call, speech.speaker), ""]
        out += [line for p in speech.paragraphs for line in (p, "")]
    out += ["Duration: 0 minutes", "", "Call participants:", ""]
    for name, _ in (*call.executives, *call.analysts):
        out += [_mf_label(call, name), ""]
    out += ["More ACME analysis", "", "All earnings call transcripts", "", *_SITE_END]
    return "\n".join(out)


def _mf_classic_label_like(paragraph: str) -> bool:
    # "Name--Title" has no space before the dashes; a lone "Operator" is the operator's label.
    return paragraph == OPERATOR or bool(re.match(r"^\S+--", paragraph))


def _motley_fool_2025(call: Call, squashed: bool) -> str:
    out = [*_scraper_header("Q1 2025"), "Thursday, May 30, 2024, at 5:00 p.m. ET", "",
           "Call participants", ""]  # fmt: skip
    out += [line for name, title in call.executives for line in (f"{title} — {name}", "")]
    out += ["Total revenue-- $451 million, up 22% year over year.", "",
            "Industry glossary", "", "Atlas: The company's cloud database service.", "",
            "Full Conference Call Transcript", ""]  # fmt: skip
    colon = ":" if squashed else ": "
    for speech in call.speeches:
        first, *rest = speech.paragraphs
        out += [f"{speech.speaker}{colon}{first}", ""]
        out += [line for p in rest for line in (p, "")]
    out += _SITE_END
    return "\n".join(out)


def _mf_2025_label_like(paragraph: str) -> bool:
    # "Name:Text": a capitalised word or few, then a colon.
    return bool(re.match(r"^[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,4}:", paragraph))


def _motley_fool_json(call: Call, duration: bool) -> str:
    def items(speeches: tuple[Speech, ...]) -> list[dict[str, str]]:
        return [{"speaker": s.speaker, "speech": "\n".join(s.paragraphs)} for s in speeches]

    qa_items = items(tuple(s for e in call.exchanges for s in e))
    if duration:
        qa_items.append({"speaker": "Duration: 72 minutes", "speech": ""})
    data = {
        "header_texts": ["Contents:", "Prepared Remarks:", "Questions and Answers:"],
        "prepared_remarks": items(call.prepared),
        "q_and_a": qa_items,
        "participants": [_mf_label(call, n) for n, _ in (*call.executives, *call.analysts)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


@settings(max_examples=80, deadline=None)
@given(calls())
# "Mary-Kate Smith-Jones--President" was not a label: hyphens were barred from names.
@example(_small_call(HYPHENATED, ANALYSTS[0]))
def test_motley_fool_classic_calls_keep_every_word_speaker_and_exchange(call: Call) -> None:
    text = _motley_fool_classic(call)
    parsed = _read(text, "generated.txt", "motley-fool")
    assert lost_words(text, parsed) == []
    if not any(_mf_classic_label_like(p) for s in call.speeches for p in s.paragraphs):
        assert _spoken(parsed) == [s.speaker for s in call.speeches]
        _assert_firms_kept(parsed, call, COMPANY)
        _assert_exchanges_follow_introductions(parsed, call)


@settings(max_examples=80, deadline=None)
@given(calls(), st.booleans())
# "José Álvarez:" was not a label: names had to start with A-Z.
@example(_small_call(ACCENTED, ANALYSTS[0]), True)
# "... Jean-Luc Martin with Robert W. Baird & Co.." gave the firm "Robert W".
@example(_small_call(ONEIL, BAIRD), False)
def test_motley_fool_2025_calls_keep_every_word_speaker_and_exchange(
    call: Call, squashed: bool
) -> None:
    text = _motley_fool_2025(call, squashed)
    parsed = _read(text, "generated.txt", "motley-fool")
    assert lost_words(text, parsed) == []
    if not any(_mf_2025_label_like(p) for s in call.speeches for p in s.paragraphs):
        assert _spoken(parsed) == [s.speaker for s in call.speeches]
        _assert_firms_kept(parsed, call, COMPANY)
        _assert_exchanges_follow_introductions(parsed, call)


@settings(max_examples=80, deadline=None)
@given(calls(), st.booleans())
# The listed "Jean-Luc Martin--Robert W. Baird & Co. -- Analyst" was not read: its words lost.
@example(_small_call(ONEIL, BAIRD), False)
def test_motley_fool_json_calls_keep_every_word_speaker_and_exchange(
    call: Call, duration: bool
) -> None:
    text = _motley_fool_json(call, duration)
    parsed = _read(text, "generated.txt", "motley-fool-json")
    assert lost_words(text, parsed) == []
    assert _spoken(parsed) == [s.speaker for s in call.speeches]
    _assert_firms_kept(parsed, call, None)
    _assert_exchanges_follow_introductions(parsed, call)


# ---- Congressional hearings and the Congressional Record --------------------------------------

MEMBERS = (
    "Mr. SMITH", "Mrs. McCARTHY of New York", "Ms. VELÁZQUEZ", "Mr. O'BRIEN",
    "Ms. JACKSON-LEE", "The CHAIRMAN", "Mr. Koo", "Mr. DE LA GARZA", "The SPEAKER pro tempore",
)  # fmt: skip


@st.composite
def hearings(draw: st.DrawFn) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label as written, paragraphs) per turn."""
    pool = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4, unique=True))
    turns = st.tuples(st.sampled_from(pool), _SPEECH)
    return tuple(draw(st.lists(turns, min_size=1, max_size=8)))


def _hearing(turns: tuple[tuple[str, tuple[str, ...]], ...], record: bool) -> str:
    """The Congressional Record's two-space indent with page and time markers between paragraphs,
    or a GPO hearing's four-space indent; text hard-wrapped, wrapped lines flush left."""
    indent = "  " if record else "    "
    if record:
        out = ["<html>", "<body><pre>",
               "[Congressional Record Volume 151, Number 99 (Wednesday, July 20, 2005)]",
               "[House]", "[Pages H6190-H6196]", "", "",
               "                     STRENGTHENING SOCIAL SECURITY", ""]  # fmt: skip
    else:
        out = ["<html>", "<body><pre>", "[House Hearing, 111 Congress]",
               "[From the U.S. Government Printing Office]", "", "",
               "                        MONETARY POLICY AND THE", "",
               "    The committee met, pursuant to notice, at 1:30 p.m.", ""]  # fmt: skip
    for n, (label, paragraphs) in enumerate(turns):
        for k, paragraph in enumerate(paragraphs):
            first = f"{indent}{label}. {paragraph}" if k == 0 else indent + paragraph
            wrapped = textwrap.wrap(first, 66, drop_whitespace=True)
            out += [wrapped[0], *wrapped[1:]]
            if record and k == 0 and n % 3 == 2:
                out += ["", f"[[Page H{6190 + n}]]", ""]
            if k == 0 and len(paragraphs) > 1 and n % 5 == 4:
                # a centred heading inside a turn: the same member speaks on after it
                out += ["", "                             General Leave", ""]
        if record and n % 4 == 3:
            out += ["", f"                              {{time}}  21{n:02d}", ""]
    out += ["", "", "</pre></body>", "</html>"]
    return "\n".join(out)


def _hearing_label_like(paragraph: str) -> bool:
    """A paragraph that opens with a speaker label of its own, or reads as an upper-case
    heading."""
    from site_builder.readers.hearing.people import LABEL

    letters = [c for c in paragraph if c.isalpha()]
    return bool(LABEL.match("    " + paragraph)) or (
        len(letters) >= 3 and all(c.isupper() for c in letters)
    )


@settings(max_examples=80, deadline=None)
@given(hearings(), st.booleans())
# "Ms. VELÁZQUEZ." was not a label: her speech went to the previous member (or, as the only
# label, the file was not even detected as a hearing).
@example((("Mr. SMITH", ("the",)), ("Ms. VELÁZQUEZ", ("the",))), True)
@example((("Ms. VELÁZQUEZ", ("the",)),), False)
def test_hearings_keep_every_word_and_speaker(
    turns: tuple[tuple[str, tuple[str, ...]], ...], record: bool
) -> None:
    text = _hearing(turns, record)
    parsed = _read(text, "generated.htm.txt", "hearing")
    assert lost_words(text, parsed) == []
    if not any(_hearing_label_like(p) for _, ps in turns for p in ps):
        spoken = [t for t in parsed.turns if t.speaker]
        for before, after in itertools.pairwise(spoken):
            assert after.label or after.speaker == before.speaker
        spoken = [t for t in spoken if t.label]
        assert [t.label for t in spoken] == [label for label, _ in turns]
        # one participant per label: the same label is the same person every time
        by_label = {t.label: t.speaker for t in spoken}
        assert [by_label[label] for label, _ in turns] == [t.speaker for t in spoken]
        assert len(set(by_label.values())) == len(by_label)
