"""Shared checks over the test corpus: golden summaries and the nothing-lost comparison."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from site_builder import pipeline, readers
from site_builder.load import sources
from site_builder.model import ParsedTranscript

CORPUS = Path(__file__).parent / "corpus"
TRANSCRIPT_SUFFIXES = {".txt", ".md", ".vtt", ".json"}
WORD = re.compile(r"[^\W_]+")

# Words a reader consumes as structure (headings, list titles) rather than speech.
COMMON_STRUCTURE_WORDS = {
    "executives",
    "analysts",
    "operator",
    "company",
    "participants",
    "conference",
    "call",
    "question",
    "and",
    "answer",
    "session",
    "presentation",
    "questions",
    "answers",
    "prepared",
    "remarks",
    "corporate",
    "unidentified",
    "speaker",
    "analyst",
    "representative",
    "participant",
}


def corpus_files() -> list[Path]:
    return sorted(
        p
        for p in CORPUS.rglob("*")
        if p.is_file()
        and not p.name.endswith((".expected.json", ".expected.txt"))  # goldens, not calls
        and p.name != "SOURCES.tsv"
        and (p.suffix in TRANSCRIPT_SUFFIXES or p.name.endswith(".said.txt"))
    )


def parse_file(path: Path) -> ParsedTranscript:
    return pipeline.parse(sources.read_source(path))


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def summary(parsed: ParsedTranscript) -> dict[str, Any]:
    """What a golden file pins: reader, people, turn count, speaker sequence, exchanges."""
    return {
        "format": parsed.format,
        "title": parsed.title,
        "date": parsed.date if hasattr(parsed, "date") else parsed.event.date,
        "participants": [
            [p.id, p.name, p.group, p.role, p.organization] for p in parsed.participants
        ],
        "sections": [[s.id, s.kind] for s in parsed.sections],
        "turn_count": len(parsed.turns),
        "speakers": [t.speaker for t in parsed.turns],
        "exchanges": [[e.id, e.asker, len(e.turns)] for e in parsed.exchanges],
        "warnings": sorted({w.kind for w in parsed.warnings}),
    }


def lost_words(source_text: str, parsed: ParsedTranscript) -> list[str]:
    """Source words that are neither in the paragraphs (in order) nor structure.

    The paragraphs' words must be a subsequence of the source's words (nothing invented, order
    kept); every source word skipped on the way must be one the reader used as structure: a
    name, role, firm, label, section title, the title, or a heading word it declares.
    """
    body = [w for t in parsed.turns for p in t.paragraphs for w in words(p)]
    structure = set(COMMON_STRUCTURE_WORDS)
    reader = readers.by_name(parsed.format)
    structure.update(w.lower() for w in getattr(reader, "STRUCTURE_WORDS", ()))
    texts = [parsed.title, *(s.title for s in parsed.sections), *(t.label for t in parsed.turns)]
    texts += [t.timestamp or "" for t in parsed.turns]
    texts += parsed.dropped  # page furniture (tags, rules, placeholders) the reader left out
    for p in parsed.participants:
        texts += [p.name, p.role or "", p.organization or "", *p.aliases]
    e = parsed.event
    texts += [
        str(v)
        for v in (e.company, e.ticker, e.exchange, e.quarter, e.year, e.date, e.time, e.timezone)
        if v
    ]
    for text in texts:
        structure.update(words(text))
    # A reader of an encoded format (JSON) may say which text its words come from, escapes undone.
    source_text = getattr(reader, "source_words_text", lambda text: text)(source_text)
    lost: list[str] = []
    i = 0
    for word in words(source_text):
        if i < len(body) and word == body[i]:
            i += 1
        elif word not in structure:
            lost.append(word)
    if i < len(body):
        lost.append(f"<paragraph words not found in source order from {body[i]!r}>")
    return lost
