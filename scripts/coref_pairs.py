"""Same-article record pairs for judging within-article event coreference (code/coref.py).

The coder makes one record per mention; coref joins the records of one article that report one
event. This script draws, from corpus articles that are not realnews (scripts/eventness_corpus.py
`articles`, Guardian Isis corpus), pairs of records of one article with the same PLOVER type (coref
joins nothing else), for a person to label as the same real event (1) or two (0) by reading the
article; then it scores the join decision on the labelled pairs.

    python scripts/coref_pairs.py sample --out training/coref_pairs.tsv [--articles 14 --per-article 8]
        prints each pair's sentences to read; the file keeps keys and offsets only, label empty
    python scripts/coref_pairs.py score --labels training/coref_pairs.tsv
        pair precision / recall / F1 of "joined into one record" against the labels, per half
        (md5(key) last hex 0-7 study, 8-f held, as the other label sets); --show: the study half's errors

A pair is named by the article key, the type, and each record's sentence start and trigger start
(offsets into the article body as eventdesk reads it). Texts stay in ../shared.
"""

from __future__ import annotations

import argparse
import copy
import csv
import random
import sys
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventness_corpus import articles, half  # noqa: E402

from eventdesk.config import load_config  # noqa: E402
from eventdesk.pipeline import extract_events  # noqa: E402
from eventdesk.records import Article, Event  # noqa: E402

FIELDS = ["key", "type", "sent_a", "trig_a", "sent_b", "trig_b", "label", "batch"]
SEED = 20261203


def _guardian() -> list[dict]:
    return [r for r in articles(bbc_per_category=0) if r["id"].startswith("guardian_isis")]


def _records(recs: list[dict]) -> tuple[list[Article], list[Event], dict]:
    """Each article's records before coref joins any (code.coref.enabled off), and the config."""
    cfg = load_config(overrides={"code": {"coref": {"enabled": False}}})
    arts = [
        Article(title=r["title"] or "", body=r["text"], published=r["published"], url=r["url"]) for r in recs
    ]
    return arts, extract_events(arts, cfg), load_config()


def _key(e: Event) -> tuple[int, int]:
    t = (e.extra or {}).get("trigger")
    return e.evidence.start, (t[0] if isinstance(t, (list, tuple)) and t else -1)


def _pairs(evs: list[Event]) -> Iterator[tuple[Event, Event]]:
    evs = sorted(evs, key=_key)
    seen = set()
    for a, b in combinations(evs, 2):
        # one clause's records split by recipient share a key: one pair for them
        k = (a.event_type, _key(a), _key(b))
        if a.event_type == b.event_type and _key(a) != _key(b) and k not in seen:
            seen.add(k)
            yield a, b


def sample(
    out: Path, n_articles: int, per_article: int, seed: int = SEED, exclude: Path | None = None
) -> None:
    rng = random.Random(seed)
    pool = _guardian()
    if exclude is not None:  # a later batch: articles no earlier batch drew
        with exclude.open(encoding="utf-8") as f:
            done = {line.split("\t")[0] for line in f if not line.startswith("#")}
        pool = [r for r in pool if r["id"] not in done]
    recs = rng.sample(pool, min(n_articles, len(pool)))
    arts, evs, _ = _records(recs)
    key_of = {a.id: a.url for a in arts}
    rows = []
    for a in arts:
        mine = [e for e in evs if e.article_id == a.id]
        pairs = list(_pairs(mine))
        # half drawn at random, half from next mentions of a type in text order (where a later
        # mention most often refers back): positives enough to measure recall on
        nxt = [
            p
            for p in pairs
            if not any(_key(p[0]) < _key(q) < _key(p[1]) for q in mine if q.event_type == p[0].event_type)
        ]
        near = rng.sample(nxt, min(per_article // 2, len(nxt)))
        rest = [p for p in pairs if p not in near]
        drawn = near + rng.sample(rest, min(per_article - len(near), len(rest)))
        for x, y in sorted(drawn, key=lambda p: (_key(p[0]), _key(p[1]))):
            rows.append([key_of[a.id], x.event_type, *_key(x), *_key(y), "", ""])
            print(f"\n## {len(rows)} {key_of[a.id]} {x.event_type}  {_key(x)} / {_key(y)}")
            for e in (x, y):
                t = _key(e)[1]
                word = a.body[t : t + 20].split()[0] if t >= 0 else "?"
                who = [p.name for p in e.actors], [p.name for p in e.recipients]
                print(f"   [{word}] {e.modality} {who} {e.location and e.location.name} {e.date}")
                print(f"      {e.evidence.sentence[:400]}")
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(FIELDS)
        w.writerows(rows)


def _joined(
    arts: list[Article], evs: list[Event], cfg: dict
) -> set[tuple[str, tuple[int, int], tuple[int, int]]]:
    """The record pairs coref joins: (article id, key, key) for every two members of one cluster."""
    from eventdesk.code import coref

    together: set[tuple[str, tuple[int, int], tuple[int, int]]] = set()
    real_join = coref.join

    def spy(c: list[Event], keep: Event, short: bool = False) -> Event:
        keys = sorted(_key(x) for x in c)
        for i, j in combinations(keys, 2):
            together.add((keep.article_id, i, j))
        return real_join(c, keep, short)

    coref.join = spy
    try:
        coref.corefer(copy.deepcopy(evs), {a.id: a for a in arts}, cfg)
    finally:
        coref.join = real_join
    return together


def score(labels: Path, show: bool = False, batch: str | None = None) -> None:
    """Pair precision / recall per half (study, held) and for all; `show` prints the study half's
    wrong decisions only (the held half is judged on its totals)."""
    with labels.open(encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))  # the header says where labels come from
        rows = [
            r
            for r in csv.DictReader(lines, delimiter="\t")
            if r["label"] in ("0", "1") and (batch is None or r.get("batch") == batch)
        ]
    keys = sorted({r["key"] for r in rows})
    recs = {r["id"]: r for r in _guardian()}
    arts, evs, cfg = _records([recs[k] for k in keys if k in recs])
    aid = {a.url: a.id for a in arts}
    present = {(e.article_id, _key(e)) for e in evs}
    together = _joined(arts, evs, cfg)
    counts = {h: [0, 0, 0, 0, 0] for h in ("all", "study", "held")}  # tp fp fn tn stale
    for r in rows:
        a, x, y = (
            aid.get(r["key"]),
            (int(r["sent_a"]), int(r["trig_a"])),
            (int(r["sent_b"]), int(r["trig_b"])),
        )
        hs = ("all", half(r["key"]))
        if (a, x) not in present or (a, y) not in present:
            for h in hs:
                counts[h][4] += 1  # the coder no longer makes one of the two records
            continue
        joined = (a, *sorted([x, y])) in together
        same = r["label"] == "1"
        if show and joined != same and half(r["key"]) == "study":
            print(f"{'fp' if joined else 'fn'} {r['key']} {r['type']} {x} {y}")
        for h in hs:
            c = counts[h]
            c[0] += joined and same
            c[1] += joined and not same
            c[2] += same and not joined
            c[3] += not same and not joined
    for h, (tp, fp, fn, tn, stale) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(
            f"SCORE coref_pairs half={h} pairs={tp + fp + fn + tn} same={tp + fn} joined={tp + fp} tp={tp} "
            f"fp={fp} fn={fn} tn={tn} stale={stale} pair_precision={p:.3f} pair_recall={rc:.3f} pair_f1={f1:.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--articles", type=int, default=14)
    s.add_argument("--per-article", type=int, default=8)
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--exclude", type=Path, help="a label file whose articles this batch leaves out")
    c = sub.add_parser("score")
    c.add_argument("--labels", type=Path, required=True)
    c.add_argument("--show", action="store_true", help="print the pairs the join decision gets wrong")
    c.add_argument("--batch", help="score one labelling batch only (the file's batch column)")
    args = ap.parse_args()
    if args.cmd == "sample":
        sample(args.out, args.articles, args.per_article, args.seed, args.exclude)
    else:
        score(args.labels, args.show, args.batch)


if __name__ == "__main__":
    main()
