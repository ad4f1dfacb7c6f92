"""SQLite store: one file, WAL mode (a dashboard reads while an ingest writes), FTS5 search,
R*Tree for map boxes. Stdlib only. The store logic is `SQLStore` (store/sql.py); here is what
only SQLite does: connecting, locking, the FTS5 and R*Tree side indexes, its own check."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from eventdesk.records import Event
from eventdesk.store import schema
from eventdesk.store.base import CheckResult, EventFilter, FilterDialect, QueryInterrupted, like_escape
from eventdesk.store.schema import FIX_DAMAGED, FIX_FTS, SCHEMA_VERSION, SQLITE_CHECKS, UPGRADES
from eventdesk.store.sql import ARTICLE_COLS, SQLStore, merge_key

__all__ = ["SQLiteStore", "StoreError", "fts_query", "merge_key", "store_error_message"]


class StoreError(sqlite3.OperationalError):
    """The store cannot be used as asked (read-only, disk full, no permission): the message says
    what to do. The CLI prints it as one line."""


def store_error_message(path: str, e: BaseException) -> str:
    """One line for an SQLite or OS error on a store file: what happened and what to do (issue 15)."""
    import errno

    text = str(e).lower()
    code = getattr(e, "errno", None)
    if "full" in text or code == errno.ENOSPC:
        return (
            f"the disk holding {path} is full: nothing of the last batch was written (the store is intact); "
            "free some space and run the same command again"
        )
    if "readonly" in text or "read-only" in text or code == errno.EROFS:
        return (
            f"cannot write to {path}: the file or its folder is read-only (permissions or a read-only disk). "
            "Make it writable or copy the store to a writable place; reading commands "
            "(events, export, stats, serve, check) work on it as it is"
        )
    folder = os.path.dirname(os.path.abspath(path))
    if ("unable to open" in text or code == errno.ENOENT) and not os.path.isdir(folder):
        return (
            f"cannot create {path}: its folder {folder} does not exist; create it first "
            f"(mkdir -p {folder}) or give another --db"
        )
    if "unable to open" in text or code in (errno.EACCES, errno.EPERM):
        return (
            f"cannot open {path}: no permission to open the file or to create files in its folder "
            "(SQLite needs the folder writable for its -wal and -shm files); check the permissions or give "
            "another --db"
        )
    return f"cannot use the store {path}: {e}"


def connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
    """Open for reading only. The path goes into a file: URI quoted (`#` and `?` are part of the name,
    not URI syntax). On a read-only disk or folder SQLite cannot create the WAL index (-shm): the
    store is then opened immutable (nobody can be writing it there)."""
    from urllib.parse import quote

    base = "file:" + quote(os.path.abspath(path)) + "?mode=ro"
    conn = sqlite3.connect(base, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        folder = os.path.dirname(os.path.abspath(path))
        if os.access(folder, os.W_OK) and os.access(path, os.W_OK):
            return conn  # a real problem: let the caller see it
        conn.close()
    return sqlite3.connect(
        base + "&immutable=1", uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
    )


def fts_query(text: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error: each word quoted, ANDed.

    A trailing `*` keeps prefix search; everything else (quotes, operators, parentheses) is data.
    """
    out = []
    for raw in text.split():
        prefix = raw.endswith("*")
        word = raw.rstrip("*").replace('"', '""').replace("\x00", "")  # FTS5 ends a string at NUL
        if word.strip():
            out.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(out)


class SQLiteFilters(FilterDialect):
    def any_of(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def contains(self, column: str, text: str) -> tuple[str, list[Any]]:
        return f"{column} LIKE ? ESCAPE '\\'", ["%" + like_escape(text) + "%"]  # LIKE ignores ASCII case

    def text_match(self, text: str) -> tuple[str, list[Any]] | None:
        q = fts_query(text)
        return ("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", [q]) if q else None

    def in_box(self, west: float, south: float, east: float, north: float) -> tuple[str, list[Any]]:
        return (
            "e.rowid IN (SELECT rid FROM events_rtree WHERE min_lon>=? AND max_lon<=? "
            "AND min_lat>=? AND max_lat<=?)",
            [west, east, south, north],
        )


class SQLiteStore(SQLStore):
    filters = SQLiteFilters()
    Error = sqlite3.DatabaseError

    def __init__(self, path: str, readonly: bool = False, timeout: float = 30.0) -> None:
        self.url = self.path = path
        self.readonly = readonly
        try:
            if readonly:
                self.conn = connect_readonly(path, timeout)
            else:
                self.conn = sqlite3.connect(
                    path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
                self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as e:
            if hasattr(self, "conn"):
                self.conn.close()
            raise StoreError(store_error_message(path, e)) from e
        self.conn.row_factory = sqlite3.Row
        if not readonly:
            # NORMAL in WAL mode: a committed transaction survives a killed process (not a power cut).
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._create_schema()
        else:  # a store of an older version read as it is: NULL for the columns it lacks
            have = {r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
            self._article_cols = ", ".join(
                c if c in have or not have else f"NULL AS {c}" for c in ARTICLE_COLS.split(", ")
            )
        self.conn.execute("PRAGMA busy_timeout=%d" % int(timeout * 1000))

    def _create_schema(self) -> None:
        """Columns added since the store's version first, then everything `IF NOT EXISTS` in one
        transaction (executescript commits first: two transactions): a reader never sees half a schema, and a kill during the one-time backfill of
        the dashboard tables cannot leave it half done (it would run again, doubling rows)."""
        try:
            with self._begin():  # under the write lock: another process may be doing the same
                for table, col, typ in UPGRADES:
                    cols = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
                    if cols and col not in cols:  # no columns at all: a new store, the schema creates it
                        self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {col} {typ}")
            self.conn.executescript(
                "BEGIN IMMEDIATE;\n"
                + schema.schema("sqlite")
                + "\nINSERT OR IGNORE INTO meta VALUES ('schema_version', '%d');\nCOMMIT;" % SCHEMA_VERSION
            )
        except sqlite3.OperationalError as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.conn.close()
            raise StoreError(store_error_message(self.path, e)) from e
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def missing_schema(self) -> set[str]:
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        cols = {r[1] for r in self.conn.execute("PRAGMA table_info(articles)")}
        return (schema.object_names("sqlite") - names) | {c for _, c, _ in UPGRADES if c not in cols}

    # -- the dialect -------------------------------------------------------------------------
    def _in(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        if len(values) <= 500:
            return f"{column} IN ({','.join('?' * len(values))})", list(values)
        return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(values)]  # no limit on how many

    @contextmanager
    def _begin(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # SQLite has rolled back already after a full disk or I/O error
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _index_article(self, rid: int, title: str, body: str) -> None:
        self._q("INSERT INTO articles_fts(rowid, title, body) VALUES (?,?,?)", (rid, title, body))

    def _unindex_articles(self, ids: list[str]) -> None:
        cond, args = self._in("id", ids)
        rows = self._q(f"SELECT rowid, title, body FROM articles WHERE {cond}", args).fetchall()
        self._many("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete',?,?,?)", rows)

    def _index_events(self, events: list[Event]) -> None:
        self._many(
            "INSERT INTO events_fts(rowid, sentence) SELECT rowid, ? FROM events WHERE id=?",
            [(ev.evidence.sentence, ev.id) for ev in events],
        )
        self._many(
            "INSERT INTO events_rtree SELECT rowid, ?, ?, ?, ? FROM events WHERE id=?",
            [
                (e.location.lon, e.location.lon, e.location.lat, e.location.lat, e.id)
                for e in events
                if e.location
            ],
        )

    def _unindex_events(self, ids: list[str]) -> None:
        cond, args = self._in("id", ids)
        rows = self._q(f"SELECT rowid, data FROM events WHERE {cond}", args).fetchall()
        self._many(
            "INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete',?,?)",
            [(r[0], json.loads(r[1])["evidence"]["sentence"]) for r in rows],
        )
        self._many("DELETE FROM events_rtree WHERE rid=?", [(r[0],) for r in rows])

    def _search_rows(self, query: str, limit: int, offset: int, marks: tuple[str, str], words: int) -> list:
        q = fts_query(query)
        if not q:
            return []
        rows = self._q(
            "SELECT a.id, a.title, a.published, snippet(articles_fts, 1, ?, ?, ' … ', ?), bm25(articles_fts) AS "
            "score FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY score LIMIT ? OFFSET ?",
            (*marks, words, q, int(limit), int(offset)),
        )
        return [(*r[:4], round(-r[4], 4)) for r in rows]

    # -- dashboard queries (issue 5) ---------------------------------------------------------
    def _dash_tables(self) -> bool:
        """True when the dashboard's tables and index exist (a store opened read-only may predate them)."""
        if not hasattr(self, "_has_dash"):
            self._has_dash = {"event_countries", "event_edges", "events_dash"} <= {
                r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")
            }
        return self._has_dash

    def _scan(self, flt: EventFilter | None = None, always: bool = False) -> str:
        """Filtered aggregates read only indexed columns: make SQLite scan the covering index (a tenth
        of the table's bytes) rather than walk a narrower index and fetch every row with its JSON.
        Unfiltered ones are left to the planner, which has smaller covering indexes for them."""
        if not self._dash_tables() or not (always or (flt is not None and self._where(flt)[0])):
            return ""
        return " INDEXED BY events_dash"

    def _country(self, code: str) -> tuple[str, list[Any]] | None:
        if not self._dash_tables():
            return None
        return "e.rowid IN (SELECT rid FROM event_countries WHERE country = ?)", [code]

    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        if self._dash_tables():
            return super().actor_edges(flt, limit)
        where, args = self._where(flt)  # a store older than event_edges: read the pairs from the JSON
        rows = self._q(
            "SELECT json_extract(a.value, '$.name') AS s, json_extract(r.value, '$.name') AS t, count(*) AS n "
            "FROM events e, json_each(e.data, '$.actors') a, json_each(e.data, '$.recipients') r"
            f"{where} GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
            [*args, int(limit)],
        )
        return [{"source": r[0], "target": r[1], "count": r[2]} for r in rows if r[0] and r[1]]

    @contextmanager
    def query_budget(
        self, seconds: float | None, cancelled: Callable[[], bool] | None = None
    ) -> Iterator[None]:
        """SQLite's progress handler, called every thousand virtual-machine steps, interrupts the
        running statement once the time is up or `cancelled()`: QueryInterrupted."""
        if not seconds and cancelled is None:
            yield
            return
        deadline = time.monotonic() + seconds if seconds else None

        def check() -> int:
            return int(
                (deadline is not None and time.monotonic() > deadline) or bool(cancelled and cancelled())
            )

        self.conn.set_progress_handler(check, 1_000)
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupt" not in str(e).lower():
                raise
            raise QueryInterrupted(seconds) from e
        finally:
            self.conn.set_progress_handler(None, 0)

    # -- store check (issue 7) ---------------------------------------------------------------
    def _damaged_or_readonly(self, e: sqlite3.DatabaseError) -> str:
        """An error reading the store: a read-only file or disk is not damage (issue 15)."""
        text = str(e).lower()
        if "readonly" in text or "unable to open" in text or not os.access(self.path, os.R_OK):
            return store_error_message(self.path, e)
        return FIX_DAMAGED

    def read_only_reason(self) -> str | None:
        """SQLite writes the file and creates its -wal and -shm files beside it: all three need write
        access (os.access also answers no on a read-only mount and for an immutable file)."""
        folder = os.path.dirname(os.path.abspath(self.path))
        if os.access(self.path, os.W_OK) and os.access(folder, os.W_OK):
            return None
        return store_error_message(self.path, OSError(errno.EROFS, "read-only"))

    def check(self) -> list[CheckResult]:
        """SQLite's own integrity check, then our invariants (schema.CHECKS), then FTS5's own check.
        An error that is the file's access, not its content (no permission to read it), is raised as
        StoreError: no rule was checked."""
        try:
            # Linear in the store (issue 15): quick_check reads every page once; the full check
            # (every index entry against its row: n log n, random reads) only for the tables that
            # hold what users read. The others (dedup bands, search index) can be rebuilt.
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(20)")]
            for table in ("articles", "sources", "events", "event_sources", "files"):
                if rows != ["ok"]:
                    break
                rows = [r[0] for r in self.conn.execute(f"PRAGMA integrity_check('{table}')")]
        except sqlite3.DatabaseError as e:
            fix = self._damaged_or_readonly(e)
            if fix != FIX_DAMAGED:
                raise StoreError(fix) from e
            return [CheckResult("sqlite integrity", False, 1, [str(e)], fix)]
        ok = rows == ["ok"]
        out = [CheckResult("sqlite integrity", ok, 0 if ok else len(rows), [] if ok else rows, FIX_DAMAGED)]
        if not ok:  # the invariants below would read damaged pages
            return out
        out += self._invariants(extra=SQLITE_CHECKS)
        for table in () if self.readonly else ("articles_fts", "events_fts"):  # FTS5's own check (writes)
            try:
                self.conn.execute("SAVEPOINT fts_check")
                self.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
                out.append(CheckResult(f"{table} index", True, 0, [], FIX_FTS))
            except sqlite3.DatabaseError as e:
                out.append(CheckResult(f"{table} index", False, 1, [str(e)], FIX_FTS))
            finally:
                self.conn.execute("ROLLBACK TO fts_check")
                self.conn.execute("RELEASE fts_check")
        return out
