"""The loading stages with a memory: what the last build loaded, kept while its files are unchanged.

A :class:`pipeline.Loader <site_builder.pipeline.Loader>` for the long-lived builder. Each loaded
transcript is kept with the file stamps (modification time, size, inode) of every file loading
it read: the transcript, its sidecar and the site-wide ``speakers.yaml``, ``organizations.yaml``
and ``topics.yaml``. It is loaded again when any of those stamps differs, or when the caller
names one of its files as changed. What this process has not loaded yet may come from the disk
cache (:mod:`site_builder.incremental.transcript_cache`), which other processes filled.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from site_builder import parallel
from site_builder.annotate import sidecars
from site_builder.annotate.site_files import ORGANIZATIONS_FILE, SPEAKERS_FILE, TOPICS_FILE
from site_builder.errors import BuildError, Diagnostic, Diagnostics
from site_builder.incremental import transcript_cache
from site_builder.incremental.stamps import Snapshot, Stamp, stamp
from site_builder.index import openings
from site_builder.load import sources
from site_builder.model import Transcript
from site_builder.pipeline import LoadedTranscript, load_one
from site_builder.progress import Progress
from site_builder.views import inputs as page_inputs
from site_builder.views.inputs import TranscriptInputs

SITE_WIDE_FILES = (SPEAKERS_FILE, ORGANIZATIONS_FILE, TOPICS_FILE)


@dataclasses.dataclass(frozen=True, slots=True)
class _Kept:
    stamps: tuple[Stamp, ...]
    """Of every file loading read: transcript, sidecar, then the site-wide files."""
    loaded: LoadedTranscript
    inputs: page_inputs.TranscriptInputs | None
    """What page keys see of it; new whenever it is loaded again."""
    body_key: str | None = None
    """The disk cache entry holding it whole, when ``loaded`` holds only its openings."""


@dataclasses.dataclass(frozen=True, slots=True)
class CachedLoad:
    """What the disk cache keeps of one transcript: the loaded transcript and what page keys
    see of it, so a build in another process keys its pages with the same values."""

    loaded: LoadedTranscript
    inputs: page_inputs.TranscriptInputs | None


@dataclasses.dataclass(frozen=True, slots=True)
class _SiteFiles:
    stamps: tuple[Stamp, ...]
    annotations: sidecars.SiteAnnotations
    diagnostics: tuple[Diagnostic, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class _Discovered:
    names: frozenset[str]
    found: tuple[sources.SourceFile, ...]
    diagnostics: tuple[Diagnostic, ...]


class TranscriptMemory:
    """Loads what changed since the last build; call :meth:`begin` before each build."""

    def __init__(
        self,
        content_dir: Path,
        jobs: int,
        disk: transcript_cache.TranscriptCache | None,
        *,
        page_keys: bool,
    ) -> None:
        """``page_keys``: keep what page keys see of each transcript (a builder that builds
        again, in this process or, through ``disk``, in another); a one-off build with no disk
        cache needs none.

        With ``disk``, a transcript's token is its disk cache key (a digest of every byte
        loading read, and of the code), so page keys made in one process hold in the next."""
        self.content_dir = content_dir
        self.jobs = jobs
        self.disk = disk
        self.page_keys = page_keys
        self._kept: dict[Path, _Kept] = {}
        self._site_files = _SiteFiles((), sidecars.SiteAnnotations(), ())
        self._discovered: _Discovered | None = None
        self._snapshot: Snapshot = {}
        self._tokens = itertools.count()

    def begin(self, snapshot: Snapshot, changed: Iterable[Path]) -> None:
        """The stamp of every input file, taken at the start of this build; files known to
        differ (an editor's save within the stamps' resolution)."""
        self._snapshot = snapshot
        for path in changed:
            self._kept.pop(path, None)

    def page_inputs(self) -> dict[str, page_inputs.TranscriptInputs] | None:
        if not self.page_keys:
            return None
        return {
            kept.loaded.transcript.slug: kept.inputs
            for kept in self._kept.values()
            if kept.loaded.transcript is not None and kept.inputs is not None
        }

    def site_annotations(self, diagnostics: Diagnostics) -> sidecars.SiteAnnotations:
        stamps = tuple(stamp(self.content_dir / name) for name in SITE_WIDE_FILES)
        if stamps != self._site_files.stamps or not self._site_files.stamps:
            found = Diagnostics()
            loaded = sidecars.load_site_annotations(self.content_dir, found)
            self._site_files = _SiteFiles(stamps, loaded, tuple(found))
        diagnostics.extend(self._site_files.diagnostics)
        return self._site_files.annotations

    def discover(self, diagnostics: Diagnostics) -> Sequence[sources.SourceFile]:
        """:func:`sources.discover`, again only when a file was added or removed."""
        names = frozenset(self._snapshot)
        if self._discovered is None or self._discovered.names != names:
            found = Diagnostics()
            listed = sources.discover(self.content_dir, found)
            self._discovered = _Discovered(names, listed, tuple(found))
        diagnostics.extend(self._discovered.diagnostics)
        return self._discovered.found

    def transcripts(
        self,
        found: Sequence[sources.SourceFile],
        site_annotations: sidecars.SiteAnnotations,
        progress: Progress | None,
    ) -> Sequence[LoadedTranscript]:
        site_stamps = self._site_files.stamps
        stamps = {
            s.path: (self._stamp(s.path), self._stamp(s.annotation_path), *site_stamps)
            for s in found
        }
        missing = [
            s
            for s in found
            if (kept := self._kept.get(s.path)) is None or kept.stamps != stamps[s.path]
        ]
        keys, stored = self._stored(missing)
        missing = [s for s in missing if s.path not in stored]
        if progress is not None:
            progress.stage("reading transcripts", len(missing))
        counted = next(self._tokens) if self.page_keys else None

        def token(path: Path) -> int | str | None:
            return None if counted is None else keys.get(path, counted)

        # With a disk cache to read a call's whole text from again, the builder keeps only the
        # openings of its turns in memory (index/openings.py). The store has a cache object of
        # its own, so a helper process sends back its own complaints, not the builder's that it
        # inherited when it was forked.
        store = None if self.disk is None else _Store(self.disk.fresh(), keys)
        loaded = parallel.run_all(
            [functools.partial(_load, s, site_annotations, token(s.path), store) for s in missing],
            self.jobs,
            progress.advance if progress else None,
        )
        for source, (one, inputs, body_key, problems) in zip(missing, loaded, strict=True):
            self._kept[source.path] = _Kept(stamps[source.path], one, inputs, body_key)
            if self.disk is not None:
                self.disk.ignored.extend(problems)
        for path, cached in stored.items():
            inputs = cached.inputs if self.page_keys else None
            self._kept[path] = _Kept(stamps[path], cached.loaded, inputs, keys[path])
        if self.disk is not None:
            self.disk.report()
        for gone in set(self._kept) - set(stamps):
            del self._kept[gone]
        return [self._kept[s.path].loaded for s in found]

    def bodies(self) -> Callable[[str], Transcript] | None:
        if self.disk is None:
            return None
        files = {s.path: s for s in self._discovered.found} if self._discovered else {}
        stored, held = {}, {}
        for path, kept in self._kept.items():
            call = kept.loaded.transcript
            if call is None:
                continue
            if kept.body_key is None:
                held[call.slug] = call
            else:
                stored[call.slug] = (kept.body_key, files.get(path))
        return WholeText(self.disk, stored, held, self._site_files.annotations)

    def _stamp(self, path: Path | None) -> Stamp:
        # The snapshot's stamp where it has the file: 2,000 fewer stats per rebuild at
        # 1,000 calls, and a file changed since then is seen by the next snapshot.
        return None if path is None else self._snapshot.get(str(path)) or stamp(path)

    def _stored(
        self, found: list[sources.SourceFile]
    ) -> tuple[dict[Path, str], dict[Path, CachedLoad]]:
        """(key of each source, the loaded transcripts the disk cache holds for them)."""
        if self.disk is None:
            return {}, {}
        site_wide = [self.content_dir / name for name in SITE_WIDE_FILES]
        files = {s.path: (s.path, s.annotation_path) for s in found}
        keys, stored = self.disk.lookup(files, site_wide, CachedLoad)
        for path, cached in list(stored.items()):
            # Its whole text must be there for its own page, however long it went unused; what
            # page keys see of it can only be made from the whole text, too.
            if cached.loaded.transcript is not None and (
                (self.page_keys and cached.inputs is None)
                or not self.disk.has(whole_text_key(keys[path]))
            ):
                del stored[path]
        return keys, stored


def whole_text_key(key: str) -> str:
    """The disk cache entry of a call's whole text, beside its entry ``key`` (openings only)."""
    return f"{key}.whole"


@dataclasses.dataclass(frozen=True, slots=True)
class _Store:
    """Where a helper process stores what it loaded, so that only what the builder keeps of it
    travels back: the openings of the turns; the whole text stays in the cache folder."""

    disk: transcript_cache.TranscriptCache
    keys: Mapping[Path, str]

    def put(
        self, path: Path, one: LoadedTranscript, token: int | str | None
    ) -> tuple[LoadedTranscript, TranscriptInputs | None, str | None]:
        """What the builder keeps of ``one``, what page keys see of it, and the cache key of
        its whole text (None: it keeps it whole)."""
        key = self.keys[path]
        if one.transcript is None or not self.disk.put(whole_text_key(key), one.transcript):
            return one, _inputs(one, token), None  # held whole, as without a cache
        one = dataclasses.replace(one, transcript=openings.openings_only(one.transcript))
        inputs = _inputs(one, token)  # from the openings: all that page keys see of turns
        self.disk.put(key, CachedLoad(one, inputs))
        return one, inputs, key


def _load(
    source: sources.SourceFile,
    site_annotations: sidecars.SiteAnnotations,
    token: int | str | None,
    store: _Store | None,
) -> tuple[LoadedTranscript, TranscriptInputs | None, str | None, list[str]]:
    """Runs on any core: one transcript, stored in the disk cache; what the builder keeps of
    it, what page keys see of it (none for a ``token`` of None: a one-off build keeps no pages
    for a next one), the cache key of its whole text (see :meth:`_Store.put`), and the cache's
    complaints."""
    one = load_one(source, site_annotations)
    if store is None:
        return one, _inputs(one, token), None, []
    kept, inputs, body_key = store.put(source.path, one, token)
    problems = list(store.disk.ignored)
    store.disk.ignored.clear()  # in this process: the builder reports them once
    return kept, inputs, body_key, problems


def _inputs(one: LoadedTranscript, token: int | str | None) -> TranscriptInputs | None:
    if token is None or one.transcript is None or one.speech is None:
        return None
    return page_inputs.transcript_inputs(token, one.transcript, one.speech.tally)


class WholeText:
    """A call's whole text, read again from the disk cache when its page is made; the last
    few are kept, because a call's page and its JSON are made one after the other."""

    KEPT = 4

    def __init__(
        self,
        disk: transcript_cache.TranscriptCache,
        stored: Mapping[str, tuple[str, sources.SourceFile | None]],
        held: Mapping[str, Transcript],
        site_annotations: sidecars.SiteAnnotations,
    ) -> None:
        """``stored``: slug -> (cache key, source file) of the calls held as openings only;
        ``held``: the calls held whole."""
        self.disk, self.stored, self.held = disk, stored, held
        self.site_annotations = site_annotations
        self._recent: dict[str, Transcript] = {}

    def __call__(self, slug: str) -> Transcript:
        found = self.held.get(slug) or self._recent.get(slug)
        if found is None:
            found = self._read(slug)
            while len(self._recent) >= self.KEPT:
                del self._recent[next(iter(self._recent))]
            self._recent[slug] = found
        return found

    def _read(self, slug: str) -> Transcript:
        key, source = self.stored[slug]
        entry = whole_text_key(key)
        complaints = len(self.disk.ignored)
        read = self.disk.get(entry)
        if isinstance(read, Transcript):
            return read
        # Spoilt, or removed since this build found it: the call is read from its file again
        # (the warning says so), and the entry goes, so that the next build stores it afresh.
        if read is not None:
            self.disk.ignored.append(f"{self.disk.path(entry)}: not a transcript")
        elif len(self.disk.ignored) == complaints:
            self.disk.ignored.append(f"{self.disk.path(entry)}: gone since the build began")
        self.disk.remove(entry)
        self.disk.report()
        again = None if source is None else load_one(source, self.site_annotations).transcript
        if again is None:
            raise BuildError(f"transcript '{slug}' cannot be read again (moved during the build?)")
        return again
