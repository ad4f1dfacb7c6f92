"""`eventdesk check` and re-reading a changed dump must grow linearly with the store (issue 15).

    python benchmarks/check.py [--sizes 10000 20000 65000] [--keep DIR]

Builds a store of N synthetic articles shaped like a real one: files of 100 articles (a large dump
split up), a MinHash signature and 32 LSH bands per article, two events per article with their
sources, one in ten articles a near-duplicate of an earlier one. The first 2,500 go through the
Store API; the rest are copies made in SQL (renamed ids, every table and index kept in step), as
building 65,000 through Python would take longer than the check being measured. Then
times `store.check()` and `forget_file()` of one 100-article file (what re-reading a changed dump
does), and prints seconds per size and per 1,000 articles: wall seconds and this process's CPU
seconds (on a shared machine the wall time grows with the load; the CPU time does not). Target:
65,000 articles checked in under 60 s. Prints figures only.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.records import Actor, Article, Event, Evidence, Place, Source  # noqa: E402
from eventdesk.store import FileState, open_store  # noqa: E402

WORDS = (
    "troops rebels police protesters clashed attacked marched village town border capital officials "
    "said killed wounded arrested convoy checkpoint ministry army militia district province residents"
).split()


def build(db: str, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    bank = [" ".join(rng.choices(WORDS, k=120)) for _ in range(500)]
    prev_id = ""
    with open_store(db) as s, s.transaction():
        for i in range(n):
            body = bank[i % len(bank)] + f" number {i}."
            path = f"dumps/d{i // 100:05d}.txt"
            a = Article(title=f"Headline {i}", body=body, sources=[Source(path, i % 100)])
            if i % 10 == 9:
                a.duplicate_of = a.story_id = prev_id
            s.add_article(a)
            bands = [rng.getrandbits(63) for _ in range(32)]
            s.add_signature(a.id, 116, rng.randbytes(512), bands)
            for k in range(2):
                s.add_events(
                    [
                        Event(
                            article_id=a.id,
                            event_type="ASSAULT",
                            evidence=Evidence(body[:60], 0, 60),
                            actors=[Actor(text="troops", name=f"Troops {k}")],
                            recipients=[Actor(text="rebels", name="Rebels")],
                            location=Place("Town", "Town", 10 + k, 20 + i % 50, "SDN"),
                            date=f"2025-06-{1 + i % 28:02d}",
                            date_precision="day",
                        )
                    ]
                )
            if i % 100 == 99:
                s.mark_file(FileState(path, 1000, 0.0, f"digest{i}", 100, 0))
            prev_id = a.id if i % 10 == 0 else prev_id
        s.mark_coded(a.id for a in s.uncoded_articles(n))


BASE = 2_500


def grow(db: str, n: int) -> None:
    """Copies of the first BASE articles (every table, renamed ids) until the store holds n."""
    import sqlite3

    c = sqlite3.connect(db, isolation_level=None)
    c.execute("BEGIN")
    k = 1
    while BASE * (k + 1) <= n:
        sfx = f"_{k}"
        c.execute(
            "INSERT INTO articles (id,title,body,captions,published,url,duplicate_of,story_id,date_hints,added_at,coded) "
            "SELECT id||?1, title, body||?1, captions, published, url, duplicate_of||?1, story_id||?1, date_hints, "
            "added_at, coded FROM articles WHERE rowid <= ?2",
            (sfx, BASE),
        )
        c.execute(
            "INSERT INTO sources SELECT path||?1, idx, article_id||?1, url FROM sources WHERE article_id NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx,),
        )
        c.execute(
            "INSERT INTO files SELECT path||?1, size, mtime, digest, n_articles, n_problems, done_at FROM files WHERE path NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx,),
        )
        c.execute(
            "INSERT INTO signatures SELECT article_id||?1, n_shingles, minhash FROM signatures WHERE article_id NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx,),
        )
        c.execute(
            "INSERT INTO bands SELECT band + ?2, article_id||?1 FROM bands WHERE article_id NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx, k),
        )
        top = c.execute("SELECT max(rowid) FROM events").fetchone()[0]
        c.execute(
            "INSERT INTO events (id,article_id,merge_key,event_type,mode,modality,date,country,place,lat,lon,confidence,"
            "actor_names,data) SELECT id||?1, article_id||?1, merge_key||?1, event_type, mode, modality, date, country, "
            "place, lat, lon, confidence, actor_names, data FROM events WHERE id NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx,),
        )
        c.execute(
            "INSERT INTO event_sources SELECT event_id||?1, article_id||?1 FROM event_sources "
            "WHERE event_id NOT LIKE '%\\_%' ESCAPE '\\'",
            (sfx,),
        )
        c.execute(
            "INSERT INTO events_fts(rowid, sentence) SELECT rowid, json_extract(data, '$.evidence.sentence') "
            "FROM events WHERE rowid > ?",
            (top,),
        )
        c.execute(
            "INSERT INTO events_rtree SELECT rowid, lon, lon, lat, lat FROM events WHERE rowid > ? AND lat IS NOT NULL",
            (top,),
        )
        k += 1
    c.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    c.execute("COMMIT")
    c.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 65_000])
    ap.add_argument("--keep", help="folder for the stores (default: a temporary one)")
    args = ap.parse_args()
    tmp = args.keep or tempfile.mkdtemp(prefix="eventdesk-check-")
    # CPU seconds beside wall seconds: on a shared machine the wall time grows with the load, the CPU
    # time of this process does not (check is CPU-bound once the store is in the page cache)
    print(
        f"{'articles':>9} {'build s':>8} {'check s':>8} {'cpu s':>7} {'s/1k':>6} {'forget 100 s':>12} "
        f"{'cpu s':>6}  ok"
    )
    for n in args.sizes:
        db = str(Path(tmp) / f"check{n}.db")
        t0 = time.perf_counter()
        build(db, min(n, BASE))
        grow(db, n)
        t_build = time.perf_counter() - t0
        with open_store(db) as s:
            t0, c0 = time.perf_counter(), time.process_time()
            results = s.check()
            t_check, c_check = time.perf_counter() - t0, time.process_time() - c0
            bad = [r.name for r in results if not r.ok]
            t0, c0 = time.perf_counter(), time.process_time()
            with s.transaction():
                s.forget_file("dumps/d00003.txt")
            t_forget, c_forget = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"{n:>9,} {t_build:>8.1f} {t_check:>8.2f} {c_check:>7.2f} {t_check / n * 1000:>6.3f} "
            f"{t_forget:>12.3f} {c_forget:>6.3f}  " + ("yes" if not bad else "NO: " + ", ".join(bad)),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
