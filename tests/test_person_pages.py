"""Person, people and topic pages as a reader uses them, read in Chromium from the built files.

A person's remarks come under their event and, within it, under the question they belong to:
its number, who asked, the question's opening words and who answered. Counts that are zero are
not shown. People are listed by family name. A topic page shows the passage it was tagged on.
A site restyles a person's events by overriding one partial.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from site_builder import pipeline
from site_builder.errors import Diagnostics
from site_builder.incremental.builder import build
from site_builder.model import Group, Transcript
from site_builder.text.name_order import sort_key

from .browser import CONTENT

pytestmark = pytest.mark.browser

PASSAGES = """() => [...document.querySelectorAll('.person-event')].map(event => ({
  event: event.querySelector('h2').innerText,
  passages: [...event.querySelectorAll('.passage')].map(p => ({
    heading: p.querySelector('.passage__heading').innerText,
    question: p.querySelector('.passage__heading a').getAttribute('href'),
    quote: (p.querySelector('.passage__question') || {innerText: ''}).innerText,
    answered: (p.querySelector('.passage__answered') || {innerText: ''}).innerText,
    said: [...p.querySelectorAll('.said li')].map(li => ({
      href: li.querySelector('a.said__link').getAttribute('href'),
      label: li.querySelector('a.said__link').innerText,
      text: li.innerText,
    })),
  })),
}))"""


@pytest.fixture(scope="module")
def seed() -> Transcript:
    site = pipeline.load_site(CONTENT, Diagnostics())
    (transcript,) = site.transcripts
    return transcript


def opening(turn: Any, words: int = 8) -> str:
    return " ".join(" ".join(turn.paragraphs).split()[:words])


def person_of(seed: Transcript, name: str) -> str:
    (found,) = [p.id for p in seed.parsed.participants if p.name == name]
    return found


def read(page: Any, path: Path) -> Any:
    page.goto(path.as_uri())
    return page.evaluate(PASSAGES)


def test_a_persons_remarks_come_under_their_event_and_the_question_they_answer(
    demo_site: Path, page: Any, seed: Transcript
) -> None:
    musk = person_of(seed, "Elon Musk")
    turns = {t.id: t for t in seed.parsed.turns}
    names = {p.id: p.name for p in seed.parsed.participants}
    numbers = {t.id: n for n, t in enumerate(seed.parsed.turns, 1)}
    (event,) = read(page, demo_site / "people/elon-musk/index.html")
    assert event["event"] == seed.title
    by_question = {
        p["question"].rsplit("#", 1)[1]: p for p in event["passages"] if "#q" in p["question"]
    }
    spoken_in = [e for e in seed.parsed.exchanges if any(turns[t].speaker == musk for t in e.turns)]
    assert len(spoken_in) >= 10
    assert list(by_question) == [e.id for e in spoken_in], "every question he spoke in, in order"
    for number, exchange in enumerate(seed.parsed.exchanges, 1):
        if exchange not in spoken_in:
            continue
        passage = by_question[exchange.id]
        assert passage["heading"].startswith(f"Question {number} from {names[exchange.asker]}")
        question = next(turns[t] for t in exchange.turns if turns[t].speaker == exchange.asker)
        assert opening(question) in " ".join(passage["quote"].split())
        assert "Elon Musk" in passage["answered"]
        his = [t for t in exchange.turns if turns[t].speaker == musk]
        assert [s["href"].rsplit("#", 1)[1] for s in passage["said"]] == his
        for said, tid in zip(passage["said"], his, strict=True):
            assert opening(turns[tid]) in " ".join(said["text"].split())
            # Labelled by the turn alone: the question is the passage's heading.
            assert said["label"] == f"Turn {numbers[tid]}"


def test_an_analysts_page_shows_their_question_and_who_answered_and_no_zero_counts(
    demo_site: Path, page: Any, seed: Transcript
) -> None:
    jonas = person_of(seed, "Adam Jonas")
    path = demo_site / "people/adam-jonas/index.html"
    (event,) = read(page, path)
    stats = page.evaluate(
        "() => [...document.querySelectorAll('.stats div')].map(d => [d.querySelector('dt')"
        ".innerText, d.querySelector('dd').innerText])"
    )
    labels = [label.lower() for label, _ in stats]
    assert "answers given" not in labels and "questions asked" in labels
    assert all(value != "0" for _, value in stats), stats
    (asked,) = [e for e in seed.parsed.exchanges if e.asker == jonas]
    (passage,) = event["passages"]
    assert passage["question"].endswith(f"#{asked.id}")
    # His own question is his first remark: quoted once, not again above it.
    assert passage["quote"] == ""
    assert "Answered by Elon Musk" in passage["answered"]
    speakers = {t.id: t.speaker for t in seed.parsed.turns}
    assert [s["href"].rsplit("#", 1)[1] for s in passage["said"]] == [
        t for t in asked.turns if speakers[t] == jonas
    ]


def test_a_topic_page_shows_the_question_and_the_answer_it_was_tagged_on(
    demo_site: Path, page: Any, seed: Transcript
) -> None:
    turns = {t.id: t for t in seed.parsed.turns}
    groups = {p.id: p.group for p in seed.parsed.participants}
    names = {p.id: p.name for p in seed.parsed.participants}
    tagged = [e for e in seed.parsed.exchanges if "production-ramp" in e.topics]
    page.goto((demo_site / "topics/production-ramp/index.html").as_uri())
    (event,) = page.evaluate(PASSAGES.replace(".person-event", "main section"))
    assert event["event"] == seed.title
    assert [p["question"].rsplit("#", 1)[1] for p in event["passages"]] == [e.id for e in tagged]
    for passage, exchange in zip(event["passages"], tagged, strict=True):
        question = next(turns[t] for t in exchange.turns if turns[t].speaker == exchange.asker)
        assert opening(question) in " ".join(passage["quote"].split())
        (answer,) = passage["said"]
        tid = answer["href"].rsplit("#", 1)[1]
        speaker = turns[tid].speaker
        assert tid in exchange.turns and speaker != exchange.asker
        assert groups[speaker] != Group.OPERATOR
        assert names[speaker] in answer["text"]
        assert opening(turns[tid]) in " ".join(answer["text"].split())


def test_people_are_listed_by_family_name(demo_site: Path, page: Any) -> None:
    page.goto((demo_site / "people/index.html").as_uri())
    listed = page.locator(".card__title").all_inner_texts()
    assert listed[0] == "Deepak Ahuja" and listed[-1] == "Sanjay Shrestha"
    assert listed == sorted(listed, key=lambda name: name.split()[-1])


def test_particles_one_word_names_and_accents_sort_where_a_reader_looks() -> None:
    names = ["Operator", "Cai von Rumohr", "Zoe Adams", "Ana Álvarez", "Samuel J. Pearlstein Jr."]
    assert sorted(names, key=sort_key) == [
        "Zoe Adams",
        "Ana Álvarez",
        "Operator",
        "Samuel J. Pearlstein Jr.",
        "Cai von Rumohr",
    ]


def test_a_site_restyles_a_persons_events_by_overriding_one_partial(
    tmp_path: Path, page: Any
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "templates" / "partials").mkdir(parents=True)
    (content / "templates" / "partials" / "person_event.html").write_text(
        '{% macro person_event(event) %}<section class="my-event">'
        "<h2>{{ event.transcript.text }}</h2><p>{{ event.summary }}</p></section>\n"
        "{% endmacro %}\n",
        encoding="utf-8",
    )
    result = build(content, tmp_path / "site", base_url="/", search=False)
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    page.goto((tmp_path / "site/people/adam-jonas/index.html").as_uri())
    assert page.locator(".my-event h2").inner_text() == "Tesla Motors Q2 2012 earnings call"
    assert page.locator(".my-event p").inner_text() == "6 turns, asked 1 question"
    assert page.locator(".passage").count() == 0
    # Only the person pages use it: a topic page keeps the theme's passages.
    page.goto((tmp_path / "site/topics/production-ramp/index.html").as_uri())
    assert page.locator(".passage").count() > 0
