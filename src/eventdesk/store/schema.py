"""The store's schema, written once: tables and indexes both engines share, what each adds (SQLite:
FTS5, R*Tree, dashboard side tables kept by triggers; PostgreSQL: tsvector columns, a countries
array, PostGIS), the columns added since a store's first version, and the rules `check()` verifies.

Opening a store writable brings its schema up to date (`open_store(url, upgrade=True)` does it
for a read-only open too); every statement is `IF NOT EXISTS`, so an upgrade keeps every row.
"""

from __future__ import annotations

import re

SCHEMA_VERSION = 1

# Columns added after a store's first version: (table, column, type). An older store gets them
# (empty; `eventdesk run` fills the relevance of stored articles) when it is opened writable.
UPGRADES = (("articles", "language", "TEXT"), ("articles", "relevance", "TEXT"))

# The tables of both engines. {ID}: text compared or sorted byte-wise (ids, dates, names: COLLATE
# "C" in PostgreSQL, so ranges and orders do not depend on the database's locale); {REAL}, {BLOB}:
# the engine's names; {ROWID}: the row number that orders rows as they were stored (SQLite's rowid,
# PostgreSQL's rid; SQLite has one in every table, PostgreSQL where {SERIAL} asks for one).
# No comma in a comment between two columns: SQLite's ALTER TABLE DROP COLUMN looks back for the
# comma before a column in the raw text and would cut inside the comment (a broken schema).
TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    {ROWID},
    id {ID} NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    captions TEXT NOT NULL DEFAULT '[]',
    published {ID},
    url TEXT,
    duplicate_of {ID},
    story_id {ID},
    date_hints TEXT NOT NULL DEFAULT '[]',
    added_at {REAL} NOT NULL,
    coded {SMALLINT} NOT NULL DEFAULT 0,  -- 1 once events were extracted (a killed run resumes here)
    language TEXT,  -- ISO 639-1 (eventdesk.relevance)
    -- relevance: JSON {"topic" "genre" "score"}; 'null' = judged and unreadable; NULL = not judged yet
    relevance TEXT{ARTICLE_EXTRA}
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
CREATE TABLE IF NOT EXISTS sources (
    {SERIAL}path {ID} NOT NULL,
    idx {BIGINT} NOT NULL,
    article_id {ID} NOT NULL REFERENCES articles(id),
    url TEXT,
    PRIMARY KEY (path, idx)
);
CREATE TABLE IF NOT EXISTS files (
    path {ID} PRIMARY KEY,
    size {BIGINT} NOT NULL,
    mtime {REAL} NOT NULL,
    digest TEXT NOT NULL,
    n_articles INTEGER NOT NULL,
    n_problems INTEGER NOT NULL,
    done_at {REAL} NOT NULL
);
CREATE TABLE IF NOT EXISTS signatures (
    article_id {ID} PRIMARY KEY,
    n_shingles INTEGER NOT NULL,
    minhash {BLOB} NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (
    band {BIGINT} NOT NULL,
    article_id {ID} NOT NULL
);
CREATE INDEX IF NOT EXISTS bands_band ON bands(band);
-- deleting an article's bands and `check` look bands up by article (a scan each otherwise: quadratic)
CREATE INDEX IF NOT EXISTS bands_article ON bands(article_id);
CREATE TABLE IF NOT EXISTS events (
    {ROWID},
    id {ID} NOT NULL UNIQUE,
    article_id {ID} NOT NULL,
    merge_key {ID},
    event_type {ID} NOT NULL,
    mode {ID},
    modality {ID} NOT NULL,
    date {ID},
    country {ID},
    place {ID},
    lat {REAL},
    lon {REAL},
    confidence {REAL} NOT NULL,
    actor_names TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL{EVENT_EXTRA}
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_key ON events(merge_key);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date);
-- covering indexes: the map reads (lat, lon, type, date) without touching the rows and their JSON
CREATE INDEX IF NOT EXISTS events_geo ON events(lat, lon, event_type, date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE TABLE IF NOT EXISTS event_sources (
    {SERIAL}event_id {ID} NOT NULL,
    article_id {ID} NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX IF NOT EXISTS event_sources_article ON event_sources(article_id);
CREATE TABLE IF NOT EXISTS merge_keys (
    {SERIAL_PK}key {ID} NOT NULL,
    event_id {ID} NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_keys_key ON merge_keys(key);
CREATE INDEX IF NOT EXISTS merge_keys_event ON merge_keys(event_id);
CREATE TABLE IF NOT EXISTS problems (
    {SERIAL_PK}run_id {BIGINT},
    path TEXT NOT NULL,
    idx {BIGINT},
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id {RUN_ID} PRIMARY KEY,
    started {REAL} NOT NULL,
    finished {REAL},
    args TEXT NOT NULL,
    counts TEXT
);
"""

SQLITE_TYPES = {
    "ROWID": "rowid INTEGER PRIMARY KEY",
    "SERIAL": "",
    "SERIAL_PK": "",
    "ID": "TEXT",
    "REAL": "REAL",
    "BLOB": "BLOB",
    "BIGINT": "INTEGER",
    "SMALLINT": "INTEGER",
    "RUN_ID": "INTEGER",
    "ARTICLE_EXTRA": "",
    "EVENT_EXTRA": "",
}

SQLITE_SCHEMA = """
CREATE INDEX IF NOT EXISTS articles_unjudged ON articles(rowid) WHERE relevance IS NULL;
CREATE INDEX IF NOT EXISTS articles_uncoded ON articles(coded) WHERE coded = 0;
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    sentence, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);
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

POSTGRES_TYPES = {
    "ROWID": "rid BIGSERIAL PRIMARY KEY",
    "SERIAL": "rid BIGSERIAL,\n    ",
    "SERIAL_PK": "rid BIGSERIAL PRIMARY KEY,\n    ",
    "ID": 'TEXT COLLATE "C"',
    "REAL": "DOUBLE PRECISION",
    "BLOB": "BYTEA",
    "BIGINT": "BIGINT",
    "SMALLINT": "SMALLINT",
    "RUN_ID": "BIGSERIAL",
    "ARTICLE_EXTRA": ",\n    tsv TSVECTOR NOT NULL",
    # countries: the place's and the actors' (upper case)
    "EVENT_EXTRA": ",\n    sentence_tsv TSVECTOR NOT NULL,\n    countries TEXT[] COLLATE \"C\" NOT NULL DEFAULT '{}'",
}

POSTGRES_SCHEMA = """
CREATE INDEX IF NOT EXISTS articles_unjudged ON articles(rid) WHERE relevance IS NULL;
CREATE INDEX IF NOT EXISTS articles_uncoded ON articles(rid) WHERE coded = 0;
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id, rid);
CREATE INDEX IF NOT EXISTS events_date ON events(date, rid);
-- the dashboard's newest-first list (NULL dates last, as in SQLite)
CREATE INDEX IF NOT EXISTS events_date_desc ON events(date DESC NULLS LAST, rid DESC);
CREATE INDEX IF NOT EXISTS events_sentence ON events USING GIN (sentence_tsv);
CREATE INDEX IF NOT EXISTS events_countries ON events USING GIN (countries);
-- actor -> recipient pairs of each event, for the actor network without parsing every event's JSON
CREATE TABLE IF NOT EXISTS event_edges (
    rid BIGINT NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
    source TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS event_edges_rid ON event_edges(rid);
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


def schema(engine: str) -> str:
    """The whole schema script of `engine` ("sqlite" or "postgres")."""
    types = SQLITE_TYPES if engine == "sqlite" else POSTGRES_TYPES
    tables = re.sub(r"\{([A-Z_]+)\}", lambda m: types[m.group(1)], TABLES)
    return tables + (SQLITE_SCHEMA if engine == "sqlite" else POSTGRES_SCHEMA)


def object_names(engine: str) -> set[str]:
    """Names of the tables, indexes and triggers the schema of `engine` creates (an upgrade check:
    a store lacking one of them was written by an older version)."""
    return set(re.findall(r"CREATE (?:VIRTUAL )?(?:TABLE|INDEX|TRIGGER) IF NOT EXISTS (\w+)", schema(engine)))


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
# (name, the rows that break it, what to do): `check()` counts the rows and shows a few. Every rule
# holds (no row) in a sound store. The SQL is the same on both engines.
CHECKS: list[tuple[str, str, str]] = [
    (
        "every event's article exists",
        "SELECT e.id, e.article_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = "
        "e.article_id)",
        FIX_REBUILD,
    ),
    (
        "every event source names a stored event and article",
        "SELECT s.event_id, s.article_id FROM event_sources s WHERE NOT EXISTS (SELECT 1 FROM events e "
        "WHERE e.id = s.event_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)",
        FIX_REBUILD,
    ),
    (
        "every event has a source",
        "SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)",
        FIX_REBUILD,
    ),
    (
        "every article has a source",
        "SELECT a.id, a.title FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE "
        "s.article_id = a.id)",
        FIX_REBUILD,
    ),
    (
        "every source's article exists",
        "SELECT s.path, s.idx, s.article_id FROM sources s WHERE NOT EXISTS (SELECT 1 FROM articles a "
        "WHERE a.id = s.article_id)",
        FIX_REBUILD,
    ),
    (
        "no duplicate article ids",
        "SELECT id, count(*) FROM articles GROUP BY id HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "no duplicate event ids",
        "SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "no duplicate sources",
        "SELECT path, idx, count(*) FROM sources GROUP BY path, idx HAVING count(*) > 1",
        FIX_DAMAGED,
    ),
    (
        "duplicate_of and story_id name stored articles",
        "SELECT a.id, a.duplicate_of, a.story_id FROM articles a WHERE (a.duplicate_of IS NOT NULL AND "
        "NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)) OR NOT EXISTS (SELECT 1 FROM "
        "articles c WHERE c.id = a.story_id)",
        FIX_REBUILD,
    ),
    (
        "every event's first article is one of its sources",
        "SELECT e.id, e.article_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE "
        "s.event_id = e.id AND s.article_id = e.article_id)",
        FIX_REBUILD,
    ),
    (
        "every near-duplicate points at a canonical article (not at another duplicate)",
        "SELECT a.id, a.duplicate_of, b.duplicate_of FROM articles a JOIN articles b ON b.id = "
        "a.duplicate_of WHERE b.duplicate_of IS NOT NULL",
        FIX_REBUILD,
    ),
    (
        "every article has a dedup signature",
        "SELECT a.id, a.title FROM articles a WHERE NOT EXISTS (SELECT 1 FROM signatures g WHERE "
        "g.article_id = a.id)",
        FIX_REBUILD,
    ),
    (
        "every signature has LSH bands and an article",
        "SELECT g.article_id FROM signatures g WHERE NOT EXISTS (SELECT 1 FROM bands b WHERE b.article_id"
        " = g.article_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = g.article_id)",
        FIX_REBUILD,
    ),
    (
        "every LSH band belongs to a signature",
        "SELECT DISTINCT article_id FROM bands b WHERE NOT EXISTS (SELECT 1 FROM signatures g WHERE "
        "g.article_id = b.article_id)",
        FIX_REBUILD,
    ),
    (
        "every file read has its articles' sources",
        "SELECT f.path, f.n_articles, (SELECT count(*) FROM sources s WHERE s.path = f.path) FROM files f"
        " WHERE f.n_articles != (SELECT count(*) FROM sources s WHERE s.path = f.path)",
        FIX_REBUILD,
    ),
    (
        "every source's file is marked done",
        "SELECT DISTINCT s.path FROM sources s WHERE s.path != '<stdin>' AND NOT EXISTS (SELECT 1 FROM "
        "files f WHERE f.path = s.path)",
        FIX_REBUILD,
    ),
]
# SQLite's side indexes (FTS5, R*Tree): (name, how many rows are missing or extra, the counts, what to do)
SQLITE_CHECKS: list[tuple[str, str, str, str]] = [
    (
        "article search index has one row per article",
        "SELECT abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts_docsize))",
        "SELECT 'articles', (SELECT count(*) FROM articles), 'indexed', (SELECT count(*) FROM "
        "articles_fts_docsize)",
        FIX_FTS,
    ),
    (
        "event search index has one row per event",
        "SELECT abs((SELECT count(*) FROM events) - (SELECT count(*) FROM events_fts_docsize))",
        "SELECT 'events', (SELECT count(*) FROM events), 'indexed', (SELECT count(*) FROM "
        "events_fts_docsize)",
        FIX_REBUILD,
    ),
    (
        "map index has one row per located event",
        "SELECT abs((SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL) - (SELECT "
        "count(*) FROM events_rtree))",
        "SELECT 'located', (SELECT count(*) FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL), 'in "
        "map index', (SELECT count(*) FROM events_rtree)",
        FIX_REBUILD,
    ),
]
