#!/usr/bin/env python3
"""Train the learned type chooser shipped as src/eventdesk/data/models/type_model.npz (code/type_model.py).

    python scripts/train_type_model.py [--candidates DIR] [--keep-candidates DIR] [--out PATH]

1. Examples. Every hand label in training/ that says which PLOVER type a candidate event carries:
   - training/eventness_labels.tsv: `event` = the candidate's type is right, `type:X` = the right type is
     X (`none` rows say nothing about a type and are left out);
   - the STUDY halves (md5(key) last hex 0-7) of the label sets that score the coder's types:
     training/type_labels*.tsv (same labels), training/record_labels.tsv (`event` and `duplicate` = the
     type is right, `type:X`), training/sentence_type_labels*.tsv (a sentence with one candidate and
     one labelled event: the event's acceptable types). Their HELD halves score the shipped model
     (scripts/score_clause_labels.py, score_record_labels.py, score_sentence_types.py), so no label of
     a held article is used, not even an eventness label of it.
   The articles are read from ../shared/corpora (scripts/eventness_corpus.py; never a realnews article)
   and run through `eventdesk run` with the eventness gate off, recording every candidate as the gate
   sees it (scripts/gate_candidates.py), like scripts/train_eventness.py. A label names its candidate
   by article, trigger offsets and type, and a hash of the sentence (a changed segmentation drops it).
2. Features: code/type_model.type_features (the eventness gate's features without any that name the
   candidate's own type, plus the types the trigger lexicon finds over the trigger and in the sentence).
   Model: multinomial logistic regression over the 16 PLOVER types, L2-regularised (numpy + scipy's
   L-BFGS); an example with several acceptable types is fitted on their summed probability.
3. Decision (code/type_model.TypeModel.choose): the rules' type stays unless it is the lexicon's own
   reading of the trigger and the model prefers another type the lexicon allows in the sentence by at
   least a margin of log-odds. C and the margin are chosen
   together by 5-fold cross-validation grouped by article (folds by a hash of the key, as
   train_eventness.py): the pair with the best cross-validated type accuracy (ties: the larger margin,
   fewer changes). Printed: cross-validated type accuracy of the rules alone and of rules + model, and
   the changes the model makes (right -> wrong and wrong -> right).
4. The shipped weights are the same recipe fitted on every example.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import articles, run_and_export  # noqa: E402
from train_eventness import group_folds, matrix, read_candidates, sentence_hash  # noqa: E402

from eventdesk.code.type_model import N_BITS, allowed_types, rules_default, type_features  # noqa: E402
from eventdesk.records import PLOVER_TYPES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
OUT = ROOT / "src" / "eventdesk" / "data" / "models" / "type_model.npz"
TYPES = list(PLOVER_TYPES)
MARGINS = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0]


def study(key: str) -> bool:
    """The study half of a label set: md5(key) last hex digit 0-7 (the scorers' split)."""
    return hashlib.md5(key.encode("utf-8")).hexdigest()[-1] in "01234567"


def _rows(path: Path) -> list[list[str]]:
    return [
        ln.split("\t")
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#") and not ln.startswith("key\t")
    ]


def scored_sets() -> list[Path]:
    """The label sets whose held halves score the coder's types."""
    names = ["type_labels*.tsv", "sentence_type_labels*.tsv", "record_labels.tsv"]
    return sorted(Path(p) for n in names for p in glob.glob(str(TRAINING / n)))


def trigger_labels() -> tuple[list[dict], set[str]]:
    """Type labels of single candidates, and the held articles of the scoring sets (never trained on).
    A label: key, trigger offsets, the candidate's type, the acceptable types, sentence hash, source."""
    held = {r[0] for p in scored_sets() for r in _rows(p) if not study(r[0])}
    out = []

    def add(r: list[str], types: set[str], sha: str, source: str) -> None:
        out.append(
            {
                "key": r[0],
                "trig": (int(r[3]), int(r[4])),
                "type": r[5],
                "want": frozenset(types),
                "hash": sha,
                "source": source,
            }
        )

    for r in _rows(TRAINING / "eventness_labels.tsv"):
        if r[0] in held or r[6] == "none":
            continue
        add(r, {r[6].split(":", 1)[1] if r[6].startswith("type:") else r[5]}, r[7], "eventness")
    for p in scored_sets():
        if p.name.startswith("sentence_type"):
            continue
        record = p.name == "record_labels.tsv"
        for r in _rows(p):
            label, sha = r[6], (r[8] if record else r[7])
            if not study(r[0]) or label == "none":
                continue
            if label.startswith("type:"):
                add(r, {label.split(":", 1)[1]}, sha, p.stem)
            elif label in ("event", "duplicate"):
                add(r, {r[5]}, sha, p.stem)
    return out, held


def sentence_labels() -> list[dict]:
    """Study-half sentences of sentence_type_labels*.tsv with exactly one labelled event (required or
    optional): its acceptable types, for the sentence's single candidate."""
    out = []
    for p in scored_sets():
        if not p.name.startswith("sentence_type"):
            continue
        for r in _rows(p):
            if not study(r[0]) or r[4].strip() in ("-", "?"):
                continue
            toks = r[4].split()
            if len(toks) != 1:
                continue
            types = set(toks[0].rstrip("?").split("|")) & set(TYPES)
            if types:
                out.append(
                    {"key": r[0], "sent": (int(r[1]), int(r[2])), "want": frozenset(types), "hash": r[3]}
                )
    return out


def all_keys() -> set[str]:
    labels, _ = trigger_labels()
    return {r["key"] for r in labels} | {r["key"] for r in sentence_labels()}


def same_hash(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def dataset(cand_dir: Path) -> tuple[list[dict], list[frozenset], list[str], list[str], list[frozenset]]:
    """Features, acceptable types, the rules' type, the article key and the allowed types of every
    labelled candidate (one example per candidate: the first label naming it wins)."""
    arts = [
        json.loads(x) for x in (cand_dir / "art.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    key_of = {a["id"]: a.get("url") or "" for a in arts}
    by_trig, by_sent = {}, {}
    for aid, c in read_candidates(cand_dir / "gate.jsonl"):
        if aid in key_of and c.trigger:
            k = key_of[aid]
            by_trig.setdefault((k, c.trigger[0], c.trigger[1], c.event_type), c)
            by_sent.setdefault((k, c.sentence_start), {})[(c.trigger, c.event_type)] = c
    feats, want, rule, groups, allowed = [], [], [], [], []
    seen, stats = set(), Counter()

    def take(key: str, c, w: frozenset, source: str) -> None:
        ident = (key, c.trigger, c.event_type)
        if ident in seen:
            stats["repeat"] += 1
            return
        seen.add(ident)
        feats.append(type_features(c))
        want.append(w)
        rule.append(c.event_type)
        groups.append(key)
        # a type a rule gave against the lexicon stays (TypeModel.choose): nothing else is allowed
        allowed.append(allowed_types(c) if rules_default(c) else frozenset({c.event_type}))
        stats["used " + source] += 1

    labels, held = trigger_labels()
    for r in labels:
        c = by_trig.get((r["key"], r["trig"][0], r["trig"][1], r["type"]))
        if c is None:
            stats["candidate gone"] += 1
        elif not same_hash(sentence_hash(c.sentence), r["hash"]):
            stats["sentence changed"] += 1
        else:
            take(r["key"], c, r["want"], r["source"])
    for r in sentence_labels():
        cs = list(by_sent.get((r["key"], r["sent"][0]), {}).values())
        if len(cs) != 1:
            stats["sentence: not one candidate"] += 1
        elif not same_hash(sentence_hash(cs[0].sentence), r["hash"]):
            stats["sentence changed"] += 1
        else:
            take(r["key"], cs[0], r["want"], "sentence_types")
    print(f"held articles of the scoring sets left out: {len(held)}")
    print("examples: " + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())))
    return feats, want, rule, groups, allowed


def targets(want: list[frozenset]) -> np.ndarray:
    """n x K 0/1 matrix of acceptable types."""
    Y = np.zeros((len(want), len(TYPES)))
    for i, w in enumerate(want):
        for t in w:
            Y[i, TYPES.index(t)] = 1.0
    return Y


def fit(X: sparse.csr_matrix, Y: np.ndarray, C: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2 (1/C) on the weights, fitted on -log sum_{acceptable} p."""
    used = np.unique(X.indices)
    X = X[:, used].tocsr()
    n, d = X.shape
    K = Y.shape[1]
    Xt = X.T.tocsr()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        W = theta[: d * K].reshape(d, K)
        b = theta[d * K :]
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(Z).sum(axis=1))
        P = np.exp(Z - lse[:, None])
        ZY = np.where(Y > 0, Z, -np.inf)
        m = ZY.max(axis=1, keepdims=True)
        lse_y = np.log(np.exp(ZY - m).sum(axis=1)) + m[:, 0]
        Q = np.exp(ZY - lse_y[:, None])
        G = P - Q
        val = float((lse - lse_y).sum() + 0.5 * (W * W).sum() / C)
        gW = Xt @ G + W / C
        return val, np.concatenate([gW.ravel(), G.sum(axis=0)])

    res = minimize(loss, np.zeros(d * K + K), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    W = np.zeros((1 << N_BITS, K))
    W[used] = res.x[: d * K].reshape(d, K)
    return W.T.copy(), res.x[d * K :].copy()


def decide(S: np.ndarray, rule: list[str], allowed: list[frozenset], margin: float) -> list[str]:
    """TypeModel.choose over a score matrix (rows: examples, columns: TYPES)."""
    out = []
    for s, r, a in zip(S, rule, allowed, strict=True):
        best = max(a, key=lambda t: s[TYPES.index(t)])
        out.append(best if best != r and s[TYPES.index(best)] - s[TYPES.index(r)] >= margin else r)
    return out


def accuracy(chosen: list[str], want: list[frozenset]) -> float:
    return sum(c in w for c, w in zip(chosen, want, strict=True)) / max(len(want), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--candidates", help="folder with gate.jsonl and art.jsonl of a gate-off run")
    ap.add_argument("--keep-candidates", help="run the coder (gate off) into this folder and keep it")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--C", type=float, nargs="*", default=[0.3, 1.0, 3.0], help="regularisation values")
    a = ap.parse_args()
    if a.candidates:
        cand = Path(a.candidates)
    else:
        cand = Path(a.keep_candidates) if a.keep_candidates else Path(tempfile.mkdtemp(prefix="typemodel-"))
        keys = all_keys()
        run_and_export(
            (r for r in articles() if r["id"] in keys),
            cand,
            recorder=Path(__file__).resolve().parent / "gate_candidates.py",
        )
    feats, want, rule, groups, allowed = dataset(cand)
    X, Y = matrix(feats), targets(want)
    cover = sum(bool(w & al) for w, al in zip(want, allowed, strict=True))
    wrong = [i for i, (w, r) in enumerate(zip(want, rule, strict=True)) if r not in w]
    print(
        f"examples {len(want)}; rules' type wrong in {len(wrong)}; a right type among the allowed in "
        f"{cover} ({sum(bool(want[i] & allowed[i]) for i in wrong)} of the rules' wrong ones)"
    )
    folds = group_folds(groups)
    base = accuracy(rule, want)
    best: dict = {}
    for C in a.C:
        S = np.zeros(Y.shape)
        for tr, te in folds:
            W, b = fit(X[tr], Y[tr], C)
            S[te] = (X[te] @ W.T) + b
        for m in MARGINS:
            chosen = decide(S, rule, allowed, m)
            acc = accuracy(chosen, want)
            fixed = sum(rule[i] not in want[i] and chosen[i] in want[i] for i in range(len(want)))
            broke = sum(rule[i] in want[i] and chosen[i] not in want[i] for i in range(len(want)))
            changed = sum(c != r for c, r in zip(chosen, rule, strict=True))
            print(
                f"C={C} margin={m}: cv type accuracy rules {base:.4f} -> rules+model {acc:.4f} "
                f"(changed {changed}: wrong->right {fixed}, right->wrong {broke})"
            )
            if not best or acc > best["acc"] + 1e-12 or (abs(acc - best["acc"]) <= 1e-12 and m > best["m"]):
                best = {"C": C, "m": m, "acc": acc, "chosen": chosen}
    by_source = Counter()
    print(f"chosen: C={best['C']} margin={best['m']}: cv type accuracy {base:.4f} -> {best['acc']:.4f}")
    for i, (c, r) in enumerate(zip(best["chosen"], rule, strict=True)):
        if c != r:
            by_source[(r, c, "right" if c in want[i] else "wrong")] += 1
    for (r, c, v), n in sorted(by_source.items(), key=lambda x: -x[1]):
        print(f"  cv change {r} -> {c}: {v} {n}")
    W, b = fit(X, Y, best["C"])
    np.savez_compressed(
        a.out,
        types=np.array(TYPES),
        w=W.astype(np.float32),
        b=b.astype(np.float64),
        margin=np.float64(best["m"]),
    )
    print(f"saved {a.out}: C={best['C']} margin={best['m']} ({len(want)} examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
