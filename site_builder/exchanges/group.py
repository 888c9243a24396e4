"""Group the turns of Q&A sections into exchanges, for every reader alike.

An exchange is one questioner's time: the moderator's introduction (``The next question comes
from Adam Jonas from Morgan Stanley.``), the question, every answer and follow-up, up to the next
introduction. The model of the call:

- A moderator turn (the operator's, or a company host's that introduces an analyst) opens an
  exchange when an analyst then speaks before the moderator's next turn. The asker is the one
  who asks: the analyst introduced when they speak, else the first other analyst who does (a
  no-show's name followed by the next questioner's, a colleague on the line, a nickname or a
  misspelling). Where the name said is not the one who asks, a warning says so.
- With a moderator, an analyst's turn inside someone else's exchange (a late "Thank you.", a
  mislabelled turn) stays there, with a warning; it never opens an exchange.
- Without one, a turn by an analyst who is not the current questioner opens the next exchange.
  An anonymous questioner (a talk's ``Q -``) stands for many people, so each of its questions
  that follows an answer opens an exchange of its own.
- The operator's closing ("That concludes our Q&A") and a company speaker's ("Thanks to everyone
  for joining us") end the current exchange; what follows belongs to none until the next
  introduction.

The questioner is always a participant the reader found; an introduction is never turned into
an invented person. Every analyst introduced with a firm the reader did not find gets that firm.
"""

from __future__ import annotations

from dataclasses import replace

from site_builder.exchanges.firms import check_firm, firms_from_introductions
from site_builder.exchanges.hosts import HOST_REACH, host_turns, reads_out
from site_builder.exchanges.role_evidence import reconcile_groups
from site_builder.exchanges.roles import find_moderators
from site_builder.exchanges.state import Call, Open, Section
from site_builder.model import Exchange, Group, ParsedTranscript, Participant, SectionKind, Turn
from site_builder.readers.common.base import exchange_id
from site_builder.text import phrases as signals
from site_builder.text.introductions import Analysts, find_introduction


def group_exchanges(parsed: ParsedTranscript) -> ParsedTranscript:
    """``parsed`` with exchanges found in its Q&A sections and each member turn marked."""
    qa_sections = {s.id for s in parsed.sections if s.kind == SectionKind.QA}
    if not qa_sections:
        return parsed
    parsed = reconcile_groups(find_moderators(parsed))
    call = Call({p.id: p for p in parsed.participants}, Analysts(parsed.participants))
    turns = parsed.turns
    start = 0
    while start < len(turns):
        end = start
        while end < len(turns) and turns[end].section == turns[start].section:
            end += 1
        if turns[start].section in qa_sections:
            _walk_section(call, turns[start:end])
        start = end
    exchanges = tuple(
        Exchange(exchange_id(n), e.asker, tuple(e.turns), e.line)
        for n, e in enumerate(call.done, 1)
    )
    member = {t: e.id for e in exchanges for t in e.turns}
    new_turns = tuple(
        t if t.exchange == (ex := member.get(t.id)) else _in_exchange(t, ex) for t in turns
    )
    participants = firms_from_introductions(parsed.participants, call.introductions)
    return replace(
        parsed,
        participants=participants,
        turns=new_turns,
        exchanges=exchanges,
        warnings=tuple(parsed.warnings) + tuple(call.warnings),
    )


def _in_exchange(turn: Turn, exchange: str | None) -> Turn:
    """``replace(turn, exchange=exchange)``, made directly: a call has hundreds of Q&A turns, and
    ``dataclasses.replace`` looks every field up by name."""
    return Turn(
        turn.id,
        turn.speaker,
        turn.section,
        turn.paragraphs,
        turn.line,
        turn.label,
        exchange,
        turn.timestamp,
    )


# How far past its own turn a moderator's introduction may wait for its questioner (the operator
# re-opening the line of someone who cannot be heard); bounds the work per turn.
_MAX_WAIT = 40


def _walk_section(call: Call, turns: tuple[Turn, ...]) -> None:
    said = [signals.Said(" ".join(t.paragraphs)) for t in turns]
    texts = [s.text for s in said]
    # The analyst who spoke last before each turn: the one an executive is answering.
    asked_last: list[str | None] = []
    last = None
    for turn in turns:
        asked_last.append(last)
        last = turn.speaker if call.group(turn) == Group.ANALYST else last
    hosted_turns = host_turns(call, turns, texts, asked_last)
    moderator = [
        i in hosted_turns or _moderates(call, turns, said[i], i, asked_last[i])
        for i in range(len(turns))
    ]
    section = Section(
        turns,
        moderator,
        [
            find_introduction(texts[i], call.analysts) if moderator[i] else None
            for i in range(len(turns))
        ],
        said,
    )
    # Someone runs the queue: the operator, or a host who introduces questioner after questioner
    # (one executive's "next question, Kai" does not make a moderator).
    hosted = sum(
        m and call.group(t) == Group.COMPANY for m, t in zip(moderator, turns, strict=True)
    )
    moderated = hosted >= 2 or any(call.group(t) == Group.OPERATOR for t in turns)
    # Closing words end the Q&A only after its last question: an executive's "thanks for your
    # questions" to one analyst, before the next is introduced, stays in that exchange.
    last_analyst = max(
        (i for i, t in enumerate(turns) if call.group(t) == Group.ANALYST), default=-1
    )
    current: Open | None = None
    for i, turn in enumerate(turns):
        group = call.group(turn)
        if moderator[i]:
            current = _moderator_turn(call, section, i, current)
        elif group == Group.ANALYST:
            current = _analyst_turn(call, turn, current, moderated)
        elif group == Group.COMPANY and reads_out(call, turns, i, said[i], current):
            # A host reads out a question sent in writing: an exchange, asked by the reader.
            current = Open(turn.speaker, turn.line, read_out=True)
            call.done.append(current)
        elif (
            current is not None
            and group == Group.COMPANY
            and i >= last_analyst  # checked first: the phrase search is the costly part
            and said[i].closes_as_company
        ):
            current = None  # closing remarks, with no question after them, are in no exchange
        if current is not None:
            current.turns.append(turn.id)
            current.last_speaker = turn.speaker


def _moderates(
    call: Call, turns: tuple[Turn, ...], said: signals.Said, i: int, asked_last: str | None
) -> bool:
    """Whether turn ``i`` is the moderator's: the operator's, or a company host's turn that
    introduces the analyst who speaks next ("Our next question comes from Joe Ritchie")."""
    group = call.group(turns[i])
    if group == Group.OPERATOR:
        return True
    if group != Group.COMPANY or not said.asks_anew:
        return False
    # The first analyst to speak after it, past an executive's "Hey, Henry, you're on mute";
    # one who just spoke is being answered ("to your first question, Nigel"), not introduced.
    for turn in turns[i + 1 : i + 1 + HOST_REACH]:
        following = call.people.get(turn.speaker)
        if following is not None and following.group in (Group.ANALYST, Group.OPERATOR):
            return (
                following.group == Group.ANALYST
                and following.id != asked_last
                and call.analysts.names_last_name(said.text, following)
            )
    return False


def _askers_after(call: Call, section: Section, i: int) -> list[str]:
    """The analysts who speak after turn ``i`` until a moderator introduces someone else: past
    the operator's turns that only re-open the same line ("Bania, your line is open")."""
    turns, intros = section.turns, section.intros
    introduced = intros[i]
    own = introduced.participant if section.moderator[i] and introduced else None
    found: list[str] = []
    for j in range(i + 1, min(len(turns), i + _MAX_WAIT)):
        if section.moderator[j]:
            other = intro.participant if (intro := intros[j]) else None
            text = section.said[j].text
            if found or (other is not None and other is not own):
                break
            again = own is not None and call.analysts.names_last_name(text, own)
            if other is None and not again and section.said[j].asks_anew:
                break
        elif call.group(turns[j]) == Group.ANALYST and turns[j].speaker not in found:
            found.append(turns[j].speaker)
    return found


def _moderator_turn(call: Call, section: Section, i: int, current: Open | None) -> Open | None:
    """The exchange the moderator's turn belongs to, opening or closing one as it says."""
    turn, said = section.turns[i], section.said[i]
    text = said.text
    askers = _askers_after(call, section, i)
    intro = (
        find_introduction(text, call.analysts, prefer={*askers}) if askers else section.intros[i]
    )
    if not askers:
        if said.closes_as_operator or (
            call.group(turn) == Group.COMPANY and said.closes_as_company
        ):
            return None  # "That completes the Q&A ... I will now return you to Mr. Musser"
        if intro is not None:
            call.warn(
                turn.line, f"the moderator introduces {intro.spoken_name!r}, who does not speak"
            )
        return current
    named = intro.participant.id if intro and intro.participant else None
    if named not in askers:
        # "Mig Dobre" for Mircea Dobre: a questioner named by their last name is named
        named = next(
            (a for a in askers if call.analysts.names_last_name(text, call.people[a])), named
        )
    if named in askers:
        asker = named
    else:
        others = [a for a in askers if current is None or a != current.asker]
        asker = (others or askers)[0]
    if current is not None and current.asker == asker and not said.asks_anew:
        return current  # the same questioner's line opened again ("your line is open")
    if intro is not None and named != asker:
        spoken = intro.spoken_name
        if intro.participant is None:
            call.warn(
                turn.line,
                f"the moderator introduces {spoken!r}, who matches no participant; "
                f"{call.name(asker)} asks",
                "speaker",
            )
        else:
            call.warn(
                turn.line,
                f"the moderator introduces {spoken!r}; {call.name(asker)} asks in their place",
                "speaker",
            )
    if intro is not None and intro.participant is not None and intro.participant.id == asker:
        call.introductions.append((intro, asker, turn.line))
        check_firm(turn.line, intro, call.warnings)
    opened = Open(asker, turn.line, introduced=True)
    call.done.append(opened)
    return opened


def _analyst_turn(call: Call, turn: Turn, current: Open | None, moderated: bool) -> Open | None:
    """The exchange an analyst's turn belongs to, opening one where the call's model says so."""
    speaker = call.people[turn.speaker]
    if current is not None and moderated and speaker.id != current.asker:
        if current.asker is not None:
            call.warn(
                turn.line,
                f"{speaker.name} speaks in {call.name(current.asker)}'s exchange, "
                "with no introduction: kept in it",
            )
        return current
    if current is not None and not _opens(speaker, current):
        return current
    opened = Open(speaker.id, turn.line)
    call.done.append(opened)
    return opened


def _opens(speaker: Participant, current: Open) -> bool:
    """Whether an analyst's turn starts a new exchange in a call nobody moderates (an unnamed
    analyst never splits one)."""
    if speaker.id == current.asker:
        # Anonymous "Q -" after an answer is the next question, likely from someone else.
        return (
            speaker.name.lower() in signals.ANONYMOUS_ASKERS
            and not current.introduced
            and current.last_speaker != speaker.id
        )
    return not (speaker.name.lower().startswith(signals.UNIDENTIFIED) and current.asker is not None)
