"""Exports: articles and events as JSONL (SCHEMA.md), CSV (flat columns), Parquet (typed, nested)
and ACLED-style CSV (ACLED's column names and conventions, see `eventdesk.export.acled`).

Safe to open and safe to kill (issue 15):
* a file export is written to a temporary file beside the target and renamed over it at the end,
  so a killed export leaves the previous file (or none), never a truncated one that looks whole;
* CSV cells (csv and acled) that a spreadsheet would run as a formula, text starting with `=`, `+`,
  `-`, `@`, a tab or a carriage return, get a leading apostrophe (`'=SUM(A1)`), as OWASP advises
  for CSV injection. Numbers are written as numbers. JSONL and Parquet keep text exactly.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from eventdesk.records import Article, Event

FORMATS = ("jsonl", "csv", "parquet", "acled")


def article_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for a in articles:
        yield a.to_dict()


def event_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    for e in events:
        yield e.to_dict()


def flat_article(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": d["id"],
        "title": d["title"],
        "published": d["published"],
        "url": d["url"],
        "duplicate_of": d["duplicate_of"],
        "story_id": d["story_id"],
        "language": d.get("language"),
        "topic": (d.get("relevance") or {}).get("topic"),
        "genre": (d.get("relevance") or {}).get("genre"),
        "relevance_score": (d.get("relevance") or {}).get("score"),
        "captions": " | ".join(d["captions"]),
        "sources": " | ".join(f"{s['path']}#{s['index']}" for s in d["sources"]),
        "body": d["body"],
    }


def _actors(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["name"] + (f" ({a['country']})" if a.get("country") else "") for a in actors)


def flat_event(d: dict[str, Any]) -> dict[str, Any]:
    loc = d.get("location") or {}
    return {
        "id": d["id"],
        "article_id": d["article_id"],
        "event_type": d["event_type"],
        "mode": d["mode"],
        "contexts": ";".join(d["contexts"]),
        "acled_event_type": d["acled_event_type"],
        "acled_sub_event_type": d["acled_sub_event_type"],
        "cameo_root": d["cameo_root"],
        "goldstein": d["goldstein"],
        "actors": _actors(d["actors"]),
        "recipients": _actors(d["recipients"]),
        "location": loc.get("name"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "date": d["date"],
        "date_precision": d["date_precision"],
        "date_text": d["date_text"],
        "modality": d["modality"],
        "fatalities": d["fatalities"],
        "confidence": d["confidence"],
        "evidence": d["evidence"]["sentence"],
        "sources": ";".join(d["sources"]),
    }


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would execute as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], fieldnames: list[str] | None = None) -> int:
    rows = ({k: safe_cell(v) for k, v in r.items()} for r in rows)
    w = None
    if fieldnames:  # header even when there are no rows, so pandas still sees the columns
        w = csv.DictWriter(out, fieldnames=fieldnames)
        w.writeheader()
    n = 0
    for r in rows:
        if w is None:
            w = csv.DictWriter(out, fieldnames=list(r))
            w.writeheader()
        w.writerow(r)
        n += 1
    return n


def event_schema() -> Any:
    """Explicit Arrow schema of events: nested structs and lists keep their types even when a
    column is empty or all null (pyarrow would infer `null` type from an all-null column)."""
    import pyarrow as pa

    actor = pa.struct(
        [
            ("text", pa.string()),
            ("name", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("wikidata", pa.string()),
        ]
    )
    place = pa.struct(
        [
            ("text", pa.string()),
            ("name", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("geonameid", pa.int64()),
            ("feature", pa.string()),
            ("precision", pa.int8()),
        ]
    )
    evidence = pa.struct([("sentence", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    return pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("event_type", pa.string()),
            ("mode", pa.string()),
            ("contexts", pa.list_(pa.string())),
            ("acled_event_type", pa.string()),
            ("acled_sub_event_type", pa.string()),
            ("cameo_root", pa.string()),
            ("goldstein", pa.float64()),
            ("actors", pa.list_(actor)),
            ("recipients", pa.list_(actor)),
            ("location", place),
            ("date", pa.string()),
            ("date_precision", pa.string()),
            ("date_text", pa.string()),
            ("modality", pa.string()),
            ("fatalities", pa.int32()),
            ("evidence", evidence),
            ("confidence", pa.float64()),
            ("sources", pa.list_(pa.string())),
            ("extra", pa.string()),  # fields beyond SCHEMA.md, as a JSON object
        ]
    )


def article_schema() -> Any:
    import pyarrow as pa

    source = pa.struct([("path", pa.string()), ("index", pa.int64()), ("url", pa.string())])
    relevance = pa.struct([("topic", pa.string()), ("genre", pa.string()), ("score", pa.float64())])
    return pa.schema(
        [
            ("id", pa.string()),
            ("title", pa.string()),
            ("captions", pa.list_(pa.string())),
            ("body", pa.string()),
            ("published", pa.string()),
            ("url", pa.string()),
            ("sources", pa.list_(source)),
            ("duplicate_of", pa.string()),
            ("story_id", pa.string()),
            ("language", pa.string()),
            ("relevance", relevance),
            ("date_hints", pa.list_(pa.string())),
        ]
    )


def _fit(row: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """A row with exactly the schema's fields; anything else goes to `extra` (JSON)."""
    out = {k: row.get(k) for k in names}
    if "extra" in names:
        rest = {k: v for k, v in row.items() if k not in out}
        out["extra"] = json.dumps(rest, ensure_ascii=False, default=str) if rest else None
    return out


def write_parquet(rows: Iterable[dict[str, Any]], path: str, schema: Any = None, batch: int = 5000) -> int:
    """Parquet keeps nested fields (actors, location, sources) as typed structs and lists; rows
    are written in batches so memory stays flat on a large store."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 0
    buf: list[dict[str, Any]] = []
    names = schema.names if schema is not None else None
    with pq.ParquetWriter(path, schema) if schema is not None else _Lazy(path) as w:
        for r in rows:
            buf.append(_fit(r, names) if names else r)
            if len(buf) >= batch:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            w.write_table(
                pa.Table.from_pylist(buf, schema=schema) if schema is not None or buf else pa.table({})
            )
            n += len(buf)
    return n


class _Lazy:
    """A ParquetWriter opened on the first table (schema inferred), for rows with no schema."""

    def __init__(self, path: str) -> None:
        self.path, self.w = path, None

    def write_table(self, t: Any) -> None:
        import pyarrow.parquet as pq

        if self.w is None:
            self.w = pq.ParquetWriter(self.path, t.schema)
        self.w.write_table(t)

    def __enter__(self) -> _Lazy:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.w is not None:
            self.w.close()


def export(
    kind: str,
    records: Iterable[Article] | Iterable[Event],
    fmt: str,
    out: str | None,
    store: Any = None,
    include_all: bool = False,
    report: dict[str, Any] | None = None,
) -> int:
    """Write articles or events in a format to a path (`-`/None = stdout; parquet needs a path).

    `acled` (events only) reads article URLs from `store` for ACLED's `source` column; events
    outside ACLED's scope are left out unless `include_all`, and counted in `report["skipped"]`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "acled" and kind != "events":
        raise ValueError("the acled format is for events: eventdesk export events --format acled")
    rows = article_rows(records) if kind == "articles" else event_rows(records)  # type: ignore[arg-type]
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet is binary: give --output FILE.parquet")
        with atomic_path(out) as tmp:
            return write_parquet(rows, tmp, schema=article_schema() if kind == "articles" else event_schema())
    if fmt == "csv":
        rows = (flat_article(r) if kind == "articles" else flat_event(r) for r in rows)
    skipped = [0]
    cache: dict[str, dict[str, Any]] = {}  # articles looked up for ACLED's `source` column
    if fmt == "acled":
        from eventdesk.export.acled import acled_rows

        rows = acled_rows(_with_articles(rows, store, cache), cache, include_all=include_all, skipped=skipped)

    def write(stream: IO[str]) -> int:
        if fmt == "acled":
            from eventdesk.export.acled import COLUMNS, EXTRA_COLUMNS

            return write_csv(rows, stream, fieldnames=COLUMNS + EXTRA_COLUMNS)
        return write_csv(rows, stream) if fmt == "csv" else write_jsonl(rows, stream)

    if not out or out == "-":
        n = write(sys.stdout)
    elif os.path.exists(out) and not os.path.isfile(out):  # /dev/stdout, a pipe: nothing to rename
        with open(out, "w", encoding="utf-8", newline="") as stream:
            n = write(stream)
    else:
        with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as stream:
            n = write(stream)
    if report is not None:
        report["skipped"] = skipped[0]
    return n


class atomic_path:  # noqa: N801 - used as a context manager, like open()
    """A temporary path beside `path`, renamed over it when the block ends without an error, removed
    otherwise: readers of `path` see the old file or the whole new one, never a part."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> str:
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, self.tmp = tempfile.mkstemp(
            prefix="." + os.path.basename(self.path) + ".", suffix=".part", dir=folder
        )
        os.close(fd)
        return self.tmp

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            try:
                mode = os.stat(self.path).st_mode & 0o7777
            except OSError:
                mode = 0o666 & ~_umask()
            os.chmod(self.tmp, mode)  # mkstemp makes 0600; keep what a plain open() would give
            os.replace(self.tmp, self.path)
        else:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _with_articles(
    rows: Iterable[dict[str, Any]], store: Any, cache: dict[str, dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Pass rows through, first putting the articles they cite in `cache` (bounded)."""
    for r in rows:
        if store is not None:
            for aid in dict.fromkeys([r["article_id"], *(r.get("sources") or [])]):
                if aid not in cache:
                    if len(cache) > 50_000:
                        cache.clear()
                    a = store.get_article(aid)
                    cache[aid] = (
                        {
                            "url": a.url,
                            "title": a.title,
                            "published": a.published,
                            "sources": [s.to_dict() for s in a.sources],
                        }
                        if a
                        else {}
                    )
        yield r
