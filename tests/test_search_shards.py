"""The search index in shards: one search over every call, filters across shards, and shards
reused by a build in another process only where their pages are unchanged.

Twelve generated calls are cut into four shards of three (the shard size is lowered for the
test; a real site has about a hundred calls per shard). Each call says one made-up word no other
call says, so a search for it must find that call, whichever shard holds it.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corpusgen import generate
from site_builder.incremental.builder import build
from site_builder.output import manifest, search_shards, shard_cache
from site_builder.preview.search import SearchRefresher
from site_builder.urls import SEARCH_BUNDLE, Urls

from .browser import static_server
from .test_incremental import _tree

RESULT_LINKS = ".pagefind-ui__result-title a.pagefind-ui__result-link"
SHARD_SIZE = 3


_WORDS = (
    "quibblewick",
    "marzipanoid",
    "thrumbolic",
    "galvorene",
    "plinketry",
    "soggardine",
    "brontaxial",
    "whifflebeam",
    "crandolite",
    "yarvistent",
    "fenumbrous",
    "jostlewane",
)


def _word(n: int) -> str:
    return _WORDS[n]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve calls, each with a word of its own at the end of its longest paragraph."""
    out = tmp_path_factory.mktemp("shards12")
    generate.generate(12, out, seed=3, with_hugo=False)
    for n, call in enumerate(sorted((out / "content" / "transcripts").glob("*.txt"))):
        text = call.read_text(encoding="utf-8")
        paragraph = max(text.split("\n"), key=len)
        call.write_text(text.replace(paragraph, f"{paragraph} We call it {_word(n)}."), "utf-8")
    return out / "content"


def _small_shards() -> dict[str, str]:
    """The environment of a build in another process with shards of three calls."""
    return {search_shards.SHARD_ENV: str(SHARD_SIZE)}


@pytest.fixture(scope="module")
def sharded(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("sharded") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "AVERAGE", 2**20)  # shards cut by size alone
        patch.setenv(search_shards.SHARD_ENV, str(SHARD_SIZE))
        result = build(content, output, base_url="/")
    assert result.ok
    return output


def test_the_index_is_cut_into_shards_listed_for_the_search_page(sharded: Path) -> None:
    listing = json.loads((sharded / SEARCH_BUNDLE / search_shards.SHARDS_FILE).read_text())
    assert len(listing["shards"]) == 4
    for shard in listing["shards"]:
        fragments = list((sharded / SEARCH_BUNDLE / shard / "fragment").glob("*.pf_fragment"))
        assert len(fragments) == SHARD_SIZE


@pytest.mark.browser
def test_a_search_finds_the_words_of_every_call_whichever_shard_holds_it(
    sharded: Path, content: Path, page: Any
) -> None:
    calls = sorted(p.stem for p in (content / "transcripts").glob("*.txt"))
    urls = Urls("/")
    with static_server(sharded) as base:
        for n, slug in enumerate(calls):
            page.goto(f"{base}search/?q={_word(n)}")
            first = page.locator(RESULT_LINKS).first
            first.wait_for(timeout=15000)
            # Every shard's hits carry the words searched for, for the page to mark them.
            wanted = f"{urls.transcript(slug)}?pagefind-highlight={_word(n)}"
            assert first.get_attribute("href").startswith(wanted), slug
            # And excerpts as short as the first shard's (the UI sets 12 words on it alone).
            excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
            assert len(excerpt.split()) <= 12, (slug, excerpt)


@pytest.mark.browser
def test_filters_offer_the_values_of_every_shard_and_narrow_across_them(
    sharded: Path, content: Path, page: Any
) -> None:
    calls = sorted(p.stem for p in (content / "transcripts").glob("*.txt"))
    with static_server(sharded) as base:
        page.goto(f"{base}search/?q=quarter")
        page.locator(RESULT_LINKS).first.wait_for(timeout=30000)
        page.get_by_role("button", name="Filters").click()  # the groups wait behind it
        page.locator(".pagefind-ui__filter-name", has_text="Quarter").click()
        quarters = page.locator("input[name=quarter]").evaluate_all("i => i.map(e => e.value)")
        assert len(quarters) == len(calls), "every call's quarter, from all four shards"
        # A quarter held by the last shard alone leaves that call's page as the only result.
        last = json.loads(
            (sharded / "transcripts" / f"{calls[-1]}.json").read_text(encoding="utf-8")
        )
        event = last["event"]
        quarter = f"{event['quarter']} {event['year']}"
        page.locator(f'input[name=quarter][value="{quarter}"]').check()
        wanted = Urls("/").transcript(calls[-1])
        page.wait_for_function(
            """([selector, wanted]) => {
                const links = [...document.querySelectorAll(selector)];
                return links.length > 0 && links.every(a => a.pathname.startsWith(wanted));
            }""",
            arg=[RESULT_LINKS, wanted],
            timeout=15000,
        )


def _build(
    content: Path, output: Path, cache: Path, jobs: int = 1
) -> subprocess.CompletedProcess[str]:
    """``site-builder build`` with search, in a new process, shards of three calls."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "site_builder", "build", "--content", str(content)),
            *("--output", str(output), "--jobs", str(jobs), "--cache-dir", str(cache)),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **_small_shards()},
    )
    assert done.returncode == 0, done.stderr
    return done


def _stored(cache: Path) -> set[str]:
    return {p.name for p in (cache / "search").iterdir() if not p.name.startswith(".")}


def test_a_fresh_process_reindexes_only_the_edited_calls_shard(
    content: Path, tmp_path: Path
) -> None:
    edited = tmp_path / "content"
    shutil.copytree(content, edited)
    cache = tmp_path / "cache"
    output = tmp_path / "site"
    _build(edited, output, cache)
    before = _stored(cache)
    assert len(before) == 4
    call = sorted((edited / "transcripts").glob("*.txt"))[7]
    call.write_text(call.read_text(encoding="utf-8") + "\nOperator: Goodbye, xanthic.\n", "utf-8")
    _build(edited, output, cache)
    assert len(_stored(cache) - before) == 1, "one shard indexed again, three reused"
    # What the reused shards and the new one give is what a build from nothing gives.
    _build(edited, tmp_path / "cold", tmp_path / "empty-cache")
    assert _tree(output) == _tree(tmp_path / "cold")
    # The manifest takes the index's digests from the cache instead of reading every file: they
    # must be those of the bytes published, or a later build would trust the wrong files.
    for site in (output, tmp_path / "cold"):
        listed = manifest.read(site) or {}
        assert any(rel.startswith(f"{SEARCH_BUNDLE}/") for rel in listed)
        assert {rel for rel in _tree(site)} == set(listed)
        for rel, entry in listed.items():
            content = (site / rel).read_bytes()
            assert (entry.digest, entry.size) == (manifest.digest(content), len(content)), rel


def test_a_corrupt_or_foreign_search_cache_is_ignored_with_a_warning(
    content: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _build(content, tmp_path / "first", cache)
    stored = sorted((cache / "search").iterdir())
    index = next((stored[0] / "index").glob("*.pf_index"))
    index.write_bytes(b"not an index")  # changed under the cache
    (stored[1] / shard_cache.ENTRY_FILE).write_text("{}")  # not one of ours
    again = _build(content, tmp_path / "second", cache)
    assert "warning: ignored 2 search cache entries" in again.stderr
    _build(content, tmp_path / "cold", tmp_path / "empty-cache")
    assert _tree(tmp_path / "second") == _tree(tmp_path / "cold")


def test_shards_indexed_two_at_a_time_give_the_same_site(content: Path, tmp_path: Path) -> None:
    """With two cores, two Pagefind runs index shards at once; the bundle must not depend on
    which finished first."""
    _build(content, tmp_path / "one", tmp_path / "cache-1", jobs=1)
    _build(content, tmp_path / "two", tmp_path / "cache-2", jobs=2)
    assert len(_stored(tmp_path / "cache-2")) == 4
    assert _tree(tmp_path / "two") == _tree(tmp_path / "one")


def test_a_shards_key_is_the_same_from_the_writers_digests_as_from_the_pages(
    sharded: Path,
) -> None:
    """The build and the preview key shards by the digests their manifests hold; a page they
    do not know is read. Both must give one key, or the cache would never be reused across them."""
    shards = search_shards.plan(search_shards.pages_to_index(sharded), 10**6, SHARD_SIZE)
    served = manifest.read(sharded)
    assert served is not None
    digests = {rel: entry.digest for rel, entry in served.items()}
    for shard in shards:
        read = search_shards.shard_key(sharded, shard)
        assert search_shards.shard_key(sharded, shard, digests) == read
        assert search_shards.shard_key(sharded, shard, {shard.pages[0]: "0" * 32}) != read


def test_search_is_indexed_after_the_process_that_made_the_pages_has_exited(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-off build loads and renders in a child process, so Pagefind does not run beside a
    process still holding the whole archive (at 10,000 calls, 1.5 GB beside Pagefind's 1.2)."""
    from site_builder import pipeline
    from site_builder.output import search

    seen: dict[str, int] = {}
    render, index = pipeline.render.render_into, search.index_site

    def rendering(*args: Any, **kwargs: Any) -> Any:
        (tmp_path / "rendered-by").write_text(str(os.getpid()))
        return render(*args, **kwargs)

    def indexing(*args: Any, **kwargs: Any) -> None:
        seen["indexed by"] = os.getpid()
        seen["renderer alive"] = os.path.exists(f"/proc/{(tmp_path / 'rendered-by').read_text()}")
        index(*args, **kwargs)

    monkeypatch.setattr(pipeline.render, "render_into", rendering)
    monkeypatch.setattr(search, "index_site", indexing)
    output = tmp_path / "site"
    assert build(content, output).ok
    assert int((tmp_path / "rendered-by").read_text()) != os.getpid()
    assert seen == {"indexed by": os.getpid(), "renderer alive": False}
    assert (output / SEARCH_BUNDLE / search_shards.SHARDS_FILE).is_file()
    assert (output / "transcripts").is_dir()
    assert not (tmp_path / ".site.site-builder-standby").exists()  # a first build swaps none


def test_pinned_pages_each_get_a_shard_of_their_own_and_the_rest_keep_theirs() -> None:
    pages = [f"transcripts/c{n:02}/index.html" for n in range(9)]
    shards = search_shards.plan(pages, 10**6, SHARD_SIZE)
    pinned = search_shards.pin(shards, {pages[1], pages[4], pages[5]})
    assert [s.pages for s in pinned] == [
        (pages[0], pages[2]),
        (pages[1],),
        (pages[3],),
        (pages[4],),
        (pages[5],),
        tuple(pages[6:9]),
    ]
    assert pinned[-1] == shards[-1]  # untouched: the same shard, found in the cache
    assert len({s.name for s in pinned}) == len(pinned)
    assert search_shards.pin(shards, set()) == shards


def _bundle_files(generation: Path) -> dict[str, int]:
    """Each file of a preview generation's search bundle, with its inode."""
    bundle = generation / SEARCH_BUNDLE
    return {p.relative_to(bundle).as_posix(): p.stat().st_ino for p in bundle.rglob("*.pf_*")}


def test_the_preview_indexes_a_call_saved_again_alone(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves one call again and again: its first save takes it out of its shard
    into one of its own, and each later save indexes that one page; the other shards are
    linked from the cache (the same files), and the new words are in the call's shard."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SITE_BUILDER_CACHE_DIR", raising=False)
    site = tmp_path / "content"
    shutil.copytree(content, site)
    output = tmp_path / "site"
    assert build(site, output, base_url="/", search=False).ok
    refresher = SearchRefresher(output)
    refresher.start()
    try:
        assert refresher.index_once() and refresher.pinned == []
        call = sorted((site / "transcripts").glob("*.txt"))[5]
        page = f"transcripts/{call.stem}/index.html"
        generations = []
        for old, new in ((_word(5), "zorblattic"), ("zorblattic", "quenthimble")):
            call.write_text(call.read_text(encoding="utf-8").replace(old, new), "utf-8")
            assert build(site, output, base_url="/", search=False).ok
            assert refresher.index_once()
            assert refresher.pinned == [page]
            generation = refresher.bundle()
            assert generation is not None
            generations.append(generation.parent)
            listing = json.loads((generation / search_shards.SHARDS_FILE).read_text())
            alone = f"{search_shards.plan([page])[0].name}/"
            assert alone in listing["shards"]
            fragments = list((generation / alone / "fragment").glob("*.pf_fragment"))
            assert len(fragments) == 1
            words = gzip.decompress(fragments[0].read_bytes()).decode("utf-8", "replace")
            assert new in words and old not in words
        before, after = (_bundle_files(g) for g in generations)
        kept = {rel for rel in after if not rel.startswith(alone)}
        assert kept and all(after[rel] == before[rel] for rel in kept)
        assert all(after[rel] != before.get(rel) for rel in set(after) - kept)
    finally:
        refresher.stop()
