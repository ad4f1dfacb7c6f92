"""End-to-end event coding throughput on the Guardian ISIS sample (../shared/corpora), one core.

    python benchmarks/code.py [--limit N] [--no-store]

segment -> code (annotate + classify + actors) -> store, timed per stage; prints articles/s.
The model is loaded (and verified) before timing starts, as a long-running process would.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "guardian_isis.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-store", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 1
    from eventdesk.annotate import KnownEntities
    from eventdesk.code import code
    from eventdesk.config import load_config
    from eventdesk.records import Document
    from eventdesk.resources import Resources
    from eventdesk.segment import segment

    cfg = load_config(None)
    with open(CORPUS, encoding="utf-8") as f:
        rows = [json.loads(x) for x in f if x.strip()]
    if a.limit:
        rows = rows[: a.limit]
    t0 = time.perf_counter()
    res = Resources.from_config(cfg)
    res.nlp  # noqa: B018 - load (and verify) the model before timing
    from eventdesk.code.classify import classify

    classify(["warm up the lexicon: troops attacked the town."], res.acled_model)
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = [
        Document(
            path="guardian_isis.jsonl",
            kind="record",
            text=r["text"],
            index=i,
            title=r.get("title"),
            published=r.get("published"),
        )
        for i, r in enumerate(rows)
    ]
    arts = [x for x in segment(docs) if hasattr(x, "body")]
    t_seg = time.perf_counter() - t0

    t0 = time.perf_counter()
    ents = KnownEntities()  # geo reuses the coder's NER, as in the pipeline
    events = code(arts, cfg, res, entities=ents)
    t_code = time.perf_counter() - t0
    # what a user gets: the same events placed and dated (geo reuses the coder's NER)
    from eventdesk.code.actors.events import fill_countries
    from eventdesk.dates import resolve_dates
    from eventdesk.geo import locate

    res.gazetteer  # noqa: B018 - the gazetteer opens once per process, like the model: not counted
    by_id = {x.id: x for x in arts}
    t0 = time.perf_counter()
    locate(events, by_id, cfg, res, ents)
    fill_countries(events, res.dictionary)
    t_geo = time.perf_counter() - t0
    t0 = time.perf_counter()
    resolve_dates(events, by_id, cfg)
    t_dates = time.perf_counter() - t0

    t_store = 0.0
    if not a.no_store:
        from eventdesk.store.sqlite import SQLiteStore

        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            store = SQLiteStore(os.path.join(d, "bench.db"))
            try:
                with store.transaction():
                    for art in arts:
                        store.add_article(art)
                    store.add_events(events)
            finally:
                store.close()
            t_store = time.perf_counter() - t0
    words = sum(len(x.body.split()) for x in arts)
    total = t_seg + t_code + t_store
    full = total + t_geo + t_dates
    located = sum(e.location is not None for e in events)
    print(f"articles {len(arts)}  words {words}  events {len(events)} ({located} located)")
    print(f"model load+verify {t_load:.2f}s (once per process, not counted)")
    print(
        f"segment {t_seg:.2f}s  code {t_code:.2f}s  geo {t_geo:.2f}s  dates {t_dates:.2f}s  store {t_store:.2f}s"
    )
    print(
        f"segment -> code -> store: {len(arts) / total:.2f} articles/s  ({words / total:.0f} words/s, one process)"
    )
    print(
        f"with place and date too:  {len(arts) / full:.2f} articles/s  ({words / full:.0f} words/s, one process)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
