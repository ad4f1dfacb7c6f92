"""The pipeline, one direction: read -> segment -> relevance -> dedup -> (gate) annotate/code -> place &
date -> merge -> store.

Every stage is a plain function over a batch. One `Runner` drives every run: a `Source` says what
to read (`Files` for `eventdesk run`, `Documents` for a feed's new items in `eventdesk watch` or a
list given through the Python API) and an `Executor` says where the batch functions run (this
process, a local process pool, or Ray actors: engines/ray.py, chosen by the surface that starts the
run). This module holds no stage logic.

Crash safety: the articles of a batch of files and the "file done" marks commit in one
transaction; the events of those articles and their "coded" marks in a second one. A run killed
at any moment leaves whole batches only, and the next run skips finished files and codes any
article still waiting for its events.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from glob import has_magic as glob_magic
from typing import Any

from eventdesk.config import setting
from eventdesk.dedup import Signature, assign, signatures
from eventdesk.guard import extract_guarded, read_file_guarded, segment_guarded
from eventdesk.read import STDIN, InputFile, expand
from eventdesk.records import Article, Document, Event, Problem
from eventdesk.resources import Resources
from eventdesk.store.base import FileState, Store


def extract_events(
    articles: list[Article], config: dict[str, Any], res: Resources | None = None
) -> list[Event]:
    """annotate + code -> place -> date for a batch of articles; events carry evidence offsets.

    `res`: the loaded model, actor dictionary and gazetteer (eventdesk.resources), handed to each
    stage; this process's object for `config` when None (the worker initialiser sets it)."""
    from eventdesk.annotate import KnownEntities
    from eventdesk.code import code
    from eventdesk.code.actors.events import fill_countries
    from eventdesk.code.assemble import reweigh_modality
    from eventdesk.code.coref import corefer
    from eventdesk.dates import resolve_dates
    from eventdesk.geo import locate
    from eventdesk.geo.sites import split_sites
    from eventdesk.relevance.events import keep_reported

    if res is None:
        res = Resources.shared(config)
    entities = KnownEntities()  # the coder's NER of event sentences, reused by geo
    events = code(articles, config, res, bare_mentions=True, entities=entities)
    by_id = {a.id: a for a in articles}
    # what the article is (topic, genre) decides which of its coded events stand
    events = keep_reported(events, by_id, config)
    locate(events, by_id, config, res, entities)
    # actors named without a country (protesters, police, "the army") take the event's country
    fill_countries(events, res.dictionary)
    coded_modality = [ev.modality for ev in events]
    resolve_dates(events, by_id, config)
    # the dates stage may find an event is background (historical) or a plan (hypothetical): its
    # confidence follows the modality it ends with
    for ev, before in zip(events, coded_modality, strict=True):
        reweigh_modality(ev, before)
    # one record per real event of an article, once place and day tell events apart; an attack told
    # at a list of towns is one event per town (ACLED)
    return split_sites(corefer(events, by_id, config), by_id, res, entities)


@dataclass
class RunReport:
    files_seen: int = 0
    files_read: int = 0
    files_unchanged: int = 0
    files_changed: int = 0
    files_removed: int = 0  # read before, gone from a folder given now: their articles were dropped
    articles_read: int = 0
    new_articles: int = 0
    exact_duplicates: int = 0  # article read again (same normalised text): one more source
    near_duplicates: int = 0
    stories_joined: int = 0  # new articles that joined an existing story
    events_new: int = 0
    events_merged: int = 0
    articles_coded: int = 0
    articles_failed: int = 0  # the coder failed on them: left uncoded, tried again by the next run
    undated_articles: int = 0  # new articles with no publication date nor dated hint
    articles_gated: int = 0  # coded articles out of scope (relevance gate): no events extracted
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def partial(self) -> bool:
        return any(not p.notice for p in self.problems)

    def counts(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "problems"}
        d["problems"] = len(self.problems)
        return d


def _progress(desc: str, unit: str, enabled: bool | None, position: int = 0):
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(desc=desc, unit=unit, disable=not enabled, dynamic_ncols=True, leave=False, position=position)


@dataclass
class Prepared:
    """A file after the engine-free CPU work (read, segment, MinHash): what the store step needs."""

    file: InputFile
    articles: list[Article]
    problems: list[Problem]
    signatures: dict[str, Signature]


def prepare(f: InputFile, config: dict[str, Any]) -> Prepared:
    """Segment a read file, judge its articles' language and relevance, and sign them (runs in
    workers), each document under a time limit."""
    from eventdesk.relevance import judge

    items = segment_guarded(f.documents, config)
    arts = judge([a for a in items if isinstance(a, Article)], config, res=Resources.shared(config))
    anchor = file_date(f, config)
    if anchor:
        for a in arts:
            if not a.published and not a.date_hints:  # a dateline or dated caption is the better date
                a.published = anchor
    probs = [p for p in items if isinstance(p, Problem)]
    f.documents = []  # not needed past this point; keeps what crosses process boundaries small
    return Prepared(f, arts, probs, {s.article_id: s for s in signatures(arts, config)})


_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def file_date(f: InputFile, config: dict[str, Any]) -> str | None:
    """The publication date given to this file's undated articles, when the user asked for one:
    run.published (a fixed date), else run.date_from "filename" (a YYYY-MM-DD / YYYYMMDD date in
    the file's path) or "mtime" (the day the file was last modified, UTC). None otherwise."""
    cfg = config.get("run", {})
    if cfg.get("published"):
        return str(cfg["published"])
    how = cfg.get("date_from")
    if how == "filename":
        # the last date in the path: the file's own name before its folders
        m = ([None, *_DATE_IN_NAME.finditer(f.path)])[-1]
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                return None
    if how == "mtime" and f.mtime:
        return datetime.fromtimestamp(f.mtime, tz=UTC).date().isoformat()
    return None


def prepare_paths(paths: list[str], config: dict[str, Any]) -> list[Prepared]:
    """Read + prepare a batch of input files (the unit of work sent to a worker)."""
    return [prepare(read_file_guarded(p, config), config) for p in paths]


def code_batch(
    articles: list[Article], config: dict[str, Any], gate: bool = True
) -> tuple[list[Event], list[Problem]]:
    """Events of a batch of stored articles (runs in workers); an article that hangs or crashes the
    coder is reported as a Problem instead of stopping the run. With `gate`, articles out of scope
    (eventdesk.relevance.in_scope: not English, not political/conflict news) are left out here,
    before the parse, so they cost nothing."""
    if gate:
        from eventdesk.relevance import in_scope

        articles = [a for a in articles if in_scope(a, config)]
    if articles:
        # The models load before the clock of code.article_timeout_s starts: a worker loads them on
        # its first batch, and on a busy machine that alone can take the whole limit, so the batch's
        # articles were lost (2 of the BBC corpus's 2,125 articles at load 15, one per worker).
        res = Resources.shared(config)
        for name in CODING_RESOURCES:
            if name == "ner_nlp" and not setting(config, "geo.ner"):
                continue  # geo's NER is off: not loaded at all
            # a model that cannot load fails again inside the guard, and is reported there
            with contextlib.suppress(Exception):
                getattr(res, name)
    return extract_guarded(articles, config, extract_events)


# what extract_events uses of Resources (code, geo, actors)
CODING_RESOURCES = ("nlp", "ner_nlp", "dictionary", "gazetteer", "eventness", "type_model", "acled_model")


def prepare_documents(documents: list[Document], config: dict[str, Any]) -> list[Prepared]:
    """Prepare documents already in memory (feed items, a list given through the Python API): one
    batch with no file behind it, so nothing is marked or forgotten in the files table for it."""
    return [prepare(InputFile("", documents=list(documents)), config)]


# -- sources: what a run reads, in order -----------------------------------------------------------


@dataclass
class Batch:
    """One unit of read work: `read(*args, config)` gives the batch's Prepared files, in order."""

    read: Callable[..., list[Prepared]]
    args: tuple[Any, ...]
    here: bool = False  # run in this process (standard input can only be read here, not in a worker)
    # a files-table row for input with no file behind it (a feed): committed with the batch's
    # articles, its counts grown by what the batch stored
    record: FileState | None = None


class Source:
    """Where a run's input comes from. The Runner asks `describe()` (recorded with the run),
    calls `before()` once before reading, then takes `batches()` in order."""

    def describe(self) -> dict[str, Any]:
        return {}

    def before(self, runner: Runner) -> None:
        """Work to do before reading (the files source drops files that are gone)."""

    def batches(self, runner: Runner) -> Iterator[Batch]:
        raise NotImplementedError


class Files(Source):
    """Files, folders, globs and `-` (standard input), as `eventdesk run` takes them. Files the
    store has read before, unchanged (same size and mtime), are skipped here, before any read."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = list(paths)

    def describe(self) -> dict[str, Any]:
        return {"paths": self.paths}

    def before(self, runner: Runner) -> None:
        runner.forget_removed(self.paths)

    def batches(self, runner: Runner) -> Iterator[Batch]:
        batch_files = int(setting(runner.config, "run.batch_files"))
        batch_bytes = int(setting(runner.config, "run.batch_bytes"))
        batch: list[str] = []
        size = 0
        for item in expand(self.paths):
            runner.report.files_seen += 1
            if isinstance(item, Problem):
                runner.problem(item)
                continue
            if item == STDIN:
                if batch:
                    yield Batch(prepare_paths, (batch,))
                    batch, size = [], 0
                yield Batch(prepare_paths, ([item],), here=True)
                continue
            try:
                st = os.stat(item)
            except OSError:
                st = None
            if st is not None and runner.unchanged(item, st.st_size, st.st_mtime, None):
                runner.report.files_unchanged += 1
                runner.tick("files")
                continue
            batch.append(item)
            size += st.st_size if st else 0
            if len(batch) >= batch_files or size >= batch_bytes:
                yield Batch(prepare_paths, (batch,))
                batch, size = [], 0
        if batch:
            yield Batch(prepare_paths, (batch,))


class Documents(Source):
    """Documents already in memory: a feed's new items (`eventdesk watch`) or a list given through
    the Python API. Their sources are the documents' own path and index. `record`, if given, is the
    files-table row of where they came from (a feed URL), kept with its articles counted."""

    def __init__(
        self, documents: list[Document], name: str = "<documents>", record: FileState | None = None
    ) -> None:
        self.documents = list(documents)
        self.name = name
        self.record = record

    def describe(self) -> dict[str, Any]:
        return {"documents": self.name, "items": len(self.documents)}

    def batches(self, runner: Runner) -> Iterator[Batch]:
        runner.report.files_seen += 1
        # a document here weighs like a file there
        batch_docs = int(setting(runner.config, "run.batch_files"))
        batch_bytes = int(setting(runner.config, "run.batch_bytes"))
        batch: list[Document] = []
        size = 0
        for i, doc in enumerate(self.documents):
            batch.append(doc)
            size += len(doc.text)
            if len(batch) >= batch_docs or size >= batch_bytes or i == len(self.documents) - 1:
                yield Batch(prepare_documents, (batch,), record=self.record)
                batch, size = [], 0


# -- executors: where the batch functions run ------------------------------------------------------


class Task:
    """A submitted batch function; `get()` waits for its result."""

    def get(self) -> Any:
        raise NotImplementedError


class _Now(Task):
    """Runs its function when its result is asked for: the one-process executor's task."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self.fn, self.args = fn, args

    def get(self) -> Any:
        return self.fn(*self.args)


class Executor:
    """Where batch functions run. Tasks are submitted in order and their results taken in the same
    order, so every executor stores exactly what a serial run stores; the Runner keeps at most
    `window` tasks in flight, so memory stays flat however large the input."""

    window = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Task:
        return _Now(fn, *args)

    def describe(self) -> dict[str, Any]:
        """What the run record says about where it ran (nothing for the default)."""
        return {}

    def close(self) -> None:
        """Wait for the workers to finish and release them."""

    def terminate(self) -> None:
        """Stop the workers now (the run failed or was interrupted)."""

    # `with RayExecutor(...) as ex: run(..., executor=ex)`: closed after, terminated on an error
    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self.terminate()


class SerialExecutor(Executor):
    """Everything in this process, one batch at a time (`--workers 1`)."""


class PoolExecutor(Executor):
    """A pool of `workers` local processes (forked, so they share what this process loaded)."""

    def __init__(self, workers: int, config: dict[str, Any] | None = None) -> None:
        import multiprocessing as mp

        import tqdm

        self.workers = max(1, workers)
        self.window = 2 * self.workers + 1
        tqdm.tqdm.monitor_interval = 0  # no monitor thread to inherit across fork
        self.pool = mp.get_context("fork").Pool(self.workers, initializer=init_worker, initargs=(config,))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Task:
        return self.pool.apply_async(fn, args)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()


def init_worker(config: dict[str, Any] | None = None) -> None:
    """Set up a worker process (a pool process or a Ray actor): its own Resources (built once here,
    loaded on first use), which every task of this process hands to the stages."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if config is not None:
        Resources.shared(config)  # the parent's object when forked with the same settings


# -- the run ---------------------------------------------------------------------------------------


class Runner:
    """Runs the pipeline over a source into a store, batch by batch.

    The store is written only here, in input order; the CPU work (read, segment, MinHash, event
    extraction) goes to the executor. At most `executor.window` batches are in flight, so memory
    stays flat however large the input.
    """

    def __init__(
        self,
        store: Store,
        config: dict[str, Any],
        events: bool = True,
        progress: bool | None = None,
        on_problem: Callable[[Problem], None] | None = None,
        workers: int = 1,
        executor: Executor | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.events = events
        self.progress = progress
        self.on_problem = on_problem
        self.workers = workers
        # given (e.g. engines.ray.RayExecutor): the caller's to close; None: one per run from `workers`
        self.executor = executor
        self.report = RunReport()
        self.run_id: int | None = None
        self._bars: dict[str, Any] = {}
        self.tried: set[str] = set()  # articles the coder failed on in this run: not retried in it

    # -- what sources use ----------------------------------------------------------------------
    def problem(self, p: Problem) -> None:
        """Report a problem: in the run's report, the store and to `on_problem`."""
        self.report.problems.append(p)
        self.store.add_problem(p, self.run_id)
        if self.on_problem:
            self.on_problem(p)

    def unchanged(self, path: str, size: int, mtime: float, digest: str | None) -> bool:
        """Was this file read before as it is (same size, and same mtime or, given, same hash)?"""
        st = self.store.file_state(path)
        if st is None or st.size != size:
            return False
        return st.mtime == mtime if digest is None else st.digest == digest

    def tick(self, bar: str, n: int = 1) -> None:
        b = self._bars.get(bar)
        if b is not None:
            b.update(n)
            b.set_postfix(articles=self.report.new_articles, events=self.report.events_new, refresh=False)

    def forget_removed(self, paths: list[str]) -> None:
        """Files read before from a folder given now (or given by name) that no longer exist: drop
        what came from them, so the store matches a fresh build from the files as they are."""
        from eventdesk.read import canonical_path

        gone: list[str] = []
        for p in paths:
            if p == STDIN or glob_magic(p):
                continue
            root = canonical_path(p)
            if os.path.isdir(root) or not os.path.lexists(root):
                gone.extend(f for f in self.store.files_under(root) if not os.path.lexists(f))
        if not gone:
            return
        with self.store.transaction():
            for f in dict.fromkeys(gone):
                self.store.forget_file(f)
                self.report.files_removed += 1

    # -- stages --------------------------------------------------------------------------------
    def _store_prepared(self, batch: list[Prepared], record: FileState | None = None) -> list[Article]:
        """Dedup and store a batch of prepared files in ONE transaction; returns the new articles."""
        new: list[Article] = []
        r = self.report
        counted, problems = r.new_articles + r.exact_duplicates, len(r.problems)
        with self.store.transaction():
            for pf in batch:
                f = pf.file
                if f.digest and self.unchanged(f.path, f.size, f.mtime, f.digest):
                    r.files_unchanged += 1  # touched, same content
                    continue
                if f.documents or f.digest:
                    r.files_read += 1
                kept: set[str] = set()
                if self.store.file_state(f.path) is not None:  # the file changed since it was read
                    # articles the new version still holds stay (with their events and links)
                    kept = {a.id for a in pf.articles if self.store.has_article(a.id)}
                    self.store.forget_file(f.path, keep=kept)
                    r.files_changed += 1
                for p in f.problems + pf.problems:
                    self.problem(p)
                for a in pf.articles:
                    r.articles_read += 1
                    if self.store.has_article(a.id):
                        r.exact_duplicates += a.id not in kept
                        for s in a.sources:
                            self.store.add_source(a.id, s)
                        continue
                    assign(a, pf.signatures[a.id], self.store, self.config)
                    self.store.add_article(a)
                    r.new_articles += 1
                    r.undated_articles += not a.published and not a.date_hints
                    r.near_duplicates += a.duplicate_of is not None
                    r.stories_joined += a.duplicate_of is None and a.story_id != a.id
                    new.append(a)
                if f.path != "<stdin>" and f.digest:
                    self.store.mark_file(
                        FileState(
                            f.path,
                            f.size,
                            f.mtime,
                            f.digest,
                            len(pf.articles),
                            len(f.problems) + len(pf.problems),
                        )
                    )
            if record is not None:
                # like a file's row: the articles it gave (new or one more source) are counted, so
                # the store check holds; grown batch by batch
                prev = self.store.file_state(record.path) or replace(record)
                gave = r.new_articles + r.exact_duplicates - counted
                self.store.mark_file(
                    replace(
                        record,
                        n_articles=prev.n_articles + gave,
                        n_problems=prev.n_problems + len(r.problems) - problems,
                    )
                )
        self.tick("files", len(batch))
        return new

    def _store_events(self, articles: list[Article], result: tuple[list[Event], list[Problem]]) -> None:
        """Commit a batch's events (merged with reports already stored) with their "coded" marks.

        Articles the coder failed on are NOT marked coded (their problem is recorded): the next run,
        or `eventdesk recode`, tries them again, e.g. after the settings that broke them are fixed."""
        from eventdesk.guard import article_origin
        from eventdesk.merge import merge

        events, problems = result
        failed_at = {(p.path, p.index) for p in problems}
        failed = {a.id for a in articles if article_origin(a) in failed_at}
        with self.store.transaction():
            for p in problems:
                self.problem(p)
            new, merged = merge(
                [e for e in events if e.article_id not in failed],
                self.store,
                {a.id: a for a in articles},
                self.config,
            )
            self.store.mark_coded(a.id for a in articles if a.id not in failed)
        self.tried.update(failed)
        self.report.events_new += new
        self.report.events_merged += merged
        self.report.articles_coded += len(articles) - len(failed)
        self.report.articles_failed += len(failed)
        self.tick("coded", len(articles))

    # -- the run -------------------------------------------------------------------------------
    def run(self, source: Source | list[str]) -> RunReport:
        """Read `source` (a Source, or paths as `eventdesk run` takes them) into the store."""
        if not isinstance(source, Source):
            source = Files(list(source))
        # one Runner may run several sources in turn (watch: files, then each feed): each its own report
        self.report, self.tried, self._bars = RunReport(), set(), {}
        t0 = time.perf_counter()
        own = self.executor is None
        ex = self.executor or (
            SerialExecutor() if self.workers <= 1 else PoolExecutor(self.workers, self.config)
        )
        try:
            with self.store.transaction():
                self.run_id = self.store.start_run(
                    {**source.describe(), "events": self.events, "workers": self.workers, **ex.describe()}
                )
            if self.progress is not False:  # watch and tests ask for none: not even tqdm's import
                self._bars["files"] = _progress("files", "file", self.progress, 0)
                if self.events:
                    self._bars["coded"] = _progress("events", "article", self.progress, 1)
            self._pipeline(source, ex)
        except BaseException:
            if own:
                ex.terminate()
            raise
        else:
            if own:
                ex.close()
        finally:
            for b in self._bars.values():
                b.close()
        self.report.seconds = round(time.perf_counter() - t0, 3)
        with self.store.transaction():
            self.store.finish_run(self.run_id, self.report.counts())
        return self.report

    def _pipeline(self, source: Source, ex: Executor) -> None:
        """Ordered window of tasks: ("files", batch) results store articles and queue their coding;
        ("code", articles) results store events. Heads are taken in submission order."""
        from collections import deque

        from eventdesk.relevance import in_scope

        chunk = int(setting(self.config, "run.code_batch"))
        window: deque = deque()

        def submit_code(articles: list[Article]) -> None:
            self.report.articles_gated += sum(not in_scope(a, self.config) for a in articles)
            for i in range(0, len(articles), chunk):
                part = articles[i : i + chunk]
                window.append(("code", part, ex.submit(code_batch, part, self.config)))

        def take() -> None:
            kind, payload, task = window.popleft()
            if kind == "files":
                new = self._store_prepared(task.get(), payload.record)
                if self.events and new:
                    submit_code(new)
            else:
                self._store_events(payload, task.get())

        def code_pending() -> None:
            # articles stored by an interrupted run or by `ingest`, or whose events lost a source
            # when a file changed (forget_file marks them), still without events
            while self.events:
                # failed ones stay uncoded: ask for enough to get past those already tried
                pending = self.store.uncoded_articles(limit=chunk * ex.window + len(self.tried))
                pending = [a for a in pending if a.id not in self.tried]
                if not pending:
                    break
                submit_code(pending)
                while window:
                    take()

        self._judge_stored()
        source.before(self)
        code_pending()
        for batch in source.batches(self):
            args = (*batch.args, self.config)
            task = _Now(batch.read, *args) if batch.here else ex.submit(batch.read, *args)
            window.append(("files", batch, task))
            while len(window) >= ex.window:
                take()
        while window:
            take()
        code_pending()

    def _judge_stored(self) -> None:
        """Language and relevance for stored articles that have none yet (a store written before
        relevance existed, or articles added by other means); done once, in this process."""
        from eventdesk.relevance import judge

        while True:
            todo = self.store.unjudged_articles(limit=500)
            if not todo:
                return
            judge(todo, self.config, res=Resources.shared(self.config))
            with self.store.transaction():
                for a in todo:
                    self.store.set_relevance(a.id, a.language, a.relevance)


def run(
    paths: list[str] | Source,
    store: Store,
    config: dict[str, Any],
    events: bool = True,
    progress: bool | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    workers: int = 1,
    executor: Executor | None = None,
) -> RunReport:
    """Read, segment, dedup and store `paths` (or any Source: `Documents([...])` for documents in
        memory); with `events`, extract and merge their events too. `executor`: where the batches run
    (default: this process, or a local pool of `workers` processes)."""
    return Runner(
        store,
        config,
        events=events,
        progress=progress,
        on_problem=on_problem,
        workers=workers,
        executor=executor,
    ).run(paths)
