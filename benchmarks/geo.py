"""Gazetteer build time and peak memory, and toponym resolution throughput.

    python benchmarks/geo.py [--texts FILE_OR_DIR ...] [--repeat N]

Build: a fresh build into a temporary folder, in a child process (so its peak RSS is its own).
Resolution: place names found in the texts (default: examples/*.txt) are resolved with
`eventdesk.geo.resolve`, the per-process name cache cleared before each pass (cold lookups).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_build() -> None:
    with tempfile.TemporaryDirectory() as d:
        code = (
            "import time; from eventdesk.geo.build import build; t=time.perf_counter(); "
            f"i=build({str(Path(d) / 'g.sqlite')!r}); print(i['places'], i['names'], i['bytes'], "
            "round(time.perf_counter()-t, 1))"
        )
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        wall = time.perf_counter() - t
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"build: {wall:.1f} s wall ({out[3]} s in build), peak RSS {rss_mb:.0f} MB, "
        f"{int(out[0]):,} places, {int(out[1]):,} names, {int(out[2]) / 1e6:.0f} MB file"
    )


def bench_resolve(paths: list[Path], repeat: int) -> None:
    from eventdesk import geo
    from eventdesk.geo.toponyms import detect

    cfg = {"geo": {"ner": False}}
    gaz = geo.get(cfg)
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    docs = [f.read_text(encoding="utf-8") for f in files]
    spans = [detect(gaz, t, cfg) for t in docs]
    n = sum(len(s) for s in spans)
    best = 0.0
    for _ in range(repeat):
        gaz._cache.clear()
        t = time.perf_counter()
        for text, sp in zip(docs, spans, strict=True):
            geo.resolve(text, sp, cfg)
        dt = time.perf_counter() - t
        best = max(best, n / dt if dt else 0.0)
    print(f"resolve: {n} mentions in {len(docs)} texts, best of {repeat}: {best:,.0f} mentions/s")
    t = time.perf_counter()
    found = sum(len(geo.parse(x, cfg)) for x in docs)
    dt = time.perf_counter() - t
    print(f"parse (matcher, no NER): {found} places, {sum(len(x) for x in docs) / dt / 1000:,.0f}k chars/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", nargs="*", type=Path, default=[ROOT / "examples"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-build", action="store_true", help="skip the fresh build")
    a = ap.parse_args()
    if not a.no_build:
        bench_build()
    bench_resolve(a.texts, a.repeat)


if __name__ == "__main__":
    main()
