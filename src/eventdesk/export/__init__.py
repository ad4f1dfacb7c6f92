"""Exports: articles and events as JSONL (SCHEMA.md), CSV (flat columns) and Parquet (typed)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventdesk.records import Article, Event

FORMATS = ("jsonl", "csv", "parquet")


def article_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield a.to_dict()


def event_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for e in events:
        yield e.to_dict()


def flat_article(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": d["id"], "title": d["title"], "published": d["published"], "url": d["url"],
        "duplicate_of": d["duplicate_of"], "story_id": d["story_id"],
        "captions": " | ".join(d["captions"]),
        "sources": " | ".join(f"{s['path']}#{s['index']}" for s in d["sources"]),
        "body": d["body"],
    }


def _actors(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["name"] + (f" ({a['country']})" if a.get("country") else "") for a in actors)


def flat_event(d: dict[str, Any]) -> dict[str, Any]:
    loc = d.get("location") or {}
    return {
        "id": d["id"], "article_id": d["article_id"], "event_type": d["event_type"], "mode": d["mode"],
        "contexts": ";".join(d["contexts"]), "acled_event_type": d["acled_event_type"],
        "acled_sub_event_type": d["acled_sub_event_type"], "cameo_root": d["cameo_root"],
        "goldstein": d["goldstein"], "actors": _actors(d["actors"]), "recipients": _actors(d["recipients"]),
        "location": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geo_precision": loc.get("precision"),
        "date": d["date"], "date_precision": d["date_precision"], "date_text": d["date_text"],
        "modality": d["modality"], "fatalities": d["fatalities"], "confidence": d["confidence"],
        "evidence": d["evidence"]["sentence"], "sources": ";".join(d["sources"]),
    }


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = None
    n = 0
    for r in rows:
        if w is None:
            w = csv.DictWriter(out, fieldnames=list(r))
            w.writeheader()
        w.writerow(r)
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], path: str, schema: Any = None) -> int:
    """Parquet keeps nested fields (actors, location, sources) as typed structs and lists."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    table = pa.Table.from_pylist(rows, schema=schema) if rows else pa.table({})
    pq.write_table(table, path)
    return len(rows)


def export(kind: str, records: Iterable[Article] | Iterable[Event], fmt: str, out: str | None) -> int:
    """Write articles or events in a format to a path (`-`/None = stdout; parquet needs a path)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    rows = article_rows(records) if kind == "articles" else event_rows(records)  # type: ignore[arg-type]
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet is binary: give --output FILE.parquet")
        return write_parquet(rows, out)
    if fmt == "csv":
        rows = (flat_article(r) if kind == "articles" else flat_event(r) for r in rows)
    stream = sys.stdout if not out or out == "-" else open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        return write_csv(rows, stream) if fmt == "csv" else write_jsonl(rows, stream)
    finally:
        if stream is not sys.stdout:
            stream.close()
