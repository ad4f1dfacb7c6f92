"""Bad input in, nothing lost (issue 7): how many hostile inputs were tried, reported, crashed.

    python benchmarks/robustness.py [--fuzz N] [--big-mb MB] [--dump-articles N] [--piece-chars C]
                                    [--seed S] [--keep DIR]

1. The bad-input corpus of tests/support/bad_corpus.py (binary, empty, 100 MB, encodings, truncated
   gzip/WARC, 100k nested <div>, broken and deep JSON, symlink loops, a FIFO, hostile text...)
   plus N fuzzed files (good documents with flipped, cut, inserted bytes, odd encodings, gzip).
2. Every fuzzed file read + segmented in this process under a 10 s guard.time_limit: an
   exception is a crash, a timeout a hang.
3. The pipeline (events included, eventdesk.guard's limits wired in), over
   examples/ + a control set of good files: the reference store; then over the same plus every
   bad and fuzzed file: crashes are exceptions out of the run; rows lost are reference articles
   missing after, and reference events by reporting article and type (ids may change: see REPORTS). The real `eventdesk run` CLI also runs over the good files and the
   bad corpus (not the fuzzed files: without the guard a run-on paragraph keeps the event coder
   busy for minutes): crashes are a traceback or an exit status other than 0/3.

4. Issue 15 families: decompression bombs (each read in a child process: peak memory), Unicode in
   every byte order with and without a mark, GB18030, WARC records whose Content-Length lies, a
   2.4 MB page with an inline image, a plain-text dump longer than a piece (read in pieces),
   zero-width files; their good content must all be stored (lost) and once (duplicated). Random edit/delete sequences: the store
   after each re-run must equal a fresh build. Hostile HTTP on the dashboard: wrong Host names, huge
   offsets, prefix-term searches; any 5xx is a crash.

Sizes. The dump family checks that a dump longer than `read.max_document_chars` is read in pieces
with no article lost or doubled at a boundary. Every dump article is coded (each is a clash report of
~22 sentences, ~0.35 s of CPU per article here, like a BBC article), so the issue's 5 MB dump (1,600
articles at the 2,000,000-character default piece) costs ~10 CPU minutes, 40+ minutes on a loaded
machine, for the same check. By default the guarded run therefore reads with pieces of
--piece-chars 500,000 characters and the dump has --dump-articles 400 (1.2 M characters: 3 pieces,
2 boundaries, more than the 5 MB dump at the default piece has). `--dump-articles 1600 --piece-chars
2000000` runs the issue's sizes. The piece size applies to the guarded run only (the inline-image page
then has 5x its extracted-text limit in markup, a stricter check); the CLI run and the in-process
reads use the defaults.

Prints figures only (never asserts).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARA = (
    "Government troops clashed with rebels near the northern town on Monday, officials said, and at least "
    "seven people were killed in the fighting. "
)


def control_files(root: Path, n: int = 12) -> list[Path]:
    """Good files in every format, written here: what must survive the bad company."""
    root.mkdir(parents=True)
    out = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            p = root / f"good{i}.txt"
            p.write_text(f"Control headline {i}\n\n{PARA}Control {i}.\n\n{PARA}\n")
        elif kind == 1:
            p = root / f"good{i}.jsonl"
            p.write_text(
                json.dumps(
                    {
                        "title": f"Control record {i}",
                        "text": PARA + f"Record {i}.",
                        "published": "2025-06-0%d" % (1 + i % 9),
                    }
                )
                + "\n"
            )
        else:
            p = root / f"good{i}.html"
            p.write_text(
                f"<!DOCTYPE html><html><head><title>Control page {i}</title></head><body><article>"
                f"<h1>Control page {i}</h1><p>{PARA}</p><p>{PARA} Page {i}.</p></article></body></html>"
            )
        out.append(p)
    return out


def mutate(data: bytes, rnd: random.Random) -> bytes:
    op = rnd.randrange(7)
    b = bytearray(data)
    if op == 0 and b:  # flip bytes
        for _ in range(rnd.randint(1, 50)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
    elif op == 1:  # cut
        b = b[: rnd.randrange(len(b) + 1)]
    elif op == 2:  # insert random bytes
        pos = rnd.randrange(len(b) + 1)
        b[pos:pos] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 300)))
    elif op == 3:  # odd encoding
        text = data.decode("utf-8", "replace")
        b = bytearray(
            text.encode(
                rnd.choice(["utf-16", "utf-32", "cp1252", "latin-1", "shift_jis", "utf-7"]), "replace"
            )
        )
    elif op == 4:  # gzip, maybe cut
        z = gzip.compress(bytes(b))
        b = bytearray(z[: rnd.randrange(len(z) + 1)] if rnd.random() < 0.5 else z)
    elif op == 5:  # repeat a slice many times
        if b:
            i = rnd.randrange(len(b))
            b = b[:i] + b[i : i + 50] * rnd.randint(10, 2000) + b[i:]
    else:  # nest markup or JSON deeply
        depth = rnd.randint(100, 20000)
        b = bytearray(
            rnd.choice([b"<div>" * depth, b"[" * depth, b'{"a":' * depth, b"<b><i>" * depth]) + bytes(b)
        )
    return bytes(b)


def fuzz_files(root: Path, seeds: list[Path], n: int, rnd: random.Random) -> list[Path]:
    root.mkdir(parents=True)
    bases = [p.read_bytes() for p in seeds]
    out = []
    for i in range(n):
        data = rnd.choice(bases)
        for _ in range(rnd.randint(1, 3)):
            data = mutate(data, rnd)
        p = root / f"fuzz{i:04d}.dat"
        p.write_bytes(data)
        out.append(p)
    return out


def in_process(files: list[Path]) -> tuple[int, int, int, list[str]]:
    """Read + segment each file under a time limit: (problems, crashes, hangs, crash lines)."""
    from eventdesk.guard import DocumentTimeout, time_limit
    from eventdesk.read import read_file
    from eventdesk.records import Problem
    from eventdesk.segment import segment

    problems = crashes = hangs = 0
    lines = []
    for p in files:
        try:
            with time_limit(10, str(p)):
                f = read_file(str(p))
                items = segment(f.documents)
            problems += len(f.problems) + sum(isinstance(x, Problem) for x in items)
        except DocumentTimeout:
            hangs += 1
            lines.append(f"hang: {p}")
        except Exception as e:  # noqa: BLE001 - the figure we are after
            crashes += 1
            lines.append(f"crash: {p}: {type(e).__name__}: {e}")
    return problems, crashes, hangs, lines


def guarded_run(paths: list[str], db: Path, config: dict) -> tuple[list, str | None]:
    """pipeline.run (which reads, segments and codes under eventdesk.guard's limits): returns
    (problems, crash)."""
    import eventdesk.pipeline as pl
    from eventdesk.store import open_store

    problems: list = []
    try:
        with open_store(str(db)) as store:
            pl.run(paths, store, config, progress=False, on_problem=problems.append)
        return problems, None
    except Exception as e:  # noqa: BLE001 - the figure we are after
        import traceback

        return problems, "".join(traceback.format_exception(e))[-3000:]


PAGE = (
    "<!DOCTYPE html><html><head><title>{t}</title></head><body><article><h1>{t}</h1>"
    + "".join(f"<p>{PARA} Paragraph {i}.</p>" for i in range(4))
    + "</article></body></html>"
)


def _gzip_stream(path: Path, chunk: bytes, total: int) -> None:
    import zlib

    c = zlib.compressobj(1, zlib.DEFLATED, 31)  # level 1: a third of level 9's CPU, same bytes out
    with open(path, "wb") as f:
        for _ in range(total // len(chunk)):
            f.write(c.compress(chunk))
        f.write(c.flush())


def _warc(pages: list[tuple[str, str]], gz: bool) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=h)
        )
    return buf.getvalue()


def issue15_files(root: Path, dump_articles: int = 400) -> tuple[list[Path], set[str]]:
    """The issue-15 families: (bombs, titles that must be stored once each)."""
    import base64
    import codecs
    import re

    root.mkdir(parents=True)
    bombs = root / "bombs"
    bombs.mkdir()
    _gzip_stream(bombs / "zeros.gz", b"\x00" * 65536, 1_000_000_000)
    _gzip_stream(
        bombs / "text.jsonl.gz",
        (json.dumps({"title": "b", "text": PARA}) + "\n").encode() * 300,
        1_000_000_000,
    )
    inner = bombs / "inner.gz"
    _gzip_stream(inner, b"\x00" * 65536, 300_000_000)
    (bombs / "nested.gz").write_bytes(gzip.compress(inner.read_bytes()))
    inner.unlink()
    want: set[str] = set()
    for enc, bom in [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
        ("utf-16-le", b""),
        ("utf-32-be", b""),
    ]:
        t = f"Encoded page {enc} {'bom' if bom else 'nobom'}"
        (root / f"{enc}-{bool(bom)}.html").write_bytes(bom + PAGE.format(t=t).encode(enc))
        want.add(t)
    # two articles with distinct paragraphs (the same paragraph printed again is page furniture)
    (root / "gb18030.txt").write_bytes(
        (
            "中国新闻标题\n\n"
            + "".join(
                f"政府军周{i}在北部城镇附近与叛军发生冲突，官员说，至少{i}人丧生。\n\n" for i in range(1, 6)
            )
            + "\n\n第二条新闻标题\n\n"
            + "".join(f"抗议者周{i}在首都集会，要求政府下台。\n\n" for i in range(1, 4))
        ).encode("gb18030")
    )
    want.update({"中国新闻标题", "第二条新闻标题"})
    pages = [(f"http://x/{i}", PAGE.format(t=f"WARC page {i}")) for i in range(3)]
    plain = _warc(pages, False)
    start = plain.find(b"WARC/1", plain.find(b"http://x/0") + 1)
    m = re.compile(rb"Content-Length: (\d+)").search(plain, start)
    (root / "short.warc").write_bytes(
        plain[: m.start(1)] + str(int(m.group(1)) - 40).encode() + plain[m.end(1) :]
    )
    want |= {"WARC page 0", "WARC page 2"}
    img = base64.b64encode(os.urandom(1_800_000)).decode()
    (root / "inline-image.html").write_text(
        PAGE.format(t="Page with an inline image").replace(
            "<article>", f'<img src="data:image/png;base64,{img}"><article>'
        )
    )
    want.add("Page with an inline image")
    dump = "".join(
        f"Dump headline number {i}\n\n{PARA} Report {i}.\n\n{PARA * 20}\n\n\n" for i in range(dump_articles)
    )
    (root / "big-dump.txt").write_text(dump)
    want |= {f"Dump headline number {i}" for i in range(dump_articles)}
    (root / "zero-width.txt").write_text("\u200b\u200c\u200d\ufeff\n\u2060\n")
    return sorted(bombs.iterdir()), want


def bomb_children(bombs: list[Path]) -> list[tuple[str, float, str]]:
    from tests.support.peak import READ_PEAK_CHILD

    out = []
    for b in bombs:
        p = subprocess.run(
            [sys.executable, "-c", READ_PEAK_CHILD, str(b)], capture_output=True, text=True, timeout=600
        )
        try:
            r = json.loads(p.stdout.strip().splitlines()[-1])
            out.append((b.name, r["peak_mb"], (r["problems"] or ["NOT REPORTED"])[0][:70]))
        except (IndexError, ValueError):
            out.append((b.name, -1.0, "CRASH " + p.stderr[-200:]))
    return out


def edit_sequences(work: Path, seeds: int) -> tuple[int, list[str]]:
    """Random edit/delete sequences (tests/store/test_consistency.py's scenario): re-runs vs fresh builds."""
    import eventdesk.pipeline as pl
    from tests.store.test_consistency import fake_extract, scenario

    saved = pl.extract_events
    pl.extract_events = fake_extract
    bad = []
    cwd = os.getcwd()
    try:
        for seed in range(seeds):
            d = work / f"edits{seed}"
            d.mkdir(parents=True)
            os.chdir(d)
            try:
                scenario(seed, d, lambda name, d=d: str(d / f"{name}.db"))
            except AssertionError as e:
                bad.append(f"seed {seed}: {str(e)[:200]}")
    finally:
        os.chdir(cwd)
        pl.extract_events = saved
    return seeds, bad


def hostile_http(db: Path) -> tuple[int, int, int]:
    """(requests, 5xx answers, strangers' requests answered with data)."""
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app

    n = five = leaked = 0
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1:8000") as c:
        for host in ("evil.com", "127.0.0.1.evil.com", "localhost.attacker", ""):
            r = c.get("/api/stats", headers={"Host": host})
            n += 1
            leaked += r.status_code == 200
        for q in ("a* b* c* d* e* f*", " ".join(["ab*"] * 4), "x" * 499, "\x00*", '"' * 300, "NEAR(a b)"):
            r = c.get("/api/search", params={"q": q})
            n += 1
            five += r.status_code >= 500 and r.status_code != 503
        for param in ("offset", "limit"):
            for v in (str(2**63), str(2**64), "-1", "1e400", "nan"):
                r = c.get("/api/events", params={param: v})
                n += 1
                five += r.status_code >= 500
    return n, five, leaked


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventdesk", *args], capture_output=True, text=True)


def rows(db: Path, sql: str) -> Counter:
    c = sqlite3.connect(db)
    try:
        return Counter(c.execute(sql))
    finally:
        c.close()


def ids(db: Path, sql: str) -> set:
    c = sqlite3.connect(db)
    try:
        return {r[0] for r in c.execute(sql)}
    finally:
        c.close()


# What is lost, whatever the ids: each article's events by type (how many of each). An event's id
# and evidence follow the article it was first merged under, so when other files report the same
# event (the fuzzed copies of the examples) they may change while every article keeps its events.
REPORTS = "SELECT e.event_type, es.article_id FROM events e JOIN event_sources es ON es.event_id = e.id"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fuzz", type=int, default=200, help="fuzzed files (default %(default)s)")
    ap.add_argument("--big-mb", type=int, default=100, help="size of the big text file (default %(default)s)")
    ap.add_argument(
        "--dump-articles",
        type=int,
        default=400,
        help="articles in the issue-15 plain-text dump (default %(default)s; the issue's 5 MB: 1600)",
    )
    ap.add_argument(
        "--piece-chars",
        type=int,
        default=500_000,
        help="read.max_document_chars of the guarded run: the dump is read in pieces of this size "
        "(default %(default)s; the product's default: 2000000)",
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--timeout", type=float, default=20, help="per-document/article limit, s (default %(default)s)"
    )
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = ap.parse_args()

    from tests.support.bad_corpus import make_bad_corpus

    rnd = random.Random(args.seed)
    work = Path(args.keep or tempfile.mkdtemp(prefix="eventdesk-robust-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        examples = work / "examples"
        shutil.copytree(ROOT / "examples", examples)
        control = control_files(work / "control")
        bad = work / "bad"
        expect = make_bad_corpus(bad, big_mb=args.big_mb, seed=args.seed)
        n_bad = sum(1 for p in bad.rglob("*") if p.is_symlink() or not p.is_dir())  # files, links, the FIFO
        fuzz = fuzz_files(work / "fuzz", control + sorted(examples.iterdir()), args.fuzz, rnd)
        bombs, want15 = issue15_files(work / "issue15", args.dump_articles)
        dump_chars = len((work / "issue15" / "big-dump.txt").read_text())
        t_gen = time.perf_counter() - t0

        t0 = time.perf_counter()
        p_problems, p_crashes, p_hangs, p_lines = in_process(fuzz)
        t_proc = time.perf_counter() - t0

        from eventdesk.config import load_config

        config = load_config(
            overrides={
                "read": {
                    "document_timeout_s": args.timeout,
                    "file_timeout_s": 10 * args.timeout,
                    "max_document_chars": args.piece_chars,
                },
                "code": {"article_timeout_s": args.timeout},
            }
        )
        good = [str(examples), str(work / "control")]
        ref = work / "ref.db"
        ref_probs, ref_crash = guarded_run(good, ref, config)
        ref_ok = ref_crash is None and not ref_probs
        mixed = work / "mixed.db"
        t0 = time.perf_counter()
        probs, crash = guarded_run(
            good + [str(bad), str(work / "fuzz"), str(work / "issue15")], mixed, config
        )
        t_run = time.perf_counter() - t0
        timeouts = [p for p in probs if "took longer than" in p.reason]
        reported = [str(p) for p in probs]
        missing_bad = [n for n in expect if not any(f"/{n}" in x for x in reported)]
        # the real CLI (no guard wired yet) over the bad corpus and the good files
        t0 = time.perf_counter()
        r = cli("run", *good, str(bad), "--db", str(work / "cli.db"), "-q")
        t_cli = time.perf_counter() - t0
        cli_crash = int("Traceback" in r.stderr or r.returncode not in (0, 3))
        cli_lines = [x for x in r.stderr.splitlines() if x.startswith("eventdesk: ")]

        lost_articles = ids(ref, "SELECT id FROM articles") - ids(mixed, "SELECT id FROM articles")
        c15 = sqlite3.connect(mixed)
        titles15 = [
            r[0]
            for r in c15.execute(
                "SELECT a.title FROM articles a WHERE EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id "
                "AND s.path LIKE ?)",
                (f"%{work.name}/issue15/%",),
            )
        ]
        c15.close()
        lost15 = sorted(want15 - set(titles15))
        dup15 = sorted(t for t in set(titles15) if titles15.count(t) > 1)
        bomb_rows = bomb_children(bombs)
        t0 = time.perf_counter()
        n_seq, bad_seq = edit_sequences(work / "edits", 4)
        t_seq = time.perf_counter() - t0
        n_http, http5, leaked = hostile_http(mixed)
        lost_ids = ids(ref, "SELECT id FROM events") - ids(mixed, "SELECT id FROM events")
        lost_events = sorted((rows(ref, REPORTS) - rows(mixed, REPORTS)).elements())
        chk = cli("check", "--db", str(mixed))

        print(
            f"inputs tried:     {n_bad + args.fuzz} ({n_bad} bad-corpus entries incl. a {args.big_mb} MB file, "
            f"{args.fuzz} fuzzed files) + {len(control) + 2} good files"
        )
        print(
            f"errors reported:  {len(reported)} problems in the guarded run ({len(timeouts)} over the "
            f"{args.timeout:g} s limit); {len(cli_lines)} lines by `eventdesk run` on the bad corpus "
            f"(exit status {r.returncode}); {p_problems} in-process over the fuzzed files"
        )
        print(
            f"bad files named:  {len(expect) - len(missing_bad)} of {len(expect)} expected"
            + (f" (missing: {', '.join(missing_bad)})" if missing_bad else "")
        )
        print(
            f"crashes:          {int(crash is not None) + cli_crash + p_crashes + http5 + sum(p < 0 for _, p, _ in bomb_rows)} "
            f"(guarded run {int(crash is not None)}, "
            f"CLI run {cli_crash}, in-process read+segment {p_crashes}); hangs > 10 s in read+segment: {p_hangs}"
        )
        print(
            f"rows lost:        {len(lost_articles) + len(lost_events)} ({len(lost_articles)} articles, "
            f"{len(lost_events)} events of the reference run by article and type; {len(lost_ids)} event ids "
            f"changed{'' if ref_ok else '; REFERENCE RUN HAD PROBLEMS'})"
        )
        print(
            f"issue 15 files:   {len(want15)} articles expected; lost {len(lost15)}, duplicated {len(dup15)}"
            + (
                f" (lost: {', '.join(lost15[:5])}; duplicated: {', '.join(dup15[:5])})"
                if lost15 or dup15
                else ""
            )
        )
        print(
            f"  dump {args.dump_articles} articles, {dump_chars:,} characters: read in "
            f"{-(-dump_chars // args.piece_chars)} pieces of {args.piece_chars:,}"
        )
        for name, peak, why in bomb_rows:
            print(f"  bomb {name:16} peak RSS {peak:7.0f} MB  {why}")
        print(
            f"edit/delete:      {n_seq} random sequences, {len(bad_seq)} differ from a fresh build ({t_seq:.0f} s)"
            + "".join(f"\n  {b}" for b in bad_seq)
        )
        print(
            f"hostile HTTP:     {n_http} requests, {http5} answered 5xx, {leaked} strangers answered with data"
        )
        print(
            f"store check:      {'sound' if chk.returncode == 0 else 'FAILED'} "
            f"({chk.stdout.splitlines()[0] if chk.stdout else chk.stderr.strip()})"
        )
        print(
            f"time:             generate {t_gen:.1f} s, read+segment {t_proc:.1f} s, guarded run {t_run:.1f} s, "
            f"CLI run {t_cli:.1f} s"
        )
        for line in p_lines[:10] + [str(p) for p in timeouts[:5]]:
            print("  " + line[:300])
        for tb in (crash, ref_crash, r.stderr[-3000:] if cli_crash else None):
            if tb:
                print(tb)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
