"""Who speaks in a StreetEvents transcript: the participant lists and the speaker lines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from site_builder.model import Group, SectionKind
from site_builder.readers.common.base import TranscriptBuilder
from site_builder.readers.common.participant_lines import split_entry
from site_builder.slugs import name_key

# "Firm - Title", "Firm -" (no title), "-" (neither): the dash needs a space before it, so a
# hyphenated firm (Hewlett-Packard) stays whole.
FIRM_TITLE = re.compile(r"^(?P<firm>.*?)\s+-(?:\s+(?P<title>.*))?$")


def split_firm_title(text: str) -> tuple[str | None, str | None]:
    """``Apple Inc. - VP Finance, CFO`` -> (``Apple Inc.``, ``VP Finance, CFO``)."""
    match = FIRM_TITLE.match(" " + text.strip())
    if not match:
        return (text.strip() or None), None
    firm, title = match.group("firm").strip(), (match.group("title") or "").strip()
    return firm or None, title or None


class People:
    """Participants of one transcript, found by list entry or by speaker line, never twice."""

    def __init__(self, builder: TranscriptBuilder) -> None:
        self.b = builder
        self._by_key: dict[str, str] = {}

    def group_for_list(self, heading_word: str) -> str:
        """``Corporate`` / ``Company`` list -> company; ``Conference Call`` -> analyst; else ""."""
        word = heading_word.lower()
        if word in ("corporate", "company"):
            return Group.COMPANY
        return Group.ANALYST if word else ""

    def company_organization(self) -> str | None:
        orgs = Counter(
            p.organization
            for p in self.b.participants
            if p.group == Group.COMPANY and p.organization
        )
        return orgs.most_common(1)[0][0] if orgs else None

    def listed(self, name: str, firm_line: str | None, group: str | None, line: int) -> None:
        """A `` * Name`` entry; a name listed again (the repeat after the copyright) adds nobody."""
        name, after = split_entry(name)  # " * Name;Title" or " * Name, Title" on one line
        firm, title = split_firm_title(firm_line or "")
        if after and not firm_line:
            firm, title = split_firm_title(after) if " - " in after else (None, after)
        if name_key(name) in self._by_key:
            # Listed again: adds nobody, but completes an entry that lacked its firm line.
            self._complete(self._by_key[name_key(name)], firm, title)
            return
        if name.lower() == "operator" or not group:  # LSEG lists the operator as a participant
            group = self._infer_group(name, firm, title, "")
        self._add(name, firm, title, group, line)

    def speaker(self, label: str, line: int, section_kind: str) -> str:
        """The participant id for a speaker line's label (``Name,  Firm - Title``)."""
        name, rest = self._split_label(label)
        key = name_key(name)
        firm, title = split_firm_title(rest)
        if key in self._by_key:
            pid = self._by_key[key]
            self._note_alias(pid, name)
            self._complete(pid, firm, title)
            return pid
        group = self._infer_group(name, firm, title, section_kind)
        return self._add(name, firm, title, group, line)

    def unknown(self, line: int) -> str:
        self.b.warn(line, "text before any speaker line: shown as an unknown speaker", "speaker")
        key = name_key("Unknown speaker")
        if key not in self._by_key:
            self._add("Unknown speaker", None, None, Group.UNKNOWN, line)
        return self._by_key[key]

    def _split_label(self, label: str) -> tuple[str, str]:
        # A listed name may itself hold a comma ("Smith, Jr."): try the listed names first.
        text = label.strip().rstrip(",").strip()
        for participant in sorted(self.b.participants, key=lambda p: -len(p.name)):
            if text.startswith(participant.name):
                rest = text[len(participant.name) :].lstrip()
                if not rest or rest.startswith(","):
                    return participant.name, rest[1:].strip()
        name, _, rest = text.partition(",")
        return name.strip(), rest.strip()

    def _infer_group(self, name: str, firm: str | None, title: str | None, section: str) -> str:
        lowered = name.lower()
        if lowered == "operator":
            return Group.OPERATOR
        company = self.company_organization()
        if "company representative" in lowered or (firm and company and firm == company):
            return Group.COMPANY
        if title and "analyst" in title.lower():
            return Group.ANALYST
        if firm and section == SectionKind.QA:
            return Group.ANALYST
        return Group.UNKNOWN

    def _add(self, name: str, firm: str | None, title: str | None, group: str, line: int) -> str:
        participant = self.b.add_participant(
            name, role=title, organization=firm, group=group, line=line
        )
        self._by_key[name_key(name)] = participant.id
        return participant.id

    def _complete(self, pid: str, firm: str | None, title: str | None) -> None:
        """A listed participant whose firm or title line is missing from the list takes them
        from their speaker line, which names both."""
        for i, participant in enumerate(self.b.participants):
            if participant.id == pid and (
                (firm and not participant.organization) or (title and not participant.role)
            ):
                self.b.participants[i] = replace(
                    participant,
                    organization=participant.organization or firm,
                    role=participant.role or title,
                )

    def _note_alias(self, pid: str, name: str) -> None:
        """``C.J. Muse`` on a speaker line for ``CJ Muse`` in the list: remember the spelling."""
        for i, participant in enumerate(self.b.participants):
            if (
                participant.id == pid
                and name != participant.name
                and name not in participant.aliases
            ):
                self.b.participants[i] = replace(participant, aliases=(*participant.aliases, name))
