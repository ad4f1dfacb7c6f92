"""Stage 3, dedup: exact duplicates, near-duplicates and story clusters.

* exact: same normalised title+body => same article id => one article with several sources
  (the store does this by id);
* near-duplicate: MinHash Jaccard of body word 5-grams >= 0.8 (same text, minor edits or a new
  headline) => `duplicate_of` the first-seen article;
* story: containment |A∩B| / min(|A|,|B|) >= 0.6 => same `story_id` (the smallest article id of
  the story; stories an article ties together become one, and `merge` joins the stories of articles
  whose events merge). Rewrites of one wire report
  keep most of the shorter text inside the longer one while their Jaccard drops (seed Sudan
  article vs its Reuters original: Jaccard 0.78, containment 0.92), so containment is the test.

Signatures are MinHash over xxhash, computed here with numpy (the datasketch algorithm) rather
than by datasketch itself: signatures are stored, and must stay comparable whatever library
version a later run has (datasketch 2.0 changed its hashing scheme). LSH bands are kept in the
store as keys, so the index survives restarts, needs no memory per article, and groups by key
on any engine.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import xxhash

from eventdesk.config import setting
from eventdesk.records import Article, normalise

_WORD = re.compile(r"\w+", re.UNICODE)


class DedupIndex(Protocol):
    """Where signatures live: the store (persistent) or `MemoryIndex` (tests, engines)."""

    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None: ...
    def band_candidates(self, bands: list[int]) -> list[str]: ...
    def signature(self, article_id: str) -> tuple[int, bytes] | None: ...
    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]: ...
    def relabel_story(self, old: str, new: str) -> None: ...


@dataclass
class Signature:
    article_id: str
    n_shingles: int
    hashvalues: np.ndarray  # uint32, one per permutation
    bands: list[int]

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()


_PRIME = np.uint64(4294967311)  # smallest prime above 2**32


@lru_cache(maxsize=8)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    # Fixed seed: the same permutations on every machine and every run. a < 2**31 and h < 2**32
    # keep a*h + b inside uint64, so (a*h + b) mod p is exact.
    rng = np.random.Generator(np.random.PCG64(20250603))
    a = rng.integers(1, 2**31, size=num_perm, dtype=np.uint64)
    b = rng.integers(0, 2**32, size=num_perm, dtype=np.uint64)
    return a[:, None], b[:, None]


def minhash(items: set[bytes], num_perm: int = 128) -> np.ndarray:
    """MinHash signature (uint32 per permutation) of a set of byte strings."""
    if not items:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    h = np.fromiter((xxhash.xxh32_intdigest(x) for x in items), dtype=np.uint64, count=len(items))
    a, b = _permutations(num_perm)
    return ((a * h[None, :] + b) % _PRIME).min(axis=1).astype(np.uint32)


def shingles(text: str, n: int = 5) -> set[bytes]:
    words = _WORD.findall(normalise(text))
    if len(words) < n:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


def signature(article: Article, config: dict[str, Any] | None = None) -> Signature:
    num_perm = int(setting(config, "dedup.num_perm"))
    n_bands = int(setting(config, "dedup.bands"))
    sh = shingles(article.body or article.title, int(setting(config, "dedup.shingle")))
    hv = minhash(sh, num_perm)
    rows = num_perm // n_bands
    bands = []
    for b in range(n_bands):
        # band number in the key, so equal rows in different bands never collide
        h = xxhash.xxh64_intdigest(struct.pack("<H", b) + hv[b * rows : (b + 1) * rows].tobytes())
        bands.append(h - (1 << 63))  # SQLite integers are signed 64-bit
    return Signature(article.id, len(sh), hv, bands)


def signatures(batch: list[Article], config: dict[str, Any] | None = None) -> list[Signature]:
    """Public batch entry point for the engine-free part (runs in workers)."""
    return [signature(a, config) for a in batch]


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(j: float, n_a: int, n_b: int) -> float:
    """|A∩B| / min(|A|,|B|) estimated from Jaccard and set sizes: |A∩B| = J(|A|+|B|)/(1+J)."""
    if not n_a or not n_b:
        return 0.0
    inter = j * (n_a + n_b) / (1.0 + j)
    return min(1.0, inter / min(n_a, n_b))


def assign(article: Article, sig: Signature, index: DedupIndex, config: dict[str, Any] | None = None) -> None:
    """Set duplicate_of / story_id of a NEW article against everything already indexed, then index it."""
    near = float(setting(config, "dedup.near_duplicate_jaccard"))
    story = float(setting(config, "dedup.story_containment"))
    best_dup: tuple[float, str] | None = None
    stories: set[str] = set()  # stories of every article this one rewrites or repeats
    if sig.n_shingles >= 3:  # a few words say nothing about being the same story
        for cand in index.band_candidates(sig.bands):
            if cand == article.id:
                continue
            other = index.signature(cand)
            if other is None:
                continue
            n_other, raw = other
            j = _jaccard(sig.hashvalues, np.frombuffer(raw, dtype="<u4"))
            if j >= near and (best_dup is None or (j, cand) > best_dup):
                best_dup = (j, cand)
            if j >= near or containment(j, sig.n_shingles, n_other) >= story:
                stories.add(index.article_cluster(cand)[1] or cand)
    article.duplicate_of = None
    if best_dup is not None:
        root, _ = index.article_cluster(best_dup[1])
        article.duplicate_of = root or best_dup[1]
    # A story is named by its smallest article id, and stories this article joins become one: the
    # same articles give the same stories whatever order they come in.
    article.story_id = min(stories | {article.id})
    for sid in sorted(stories - {article.story_id}):
        index.relabel_story(sid, article.story_id)
    index.add_signature(article.id, sig.n_shingles, sig.to_bytes(), sig.bands)


class MemoryIndex:
    """In-memory DedupIndex for store-less use (tests, engines before the store step)."""

    def __init__(self) -> None:
        self._bands: dict[int, list[str]] = {}
        self._sigs: dict[str, tuple[int, bytes]] = {}
        self.clusters: dict[str, tuple[str | None, str | None]] = {}

    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None:
        self._sigs[article_id] = (n_shingles, signature)
        for b in bands:
            self._bands.setdefault(b, []).append(article_id)

    def band_candidates(self, bands: list[int]) -> list[str]:
        seen: dict[str, None] = {}
        for b in bands:
            for a in self._bands.get(b, ()):
                seen[a] = None
        return list(seen)

    def signature(self, article_id: str) -> tuple[int, bytes] | None:
        return self._sigs.get(article_id)

    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        return self.clusters.get(article_id, (None, None))

    def relabel_story(self, old: str, new: str) -> None:
        for aid, (dup, sid) in list(self.clusters.items()):
            if sid == old:
                self.clusters[aid] = (dup, new)


def dedup(
    batch: list[Article],
    index: DedupIndex,
    config: dict[str, Any] | None = None,
    sigs: list[Signature] | None = None,
) -> list[Article]:
    """Public entry point: mark near-duplicates and stories of NEW articles in order; returns the batch."""
    sigs = sigs or signatures(batch, config)
    for art, sig in zip(batch, sigs, strict=True):
        assign(art, sig, index, config)
        if isinstance(index, MemoryIndex):
            index.clusters[art.id] = (art.duplicate_of, art.story_id)
    return batch
