"""The ACLED sub-event-type model: hashed word/bigram/lexicon features and a multinomial logistic
regression (trained by scripts/train_classifier.py on ACLED notes, shipped as
data/models/acled_subtype.npz; inference is numpy only)."""

from __future__ import annotations

import re
import zlib
from importlib import resources

import numpy as np

from eventdesk.code.lexicon import Hit, triggers
from eventdesk.text.stem import stem

N_BITS = 18


_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


_STOP = frozenset(
    "the a an of in on at to and or by for with from as is was were be been has have had that this "
    "it its their his her they he she which who".split()
)


def _bucket(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & ((1 << N_BITS) - 1)


def features(text: str, hits: list[Hit] | None = None) -> np.ndarray:
    """Hashed feature ids of a text: stemmed words, word bigrams, and lexicon hits (type, mode, entry)."""
    words = [stem(w) for w in _TOKEN.findall(text.lower())]
    feats = {"w:" + w for w in words if w not in _STOP}
    feats |= {"b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False)}
    for h in triggers(text) if hits is None else hits:
        feats |= {"t:" + h.event_type, f"m:{h.event_type}:{h.mode}", f"e:{h.entry}"}
        if h.acled:
            feats.add("a:" + h.acled)
    return np.fromiter(sorted({_bucket(f) for f in feats}), dtype=np.int64)


AcledModel = dict[str, np.ndarray]


def load_model() -> AcledModel:
    """The shipped weights (buckets, W, b, classes); eventdesk.resources keeps them."""
    path = resources.files("eventdesk").joinpath("data", "models", "acled_subtype.npz")
    with path.open("rb") as f, np.load(f, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def acled_probabilities(text: str, hits: list[Hit] | None, model: AcledModel) -> dict[str, float]:
    """P(ACLED sub_event_type | text) from the shipped linear model (`model`: load_model(), kept by
    eventdesk.resources.Resources.acled_model)."""
    m = model
    ids = features(text, hits)
    pos = np.searchsorted(m["buckets"], ids)
    pos = pos[pos < len(m["buckets"])]
    ok = m["buckets"][pos] == ids[: len(pos)] if len(pos) == len(ids) else None
    if ok is None:  # ids beyond the last known bucket were cut above; redo exactly
        inb = np.isin(ids, m["buckets"])
        rows = np.searchsorted(m["buckets"], ids[inb])
    else:
        rows = pos[ok]
    scale = 1.0 / np.sqrt(max(len(ids), 1))
    z = m["W"][rows].astype(np.float32).sum(axis=0) * scale + m["b"]
    z = z - z.max()
    p = np.exp(z)
    p /= p.sum()
    return {str(c): float(v) for c, v in zip(m["classes"], p, strict=True)}
