"""What the BBC News corpus gives, folder by folder (issue 11: general news must not be a wall of events).

    python benchmarks/bbc.py [--db STORE] [--corpus ../shared/corpora/bbc] [--workers 2] [--list sport,entertainment]

Without --db, runs `eventdesk run CORPUS --db <temporary store>` first; with --db, reads a store a
run of the corpus wrote (e.g. `benchmarks/pipeline.py --corpus bbc --keep-db FILE`). Per folder
(business, entertainment, politics, sport, tech): articles stored, articles judged in scope,
events, events per article, and events of a violent ACLED type (the political-violence types
Battles, Explosions/Remote violence, Violence against civilians, and Riots); then every event of
the listed folders with its type and sentence, to read. The issue's bar: sport + entertainment
<= 40 events in all, none violent unless the article reports political violence; business +
tech <= 0.5 events per article. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
# ACLED's political-violence event types (ACLED codebook, "Event types": Battles, Explosions/Remote
# violence and Violence against civilians; Riots are violent demonstrations and mob violence)
VIOLENT = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"))


def folder_of(path: str) -> str:
    return Path(path).parent.name


def report(db: str, listed: list[str]) -> None:
    from eventdesk.config import load_config
    from eventdesk.relevance import in_scope as coded_from
    from eventdesk.store import open_store

    cfg = load_config()
    store = open_store(db, readonly=True)
    folder: dict[str, str] = {}
    arts, in_scope = Counter(), Counter()
    for a in store.iter_articles():
        f = folder_of(a.sources[0].path) if a.sources else "?"
        folder[a.id] = f
        arts[f] += 1
        in_scope[f] += coded_from(a, cfg)  # the relevance gate's verdict: events are coded from it
    events, violent = Counter(), Counter()
    shown: list[tuple[str, str, str, str, str]] = []
    for ev in store.iter_events():
        f = folder.get(ev.article_id, "?")
        events[f] += 1
        v = ev.acled_event_type in VIOLENT
        violent[f] += v
        if f in listed:
            shown.append((f, ev.event_type, ev.acled_event_type or "-", ev.article_id, ev.evidence.sentence))
    store.close()
    print(f"{'folder':<14} {'articles':>8} {'in scope':>8} {'events':>7} {'per art.':>8} {'violent':>7}")
    for f in sorted(arts):
        print(
            f"{f:<14} {arts[f]:>8} {in_scope[f]:>8} {events[f]:>7} {events[f] / max(1, arts[f]):>8.3f} {violent[f]:>7}"
        )
    se = sum(events[f] for f in ("sport", "entertainment"))
    sev = sum(violent[f] for f in ("sport", "entertainment"))
    bt = sum(events[f] for f in ("business", "tech")) / max(1, sum(arts[f] for f in ("business", "tech")))
    print(
        f"sport + entertainment: {se} events ({sev} violent), bar <= 40; "
        f"business + tech: {bt:.3f} events per article, bar <= 0.5"
    )
    if shown:
        print(f"\nevents of {', '.join(listed)}:")
        for f, t, acled, aid, sentence in sorted(shown):
            print(f"  [{f}] {t} / {acled} ({aid}): {' '.join(sentence.split())[:300]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="a store the corpus was run into (default: run it now)")
    ap.add_argument("--corpus", default=str(SHARED / "corpora" / "bbc"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--list", default="sport,entertainment", help="folders whose events are printed")
    args = ap.parse_args()
    listed = [x for x in args.list.split(",") if x]
    if args.db:
        report(args.db, listed)
        return 0
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bbc.db")
        t = time.perf_counter()
        cmd = [
            sys.executable,
            "-m",
            "eventdesk",
            "run",
            args.corpus,
            "--db",
            db,
            "--workers",
            str(args.workers),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        print(f"eventdesk run {args.corpus}: {time.perf_counter() - t:.0f} s (load {os.getloadavg()[0]:.1f})")
        report(db, listed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
