#!/usr/bin/env python3
"""Candidate events for hand-labelling event sites (training/site_labels.tsv), sampled by kind.

    python scripts/site_candidates.py --out DIR [--articles 60] [--per-kind 8] [--seed 9]

Picks `--articles` corpus articles (scripts/eventness_corpus.py: guardian_isis and bbc/politics,
realnews stories excluded) that no label names yet, at random with `--seed`, runs them through
`eventdesk run` with the eventness gate off, and samples up to `--per-kind` events of each kind
below (one per article and kind). It prints each candidate with its trigger offsets, its sentence and
the two sentences before it, and NOT the coder's place, so that the site is labelled blind to it.

Kinds (where event sites go wrong, in general; issue #12 point 3):
  retreat   - a withdrawal, pullout, release or surrender (RETREAT/CONCEDE)
  anaphor   - the sentence refers to a place by description ("the town's", "the enclave", "the area")
  camp      - the sentence names a camp
  verbal    - a statement, demand or talks by a government actor (capital or a site of its own?)
  material  - fighting, arrests, protests (ASSAULT, COERCE, PROTEST, MOBILIZE)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import articles, label_rows, run_and_export  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "site_labels.tsv"
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:town|city|village|enclave|province|region|area|country|camp|district|"
    r"neighbourhood|border|territory|stronghold|pocket)(?:['’]s)?\b",
    re.I,
)
_CAMP = re.compile(r"\bcamps?\b", re.I)
_VERBAL = {"CONSULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "SANCTION"}
_GOV = {"GOV", "HOS", "LEG", "JUD", "DIP", "MIL"}


def kinds(ev: dict) -> list[str]:
    """The kinds (module docstring) an exported event belongs to."""
    s = (ev.get("evidence") or {}).get("sentence") or ""
    t = ev.get("event_type")
    out = []
    if t in ("RETREAT", "CONCEDE"):
        out.append("retreat")
    if _ANAPHOR.search(s):
        out.append("anaphor")
    if _CAMP.search(s):
        out.append("camp")
    if t in _VERBAL and any(a.get("sector") in _GOV for a in ev.get("actors") or []):
        out.append("verbal")
    if t in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE"):
        out.append("material")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--per-kind", type=int, default=8)
    ap.add_argument("--seed", type=int, default=9)
    a = ap.parse_args()
    done = {r["f0"] for r in label_rows(LABELS, tuple(f"f{i}" for i in range(11)))}
    pool = [r for r in articles(bbc_per_category=0) if r["id"] not in done]
    rng = random.Random(a.seed)
    picked = rng.sample(pool, min(a.articles, len(pool)))
    text = {r["id"]: r["text"] for r in picked}
    run_dir = run_and_export(picked, a.out)
    key_of = {}
    for line in (run_dir / "art.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        key_of[r["id"]] = r.get("url") or r["id"]
    by_kind: dict[str, list[dict]] = {}
    for line in (run_dir / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        if not ev.get("trigger") or ev.get("article_id") not in key_of:
            continue
        ev["key"] = key_of[ev["article_id"]]
        for k in kinds(ev):
            by_kind.setdefault(k, []).append(ev)
    for k in ("retreat", "anaphor", "camp", "verbal", "material"):
        evs = by_kind.get(k, [])
        rng.shuffle(evs)
        seen: set[str] = set()
        for ev in evs:
            if ev["key"] in seen or len(seen) >= a.per_kind:
                continue
            seen.add(ev["key"])
            body = text[ev["key"]]
            s, e = ev["evidence"]["start"], ev["evidence"]["end"]
            t0, t1 = ev["trigger"]
            before = body[max(0, s - 400) : s]
            print(f"== {k}\t{ev['key']}\t{t0}\t{t1}\t{body[t0:t1]}\t{ev['event_type']}")
            print(f"   ...{before[-400:]!s}".replace("\n", " "))
            print(f"   >>> {body[s:e]}".replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
