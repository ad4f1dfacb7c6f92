#!/usr/bin/env python3
"""Train the article topic model shipped as src/eventdesk/data/relevance/topic_model.npz.

    python scripts/train_relevance.py [--shared ../shared] [--out PATH]

Labelled text (read from ../shared, never copied into the repo):
- corpora/bbc/{business,entertainment,politics,sport,tech}/*.txt: topic = folder (first line: title);
- corpora/guardian_isis.jsonl: conflict (Guardian reporting on the war with ISIS);
- eval/acled/train.jsonl: conflict (ACLED event notes; a hash-selected eighth, so short notes do not
  outweigh whole articles).
Every article that is also in eval/realnews/inputs.jsonl is left out (same opening words), so the
realnews figures stay a test the model never saw.

Held-out split by a hash of the id: md5(id) ending in c-f (a quarter) is never trained on; the
accuracy and the in-scope recall on it are printed. The shipped model is then fitted on the rest.
Model: multinomial logistic regression, numpy only (full-batch Adam, L2), deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from eventdesk.relevance.topic import IN_SCOPE, MODEL, terms, vector  # noqa: E402

BBC_TOPICS = ("business", "entertainment", "politics", "sport", "tech")
TOPICS = ("conflict", "politics", "business", "sport", "entertainment", "tech")


def _h(s: str) -> str:
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def held_out(doc_id: str) -> bool:
    return _h(doc_id)[-1] in "cdef"


def _key(text: str) -> str:
    return " ".join(text.split()[:30]).lower()


def load(shared: Path) -> list[tuple[str, str, str]]:
    """(id, text, topic) of every usable labelled text."""
    realnews = set()
    with open(shared / "eval" / "realnews" / "inputs.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                realnews.add(_key(r["text"]))
    docs: list[tuple[str, str, str]] = []
    skipped = 0
    for topic in BBC_TOPICS:
        for p in sorted((shared / "corpora" / "bbc" / topic).glob("*.txt")):
            raw = p.read_bytes().decode("utf-8", errors="replace")
            title, _, body = raw.partition("\n")
            if _key(body) in realnews:
                skipped += 1
                continue
            docs.append((f"bbc/{topic}/{p.name}", title + "\n\n" + body, topic))
    with open(shared / "corpora" / "guardian_isis.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if _key(r["text"]) in realnews:
                skipped += 1
                continue
            docs.append((r["id"], (r.get("title") or "") + "\n\n" + r["text"], "conflict"))
    with open(shared / "eval" / "acled" / "train.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if _h("acled-sample/" + r["id"])[-1] in "01":
                docs.append((r["id"], r["text"], "conflict"))
    print(f"{len(docs)} labelled texts, {skipped} left out (in realnews)", file=sys.stderr)
    return docs


def design(texts: list[str], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        c, v = vector(terms(t), index)
        rows.append(np.full(len(c), i))
        cols.append(c)
        vals.append(v)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def fit(
    X: tuple[np.ndarray, np.ndarray, np.ndarray],
    y: np.ndarray,
    n_rows: int,
    n_cols: int,
    l2: float,
    steps: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch Adam; classes weighted to equal total weight."""
    rows, cols, vals = X
    k = len(TOPICS)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample_w = (n_rows / (k * counts))[y][:, None]
    Y = np.eye(k)[y]
    by_col = np.argsort(cols, kind="stable")
    c_sorted, r_by_col, v_by_col = cols[by_col], rows[by_col], vals[by_col]
    col_starts = np.flatnonzero(np.r_[True, c_sorted[1:] != c_sorted[:-1]])
    col_ids = c_sorted[col_starts]
    row_starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])  # rows are already in order
    row_ids = rows[row_starts]
    W = np.zeros((n_cols, k))
    b = np.zeros(k)
    m = [np.zeros_like(W), np.zeros_like(b)]
    v = [np.zeros_like(W), np.zeros_like(b)]
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        Z = np.tile(b, (n_rows, 1))
        Z[row_ids] += np.add.reduceat(vals[:, None] * W[cols], row_starts, axis=0)
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        D = sample_w * (P - Y) / n_rows
        gW = l2 * W
        gW[col_ids] += np.add.reduceat(v_by_col[:, None] * D[r_by_col], col_starts, axis=0)
        gb = D.sum(axis=0)
        for i, (p, g) in enumerate(((W, gW), (b, gb))):
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            p -= lr * (m[i] / (1 - b1**step)) / (np.sqrt(v[i] / (1 - b2**step)) + eps)
        if step % 50 == 0:
            loss = -(sample_w[:, 0] * np.log(P[np.arange(n_rows), y] + 1e-12)).mean()
            print(f"  step {step}: loss {loss:.4f}", file=sys.stderr)
    return W, b


def predict(texts: list[str], index: dict[str, int], W: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.zeros((len(texts), len(TOPICS)))
    for i, t in enumerate(texts):
        c, v = vector(terms(t), index)
        z = b + v @ W[c]
        z = np.exp(z - z.max())
        out[i] = z / z.sum()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(MODEL))
    ap.add_argument("--min-df", type=int, default=3, help="keep terms seen in at least this many texts")
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--steps", type=int, default=300)
    a = ap.parse_args()
    docs = load(Path(a.shared))
    train = [d for d in docs if not held_out(d[0])]
    test = [d for d in docs if held_out(d[0])]
    df: Counter[str] = Counter()
    for _, t, _ in train:
        df.update(terms(t).keys())
    vocab = sorted(w for w, n in df.items() if n >= a.min_df)
    index = {w: i for i, w in enumerate(vocab)}
    print(f"{len(train)} train, {len(test)} held out, {len(vocab)} terms", file=sys.stderr)
    y = np.array([TOPICS.index(d[2]) for d in train])
    X = design([d[1] for d in train], index)
    W, b = fit(X, y, len(train), len(vocab), a.l2, a.steps)
    P = predict([d[1] for d in test], index, W, b)
    gold = np.array([TOPICS.index(d[2]) for d in test])
    pred = P.argmax(axis=1)
    print(f"held-out accuracy {np.mean(pred == gold):.3f} on {len(test)} texts")
    scope = [TOPICS.index(t) for t in IN_SCOPE]
    score = P[:, scope].sum(axis=1)
    for name in TOPICS:
        sel = gold == TOPICS.index(name)
        print(
            f"  {name:<13} n={sel.sum():4d} acc={np.mean(pred[sel] == gold[sel]):.3f} "
            f"score p10/p50/p90={np.percentile(score[sel], 10):.3f}/{np.median(score[sel]):.3f}/"
            f"{np.percentile(score[sel], 90):.3f}"
        )
    # ship: keep only rows that carry weight (float16 rounds the rest to zero anyway)
    keep = np.abs(W).max(axis=1) >= 1e-3
    np.savez_compressed(
        a.out,
        vocab=np.array([w for w, k in zip(vocab, keep, strict=True) if k]),
        weights=W[keep].astype(np.float16),
        bias=b.astype(np.float32),
        topics=np.array(TOPICS),
    )
    print(f"wrote {a.out}: {int(keep.sum())} terms x {len(TOPICS)} topics", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
