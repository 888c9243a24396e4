"""Property tests: generated transcripts in each of these layouts lose no word, and no reader
crashes on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import readers
from site_builder.load import sources
from site_builder.model import SourceText
from site_builder.readers import fallback, webvtt
from site_builder.readers.name_colon import reader as name_colon

from .corpus_check import corpus_files, lost_words

_WORD = st.text("abcdefghij", min_size=1, max_size=7)
_NAME = st.builds(
    lambda a, b: f"{a.capitalize()} {b.capitalize()}",
    st.text("klmnop", min_size=2, max_size=5),
    st.text("qrstuv", min_size=2, max_size=5),
)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_TURN = st.tuples(st.sampled_from(range(3)), st.lists(_PARAGRAPH, min_size=1, max_size=3))
_TRANSCRIPT = st.tuples(
    st.lists(_NAME, min_size=3, max_size=3), st.lists(_TURN, min_size=1, max_size=12)
)


def _stamp(i: int) -> str:
    return f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}"


def _render(layout: str, names: list[str], turns: list[tuple[int, list[str]]]) -> str:
    out: list[str] = []
    for n, (who, paragraphs) in enumerate(turns):
        name = names[who]
        if layout == "plain":
            out += [f"{name}: {' '.join(paragraphs)}"]
        elif layout == "bold":
            out += [f"**{name}:** {paragraphs[0]}", "", *(p + "\n" for p in paragraphs[1:])]
        elif layout == "paren":
            out += [f"{name} ({_stamp(n * 61)}):", *paragraphs, ""]
        elif layout == "diarised":
            out += [f"Speaker {who}: {' '.join(paragraphs)}", ""]
        elif layout == "talk":
            out += [f"{'QA'[n % 2]} - {' '.join(paragraphs)}", ""]
        elif layout == "front":
            out = out or ["---", f"title: {paragraphs[0]}", "speakers:", f"  - {name}", "---", ""]
            out += [f"{name}: {' '.join(paragraphs)}", ""]
    return "\n".join(out)


def _vtt(voice: bool, names: list[str], turns: list[tuple[int, list[str]]]) -> str:
    out = ["WEBVTT", ""]
    for n, (who, paragraphs) in enumerate(turns):
        for k, paragraph in enumerate(paragraphs):
            start = n * 10 + k
            prefix = f"<v {names[who]}>" if voice else f"{names[who]}: "
            out += [
                str(n * 3 + k + 1),
                f"{_stamp(start)}.000 --> {_stamp(start + 1)}.500",
                prefix + paragraph,
                "",
            ]
    return "\n".join(out)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["plain", "bold", "paren", "diarised", "talk", "front"]), _TRANSCRIPT)
def test_name_colon_layouts_lose_nothing(layout: str, transcript: tuple) -> None:
    text = _render(layout, *transcript)
    parsed = name_colon.parse(SourceText("generated.md", text, "utf-8"))
    assert lost_words(text, parsed) == []


@settings(max_examples=40, deadline=None)
@given(st.booleans(), _TRANSCRIPT)
def test_webvtt_layouts_lose_nothing_and_merge_by_speaker(voice: bool, transcript: tuple) -> None:
    names, turns = transcript
    text = _vtt(voice, names, turns)
    parsed = webvtt.parse(SourceText("generated.vtt", text, "utf-8"))
    assert lost_words(text, parsed) == []
    spoken = [names[who] for who, _ in turns]
    runs = [name for i, name in enumerate(spoken) if i == 0 or spoken[i - 1] != name]
    assert [parsed.participant(t.speaker).name for t in parsed.turns] == runs


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_no_reader_raises_on_arbitrary_text(text: str) -> None:
    for reader in (name_colon, webvtt, fallback):
        assert 0.0 <= reader.detect(text) <= 1.0
        reader.parse(SourceText("random.txt", text, "utf-8"))


def test_no_reader_scores_above_its_max_score_on_the_corpus() -> None:
    """Detection skips a reader whose ``MAX_SCORE`` cannot beat the best so far."""
    for path in corpus_files():
        text = sources.read_source(path).text
        for reader in (*readers.READERS, readers.FALLBACK):
            assert 0.0 <= reader.detect(text) <= reader.MAX_SCORE <= 1.0, (path.name, reader.NAME)


_LINES = st.lists(
    st.sampled_from(
        [
            "WEBVTT",
            "NOTE x",
            "00:01.000 --> 00:02.000",
            "Ann Lee: hi",
            "**Bo:** yo",
            "",
            "---",
            "## Q&A",
            "Q - why",
            "A - because",
            "<v Cy>text",
            "# Title",
            "title: [unclosed",
            "\\[12:00\\] ok",
            "Speaker4: hm",
        ]
    ),
    max_size=30,
).map("\n".join)


@settings(max_examples=80, deadline=None)
@given(_LINES)
def test_no_reader_raises_on_layout_fragments(text: str) -> None:
    for reader in readers.READERS:
        assert 0.0 <= reader.detect(text) <= reader.MAX_SCORE
    for reader in (name_colon, webvtt, fallback):
        parsed = reader.parse(SourceText("fragments.md", text, "utf-8"))
        assert lost_words(text, parsed) == [] or reader is webvtt
