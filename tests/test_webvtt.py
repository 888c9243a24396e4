"""WebVTT captions: speakers from cue prefixes and voice tags, merged cues, kept notes."""

from __future__ import annotations

from site_builder import readers
from site_builder.model import ParsedTranscript, SourceText
from site_builder.readers import webvtt

from .corpus_check import CORPUS, parse_file


def _parse(text: str) -> ParsedTranscript:
    return webvtt.parse(SourceText("captions.vtt", text, "utf-8"))


def test_zoom_cues_merge_per_speaker_and_unlabelled_cues_continue() -> None:
    parsed = parse_file(CORPUS / "webvtt" / "zoom_webinar_numbered_cues_name_colon.vtt")
    assert [p.name for p in parsed.participants] == [
        "Andrew Knight",
        "Paul McCartney",
        "George Harrison",
        "Ringo Starr",
        "John Lennon",
    ]
    first = parsed.turns[0]
    # Cues 1-4 are all Andrew Knight's: one turn, stamped with the first cue's start.
    assert (first.speaker, first.timestamp, first.line) == ("andrew-knight", "00:00:04", 3)
    assert first.paragraphs[0].startswith("Okay, so we're recording. We're streaming We have")
    assert "Gonna make her a host to" in first.paragraphs[0]
    # Cue 34 'And that' has no speaker: it joins the turn of whoever spoke before it.
    holder = next(t for t in parsed.turns if any("And that" in p for p in t.paragraphs))
    assert holder.speaker != "" and holder.line < 136
    assert len(parsed.turns) == 30


def test_msstream_notes_kept_as_boilerplate_and_no_speakers_invented() -> None:
    parsed = parse_file(CORPUS / "webvtt" / "msstream_note_confidence_no_speakers.vtt")
    assert [p.name for p in parsed.participants] == ["Unknown speaker"]
    speech = [t for t in parsed.turns if t.speaker]
    assert [t.paragraphs[0] for t in speech] == [
        "Hi Microsoft Stream.",
        "Welcome to the show today on this",
        "station.",
        "We are in a tenant with sausages.",
    ]
    assert [t.timestamp for t in speech] == ["00:00:12", "00:00:16", "00:00:21", "00:00:23"]
    notes = [t.paragraphs[0] for t in parsed.turns if not t.speaker]
    assert notes[0] == 'NOTE duration:"00:00:29.5060000"'
    assert any(w.kind == "speaker" for w in parsed.warnings)


def test_voice_tags_karaoke_timestamps_and_styling() -> None:
    parsed = _parse(
        "WEBVTT - a title\n\nSTYLE\n::cue { color: red }\n\n"
        "00:01.000 --> 00:02.000\n<v Ada Lovelace>Hello <00:01.500><c>there</c></v>\n\n"
        "00:02.500 --> 00:04.000\n<v Ada Lovelace>friends.\n\n"
        "01:00:03.000 --> 01:00:04.000 align:start\n<v.loud Charles Babbage>Hi Ada.\n\n"
        "01:00:05.000 --> 01:00:06.000\nno tag here\n"
    )
    speech = [t for t in parsed.turns if t.speaker]
    assert [(t.speaker, t.timestamp, t.paragraphs) for t in speech] == [
        ("ada-lovelace", "00:00:01", ("Hello there friends.",)),
        ("charles-babbage", "01:00:03", ("Hi Ada. no tag here",)),
    ]
    assert [t.paragraphs for t in parsed.turns if not t.speaker] == [
        ("- a title",),
        ("STYLE", "::cue { color: red }"),
    ]


def test_detection_needs_the_header() -> None:
    assert webvtt.detect("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n") == 1.0
    assert webvtt.detect("Alice: WEBVTT is a format\n") == 0.0
    assert readers.choose("\ufeffWEBVTT\n")[0] is webvtt
