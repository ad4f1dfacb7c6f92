"""End-to-end pipeline throughput, per-stage time, peak memory, and the ratio to spaCy alone.

    python benchmarks/pipeline.py [--corpus bbc|guardian|PATH] [--workers 2] [--limit N] [--keep-db FILE]

1. per-stage seconds, measured serially in this process on the corpus (read, segment, relevance, MinHash,
   annotate+code, geo, dates, store);
2. the real thing: `eventdesk run --workers N` into a fresh SQLite file, in a child process,
   wall-clock articles/s and peak RSS (parent and each worker);
3. the parse floor: spaCy alone (`nlp.pipe` with the same model and pipes) over the same bodies,
   in one process; the ratio end-to-end / (floor x workers) says how close to the floor we run.
   That ratio assumes `workers` free cores: on a machine other work loads, the run's processes and
   the floor get unequal shares, so the load average is printed next to each timing, and the same
   ratio in CPU seconds per article (run: its process and workers; floor: its process), which the
   load does not change.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _child import measure_run  # noqa: E402

SHARED = HERE.parent.parent / "shared"
CORPORA = {"bbc": SHARED / "corpora" / "bbc", "guardian": SHARED / "corpora" / "guardian_isis.jsonl"}


def subset(src: Path, limit: int | None, tmp: Path) -> Path:
    """The first `limit` documents of a corpus, in the same format (folder or JSONL)."""
    if not limit:
        return src
    out = tmp / ("subset" + (".jsonl" if src.is_file() else ""))
    if src.is_file():
        with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                g.write(line)
        return out
    out.mkdir()
    files = sorted(p for p in src.rglob("*") if p.is_file())[:limit]
    for i, p in enumerate(files):
        (out / f"{i:06d}_{p.name}").write_bytes(p.read_bytes())
    return out


def stages(path: Path) -> tuple[dict[str, float], list]:
    from eventdesk.annotate import KnownEntities
    from eventdesk.code import code
    from eventdesk.config import load_config
    from eventdesk.dates import resolve_dates
    from eventdesk.dedup import signatures
    from eventdesk.geo import locate
    from eventdesk.read import read
    from eventdesk.records import Article
    from eventdesk.relevance import in_scope, judge
    from eventdesk.resources import Resources
    from eventdesk.segment import segment
    from eventdesk.store import open_store

    cfg = load_config()
    t: dict[str, float] = {}
    s = time.perf_counter()
    files = list(read([str(path)], cfg))
    t["read"] = time.perf_counter() - s
    s = time.perf_counter()
    arts = [a for f in files for a in segment(f.documents) if isinstance(a, Article)]
    t["segment"] = time.perf_counter() - s
    s = time.perf_counter()
    res = Resources.from_config(cfg)
    judge(arts, cfg, res=res)
    coded = [a for a in arts if in_scope(a, cfg)]  # the gate, as in the pipeline
    t["relevance"] = time.perf_counter() - s
    s = time.perf_counter()
    signatures(arts, cfg)
    t["minhash"] = time.perf_counter() - s
    code(arts[:2], cfg, res)  # model load, not counted
    s = time.perf_counter()
    ents = KnownEntities()  # geo reuses the coder's NER, as in the pipeline
    events = code(coded, cfg, res, entities=ents)
    t["annotate+code"] = time.perf_counter() - s
    by_id = {a.id: a for a in arts}
    s = time.perf_counter()
    locate(events, by_id, cfg, res, ents)
    t["geo"] = time.perf_counter() - s
    s = time.perf_counter()
    resolve_dates(events, by_id, cfg)
    t["dates"] = time.perf_counter() - s
    with tempfile.TemporaryDirectory() as tmp:
        st = open_store(os.path.join(tmp, "s.db"))
        s = time.perf_counter()
        with st.transaction():
            for a in arts:
                st.add_article(a)
            st.add_events(events)
        t["store"] = time.perf_counter() - s
        st.close()
    return t, arts


def spacy_floor(arts: list) -> float:
    """Seconds for spaCy alone over the article bodies, same model and pipes as eventdesk uses."""
    from eventdesk.annotate import FULL_DISABLE, load_model
    from eventdesk.config import load_config

    name = load_config()["annotate"]["model"]
    nlp = load_model(name, verify=False)  # vanilla: no entity ruler, no eventdesk code
    off = [p for p in nlp.pipe_names if p in FULL_DISABLE]
    bodies = [a.body for a in arts]
    list(nlp.pipe(bodies[:2], disable=off))
    s, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(bodies, batch_size=64, disable=off):
        pass
    FLOOR_CPU.append(time.process_time() - cpu)
    return time.perf_counter() - s


FLOOR_CPU: list[float] = []  # CPU seconds of the last floor measurement


def load() -> str:
    """The machine's 1-minute load average and core count: other work slows every wall-clock figure."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="bbc", help="bbc, guardian or a path (default %(default)s)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--skip-stages", action="store_true", help="only the end-to-end run")
    ap.add_argument("--keep-db", help="write the end-to-end run's store here (a new file) and keep it")
    ap.add_argument(
        "--floor-only",
        type=int,
        metavar="N",
        help="only the parse floor, on N articles spread evenly over the corpus (per article: wall and CPU)",
    )
    args = ap.parse_args()
    src = CORPORA.get(args.corpus, Path(args.corpus))
    if not src.exists():
        print(f"corpus not found: {src}", file=sys.stderr)
        return 2
    if args.floor_only:
        from eventdesk.config import load_config
        from eventdesk.read import read
        from eventdesk.records import Article
        from eventdesk.segment import segment

        arts = [
            a for f in read([str(src)], load_config()) for a in segment(f.documents) if isinstance(a, Article)
        ]
        sample = arts[:: max(1, len(arts) // args.floor_only)][: args.floor_only]
        print(f"before the floor: {load()}")
        floor = spacy_floor(sample)
        n = len(sample)
        print(
            f"spaCy alone (parse floor), one process, {n} of {len(arts)} articles: {floor:.2f} s "
            f"({floor / n * 1000:.0f} ms/article), CPU {FLOOR_CPU[-1]:.2f} s ({FLOOR_CPU[-1] / n * 1000:.0f} "
            f"ms/article; {load()})"
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = subset(src, args.limit, Path(tmp))
        print(f"corpus {src}" + (f" (first {args.limit})" if args.limit else ""))
        print(f"before the run: {load()}")
        if args.keep_db and os.path.exists(args.keep_db):
            print(f"{args.keep_db} exists: give a new file to --keep-db", file=sys.stderr)
            return 2
        r = measure_run(path, args.workers, db=args.keep_db)  # first: a light parent, so worker RSS is theirs
        print(f"after the run: {load()}")
        floor = None
        if not args.skip_stages:
            t, arts = stages(path)
            total = sum(t.values())
            print(f"per stage, one process, {len(arts)} articles:")
            for k, v in t.items():
                print(f"  {k:<14} {v:8.2f} s  {100 * v / total:5.1f} %")
            print(f"before the floor: {load()}")
            floor = spacy_floor(arts)
            print(
                f"spaCy alone (parse floor), one process: {floor:.2f} s, {len(arts) / floor:.1f} articles/s, "
                f"CPU {FLOOR_CPU[-1]:.2f} s ({load()})"
            )
            print(
                f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB"
            )
        rate = r["articles"] / r["seconds"]
        print(
            f"end to end, eventdesk run --workers {args.workers}: {r['seconds']:.1f} s, {r['articles']} articles "
            f"({r['new']} new, {r['coded']} coded), {r['events']} events, {rate:.1f} articles/s"
        )
        print(
            f"peak RSS: main {r['rss_main_mb']:,.0f} MB, largest worker {r['rss_worker_mb']:,.0f} MB, "
            f"all processes <= {r['rss_main_mb'] + args.workers * r['rss_worker_mb']:,.0f} MB"
        )
        if floor:
            ideal = r["articles"] / floor * args.workers
            print(
                f"ratio to the parse floor x {args.workers} workers: {rate / ideal:.2f} "
                f"(floor {r['articles'] / floor:.1f} articles/s per process)"
            )
            if r.get("cpu_s"):
                # on a loaded machine the run's workers and the floor get unequal shares of the cores;
                # CPU seconds per article do not depend on that (nor on how well the run overlaps)
                print(
                    f"CPU: run {r['cpu_s']:.1f} s ({r['cpu_s'] / r['articles'] * 1000:.0f} ms/article), floor "
                    f"{FLOOR_CPU[-1]:.1f} s ({FLOOR_CPU[-1] / len(arts) * 1000:.0f} ms/article); CPU ratio "
                    f"floor/run {FLOOR_CPU[-1] / len(arts) / (r['cpu_s'] / r['articles']):.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
