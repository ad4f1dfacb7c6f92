#!/usr/bin/env python3
"""Score which events the coder yields from sentences with several triggers, and their types.

    python scripts/score_sentence_types.py [--labels training/sentence_type_labels.tsv] [--gate-off]
        [--candidates DIR] [--show]

A label line names one sentence (corpus key, its offsets in the article body) and the events it reports as
acts of its own (see the header of training/sentence_type_labels.tsv). The labelled articles are read from
../shared/corpora (scripts/eventness_corpus.py; never a realnews article) and run through `eventdesk run`
with the default settings (the eventness gate on, as a user runs it; --gate-off to see every candidate).

A record is coded in each sentence that holds one of its mentions. As in ../shared/eval/score_events.py, a record is
right when its type is one a labelled event of the sentence allows (a second record of an event already
matched is a repeat, counted apart), wrong_type when the sentence reports events but none of that type,
spurious when the sentence reports none. A required event is found when a record of an allowed type is coded there. Printed per half (study / held): `SCORE sentence_types half=... records= right=
repeat= wrong_type= spurious= precision= required= found= recall=`. `--show` lists the study half's
errors only; the held half is for scoring.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import GATE_OFF, articles, label_rows, run_and_export  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "sentence_type_labels.tsv"
FIELDS = ("key", "sentence_start", "sentence_end", "sentence_sha1", "events", "half")


def _ints(r: dict) -> None:
    r["sentence_start"], r["sentence_end"] = int(r["sentence_start"]), int(r["sentence_end"])


def parse_events(field: str) -> list[tuple[frozenset[str], bool]] | None:
    """The labelled events of a sentence as (acceptable types, required); None for an unclear sentence."""
    field = field.strip()
    if field == "?":
        return None
    if field == "-":
        return []
    out = []
    for tok in field.split():
        optional = tok.endswith("?")
        out.append((frozenset(tok.rstrip("?").split("|")), not optional))
    return out


def judge(events: list[tuple[frozenset[str], bool]], coded: list[str]) -> Counter:
    """Verdicts for one sentence: each coded record's (right / repeat / wrong_type / spurious) and each
    required event's (found / missed). `coded`: the types of the records with a mention in the sentence."""
    c: Counter = Counter()
    free = sorted(range(len(events)), key=lambda i: not events[i][1])  # required events matched first
    for t in coded:
        i = next((i for i in free if t in events[i][0]), None)
        if i is not None:
            free.remove(i)
            c["right"] += 1
        elif any(t in allowed for allowed, _ in events):
            c["repeat"] += 1
        else:
            c["wrong_type" if events else "spurious"] += 1
    for allowed, required in events:
        if required:
            c["found" if allowed & set(coded) else "missed"] += 1
    return c


def mentions(cand: Path) -> tuple[dict[str, list[tuple[int, str]]], set[str]]:
    """corpus key -> (start, event type) of every mention of the run's records (a record merged across
    articles has mentions in each), and the keys of the articles the run stored (a copy of an article
    already stored is not stored again: its labels cannot be scored)."""
    key_of = {}
    for ln in (cand / "art.jsonl").read_text(encoding="utf-8").splitlines():
        if ln.strip():
            a = json.loads(ln)
            key_of[a["id"]] = a.get("url") or ""
    out: dict[str, list[tuple[int, str]]] = {}
    for ln in (cand / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        if ln.strip():
            e = json.loads(ln)
            for m in e.get("mentions") or [{"article_id": e["article_id"], "start": e["evidence"]["start"]}]:
                if m["article_id"] in key_of:
                    out.setdefault(key_of[m["article_id"]], []).append((m["start"], e["event_type"]))
    return out, set(key_of.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(LABELS))
    ap.add_argument("--gate-off", action="store_true", help="every candidate of the frame coder (gate off)")
    ap.add_argument("--candidates", help="a folder with ev.jsonl and art.jsonl of a run already made")
    ap.add_argument(
        "--show", action="store_true", help="print the study half's sentences the coder gets wrong"
    )
    a = ap.parse_args()
    rows = label_rows(Path(a.labels), FIELDS, _ints)
    if a.candidates:
        cand = Path(a.candidates)
    else:
        keys = {r["key"] for r in rows}
        cand = run_and_export(
            (r for r in articles() if r["id"] in keys),
            Path(tempfile.mkdtemp(prefix="senttypes-")),
            GATE_OFF if a.gate_off else None,
        )
        print(f"run kept in {cand}")
    ments, stored = mentions(cand)
    by_half: dict[str, Counter] = {}
    for r in rows:
        events = parse_events(r["events"])
        if events is None or r["key"] not in stored:
            continue
        s, e = r["sentence_start"], r["sentence_end"]
        coded = [t for start, t in ments.get(r["key"], []) if s <= start < e]
        v = judge(events, coded)
        by_half.setdefault(r["half"], Counter()).update(v)
        if a.show and r["half"] == "study" and (v["wrong_type"] or v["spurious"] or v["missed"]):
            print(f"  {r['key']} {s}-{e} gold={r['events']!r} coded={sorted(coded)} {dict(v)}")
    for half in ("study", "held"):
        c = by_half.get(half, Counter())
        n = c["right"] + c["repeat"] + c["wrong_type"] + c["spurious"]
        req = c["found"] + c["missed"]
        print(
            f"SCORE sentence_types half={half} records={n} right={c['right']} repeat={c['repeat']} "
            f"wrong_type={c['wrong_type']} spurious={c['spurious']} "
            f"precision={(c['right'] + c['repeat']) / n if n else 0:.3f} required={req} found={c['found']} "
            f"recall={c['found'] / req if req else 0:.3f}"
        )


if __name__ == "__main__":
    main()
