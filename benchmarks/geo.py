"""Gazetteer build time and peak memory, and toponym resolution throughput.

    python benchmarks/geo.py [--texts FILE_OR_DIR ...] [--repeat N] [--geonames-gb 1.5]

Build: a fresh build into a temporary folder, in a child process (so its peak RSS is its own).
Resolution: place names found in the texts (default: examples/*.txt) are resolved with
`eventdesk.geo.resolve`, the per-process name cache cleared before each pass (cold lookups).
With --geonames-gb G: a synthetic allCountries.txt of G GB in GeoNames' exact 19-column format (the
feature-class mix of the real file: about 40% populated places, the rest spots, water, terrain...)
is written to a temporary folder and imported with `eventdesk geo build --geonames` in a child
process; prints time, rows/s and the child's peak RSS (the import streams: memory stays bounded).
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


def _run_child(code: str) -> tuple[list[str], float, float]:
    """Run `code` in a fresh interpreter: its printed words, wall seconds, peak RSS of children (MB)."""
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    wall = time.perf_counter() - t
    return out, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bench_build() -> None:
    with tempfile.TemporaryDirectory() as d:
        code = (
            "import time; from eventdesk.geo.build import build; t=time.perf_counter(); "
            f"i=build({str(Path(d) / 'g.sqlite')!r}); print(i['places'], i['names'], i['bytes'], "
            "round(time.perf_counter()-t, 1))"
        )
        out, wall, rss_mb = _run_child(code)
    print(
        f"build: {wall:.1f} s wall ({out[3]} s in build), peak RSS {rss_mb:.0f} MB, "
        f"{int(out[0]):,} places, {int(out[1]):,} names, {int(out[2]) / 1e6:.0f} MB file"
    )


def bench_resolve(paths: list[Path], repeat: int) -> None:
    from eventdesk import geo
    from eventdesk.geo.toponyms import detect

    cfg = {"geo": {"ner": False}}
    from eventdesk.resources import Resources

    res = Resources.from_config(cfg)
    gaz = res.gazetteer
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    docs = [f.read_text(encoding="utf-8") for f in files]
    spans = [detect(gaz, t, cfg, res) for t in docs]
    n = sum(len(s) for s in spans)
    best = 0.0
    for _ in range(repeat):
        gaz._cache.clear()
        t = time.perf_counter()
        for text, sp in zip(docs, spans, strict=True):
            geo.resolve(text, sp, res)
        dt = time.perf_counter() - t
        best = max(best, n / dt if dt else 0.0)
    print(f"resolve: {n} mentions in {len(docs)} texts, best of {repeat}: {best:,.0f} mentions/s")
    t = time.perf_counter()
    found = sum(len(geo.parse(x, cfg, res)) for x in docs)
    dt = time.perf_counter() - t
    print(f"parse (matcher, no NER): {found} places, {sum(len(x) for x in docs) / dt / 1000:,.0f}k chars/s")


# feature class, code, share of rows: roughly the mix of the real allCountries file
_MIX = [
    ("P", "PPL", 40),
    ("S", "HTL", 18),
    ("H", "STM", 18),
    ("T", "HLL", 13),
    ("L", "AREA", 5),
    ("A", "ADM3", 3),
    ("V", "FRST", 2),
    ("R", "RD", 1),
]


def _synthetic_allcountries(path: Path, size_bytes: int) -> int:
    """Rows in GeoNames' geoname-table format up to `size_bytes`; invented names, real structure.
    Names, coordinates and codes come from small pools drawn once, so writing is cheap."""
    import random

    rng = random.Random(7)
    classes = [(c, f) for c, f, n in _MIX for _ in range(n)]
    syll = ["ka", "ro", "mi", "ta", "bel", "dor", "an", "su", "vi", "lek", "nar", "zu", "hol", "pe"]
    ccs = ["IQ", "SY", "NG", "ML", "BF", "SD", "UA", "MX", "IN", "PK", "CD", "SO"]
    names = ["".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).title() for _ in range(20_011)]
    alts = [",".join(n + s for s in ("a", "e", "i")[: rng.randint(0, 3)]) for n in names]
    lls = [f"{rng.uniform(-60, 70):.5f}\t{rng.uniform(-180, 180):.5f}" for _ in range(10_007)]
    tails = [
        f"{rng.choice(ccs)}\t\t{rng.randint(1, 30):02d}\t{rng.randint(1, 400)}\t\t\t"
        f"{rng.choice((0, 0, 0, 120, 3400))}\t\t{rng.randint(0, 3000)}\tAsia/Baghdad\t2024-01-01\n"
        for _ in range(4_999)
    ]
    n = written = 0
    with open(path, "w", encoding="utf-8") as f:
        buf = []
        while written < size_bytes:
            for _ in range(100_000):
                n += 1
                fc, code = classes[n % len(classes)]
                i = n % 20_011
                row = f"{n}\t{names[i]}\t{names[i]}\t{alts[i]}\t{lls[n % 10_007]}\t{fc}\t{code}\t{tails[n % 4_999]}"
                buf.append(row)
                written += len(row)
            f.write("".join(buf))
            buf.clear()
    return n


def _run_cli(argv: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float, float, float]:
    """Run eventdesk with `argv` in a child: (result, wall seconds, the child's own peak RSS in MB,
    its CPU seconds: on a loaded machine the wall time says more about the others than about us).
    os.wait4 gives that child's rusage (RUSAGE_CHILDREN would be the largest of every child so far)."""
    import os

    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(
            [sys.executable, "-m", "eventdesk", *argv], env=env, stdout=out, stderr=err, text=True
        )
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        res = subprocess.CompletedProcess(p.args, p.returncode, out.read(), err.read())
    return res, wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss: KiB on Linux


def bench_geonames_import(gb: float, tmp: str | None) -> None:
    """Write a synthetic allCountries.txt of `gb` GB, import it with `eventdesk geo build --geonames`,
    then check that a truncated copy is refused with the imported gazetteer kept."""
    import hashlib
    import os

    with tempfile.TemporaryDirectory(dir=tmp, prefix="eventdesk-geonames-bench-") as d:
        src = Path(d) / "allCountries.txt"
        out = Path(d) / "gazetteer-geonames.sqlite"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
        }
        t = time.perf_counter()
        rows = _synthetic_allcountries(src, int(gb * 1e9))
        print(
            f"synthetic allCountries.txt: {src.stat().st_size / 1e9:.2f} GB, {rows:,} rows, "
            f"written in {time.perf_counter() - t:.0f} s to {d}",
            flush=True,
        )
        res, wall, rss_mb, cpu = _run_cli(["geo", "build", "--geonames", str(src), "--output", str(out)], env)
        if res.returncode != 0:
            print(f"geonames import FAILED (exit {res.returncode}):\n{res.stderr[-2000:]}")
            return
        print(
            f"eventdesk geo build --geonames: {wall:.0f} s wall, CPU {cpu:.0f} s ({rows / cpu:,.0f} rows per "
            f"CPU second; load {os.getloadavg()[0]:.1f}), child peak RSS {rss_mb:.0f} MB; {res.stdout.strip()}",
            flush=True,
        )
        # a copy cut short inside a row (as an interrupted download ends) is refused, and the
        # gazetteer built above stays as it was
        digest = hashlib.sha1(out.read_bytes()).hexdigest()
        cut = Path(d) / "cut" / "allCountries.txt"
        cut.parent.mkdir()
        with open(src, "rb") as f, open(cut, "wb") as g:
            head = f.read(min(50_000_000, src.stat().st_size // 2))
            # the row the cut lands in, whole, then 12 bytes of the next one: the copy always ends
            # inside a row (a cut that fell on a row's end would leave a shorter but complete file)
            g.write(head + f.readline() + f.readline()[:12])
        src.unlink()
        bad, wall, rss_mb, cpu = _run_cli(["geo", "build", "--geonames", str(cut), "--output", str(out)], env)
        kept = hashlib.sha1(out.read_bytes()).hexdigest() == digest
        print(
            f"truncated copy ({cut.stat().st_size / 1e6:.0f} MB, cut inside a row): exit {bad.returncode} in {wall:.0f} s, gazetteer kept: {kept}; "
            f"{bad.stderr.strip().splitlines()[0] if bad.stderr.strip() else '(no message)'}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", nargs="*", type=Path, default=[ROOT / "examples"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-build", action="store_true", help="skip the fresh build")
    ap.add_argument(
        "--geonames-gb", type=float, help="also time importing a synthetic allCountries file of this size"
    )
    ap.add_argument("--tmp", help="folder for the synthetic file (default: the system's temporary folder)")
    a = ap.parse_args()
    if a.geonames_gb:
        bench_geonames_import(a.geonames_gb, a.tmp)
    if not a.no_build:
        bench_build()
    bench_resolve(a.texts, a.repeat)


if __name__ == "__main__":
    main()
