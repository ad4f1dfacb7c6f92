#!/usr/bin/env python3
"""Score the event's place (geo/location.py) on hand-labelled event sites (training/site_labels.tsv).

    python scripts/score_sites.py [--labels training/site_labels.tsv] [--run DIR] [--show [SPLIT]]

1. The labelled articles (named by corpus key) are read from ../shared/corpora
   (scripts/eventness_corpus.py; realnews articles are never among them) and run through
   `eventdesk run` with the eventness gate off, so every candidate event the labels name exists
   whatever the gate model says. With --run DIR, DIR/ev.jsonl and DIR/art.jsonl (exports of such
   a run) are used instead.
2. Each label names one event by its article key and trigger offsets: the record with that trigger,
   else a record of the label's type that the label's sentence was joined into as a mention (the
   matching of ../shared/eval/score_events.py; before, such a label counted as not found). The place is right
   when it lies within the label's radius (km) of the labelled point, the test of
   ../shared/eval/score_events.py (`location_acc`).
3. Prints one line per split (study, held) and for all: `SITES split n=.. found=.. acc=..`; with
   --show, every wrong or missing place of the study split with its rule (`--show held` or `--show all`
   for the others: the held split is for scoring, so it is not shown unless asked for).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import articles, label_rows, run_and_export  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "site_labels.tsv"
FIELDS = ("key", "start", "end", "trigger", "event_type", "site", "lat", "lon", "km", "split", "rule")


def _numbers(r: dict) -> None:
    r.update(
        start=int(r["start"]), end=int(r["end"]), lat=float(r["lat"]), lon=float(r["lon"]), km=float(r["km"])
    )


def read_labels(path: Path) -> list[dict]:
    """The label rows of `path` (comment lines start with #); a malformed row is reported and skipped."""
    return label_rows(path, FIELDS, _numbers)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (the scorer's haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def run(keys: set[str], workdir: Path) -> Path:
    """`eventdesk run` (gate off) over the labelled articles; returns the folder of its exports."""
    return run_and_export((r for r in articles() if r["id"] in keys), workdir)


def _events(
    run_dir: Path,
) -> tuple[dict[tuple[str, int], dict | None], dict[str, list[tuple[int, int, str, dict | None]]]]:
    """The run's events by (article key, trigger start), and by article key the sentence spans of
    every mention of each event with its type and location (an event joined from several sentences
    is found through any of them, as ../shared/eval/score_events.py finds it)."""
    key_of = {}
    with open(run_dir / "art.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            key_of[a["id"]] = a.get("url") or a["id"]
    by_trigger: dict[tuple[str, int], dict | None] = {}
    spans: dict[str, list[tuple[int, int, str, dict | None]]] = {}
    with open(run_dir / "ev.jsonl", encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            t = e.get("trigger") or (e.get("extra") or {}).get("trigger")
            key = key_of.get(e.get("article_id"))
            if t and key:
                by_trigger[(key, int(t[0]))] = e.get("location")
            for m in e.get("mentions") or []:
                mkey = key_of.get(m.get("article_id"))
                if mkey and m.get("start") is not None and m.get("end") is not None:
                    spans.setdefault(mkey, []).append(
                        (int(m["start"]), int(m["end"]), e.get("event_type") or "", e.get("location"))
                    )
    return by_trigger, spans


def _find(
    r: dict,
    by_trigger: dict[tuple[str, int], dict | None],
    spans: dict[str, list[tuple[int, int, str, dict | None]]],
) -> tuple[bool, dict]:
    """The labelled event: the record whose trigger starts where the label does, else a record of the
    label's type that another mention joined it into (the label's trigger inside one of its sentences)."""
    if (r["key"], r["start"]) in by_trigger:
        return True, by_trigger[(r["key"], r["start"])] or {}
    for start, end, etype, loc in spans.get(r["key"], []):
        if start <= r["start"] < end and etype in r["event_type"].split("/"):
            return True, loc or {}
    return False, {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--run", type=Path, help="folder with ev.jsonl and art.jsonl of a gate-off run")
    ap.add_argument(
        "--show",
        nargs="?",
        const="study",
        choices=("study", "held", "all"),
        help="list every wrong or missing place of this split (default study; held is for scoring only)",
    )
    a = ap.parse_args()
    labels = read_labels(a.labels)
    if not labels:
        print(f"{a.labels}: no labels", file=sys.stderr)
        return 1
    if a.run:
        run_dir = a.run
    else:
        run_dir = run({r["key"] for r in labels}, Path(tempfile.mkdtemp(prefix="sites-")))
    by_trigger, spans = _events(run_dir)
    tally: dict[str, list[int]] = {}
    for r in labels:
        found, loc = _find(r, by_trigger, spans)
        ok = loc.get("lat") is not None and km((loc["lat"], loc["lon"]), (r["lat"], r["lon"])) <= r["km"]
        for split in (r["split"], "all"):
            t = tally.setdefault(split, [0, 0, 0])
            t[0] += 1
            t[1] += found
            t[2] += ok
        if a.show and not ok and a.show in (r["split"], "all"):
            where = f"{loc.get('name')} ({loc.get('text')}, p{loc.get('precision')})" if found else "NO EVENT"
            print(
                f"  {r['split']:5} {r['rule']:24} {r['key']}@{r['start']} {r['trigger']!r}: "
                f"{r['site']} <- {where}"
            )
    for split in ("study", "held", "all"):
        n, found, ok = tally.get(split, [0, 0, 0])
        print(f"SITES {split} n={n} found={found} acc={ok / n if n else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
