"""Dashboard API latency on a synthetic store of 100,000 events (p50/p95 per endpoint).

    python benchmarks/serve.py                 # builds /tmp/eventdesk-bench-100k.db once, then measures
    python benchmarks/serve.py --events 20000 --db /tmp/small.db --rounds 30

Requests go through the real FastAPI app (httpx + ASGI transport in-process: no network
noise), so the figures are store + app + JSON time. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

# the synthetic events live with the tests (tests/support/sample.py): they are not part of the product
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build(path: str, n_events: int, n_articles: int) -> None:
    from eventdesk.store import open_store
    from tests.support.sample import synthetic_articles, synthetic_events

    t0 = time.perf_counter()
    with open_store(path) as store:
        arts = list(synthetic_articles(n_articles))
        with store.transaction():
            for a in arts:
                store.add_article(a)
        step = 10_000
        gen = synthetic_events(arts, n_events, seed=3, start="2023-01-01", days=900)
        done = 0
        while done < n_events:
            batch = [next(gen) for _ in range(min(step, n_events - done))]
            with store.transaction():
                store.add_events(batch)
            done += len(batch)
            print(f"  {done} events", file=sys.stderr, end="\r")
    print(
        f"built {path}: {n_articles} articles, {n_events} events in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/eventdesk-bench-100k.db")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=40, help="requests per endpoint")
    args = ap.parse_args()

    if not os.path.exists(args.db):
        build(args.db, args.events, args.articles)

    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app

    rng = random.Random(1)
    types = ["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "CONSULT"]
    countries = ["SDN", "IRQ", "UKR", "SYR", "YEM"]
    words = [
        "refinery",
        "airstrike shelling",
        "ceasefire talks",
        "convoy",
        "arrested police",
        "protest minister",
    ]

    def filters() -> dict:
        f: dict = {}
        r = rng.random()
        if r < 0.3:
            f["type"] = rng.choice(types)
        elif r < 0.5:
            f["country"] = rng.choice(countries)
        elif r < 0.65:
            f["since"], f["until"] = "2024-01", "2024-06"
        elif r < 0.75:
            f["actor"] = rng.choice(["rapid support", "hezbollah", "police", "houthis"])
        elif r < 0.85:
            f["modality"] = "claimed"
            f["min_confidence"] = 0.6
        return f

    cases = {
        # map at world zoom (server-side grid) and zoomed in on a region (points or finer grid)
        "map (world, zoom 2)": lambda: ("/api/map", {"zoom": 2, **filters()}),
        "map (region, zoom 7)": lambda: ("/api/map", {"zoom": 7, "bbox": "31,13,35,17", **filters()}),
        "timeline (auto)": lambda: ("/api/timeline", filters()),
        "filter (events page)": lambda: ("/api/events", {"limit": 50, "order": "-date", **filters()}),
        "filter (evidence text)": lambda: ("/api/events", {"limit": 50, "text": rng.choice(words)}),
        "search (articles)": lambda: ("/api/search", {"q": rng.choice(words), "limit": 20}),
        "network": lambda: ("/api/network", {"limit": 30, **filters()}),
        "facets": lambda: ("/api/facets", {}),
    }
    with TestClient(create_app(args.db), base_url="http://127.0.0.1") as client:
        st = client.get("/api/stats").json()
        print(
            f"store {args.db}: {st['events']:,} events ({st['located_events']:,} located), "
            f"{st['articles']:,} articles"
        )
        print(f"{'endpoint':24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  typical response")
        for name, make in cases.items():
            path, params = make()
            client.get(path, params=params)  # warm the page cache and the thread's connection
            times, sizes, modes = [], [], set()
            for _ in range(args.rounds):
                path, params = make()
                t0 = time.perf_counter()
                r = client.get(path + "?" + urlencode(params, doseq=True))
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    print(f"  {name}: {r.status_code} {r.text[:200]}")
                sizes.append(len(r.content))
                if path == "/api/map":
                    modes.add(r.json()["mode"])
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            extra = f"{statistics.median(sizes) / 1024:.0f} KiB" + (
                f", {'/'.join(sorted(modes))}" if modes else ""
            )
            print(f"{name:24} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}  {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
