"""Read + segment + dedup + store throughput on one core (issue 2: >= 300 docs/s on the BBC corpus).

    python benchmarks/ingest.py [CORPUS] [--repeat N]

Prints per-stage seconds and docs/s. Runs in this process (one core), into a fresh SQLite file.
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
DEFAULT = HERE.parent.parent / "shared" / "corpora" / "bbc"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported (default %(default)s)")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from eventdesk.config import load_config
    from eventdesk.dedup import signatures
    from eventdesk.pipeline import run
    from eventdesk.read import read
    from eventdesk.records import Article
    from eventdesk.segment import segment
    from eventdesk.store import open_store

    cfg = load_config()
    # per-stage timing, outside the store
    t0 = time.perf_counter()
    files = list(read([args.corpus], cfg))
    t1 = time.perf_counter()
    arts = [a for f in files for a in segment(f.documents) if isinstance(a, Article)]
    t2 = time.perf_counter()
    signatures(arts, cfg)
    t3 = time.perf_counter()
    n_docs = sum(len(f.documents) for f in files)
    print(f"corpus {args.corpus}: {len(files)} files, {n_docs} documents, {len(arts)} articles")
    print(f"  read      {t1 - t0:6.2f} s")
    print(f"  segment   {t2 - t1:6.2f} s")
    print(f"  minhash   {t3 - t2:6.2f} s")

    best = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(os.path.join(tmp, "bench.db"))
            t = time.perf_counter()
            rep = run([args.corpus], store, cfg, events=False, progress=False)
            dt = time.perf_counter() - t
            store.close()
        best = dt if best is None else min(best, dt)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"end to end (read+segment+dedup+store, one process): {best:.2f} s, "
        f"{n_docs / best:,.0f} docs/s, peak RSS {rss:,.0f} MB"
    )
    print(
        f"  new articles {rep.new_articles}, exact duplicates {rep.exact_duplicates}, "
        f"near-duplicates {rep.near_duplicates}, joined stories {rep.stories_joined}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
