#!/usr/bin/env python3
"""Train the eventness gate shipped as src/eventdesk/data/models/eventness.npz (code/eventness.py).

    python scripts/train_eventness.py [--labels training/eventness_labels.tsv] [--candidates DIR] [--out PATH]

1. The labelled articles (training/eventness_labels.tsv names them by corpus key) are read from
   ../shared/corpora (scripts/eventness_corpus.py; realnews articles are never among them) and run
   through `eventdesk run` with the gate off, so the candidates are what the frame coder proposes.
   With --candidates DIR, DIR/ev.jsonl and DIR/art.jsonl (exports of such a run) are used instead.
2. Each label row names one candidate: article key, sentence and trigger offsets in the body, event
   type, and a hash of the sentence (to notice a changed segmentation). Label `event` = a real
   event of that type (GUIDE.md: a specific interaction of that PLOVER type with a political
   participant, whatever its modality); `none` = not an event; `type:X` = an event, but of type X.
3. Features: eventdesk.code.eventness.features; model: L2 logistic regression (numpy + scipy's
   L-BFGS, classes weighted to balance), C chosen by 5-fold cross-validation grouped by article (folds
   by a hash of the article key, so every run and every label set uses the same split): the C with the
   best cross-validated precision at the shipped operating point (F1 with --min-recall 0). The shipped
   threshold is the highest whose cross-validated recall is at least --min-recall (0.95): the gate is
   the first filter and an event it drops is lost for good; --min-recall 0 ships the F1-best one and
   --threshold a given one. It prints cross-validated precision, recall, F1 and AUC.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import articles, run_and_export  # noqa: E402

from eventdesk.code.eventness import N_BITS, candidates, features, vector  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "eventness_labels.tsv"
OUT = ROOT / "src" / "eventdesk" / "data" / "models" / "eventness.npz"
BETA = 1.0


def sentence_hash(sentence: str) -> str:
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:10]


def read_labels(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, s0, s1, t0, t1, etype, label, h = line.split("\t")
        rows.append(
            {
                "key": key,
                "sent": (int(s0), int(s1)),
                "trig": (int(t0), int(t1)),
                "type": etype,
                "label": label,
                "hash": h,
            }
        )
    return rows


def run_candidates(keys: set[str], workdir: Path) -> Path:
    """`eventdesk run` (gate off) over the labelled articles; returns the folder of its exports."""
    return run_and_export((r for r in articles() if r["id"] in keys), workdir)


def dataset(labels: list[dict], cand_dir: Path) -> tuple[list[dict], np.ndarray, list[str]]:
    arts = [
        json.loads(x) for x in (cand_dir / "art.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    body_of = {a["id"]: a["body"] for a in arts}
    key_of = {a["id"]: a.get("url") or "" for a in arts}
    per_article: dict[str, list[dict]] = {}
    for line in (cand_dir / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            per_article.setdefault(e["article_id"], []).append(e)
    by_key: dict[tuple, tuple] = {}
    for aid, evs in per_article.items():
        if aid not in key_of:
            continue
        for e, c in zip(evs, candidates(evs, len(body_of[aid])), strict=True):
            if e.get("trigger"):
                by_key.setdefault((key_of[aid], e["trigger"][0], e["trigger"][1], e["event_type"]), (e, c))
    feats, ys, groups, missing, moved = [], [], [], 0, 0
    for r in labels:
        found = by_key.get((r["key"], r["trig"][0], r["trig"][1], r["type"]))
        if found is None:
            missing += 1
            continue
        e, c = found
        if sentence_hash(e["evidence"]["sentence"]) != r["hash"]:
            moved += 1
            continue
        feats.append(features(c))
        ys.append(1 if r["label"] == "event" else 0)
        groups.append(r["key"])
    print(f"labels {len(labels)}: matched {len(feats)}, candidate gone {missing}, sentence changed {moved}")
    return feats, np.array(ys), groups


def matrix(feats: list[dict]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        c, v = vector(f)
        rows += [i] * len(c)
        cols += c.tolist()
        vals += v.tolist()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), 1 << N_BITS), dtype=np.float64)


def fit(X: sparse.csr_matrix, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, classes weighted to balance (like class_weight="balanced")."""
    used = np.unique(X.indices)  # fit on the columns that occur (hashed space is mostly empty)
    full_d = X.shape[1]
    X = X[:, used]
    n, d = X.shape
    pos = max(int(y.sum()), 1)
    sw = np.where(y == 1, n / (2.0 * pos), n / (2.0 * max(n - pos, 1)))
    Xt = X.T.tocsr()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = X @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        ll = sw * (np.logaddexp(0.0, z) - y * z)
        g = sw * (p - y)
        grad = np.concatenate([Xt @ g + w / C, [g.sum()]])
        return float(ll.sum() + 0.5 * (w @ w) / C), grad

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = np.zeros(full_d)
    w[used] = res.x[:d]
    return w, float(res.x[d])


def predict(X: sparse.csr_matrix, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(X @ w + b)))


def group_folds(groups: list[str], k: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """k folds with every article's examples in one fold (articles assigned by a hash of their key)."""
    fold = np.array([int(hashlib.md5(g.encode("utf-8")).hexdigest(), 16) % k for g in groups])
    return [(np.where(fold != i)[0], np.where(fold == i)[0]) for i in range(k)]


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (rank statistic): how well the probabilities order events first."""
    ranks = np.empty(len(p))
    ranks[np.argsort(p, kind="stable")] = np.arange(1, len(p) + 1)
    pos = int(y.sum())
    neg = len(y) - pos
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / max(pos * neg, 1))


def at_threshold(p: np.ndarray, y: np.ndarray, th: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of `p >= th`."""
    pred = p >= th
    tp = float((pred & (y == 1)).sum())
    prec = tp / max(pred.sum(), 1)
    rec = tp / max((y == 1).sum(), 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9)


THRESHOLDS = [round(t, 2) for t in np.arange(0.02, 0.9, 0.01)]


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    best = (0.5, 0.0, 0.0, -1.0)
    for th in THRESHOLDS:
        pred = p >= th
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(pred.sum(), 1)
        rec = tp / max((y == 1).sum(), 1)
        fb = (1 + BETA**2) * prec * rec / max(BETA**2 * prec + rec, 1e-9)
        if fb > best[3]:
            best = (float(th), prec, rec, fb)
    return best


def operating_threshold(p: np.ndarray, y: np.ndarray, min_recall: float) -> float:
    """The highest threshold whose recall is at least `min_recall`."""
    return max(t for t in THRESHOLDS if at_threshold(p, y, t)[1] >= min_recall)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(LABELS))
    ap.add_argument("--candidates", help="folder with ev.jsonl and art.jsonl of a gate-off run")
    ap.add_argument(
        "--keep-candidates", help="run the coder (gate off) into this folder and keep it for --candidates"
    )
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument(
        "--threshold",
        type=float,
        help="ship this threshold instead of the cross-validated one (say why in the commit)",
    )
    ap.add_argument(
        "--min-recall",
        type=float,
        default=0.95,
        help="ship the highest threshold whose cross-validated recall is at least this (default 0.95); "
        "0 ships the F1-best one",
    )
    ap.add_argument(
        "--C", type=float, nargs="*", default=[0.1, 0.3, 1.0, 3.0], help="regularisation values to try"
    )
    a = ap.parse_args()
    labels = read_labels(Path(a.labels))
    if a.candidates:
        cand = Path(a.candidates)
    else:
        work = Path(a.keep_candidates) if a.keep_candidates else Path(tempfile.mkdtemp(prefix="eventness-"))
        work.mkdir(parents=True, exist_ok=True)
        cand = run_candidates({r["key"] for r in labels}, work)
    feats, y, groups = dataset(labels, cand)
    X = matrix(feats)
    print(f"examples {len(y)}: events {int(y.sum())}, not events {int((y == 0).sum())}")
    folds = group_folds(groups)
    best_c, best_p, best_fb = None, None, -1.0
    for C in a.C:
        p = np.zeros(len(y))
        for tr, te in folds:
            w, b = fit(X[tr], y[tr], C)
            p[te] = predict(X[te], w, b)
        th, prec, rec, fb = best_threshold(p, y)
        # the shipped operating point: precision at the highest threshold that keeps min-recall
        at_op = at_threshold(p, y, operating_threshold(p, y, a.min_recall))[0] if a.min_recall else fb
        print(
            f"C={C}: cv threshold {th:.2f} precision {prec:.3f} recall {rec:.3f} F{BETA} {fb:.3f} "
            f"AUC {auc(p, y):.3f}"
            + (f"; precision at recall >= {a.min_recall} {at_op:.3f}" if a.min_recall else "")
        )
        # C is chosen where the model is used: at the shipped operating point when there is one
        if at_op > best_fb:
            best_c, best_p, best_fb = C, p, at_op
    th, prec, rec, fb = best_threshold(best_p, y)
    if a.min_recall:
        # the gate is the first filter: an event it drops is lost for good, so it keeps (by
        # cross-validation) at least this share of the real events and gains precision above it
        th = operating_threshold(best_p, y, a.min_recall)
        prec, rec, _ = at_threshold(best_p, y, th)
    if a.threshold is not None:
        prec, rec, _ = at_threshold(best_p, y, a.threshold)
        th = a.threshold
    w, b = fit(X, y, best_c)
    np.savez_compressed(
        a.out,
        w=w.astype(np.float32),
        b=np.float64(b),
        threshold=np.float64(round(th, 2)),
    )
    print(f"saved {a.out}: C={best_c} threshold={th:.2f} (cv precision {prec:.3f} recall {rec:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
