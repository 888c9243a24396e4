"""The ``parse`` JSON schema: what ``site-builder parse`` prints and the site publishes."""

from __future__ import annotations

import json
from typing import Any

from .model import ParsedTranscript


def parsed_to_dict(parsed: ParsedTranscript) -> dict[str, Any]:
    event = parsed.event
    return {
        "title": parsed.title,
        "date": event.date,
        "format": parsed.format,
        "encoding": parsed.encoding,
        "source": parsed.source,
        "event": {
            "kind": event.kind,
            "company": event.company,
            "ticker": event.ticker,
            "exchange": event.exchange,
            "quarter": event.quarter,
            "year": event.year,
            "date": event.date,
            "time": event.time,
            "timezone": event.timezone,
        },
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "organization": p.organization,
                "group": p.group,
                "line": p.line,
            }
            for p in parsed.participants
        ],
        "sections": [
            {"id": s.id, "title": s.title, "kind": s.kind, "line": s.line} for s in parsed.sections
        ],
        "turns": [
            {
                "id": t.id,
                "speaker": t.speaker,
                "label": t.label,
                "section": t.section,
                "exchange": t.exchange,
                "timestamp": t.timestamp,
                "paragraphs": list(t.paragraphs),
                "line": t.line,
            }
            for t in parsed.turns
        ],
        "exchanges": [
            {
                "id": e.id,
                "asker": e.asker,
                "turns": list(e.turns),
                "topics": list(e.topics),
                "line": e.line,
            }
            for e in parsed.exchanges
        ],
        "warnings": [
            {"line": w.line, "kind": w.kind, "message": w.message} for w in parsed.warnings
        ],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
