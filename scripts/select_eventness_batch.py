#!/usr/bin/env python3
"""Choose a batch of eventness-gate candidates to label by hand (training/eventness_labels2.tsv).

    python scripts/select_eventness_batch.py --work DIR [--seed 14] [--per-category 30] [--total 360]

1. Articles: those of ../shared/corpora that no file in training/ names (by corpus key), realnews
   articles and other versions of their stories left out (scripts/eventness_corpus.py `articles`):
   every such bbc/politics and guardian_isis article, and a seeded random sample of `--per-category`
   bbc/business and bbc/tech articles (political events mix there with business and technology
   senses of the trigger words).
2. They are run with the eventness gate and the relevance gate off (RUN_CONFIG: most business and
   technology articles are out of the relevance gate's scope, but the senses of their trigger words are
   what the eventness gate has to learn to reject), recording the gate's candidates
   (scripts/gate_candidates.py, as scripts/train_eventness.py does, with the same settings).
3. Each candidate gets the gate's probability as the shipped gate computes it (0 when a rule rules
   it out). Chosen, with the seed: every candidate whose probability is in [--low, --high) (where the
   model is least sure; the shipped threshold is about 0.12), and a random share of the rest to make
   `--total` (so the labels also say how often the sure ones are right).
   With --labelled: instead of new articles, the articles of training/eventness_labels.tsv (political
   and conflict news) that no other file of training/ names (no other label set scores them), and of
   their candidates those no eventness label names (the frame coder has changed since they were
   labelled: new triggers, new types).
4. DIR/sheet.tsv lists the chosen candidates for labelling with sentence, trigger, type, actors and
   recipients but no probability; DIR/scores.tsv keeps the probabilities apart (read after labelling).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import articles, run_and_export  # noqa: E402
from train_eventness import RUN_CONFIG, read_candidates, read_labels, sentence_hash  # noqa: E402

from eventdesk.code import eventness as ev  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KEY = re.compile(r"bbc/[a-z]+/\d+\.txt|guardian_isis\.jsonl#guardian-\d+")


def named_keys(skip_eventness: bool = False) -> set[str]:
    """Every corpus key any file in training/ names (with `skip_eventness`: any but the eventness labels)."""
    keys: set[str] = set()
    for f in sorted((ROOT / "training").iterdir()):
        if f.is_file() and not (skip_eventness and f.name.startswith("eventness_labels")):
            keys |= set(KEY.findall(f.read_text(encoding="utf-8")))
    return keys


def eventness_labelled() -> set[tuple[str, int, int, str]]:
    """(key, trigger start, trigger end, type) of every eventness label."""
    return {
        (r["key"], r["trig"][0], r["trig"][1], r["type"])
        for f in sorted((ROOT / "training").glob("eventness_labels*.tsv"))
        for r in read_labels(f)
    }


def labelled_articles() -> list[dict]:
    """The articles of the first eventness batch that no other label set names."""
    first = {r["key"] for r in read_labels(ROOT / "training" / "eventness_labels.tsv")}
    keys = first - named_keys(skip_eventness=True)
    return [r for r in articles() if r["id"] in keys]


def choose_articles(per_category: int, seed: int) -> list[dict]:
    named = named_keys()
    pool = [r for r in articles() if r["id"] not in named]
    rng = random.Random(seed)
    out = [r for r in pool if r["id"].startswith(("bbc/politics/", "guardian_isis"))]
    for cat in ("business", "tech"):
        cands = sorted((r for r in pool if r["id"].startswith(f"bbc/{cat}/")), key=lambda r: r["id"])
        out += rng.sample(cands, min(per_category, len(cands)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-category", type=int, default=60)
    ap.add_argument("--total", type=int, default=360)
    ap.add_argument("--low", type=float, default=0.08)
    ap.add_argument("--high", type=float, default=0.7)
    ap.add_argument(
        "--labelled",
        action="store_true",
        help="the unlabelled candidates of the articles only the eventness labels name (DIR may hold a "
        "gate-off run of more articles: only these are read)",
    )
    a = ap.parse_args()
    work = Path(a.work)
    arts = labelled_articles() if a.labelled else choose_articles(a.per_category, a.seed)
    wanted = {r["id"] for r in arts}
    done = eventness_labelled() if a.labelled else set()
    if not (work / "gate.jsonl").is_file():
        print(f"{len(arts)} articles", file=sys.stderr)
        run_and_export(arts, work, config=RUN_CONFIG, recorder=ROOT / "scripts" / "gate_candidates.py")
    art = [json.loads(x) for x in (work / "art.jsonl").read_text(encoding="utf-8").splitlines() if x]
    key_of = {x["id"]: x.get("url") or "" for x in art}
    body_of = {x["url"]: x.get("body") or x.get("text") or "" for x in art}
    model = ev.EventnessModel.shipped()
    assert model is not None
    seen, rows = set(), []
    for aid, c in read_candidates(work / "gate.jsonl"):
        if aid not in key_of or not c.trigger:
            continue
        k = (key_of[aid], c.trigger[0], c.trigger[1], c.event_type)
        if k in seen or k in done or k[0] not in wanted:
            continue
        seen.add(k)
        p = 0.0 if ev.ruled_out(c) else model.probability(c)
        rows.append((k, c, p))
    rng = random.Random(a.seed)
    band = [r for r in rows if a.low <= r[2] < a.high]
    rest = [r for r in rows if not a.low <= r[2] < a.high]
    chosen = band + rng.sample(rest, max(0, min(len(rest), a.total - len(band))))
    chosen.sort(key=lambda r: (r[0][0], r[0][1], r[0][3]))
    print(f"candidates {len(rows)}: in band {len(band)}, chosen {len(chosen)}", file=sys.stderr)
    with open(work / "sheet.tsv", "w", encoding="utf-8") as sh, open(work / "scores.tsv", "w") as sc:
        for n, (k, c, p) in enumerate(chosen):
            body = body_of.get(k[0], "")
            trig = body[c.trigger[0] : c.trigger[1]] if body else "?"
            s0, s1 = c.sentence_start, c.sentence_start + len(c.sentence)
            cols = [k[0], s0, s1, k[1], k[2], k[3], sentence_hash(c.sentence)]
            acts = "; ".join(f"{t}[{s}]" for t, _, s in c.actors)
            recs = "; ".join(f"{t}[{s}]" for t, _, s in c.recipients)
            sent = c.sentence.replace("\n", " ").replace("\t", " ")
            sh.write("\t".join(map(str, [n, *cols, trig, c.modality, acts, recs, sent])) + "\n")
            sc.write(
                f"{n}\t{p:.4f}\t{int(p >= model.threshold)}\t{'band' if a.low <= p < a.high else 'rest'}\n"
            )
    h = hashlib.md5((work / "sheet.tsv").read_bytes()).hexdigest()[:10]
    print(f"sheet {work / 'sheet.tsv'} (md5 {h})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
