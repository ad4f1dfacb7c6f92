"""PostgreSQL store for teams: one server, many readers and writers, PostGIS for map boxes.

Same calls, same results as the SQLite store (store/sqlite.py is the reference; tests/test_store.py
runs on both). Differences are in the engine only:

- full-text search: tsvector columns with GIN indexes (text search configuration `eventdesk`: the
  `simple` dictionary, no stemming, accents folded with `unaccent` when that extension can be
  created, like FTS5's unicode61 remove_diacritics); queries are built from quoted words as in
  `fts_query`, so operators and quotes typed by a user are data, never syntax; ts_headline snippets.
- map boxes: a PostGIS geometry point per located event with a GiST index when the `postgis`
  extension is available (or can be created); otherwise a plain (lat, lon) btree index, which
  gives the same answers, slower on large stores. `store.spatial` says which one is in use.
- transactions: `transaction()` as in SQLite (nested = part of the outer one). Each write
  transaction takes one advisory lock, so writers run one at a time like SQLite's BEGIN
  IMMEDIATE: the dedup stage reads candidates and then writes, which must not interleave.

Needs the optional extra `eventdesk[postgres]` (psycopg 3).
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from eventdesk.records import Article, Event, Problem, Source
from eventdesk.store.base import (
    CheckResult,
    EventFilter,
    FileState,
    FilterDialect,
    Store,
    related_rows,
    relevance_text,
    where_clause,
)
from eventdesk.store.sqlite import SCHEMA_VERSION, _like_escape, _snippet_parts, merge_key

# Every text column holding ids, dates or names that are compared or sorted byte-wise in SQLite
# gets COLLATE "C", so ranges ("2025-06" <= date <= "2025-06\uffff") and orders are the same
# whatever the database's locale is.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    rid BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    captions TEXT NOT NULL DEFAULT '[]',
    published TEXT COLLATE "C",
    url TEXT,
    duplicate_of TEXT COLLATE "C",
    story_id TEXT COLLATE "C",
    date_hints TEXT NOT NULL DEFAULT '[]',
    added_at DOUBLE PRECISION NOT NULL,
    coded SMALLINT NOT NULL DEFAULT 0,
    tsv TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_uncoded ON articles(rid) WHERE coded = 0;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);
-- added after the first version: an older store gets them (empty; `eventdesk run` fills them) on open
ALTER TABLE articles ADD COLUMN IF NOT EXISTS language TEXT;  -- ISO 639-1 (eventdesk.relevance)
-- JSON {"topic","genre","score"}; 'null' = judged, unreadable; NULL = not judged yet
ALTER TABLE articles ADD COLUMN IF NOT EXISTS relevance TEXT;
CREATE INDEX IF NOT EXISTS articles_unjudged ON articles(rid) WHERE relevance IS NULL;
CREATE TABLE IF NOT EXISTS sources (
    rid BIGSERIAL,
    path TEXT COLLATE "C" NOT NULL,
    idx BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    url TEXT,
    PRIMARY KEY (path, idx)
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id, rid);
CREATE TABLE IF NOT EXISTS files (
    path TEXT COLLATE "C" PRIMARY KEY,
    size BIGINT NOT NULL,
    mtime DOUBLE PRECISION NOT NULL,
    digest TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_problems INTEGER NOT NULL,
    done_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    n_shingles INTEGER NOT NULL,
    minhash BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (
    band BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS bands_band ON bands(band);
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
CREATE TABLE IF NOT EXISTS events (
    rid BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    article_id TEXT COLLATE "C" NOT NULL,
    merge_key TEXT COLLATE "C",
    event_type TEXT COLLATE "C" NOT NULL,
    mode TEXT COLLATE "C",
    modality TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C",
    country TEXT COLLATE "C",
    place TEXT COLLATE "C",
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION NOT NULL,
    actor_names TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    sentence_tsv TSVECTOR NOT NULL,
    countries TEXT[] COLLATE "C" NOT NULL DEFAULT '{}'  -- the place's and the actors' (upper case)
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_key ON events(merge_key);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date, rid);
-- the dashboard's newest-first list (NULL dates last, as in SQLite)
CREATE INDEX IF NOT EXISTS events_date_desc ON events(date DESC NULLS LAST, rid DESC);
CREATE INDEX IF NOT EXISTS events_sentence ON events USING GIN (sentence_tsv);
CREATE INDEX IF NOT EXISTS events_geo ON events(lat, lon, event_type, date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE INDEX IF NOT EXISTS events_countries ON events USING GIN (countries);
-- actor -> recipient pairs of each event, for the actor network without parsing every event's JSON
CREATE TABLE IF NOT EXISTS event_edges (
    rid BIGINT NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
    source TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS event_edges_rid ON event_edges(rid);
CREATE TABLE IF NOT EXISTS event_sources (
    rid BIGSERIAL,
    event_id TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX IF NOT EXISTS event_sources_article ON event_sources(article_id);
CREATE TABLE IF NOT EXISTS merge_keys (
    rid BIGSERIAL PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_keys_key ON merge_keys(key);
CREATE INDEX IF NOT EXISTS merge_keys_event ON merge_keys(event_id);
CREATE TABLE IF NOT EXISTS problems (
    rid BIGSERIAL PRIMARY KEY,
    run_id BIGINT,
    path TEXT NOT NULL,
    idx BIGINT,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id BIGSERIAL PRIMARY KEY,
    started DOUBLE PRECISION NOT NULL,
    finished DOUBLE PRECISION,
    args TEXT NOT NULL,
    counts TEXT
);
-- A date as stored ("2025-06-03..."), or NULL where it is not a real day: SQLite's date() is
-- NULL on bad input, a cast here would abort the whole query.
CREATE OR REPLACE FUNCTION eventdesk_day(s TEXT) RETURNS DATE AS $$
BEGIN
    RETURN s::date;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$ LANGUAGE plpgsql IMMUTABLE;
"""

POSTGIS_SCHEMA = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326);
CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom);
"""

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
    words = []
    for raw in text.split():
        prefix = raw.endswith("*")
        toks = _WORD.findall(raw)
        if not toks:
            continue
        parts = ["'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in toks]
        if prefix:
            parts[-1] += ":*"
        words.append(parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")")
    return " & ".join(words)


def _clean(s: str | None) -> str | None:
    """PostgreSQL text can't hold NUL characters (SQLite can): drop them."""
    return s.replace("\x00", "") if s and "\x00" in s else s


def _args(args: Any) -> Any:
    """Query parameters with NUL taken out of every string (lookups and filters too: a NUL in a
    user's filter is data that can match nothing stored, not an error)."""
    if args is None:
        return None
    return [
        [_clean(y) if isinstance(y, str) else y for y in x]
        if isinstance(x, list)
        else _clean(x)
        if isinstance(x, str)
        else x
        for x in args
    ]


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


class PostgresStore(Store):
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
        self._depth = 0
        self.text_config = "eventdesk"
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")
        else:
            self._setup(postgis)
        self.spatial = "postgis" if self._has_geom() else "latlon"

    # -- schema --------------------------------------------------------------------------
    def _setup(self, postgis: bool | None) -> None:
        c = self.conn
        # Two processes creating the schema at once would race on CREATE ... IF NOT EXISTS.
        with self._locked():
            c.execute(SCHEMA)
            have_unaccent = self._extension("unaccent")
            exists = c.execute(
                "SELECT 1 FROM pg_ts_config WHERE cfgname = 'eventdesk' AND cfgnamespace = "
                "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
            ).fetchone()
            if not exists:
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
            c.execute(
                "INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT DO NOTHING",
                (str(SCHEMA_VERSION),),
            )
            spatial = "postgis" if self._has_geom() else "latlon (postgis extension unavailable)"
            before = c.execute("SELECT value FROM meta WHERE key = 'spatial_index'").fetchone()
            c.execute(
                "INSERT INTO meta VALUES ('spatial_index', %s) ON CONFLICT (key) DO UPDATE SET "
                "value = EXCLUDED.value",
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

    @contextmanager
    def _locked(self, write: bool = True) -> Iterator[None]:
        """One transaction; a writer first takes the store's write lock (writers take turns)."""
        self.conn.execute("BEGIN")
        try:
            if write:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
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
        self._depth = 1
        try:
            with self._locked(write=not self.readonly):
                yield
        finally:
            self._depth = 0

    def _q(self, sql: str, args: Any = None) -> psycopg.Cursor:
        return self.conn.execute(sql, _args(args))

    def _qd(self, sql: str, args: Any = None) -> psycopg.Cursor:
        return self.conn.cursor(row_factory=dict_row).execute(sql, _args(args))

    # -- files ---------------------------------------------------------------------------
    def file_state(self, path: str) -> FileState | None:
        r = self._qd("SELECT * FROM files WHERE path=%s", (path,)).fetchone()
        if not r:
            return None
        return FileState(r["path"], r["size"], r["mtime"], r["digest"], r["n_articles"], r["n_problems"])

    def mark_file(self, state: FileState) -> None:
        self._q(
            "INSERT INTO files VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (path) DO UPDATE SET "
            "size=EXCLUDED.size, mtime=EXCLUDED.mtime, digest=EXCLUDED.digest, n_articles=EXCLUDED.n_articles,"
            " n_problems=EXCLUDED.n_problems, done_at=EXCLUDED.done_at",
            (
                _clean(state.path),
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
        return self._q("SELECT 1 FROM articles WHERE id=%s", (article_id,)).fetchone() is not None

    def add_article(self, article: Article) -> bool:
        title, body = _clean(article.title) or "", _clean(article.body) or ""
        row = self._q(
            "INSERT INTO articles (id,title,body,captions,published,url,duplicate_of,story_id,date_hints,added_at,"
            "language,relevance,tsv) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
            " to_tsvector('eventdesk', %s) || to_tsvector('eventdesk', %s))"
            " ON CONFLICT (id) DO NOTHING RETURNING rid",
            (
                article.id,
                title,
                body,
                _clean(json.dumps(article.captions, ensure_ascii=False)),
                _clean(article.published),
                _clean(article.url),
                article.duplicate_of,
                article.story_id or article.id,
                _clean(json.dumps(article.date_hints, ensure_ascii=False)),
                time.time(),
                _clean(article.language),
                _clean(relevance_text(article)),
                words(title),
                words(body),
            ),
        ).fetchone()
        for s in article.sources:
            self.add_source(article.id, s)
        return row is not None

    def add_source(self, article_id: str, source: Source) -> bool:
        cur = self._q(
            "INSERT INTO sources (path, idx, article_id, url) VALUES (%s,%s,%s,%s) ON CONFLICT DO NOTHING",
            (_clean(source.path), source.index, article_id, _clean(source.url)),
        )
        return cur.rowcount > 0

    def source_owner(self, source: Source) -> str | None:
        r = self._q(
            "SELECT article_id FROM sources WHERE path=%s AND idx=%s", (_clean(source.path), source.index)
        ).fetchone()
        return r[0] if r else None

    def _sources(self, article_id: str) -> list[Source]:
        rows = self._q("SELECT path, idx, url FROM sources WHERE article_id=%s ORDER BY rid", (article_id,))
        return [Source(r[0], r[1], r[2]) for r in rows]

    def _article(self, r: dict[str, Any]) -> Article:
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
            language=r.get("language"),
            relevance=json.loads(r["relevance"]) if r.get("relevance") else None,
        )

    _ARTICLE_COLS = "rid, id, title, body, captions, published, url, duplicate_of, story_id, date_hints, language, relevance"

    def get_article(self, article_id: str) -> Article | None:
        r = self._qd(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id=%s", (article_id,)).fetchone()
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
            rows = self._qd(
                f"SELECT {self._ARTICLE_COLS} FROM articles WHERE rid>%s ORDER BY rid LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1]["rid"]

    def uncoded_articles(self, limit: int = 100) -> list[Article]:
        rows = self._qd(
            f"SELECT {self._ARTICLE_COLS} FROM articles WHERE coded=0 ORDER BY rid LIMIT %s", (int(limit),)
        ).fetchall()
        return [self._article(r) for r in rows]

    def mark_coded(self, article_ids: Iterable[str]) -> None:
        ids = list(article_ids)
        if ids:
            self._q("UPDATE articles SET coded=1 WHERE id = ANY(%s)", (ids,))

    def unjudged_articles(self, limit: int = 100) -> list[Article]:
        rows = self._qd(
            f"SELECT {self._ARTICLE_COLS} FROM articles WHERE relevance IS NULL ORDER BY rid LIMIT %s",
            (int(limit),),
        ).fetchall()
        return [self._article(r) for r in rows]

    def set_relevance(self, article_id: str, language: str | None, relevance: dict[str, Any] | None) -> None:
        self._q(
            "UPDATE articles SET language=%s, relevance=%s WHERE id=%s",
            (_clean(language), json.dumps(relevance), article_id),
        )

    # -- near-duplicate index ------------------------------------------------------------
    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None:
        self._q(
            "INSERT INTO signatures VALUES (%s,%s,%s) ON CONFLICT (article_id) DO UPDATE SET "
            "n_shingles=EXCLUDED.n_shingles, minhash=EXCLUDED.minhash",
            (article_id, n_shingles, signature),
        )
        if bands:
            with self.conn.cursor() as cur:
                cur.executemany("INSERT INTO bands VALUES (%s,%s)", [(b, article_id) for b in bands])

    def band_candidates(self, bands: list[int]) -> list[str]:
        if not bands:
            return []
        return [
            r[0]
            for r in self._q("SELECT DISTINCT article_id FROM bands WHERE band = ANY(%s)", (list(bands),))
        ]

    def signature(self, article_id: str) -> tuple[int, bytes] | None:
        r = self._q(
            "SELECT n_shingles, minhash FROM signatures WHERE article_id=%s", (article_id,)
        ).fetchone()
        return (r[0], bytes(r[1])) if r else None

    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        r = self._q("SELECT duplicate_of, story_id FROM articles WHERE id=%s", (article_id,)).fetchone()
        return (r[0], r[1]) if r else (None, None)

    # -- events --------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event]) -> int:
        # Batched (executemany runs in psycopg's pipeline mode): one round trip per statement kind,
        # not three per event. Writers hold the advisory lock, so the existence check cannot race.
        evs = list(events)
        if not evs:
            return 0
        stored = {r[0] for r in self._q("SELECT id FROM events WHERE id = ANY(%s)", ([e.id for e in evs],))}
        geom = self.spatial == "postgis"
        cols = (
            "id,article_id,merge_key,event_type,mode,modality,date,country,place,lat,lon,confidence,"
            "actor_names,data,sentence_tsv,countries"
        )
        vals = "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,to_tsvector('eventdesk', %s),%s"
        if geom:
            cols += ",geom"
            vals += ",CASE WHEN %s::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(%s, %s), 4326) END"
        rows: list[list[Any]] = []
        edges: list[tuple[str, str, str]] = []
        sources: list[tuple[str, str]] = []
        for ev in evs:
            if ev.id not in stored:
                stored.add(ev.id)
                loc = ev.location
                names = " | ".join(f"{a.name} {a.text}" for a in ev.actors + ev.recipients)
                countries = sorted(
                    {
                        c.upper()
                        for c in [loc.country if loc else None]
                        + [a.country for a in ev.actors + ev.recipients]
                        if isinstance(c, str)
                    }
                )
                args: list[Any] = [
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
                    json.dumps(ev.to_dict(), ensure_ascii=False),
                    words(ev.evidence.sentence),
                    countries,
                ]
                if geom:
                    args += [loc.lon if loc else None, loc.lon if loc else None, loc.lat if loc else None]
                rows.append(_args(args))
                edges += [
                    (_clean(a.name), _clean(r.name), ev.id)
                    for a in ev.actors
                    for r in ev.recipients
                    if a.name is not None and r.name is not None
                ]
            sources += [(ev.id, src) for src in ev.sources or [ev.article_id]]
        with self.conn.cursor() as cur:
            if rows:
                cur.executemany(
                    f"INSERT INTO events ({cols}) VALUES ({vals}) ON CONFLICT (id) DO NOTHING", rows
                )
            if edges:
                cur.executemany("INSERT INTO event_edges SELECT rid, %s, %s FROM events WHERE id = %s", edges)
            cur.executemany(
                "INSERT INTO event_sources (event_id, article_id) VALUES (%s,%s) ON CONFLICT DO NOTHING",
                sources,
            )
        return len(rows)

    def add_event_source(self, event_id: str, article_id: str) -> bool:
        cur = self._q(
            "INSERT INTO event_sources (event_id, article_id) VALUES (%s,%s) ON CONFLICT DO NOTHING",
            (event_id, article_id),
        )
        return cur.rowcount > 0

    def forget_file(self, path: str, keep: Iterable[str] = ()) -> int:
        """A file changed or went away: drop its sources, and articles left with no source. The
        same rules as SQLiteStore.forget_file: `keep` = ids the new version still holds; events
        that lose a source are deleted and their remaining sources marked for coding again;
        near-duplicate and story links re-pointed to the earliest remaining member."""
        path = _clean(path) or ""
        keep_ids = sorted(set(keep))
        ids = [r[0] for r in self._q("SELECT DISTINCT article_id FROM sources WHERE path=%s", (path,))]
        self._q("DELETE FROM sources WHERE path=%s", (path,))
        gone = [
            r[0]
            for r in self._q(
                "SELECT id FROM articles a WHERE id = ANY(%s) AND NOT (id = ANY(%s)) AND NOT EXISTS "
                "(SELECT 1 FROM sources s WHERE s.article_id = a.id)",
                (ids, keep_ids),
            )
        ]
        if gone:
            events = [
                r[0]
                for r in self._q(
                    "SELECT id FROM events WHERE article_id = ANY(%s) "
                    "UNION SELECT event_id FROM event_sources WHERE article_id = ANY(%s)",
                    (gone, gone),
                )
            ]
            survivors = [
                r[0]
                for r in self._q(
                    "SELECT DISTINCT article_id FROM event_sources WHERE event_id = ANY(%s) "
                    "AND NOT (article_id = ANY(%s))",
                    (events, gone),
                )
            ]
            self._q("DELETE FROM merge_keys WHERE event_id = ANY(%s)", (events,))
            self._q("DELETE FROM event_sources WHERE event_id = ANY(%s)", (events,))
            self._q("DELETE FROM events WHERE id = ANY(%s)", (events,))
            self._q("DELETE FROM event_sources WHERE article_id = ANY(%s)", (gone,))
            self._q("DELETE FROM signatures WHERE article_id = ANY(%s)", (gone,))
            self._q("DELETE FROM bands WHERE article_id = ANY(%s)", (gone,))
            self._q("DELETE FROM articles WHERE id = ANY(%s)", (gone,))
            self.reset_coding(
                sorted(survivors)
            )  # coded again, whole: the events come back as a fresh build makes them
            for g in gone:
                dups = [
                    r[0] for r in self._q("SELECT id FROM articles WHERE duplicate_of=%s ORDER BY rid", (g,))
                ]
                if dups:
                    self._q("UPDATE articles SET duplicate_of=NULL WHERE id=%s", (dups[0],))
                    self._q("UPDATE articles SET duplicate_of=%s WHERE duplicate_of=%s", (dups[0], g))
                first = self._q(
                    "SELECT id FROM articles WHERE story_id=%s ORDER BY rid LIMIT 1", (g,)
                ).fetchone()
                if first:
                    self._q("UPDATE articles SET story_id=%s WHERE story_id=%s", (first[0], g))
        self._q("DELETE FROM files WHERE path=%s", (path,))
        return len(gone)

    def reset_coding(self, article_ids: Iterable[str], published: str | None = None) -> list[str]:
        """See SQLiteStore.reset_coding: drop these articles' events (and those of articles sharing
        an event with them), mark them uncoded; `published` dates the given undated ones."""
        given = list(dict.fromkeys(article_ids))
        todo, seen = list(given), set(given)
        frontier = list(given)
        while frontier:
            rows = self._q(
                "SELECT e.article_id FROM events e WHERE e.id IN "
                "(SELECT event_id FROM event_sources WHERE article_id = ANY(%s)) "
                "UNION SELECT es.article_id FROM event_sources es JOIN events e ON e.id = es.event_id "
                "WHERE e.article_id = ANY(%s)",
                (frontier, frontier),
            ).fetchall()
            frontier = [r[0] for r in rows if r[0] not in seen]
            seen.update(frontier)
            todo.extend(frontier)
        if todo:
            self._q(
                "DELETE FROM event_sources WHERE event_id IN (SELECT id FROM events WHERE article_id = ANY(%s))",
                (todo,),
            )
            self._q(
                "DELETE FROM merge_keys WHERE event_id IN (SELECT id FROM events WHERE article_id = ANY(%s))",
                (todo,),
            )
            self._q("DELETE FROM events WHERE article_id = ANY(%s)", (todo,))
            self._q("DELETE FROM event_sources WHERE article_id = ANY(%s)", (todo,))
            self._q("UPDATE articles SET coded=0 WHERE id = ANY(%s)", (todo,))
        if published and given:
            self._q(
                "UPDATE articles SET published=%s WHERE id = ANY(%s) AND published IS NULL AND date_hints = '[]'",
                (published, given),
            )
        return todo

    def files_under(self, folder: str) -> list[str]:
        """Paths of the files read from inside `folder` (or the file `folder` itself)."""
        folder = _clean(folder) or ""
        if folder == ".":  # the current folder: every relative path read from inside it
            rows = self._q(
                "SELECT path FROM files WHERE path NOT LIKE '/%%' AND path NOT LIKE '../%%' AND path != '<stdin>'"
            )
            return [r[0] for r in rows]
        prefix = folder.rstrip("/") + "/"
        rows = self._q(
            'SELECT path FROM files WHERE path = %s OR (path COLLATE "C" >= %s AND path COLLATE "C" < %s)',
            (folder, prefix, prefix[:-1] + "0"),
        )
        return [r[0] for r in rows]

    def _event(self, data: str) -> Event:
        ev = Event.from_dict(json.loads(data))
        ev.sources = [
            x[0]
            for x in self._q("SELECT article_id FROM event_sources WHERE event_id=%s ORDER BY rid", (ev.id,))
        ] or ev.sources
        return ev

    def add_merge_keys(self, event_id: str, keys: Iterable[str]) -> None:
        rows = [(_clean(k), event_id) for k in keys]
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany("INSERT INTO merge_keys (key, event_id) VALUES (%s,%s)", rows)

    def merge_candidates(self, keys: list[str], prefixes: list[str], limit: int) -> list[str]:
        conds, args = [], []
        if keys:
            conds.append("key = ANY(%s)")
            args.append([_clean(k) for k in keys])
        for p in prefixes:  # a range over the key index (COLLATE "C": byte order)
            conds.append("(key >= %s AND key < %s)")
            args += [_clean(p), _clean(p) + "\uffff"]
        if not conds:
            return []
        rows = self._q(
            f"SELECT event_id, max(rid) AS r FROM merge_keys WHERE {' OR '.join(conds)} "
            "GROUP BY event_id ORDER BY r DESC LIMIT %s",
            (*args, int(limit)),
        )
        return [r[0] for r in rows]

    def remove_event(self, event_id: str) -> None:
        self._q("DELETE FROM event_sources WHERE event_id=%s", (event_id,))
        self._q("DELETE FROM merge_keys WHERE event_id=%s", (event_id,))
        self._q("DELETE FROM events WHERE id=%s", (event_id,))  # event_edges follow (ON DELETE CASCADE)

    def relabel_story(self, old: str, new: str) -> None:
        self._q("UPDATE articles SET story_id=%s WHERE story_id=%s", (new, old))

    def events_by_key(self, key: str) -> list[Event]:
        rows = self._q("SELECT data FROM events WHERE merge_key=%s ORDER BY rid", (key,)).fetchall()
        return [self._event(r[0]) for r in rows]

    def get_event(self, event_id: str) -> Event | None:
        r = self._q("SELECT data FROM events WHERE id=%s", (event_id,)).fetchone()
        return self._event(r[0]) if r else None

    def _where(self, flt: EventFilter | None) -> tuple[str, list[Any]]:
        return where_clause(flt, _PGFilters(self.spatial))

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        where, args = self._where(flt)
        q = f"SELECT e.data FROM events e{where} ORDER BY e.date NULLS LAST, e.rid"  # SQLite: NULL dates last
        if flt and flt.limit is not None:
            q += " LIMIT %s OFFSET %s"
            args = args + [int(flt.limit), int(flt.offset)]
        for r in self._q(q, args).fetchall():
            yield self._event(r[0])

    def count_events(self, flt: EventFilter | None = None) -> int:
        where, args = self._where(flt)
        return int(self._q(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])

    # -- search --------------------------------------------------------------------------
    def _search(self, query: str, limit: int, offset: int, start: str, stop: str, words: int) -> list[tuple]:
        q = tsquery(query)
        if not q:
            return []
        # ts_headline reads the whole body: only for the rows returned, after ranking.
        opts = (
            f'StartSel="{start}", StopSel="{stop}", MaxWords={words}, MinWords={max(words // 2, 3)}, '
            'MaxFragments=2, FragmentDelimiter=" … "'
        )
        return self._q(
            "SELECT id, title, published, ts_headline('eventdesk', body, q, %s), score FROM ("
            " SELECT a.id, a.title, a.published, a.body, q, ts_rank_cd(a.tsv, q, 1) AS score, a.rid"
            " FROM articles a, to_tsquery('eventdesk', %s) q WHERE a.tsv @@ q"
            " ORDER BY score DESC, a.rid LIMIT %s OFFSET %s) hits ORDER BY score DESC, rid",
            (opts, q, int(limit), int(offset)),
        ).fetchall()

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._search(query, limit, 0, "[", "]", 16)
        return [
            {"id": r[0], "title": r[1], "published": r[2], "snippet": r[3], "score": round(float(r[4]), 4)}
            for r in rows
        ]

    def search_marked(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._search(query, limit, offset, "\x02", "\x03", 24)
        return [
            {
                "id": r[0],
                "title": r[1],
                "published": r[2],
                "snippet": _snippet_parts(r[3] or ""),
                "score": round(float(r[4]), 4),
            }
            for r in rows
        ]

    # -- problems and runs ---------------------------------------------------------------
    def add_problem(self, problem: Problem, run_id: int | None = None) -> None:
        self._q(
            "INSERT INTO problems (run_id, path, idx, reason) VALUES (%s,%s,%s,%s)",
            (run_id, _clean(problem.path), problem.index, _clean(problem.reason)),
        )

    def problems(self, run_id: int | None = None) -> list[Problem]:
        if run_id is None:
            rows = self._q("SELECT path, idx, reason FROM problems ORDER BY rid")
        else:
            rows = self._q("SELECT path, idx, reason FROM problems WHERE run_id=%s ORDER BY rid", (run_id,))
        return [Problem(r[0], r[2], r[1]) for r in rows]

    def start_run(self, args: dict[str, Any]) -> int:
        r = self._q(
            "INSERT INTO runs (started, args) VALUES (%s,%s) RETURNING id",
            (time.time(), _clean(json.dumps(args, default=str))),
        ).fetchone()
        return int(r[0])

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        self._q(
            "UPDATE runs SET finished=%s, counts=%s WHERE id=%s", (time.time(), json.dumps(counts), run_id)
        )

    def stats(self) -> dict[str, Any]:
        one = lambda q: self._q(q).fetchone()[0]  # noqa: E731
        by_type = {
            r[0]: r[1]
            for r in self._q(
                "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY count(*) DESC, event_type"
            )
        }
        n_sources, n_articles = one("SELECT count(*) FROM sources"), one("SELECT count(*) FROM articles")
        return {
            "store": self.url,
            "files": one("SELECT count(*) FROM files"),
            "sources": n_sources,
            "articles": n_articles,
            "exact_duplicate_sources": n_sources - n_articles,
            "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "stories": one("SELECT count(DISTINCT story_id) FROM articles"),
            "multi_article_stories": one(
                "SELECT count(*) FROM (SELECT story_id FROM articles GROUP BY story_id HAVING count(*)>1) s"
            ),
            "events": one("SELECT count(*) FROM events"),
            "located_events": one("SELECT count(*) FROM events WHERE lat IS NOT NULL"),
            "events_by_type": by_type,
            "problems": one("SELECT count(*) FROM problems"),
            "first_date": one("SELECT min(date) FROM events"),
            "last_date": one("SELECT max(date) FROM events"),
        }

    def close(self) -> None:
        if not self.conn.closed:
            self.conn.close()

    # -- dashboard queries (issue 5) ------------------------------------------------------
    def _where_and(self, flt: EventFilter | None, *extra: str) -> tuple[str, list[Any]]:
        """`_where` plus conditions; the country filter through the `countries` array (same meaning as
        SQLite's event_countries: the place's or an actor's country) instead of a LIKE over the JSON."""
        conds, more = list(extra), []
        if flt is not None and flt.country:
            conds.append("e.countries @> ARRAY[%s]::text[]")
            more.append(_clean(flt.country.upper()))
            flt = EventFilter(**{**vars(flt), "country": None})
        where, args = self._where(flt)
        conds = ([where[len(" WHERE ") :]] if where else []) + conds
        return ((" WHERE " + " AND ".join(conds)) if conds else ""), args + more

    def event_page(
        self, flt: EventFilter | None, limit: int, offset: int = 0, newest_first: bool = False
    ) -> tuple[int, list[Event]]:
        """(total matching, one page of events): the dashboard's list, newest first if asked."""
        where, args = self._where_and(flt)
        total = int(self._q(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])
        # SQLite puts NULL dates last in DESC order, PostgreSQL first unless told
        # (same day: the most confident first)
        order = (
            "e.date DESC NULLS LAST, e.confidence DESC, e.rid DESC"
            if newest_first
            else "e.date NULLS LAST, e.rid"
        )
        rows = self._q(
            f"SELECT e.data FROM events e{where} ORDER BY {order} LIMIT %s OFFSET %s",
            [*args, int(limit), int(offset)],
        ).fetchall()
        return total, [self._event(r[0]) for r in rows]

    def event_counts(self, flt: EventFilter | None = None, interval: str = "day") -> list[dict[str, Any]]:
        # As in SQLite: coarser dates go to the first day of their period.
        day = (
            "CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' "
            "ELSE substr(e.date, 1, 10) END"
        )
        period = {
            "day": day,
            "week": day,  # then its Monday, below: once per distinct day, not once per event
            "month": "substr(e.date, 1, 7)",
            "year": "substr(e.date, 1, 4)",
        }.get(interval)
        if period is None:
            raise ValueError(f"unknown interval {interval!r}: day, week, month or year")
        where, args = self._where_and(flt, "e.date IS NOT NULL")
        q = f"SELECT {period} AS p, e.event_type, count(*) AS n FROM events e{where} GROUP BY p, e.event_type"
        if interval == "week":
            q = (
                "SELECT to_char(date_trunc('week', eventdesk_day(d.p)), 'YYYY-MM-DD') AS p, d.event_type, "
                f"sum(d.n)::bigint AS n FROM ({q}) d GROUP BY 1, 2"
            )
        rows = self._q(f"SELECT * FROM ({q}) c ORDER BY c.p, c.event_type", args)
        return [{"period": r[0], "event_type": r[1], "count": r[2]} for r in rows if r[0]]

    def map_cells(self, flt: EventFilter | None, cell: float) -> list[dict[str, Any]]:
        cell = float(cell)
        if not cell > 0:
            raise ValueError("cell size must be > 0 degrees")
        where, args = self._where_and(flt, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
        # trunc(), not a cast: SQLite's CAST(x AS INTEGER) truncates, PostgreSQL's rounds.
        rows = self._q(
            "SELECT trunc((e.lon + 180.0) / %s)::bigint AS gx, trunc((e.lat + 90.0) / %s)::bigint AS gy, "
            f"e.event_type, count(*), sum(e.lat), sum(e.lon) FROM events e{where} GROUP BY gx, gy, e.event_type "
            "ORDER BY gx, gy, e.event_type",
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
        rows = self._q(
            f"SELECT e.id, e.lat, e.lon, e.event_type, e.date, e.place FROM events e{where} "
            "ORDER BY e.rid LIMIT %s",
            [*args, int(limit)],
        )
        return [
            {"id": r[0], "lat": r[1], "lon": r[2], "event_type": r[3], "date": r[4], "place": r[5]}
            for r in rows
        ]

    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        where, args = self._where_and(flt)
        sub = f" WHERE g.rid IN (SELECT e.rid FROM events e{where})" if where else ""
        rows = self._q(
            f"SELECT g.source, g.target, count(*) AS n FROM event_edges g{sub} "
            "GROUP BY g.source, g.target ORDER BY n DESC, g.source, g.target LIMIT %s",
            [*args, int(limit)],
        )
        return [{"source": r[0], "target": r[1], "count": r[2]} for r in rows]

    _FACETS = ("event_type", "mode", "modality", "country", "date")

    def facet_counts(self, flt: EventFilter | None, column: str, limit: int = 100) -> list[tuple[str, int]]:
        if column not in self._FACETS:  # a column name can't be a parameter: allow-list it
            raise ValueError(f"no facet {column!r}: one of {', '.join(self._FACETS)}")
        where, args = self._where_and(flt, f"e.{column} IS NOT NULL")
        rows = self._q(
            f"SELECT e.{column}, count(*) AS n FROM events e{where} GROUP BY e.{column} "
            f"ORDER BY n DESC, e.{column} LIMIT %s",
            [*args, int(limit)],
        )
        return [(r[0], r[1]) for r in rows]

    def related_articles(self, article_id: str) -> list[dict[str, Any]]:
        me = self._q("SELECT duplicate_of, story_id FROM articles WHERE id=%s", (article_id,)).fetchone()
        if me is None:
            return []
        rows = self._q(
            "SELECT id, title, published, duplicate_of, story_id FROM articles "
            "WHERE id != %s AND (duplicate_of = %s OR id = %s OR story_id = %s) ORDER BY rid",
            (article_id, article_id, me[0] or "", me[1] or article_id),
        )
        return related_rows(rows, article_id, me[0])

    # -- store check (issue 7) ------------------------------------------------------------
    def check(self) -> list[CheckResult]:
        """eventdesk's invariants, as in SQLite (its CHECKS: the same SQL, counted here from the
        examples query), minus the FTS5/R*Tree ones; plus the map points' agreement with lat/lon."""
        from eventdesk.store.sqlite import CHECKS, FIX_REBUILD

        out: list[CheckResult] = []
        for name, _count_sql, examples_sql, fix in CHECKS:
            if "search index" in name or "map index" in name:  # SQLite's side indexes: none here
                continue
            try:
                n = int(self._q(f"SELECT count(*) FROM ({examples_sql}) x").fetchone()[0])
                ex = [" ".join(map(str, r)) for r in self._q(examples_sql + " LIMIT 5")] if n else []
            except psycopg.Error as e:
                n, ex = 1, [str(e).strip()]
            out.append(CheckResult(name, n == 0, n, ex, fix))
        if self.spatial == "postgis":
            q = "FROM events WHERE (lat IS NULL OR lon IS NULL) != (geom IS NULL)"
            n = int(self._q(f"SELECT count(*) {q}").fetchone()[0])
            ex = [r[0] for r in self._q(f"SELECT id {q} LIMIT 5")] if n else []
            out.append(CheckResult("map point for every located event", n == 0, n, ex, FIX_REBUILD))
        return out


class _PGFilters(FilterDialect):
    p = "%s"

    def __init__(self, spatial: str) -> None:
        self.spatial = spatial

    def any_of(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(%s)", [list(values)]

    def contains(self, column: str, text: str) -> tuple[str, list[Any]]:
        # SQLite's LIKE ignores (ASCII) case: ILIKE here
        return f"{column} ILIKE %s ESCAPE '\\'", ["%" + _like_escape(text) + "%"]

    def text_match(self, text: str) -> tuple[str, list[Any]] | None:
        q = tsquery(text)
        return ("e.sentence_tsv @@ to_tsquery('eventdesk', %s)", [q]) if q else None

    def in_box(self, west: float, south: float, east: float, north: float) -> tuple[str, list[Any]]:
        w, s, e, n = (min(max(float(x), -1e300), 1e300) for x in (west, south, east, north))  # no infinities
        if w > e or s > n or any(math.isnan(x) for x in (w, s, e, n)):
            return "FALSE", []  # an inverted box (or NaN, NULL to SQLite) holds nothing
        if self.spatial == "postgis":
            return "e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)", [w, s, e, n]
        return "e.lat BETWEEN %s AND %s AND e.lon BETWEEN %s AND %s", [s, n, w, e]
