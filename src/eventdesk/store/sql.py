"""The store logic written once, as SQL over a small dialect (as Datasette routes its SQL through
one module): `SQLStore` implements the `Store` interface; `SQLiteStore` and `PostgresStore` only
say how their engine connects, locks, indexes text and places, and spells a few expressions.

SQL here is written in SQLite's spelling: `?` placeholders and `rowid` for the row number that
orders rows as they were stored. A backend's `_sql` translates it (PostgreSQL: `%s` and `rid`).
Upserts (`ON CONFLICT`), `RETURNING` and `UNION ALL` mean the same on both engines.
"""

from __future__ import annotations

import json
import time
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

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
from eventdesk.store.schema import CHECKS

ARTICLE_COLS = "rowid, id, title, body, captions, published, url, duplicate_of, story_id, date_hints, language, relevance"
EVENT_COLS = (
    "id", "article_id", "merge_key", "event_type", "mode", "modality", "date", "country", "place",
    "lat", "lon", "confidence", "actor_names", "data",
)  # fmt: skip
FACETS = ("event_type", "mode", "modality", "country", "date")


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


def snippet_parts(snippet: str) -> list[list[Any]]:
    """'a \x02hit\x03 b' -> [['a ', False], ['hit', True], [' b', False]]."""
    parts: list[list[Any]] = []
    for i, chunk in enumerate(snippet.split("\x02")):
        hit, _, rest = chunk.partition("\x03") if i else ("", "", chunk)
        if hit:
            parts.append([hit, True])
        if rest:
            parts.append([rest, False])
    return parts


class SQLStore(Store):
    """Every `Store` method as SQL; subclasses supply the connection and the engine's dialect."""

    conn: Any
    readonly: bool
    filters: FilterDialect  # how the engine spells the pieces of an event filter
    Error: type[Exception] = Exception  # the engine's error class (check() reports, never raises)
    ORDER_ASC = "e.date IS NULL, e.date, e.rowid"  # undated events last
    ORDER_DESC = "e.date DESC, e.confidence DESC, e.rowid DESC"  # same day: the most confident first
    _depth = 0

    # -- the dialect -------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        """SQL written here -> the engine's spelling."""
        return sql

    def _params(self, args: Sequence[Any]) -> Sequence[Any]:
        return args

    def _q(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), self._params(args))

    def _many(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(self._sql(sql), [self._params(r) for r in rows])

    @abstractmethod
    def _in(self, column: str, values: list[Any]) -> tuple[str, list[Any]]:
        """`column` is one of `values`, any number of them."""

    @abstractmethod
    def _begin(self) -> AbstractContextManager[None]:
        """One write transaction (writers take turns): commit at the end, roll back on an error."""

    @abstractmethod
    def _search_rows(self, query: str, limit: int, offset: int, marks: tuple[str, str], words: int) -> list:
        """Full-text search: rows (id, title, published, snippet, score), best first."""

    def _article_extra(self, title: str, body: str) -> tuple[str, str, list[Any]]:
        """Columns the engine stores with a new article: (", cols", ", values", args)."""
        return "", "", []

    def _index_article(self, rid: int, title: str, body: str) -> None:
        """After a new article: the engine's side indexes."""

    def _unindex_articles(self, ids: list[str]) -> None:
        """Before articles are deleted."""

    def _event_extra(self, ev: Event) -> tuple[str, str, list[Any]]:
        """Columns the engine stores with a new event: (", cols", ", values", args)."""
        return "", "", []

    def _index_events(self, events: list[Event]) -> None:
        """After new events: the engine's side indexes (search, map, actor pairs)."""

    def _unindex_events(self, ids: list[str]) -> None:
        """Before events are deleted."""

    def _country(self, code: str) -> tuple[str, list[Any]] | None:
        """The country filter through an index of every event's countries, if the store has one."""
        return None

    def _scan(self, flt: EventFilter | None = None, always: bool = False) -> str:
        """An index hint for aggregates (SQLite)."""
        return ""

    def _monday(self, day: str) -> str:
        """The Monday (YYYY-MM-DD) of the week of a day (YYYY-MM-DD) expression."""
        return f"date({day}, '-6 days', 'weekday 1')"

    def _trunc(self, x: str) -> str:
        """A number expression truncated to an integer."""
        return f"CAST({x} AS INTEGER)"

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: part of the outer transaction
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._begin():
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0

    # -- files -------------------------------------------------------------------------------
    def file_state(self, path: str) -> FileState | None:
        r = self._q(
            "SELECT path, size, mtime, digest, n_articles, n_problems FROM files WHERE path=?", (path,)
        ).fetchone()
        return FileState(*r) if r else None

    def mark_file(self, state: FileState) -> None:
        s = state
        self._q(
            "INSERT INTO files VALUES (?,?,?,?,?,?,?) ON CONFLICT (path) DO UPDATE SET size=excluded.size, "
            "mtime=excluded.mtime, digest=excluded.digest, n_articles=excluded.n_articles, "
            "n_problems=excluded.n_problems, done_at=excluded.done_at",
            (s.path, s.size, s.mtime, s.digest, s.n_articles, s.n_problems, time.time()),
        )

    def files_under(self, folder: str) -> list[str]:
        """Paths of the files read from inside `folder` (or the file `folder` itself)."""
        if folder == ".":  # the current folder: every relative path read from inside it
            rows = self._q(
                "SELECT path FROM files WHERE path NOT LIKE '/%' AND path NOT LIKE '../%' AND path != '<stdin>'"
            )
            return [r[0] for r in rows]
        prefix = folder.rstrip("/") + "/"
        rows = self._q(
            "SELECT path FROM files WHERE path = ? OR (path >= ? AND path < ?)",
            (folder, prefix, prefix[:-1] + "0"),  # '0' follows '/' in code point order
        )
        return [r[0] for r in rows]

    # -- articles ----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._q("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def add_article(self, article: Article) -> bool:
        a = article
        cols, vals, extra = self._article_extra(a.title, a.body)
        row = self._q(
            "INSERT INTO articles (id,title,body,captions,published,url,duplicate_of,story_id,date_hints,added_at,"
            f"language,relevance{cols}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?{vals}) "
            "ON CONFLICT (id) DO NOTHING RETURNING rowid",
            (
                a.id,
                a.title,
                a.body,
                json.dumps(a.captions, ensure_ascii=False),
                a.published,
                a.url,
                a.duplicate_of,
                a.story_id or a.id,
                json.dumps(a.date_hints, ensure_ascii=False),
                time.time(),
                a.language,
                relevance_text(a),
                *extra,
            ),
        ).fetchone()
        if row is not None:
            self._index_article(row[0], a.title, a.body)
        for s in a.sources:
            self.add_source(a.id, s)
        return row is not None

    def add_source(self, article_id: str, source: Source) -> bool:
        cur = self._q(
            "INSERT INTO sources (path, idx, article_id, url) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
            (source.path, source.index, article_id, source.url),
        )
        return cur.rowcount > 0

    def source_owner(self, source: Source) -> str | None:
        r = self._q(
            "SELECT article_id FROM sources WHERE path=? AND idx=?", (source.path, source.index)
        ).fetchone()
        return r[0] if r else None

    def _article(self, r: Sequence[Any]) -> Article:
        rows = self._q("SELECT path, idx, url FROM sources WHERE article_id=? ORDER BY rowid", (r[1],))
        return Article(
            id=r[1],
            title=r[2],
            body=r[3],
            captions=json.loads(r[4]),
            published=r[5],
            url=r[6],
            sources=[Source(s[0], s[1], s[2]) for s in rows],
            duplicate_of=r[7],
            story_id=r[8],
            date_hints=json.loads(r[9]),
            language=r[10],
            relevance=json.loads(r[11]) if r[11] else None,
        )

    _article_cols = ARTICLE_COLS  # an older read-only store: NULL for the columns it lacks

    def _articles(self, where: str, args: Sequence[Any] = ()) -> list[Article]:
        rows = self._q(f"SELECT {self._article_cols} FROM articles {where}", args).fetchall()
        return [self._article(r) for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        found = self._articles("WHERE id=?", (article_id,))
        return found[0] if found else None

    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is not None:
            for i in ids:
                a = self.get_article(i)
                if a:
                    yield a
            return
        last = 0
        while True:  # paged, so a large store streams in constant memory
            rows = self._q(
                f"SELECT {self._article_cols} FROM articles WHERE rowid>? ORDER BY rowid LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield self._article(r)
            last = rows[-1][0]

    def uncoded_articles(self, limit: int = 100) -> list[Article]:
        return self._articles("WHERE coded=0 ORDER BY rowid LIMIT ?", (int(limit),))

    def unjudged_articles(self, limit: int = 100) -> list[Article]:
        return self._articles("WHERE relevance IS NULL ORDER BY rowid LIMIT ?", (int(limit),))

    def mark_coded(self, article_ids: Iterable[str]) -> None:
        ids = list(article_ids)
        if ids:
            cond, args = self._in("id", ids)
            self._q(f"UPDATE articles SET coded=1 WHERE {cond}", args)

    def set_relevance(self, article_id: str, language: str | None, relevance: dict[str, Any] | None) -> None:
        self._q(
            "UPDATE articles SET language=?, relevance=? WHERE id=?",
            (language, json.dumps(relevance), article_id),
        )

    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        r = self._q("SELECT duplicate_of, story_id FROM articles WHERE id=?", (article_id,)).fetchone()
        return (r[0], r[1]) if r else (None, None)

    def relabel_story(self, old: str, new: str) -> None:
        self._q("UPDATE articles SET story_id=? WHERE story_id=?", (new, old))

    # -- near-duplicate index ----------------------------------------------------------------
    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None:
        self._q(
            "INSERT INTO signatures VALUES (?,?,?) ON CONFLICT (article_id) DO UPDATE SET "
            "n_shingles=excluded.n_shingles, minhash=excluded.minhash",
            (article_id, n_shingles, signature),
        )
        self._many("INSERT INTO bands VALUES (?,?)", [(b, article_id) for b in bands])

    def band_candidates(self, bands: list[int]) -> list[str]:
        if not bands:
            return []
        cond, args = self._in("band", list(bands))
        return [r[0] for r in self._q(f"SELECT DISTINCT article_id FROM bands WHERE {cond}", args)]

    def signature(self, article_id: str) -> tuple[int, bytes] | None:
        r = self._q("SELECT n_shingles, minhash FROM signatures WHERE article_id=?", (article_id,)).fetchone()
        return (r[0], bytes(r[1])) if r else None

    # -- events ------------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event]) -> int:
        evs = list(events)
        if not evs:
            return 0
        cond, args = self._in("id", [e.id for e in evs])
        stored = {r[0] for r in self._q(f"SELECT id FROM events WHERE {cond}", args)}
        new: list[Event] = []
        sources: list[tuple[str, str]] = []
        for ev in evs:
            if ev.id not in stored:
                stored.add(ev.id)
                new.append(ev)
            sources += [(ev.id, src) for src in ev.sources or [ev.article_id]]
        if new:
            cols, vals, _ = self._event_extra(new[0])
            self._many(
                f"INSERT INTO events ({','.join(EVENT_COLS)}{cols}) VALUES ({','.join('?' * len(EVENT_COLS))}{vals}) "
                "ON CONFLICT (id) DO NOTHING",
                [self._event_row(ev) for ev in new],
            )
            self._index_events(new)
        self._many(
            "INSERT INTO event_sources (event_id, article_id) VALUES (?,?) ON CONFLICT DO NOTHING", sources
        )
        return len(new)

    def _event_row(self, ev: Event) -> list[Any]:
        loc = ev.location
        names = " | ".join(f"{a.name} {a.text}" for a in ev.actors + ev.recipients)
        return [
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
            *self._event_extra(ev)[2],
        ]

    def add_event_source(self, event_id: str, article_id: str) -> bool:
        cur = self._q(
            "INSERT INTO event_sources (event_id, article_id) VALUES (?,?) ON CONFLICT DO NOTHING",
            (event_id, article_id),
        )
        return cur.rowcount > 0

    def _delete_events(self, ids: list[str]) -> None:
        """Events with their sources, merge keys and side index rows."""
        if not ids:
            return
        self._unindex_events(ids)
        for table, column in (("event_sources", "event_id"), ("merge_keys", "event_id"), ("events", "id")):
            cond, args = self._in(column, ids)
            self._q(f"DELETE FROM {table} WHERE {cond}", args)

    def remove_event(self, event_id: str) -> None:
        self._delete_events([event_id])

    def forget_file(self, path: str, keep: Iterable[str] = ()) -> int:
        """A file changed or went away: drop its sources, and articles left with no source.

        `keep`: ids of articles the new version of the file still holds (they get their source
        back in the same transaction), so an edit does not re-create its unchanged articles.
        What went with an article is made consistent again (issue 15): an event that loses any
        source is deleted and the articles still reporting it are marked for coding again (the
        next coding pass rebuilds it from them, as a fresh build would), and near-duplicate and
        story links to it are re-pointed to the earliest remaining member of the cluster.
        """
        ids = [r[0] for r in self._q("SELECT DISTINCT article_id FROM sources WHERE path=?", (path,))]
        self._q("DELETE FROM sources WHERE path=?", (path,))
        cond, args = self._in("a.id", [i for i in ids if i not in set(keep)])
        gone = [
            r[0]
            for r in self._q(
                f"SELECT a.id FROM articles a WHERE {cond} AND NOT EXISTS "
                "(SELECT 1 FROM sources s WHERE s.article_id = a.id) ORDER BY a.rowid",
                args,
            )
        ]
        if gone:
            in_gone, gone_args = self._in("article_id", gone)
            # every event these articles report, as first article or as another source
            events = [
                r[0]
                for r in self._q(
                    f"SELECT id FROM events WHERE {in_gone} UNION SELECT event_id FROM event_sources WHERE {in_gone}",
                    gone_args * 2,
                )
            ]
            in_events, event_args = self._in("event_id", events)
            survivors = {
                r[0] for r in self._q(f"SELECT article_id FROM event_sources WHERE {in_events}", event_args)
            } - set(gone)
            self._delete_events(events)
            self._unindex_articles(gone)
            for table in ("event_sources", "signatures", "bands"):
                self._q(f"DELETE FROM {table} WHERE {in_gone}", gone_args)
            self._q(f"DELETE FROM articles WHERE {self._in('id', gone)[0]}", gone_args)
            # the articles that still report those events: coded again, whole (with every article
            # they share an event with), so the events come back as a fresh build makes them
            self.reset_coding(sorted(survivors))
            for g in gone:  # the earliest member left takes the place of the one gone
                dups = [
                    r[0] for r in self._q("SELECT id FROM articles WHERE duplicate_of=? ORDER BY rowid", (g,))
                ]
                if dups:
                    self._q("UPDATE articles SET duplicate_of=NULL WHERE id=?", (dups[0],))
                    self._q("UPDATE articles SET duplicate_of=? WHERE duplicate_of=?", (dups[0], g))
                first = self._q(
                    "SELECT id FROM articles WHERE story_id=? ORDER BY rowid LIMIT 1", (g,)
                ).fetchone()
                if first:
                    self._q("UPDATE articles SET story_id=? WHERE story_id=?", (first[0], g))
        self._q("DELETE FROM files WHERE path=?", (path,))
        return len(gone)

    def reset_coding(self, article_ids: Iterable[str], published: str | None = None) -> list[str]:
        """Drop the events of these articles and mark them uncoded, so the next run codes them again
        (`eventdesk recode`). Articles that share an event with them (one event, several reports) are
        reset too, so merged events are rebuilt whole. `published` dates the given articles that have
        no publication date. Returns every article reset."""
        given = list(dict.fromkeys(article_ids))
        todo, seen, frontier = list(given), set(given), list(given)
        while frontier:
            c_es, a_es = self._in("article_id", frontier)
            c_e, a_e = self._in("e.article_id", frontier)
            rows = self._q(
                f"SELECT e.article_id FROM events e WHERE e.id IN (SELECT event_id FROM event_sources WHERE {c_es}) "
                f"UNION SELECT es.article_id FROM event_sources es JOIN events e ON e.id = es.event_id WHERE {c_e}",
                a_es + a_e,
            ).fetchall()
            frontier = sorted({r[0] for r in rows} - seen)
            seen.update(frontier)
            todo.extend(frontier)
        if todo:
            cond, args = self._in("article_id", todo)
            self._delete_events([r[0] for r in self._q(f"SELECT id FROM events WHERE {cond}", args)])
            self._q(f"DELETE FROM event_sources WHERE {cond}", args)
            self._q(f"UPDATE articles SET coded=0 WHERE {self._in('id', todo)[0]}", args)
        if published and given:
            cond, args = self._in("id", given)
            self._q(
                f"UPDATE articles SET published=? WHERE {cond} AND published IS NULL AND date_hints = '[]'",
                [published, *args],
            )
        return todo

    def _event(self, data: str) -> Event:
        ev = Event.from_dict(json.loads(data))
        rows = self._q("SELECT article_id FROM event_sources WHERE event_id=? ORDER BY rowid", (ev.id,))
        ev.sources = [r[0] for r in rows] or ev.sources
        return ev

    def add_merge_keys(self, event_id: str, keys: Iterable[str]) -> None:
        self._many("INSERT INTO merge_keys (key, event_id) VALUES (?,?)", [(k, event_id) for k in keys])

    def merge_candidates(self, keys: list[str], prefixes: list[str], limit: int) -> list[str]:
        parts, args = [], []
        if keys:
            cond, args = self._in("key", list(keys))
            parts.append(f"SELECT event_id, rowid AS r FROM merge_keys WHERE {cond}")
        for p in prefixes:  # a range over the key index: every key that starts with p
            parts.append("SELECT event_id, rowid AS r FROM merge_keys WHERE key >= ? AND key < ?")
            args += [p, p + "\uffff"]
        if not parts:
            return []
        rows = self._q(
            f"SELECT event_id, max(r) AS m FROM ({' UNION ALL '.join(parts)}) k GROUP BY event_id "
            "ORDER BY m DESC LIMIT ?",
            [*args, int(limit)],
        )
        return [r[0] for r in rows]

    def events_by_key(self, key: str) -> list[Event]:
        rows = self._q("SELECT data FROM events WHERE merge_key=? ORDER BY rowid", (key,)).fetchall()
        return [self._event(r[0]) for r in rows]

    def get_event(self, event_id: str) -> Event | None:
        r = self._q("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        return self._event(r[0]) if r else None

    def _where(self, flt: EventFilter | None) -> tuple[str, list[Any]]:
        return where_clause(flt, self.filters)

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        where, args = self._where(flt)
        q = f"SELECT e.data FROM events e{where} ORDER BY {self.ORDER_ASC}"
        if flt and flt.limit is not None:
            q += " LIMIT ? OFFSET ?"
            args = args + [int(flt.limit), int(flt.offset)]
        for r in self._q(q, args).fetchall():
            yield self._event(r[0])

    def count_events(self, flt: EventFilter | None = None) -> int:
        where, args = self._where(flt)
        return int(self._q(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._search_rows(query, limit, 0, ("[", "]"), 16)
        return [{"id": r[0], "title": r[1], "published": r[2], "snippet": r[3], "score": r[4]} for r in rows]

    def search_marked(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._search_rows(query, limit, offset, ("\x02", "\x03"), 24)
        return [
            {
                "id": r[0],
                "title": r[1],
                "published": r[2],
                "snippet": snippet_parts(r[3] or ""),
                "score": r[4],
            }
            for r in rows
        ]

    # -- problems and runs -------------------------------------------------------------------
    def add_problem(self, problem: Problem, run_id: int | None = None) -> None:
        self._q(
            "INSERT INTO problems (run_id, path, idx, reason) VALUES (?,?,?,?)",
            (run_id, problem.path, problem.index, problem.reason),
        )

    def problems(self, run_id: int | None = None) -> list[Problem]:
        where, args = ("", ()) if run_id is None else ("WHERE run_id=? ", (run_id,))
        rows = self._q(f"SELECT path, idx, reason FROM problems {where}ORDER BY rowid", args)
        return [Problem(r[0], r[2], r[1]) for r in rows]

    def start_run(self, args: dict[str, Any]) -> int:
        r = self._q(
            "INSERT INTO runs (started, args) VALUES (?,?) RETURNING id",
            (time.time(), json.dumps(args, default=str)),
        ).fetchone()
        return int(r[0])

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        self._q("UPDATE runs SET finished=?, counts=? WHERE id=?", (time.time(), json.dumps(counts), run_id))

    def stats(self) -> dict[str, Any]:
        one = lambda q: self._q(q).fetchone()[0]  # noqa: E731
        rows = self._q(
            "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY count(*) DESC, event_type"
        )
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
            "events_by_type": {r[0]: r[1] for r in rows},
            "problems": one("SELECT count(*) FROM problems"),
            "first_date": one("SELECT min(date) FROM events"),
            "last_date": one("SELECT max(date) FROM events"),
        }

    def close(self) -> None:
        self.conn.close()

    # -- dashboard queries (issue 5): aggregates in SQL, never 100k rows in Python --------------
    def _where_and(self, flt: EventFilter | None, *extra: str) -> tuple[str, list[Any]]:
        """`_where` plus conditions; the country filter through the engine's index of every event's
        countries (same meaning: the place's or an actor's country) instead of a LIKE over the JSON."""
        conds, more = list(extra), []
        country = self._country(flt.country.upper()) if flt is not None and flt.country else None
        if flt is not None and country is not None:
            conds.append(country[0])
            more += country[1]
            flt = EventFilter(**{**vars(flt), "country": None})
        where, args = self._where(flt)
        conds = ([where[len(" WHERE ") :]] if where else []) + conds
        return ((" WHERE " + " AND ".join(conds)) if conds else ""), args + more

    def event_page(
        self, flt: EventFilter | None, limit: int, offset: int = 0, newest_first: bool = False
    ) -> tuple[int, list[Event]]:
        """(total matching, one page of events): the dashboard's list, newest first if asked."""
        where, args = self._where_and(flt)
        total = int(self._q(f"SELECT count(*) FROM events e{self._scan(flt)}{where}", args).fetchone()[0])
        order = self.ORDER_DESC if newest_first else self.ORDER_ASC
        rows = self._q(
            f"SELECT e.data FROM events e{where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, int(limit), int(offset)],
        ).fetchall()
        return total, [self._event(r[0]) for r in rows]

    def event_counts(self, flt: EventFilter | None = None, interval: str = "day") -> list[dict[str, Any]]:
        # Dates are stored at their precision ("2025", "2025-06", "2025-06-03"): coarser dates go to
        # the first day of their period, so the counts add up to the filtered total.
        day = (
            "CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' "
            "ELSE substr(e.date, 1, 10) END"
        )
        period = {
            "day": day,
            "week": day,
            "month": "substr(e.date, 1, 7)",
            "year": "substr(e.date, 1, 4)",
        }.get(interval)
        if period is None:
            raise ValueError(f"unknown interval {interval!r}: day, week, month or year")
        where, args = self._where_and(flt, "e.date IS NOT NULL")
        q = f"SELECT {period} AS p, e.event_type, count(*) AS n FROM events e{self._scan(flt)}{where} GROUP BY p, e.event_type"
        if interval == "week":  # the Monday of its week, once per distinct day (not per event)
            q = f"SELECT {self._monday('d.p')} AS p, d.event_type, CAST(sum(d.n) AS BIGINT) AS n FROM ({q}) d GROUP BY 1, 2"
        rows = self._q(f"SELECT * FROM ({q}) c ORDER BY c.p, c.event_type", args)
        return [{"period": r[0], "event_type": r[1], "count": r[2]} for r in rows if r[0]]

    def map_cells(self, flt: EventFilter | None, cell: float) -> list[dict[str, Any]]:
        cell = float(cell)
        if not cell > 0:
            raise ValueError("cell size must be > 0 degrees")
        where, args = self._where_and(flt, "e.lat IS NOT NULL", "e.lon IS NOT NULL")
        rows = self._q(
            f"SELECT {self._trunc('(e.lon + 180.0) / ?')} AS gx, {self._trunc('(e.lat + 90.0) / ?')} AS gy, "
            f"e.event_type, count(*), sum(e.lat), sum(e.lon) FROM events e{self._scan(flt)}{where} "
            "GROUP BY gx, gy, e.event_type ORDER BY gx, gy, e.event_type",
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
            f"SELECT e.id, e.lat, e.lon, e.event_type, e.date, e.place FROM events e{where} ORDER BY e.rowid LIMIT ?",
            [*args, int(limit)],
        )
        keys = ("id", "lat", "lon", "event_type", "date", "place")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        where, args = self._where_and(flt)
        sub = f" WHERE g.rid IN (SELECT e.rowid FROM events e{self._scan(flt)}{where})" if where else ""
        rows = self._q(
            f"SELECT g.source, g.target, count(*) AS n FROM event_edges g{sub} "
            "GROUP BY g.source, g.target ORDER BY n DESC, g.source, g.target LIMIT ?",
            [*args, int(limit)],
        )
        return [{"source": r[0], "target": r[1], "count": r[2]} for r in rows]

    def facet_counts(self, flt: EventFilter | None, column: str, limit: int = 100) -> list[tuple[str, int]]:
        if column not in FACETS:  # a column name can't be a parameter: allow-list it
            raise ValueError(f"no facet {column!r}: one of {', '.join(FACETS)}")
        where, args = self._where_and(flt, f"e.{column} IS NOT NULL")
        rows = self._q(
            f"SELECT e.{column}, count(*) AS n FROM events e{self._scan(flt, always=True)}{where} "
            f"GROUP BY e.{column} ORDER BY n DESC, e.{column} LIMIT ?",
            [*args, int(limit)],
        )
        return [(r[0], r[1]) for r in rows]

    def related_articles(self, article_id: str) -> list[dict[str, Any]]:
        me = self._q("SELECT duplicate_of, story_id FROM articles WHERE id=?", (article_id,)).fetchone()
        if me is None:
            return []
        rows = self._q(
            "SELECT id, title, published, duplicate_of, story_id FROM articles "
            "WHERE id != ? AND (duplicate_of = ? OR id = ? OR story_id = ?) ORDER BY rowid",
            (article_id, article_id, me[0] or "", me[1] or article_id),
        )
        return related_rows(rows, article_id, me[0])

    # -- store check (issue 7) ---------------------------------------------------------------
    def _invariants(self, extra: Iterable[tuple[str, str, str, str]] = ()) -> list[CheckResult]:
        """eventdesk's own rules (schema.CHECKS), one result each; `extra`: the engine's own
        (name, count, examples, fix) rules."""
        rules = [(name, f"SELECT count(*) FROM ({sql}) x", sql, fix) for name, sql, fix in CHECKS]
        out = []
        for name, count_sql, examples_sql, fix in [*rules, *extra]:
            try:
                n = int(self._q(count_sql).fetchone()[0])
                ex = [" ".join(map(str, r)) for r in self._q(examples_sql + " LIMIT 5")] if n else []
            except self.Error as e:  # a table missing or unreadable
                n, ex = 1, [str(e).strip()]
            out.append(CheckResult(name, n == 0, n, ex, fix))
        return out
