"""What an article is about: a small multinomial logistic model over words and word pairs.

Topics: conflict, politics, business, sport, entertainment, tech (the labels of the corpora it was
trained on; see scripts/train_relevance.py, which writes data/relevance/topic_model.npz). The model
is a vocabulary (words and "word word" pairs seen in at least a few training articles), one weight
row per vocabulary entry and a bias per topic: inference is a dictionary look-up and a sum.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import numpy as np

MODEL = Path(__file__).resolve().parents[1] / "data" / "relevance" / "topic_model.npz"
# Political / conflict news: what eventdesk codes. `score` is the model's probability of these.
IN_SCOPE = ("conflict", "politics")

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
MAX_CHARS = 6000  # the lead and first paragraphs say what an article is about; keeps long texts cheap


def terms(text: str) -> Counter[str]:
    """Lower-cased words and adjacent word pairs ("prime minister"), with their counts."""
    words = _WORD.findall(text[:MAX_CHARS].lower().replace("\u2019", "'"))
    c: Counter[str] = Counter(words)
    c.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return c


def vector(counts: Counter[str], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Column ids and values of a text: log term frequency, L2-normalised (length-independent)."""
    cols, vals = [], []
    for t, n in counts.items():
        j = index.get(t)
        if j is not None:
            cols.append(j)
            vals.append(1.0 + math.log(n))
    v = np.asarray(vals, dtype=np.float32)
    if len(v):
        v /= float(np.sqrt((v * v).sum()))
    return np.asarray(cols, dtype=np.int64), v


TopicModel = tuple[dict[str, int], np.ndarray, np.ndarray, tuple[str, ...]]


def load_model() -> TopicModel:
    """(vocabulary index, weights, bias, topics) from the shipped file; eventdesk.resources keeps it."""
    with np.load(MODEL, allow_pickle=False) as m:
        vocab = [str(w) for w in m["vocab"]]
        weights = m["weights"].astype(np.float32)
        bias = m["bias"].astype(np.float32)
        topics = tuple(str(t) for t in m["topics"])
    return {w: i for i, w in enumerate(vocab)}, weights, bias, topics


def topic_probabilities(text: str, model: TopicModel) -> dict[str, float]:
    """Probability of each topic for an (English) text; {} when no known word occurs. `model`:
    load_model(), kept by eventdesk.resources.Resources.topic_model."""
    index, weights, bias, topics = model
    cols, vals = vector(terms(text), index)
    if not len(cols):
        return {}
    z = bias + vals @ weights[cols]
    z = np.exp(z - z.max())
    p = z / z.sum()
    return {t: float(x) for t, x in zip(topics, p, strict=True)}
