"""Write an ``Archive`` as a site-builder content folder, in the seed's Seeking Alpha layout.

content/site.yaml, content/transcripts/<slug>.txt (+ <slug>.yaml for annotated calls),
content/speakers.yaml, content/organizations.yaml, content/topics.yaml.

The annotation YAML is deliberately conservative (title, summary, per-exchange topics; people,
organisations and topics by id with a name or title) so it stays valid while the schema settles.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .records import Archive, Call, Turn


def transcript_text(call: Call) -> str:
    """The call as Seeking Alpha publishes it: title, participant lists, label lines, paragraphs."""
    lines = [call.title, "Executives"]
    lines += [f"{p.name} – {p.role}" for p in call.executives]
    lines.append("Analysts")
    lines += _analyst_list(call)

    def add(turns: tuple[Turn, ...]) -> None:
        for turn in turns:
            lines.append(turn.label)
            lines.extend(turn.paragraphs)

    add(call.prepared)
    lines += ["Question-and-Answer Session", ""]
    for exchange in call.exchanges:
        add(exchange.turns)
    add(call.closing)
    return "\n".join(lines) + "\n"


def _analyst_list(call: Call) -> list[str]:
    # The list line repeats the label the analyst speaks under (``Name – Firm``).
    labels = {}
    for exchange in call.exchanges:
        question = exchange.turns[1]
        labels.setdefault(question.speaker, question.label)
    return [labels[a.id] for a in call.analysts]


def annotation(call: Call) -> dict[str, object]:
    return {
        "title": f"{call.company.name} Q{call.quarter} {call.year} earnings call",
        "summary": call.summary,
        "exchanges": {
            f"q{number:02d}": {"topics": list(exchange.topics)}
            for number, exchange in enumerate(call.exchanges, start=1)
        },
    }


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_content(archive: Archive, content_dir: Path) -> int:
    """Write the content folder; returns the bytes of transcript text written."""
    transcripts = content_dir / "transcripts"
    transcripts.mkdir(parents=True, exist_ok=True)
    (content_dir / "site.yaml").write_text(
        _dump(
            {
                "title": "Benchmark earnings calls",
                "base_url": "/",
                "language": "en",
                "description": "A generated archive for timing site-builder.",
            }
        ),
        encoding="utf-8",
    )
    total = 0
    for call in archive.calls:
        data = transcript_text(call).encode("utf-8")
        (transcripts / f"{call.slug}.txt").write_bytes(data)
        total += len(data)
        if call.summary is not None:
            (transcripts / f"{call.slug}.yaml").write_text(
                _dump(annotation(call)), encoding="utf-8"
            )
    (content_dir / "speakers.yaml").write_text(
        _dump(
            {
                p.id: {"name": p.name, "role": p.role, "organization": p.organization}
                for p in archive.people
            }
        ),
        encoding="utf-8",
    )
    organizations: dict[str, dict[str, object]] = {}
    for org in archive.organizations:
        entry: dict[str, object] = {"name": org.name}
        if org.ticker:
            entry["ticker"] = org.ticker
        if org.short:
            entry["aliases"] = [org.short]
        organizations[org.id] = entry
    (content_dir / "organizations.yaml").write_text(_dump(organizations), encoding="utf-8")
    (content_dir / "topics.yaml").write_text(
        _dump({topic: {"title": title} for topic, title in archive.topics}), encoding="utf-8"
    )
    return total
