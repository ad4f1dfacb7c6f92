#!/usr/bin/env python3
"""Train the ACLED sub-event-type model shipped as src/eventdesk/data/models/acled_subtype.npz.

    python scripts/train_classifier.py --train ../shared/eval/acled/train.jsonl [--cv 5] [--out PATH]

Input: JSON Lines with {"text", "gold": {"event_type", "sub_event_type", ...}} (the ACLED training
notes of ../shared/eval/acled/train.jsonl: regions outside the Middle East and Africa).
Features: eventdesk.code.classify.features (hashed stemmed words, bigrams, trigger-lexicon hits), so
retrain whenever the lexicon changes. Model: multinomial logistic regression (scikit-learn, a
training-only dependency), class weights ~ 1/sqrt(frequency) so the protest-heavy training set
does not swamp rarer violent sub-types. Only the columns of hash buckets seen in training are
stored (float16), so inference is a numpy gather + sum.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from eventdesk.code.classify import N_BITS, features

OUT = Path(__file__).resolve().parents[1] / "src" / "eventdesk" / "data" / "models" / "acled_subtype.npz"


def load(path: str) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                texts.append(r["text"])
                labels.append(r["gold"]["sub_event_type"])
    return texts, labels


def matrix(texts: list[str]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        ids = features(t)
        rows += [i] * len(ids)
        cols += ids.tolist()
        vals += [1.0 / np.sqrt(max(len(ids), 1))] * len(ids)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << N_BITS), dtype=np.float32)


def weights(labels: list[str]) -> dict[str, float]:
    n = Counter(labels)
    top = max(n.values())
    return {k: float(np.sqrt(top / v)) for k, v in n.items()}


def fit(X: sparse.csr_matrix, y: list[str], C: float) -> LogisticRegression:
    clf = LogisticRegression(C=C, max_iter=300, tol=1e-3, class_weight=weights(y))
    return clf.fit(X, y)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation report before the final fit")
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args()
    texts, y = load(a.train)
    X = matrix(texts)
    used = np.unique(X.indices)  # fit on the buckets that occur: same model, far fewer columns
    X = X[:, used].tocsr()
    print(f"{len(texts)} notes, {len(set(y))} sub-types, {X.nnz} feature hits", file=sys.stderr)
    if a.cv:
        ya = np.array(y)
        pred = np.empty(len(y), dtype=object)
        folds = StratifiedKFold(n_splits=a.cv, shuffle=True, random_state=0)
        # rare classes (< k examples) make StratifiedKFold warn; that is fine here
        for tr, te in folds.split(X, ya):
            pred[te] = fit(X[tr], ya[tr].tolist(), a.C).predict(X[te])
        from eventdesk.code.ontology import acled_event_type_of

        sub = float(np.mean(pred == ya))
        et = float(
            np.mean([acled_event_type_of(p) == acled_event_type_of(g) for p, g in zip(pred, ya, strict=True)])
        )
        print(f"CV{a.cv}: event_type acc {et:.4f}  sub_event_type acc {sub:.4f}")
    clf = fit(X, y, a.C)
    W = clf.coef_.T  # (n_used, n_classes), rows in the order of `used`
    np.savez_compressed(
        a.out,
        buckets=used.astype(np.int64),
        W=W.astype(np.float16),
        b=clf.intercept_.astype(np.float32),
        classes=np.array(clf.classes_, dtype=str),
        n_bits=np.int64(N_BITS),
    )
    print(
        f"wrote {a.out}: {len(used)} buckets x {len(clf.classes_)} classes, "
        f"{Path(a.out).stat().st_size / 1e6:.2f} MB",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
