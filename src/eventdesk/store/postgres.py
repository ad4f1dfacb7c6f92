"""PostgreSQL store for teams: one server, many readers and writers, PostGIS for map boxes.

Same calls, same results as the SQLite store: the store logic is `SQLStore` (store/sql.py) and
tests/test_store.py runs on both. Here is what only PostgreSQL does:

- full-text search: tsvector columns with GIN indexes (text search configuration `eventdesk`: the
  `simple` dictionary, no stemming, accents folded with `unaccent` when that extension can be
  created, like FTS5's unicode61 remove_diacritics); queries are built from quoted words as in
  `fts_query`, so operators and quotes typed by a user are data, never syntax; ts_headline snippets.
- map boxes: a PostGIS geometry point per located event with a GiST index when the `postgis`
  extension is available (or can be created); otherwise a plain (lat, lon) btree index, which
  gives the same answers, slower on large stores. `store.spatial` says which one is in use.
- transactions: each write transaction takes one advisory lock, so writers run one at a time like
  SQLite's BEGIN IMMEDIATE: the dedup stage reads candidates and then writes, which must not interleave.
- a search's time budget: `statement_timeout` (SQLite: its progress handler).

Needs the optional extra `eventdesk[postgres]` (psycopg 3).
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from eventdesk.records import Event
from eventdesk.store import schema
from eventdesk.store.base import CheckResult, FilterDialect, QueryInterrupted, like_escape
from eventdesk.store.schema import FIX_REBUILD, POSTGIS_SCHEMA, SCHEMA_VERSION, UPGRADES
from eventdesk.store.sql import SQLStore

log = logging.getLogger("eventdesk.store")

# Writers take this advisory lock for the length of a transaction (any number; "eventdesk" in ASCII).
WRITE_LOCK = 0x6576656E746465

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    """Text as FTS5's unicode61 tokenizer sees it: runs of letters and digits, everything else a
    separator. Indexed in this form, so "../etc/passwd" or "al-Jaili" give the same words here
    as in SQLite (PostgreSQL's parser would keep a path, a URL or an e-mail as one token)."""
    return " ".join(_WORD.findall(text or ""))


def tsquery(text: str) -> str:
    """User words -> a `to_tsquery` string that cannot be a syntax error; same meaning as `fts_query`.

    Each word's letters and digits become quoted lexemes (a word of several, like "al-Jaili", a
    phrase), all words ANDed; a trailing `*` keeps prefix search. Everything else is dropped.
    """
    out = []
    for raw in text.split():
        toks = _WORD.findall(raw)
        if not toks:
            continue
        parts = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in toks]
        if raw.endswith("*"):
            parts[-1] += ":*"
        out.append(parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")")
    return " & ".join(out)


def _clean(x: Any) -> Any:
    """PostgreSQL text can't hold NUL characters (SQLite can): drop them, in lists too (a NUL in a
    user's filter is data that can match nothing stored, not an error)."""
    if isinstance(x, str):
        return x.replace("\x00", "") if "\x00" in x else x
    return [_clean(y) for y in x] if isinstance(x, list) else x


@lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """SQL in SQLite's spelling -> psycopg's: `?` -> `%s` (a literal % doubled), rowid -> rid."""
    return re.sub(r"\browid\b", "rid", sql.replace("%", "%%").replace("?", "%s"))


def public_url(url: str) -> str:
    """The URL without its password, for messages and `stats()`."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


class PostgresFilters(FilterDialect):
    def __init__(self, spatial: str) -> None:
        self.spatial = spatial

    def any_of(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [list(values)]

    def contains(self, column: str, text: str) -> tuple[str, list[Any]]:
        # SQLite's LIKE ignores (ASCII) case: ILIKE here
        return f"{column} ILIKE ? ESCAPE '\\'", ["%" + like_escape(text) + "%"]

    def text_match(self, text: str) -> tuple[str, list[Any]] | None:
        q = tsquery(text)
        return ("e.sentence_tsv @@ to_tsquery('eventdesk', ?)", [q]) if q else None

    def in_box(self, west: float, south: float, east: float, north: float) -> tuple[str, list[Any]]:
        w, s, e, n = (min(max(float(x), -1e300), 1e300) for x in (west, south, east, north))  # no infinities
        if w > e or s > n or any(math.isnan(x) for x in (w, s, e, n)):
            return "FALSE", []  # an inverted box (or NaN, NULL to SQLite) holds nothing
        if self.spatial == "postgis":
            return "e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", [w, s, e, n]
        return "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", [s, n, w, e]


class PostgresStore(SQLStore):
    Error = psycopg.Error
    ORDER_ASC = "e.date NULLS LAST, e.rowid"  # the order of the events_date index
    ORDER_DESC = "e.date DESC NULLS LAST, e.confidence DESC, e.rowid DESC"  # SQLite puts NULL last

    def __init__(
        self, url: str, readonly: bool = False, connect_timeout: float = 10.0, postgis: bool | None = None
    ) -> None:
        """`postgis=None`: use PostGIS where available; False: never (lat/lon index only)."""
        self.url = public_url(url)
        self.readonly = readonly
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=int(connect_timeout))
        except psycopg.OperationalError as e:
            raise SystemExit(f"cannot connect to {self.url}: {str(e).strip()}") from e
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
        else:
            self._create_schema(postgis)
        self.spatial = "postgis" if self._has_geom() else "latlon"
        self.filters = PostgresFilters(self.spatial)

    # -- schema ------------------------------------------------------------------------------
    def _create_schema(self, postgis: bool | None) -> None:
        c = self.conn
        with self._begin():  # two processes creating the schema at once would race on IF NOT EXISTS
            for table, col, typ in UPGRADES:
                c.execute(f"ALTER TABLE IF EXISTS {table} ADD COLUMN IF NOT EXISTS {col} {typ}")
            c.execute(schema.schema("postgres"))
            have_unaccent = self._extension("unaccent")
            if not c.execute(
                "SELECT 1 FROM pg_ts_config WHERE cfgname = 'eventdesk' AND cfgnamespace = "
                "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
            ).fetchone():
                c.execute("CREATE TEXT SEARCH CONFIGURATION eventdesk (COPY = simple)")
                if have_unaccent:
                    c.execute(
                        "ALTER TEXT SEARCH CONFIGURATION eventdesk ALTER MAPPING FOR "
                        "hword, hword_part, word WITH unaccent, simple"
                    )
            if postgis is not False and self._extension("postgis") and not self._has_geom():
                c.execute(POSTGIS_SCHEMA)
                # a store first opened without PostGIS: its located events get their points now
                c.execute(
                    "UPDATE events SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326) "
                    "WHERE lat IS NOT NULL AND lon IS NOT NULL"
                )
            self._q(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", (str(SCHEMA_VERSION),)
            )
            spatial = "postgis" if self._has_geom() else "latlon (postgis extension unavailable)"
            before = c.execute("SELECT value FROM meta WHERE key = 'spatial_index'").fetchone()
            self._q(
                "INSERT INTO meta VALUES ('spatial_index', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (spatial,),
            )
        if spatial != "postgis" and (before is None or before[0] != spatial):  # said once per store
            log.warning(
                "%s: PostGIS is not available in this database, so map boxes use a plain lat/lon index "
                "(same answers, slower on large stores). To use PostGIS: install it on the server "
                "(Debian: postgresql-postgis) and, as a superuser, CREATE EXTENSION postgis; "
                "the next open of the store adds the spatial index.",
                self.url,
            )

    def missing_schema(self) -> set[str]:
        names = {
            r[0]
            for r in self.conn.execute(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
            )
        }
        cols = {
            r[0]
            for r in self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'articles'"
            )
        }
        return (schema.object_names("postgres") - names) | {c for _, c, _ in UPGRADES if c not in cols}

    def _extension(self, name: str) -> bool:
        """Is the extension in this database? Try to create it (needs the right privileges)."""
        c = self.conn
        if c.execute("SELECT 1 FROM pg_extension WHERE extname = %s", (name,)).fetchone():
            return True
        if not c.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", (name,)).fetchone():
            return False
        try:
            c.execute("SAVEPOINT ext")
            c.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")
            c.execute("RELEASE SAVEPOINT ext")
            return True
        except psycopg.Error:  # e.g. not a superuser: PostGIS is not a trusted extension
            c.execute("ROLLBACK TO SAVEPOINT ext")
            return False

    def _has_geom(self) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'geom' "
                "AND table_schema = current_schema()"
            ).fetchone()
            is not None
        )

    # -- the dialect -------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return to_postgres(sql)

    def _params(self, args: Sequence[Any]) -> Sequence[Any]:
        return [_clean(a) for a in args]

    def _many(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:  # executemany runs in psycopg's pipeline mode: one round trip, not one per row
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), [self._params(r) for r in rows])

    def _in(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [list(values)]

    @contextmanager
    def _begin(self) -> Iterator[None]:
        """One transaction; a writer first takes the store's write lock (writers take turns)."""
        self.conn.execute("BEGIN")
        try:
            if not self.readonly:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _article_extra(self, title: str, body: str) -> tuple[str, str, list[Any]]:
        return (
            ",tsv",
            ",to_tsvector('eventdesk', ?) || to_tsvector('eventdesk', ?)",
            [words(title), words(body)],
        )

    def _event_extra(self, ev: Event) -> tuple[str, str, list[Any]]:
        loc = ev.location
        countries = {
            c.upper()
            for c in [loc.country if loc else None] + [a.country for a in ev.actors + ev.recipients]
            if isinstance(c, str)
        }
        cols, vals, args = (
            ",sentence_tsv,countries",
            ",to_tsvector('eventdesk', ?),?",
            [words(ev.evidence.sentence), sorted(countries)],
        )
        if self.spatial == "postgis":
            lon, lat = (loc.lon, loc.lat) if loc else (None, None)
            cols, vals = (
                cols + ",geom",
                vals + ",CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END",
            )
            args += [lon, lon, lat]
        return cols, vals, args

    def _index_events(self, events: list[Event]) -> None:
        self._many(
            "INSERT INTO event_edges SELECT rid, ?, ? FROM events WHERE id = ?",
            [
                (a.name, r.name, ev.id)
                for ev in events
                for a in ev.actors
                for r in ev.recipients
                if a.name is not None and r.name is not None
            ],
        )  # deleted with their event (ON DELETE CASCADE)

    def _country(self, code: str) -> tuple[str, list[Any]] | None:
        return "e.countries @> ARRAY[?]::text[]", [code]

    def _monday(self, day: str) -> str:
        return f"to_char(date_trunc('week', eventdesk_day({day})), 'YYYY-MM-DD')"

    def _trunc(self, x: str) -> str:
        return f"trunc({x})::bigint"  # SQLite's CAST(x AS INTEGER) truncates, a cast here rounds

    def _search_rows(self, query: str, limit: int, offset: int, marks: tuple[str, str], words: int) -> list:
        q = tsquery(query)
        if not q:
            return []
        # ts_headline reads the whole body: only for the rows returned, after ranking.
        opts = (
            f'StartSel="{marks[0]}", StopSel="{marks[1]}", MaxWords={words}, MinWords={max(words // 2, 3)}, '
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        rows = self._q(
            "SELECT id, title, published, ts_headline('eventdesk', body, q, ?), score FROM ("
            " SELECT a.id, a.title, a.published, a.body, q, ts_rank_cd(a.tsv, q, 1) AS score, a.rid"
            " FROM articles a, to_tsquery('eventdesk', ?) q WHERE a.tsv @@ q"
            " ORDER BY score DESC, a.rid LIMIT ? OFFSET ?) hits ORDER BY score DESC, rid",
            (opts, q, int(limit), int(offset)),
        )
        return [(*r[:4], round(float(r[4]), 4)) for r in rows]

    @contextmanager
    def query_budget(
        self, seconds: float | None, cancelled: Callable[[], bool] | None = None
    ) -> Iterator[None]:
        """Statements inside stop once `seconds` are up (the server's statement_timeout, SET LOCAL:
        it ends with the transaction, whatever happens) or once `cancelled()` (a watcher thread
        cancels the running statement): QueryInterrupted, as from SQLite."""
        if not seconds and cancelled is None:
            yield
            return
        if cancelled and cancelled():  # gone already: nothing to run (a watcher could come too late)
            raise QueryInterrupted(seconds)
        done = threading.Event()

        def watch() -> None:
            while not (cancelled and cancelled()):
                if done.wait(0.02):
                    return
            self.conn.cancel_safe()

        own = not self._depth  # inside a store transaction the setting ends with that one
        if own:
            self.conn.execute("BEGIN")
        watcher = threading.Thread(target=watch, daemon=True)
        ok = False
        try:
            if seconds:  # whole milliseconds, at least 1 (0 would mean no limit)
                self._q(
                    "SELECT set_config('statement_timeout', ?, true)", (f"{max(1, round(seconds * 1000))}ms",)
                )
            watcher.start()
            yield
            ok = True
        except psycopg.errors.QueryCanceled as e:
            raise QueryInterrupted(seconds) from e
        finally:
            done.set()
            if watcher.ident is not None:
                watcher.join()
            if own:
                self.conn.execute("COMMIT" if ok else "ROLLBACK")

    # -- store check (issue 7) ---------------------------------------------------------------
    def check(self) -> list[CheckResult]:
        """eventdesk's invariants, minus SQLite's FTS5/R*Tree ones; plus map points agreeing with lat/lon."""
        out = self._invariants()
        if self.spatial == "postgis":
            q = "FROM events WHERE (lat IS NULL OR lon IS NULL) != (geom IS NULL)"
            n = int(self._q(f"SELECT count(*) {q}").fetchone()[0])
            ex = [r[0] for r in self._q(f"SELECT id {q} LIMIT 5")] if n else []
            out.append(CheckResult("map point for every located event", n == 0, n, ex, FIX_REBUILD))
        return out
