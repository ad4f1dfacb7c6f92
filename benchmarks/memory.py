"""Streaming: peak memory of `eventdesk run` must not grow with the size of the input.

    python benchmarks/memory.py [--sizes 10000 100000] [--workers 2] [--engine local|ray] [--no-events]

Generates N short synthetic news articles (JSONL files of 1,000 records, the shape of a
news-please export), runs the full pipeline on each size in a fresh child process, and prints
peak RSS of the main process and of the largest worker, and the ratio to the smallest size.
`--engine ray` runs the same on a local Ray cluster (`pip install 'eventdesk[ray]'`); its largest
"worker" is the largest process Ray starts (an actor, the raylet or the object store).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _child import measure_run  # noqa: E402

ACTORS = [
    "Police",
    "Protesters",
    "The army",
    "Rebels",
    "Government forces",
    "Militants",
    "Residents",
    "Security forces",
    "Students",
    "Workers",
    "Opposition supporters",
    "Gunmen",
]
VERBS = [
    "clashed with",
    "attacked",
    "marched against",
    "arrested",
    "met",
    "accused",
    "shelled",
    "blocked a road near",
    "negotiated with",
    "protested outside the offices of",
]
PLACES = [
    "Kirkuk",
    "Mosul",
    "Khartoum",
    "Beirut",
    "Aden",
    "Tripoli",
    "Mogadishu",
    "Goma",
    "Kano",
    "Gao",
    "Baghdad",
    "Omdurman",
    "Sanaa",
    "Benghazi",
    "Kismayo",
    "Bamako",
]
# A vocabulary wide enough that synthetic articles are not near-duplicates of each other.
WORDS = (
    "crowd street market bridge convoy checkpoint village hospital school mosque church camp border "
    "river valley road airport port station office building square district council ministry court "
    "prison farm field hill forest bus truck car boat night morning evening smoke fire noise gunfire "
    "shots explosion siren rain dust calm panic anger fear hope talks deal statement report video "
    "photo witness doctor teacher farmer driver trader student elder leader official spokesman "
    "commander soldier officer guard fighter volunteer family child woman man neighbour"
).split()
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate(root: Path, n: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    per_file = 1000
    for f in range((n + per_file - 1) // per_file):
        with open(root / f"export_{f:05d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(f * per_file, min(n, (f + 1) * per_file)):
                a, b = rnd.sample(ACTORS, 2)
                place, day, verb = rnd.choice(PLACES), rnd.choice(DAYS), rnd.choice(VERBS)
                filler = " ".join(rnd.choice(WORDS) for _ in range(30))
                text = (
                    f"{a} {verb} {b.lower()} in {place} on {day}, officials said. "
                    f"Witnesses described {filler}. {rnd.randint(0, 30)} people were injured."
                )
                out.write(
                    json.dumps(
                        {
                            "title": f"Report {i} from {place}",
                            "maintext": text,
                            "date_publish": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                            "url": f"https://news.example/{i}",
                        }
                    )
                    + "\n"
                )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engine", choices=["local", "ray"], default="local", help="where the batches run")
    ap.add_argument("--no-events", action="store_true", help="read/segment/dedup/store only")
    args = ap.parse_args()
    base = None
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            generate(Path(tmp), n)
            gen = time.perf_counter() - t
            r = measure_run(Path(tmp), args.workers, not args.no_events, args.engine)
        total = r["rss_main_mb"] + r["rss_worker_mb"]
        base = base or total
        print(
            f"{n:>8,} articles: {r['seconds']:7.1f} s ({n / r['seconds']:6.1f} articles/s, generated in "
            f"{gen:.1f} s), {r['events']:,} events, peak RSS main {r['rss_main_mb']:,.0f} MB + largest worker "
            f"{r['rss_worker_mb']:,.0f} MB = {total:,.0f} MB ({100 * (total / base - 1):+.1f} % vs first size)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
