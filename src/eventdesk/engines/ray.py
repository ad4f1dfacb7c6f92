"""Ray Data engine: the same batch functions as the local runner, spread over a Ray cluster.

* read + segment + MinHash: `map_batches` over batches of input paths;
* near-duplicate candidates: the LSH band keys go through a Ray `groupby`, so no single
  machine holds the band index of the run;
* event extraction: `map_batches` on an actor pool whose actors load the spaCy model and the
  dictionaries once each;
* this driver keeps what must be sequential: dedup decisions in input order and every store
  write. Results are therefore exactly those of a local run on the same input.

Install with `pip install 'eventdesk[ray]'`. RAY_ADDRESS selects a cluster; without it a local
one starts with `workers` CPUs.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

from eventdesk.config import setting
from eventdesk.dedup import Signature
from eventdesk.pipeline import Prepared, Runner, RunReport, code_batch, prepare_paths
from eventdesk.records import Article, Problem
from eventdesk.store.base import Store


def _ray():
    try:
        import ray
    except ImportError as e:
        raise SystemExit("--engine ray needs Ray: pip install 'eventdesk[ray]'") from e
    return ray


class _Prepare:
    """Ray Data UDF: a batch of path lists -> pickled Prepared files (in input order)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = []
        for seq, paths in zip(batch["seq"], batch["paths"], strict=True):
            out.append(pickle.dumps((int(seq), prepare_paths(list(paths), self.config))))
        return {"prepared": out}


class _Code:
    """Ray Data actor: loads the models once (first call), then codes batches of articles."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = []
        for seq, blob in zip(batch["seq"], batch["articles"], strict=True):
            arts = pickle.loads(blob)
            out.append(pickle.dumps((int(seq), code_batch(arts, self.config))))
        return {"events": out}


def _pairs(group: Any) -> Any:
    """groupby("band") UDF: every (later, earlier) pair of articles that share a band key."""
    import numpy as np

    order = np.asarray(group["order"])
    ids = np.asarray(group["article_id"])
    idx = np.argsort(order, kind="stable")
    later, earlier = [], []
    for i in range(1, len(idx)):
        for j in range(i):
            later.append(ids[idx[i]])
            earlier.append(ids[idx[j]])
    return {"later": np.asarray(later, dtype=object), "earlier": np.asarray(earlier, dtype=object)}


class _RunIndex:
    """Dedup index for the driver: candidates among articles stored by EARLIER runs come from the
    store's bands; candidates among this run's articles come from the Ray groupby pairs."""

    def __init__(self, store: Store, pairs: dict[str, set[str]], run_ids: set[str]) -> None:
        self.store = store
        self.pairs = pairs
        self.run_ids = run_ids
        self.current = ""

    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None:
        self.store.add_signature(article_id, n_shingles, signature, bands)

    def band_candidates(self, bands: list[int]) -> list[str]:
        before = [c for c in self.store.band_candidates(bands) if c not in self.run_ids]
        return before + sorted(self.pairs.get(self.current, ()))

    def signature(self, article_id: str) -> tuple[int, bytes] | None:
        return self.store.signature(article_id)

    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        return self.store.article_cluster(article_id)

    def relabel_story(self, old: str, new: str) -> None:
        self.store.relabel_story(old, new)


class RayRunner(Runner):
    def run(self, paths: list[str]) -> RunReport:  # noqa: C901 - one linear recipe
        import time

        ray = _ray()
        t0 = time.perf_counter()
        if not ray.is_initialized():
            kw: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": "ERROR",
            }
            if os.environ.get("RAY_ADDRESS"):
                ray.init(address=os.environ["RAY_ADDRESS"], **kw)
            else:
                ray.init(num_cpus=max(1, self.workers), **kw)
        import logging

        import ray.data

        logging.getLogger("ray.data").setLevel(logging.WARNING)
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = bool(self.progress)
        with self.store.transaction():
            self.run_id = self.store.start_run({"paths": paths, "events": self.events, "engine": "ray"})
        if self.events:  # resume: code what an interrupted run stored
            pending: list[Article] = []
            while True:
                batch = self.store.uncoded_articles(limit=256)
                if not batch:
                    break
                pending += batch
                self._code_with_ray(ray, pending)
                pending = []

        batches = list(self._batches(paths))
        stdin = [b for b in batches if b == ["-"]]
        batches = [b for b in batches if b != ["-"]]
        prepared: list[list[Prepared]] = [prepare_paths(b, self.config) for b in stdin]
        if batches:
            ds = ray.data.from_items([{"seq": i, "paths": b} for i, b in enumerate(batches)])
            ds = ds.map_batches(
                _Prepare, fn_constructor_args=(self.config,), batch_size=1, concurrency=max(1, self.workers)
            )
            got = [pickle.loads(r["prepared"]) for r in ds.iter_rows()]
            prepared += [p for _, p in sorted(got, key=lambda x: x[0])]

        # Near-duplicate candidates within this run, through a distributed groupby on band keys.
        order: dict[str, int] = {}
        rows = []
        for batch in prepared:
            for pf in batch:
                for a in pf.articles:
                    if a.id in order:
                        continue
                    order[a.id] = len(order)
                    rows += [
                        {"band": b, "article_id": a.id, "order": order[a.id]}
                        for b in pf.signatures[a.id].bands
                    ]
        pairs: dict[str, set[str]] = {}
        if rows:
            parts = max(2, 2 * self.workers)  # the default 200 shuffle partitions cost ~30 s locally
            gds = (
                ray.data.from_items(rows, override_num_blocks=parts)
                .groupby("band", num_partitions=parts)
                .map_groups(_pairs, batch_format="numpy")
            )
            for r in gds.iter_rows():
                pairs.setdefault(r["later"], set()).add(r["earlier"])

        # The sequential part, as in the local runner: dedup in input order, then store.
        self._index = _RunIndex(self.store, pairs, {i for i in order if not self.store.has_article(i)})
        new_all: list[Article] = []
        for batch in prepared:
            new_all += self._store_prepared(batch)
        if self.events and new_all:
            self._code_with_ray(ray, new_all)
        self.report.seconds = round(time.perf_counter() - t0, 3)
        with self.store.transaction():
            self.store.finish_run(self.run_id, self.report.counts())
        return self.report

    def _dedup_index(self, article: Article) -> Any:
        self._index.current = article.id
        return self._index

    def _code_with_ray(self, ray: Any, articles: list[Article]) -> None:
        chunk = int(setting(self.config, "run.code_batch"))
        parts = [articles[i : i + chunk] for i in range(0, len(articles), chunk)]
        ds = ray.data.from_items([{"seq": i, "articles": pickle.dumps(p)} for i, p in enumerate(parts)])
        ds = ds.map_batches(
            _Code, fn_constructor_args=(self.config,), batch_size=1, concurrency=max(1, self.workers)
        )
        got = sorted((pickle.loads(r["events"]) for r in ds.iter_rows()), key=lambda x: x[0])
        for seq, result in got:
            self._store_events(parts[seq], result)


def run_ray(
    paths: list[str],
    store: Store,
    config: dict[str, Any],
    events: bool = True,
    progress: bool | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    workers: int = 2,
) -> RunReport:
    """Same contract as `eventdesk.pipeline.run`, on Ray Data."""
    return RayRunner(
        store, config, events=events, progress=progress, on_problem=on_problem, workers=workers
    ).run(paths)


__all__ = ["RayRunner", "Signature", "run_ray"]
