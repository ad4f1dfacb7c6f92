#!/usr/bin/env python3
"""Record-level precision on hand-labelled stored records (training/record_labels.tsv), as realnews counts it.

    python scripts/score_record_labels.py [--labels training/record_labels.tsv] [--config TOML] [--curve]
        [--workdir DIR] [--reuse] [--show CLASS]

Runs `eventdesk run` (default settings, or --config) over the labelled articles, exports what the store keeps
and matches each record to its label by article, sentence, trigger and type. Per half (md5(key) last hex 0-7
study, 8-f held) it prints how many records are stored, how many of them are labelled events (precision,
as realnews: type:X, duplicate and none are false positives), the labelled events no longer stored (what a
change costs), the records no label names (a change added them: label them before trusting the figure) and
the classes of the non-events kept. --curve adds precision and the share of stored labelled events kept at
cuts of the stored confidence. --show CLASS lists the STUDY half's stored records labelled `none` of that class
(or `event`, `type`, `duplicate`, `unlabelled`) with sentence, trigger and confidence; the held half is never listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import ROOT, articles, half, label_rows, run_and_export  # noqa: E402

FIELDS = (
    "key",
    "sentence_start",
    "sentence_end",
    "trigger_start",
    "trigger_end",
    "event_type",
    "label",
    "cls",
    "sha1",
)
NO_RECORDS = "# articles run that store no record"
CUTS = (0.0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _ints(r: dict) -> None:
    for f in ("sentence_start", "sentence_end", "trigger_start", "trigger_end"):
        r[f] = int(r[f])


def load(path: Path) -> tuple[list[dict], list[str]]:
    """The label rows and the keys of every article the labels were made on (also those with no record)."""
    rows = label_rows(path, FIELDS, _ints)
    keys = list(dict.fromkeys(r["key"] for r in rows))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(NO_RECORDS):
            keys += line.partition(":")[2].split()
    return rows, keys


def record_key(key: str, ev: dict) -> tuple[str, int, int, int, str]:
    trig = ev.get("trigger") or [-1, -1]
    return key, int(ev["evidence"]["start"]), int(trig[0]), int(trig[1]), ev["event_type"]


def stored(workdir: Path) -> list[tuple[str, dict]]:
    """(article key, exported event) of every record of the run in `workdir`."""
    urls = {}
    for line in (workdir / "art.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        urls[a["id"]] = a.get("url") or ""
    out = []
    for line in (workdir / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        out.append((urls.get(ev["article_id"], ""), ev))
    return out


def match(rows: list[dict], records: list[tuple[str, dict]]) -> list[tuple[dict | None, dict]]:
    """Each record with its label: the row of its article, sentence, trigger and type, or else the one row of
    its article, sentence and type (a later tree may place the trigger of a joined record elsewhere in that
    sentence); None when no row or several rows fit."""
    exact = {
        (r["key"], r["sentence_start"], r["trigger_start"], r["trigger_end"], r["event_type"]): r
        for r in rows
    }
    by_sentence: dict[tuple[str, int, str], list[dict]] = {}
    for r in rows:
        by_sentence.setdefault((r["key"], r["sentence_start"], r["event_type"]), []).append(r)
    out = []
    for k, ev in records:
        rk = record_key(k, ev)
        same = by_sentence.get((rk[0], rk[1], rk[4]), [])
        out.append((exact.get(rk) or (same[0] if len(same) == 1 else None), ev))
    return out


def score(rows: list[dict], records: list[tuple[str, dict]], curve: bool = False) -> dict[str, dict]:
    """Per half: stored records, labelled events among them, events lost, unlabelled records, classes."""
    out: dict[str, dict] = {}
    for h in ("study", "held"):
        mine = [(k, ev) for k, ev in records if half(k) == h]
        found = match(rows, mine)
        labelled = [(r, ev) for r, ev in found if r is not None]
        events = sum(r["label"] == "event" for r, _ in labelled)
        used = {id(r) for r, _ in labelled}
        lost = sum(id(r) not in used for r in rows if half(r["key"]) == h and r["label"] == "event")
        res = {
            "stored": len(mine),
            "labelled": len(labelled),
            "unlabelled": len(mine) - len(labelled),
            "events": events,
            "precision": round(events / len(labelled), 3) if labelled else 0.0,
            "events_lost": lost,
            "kinds": Counter(r["label"].split(":")[0] for r, _ in labelled),
            "none_classes": Counter(r["cls"] for r, _ in labelled if r["label"] == "none"),
        }
        if curve:
            res["curve"] = []
            for cut in CUTS:
                over = [(r, ev) for r, ev in labelled if float(ev.get("confidence") or 0.0) >= cut]
                e = sum(r["label"] == "event" for r, _ in over)
                res["curve"].append(
                    (cut, len(over), round(e / len(over), 3) if over else 0.0, round(e / max(1, events), 3))
                )
        out[h] = res
    return out


def show(rows: list[dict], records: list[tuple[str, dict]], what: str) -> list[str]:
    """Lines for the study half's stored records of one label class (never the held half: totals only)."""
    texts = {r["id"]: r["text"] for r in articles() if half(r["id"]) == "study"}
    out = []
    mine = [(k, ev) for k, ev in records if half(k) == "study"]
    for (key, _), (r, ev) in zip(mine, match(rows, mine), strict=True):
        label = "unlabelled" if r is None else r["label"].split(":")[0]
        if what not in (label, r and r["label"] == "none" and r["cls"]):
            continue
        text = texts.get(key, "")
        s0, s1 = int(ev["evidence"]["start"]), int(ev["evidence"].get("end") or 0)
        t0, t1 = (ev.get("trigger") or [0, 0])[:2]
        out.append(
            f"{key}\t{ev['event_type']}\ttrigger={text[t0:t1]!r}\tconf={ev.get('confidence')}\n    {text[s0:s1]}"
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(ROOT / "training" / "record_labels.tsv"))
    ap.add_argument("--config", help="TOML settings for the run (default: eventdesk's defaults)")
    ap.add_argument("--workdir", default="/tmp/record_labels")
    ap.add_argument("--reuse", action="store_true", help="score the run already in --workdir")
    ap.add_argument("--curve", action="store_true")
    ap.add_argument(
        "--show", help="list the study half's records of this none class, or event/type/duplicate/unlabelled"
    )
    a = ap.parse_args()
    rows, keys = load(Path(a.labels))
    workdir = Path(a.workdir)
    if not a.reuse:
        wanted = set(keys)
        config = Path(a.config).read_text(encoding="utf-8") if a.config else None
        run_and_export((r for r in articles() if r["id"] in wanted), workdir, config=config)
    res = score(rows, stored(workdir), curve=a.curve)
    for h, r in res.items():
        print(
            f"[{h}] stored={r['stored']} labelled={r['labelled']} unlabelled={r['unlabelled']} events={r['events']} "
            f"precision={r['precision']} events_lost={r['events_lost']} "
            + " ".join(f"{k}={v}" for k, v in sorted(r["kinds"].items()))
        )
        print("  none classes: " + " ".join(f"{k}={v}" for k, v in r["none_classes"].most_common()))
        for cut, n, p, kept in r.get("curve", []):
            print(f"  confidence >= {cut}: records={n} precision={p} events_kept={kept}")
    if a.show:
        print("\n".join(show(rows, stored(workdir), a.show)))


if __name__ == "__main__":
    main()
