"""SQLite store: one file, WAL mode (a dashboard reads while an ingest writes), FTS5 search,
R*Tree for map boxes. Stdlib only."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from eventdesk.records import Article, Event, Problem, Source
from eventdesk.store.base import (
    CheckResult,
    EventFilter,
    FileState,
    FilterDialect,
    Store,
    like_escape,
    related_rows,
    relevance_text,
    where_clause,
)

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    captions TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    url TEXT,
    duplicate_of TEXT,
    story_id TEXT,
    date_hints TEXT NOT NULL DEFAULT '[]',
    added_at REAL NOT NULL,
    coded INTEGER NOT NULL DEFAULT 0,  -- 1 once events were extracted (a killed run resumes here)
    language TEXT,  -- ISO 639-1 (eventdesk.relevance)
    relevance TEXT  -- JSON {"topic","genre","score"}; 'null' = judged, unreadable; NULL = not judged yet
);
CREATE INDEX IF NOT EXISTS articles_unjudged ON articles(rowid) WHERE relevance IS NULL;
CREATE INDEX IF NOT EXISTS articles_uncoded ON articles(coded) WHERE coded = 0;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT NOT NULL,
    idx INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    url TEXT,
    PRIMARY KEY (path, idx)
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    digest TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_problems INTEGER NOT NULL,
    done_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id TEXT PRIMARY KEY,
    n_shingles INTEGER NOT NULL,
    minhash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bands_band ON bands(band);
-- deleting an article's bands and `check` look bands up by article (a scan each otherwise: quadratic)
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
CREATE TABLE IF NOT EXISTS events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    merge_key TEXT,
    event_type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    date TEXT,
    country TEXT,
    place TEXT,
    lat REAL,
    lon REAL,
    confidence REAL NOT NULL,
    actor_names TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_key ON events(merge_key);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS event_sources (
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE TABLE IF NOT EXISTS merge_keys (
    key TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_keys_key ON merge_keys(key);
CREATE INDEX IF NOT EXISTS merge_keys_event ON merge_keys(event_id);
CREATE INDEX IF NOT EXISTS event_sources_article ON event_sources(article_id);
CREATE TABLE IF NOT EXISTS problems (
    run_id INTEGER,
    path TEXT NOT NULL,
    idx INTEGER,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started REAL NOT NULL,
    finished REAL,
    args TEXT NOT NULL,
    counts TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    sentence, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);
"""


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
    if "unable to open" in text or code in (errno.EACCES, errno.EPERM):
        return (
            f"cannot open {path}: no permission to open the file or to create files in its folder "
            "(SQLite needs the folder writable for its -wal and -shm files); check the permissions or give "
            "another --db"
        )
    return f"cannot use the store {path}: {e}"


def _connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
    """Open for reading only. The path goes into a file: URI quoted (`#` and `?` are part of the name,
    not URI syntax). On a read-only disk or folder SQLite cannot create the WAL index (-shm): the
    store is then opened immutable (nobody can be writing it there)."""
    import os
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


class SQLiteStore(Store):
    def __init__(self, path: str, readonly: bool = False, timeout: float = 30.0) -> None:
        self.url = path
        self.path = path
        self.readonly = readonly
        if readonly:
            self.conn = _connect_readonly(path, timeout)
        else:
            try:
                self.conn = sqlite3.connect(
                    path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
            except sqlite3.OperationalError as e:
                raise StoreError(store_error_message(path, e)) from e
        self.conn.row_factory = sqlite3.Row
        self._depth = 0
        if not readonly:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as e:
                self.conn.close()
                raise StoreError(store_error_message(path, e)) from e
            # NORMAL in WAL mode: a committed transaction survives a killed process (not a power cut).
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._upgrade()
            # One transaction: a reader never sees half a schema, and a kill during the one-time
            # backfill of QUERY_SCHEMA cannot leave it half done (it would run again, doubling rows).
            try:
                self.conn.executescript(
                    "BEGIN IMMEDIATE;\n"
                    + SCHEMA
                    + QUERY_SCHEMA  # dashboard queries: at the end
                    + "\nINSERT OR IGNORE INTO meta VALUES ('schema_version', '%d');\nCOMMIT;"
                    % SCHEMA_VERSION
                )
            except sqlite3.OperationalError as e:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self.conn.close()
                raise StoreError(store_error_message(path, e)) from e
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        self.conn.execute("PRAGMA busy_timeout=%d" % int(timeout * 1000))

    # Columns added after a store's first version: (table, column, type). Opening an older store
    # adds them (empty; `eventdesk run` fills the relevance of stored articles), keeping every row.
    UPGRADES = (("articles", "language", "TEXT"), ("articles", "relevance", "TEXT"))

    def _upgrade(self) -> None:
        def missing() -> list[tuple[str, str, str]]:
            out = []
            for table, col, typ in self.UPGRADES:
                cols = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
                if cols and col not in cols:  # no columns at all: a new store, SCHEMA creates it
                    out.append((table, col, typ))
            return out

        if not missing():
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for table, col, typ in missing():  # again, under the lock: another process may have done it
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {col} {typ}")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: part of the outer transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # SQLite has rolled back already after a full disk or I/O error
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    # -- files ---------------------------------------------------------------------------
    def file_state(self, path: str) -> FileState | None:
        r = self.conn.execute("SELECT * FROM files WHERE path=?", (path,)).fetchone()
        if not r:
            return None
        return FileState(r["path"], r["size"], r["mtime"], r["digest"], r["n_articles"], r["n_problems"])

    def mark_file(self, state: FileState) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?)",
            (
                state.path,
                state.size,
                state.mtime,
                state.digest,
                state.n_articles,
                state.n_problems,
                time.time(),
            ),
        )

    # -- articles ------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add_article(self, article: Article) -> bool:
        if self.has_article(article.id):
            for s in article.sources:
                self.add_source(article.id, s)
            return False
        cur = self.conn.execute(
            "INSERT INTO articles (id,title,body,captions,published,url,duplicate_of,story_id,date_hints,added_at,"
            "language,relevance) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.title,
                article.body,
                json.dumps(article.captions, ensure_ascii=False),
                article.published,
                article.url,
                article.duplicate_of,
                article.story_id or article.id,
                json.dumps(article.date_hints, ensure_ascii=False),
                time.time(),
                article.language,
                relevance_text(article),
            ),
        )
        self.conn.execute(
            "INSERT INTO articles_fts(rowid,title,body) VALUES (?,?,?)",
            (cur.lastrowid, article.title, article.body),
        )
        for s in article.sources:
            self.add_source(article.id, s)
        return True

    def add_source(self, article_id: str, source: Source) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO sources VALUES (?,?,?,?)",
            (source.path, source.index, article_id, source.url),
        )
        return cur.rowcount > 0

    def source_owner(self, source: Source) -> str | None:
        r = self.conn.execute(
            "SELECT article_id FROM sources WHERE path=? AND idx=?", (source.path, source.index)
        ).fetchone()
        return r[0] if r else None

    def _sources(self, article_id: str) -> list[Source]:
        rows = self.conn.execute(
            "SELECT path, idx, url FROM sources WHERE article_id=? ORDER BY rowid", (article_id,)
        )
        return [Source(r[0], r[1], r[2]) for r in rows]

    def _article(self, r: sqlite3.Row) -> Article:
        cols = r.keys()
        return Article(
            id=r["id"],
            title=r["title"],
            body=r["body"],
            captions=json.loads(r["captions"]),
            published=r["published"],
            url=r["url"],
            sources=self._sources(r["id"]),
            duplicate_of=r["duplicate_of"],
            story_id=r["story_id"],
            date_hints=json.loads(r["date_hints"]),
            language=r["language"] if "language" in cols else None,  # a read-only store of an older version
            relevance=json.loads(r["relevance"]) if "relevance" in cols and r["relevance"] else None,
        )

    def get_article(self, article_id: str) -> Article | None:
        r = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._article(r) if r else None

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is not None:
            for i in ids:
                a = self.get_article(i)
                if a:
                    yield a
            return
        last = 0
        while True:  # paged, so a large store streams in constant memory
            rows = self.conn.execute(
                "SELECT * FROM articles WHERE rowid>? ORDER BY rowid LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1]["rowid"]

    def uncoded_articles(self, limit: int = 100) -> list[Article]:
        rows = self.conn.execute("SELECT * FROM articles WHERE coded=0 ORDER BY rowid LIMIT ?", (limit,))
        return [self._article(r) for r in rows.fetchall()]

    def mark_coded(self, article_ids: Iterable[str]) -> None:
        self.conn.executemany("UPDATE articles SET coded=1 WHERE id=?", [(i,) for i in article_ids])

    def unjudged_articles(self, limit: int = 100) -> list[Article]:
        rows = self.conn.execute(
            "SELECT * FROM articles WHERE relevance IS NULL ORDER BY rowid LIMIT ?", (limit,)
        )
        return [self._article(r) for r in rows.fetchall()]

    def set_relevance(self, article_id: str, language: str | None, relevance: dict[str, Any] | None) -> None:
        self.conn.execute(
            "UPDATE articles SET language=?, relevance=? WHERE id=?",
            (language, json.dumps(relevance), article_id),
        )

    # -- near-duplicate index ------------------------------------------------------------
    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO signatures VALUES (?,?,?)", (article_id, n_shingles, signature)
        )
        self.conn.executemany("INSERT INTO bands VALUES (?,?)", [(b, article_id) for b in bands])

    def band_candidates(self, bands: list[int]) -> list[str]:
        if not bands:
            return []
        q = "SELECT DISTINCT article_id FROM bands WHERE band IN (%s)" % ",".join("?" * len(bands))
        return [r[0] for r in self.conn.execute(q, bands)]

    def signature(self, article_id: str) -> tuple[int, bytes] | None:
        r = self.conn.execute(
            "SELECT n_shingles, minhash FROM signatures WHERE article_id=?", (article_id,)
        ).fetchone()
        return (r[0], r[1]) if r else None

    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        r = self.conn.execute(
            "SELECT duplicate_of, story_id FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        return (r[0], r[1]) if r else (None, None)

    # -- events --------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event]) -> int:
        new = 0
        for ev in events:
            d = ev.to_dict()
            exists = self.conn.execute("SELECT rowid FROM events WHERE id=?", (ev.id,)).fetchone()
            if exists is None:
                loc = ev.location
                names = " | ".join(f"{a.name} {a.text}" for a in ev.actors + ev.recipients)
                cur = self.conn.execute(
                    "INSERT INTO events (id,article_id,merge_key,event_type,mode,modality,date,country,place,"
                    "lat,lon,confidence,actor_names,data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        ev.id,
                        ev.article_id,
                        merge_key(ev),
                        ev.event_type,
                        ev.mode,
                        ev.modality,
                        ev.date,
                        loc.country if loc else None,
                        loc.name if loc else None,
                        loc.lat if loc else None,
                        loc.lon if loc else None,
                        ev.confidence,
                        names,
                        json.dumps(d, ensure_ascii=False),
                    ),
                )
                rid = cur.lastrowid
                self.conn.execute(
                    "INSERT INTO events_fts(rowid, sentence) VALUES (?,?)", (rid, ev.evidence.sentence)
                )
                if loc is not None:
                    self.conn.execute(
                        "INSERT INTO events_rtree VALUES (?,?,?,?,?)",
                        (rid, loc.lon, loc.lon, loc.lat, loc.lat),
                    )
                new += 1
            for src in ev.sources or [ev.article_id]:
                self.conn.execute("INSERT OR IGNORE INTO event_sources VALUES (?,?)", (ev.id, src))
        return new

    def add_event_source(self, event_id: str, article_id: str) -> bool:
        cur = self.conn.execute("INSERT OR IGNORE INTO event_sources VALUES (?,?)", (event_id, article_id))
        return cur.rowcount > 0

    def forget_file(self, path: str, keep: Iterable[str] = ()) -> int:
        """A file changed or went away: drop its sources, and articles left with no source.

        `keep`: ids of articles the new version of the file still holds (they get their source
        back in the same transaction), so an edit does not re-create its unchanged articles.
        What went with an article is made consistent again (issue 15): an event that loses any
        source is deleted and the articles still reporting it are marked for coding again (the
        next coding pass rebuilds it from them, as a fresh build would), and near-duplicate and
        story links to it are re-pointed to the earliest remaining member of the cluster.
        """
        keep = set(keep)
        ids = [
            r[0] for r in self.conn.execute("SELECT DISTINCT article_id FROM sources WHERE path=?", (path,))
        ]
        self.conn.execute("DELETE FROM sources WHERE path=?", (path,))
        gone = [
            aid
            for aid in ids
            if aid not in keep
            and not self.conn.execute("SELECT 1 FROM sources WHERE article_id=?", (aid,)).fetchone()
        ]
        recode: set[str] = set()
        for aid in gone:
            row = self.conn.execute("SELECT rowid, title, body FROM articles WHERE id=?", (aid,)).fetchone()
            if row is None:
                continue
            self.conn.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete',?,?,?)",
                (row[0], row[1], row[2]),
            )
            # every event this article reports, as its first article or as another source
            event_ids = {
                r[0] for r in self.conn.execute("SELECT id FROM events WHERE article_id=?", (aid,))
            } | {
                r[0]
                for r in self.conn.execute("SELECT event_id FROM event_sources WHERE article_id=?", (aid,))
            }
            for eid in event_ids:
                recode.update(
                    r[0]
                    for r in self.conn.execute(
                        "SELECT article_id FROM event_sources WHERE event_id=?", (eid,)
                    )
                )
                self.remove_event(eid)
            self.conn.execute("DELETE FROM event_sources WHERE article_id=?", (aid,))
            self.conn.execute("DELETE FROM signatures WHERE article_id=?", (aid,))
            self.conn.execute("DELETE FROM bands WHERE article_id=?", (aid,))
            self.conn.execute("DELETE FROM articles WHERE id=?", (aid,))
        # the articles that still report those events: coded again, whole (with every article they
        # share an event with), so the events come back as a fresh build makes them
        self.reset_coding(sorted(recode - set(gone)))
        for aid in gone:
            self._relink(aid)
        self.conn.execute("DELETE FROM files WHERE path=?", (path,))
        return len(gone)

    def _relink(self, gone: str) -> None:
        """Near-duplicates and story members of a deleted article: the earliest one left takes its
        place (the article a fresh build would have met first)."""
        dups = [
            r[0]
            for r in self.conn.execute("SELECT id FROM articles WHERE duplicate_of=? ORDER BY rowid", (gone,))
        ]
        if dups:
            self.conn.execute("UPDATE articles SET duplicate_of=NULL WHERE id=?", (dups[0],))
            self.conn.execute("UPDATE articles SET duplicate_of=? WHERE duplicate_of=?", (dups[0], gone))
        members = [
            r[0]
            for r in self.conn.execute("SELECT id FROM articles WHERE story_id=? ORDER BY rowid", (gone,))
        ]
        if members:
            self.conn.execute("UPDATE articles SET story_id=? WHERE story_id=?", (members[0], gone))

    def files_under(self, folder: str) -> list[str]:
        """Paths of the files read from inside `folder` (or the file `folder` itself)."""
        if folder == ".":  # the current folder: every relative path read from inside it
            rows = self.conn.execute(
                "SELECT path FROM files WHERE path NOT LIKE '/%' AND path NOT LIKE '../%' AND path != '<stdin>'"
            )
            return [r[0] for r in rows]
        prefix = folder.rstrip("/") + "/"
        rows = self.conn.execute(
            "SELECT path FROM files WHERE path = ? OR (path >= ? AND path < ?)",
            (folder, prefix, prefix[:-1] + "0"),  # '0' follows '/' in code point order
        )
        return [r[0] for r in rows]

    def reset_coding(self, article_ids: Iterable[str], published: str | None = None) -> list[str]:
        """Drop the events of these articles and mark them uncoded, so the next run codes them again
        (`eventdesk recode`). Articles that share an event with them (one event, several reports) are
        reset too, so merged events are rebuilt whole. `published` dates the given articles that have
        no publication date. Returns every article reset."""
        given = list(dict.fromkeys(article_ids))
        todo, seen = list(given), set(given)
        i = 0
        while i < len(todo):
            aid = todo[i]
            i += 1
            rows = self.conn.execute(
                "SELECT e.article_id FROM events e WHERE e.id IN "
                "(SELECT event_id FROM event_sources WHERE article_id=?) "
                "UNION SELECT es.article_id FROM event_sources es JOIN events e ON e.id = es.event_id "
                "WHERE e.article_id=?",
                (aid, aid),
            ).fetchall()
            for (other,) in rows:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        for aid in todo:
            for (eid,) in self.conn.execute("SELECT id FROM events WHERE article_id=?", (aid,)).fetchall():
                self.remove_event(eid)  # with its search, map and merge index rows
            self.conn.execute("DELETE FROM event_sources WHERE article_id=?", (aid,))
            self.conn.execute("UPDATE articles SET coded=0 WHERE id=?", (aid,))
        if published:
            self.conn.executemany(
                "UPDATE articles SET published=? WHERE id=? AND published IS NULL AND date_hints='[]'",
                [(published, a) for a in given],
            )
        return todo

    def _event(self, r: sqlite3.Row) -> Event:
        ev = Event.from_dict(json.loads(r["data"]))
        ev.sources = [
            x[0]
            for x in self.conn.execute(
                "SELECT article_id FROM event_sources WHERE event_id=? ORDER BY rowid", (ev.id,)
            )
        ] or ev.sources
        return ev

    def add_merge_keys(self, event_id: str, keys: Iterable[str]) -> None:
        self.conn.executemany("INSERT INTO merge_keys VALUES (?,?)", [(k, event_id) for k in keys])

    def merge_candidates(self, keys: list[str], prefixes: list[str], limit: int) -> list[str]:
        found: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = "SELECT event_id, max(rowid) FROM merge_keys WHERE key IN (%s) GROUP BY event_id" % ",".join(
                "?" * len(part)
            )
            for eid, rid in self.conn.execute(q, part):
                found[eid] = max(rid, found.get(eid, 0))
        for p in prefixes:  # a range over the key index: every key that starts with p
            q = "SELECT event_id, max(rowid) FROM merge_keys WHERE key >= ? AND key < ? GROUP BY event_id"
            for eid, rid in self.conn.execute(q, (p, p + "\uffff")):
                found[eid] = max(rid, found.get(eid, 0))
        return sorted(found, key=lambda e: -found[e])[:limit]

    def remove_event(self, event_id: str) -> None:
        row = self.conn.execute("SELECT rowid, data FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            return
        sentence = json.loads(row[1])["evidence"]["sentence"]
        self.conn.execute(
            "INSERT INTO events_fts(events_fts, rowid, sentence) VALUES ('delete',?,?)", (row[0], sentence)
        )
        self.conn.execute("DELETE FROM events_rtree WHERE rid=?", (row[0],))
        self.conn.execute("DELETE FROM event_sources WHERE event_id=?", (event_id,))
        self.conn.execute("DELETE FROM merge_keys WHERE event_id=?", (event_id,))
        self.conn.execute("DELETE FROM events WHERE id=?", (event_id,))

    def relabel_story(self, old: str, new: str) -> None:
        self.conn.execute("UPDATE articles SET story_id=? WHERE story_id=?", (new, old))

    def events_by_key(self, key: str) -> list[Event]:
        return [self._event(r) for r in self.conn.execute("SELECT * FROM events WHERE merge_key=?", (key,))]

    def get_event(self, event_id: str) -> Event | None:
        r = self.conn.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        return self._event(r) if r else None

    def _where(self, flt: EventFilter | None) -> tuple[str, list[Any]]:
        return where_clause(flt, _DIALECT)

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        where, args = self._where(flt)
        q = f"SELECT e.* FROM events e{where} ORDER BY e.date IS NULL, e.date, e.rowid"
        if flt and flt.limit is not None:
            q += " LIMIT ? OFFSET ?"
            args = args + [int(flt.limit), int(flt.offset)]
        for r in self.conn.execute(q, args).fetchall():
            yield self._event(r)

    def count_events(self, flt: EventFilter | None = None) -> int:
        where, args = self._where(flt)
        return self.conn.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]

    # -- search --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        q = fts_query(query)
        if not q:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snip, "
            "bm25(articles_fts) AS score FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY score LIMIT ?",
            (q, int(limit)),
        )
        return [
            {"id": r[0], "title": r[1], "published": r[2], "snippet": r[3], "score": round(-r[4], 4)}
            for r in rows
        ]

    # -- problems and runs ---------------------------------------------------------------
    def add_problem(self, problem: Problem, run_id: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO problems VALUES (?,?,?,?)", (run_id, problem.path, problem.index, problem.reason)
        )

    def problems(self, run_id: int | None = None) -> list[Problem]:
        if run_id is None:
            rows = self.conn.execute("SELECT path, idx, reason FROM problems ORDER BY rowid")
        else:
            rows = self.conn.execute(
                "SELECT path, idx, reason FROM problems WHERE run_id=? ORDER BY rowid", (run_id,)
            )
        return [Problem(r[0], r[2], r[1]) for r in rows]

    def start_run(self, args: dict[str, Any]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started, args) VALUES (?,?)", (time.time(), json.dumps(args, default=str))
        )
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE runs SET finished=?, counts=? WHERE id=?", (time.time(), json.dumps(counts), run_id)
        )

    def stats(self) -> dict[str, Any]:
        one = lambda q: self.conn.execute(q).fetchone()[0]  # noqa: E731
        by_type = {
            r[0]: r[1]
            for r in self.conn.execute(
                "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY count(*) DESC"
            )
        }
        return {
            "store": self.path,
            "files": one("SELECT count(*) FROM files"),
            "sources": one("SELECT count(*) FROM sources"),
            "articles": one("SELECT count(*) FROM articles"),
            "exact_duplicate_sources": one("SELECT count(*) FROM sources")
            - one("SELECT count(*) FROM articles"),
            "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "stories": one("SELECT count(DISTINCT story_id) FROM articles"),
            "multi_article_stories": one(
                "SELECT count(*) FROM (SELECT story_id FROM articles GROUP BY story_id HAVING count(*)>1)"
            ),
            "events": one("SELECT count(*) FROM events"),
            "located_events": one("SELECT count(*) FROM events WHERE lat IS NOT NULL"),
            "events_by_type": by_type,
            "problems": one("SELECT count(*) FROM problems"),
            "first_date": one("SELECT min(date) FROM events"),
            "last_date": one("SELECT max(date) FROM events"),
        }

    def close(self) -> None:
        self.conn.close()

    # -- dashboard queries (issue 5) ------------------------------------------------------
    # Aggregates are computed here, in SQL, so the dashboard never ships 100k rows to Python.
    def _dash_tables(self) -> bool:
        """True when the dashboard's tables and index exist (a store opened read-only may predate them)."""
        if not hasattr(self, "_has_dash"):
            self._has_dash = (
                self.conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name IN ('event_countries', 'event_edges', 'events_dash')"
                ).fetchone()[0]
                == 3
            )
        return self._has_dash

    def _scan(self, flt: EventFilter | None = None, always: bool = False) -> str:
        """Filtered aggregates read only indexed columns: make SQLite scan the covering index (a tenth
        of the table's bytes) rather than walk a narrower index and fetch every row with its JSON.
        Unfiltered ones are left to the planner, which has smaller covering indexes for them."""
        if not self._dash_tables() or not (always or (flt is not None and self._where(flt)[0])):
            return ""
        return " INDEXED BY events_dash"

    def _where_and(self, flt: EventFilter | None, *extra: str) -> tuple[str, list[Any]]:
        """`_where` plus conditions; the country filter through `event_countries` (same meaning:
        the place's or an actor's country) instead of a LIKE over every event's JSON."""
        conds, more = list(extra), []
        if flt is not None and flt.country and self._dash_tables():
            conds.append("e.rowid IN (SELECT rid FROM event_countries WHERE country = ?)")
            more.append(flt.country.upper())
            flt = EventFilter(**{**vars(flt), "country": None})
        where, args = self._where(flt)
        conds = ([where[len(" WHERE ") :]] if where else []) + conds
        return ((" WHERE " + " AND ".join(conds)) if conds else ""), args + more

    def event_page(
        self, flt: EventFilter | None, limit: int, offset: int = 0, newest_first: bool = False
    ) -> tuple[int, list[Event]]:
        """(total matching, one page of events): the dashboard's list, newest first if asked."""
        where, args = self._where_and(flt)
        total = self.conn.execute(f"SELECT count(*) FROM events e{self._scan(flt)}{where}", args).fetchone()[
            0
        ]
        # newest first: NULL dates sort last in DESC by themselves, so the date index gives the order
        # (same day: the most confident first, so the list does not open on its weakest event)
        order = (
            "e.date DESC, e.confidence DESC, e.rowid DESC"
            if newest_first
            else "e.date IS NULL, e.date, e.rowid"
        )
        rows = self.conn.execute(
            f"SELECT e.* FROM events e{where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, int(limit), int(offset)],
        ).fetchall()
        return total, [self._event(r) for r in rows]

    def event_counts(self, flt: EventFilter | None = None, interval: str = "day") -> list[dict[str, Any]]:
        # Dates are stored at their precision ("2025", "2025-06", "2025-06-03"): coarser dates go to
        # the first day of their period, so the counts add up to the filtered total.
        day = (
            "CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' "
            "ELSE substr(e.date, 1, 10) END"
        )
        period = {
            "day": day,
            "week": f"date({day}, '-6 days', 'weekday 1')",  # the Monday of its week
            "month": "substr(e.date, 1, 7)",
            "year": "substr(e.date, 1, 4)",
        }.get(interval)
        if period is None:
            raise ValueError(f"unknown interval {interval!r}: day, week, month or year")
        where, args = self._where_and(flt, "e.date IS NOT NULL")
        rows = self.conn.execute(
            f"SELECT {period} AS p, e.event_type, count(*) FROM events e{self._scan(flt)}{where} "
            "GROUP BY p, e.event_type ORDER BY p",
            args,
        )
        return [{"period": r[0], "event_type": r[1], "count": r[2]} for r in rows if r[0]]

    def map_cells(self, flt: EventFilter | None, cell: float) -> list[dict[str, Any]]:
        cell = float(cell)
        if not cell > 0:
            raise ValueError("cell size must be > 0 degrees")
        where, args = self._where_and(flt, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
        rows = self.conn.execute(
            "SELECT CAST((e.lon + 180.0) / ? AS INTEGER) AS gx, CAST((e.lat + 90.0) / ? AS INTEGER) AS gy, "
            f"e.event_type, count(*), sum(e.lat), sum(e.lon) FROM events e{self._scan(flt)}{where} "
            "GROUP BY gx, gy, e.event_type",
            [cell, cell, *args],
        )
        cells: dict[tuple[int, int], dict[str, Any]] = {}
        for gx, gy, etype, n, slat, slon in rows:
            c = cells.setdefault((gx, gy), {"count": 0, "slat": 0.0, "slon": 0.0, "types": {}})
            c["count"] += n
            c["slat"] += slat
            c["slon"] += slon
            c["types"][etype] = n
        return [
            {
                "lat": c["slat"] / c["count"],
                "lon": c["slon"] / c["count"],
                "count": c["count"],
                "types": c["types"],
            }
            for c in cells.values()
        ]

    def map_points(self, flt: EventFilter | None, limit: int) -> list[dict[str, Any]]:
        where, args = self._where_and(flt, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
        rows = self.conn.execute(
            f"SELECT e.id, e.lat, e.lon, e.event_type, e.date, e.place FROM events e{where} "
            "ORDER BY e.rowid LIMIT ?",
            [*args, int(limit)],
        )
        return [
            {"id": r[0], "lat": r[1], "lon": r[2], "event_type": r[3], "date": r[4], "place": r[5]}
            for r in rows
        ]

    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        if self._dash_tables():
            where, args = self._where_and(flt)
            sub = f" WHERE g.rid IN (SELECT e.rowid FROM events e{self._scan(flt)}{where})" if where else ""
            rows = self.conn.execute(
                f"SELECT g.source, g.target, count(*) AS n FROM event_edges g{sub} "
                "GROUP BY g.source, g.target ORDER BY n DESC, g.source, g.target LIMIT ?",
                [*args, int(limit)],
            )
            return [{"source": r[0], "target": r[1], "count": r[2]} for r in rows]
        where, args = self._where(flt)
        rows = self.conn.execute(
            "SELECT json_extract(a.value, '$.name') AS s, json_extract(r.value, '$.name') AS t, count(*) AS n "
            "FROM events e, json_each(e.data, '$.actors') a, json_each(e.data, '$.recipients') r"
            f"{where} GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
            [*args, int(limit)],
        )
        return [{"source": r[0], "target": r[1], "count": r[2]} for r in rows if r[0] and r[1]]

    _FACETS = ("event_type", "mode", "modality", "country", "date")

    def facet_counts(self, flt: EventFilter | None, column: str, limit: int = 100) -> list[tuple[str, int]]:
        if column not in self._FACETS:  # a column name can't be a parameter: allow-list it
            raise ValueError(f"no facet {column!r}: one of {', '.join(self._FACETS)}")
        where, args = self._where_and(flt, f"e.{column} IS NOT NULL")
        rows = self.conn.execute(
            f"SELECT e.{column}, count(*) AS n FROM events e{self._scan(flt, always=True)}{where} GROUP BY e.{column} "
            "ORDER BY n DESC LIMIT ?",
            [*args, int(limit)],
        )
        return [(r[0], r[1]) for r in rows]

    def related_articles(self, article_id: str) -> list[dict[str, Any]]:
        me = self.conn.execute(
            "SELECT duplicate_of, story_id FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if me is None:
            return []
        rows = self.conn.execute(
            "SELECT id, title, published, duplicate_of, story_id FROM articles "
            "WHERE id != ? AND (duplicate_of = ? OR id = ? OR story_id = ?) ORDER BY rowid",
            (article_id, article_id, me[0] or "", me[1] or article_id),
        )
        return related_rows(rows, article_id, me[0])

    def search_marked(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        q = fts_query(query)
        if not q:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.published, snippet(articles_fts, 1, char(2), char(3), ' … ', 24), "
            "bm25(articles_fts) AS score FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
            (q, int(limit), int(offset)),
        )
        return [
            {
                "id": r[0],
                "title": r[1],
                "published": r[2],
                "snippet": _snippet_parts(r[3] or ""),
                "score": round(-r[4], 4),
            }
            for r in rows
        ]

    @contextmanager
    def query_budget(
        self, seconds: float | None, cancelled: Callable[[], bool] | None = None
    ) -> Iterator[None]:
        """SQLite's progress handler, called every thousand virtual-machine steps, interrupts the
        running statement (sqlite3.OperationalError "interrupted") once the time is up or `cancelled()`."""
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
        finally:
            self.conn.set_progress_handler(None, 0)

    # -- store check (issue 7) ------------------------------------------------------------
    def _damaged_or_readonly(self, e: sqlite3.DatabaseError) -> str:
        """An error reading the store: a read-only file or disk is not damage (issue 15)."""
        import os

        text = str(e).lower()
        if "readonly" in text or "unable to open" in text or not os.access(self.path, os.R_OK):
            return store_error_message(self.path, e)
        return FIX_DAMAGED

    def check(self) -> list[CheckResult]:
        """SQLite's own integrity check, then our invariants (CHECKS at the end of this module)."""
        out: list[CheckResult] = []
        try:
            # Linear in the store (issue 15): quick_check reads every page once; the full check
            # (every index entry against its row: n log n, random reads) only for the tables that
            # hold what users read. The others (dedup bands, search index) can be rebuilt.
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(20)")]
            if rows == ["ok"]:
                for table in ("articles", "sources", "events", "event_sources", "files"):
                    rows = [r[0] for r in self.conn.execute(f"PRAGMA integrity_check('{table}')")]
                    if rows != ["ok"]:
                        break
        except sqlite3.DatabaseError as e:
            return [CheckResult("sqlite integrity", False, 1, [str(e)], self._damaged_or_readonly(e))]
        ok = rows == ["ok"]
        out.append(
            CheckResult("sqlite integrity", ok, 0 if ok else len(rows), [] if ok else rows, FIX_DAMAGED)
        )
        if not ok:  # the invariants below would read damaged pages
            return out
        for name, count_sql, examples_sql, fix in CHECKS:
            try:
                n = self.conn.execute(count_sql).fetchone()[0]
                ex = (
                    [" ".join(map(str, r)) for r in self.conn.execute(examples_sql + " LIMIT 5")] if n else []
                )
            except sqlite3.DatabaseError as e:  # a table missing or unreadable
                n, ex = 1, [str(e)]
            out.append(CheckResult(name, n == 0, n, ex, fix))
        for table in ("articles_fts", "events_fts"):  # FTS5's own check of its index (needs a writable store)
            if self.readonly:
                break
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


_like_escape = like_escape  # kept: other modules import it from here


class _SQLiteFilters(FilterDialect):
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


_DIALECT = _SQLiteFilters()


def merge_key(ev: Event) -> str | None:
    """ACLED-style identity of an event across articles: day, place, actor pair, type.

    Only events with a known day and place can be merged: without them two reports cannot be
    told to be the same event.
    """
    if not ev.date or ev.date_precision != "day" or ev.location is None:
        return None
    actors = ",".join(sorted({a.name.casefold() for a in ev.actors}))
    recips = ",".join(sorted({a.name.casefold() for a in ev.recipients}))
    place = f"{round(ev.location.lat, 2)},{round(ev.location.lon, 2)}"
    return f"{ev.date}|{place}|{actors}>{recips}|{ev.event_type}|{ev.modality}"


# -- dashboard queries (issue 5) ----------------------------------------------------------
# Covering indexes: the map reads (lat, lon, type, date) and the timeline (type, date) without
# touching the rows (whose JSON would be read from disk otherwise).
QUERY_SCHEMA = """
CREATE INDEX IF NOT EXISTS events_geo ON events(lat, lon, event_type, date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
-- every column a dashboard filter or aggregate reads, so filtered counts, timelines and map grids
-- scan this index (about a tenth of the table) instead of rows carrying their JSON
CREATE INDEX IF NOT EXISTS events_dash ON events(event_type, date, modality, confidence, country, lat, lon, mode,
                                                 actor_names);
-- countries of an event (place, actors, recipients) and its actor -> recipient pairs, kept by triggers,
-- so the country filter and the actor network need not parse every event's JSON
CREATE TABLE IF NOT EXISTS event_countries (country TEXT NOT NULL, rid INTEGER NOT NULL,
                                            PRIMARY KEY (country, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_countries_rid ON event_countries(rid);
CREATE TABLE IF NOT EXISTS event_edges (rid INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_edges_rid ON event_edges(rid);
CREATE TRIGGER IF NOT EXISTS events_dash_insert AFTER INSERT ON events BEGIN
    INSERT OR IGNORE INTO event_countries SELECT upper(c), NEW.rowid FROM (
        SELECT json_extract(NEW.data, '$.location.country') AS c
        UNION SELECT json_extract(j.value, '$.country') FROM json_each(NEW.data, '$.actors') j
        UNION SELECT json_extract(j.value, '$.country') FROM json_each(NEW.data, '$.recipients') j
    ) WHERE c IS NOT NULL;
    INSERT INTO event_edges SELECT NEW.rowid, json_extract(a.value, '$.name'), json_extract(r.value, '$.name')
        FROM json_each(NEW.data, '$.actors') a, json_each(NEW.data, '$.recipients') r
        WHERE json_extract(a.value, '$.name') IS NOT NULL AND json_extract(r.value, '$.name') IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS events_dash_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_countries WHERE rid = OLD.rowid;
    DELETE FROM event_edges WHERE rid = OLD.rowid;
END;
-- once, for stores written before these tables existed (`gate` has no row afterwards: no scan)
INSERT OR IGNORE INTO event_countries SELECT upper(c), rid FROM (
    SELECT e.rowid AS rid, json_extract(e.data, '$.location.country') AS c FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'dashboard_tables')) AS gate CROSS JOIN events e
    UNION SELECT e.rowid, json_extract(j.value, '$.country') FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'dashboard_tables')) AS gate CROSS JOIN events e, json_each(e.data, '$.actors') j
    UNION SELECT e.rowid, json_extract(j.value, '$.country') FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'dashboard_tables')) AS gate CROSS JOIN events e, json_each(e.data, '$.recipients') j
) WHERE c IS NOT NULL;
INSERT INTO event_edges SELECT e.rowid, json_extract(a.value, '$.name'), json_extract(r.value, '$.name')
    FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'dashboard_tables')) AS gate CROSS JOIN events e, json_each(e.data, '$.actors') a, json_each(e.data, '$.recipients') r
    WHERE json_extract(a.value, '$.name') IS NOT NULL AND json_extract(r.value, '$.name') IS NOT NULL;
INSERT OR IGNORE INTO meta VALUES ('dashboard_tables', '1');
"""


def _snippet_parts(snippet: str) -> list[list[Any]]:
    """'a \x02hit\x03 b' -> [['a ', False], ['hit', True], [' b', False]]."""
    parts: list[list[Any]] = []
    for i, chunk in enumerate(snippet.split("\x02")):
        hit, _, rest = chunk.partition("\x03") if i else ("", "", chunk)
        if hit:
            parts.append([hit, True])
        if rest:
            parts.append([rest, False])
    return parts


# -- store check (issue 7) ------------------------------------------------------------------
# (name, count of violations, examples, what to do). Every count must be 0 in a sound store.
FIX_DAMAGED = (
    "the database file is damaged (a disk error, or a copy taken while it was written). Restore a "
    "backup, or rebuild it: `eventdesk run <your inputs> --db fresh.db`; "
    "`sqlite3 DB .recover > dump.sql` can save what is left"
)
FIX_REBUILD = (
    "the store broke one of eventdesk's own rules, which should never happen: please report it with "
    "this output, and rebuild: `eventdesk run <your inputs> --db fresh.db`"
)
FIX_FTS = (
    "the search index disagrees with the articles: rebuild it with "
    "`sqlite3 DB \"INSERT INTO articles_fts(articles_fts) VALUES('rebuild')\"` (event search: rebuild the store)"
)
FIX_CODE = "run `eventdesk run --db DB` (no input) to extract the events these articles still lack"
CHECKS: list[tuple[str, str, str, str]] = [
    (
        "every event's article exists",
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)",
        "SELECT e.id, e.article_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id)",
        FIX_REBUILD,
    ),
    (
        "every event source names a stored event and article",
        "SELECT count(*) FROM event_sources s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id) "
        "OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        "SELECT s.event_id, s.article_id FROM event_sources s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE "
        "e.id = s.event_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        FIX_REBUILD,
    ),
    (
        "every event has a source",
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)",
        "SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)",
        FIX_REBUILD,
    ),
    (
        "every article has a source",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)",
        "SELECT a.id, a.title FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)",
        FIX_REBUILD,
    ),
    (
        "every source's article exists",
        "SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        "SELECT s.path, s.idx, s.article_id FROM sources s WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        FIX_REBUILD,
    ),
    (
        "no duplicate article ids",
        "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)",
        "SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "no duplicate event ids",
        "SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)",
        "SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "no duplicate sources",
        "SELECT count(*) FROM (SELECT path, idx FROM sources GROUP BY path, idx HAVING count(*) > 1)",
        "SELECT path, idx, count(*) FROM sources GROUP BY path, idx HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "duplicate_of and story_id name stored articles",
        "SELECT count(*) FROM articles a WHERE (a.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles b "
        "WHERE b.id = a.duplicate_of)) OR NOT EXISTS (SELECT 1 FROM articles c WHERE c.id = a.story_id)",
        "SELECT a.id, a.duplicate_of, a.story_id FROM articles a WHERE (a.duplicate_of IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)) OR NOT EXISTS "
        "(SELECT 1 FROM articles c WHERE c.id = a.story_id)",
        FIX_REBUILD,
    ),
    (
        "every event's first article is one of its sources",
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id "
        "AND s.article_id = e.article_id)",
        "SELECT e.id, e.article_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE "
        "s.event_id = e.id AND s.article_id = e.article_id)",
        FIX_REBUILD,
    ),
    (
        "every near-duplicate points at a canonical article (not at another duplicate)",
        "SELECT count(*) FROM articles a JOIN articles b ON b.id = a.duplicate_of WHERE b.duplicate_of IS NOT NULL",
        "SELECT a.id, a.duplicate_of, b.duplicate_of FROM articles a JOIN articles b ON b.id = a.duplicate_of "
        "WHERE b.duplicate_of IS NOT NULL",
        FIX_REBUILD,
    ),
    (
        "article search index has one row per article",
        "SELECT abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts_docsize))",
        "SELECT 'articles', (SELECT count(*) FROM articles), 'indexed', (SELECT count(*) FROM articles_fts_docsize)",
        FIX_FTS,
    ),
    (
        "event search index has one row per event",
        "SELECT abs((SELECT count(*) FROM events) - (SELECT count(*) FROM events_fts_docsize))",
        "SELECT 'events', (SELECT count(*) FROM events), 'indexed', (SELECT count(*) FROM events_fts_docsize)",
        FIX_REBUILD,
    ),
    (
        "map index has one row per located event",
        "SELECT abs((SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL) "
        "- (SELECT count(*) FROM events_rtree))",
        "SELECT 'located', (SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL), "
        "'in map index', (SELECT count(*) FROM events_rtree)",
        FIX_REBUILD,
    ),
    (
        "every article has a dedup signature",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures g WHERE g.article_id = a.id)",
        "SELECT a.id, a.title FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures g WHERE g.article_id = a.id)",
        FIX_REBUILD,
    ),
    (
        "every signature has LSH bands and an article",
        "SELECT count(*) FROM signatures g WHERE NOT EXISTS (SELECT 1 FROM bands b WHERE b.article_id = g.article_id) "
        "OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = g.article_id)",
        "SELECT g.article_id FROM signatures g WHERE NOT EXISTS (SELECT 1 FROM bands b WHERE "
        "b.article_id = g.article_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = g.article_id)",
        FIX_REBUILD,
    ),
    (
        "every LSH band belongs to a signature",
        "SELECT count(*) FROM (SELECT DISTINCT article_id FROM bands b WHERE NOT EXISTS "
        "(SELECT 1 FROM signatures g WHERE g.article_id = b.article_id))",
        "SELECT DISTINCT article_id FROM bands b WHERE NOT EXISTS (SELECT 1 FROM signatures g "
        "WHERE g.article_id = b.article_id)",
        FIX_REBUILD,
    ),
    (
        "every file read has its articles' sources",
        "SELECT count(*) FROM files f WHERE f.n_articles != (SELECT count(*) FROM sources s WHERE s.path = f.path)",
        "SELECT f.path, f.n_articles, (SELECT count(*) FROM sources s WHERE s.path = f.path) FROM files f "
        "WHERE f.n_articles != (SELECT count(*) FROM sources s WHERE s.path = f.path)",
        FIX_REBUILD,
    ),
    (
        "every source's file is marked done",
        "SELECT count(DISTINCT s.path) FROM sources s WHERE s.path != '<stdin>' AND NOT EXISTS "
        "(SELECT 1 FROM files f WHERE f.path = s.path)",
        "SELECT DISTINCT s.path FROM sources s WHERE s.path != '<stdin>' AND NOT EXISTS "
        "(SELECT 1 FROM files f WHERE f.path = s.path)",
        FIX_REBUILD,
    ),
]
