#!/usr/bin/env python3
"""Train the commentary-vs-news model of the genre judge (src/eventdesk/relevance/genre.py),
shipped as src/eventdesk/data/relevance/genre_model.tsv.

    python scripts/train_genre.py [--shared ../shared] [--out PATH] [--l2 1.0]

Labels: training/genre_labels.tsv (corpus articles labelled news / analysis / opinion by hand; the
texts are read from ../shared/corpora, never copied). Articles that are also in
eval/realnews/inputs.jsonl (same opening words) are left out, so realnews stays a test.
Split by a hash of the key: md5 ending in 0-7 is studied (fitted), 8-f is held out; accuracy,
precision and recall of "commentary" (analysis or opinion) are printed for both, then the
shipped model is fitted on all labels. Features: the log1p of the voice rates of genre.voice
(genre.FEATURES). Model: logistic regression, numpy, full-batch gradient descent, deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from eventdesk.relevance.genre import DATA, FEATURES, voice  # noqa: E402

LABELS = ROOT / "training" / "genre_labels.tsv"
THRESHOLD = 0.5


def _key(text: str) -> str:
    return " ".join(text.split()[:30]).lower()


def load(shared: Path) -> list[tuple[str, str, str]]:
    """(key, text, genre) of every labelled article found in ../shared/corpora."""
    realnews = set()
    with open(shared / "eval" / "realnews" / "inputs.jsonl", encoding="utf-8") as f:
        realnews = {_key(json.loads(x)["text"]) for x in f if x.strip()}
    texts: dict[str, str] = {}
    with open(shared / "corpora" / "guardian_isis.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[f"guardian_isis.jsonl#{r['id']}"] = r["text"]
    out = []
    for n, line in enumerate(LABELS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, genre = line.partition("\t")
        if genre not in ("news", "analysis", "opinion"):
            raise SystemExit(f"{LABELS}:{n}: genre must be news, analysis or opinion, not {genre!r}")
        if key.startswith("bbc/"):
            raw = (shared / "corpora" / key).read_bytes().decode("utf-8", errors="replace")
            texts[key] = raw.partition("\n")[2]
        if key not in texts:
            raise SystemExit(f"{LABELS}:{n}: {key} is not in ../shared/corpora")
        if _key(texts[key]) not in realnews:
            out.append((key, texts[key], genre))
    return out


def design(texts: list[str]) -> np.ndarray:
    return np.array([[math.log1p(voice(t).get(f, 0.0)) for f in FEATURES] for t in texts])


def fit(
    X: np.ndarray, y: np.ndarray, l2: float, steps: int = 4000, lr: float = 0.1
) -> tuple[np.ndarray, float]:
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        w -= lr * (X.T @ (p - y) + l2 * w) / len(y)
        b -= lr * float((p - y).mean())
    return w, b


def report(name: str, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> str:
    pred = 1.0 / (1.0 + np.exp(-(X @ w + b))) >= THRESHOLD
    t = y == 1
    tp, fp, fn = int((pred & t).sum()), int((pred & ~t).sum()), int((~pred & t).sum())
    acc = float((pred == t).mean())
    return (
        f"[{name}] articles={len(y)} commentary={int(t.sum())} accuracy={acc:.3f} "
        f"precision={tp / max(tp + fp, 1):.3f} recall={tp / max(tp + fn, 1):.3f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(DATA / "genre_model.tsv"))
    ap.add_argument("--l2", type=float, default=1.0)
    a = ap.parse_args()
    docs = load(Path(a.shared))
    X = design([t for _, t, _ in docs])
    y = np.array([g != "news" for _, _, g in docs], dtype=float)
    study = np.array([hashlib.md5(k.encode()).hexdigest()[-1] in "01234567" for k, _, _ in docs])
    w, b = fit(X[study], y[study], a.l2)
    print(report("study", X[study], y[study], w, b))
    print(report("held", X[~study], y[~study], w, b))
    w, b = fit(X, y, a.l2)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(
            "# source: scripts/train_genre.py on training/genre_labels.tsv (hand-labelled corpus articles); "
            "logistic model of commentary (analysis, opinion) vs news over the log1p of the voice rates of "
            "eventdesk.relevance.genre.voice. Format: name<TAB>number (features, bias, threshold).\n"
        )
        for name, value in zip(FEATURES, w, strict=True):
            f.write(f"{name}\t{value:.4f}\n")
        f.write(f"bias\t{b:.4f}\nthreshold\t{THRESHOLD}\n")
    print(f"wrote {a.out} ({len(docs)} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
