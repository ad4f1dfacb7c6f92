"""Feature names to the columns of the eventness model: CRC-32 of the name, `N_BITS` bits.

Hashing keeps the model a plain weight vector with no vocabulary to ship; the shipped weights
(data/models/eventness.npz) are indexed by these buckets, so the hash must not change.
"""

from __future__ import annotations

import zlib

import numpy as np

N_BITS = 16  # hashed feature space of the model (65,536 columns)


def bucket(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << N_BITS) - 1)


def vector(f: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed columns and values of a feature dict (collisions add up)."""
    acc: dict[int, float] = {}
    for k, v in f.items():
        j = bucket(k)
        acc[j] = acc.get(j, 0.0) + v
    cols = np.fromiter(acc.keys(), dtype=np.int64, count=len(acc))
    vals = np.fromiter(acc.values(), dtype=np.float64, count=len(acc))
    return cols, vals
