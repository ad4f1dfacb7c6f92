"""The pipeline, one direction: read -> segment -> dedup -> annotate/code -> place & date -> merge -> store.

Every stage is a plain function over a batch, so the local runner, a multiprocessing pool and
the Ray runner all call the same code. This module chains them; it holds no stage logic.

Crash safety: the articles of a batch of files and the "file done" marks commit in one
transaction; the events of those articles and their "coded" marks in a second one. A run killed
at any moment leaves whole batches only, and the next run skips finished files and codes any
article still waiting for its events.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventdesk.dedup import assign, signatures
from eventdesk.read import InputFile, read
from eventdesk.records import Article, Event, Problem
from eventdesk.segment import segment
from eventdesk.store.base import FileState, Store


def extract_events(articles: list[Article], config: dict[str, Any]) -> list[Event]:
    """annotate + code -> place -> date for a batch of articles; events carry evidence offsets."""
    from eventdesk.code import code
    from eventdesk.dates import resolve_dates
    from eventdesk.geo import locate

    events = code(articles, config)
    by_id = {a.id: a for a in articles}
    locate(events, by_id, config)
    resolve_dates(events, by_id, config)
    return events


@dataclass
class RunReport:
    files_seen: int = 0
    files_read: int = 0
    files_unchanged: int = 0
    files_changed: int = 0
    articles_read: int = 0
    new_articles: int = 0
    exact_duplicates: int = 0  # article read again (same normalised text): one more source
    near_duplicates: int = 0
    stories_joined: int = 0  # new articles that joined an existing story
    events_new: int = 0
    events_merged: int = 0
    articles_coded: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def partial(self) -> bool:
        return bool(self.problems)

    def counts(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "problems"}
        d["problems"] = len(self.problems)
        return d


def _progress(total: int | None, desc: str, enabled: bool | None):
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    return tqdm(total=total, desc=desc, unit="file", disable=not enabled, dynamic_ncols=True, leave=False)


class Runner:
    """Runs the pipeline over input paths into a store, batch by batch."""

    def __init__(self, store: Store, config: dict[str, Any], events: bool = True,
                 progress: bool | None = None, on_problem: Callable[[Problem], None] | None = None) -> None:
        self.store = store
        self.config = config
        self.events = events
        self.progress = progress
        self.on_problem = on_problem
        self.report = RunReport()
        self.run_id: int | None = None

    # -- helpers -------------------------------------------------------------------------
    def _problem(self, p: Problem) -> None:
        self.report.problems.append(p)
        self.store.add_problem(p, self.run_id)
        if self.on_problem:
            self.on_problem(p)

    def _unchanged(self, path: str, size: int, mtime: float, digest: str | None) -> bool:
        st = self.store.file_state(path)
        if st is None or st.size != size:
            return False
        return st.mtime == mtime if digest is None else st.digest == digest

    # -- stages --------------------------------------------------------------------------
    def _store_files(self, files: list[InputFile]) -> list[Article]:
        """Segment, dedup and store a batch of files in ONE transaction; returns the new articles."""
        new: list[Article] = []
        pending: list[tuple[InputFile, list[Article], list[Problem]]] = []
        for f in files:
            items = segment(f.documents)
            arts = [a for a in items if isinstance(a, Article)]
            probs = [p for p in items if isinstance(p, Problem)]
            pending.append((f, arts, probs))
        fresh = [a for _, arts, _ in pending for a in arts if not self.store.has_article(a.id)]
        sigs = {s.article_id: s for s in signatures(fresh, self.config)}  # CPU work outside the lock
        r = self.report
        with self.store.transaction():
            for f, arts, probs in pending:
                if self.store.file_state(f.path) is not None:  # the file changed since it was read
                    self.store.forget_file(f.path)
                    r.files_changed += 1
                for p in f.problems + probs:
                    self._problem(p)
                for a in arts:
                    r.articles_read += 1
                    if self.store.has_article(a.id):
                        r.exact_duplicates += 1
                        for s in a.sources:
                            self.store.add_source(a.id, s)
                        continue
                    assign(a, sigs[a.id], self.store, self.config)
                    self.store.add_article(a)
                    r.new_articles += 1
                    r.near_duplicates += a.duplicate_of is not None
                    r.stories_joined += a.duplicate_of is None and a.story_id != a.id
                    new.append(a)
                if f.path != "<stdin>" and f.digest:
                    self.store.mark_file(FileState(f.path, f.size, f.mtime, f.digest, len(arts),
                                                   len(f.problems) + len(probs)))
        return new

    def _code(self, articles: list[Article]) -> None:
        """Extract events of a batch of stored articles and commit them with their "coded" marks."""
        from eventdesk.merge import merge

        if not articles:
            return
        events = extract_events(articles, self.config)
        with self.store.transaction():
            new, merged = merge(events, self.store)
            self.store.mark_coded(a.id for a in articles)
        self.report.events_new += new
        self.report.events_merged += merged
        self.report.articles_coded += len(articles)

    def _code_pending(self) -> None:
        """Articles stored by an earlier, interrupted run (or by `ingest`) that still lack events."""
        while True:
            batch = self.store.uncoded_articles(limit=64)
            if not batch:
                return
            self._code(batch)

    # -- the run -------------------------------------------------------------------------
    def run(self, paths: list[str]) -> RunReport:
        t0 = time.perf_counter()
        with self.store.transaction():
            self.run_id = self.store.start_run({"paths": paths, "events": self.events})
        if self.events:
            self._code_pending()
        batch_files = int(self.config.get("run", {}).get("batch_files", 64))
        batch: list[InputFile] = []
        n_docs = 0
        bar = _progress(None, "reading", self.progress)
        try:
            for f in read(paths, self.config, skip=self._unchanged):
                self.report.files_seen += 1
                bar.update(1)
                if f.skipped:
                    self.report.files_unchanged += 1
                    continue
                if f.documents or f.digest:
                    self.report.files_read += 1
                batch.append(f)
                n_docs += len(f.documents)
                if len(batch) >= batch_files or n_docs >= 256:
                    self._flush(batch)
                    bar.set_postfix(articles=self.report.new_articles, events=self.report.events_new)
                    batch, n_docs = [], 0
            if batch:
                self._flush(batch)
        finally:
            bar.close()
        self.report.seconds = round(time.perf_counter() - t0, 3)
        with self.store.transaction():
            self.store.finish_run(self.run_id, self.report.counts())
        return self.report

    def _flush(self, files: list[InputFile]) -> None:
        new = self._store_files(files)
        if self.events:
            for i in range(0, len(new), 64):
                self._code(new[i:i + 64])


def run(paths: list[str], store: Store, config: dict[str, Any], events: bool = True,
        progress: bool | None = None, on_problem: Callable[[Problem], None] | None = None) -> RunReport:
    """Read, segment, dedup and store `paths`; with `events`, extract and merge their events too."""
    return Runner(store, config, events=events, progress=progress, on_problem=on_problem).run(paths)
