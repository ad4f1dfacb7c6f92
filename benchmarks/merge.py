"""Event merge time per 1,000 new events against stores of 10k and 1M events (issue 13).

    python benchmarks/merge.py [--sizes 10000,1000000] [--batch 1000] [--keep DIR]

Synthetic events (no text to code): assaults, protests, arrests ... in 2,000 towns over three
years, each naming two people out of a 200,000-name vocabulary. A store of N events is filled
through the same path a run takes (`Store.add_events` + the merge index), then a batch of new
events goes through `eventdesk.merge.merge`: half of them other outlets' reports of stored events
(same town, day and names, other words), half new events. Candidate search uses the store's
indexes, so the time per batch should barely grow with N. Prints seconds per 1,000 new events,
how many merged, and the store size.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta

TYPES = ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "ACCUSE", "CONSULT"]
DAYS = 3 * 365
START = date(2023, 1, 1)


def synthetic(i: int, rng: random.Random, towns: list[tuple[str, float, float]], vocab: list[str]):
    """The i-th synthetic event and its article (deterministic in i and the rng state)."""
    from eventdesk.records import Article, Event, Evidence, Place

    t = TYPES[i % len(TYPES)]
    town, lat, lon = towns[rng.randrange(len(towns))]
    day = START + timedelta(days=rng.randrange(DAYS))
    a, b = rng.sample(vocab, 2)
    sentence = f"Police said {a} and {b} were involved in the incident in {town} on {day:%B %d}."
    art = Article(title=f"Incident in {town}", body=sentence, published=day.isoformat())
    ev = Event(
        article_id=art.id,
        event_type=t,
        evidence=Evidence(sentence, 0, len(sentence)),
        location=Place(town, town, lat, lon, "USA", admin1=town[:2], precision=1),
        date=day.isoformat(),
        date_precision="day",
    )
    return ev, art


def retell(ev, rng: random.Random):
    """Another outlet's report of a stored event: same town, day and people, other words."""
    import copy

    from eventdesk.records import Article, Event, Evidence

    words = ev.evidence.sentence.split()
    a, b = words[2], words[4]
    sentence = (
        f"{b} and {a} were hurt in {ev.location.name}, officials told reporters, id {rng.random():.6f}."
    )
    art = Article(title=f"{ev.location.name}: officials speak", body=sentence, published=ev.date)
    new = Event(
        article_id=art.id,
        event_type=ev.event_type,
        evidence=Evidence(sentence, 0, len(sentence)),
        location=copy.deepcopy(ev.location),
        date=ev.date,
        date_precision="day",
    )
    return new, art


def fill(store, n: int, cfg: dict, state: dict):
    """N stored events with their merge keys. SQLite rows are written in bulk (the same rows and
    index entries `add_events` + `add_merge_keys` write, without building N Python records);
    other backends go through the Store interface."""
    import json

    from eventdesk.config import section
    from eventdesk.merge import keys, report
    from eventdesk.store.sqlite import SQLiteStore, merge_key

    cfg = section(cfg, "merge")  # keys() reads the [merge] table

    rng, towns, vocab, kept = state["rng"], state["towns"], state["vocab"], state["kept"]
    t0 = time.perf_counter()
    chunk = 50_000
    for start in range(state["n"], n, chunk):
        rows, fts, tree, mkeys, srcs = [], [], [], [], []
        with store.transaction():
            base = (
                store.conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
                if isinstance(store, SQLiteStore)
                else 0
            )
            for i in range(start, min(n, start + chunk)):
                ev, art = synthetic(i, rng, towns, vocab)
                rep = report(ev, art)
                ev.extra["merge"] = {"reports": [rep], "links": []}
                if len(kept) < 5000 and rng.random() < 0.05:
                    kept.append(ev)
                if not isinstance(store, SQLiteStore):
                    store.add_events([ev])
                    store.add_merge_keys(ev.id, keys(rep, cfg)[0])
                    continue
                loc = ev.location
                rid = base + len(rows) + 1
                rows.append(
                    (
                        rid,
                        ev.id,
                        ev.article_id,
                        merge_key(ev),
                        ev.event_type,
                        ev.modality,
                        ev.date,
                        loc.country,
                        loc.name,
                        loc.lat,
                        loc.lon,
                        ev.confidence,
                        json.dumps(ev.to_dict(), ensure_ascii=False),
                    )
                )
                fts.append((rid, ev.evidence.sentence))
                tree.append((rid, loc.lon, loc.lon, loc.lat, loc.lat))
                srcs.append((ev.id, ev.article_id))
                mkeys += [(k, ev.id) for k in keys(rep, cfg)[0]]
            if rows:
                c = store.conn
                c.executemany(
                    "INSERT INTO events (rowid,id,article_id,merge_key,event_type,modality,date,country,place,"
                    "lat,lon,confidence,data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                c.executemany("INSERT INTO events_fts(rowid, sentence) VALUES (?,?)", fts)
                c.executemany("INSERT INTO events_rtree VALUES (?,?,?,?,?)", tree)
                c.executemany("INSERT INTO event_sources VALUES (?,?)", srcs)
                c.executemany("INSERT INTO merge_keys VALUES (?,?)", mkeys)
        print(
            f"  filled {min(n, start + chunk):>9,} events  {time.perf_counter() - t0:7.1f} s", file=sys.stderr
        )
    return rng, towns, vocab, kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes", default="10000,1000000", help="store sizes, comma-separated (default %(default)s)"
    )
    ap.add_argument("--batch", type=int, default=1000, help="new events merged per measurement")
    ap.add_argument("--keep", help="folder for the store files (default: a temporary folder)")
    args = ap.parse_args()

    from eventdesk.config import load_config
    from eventdesk.merge import merge
    from eventdesk.store import open_store

    cfg = load_config()
    rng = random.Random(1)
    state = {
        "rng": rng,
        "towns": [(f"Town{k:04d}", 25 + rng.random() * 24, -124 + rng.random() * 57) for k in range(2000)],
        "vocab": [f"Name{k:06d}" for k in range(200_000)],
        "kept": [],
        "n": 0,
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(args.keep or tmp, "merge_bench.db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(path + ext):
                os.remove(path + ext)
        store = open_store(path)
        # one store grown to each size in turn; a batch is measured at each size
        for n in sorted(int(x) for x in args.sizes.split(",")):
            t = time.perf_counter()
            fill(store, n, cfg, state)
            fill_s = time.perf_counter() - t
            batch, arts = [], {}
            for i in range(args.batch):
                if i % 2 == 0:
                    ev, art = retell(state["kept"][rng.randrange(len(state["kept"]))], rng)
                else:
                    ev, art = synthetic(10**9 + n + i, rng, state["towns"], state["vocab"])
                batch.append(ev)
                arts[art.id] = art
            t = time.perf_counter()
            with store.transaction():
                new, merged = merge(batch, store, arts, cfg)
            dt = time.perf_counter() - t
            size = os.path.getsize(path) / 1e6
            print(
                f"store of {n:>9,} events: merge {args.batch:,} new events in {dt:6.2f} s "
                f"({1000 * dt / args.batch:.2f} ms/event; {new} new, {merged} merged; "
                f"fill {fill_s:.0f} s, store {size:.0f} MB)",
                flush=True,
            )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
