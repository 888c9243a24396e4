"""The long-lived builder (the preview server's): rebuilds redo only what changed, never go stale.

Every edit below is checked against the one thing a user relies on: after a rebuild, the site is
byte for byte what a fresh build of the edited content gives.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from corpusgen import generate
from site_builder.incremental.builder import Builder
from site_builder.render.pages import VERIFY_KEYS_ENV
from site_builder.render.theme import default_theme_dir
from site_builder.urls import MARKER
from site_builder.views import inputs as page_inputs


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MARKER
    }


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def _cold(content: Path, output: Path) -> dict[str, bytes]:
    """A build from nothing: no pages kept, no transcripts from another build's cache."""
    result = Builder(content, output, search=False, jobs=1, once=True).build()
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return _tree(output)


@pytest.fixture(autouse=True)
def verified_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page a rebuild keeps is rendered again and compared, so a key that misses an input
    is an error here even where no test below looks at that page."""
    monkeypatch.setenv(VERIFY_KEYS_ENV, "1")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve generated calls: executives and analysts recur, so person pages span calls."""
    out = tmp_path_factory.mktemp("corpus12")
    generate.generate(12, out, seed=3, with_hugo=False)
    return out / "content"


@pytest.fixture
def site(corpus: Path, tmp_path: Path) -> tuple[Path, Path, Builder]:
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    shutil.copytree(default_theme_dir() / "templates", content / "templates")
    output = tmp_path / "site"
    builder = Builder(content, output, search=False, jobs=2)
    result = builder.build()
    assert result.ok, [str(d) for d in result.diagnostics.errors]
    return content, output, builder


def test_noop_rebuild_writes_nothing(site: tuple[Path, Path, Builder]) -> None:
    _, output, builder = site
    before = _stamps(output)
    result = builder.rebuild()
    assert result.ok and result.files_written == 0
    assert result.pages_made == 0  # returned at once: not even the site's JSON index was made
    assert _stamps(output) == before


def test_transcript_edit_rewrites_its_pages_and_matches_a_cold_build(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    content, output, builder = site
    transcript = sorted((content / "transcripts").glob("*.txt"))[5]
    text = transcript.read_text(encoding="utf-8")
    paragraph = max(text.split("\n"), key=len)
    edited = paragraph + " Margins held up better than the street expected."
    transcript.write_text(text.replace(paragraph, edited, 1), encoding="utf-8")
    before = _tree(output)
    result = builder.rebuild(changed=[transcript])
    after = _tree(output)
    assert result.ok
    rewritten = {rel for rel in after if before.get(rel) != after[rel]}
    page = f"transcripts/{transcript.stem}/index.html"
    assert page in rewritten
    assert "Margins held up better than the street expected." in after[page].decode()
    # Only what shows the call changes: not, for instance, every other call's page.
    other_calls = {
        rel for rel in rewritten if rel.startswith("transcripts/") and transcript.stem not in rel
    }
    assert other_calls <= {"transcripts/index.html"}
    assert result.files_written == len(rewritten) < len(after) / 2
    assert after == _cold(content, tmp_path / "cold")


def test_annotation_edit_matches_a_cold_build(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    content, output, builder = site
    sidecar = sorted((content / "transcripts").glob("*.yaml"))[0]
    text = sidecar.read_text(encoding="utf-8")
    assert "summary:" in text
    sidecar.write_text(
        re.sub(r"summary: .*", "summary: Guidance was raised twice.", text, count=1),
        encoding="utf-8",
    )
    result = builder.rebuild()  # no hint: the builder notices the edit by itself
    assert result.ok and result.files_written > 0
    page = (output / "transcripts" / sidecar.stem / "index.html").read_text(encoding="utf-8")
    assert "Guidance was raised twice." in page
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_speaker_rename_reaches_every_page_that_shows_the_name(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    content, output, builder = site
    speakers = content / "speakers.yaml"
    text = speakers.read_text(encoding="utf-8")
    # The person on the most pages: calls, firms, topics, the people list link to them by name.
    before = _tree(output)
    people = re.findall(r"^([a-z0-9-]+):\n  name: (.+)$", text, flags=re.MULTILINE)

    def linking(person_id: str) -> set[str]:
        link = f'href="/people/{person_id}/"'.encode()
        return {rel for rel, data in before.items() if link in data}

    person_id, name = max(people, key=lambda p: len(linking(p[0])))
    showing = linking(person_id)
    assert len(showing) > 5
    renamed = "Zebedee Quillfeather"
    speakers.write_text(text.replace(f"  name: {name}\n", f"  name: {renamed}\n"), "utf-8")
    result = builder.rebuild()
    assert result.ok
    after = _tree(output)
    for rel in showing:
        assert renamed.encode() in after[rel], f"{rel} still shows only the old name"
    assert after == _cold(content, tmp_path / "cold")


def test_template_edit_rerenders_every_page_using_it(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    content, output, builder = site
    base = content / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("</body>", "<!-- edited-template -->\n</body>", 1), "utf-8")
    result = builder.rebuild()
    assert result.ok
    pages = [p for p in output.rglob("*.html") if "pagefind" not in p.parts]
    assert pages and all("edited-template" in p.read_text(encoding="utf-8") for p in pages)
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_a_broken_rebuild_writes_nothing_and_the_next_good_one_recovers(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    content, output, builder = site
    speakers = content / "speakers.yaml"
    good = speakers.read_text(encoding="utf-8")
    before = _tree(output)
    speakers.write_text(good + "broken: [\n", encoding="utf-8")
    result = builder.rebuild()
    assert not result.ok
    assert any("speakers.yaml" in str(d) for d in result.diagnostics.errors)
    assert _tree(output) == before
    speakers.write_text(good.replace("  role: ", "  role: Acting ", 1), encoding="utf-8")
    assert builder.rebuild().ok
    assert _tree(output) == _cold(content, tmp_path / "cold")


def _sub(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"{pattern!r} not in {path.name}"
    path.write_text(edited, encoding="utf-8")


def _add_turn(call: Path) -> None:
    """One more turn by the call's first listed executive, just before the Q&A."""
    text = call.read_text(encoding="utf-8")
    executive = text.split("\nExecutives\n", 1)[1].split(" – ", 1)[0]
    turn = f"{executive}\nOne more word on margins before we take questions.\n"
    call.write_text(
        text.replace("Question-and-Answer Session", turn + "Question-and-Answer Session", 1),
        "utf-8",
    )


def with_sentence(call: Path, sentence: str, target: Path | None = None) -> None:
    """``call`` with ``sentence`` appended to its longest line, written to ``target`` (a new
    call) or back to ``call``."""
    text = call.read_text(encoding="utf-8")
    paragraph = max(text.split("\n"), key=len)
    (target or call).write_text(text.replace(paragraph, f"{paragraph} {sentence}"), "utf-8")


def _move_first_analyst(call: Path, organization: str) -> None:
    """The call's sidecar says its first listed analyst was with another firm."""
    text = call.read_text(encoding="utf-8")
    listed = text.split("\nAnalysts\n", 1)[1].split("\n", 1)[0]
    analyst = re.split(" [-–] ", listed, maxsplit=1)[0]
    sidecar = call.with_suffix(".yaml")
    notes = sidecar.read_text(encoding="utf-8")
    assert "speakers:" not in notes
    moved = f"speakers:\n  {analyst}:\n    organization: {organization}\n"
    sidecar.write_text(notes + moved, encoding="utf-8")


def test_every_kind_of_edit_in_a_row_matches_a_cold_build(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    """Pages are made again only when their inputs' key changes: each edit here changes an input
    some page shows from another page's source (a title in the next call's links, a role, a
    topic, an organisation's name), so a key that leaves it out leaves a page stale."""
    content, output, builder = site
    calls = sorted((content / "transcripts").glob("*.txt"))
    sidecar = sorted((content / "transcripts").glob("*.yaml"))[1]
    untitled = [c for c in calls if not c.with_suffix(".yaml").exists()]  # title from the text
    edits = {
        "topics of one exchange": lambda: _sub(sidecar, r"^    - \S+$", "    - pricing"),
        "the opening words of the first question": lambda: _sub(
            calls[2], r"(^.* first question .*\n.*\n)", r"\1Good evening. On pricing. "
        ),
        "a turn added": lambda: _add_turn(calls[0]),
        "a call's title line": lambda: _sub(
            untitled[1], r"Earnings Call", "Earnings Conference Call"
        ),
        "a role in one call's participant list": lambda: _sub(
            calls[4], r" – Chief Financial Officer$", " – Finance Chief"
        ),
        # Lists of the call's questions on other people's pages name the asker's firm.
        "a sidecar moving an analyst to another firm": lambda: _move_first_analyst(
            sidecar.with_suffix(".txt"), "goldman-sachs"
        ),
        "a call deleted": lambda: calls[7].unlink(),
        "a call added": lambda: (content / "transcripts" / "zz-added-call.txt").write_bytes(
            calls[2].read_bytes()
        ),
        "the site's title": lambda: _sub(content / "site.yaml", r"^title: .*$", "title: Calls"),
        "an organisation's name": lambda: _sub(
            content / "organizations.yaml", r"^  name: Goldman Sachs$", "  name: Goldman & Co."
        ),
        "a topic's title": lambda: _sub(
            content / "topics.yaml", r"^  title: Pricing$", "  title: Pricing power"
        ),
    }
    for number, (what, edit) in enumerate(edits.items()):
        edit()
        result = builder.rebuild()
        assert result.ok, (what, [str(d) for d in result.diagnostics.errors])
        cold = _cold(content, tmp_path / f"cold{number}")
        assert _tree(output) == cold, f"stale pages after: {what}"


def test_a_sentence_edit_makes_only_the_pages_that_show_the_call(
    site: tuple[Path, Path, Builder],
) -> None:
    content, output, builder = site
    transcript = sorted((content / "transcripts").glob("*.txt"))[5]
    _sub(transcript, r"^(Thank you, operator.*)$", r"\1 Thanks again.")
    result = builder.rebuild()
    assert result.ok
    files = sum(1 for p in output.rglob("*") if p.is_file())
    # The call, its JSON, the pages of people on it, topics it has, and the site-wide pages.
    assert 0 < result.pages_made < files / 3


def test_a_builder_started_on_a_recorded_build_loads_the_site_before_the_first_edit(
    site: tuple[Path, Path, Builder], tmp_path: Path
) -> None:
    """The preview restarted on an unchanged site serves at once from the build record, then
    warms up, so the first save costs what any save costs, not a whole build."""
    content, output, _ = site
    before = _stamps(output)
    restarted = Builder(content, output, search=False, jobs=1)
    first = restarted.build()
    assert first.ok and first.pages_made == 0 and not restarted.warm
    warmed = restarted.warm_up()
    assert warmed.ok and restarted.warm
    assert warmed.files_written == 0 and _stamps(output) == before
    transcript = sorted((content / "transcripts").glob("*.txt"))[3]
    _sub(transcript, r"^(Thank you, operator.*)$", r"\1 Thanks again.")
    edited = restarted.rebuild(changed=[transcript])
    files = sum(1 for p in output.rglob("*") if p.is_file())
    assert edited.ok and 0 < edited.pages_made < files / 3
    assert _tree(output) == _cold(content, tmp_path / "cold")


def test_a_sentence_edit_remakes_the_pages_of_its_speaker_not_of_everyone_on_the_call(
    site: tuple[Path, Path, Builder],
) -> None:
    content, output, builder = site
    transcript = sorted((content / "transcripts").glob("*.txt"))[5]
    people = set(
        re.findall(
            r'href="/people/([^/"]+)/"',
            (output / "transcripts" / transcript.stem / "index.html").read_text(encoding="utf-8"),
        )
    )
    _sub(transcript, r"^(Thank you, operator.*)$", r"\1 Thanks again.")
    result = builder.rebuild()
    assert result.ok
    # Site-wide pages (home, lists, feed, indexes) and the call's JSON are made as well, but
    # not the page of each of the call's people: only the speaker's, and those whose share of
    # the words, as printed to one decimal, moved.
    assert len(people) > 8 and 1 <= result.made_by_kind.get("person", 0) < len(people) / 3


def test_a_page_key_that_misses_an_input_is_caught(
    site: tuple[Path, Path, Builder], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a person page's key blind to what the person said, an edit of their words would
    leave their page stale; the check names the page instead of publishing it."""
    content, output, _ = site
    monkeypatch.setattr(page_inputs, "_quotes", lambda inputs, spec: ())
    builder = Builder(content, output, search=False, jobs=2)
    assert builder.warm_up().ok  # every page made, with keys blind to what people said
    transcript = sorted((content / "transcripts").glob("*.txt"))[5]
    _sub(transcript, r"^(Thank you, operator.*)$", r"\1 Thanks again.")
    result = builder.rebuild()
    assert not result.ok
    stale = [d for d in result.diagnostics.errors if "key did not" in d.message]
    assert stale and all(d.path.startswith("/people/") for d in stale)


def test_with_search_every_rebuild_matches_a_cold_build_index_included(
    corpus: Path, tmp_path: Path
) -> None:
    """The search shards kept from the last build (in the cache folder) and the one indexed
    again after an edit give the bytes a build from nothing gives."""
    content = tmp_path / "content"
    shutil.copytree(corpus, content)
    output = tmp_path / "site"
    builder = Builder(content, output, search=True, jobs=1, cache_dir=tmp_path / "cache")
    assert builder.build().ok
    transcript = sorted((content / "transcripts").glob("*.txt"))[3]
    with_sentence(transcript, "Churn fell.")
    assert builder.rebuild(changed=[transcript]).ok
    after = _tree(output)
    assert any(rel.startswith("pagefind/") for rel in after)
    cold = Builder(content, tmp_path / "cold", search=True, jobs=1, once=True)
    assert cold.build().ok
    assert after == _tree(tmp_path / "cold")
