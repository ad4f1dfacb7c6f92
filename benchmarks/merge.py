"""Event merge time per 1,000 new events against stores of 10k and 1M events (issue 13).

    python benchmarks/merge.py [--sizes 10000,1000000] [--batch 1000] [--keep DIR] [--no-check] [--workers 2]

Synthetic news (no text to code): articles of four incidents each (assaults, protests, arrests ...)
in 2,000 towns over three years, each incident naming two people out of a 200,000-name vocabulary.
One store is grown to each size in turn; at each size a batch of new events goes through
`eventdesk.merge.merge`, as a run does after coding: half of them other outlets' reports of stored
events (same town, day and names, other words), half new events. Prints seconds per 1,000 new
events, how many merged, the store size, and the query plan of every statement merging ran: a
statement that scans a table (rather than searching an index) is named, since candidate search must
not grow with the store.

The fill is a bulk load, not the per-event path (that would take hours for 1M events on a small
machine), but it writes what a run writes: articles with their sources, file rows, relevance,
coded marks and dedup signatures through the Store interface; events with their search and map
index entries, sources and merge keys with the store's own SQL and columns. Each synthetic incident
is a distinct event (two draws share no name), so the merged store a run would build holds the same
rows. The secondary indexes are dropped for the fill and rebuilt after it by the store's own schema
(sorting once is far faster than a million random B-tree inserts). The fast event rows are checked
against the real path (`Event`, `merge.report`, `merge.keys`, the store's row) on a sample, and
`eventdesk check` runs on the final store.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from typing import Any

TYPES = ["ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "ACCUSE", "CONSULT"]
DAYS = 3 * 365
START = date(2023, 1, 1)
PER_ARTICLE = 4  # incidents reported by one synthetic article
RELEVANCE = {"topic": "conflict", "genre": "news", "score": 1.0}  # what a run stores for such news
SOURCE = "synthetic/merge-bench-{:05d}.jsonl"  # one "input file" per fill chunk


class World:
    """The synthetic world: towns, people, and article i drawn from its own seed (any order)."""

    def __init__(self, seed: int = 1) -> None:
        rng = random.Random(seed)
        self.seed = seed
        self.towns = [(f"Town{k:04d}", 25 + rng.random() * 24, -124 + rng.random() * 57) for k in range(2000)]
        self.vocab = [f"Name{k:06d}" for k in range(200_000)]

    def draw(self, i: int) -> tuple[tuple[str, float, float], list[tuple[str, date, str, str]]]:
        """Article i: its town and (type, day, name, name) of each incident."""
        r = random.Random(self.seed * 1_000_003 + i)
        town = self.towns[r.randrange(len(self.towns))]
        day = START + timedelta(days=r.randrange(DAYS))
        incidents = []
        for k in range(PER_ARTICLE):
            a, b = r.sample(self.vocab, 2)
            incidents.append((TYPES[r.randrange(len(TYPES))], day - timedelta(days=k), a, b))
        return town, incidents


def sentence(town: str, day: date, a: str, b: str) -> str:
    return f"Police said {a} and {b} were involved in the incident in {town} on {day.isoformat()}."


def real_article(world: World, i: int):
    """Article i and its events built by the product's own records (the slow, reference path)."""
    from eventdesk.records import Article, Event, Evidence, Place, Source

    (town, lat, lon), incidents = world.draw(i)
    sents = [sentence(town, d, a, b) for _, d, a, b in incidents]
    art = Article(
        title=f"Incidents in {town}",
        body=" ".join(sents),
        published=incidents[0][1].isoformat(),
        sources=[Source(SOURCE.format(i // CHUNK), i % CHUNK)],
        language="en",
        relevance=dict(RELEVANCE),
    )
    events, start = [], 0
    for (t, d, _, _), s in zip(incidents, sents, strict=True):
        events.append(
            Event(
                article_id=art.id,
                event_type=t,
                evidence=Evidence(s, start, start + len(s)),
                location=Place(town, town, lat, lon, "USA", admin1=town[:6], precision=1),
                date=d.isoformat(),
                date_precision="day",
            )
        )
        start += len(s) + 1
    return art, events


CHUNK = 10_000  # articles per fill transaction (and per synthetic input file)


class FastRows:
    """The rows `add_events` + `add_merge_keys` write for article i's events, built from one
    prototype event instead of N `Event` objects (`verify` compares them with the real path)."""

    def __init__(self, world: World, cfg: dict[str, Any]) -> None:
        from eventdesk.merge import report

        self.world, self.cfg = world, cfg
        self.cell = float(cfg["cell_degrees"])
        art, evs = real_article(world, 0)
        ev = evs[0]
        self.proto = ev.to_dict()
        self.proto_rep = report(ev, art)

    def article_events(self, i: int, art) -> list[tuple[list[Any], str, list[str]]]:
        """[(events row as `SQLStore._event_row` makes it, sentence, merge keys)] of article i."""
        from eventdesk.merge.evidence import _YEAR, place_words
        from eventdesk.records import normalise, stable_id

        (town, lat, lon), incidents = self.world.draw(i)
        lead = art.title + ".\n" + art.body[:800]
        headline = sorted({w.casefold() for _, _, a, b in incidents for w in (a, b)} | {town.casefold()})
        years = sorted(set(_YEAR.findall(lead)))
        cy, cx = int((lat + 90.0) // self.cell), int((lon + 180.0) // self.cell)
        out, start = [], 0
        for t, d, a, b in incidents:
            s = sentence(town, d, a, b)
            end = start + len(s)
            eid = stable_id(art.id, str(start), t, "", "", prefix="e")
            day = d.isoformat()
            words = sorted([a.casefold(), b.casefold(), town.casefold()])
            rep = dict(self.proto_rep)
            rep.update(
                id=eid, article_id=art.id, type=t, date=day, lat=lat, lon=lon, admin1=town[:6],
                words=words, headline=headline, sentence=normalise(s)[:300], published=art.published,
                years=years, places=sorted(place_words(town, town, town[:6])), place_name=normalise(town),
            )  # fmt: skip
            d_ = dict(self.proto)  # shallow: the lists it shares (no actors, contexts) are never changed
            d_.update(id=eid, article_id=art.id, event_type=t, date=day, sources=[art.id])
            d_["evidence"] = {"sentence": s, "start": start, "end": end}
            d_["mentions"] = [{"article_id": art.id, "sentence": s, "start": start, "end": end}]
            d_["location"] = dict(
                self.proto["location"], text=town, name=town, lat=lat, lon=lon, admin1=town[:6]
            )
            d_["merge"] = {"reports": [rep], "links": []}  # to_dict writes extra at the top level
            row = [
                eid, art.id, f"{day}|{round(lat, 2)},{round(lon, 2)}|>|{t}|asserted", t, d_["mode"],
                "asserted", day, "USA", town, lat, lon, d_["confidence"], "",
                json.dumps(d_, ensure_ascii=False),
            ]  # fmt: skip
            month = day[:7]
            keys = [f"r:{eid}", f"a:{art.id}", f"d:{t}:{day}:{cy}:{cx}"]
            keys += [f"n:{t}:{w}:{month}" for w in sorted(set(words) | set(headline))]
            out.append((row, s, keys))
            start = end + 1
        return out


def verify(store, world: World, fast: FastRows, cfg: dict[str, Any], ids: list[int]) -> None:
    """The fast rows equal the real path's (Event -> report -> keys -> the store's row), or stop."""
    from eventdesk.merge import keys, report

    for i in ids:
        art, evs = real_article(world, i)
        got = fast.article_events(i, art)
        for ev, (row, s, k) in zip(evs, got, strict=True):
            rep = report(ev, art)
            ev.extra["merge"] = {"reports": [rep], "links": []}
            want_row = store._event_row(ev)
            want_keys = keys(rep, cfg)[0]
            if want_row != row or want_keys != k or s != ev.evidence.sentence:
                raise SystemExit(
                    f"fast fill differs from the real path on article {i}:\n{want_row}\n{row}\n{want_keys}\n{k}"
                )


def drop_indexes(conn: sqlite3.Connection) -> int:
    """Drop the store's secondary indexes (the schema re-creates them); UNIQUE/PRIMARY KEY stay."""
    names = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL")
    ]
    for n in names:
        conn.execute(f"DROP INDEX {n}")
    return len(names)


_GEN: dict[str, Any] = {}  # the world, fast rows and settings of the generating processes (forked)


def _generate(span: tuple[int, int]) -> list[tuple]:
    """(article, signature, event rows) of articles lo..hi-1: the CPU part of the fill, in workers."""
    from eventdesk.dedup import signature

    world, fast, cfg = _GEN["world"], _GEN["fast"], _GEN["cfg"]
    out = []
    for i in range(*span):
        art = real_article_header(world, i)
        sig = signature(art, cfg)
        out.append((art, sig.n_shingles, sig.to_bytes(), sig.bands, fast.article_events(i, art)))
    return out


def fill(
    store, n_events: int, cfg: dict[str, Any], world: World, fast: FastRows, state: dict, workers: int
) -> None:
    """Grow the store to n_events synthetic events (articles, sources, signatures, events, keys).
    `workers` processes build the rows (in article order); this one writes them."""
    import multiprocessing

    from eventdesk.store.sql import EVENT_COLS

    c = store.conn
    first, last = state["articles"], -(-n_events // PER_ARTICLE)
    if last <= first:
        return
    t0 = time.perf_counter()
    c.execute("PRAGMA cache_size=-1000000")  # about 1 GB of page cache for the load
    dropped = drop_indexes(c)
    _GEN.update(world=world, fast=fast, cfg=cfg)
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
    for lo in range(first, last, CHUNK):
        hi = min(last, lo + CHUNK)
        ev_rows, fts, tree, srcs, mkeys, coded = [], [], [], [], [], []
        spans = [(a, min(hi, a + 500)) for a in range(lo, hi, 500)]
        parts = pool.imap(_generate, spans) if pool else map(_generate, spans)
        with store.transaction():
            rid = c.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
            for art, n_shingles, sig, bands, events in (x for part in parts for x in part):
                store.add_article(art)
                store.add_signature(art.id, n_shingles, sig, bands)
                coded.append(art.id)
                for row, s, keys in events:
                    rid += 1
                    ev_rows.append((rid, *row))
                    fts.append((rid, s))
                    tree.append((rid, row[10], row[10], row[9], row[9]))
                    srcs.append((row[0], row[1]))
                    mkeys += [(k, row[0]) for k in keys]
                    if state["kept"] is not None and len(state["kept"]) < 5000 and random.random() < 0.01:
                        state["kept"].append(row[0])
            c.executemany(
                f"INSERT INTO events (rowid,{','.join(EVENT_COLS)}) VALUES (?{',?' * len(EVENT_COLS)})",
                ev_rows,
            )
            c.executemany("INSERT INTO events_fts(rowid, sentence) VALUES (?,?)", fts)
            c.executemany("INSERT INTO events_rtree VALUES (?,?,?,?,?)", tree)
            c.executemany("INSERT INTO event_sources (event_id, article_id) VALUES (?,?)", srcs)
            c.executemany("INSERT INTO merge_keys (key, event_id) VALUES (?,?)", mkeys)
            store.mark_coded(coded)
            for k in sorted({i // CHUNK for i in range(lo, hi)}):
                mark_file(store, SOURCE.format(k))
        state["articles"] = hi
        dt = time.perf_counter() - t0
        print(f"  filled {hi * PER_ARTICLE:>9,} events  {dt:7.1f} s", file=sys.stderr, flush=True)
    if pool:
        pool.close()
        pool.join()
    t = time.perf_counter()
    store._create_schema()  # the indexes back, as the schema declares them
    c.execute("PRAGMA cache_size=-2000")
    print(f"  {dropped} indexes rebuilt in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)


def mark_file(store, path: str) -> None:
    """The synthetic input file's row, counting the articles read from it (as a run marks a file)."""
    from eventdesk.store.base import FileState

    n = store.conn.execute("SELECT count(*) FROM sources WHERE path=?", (path,)).fetchone()[0]
    store.mark_file(FileState(path, 0, 0.0, "synthetic", n, 0))


def real_article_header(world: World, i: int):
    """Article i (its text, source, relevance) without building its events."""
    from eventdesk.records import Article, Source

    (town, _, _), incidents = world.draw(i)
    return Article(
        title=f"Incidents in {town}",
        body=" ".join(sentence(town, d, a, b) for _, d, a, b in incidents),
        published=incidents[0][1].isoformat(),
        sources=[Source(SOURCE.format(i // CHUNK), i % CHUNK)],
        language="en",
        relevance=dict(RELEVANCE),
    )


def retell(ev, rng: random.Random):
    """Another outlet's report of a stored event: same town, day and people, other words."""
    from eventdesk.records import Article, Event, Evidence, Source

    words = ev.evidence.sentence.split()
    a, b = words[2], words[4]
    text = f"{b} and {a} were hurt in {ev.location.name}, officials told reporters, id {rng.random():.6f}."
    art = Article(
        title=f"{ev.location.name}: officials speak",
        body=text,
        published=ev.date,
        sources=[Source("synthetic/merge-bench-new.jsonl", rng.randrange(10**9))],
        language="en",
        relevance=dict(RELEVANCE),
    )
    new = Event(
        article_id=art.id,
        event_type=ev.event_type,
        evidence=Evidence(text, 0, len(text)),
        location=copy.deepcopy(ev.location),
        date=ev.date,
        date_precision="day",
    )
    return new, art


def fresh(world: World, i: int, rng: random.Random):
    """A new event no stored one reports, in its own one-incident article."""
    from eventdesk.records import Article, Event, Evidence, Source

    (town, lat, lon), incidents = world.draw(i)
    t, d, a, b = incidents[0]
    s = sentence(town, d, a, b)
    art = Article(
        title=f"Incident in {town}",
        body=s,
        published=d.isoformat(),
        sources=[Source("synthetic/merge-bench-new.jsonl", rng.randrange(10**9))],
        language="en",
        relevance=dict(RELEVANCE),
    )
    from eventdesk.records import Place

    ev = Event(
        article_id=art.id,
        event_type=t,
        evidence=Evidence(s, 0, len(s)),
        location=Place(town, town, lat, lon, "USA", admin1=town[:6], precision=1),
        date=d.isoformat(),
        date_precision="day",
    )
    return ev, art


_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")


def plans(conn: sqlite3.Connection, statements: list[str]) -> list[tuple[str, list[str], bool]]:
    """(statement shape, its query plan, scans a table) of each distinct statement merging ran."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    seen: dict[str, str] = {}
    for s in statements:
        shape = re.sub(r"(\?,?\s*)+", "?", _LITERAL.sub("?", s))
        shape = re.sub(r"IN \(\?(,\s*\?)*\)", "IN (…)", shape)
        seen.setdefault(shape, s)
    out = []
    for shape, s in sorted(seen.items()):
        if not re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH)", s, re.I):
            continue
        try:
            plan = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + s)]
        except sqlite3.Error as e:
            plan = [f"(not explained: {e})"]
        # a SCAN of a stored table without an index (not a subquery's rows, json_each, or a virtual
        # table searched through its own index)
        scans = any(
            (m := re.match(r"SCAN (\w+)", p)) and m.group(1) in tables and "INDEX" not in p for p in plan
        )
        out.append((shape, plan, scans))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes", default="10000,1000000", help="store sizes, comma-separated (default %(default)s)"
    )
    ap.add_argument("--batch", type=int, default=1000, help="new events merged per measurement")
    ap.add_argument("--keep", help="folder for the store file, kept afterwards (default: a temporary folder)")
    ap.add_argument("--no-check", action="store_true", help="skip `eventdesk check` on the final store")
    ap.add_argument("--plans", action="store_true", help="print every statement's query plan")
    ap.add_argument("--workers", type=int, default=2, help="processes building the fill's rows")
    args = ap.parse_args()

    from eventdesk.config import load_config, section
    from eventdesk.dedup import signature
    from eventdesk.merge import merge
    from eventdesk.store import open_store

    cfg = load_config()
    mcfg = section(cfg, "merge")
    world = World(1)
    fast = FastRows(world, mcfg)
    rng = random.Random(2)
    random.seed(3)  # which stored events are retold
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
        path = os.path.join(args.keep or tmp, "merge_bench.db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(path + ext):
                os.remove(path + ext)
        store = open_store(path)
        verify(store, world, fast, mcfg, list(range(50)) + [rng.randrange(10**7) for _ in range(50)])
        print("fast fill rows = real path rows on 100 sampled articles", file=sys.stderr)
        state: dict[str, Any] = {"articles": 0, "kept": []}
        fresh_i = 10**8
        for n in sorted(int(x) for x in args.sizes.split(",")):
            t = time.perf_counter()
            fill(store, n, mcfg, world, fast, state, args.workers)
            fill_s = time.perf_counter() - t
            stored = store.count_events()
            batch, arts = [], {}
            for i in range(args.batch):
                held = None
                while i % 2 == 0 and held is None:  # a kept event merged since is stored under another id
                    eid = state["kept"][rng.randrange(len(state["kept"]))]
                    held = store.get_event(eid)
                    if held is None:
                        state["kept"].remove(eid)
                if held is not None:
                    ev, art = retell(held, rng)
                else:
                    fresh_i += 1
                    ev, art = fresh(world, fresh_i, rng)
                batch.append(ev)
                arts[art.id] = art
            with store.transaction():  # the articles are stored before coding, as in a run (untimed)
                for art in arts.values():
                    sig = signature(art, cfg)
                    store.add_article(art)
                    store.add_signature(art.id, sig.n_shingles, sig.to_bytes(), sig.bands)
                mark_file(store, "synthetic/merge-bench-new.jsonl")
            statements: list[str] = []
            store.conn.set_trace_callback(statements.append)
            t, cpu = time.perf_counter(), time.process_time()
            with store.transaction():
                new, merged = merge(batch, store, arts, cfg)
                store.mark_coded(list(arts))
            dt, cpu = time.perf_counter() - t, time.process_time() - cpu
            store.conn.set_trace_callback(None)
            size = os.path.getsize(path) / 1e6
            load = os.getloadavg()[0]
            print(
                f"store of {stored:>9,} events: merge {args.batch:,} new events in {dt:6.2f} s "
                f"= {dt * 1000 / args.batch:.2f} s per 1,000 new events, CPU {cpu * 1000 / args.batch:.2f} s per 1,000 ("
                f"{new} new, {merged} merged; fill {fill_s:.0f} s, store {size:.0f} MB; load {load:.1f})",
                flush=True,
            )
            explained = plans(store.conn, statements)
            scans = [e for e in explained if e[2]]
            print(
                f"  {len(statements):,} statements of {len(explained)} shapes; "
                f"{len(scans)} scan a table{':' if scans else ''}"
            )
            for shape, plan, scan in explained:
                if scan or args.plans:
                    print(f"    {shape[:160]}\n      " + "\n      ".join(plan))
        store.close()
        if not args.no_check:
            t = time.perf_counter()
            res = subprocess.run(
                [sys.executable, "-m", "eventdesk", "check", "--db", path], capture_output=True, text=True
            )
            print(
                f"eventdesk check: exit {res.returncode} in {time.perf_counter() - t:.0f} s"
                + ("" if res.returncode == 0 else "\n" + res.stdout[-3000:] + res.stderr[-2000:])
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
