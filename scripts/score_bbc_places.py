#!/usr/bin/env python3
"""Where BBC politics events are placed (issue 12): the UK share of located events, and the country of
hand-labelled events (training/bbc_place_labels.tsv).

    python scripts/score_bbc_places.py [--run DIR] [--show]

1. Without --run, runs `eventdesk run ../shared/corpora/bbc/politics` into a temporary store and
   exports its events and articles; with --run DIR, reads DIR/ev.jsonl and DIR/art.jsonl (exports of
   such a run).
2. The articles are split by md5(file name), last hex digit 0-7 study, 8-f held (labels were read
   off study articles only). Prints `UK share study=.. held=.. all=..` (located events whose place
   is in the UK, over located events) and `LABELS n=.. found=.. acc=..`: each label names one event
   by its article and trigger offsets (or a record of its type joined from its sentence); it is right when the event's place lies in the labelled
   country. With --show, every wrong or missing labelled event.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import label_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "training" / "bbc_place_labels.tsv"
FIELDS = ("key", "trigger_start", "trigger_end", "trigger", "event_type", "country")


def half(name: str) -> str:
    """study (md5 of the file name ends in 0-7) or held."""
    return "study" if hashlib.md5(name.encode()).hexdigest()[-1] in "01234567" else "held"


def _offsets(r: dict) -> None:
    r["trigger_start"], r["trigger_end"] = int(r["trigger_start"]), int(r["trigger_end"])


def read_labels(path: Path) -> list[dict]:
    return label_rows(path, FIELDS, _offsets)


def run(corpus: Path, out: Path) -> None:
    db = out / "bbc.db"
    py = sys.executable
    subprocess.run([py, "-m", "eventdesk", "run", str(corpus), "--db", str(db), "-q"], check=True)
    for what, name in (("events", "ev.jsonl"), ("articles", "art.jsonl")):
        with open(out / name, "w", encoding="utf-8") as f:
            subprocess.run(
                [py, "-m", "eventdesk", "export", what, "--db", str(db), "--format", "jsonl"],
                stdout=f,
                check=True,
            )


def score(run_dir: Path, labels: list[dict], show: bool) -> None:
    key_of: dict[str, str] = {}
    for line in (run_dir / "art.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if a.get("sources"):
            p = Path(a["sources"][0]["path"])
            key_of[a["id"]] = f"bbc/{p.parent.name}/{p.name}"
    located, uk = Counter(), Counter()
    by_trigger: dict[tuple[str, int, int], dict] = {}
    # a record coreference joined from several sentences shows one mention's trigger; the labels of
    # the others are found through its mention sentences (as ../shared/eval/score_events.py does)
    spans: dict[str, list[tuple[int, int, dict]]] = {}
    for line in (run_dir / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        key = key_of.get(e["article_id"])
        if key is None:
            continue
        if e.get("trigger"):
            by_trigger[(key, e["trigger"][0], e["trigger"][1])] = e
        for m in e.get("mentions") or []:
            if m.get("article_id") == e["article_id"] and m.get("start") is not None:
                spans.setdefault(key, []).append((int(m["start"]), int(m["end"]), e))
        country = (e.get("location") or {}).get("country")
        if country:
            for h in (half(Path(key).name), "all"):
                located[h] += 1
                uk[h] += country == "GBR"
    print(
        "UK share "
        + " ".join(
            f"{h}={uk[h] / max(located[h], 1):.3f} ({uk[h]}/{located[h]})" for h in ("study", "held", "all")
        )
    )
    n = found = right = 0
    for r in labels:
        if r["country"] == "-":
            continue
        n += 1
        e = by_trigger.get((r["key"], r["trigger_start"], r["trigger_end"])) or _joined(spans, r)
        got = ((e or {}).get("location") or {}).get("country")
        found += e is not None
        right += got == r["country"]
        if show and got != r["country"]:
            sentence = (e or {}).get("evidence", {}).get("sentence", "")[:120]
            print(f"  {r['key']} {r['trigger']!r} gold={r['country']} got={got} {sentence}")
    print(f"LABELS n={n} found={found} acc={right / max(n, 1):.3f}")


def _joined(spans: dict[str, list[tuple[int, int, dict]]], r: dict) -> dict | None:
    """The record of the label's type with a mention sentence that holds the label's trigger."""
    for start, end, e in spans.get(r["key"], []):
        if start <= r["trigger_start"] < end and e.get("event_type") == r["event_type"]:
            return e
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", type=Path, help="a folder with ev.jsonl and art.jsonl of a BBC politics run")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "bbc" / "politics")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--show", action="store_true", help="print every wrong or missing labelled event")
    a = ap.parse_args()
    labels = read_labels(a.labels)
    if a.run:
        score(a.run, labels, a.show)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(a.corpus, Path(tmp))
        score(Path(tmp), labels, a.show)


if __name__ == "__main__":
    main()
