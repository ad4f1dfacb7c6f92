"""The one interface every store implements (SQLite by default, PostgreSQL for teams).

Stages never talk SQL: they hand records to a `Store` and read records back. A write session is
`with store.transaction(): ...`; everything inside commits together or not at all, which is what
makes a killed run safe to re-run.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from eventdesk.records import Article, Event, Problem, Source


@dataclass
class FileState:
    """What the store remembers of an input file, so a re-run skips files already done."""

    path: str
    size: int
    mtime: float
    digest: str
    n_articles: int = 0
    n_problems: int = 0


@dataclass
class EventFilter:
    """Filters shared by the CLI, the Python API and the dashboard API."""

    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    actor: str | None = None  # substring of any actor or recipient name/text
    country: str | None = None  # ISO alpha-3 of the location or of an actor
    place: str | None = None  # substring of the location name
    date_from: str | None = None
    date_to: str | None = None
    include_undated: bool = False  # with date_from/date_to: events without a date match too
    undated: bool = False  # only events without a date
    date_span: str | None = None  # "day": dated to a day; "coarse": dated only to a month or a year
    modalities: list[str] = field(default_factory=list)
    min_confidence: float | None = None
    text: str | None = None  # full-text query over the evidence sentence
    article_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    limit: int | None = None
    offset: int = 0


@dataclass
class CheckResult:
    """One rule of `Store.check()`: does it hold, how many rows break it, a few of them, what to do."""

    name: str
    ok: bool
    count: int = 0
    examples: list[str] = field(default_factory=list)
    fix: str = ""


class QueryInterrupted(RuntimeError):
    """A query stopped by `Store.query_budget`: its time was up or its caller went away. The same
    error from every backend (SQLite: its progress handler; PostgreSQL: statement_timeout)."""

    def __init__(self, seconds: float | None = None) -> None:
        super().__init__(
            f"query interrupted: longer than its budget of {seconds:g} s" if seconds else "query interrupted"
        )
        self.seconds = seconds


def relevance_text(article: Article) -> str | None:
    """The stored form of an article's relevance: JSON; 'null' when judged but unreadable (a
    language the model does not read); NULL (None) when not judged yet."""
    if article.relevance is None and article.language is None:
        return None
    return json.dumps(article.relevance)


def like_escape(s: str) -> str:
    """A user string as a literal inside a LIKE pattern (escape character: backslash)."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class FilterDialect(ABC):
    """How one SQL engine spells the pieces of an event filter; `where_clause` assembles them."""

    @abstractmethod
    def any_of(self, column: str, values: list[Any]) -> tuple[str, list[Any]]: ...

    @abstractmethod
    def contains(self, column: str, text: str) -> tuple[str, list[Any]]:
        """Case-insensitive substring match, the text taken literally."""

    @abstractmethod
    def text_match(self, text: str) -> tuple[str, list[Any]] | None:
        """Full-text match of the evidence sentence; None when the text has no searchable word."""

    @abstractmethod
    def in_box(self, west: float, south: float, east: float, north: float) -> tuple[str, list[Any]]: ...

    p = "?"  # the placeholder


def where_clause(flt: EventFilter | None, d: FilterDialect) -> tuple[str, list[Any]]:
    """ " WHERE ..." and its arguments for a filter over `events e`; every value is a parameter."""
    if flt is None:
        return "", []
    conds: list[str] = []
    args: list[Any] = []

    def add(part: tuple[str, list[Any]] | None) -> None:
        if part is not None:
            conds.append(part[0])
            args.extend(part[1])

    if flt.types:
        add(d.any_of("e.event_type", [t.upper() for t in flt.types]))
    if flt.modes:
        add(d.any_of("e.mode", list(flt.modes)))
    if flt.modalities:
        add(d.any_of("e.modality", list(flt.modalities)))
    if flt.actor:
        add(d.contains("e.actor_names", flt.actor))
    if flt.country:
        # the place's country, or an actor's: the value as json.dumps wrote it into `data`
        like = '%"country": ' + like_escape(json.dumps(flt.country.upper(), ensure_ascii=False)) + "%"
        add((f"(e.country = {d.p} OR e.data LIKE {d.p} ESCAPE '\\')", [flt.country.upper(), like]))
    if flt.place:
        add(d.contains("e.place", flt.place))
    dated: list[str] = []
    dated_args: list[Any] = []
    if flt.date_from:
        dated.append(f"e.date >= {d.p}")
        dated_args.append(flt.date_from)
    if flt.date_to:
        dated.append(f"e.date <= {d.p}")
        dated_args.append(flt.date_to + "\uffff")  # "2025-06" includes every day of June
    if dated and flt.include_undated:
        add((f"(e.date IS NULL OR ({' AND '.join(dated)}))", dated_args))
    elif dated:
        add((" AND ".join(dated), dated_args))
    if flt.undated:
        add(("e.date IS NULL", []))
    if flt.date_span == "day":
        add(("length(e.date) >= 10", []))
    elif flt.date_span == "coarse":
        add(("length(e.date) < 10", []))
    if flt.min_confidence is not None:
        add((f"e.confidence >= {d.p}", [float(flt.min_confidence)]))
    if flt.article_id:
        add(
            (
                f"(e.article_id = {d.p} OR e.id IN (SELECT event_id FROM event_sources WHERE article_id = {d.p}))",
                [flt.article_id, flt.article_id],
            )
        )
    if flt.text:
        add(d.text_match(flt.text))
    if flt.bbox:
        add(d.in_box(*flt.bbox))
    return (" WHERE " + " AND ".join(conds)) if conds else "", args


def related_rows(rows: Iterable[tuple], article_id: str, duplicate_of: str | None) -> list[dict[str, Any]]:
    """(id, title, published, duplicate_of, story_id) rows of an article's kin, labelled by relation."""
    out = []
    for r in rows:
        if r[3] == article_id:
            rel = "near-duplicate"
        elif r[0] == duplicate_of:
            rel = "original"
        else:
            rel = "same story"
        out.append({"id": r[0], "title": r[1], "published": r[2], "relation": rel})
    return out


class Store(ABC):
    """Articles, their sources, story clusters, dedup signatures and events."""

    url: str

    # -- writing -------------------------------------------------------------------------
    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together; an exception (or a kill) rolls them back."""

    @abstractmethod
    def file_state(self, path: str) -> FileState | None: ...

    @abstractmethod
    def mark_file(self, state: FileState) -> None: ...

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def add_article(self, article: Article) -> bool:
        """Insert a new article with its sources; False (and sources merged) if the id exists."""

    @abstractmethod
    def add_source(self, article_id: str, source: Source) -> bool:
        """Record another place an article was read from; False if already known."""

    @abstractmethod
    def source_owner(self, source: Source) -> str | None:
        """The id of the article stored for (path, index), if any."""

    @abstractmethod
    def uncoded_articles(self, limit: int = 100) -> list[Article]:
        """Articles whose events have not been extracted yet, oldest first."""

    def unjudged_articles(self, limit: int = 100) -> list[Article]:
        """Articles never given a language / relevance judgement (eventdesk.relevance), oldest first."""
        return []

    def set_relevance(self, article_id: str, language: str | None, relevance: dict[str, Any] | None) -> None:
        """Store an article's language and relevance (relevance None: judged, but not readable)."""
        raise NotImplementedError(f"{type(self).__name__} cannot store relevance")

    @abstractmethod
    def mark_coded(self, article_ids: Iterable[str]) -> None: ...

    # Near-duplicate index: MinHash signatures and their LSH band keys live in the store, so
    # memory stays flat however many articles there are, and a re-run sees earlier articles.
    @abstractmethod
    def add_signature(self, article_id: str, n_shingles: int, signature: bytes, bands: list[int]) -> None: ...

    @abstractmethod
    def band_candidates(self, bands: list[int]) -> list[str]: ...

    @abstractmethod
    def signature(self, article_id: str) -> tuple[int, bytes] | None: ...

    @abstractmethod
    def article_cluster(self, article_id: str) -> tuple[str | None, str | None]:
        """(duplicate_of, story_id) of a stored article."""

    @abstractmethod
    def add_events(self, events: Iterable[Event]) -> int:
        """Insert events; an event whose id exists gets the new sources merged. Returns new count."""

    @abstractmethod
    def add_event_source(self, event_id: str, article_id: str) -> bool:
        """Another article reports a stored event (event-level dedup)."""

    @abstractmethod
    def forget_file(self, path: str, keep: Iterable[str] = ()) -> int:
        """Drop what was read from a file that has since changed or gone; returns articles removed.

        Articles in `keep` (the new version of the file still holds them) stay. Events that lose a
        source are deleted and the articles still reporting them marked for coding again; links
        of near-duplicates and story members to a removed article are re-pointed (issue 15)."""

    def files_under(self, folder: str) -> list[str]:
        """Paths of the files read from inside `folder` (or the file itself): finds deleted inputs."""
        return []

    # Event merge index (issue 13): keys of each merged event's reports (merge.keys), so candidates
    # for a new event are found by index lookups, never by scanning the events.
    @abstractmethod
    def add_merge_keys(self, event_id: str, keys: Iterable[str]) -> None: ...

    @abstractmethod
    def merge_candidates(self, keys: list[str], prefixes: list[str], limit: int) -> list[str]:
        """Ids of stored events holding any of `keys` or a key starting with one of `prefixes`,
        at most `limit` (the most recently stored first)."""

    @abstractmethod
    def remove_event(self, event_id: str) -> None:
        """Drop an event folded into another (its sources move with the merged event)."""

    @abstractmethod
    def relabel_story(self, old: str, new: str) -> None:
        """Every article of story `old` joins story `new`."""

    def reset_coding(self, article_ids: Iterable[str], published: str | None = None) -> list[str]:
        """Drop the events of these articles (and of articles sharing an event with them) and mark
        them uncoded; `published` dates the given articles that have none. Returns the ids reset."""
        raise NotImplementedError

    @abstractmethod
    def events_by_key(self, key: str) -> list[Event]:
        """Stored events with this merge key (event-level dedup across articles)."""

    @abstractmethod
    def add_problem(self, problem: Problem, run_id: int | None = None) -> None: ...

    @abstractmethod
    def start_run(self, args: dict[str, Any]) -> int: ...

    @abstractmethod
    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None: ...

    # -- reading -------------------------------------------------------------------------
    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def iter_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]: ...

    @abstractmethod
    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]: ...

    @abstractmethod
    def count_events(self, flt: EventFilter | None = None) -> int: ...

    @abstractmethod
    def get_event(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over articles: [{id, title, snippet, score}], best first."""

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    @abstractmethod
    def problems(self, run_id: int | None = None) -> list[Problem]: ...

    @abstractmethod
    def close(self) -> None: ...

    # -- dashboard queries (issue 5: aggregates computed in the store, never 100k rows in Python) --
    @abstractmethod
    def event_counts(self, flt: EventFilter | None = None, interval: str = "day") -> list[dict[str, Any]]:
        """Timeline: [{period, event_type, count}] for dated events; interval day|week|month|year."""

    @abstractmethod
    def map_cells(self, flt: EventFilter | None, cell: float) -> list[dict[str, Any]]:
        """Located events binned on a lat/lon grid of `cell` degrees:
        [{lat, lon (mean of the events), count, types: {event_type: count}}]."""

    @abstractmethod
    def map_points(self, flt: EventFilter | None, limit: int) -> list[dict[str, Any]]:
        """Located events as light rows: [{id, lat, lon, event_type, date, place, precision}]."""

    @abstractmethod
    def actor_edges(self, flt: EventFilter | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Who acts on whom: [{source, target, count}] (actor name -> recipient name), heaviest first."""

    @abstractmethod
    def facet_counts(self, flt: EventFilter | None, column: str, limit: int = 100) -> list[tuple[str, int]]:
        """Counts of events per value of one indexed column (event_type, mode, modality, country)."""

    @abstractmethod
    def related_articles(self, article_id: str) -> list[dict[str, Any]]:
        """Near-duplicates and story siblings of an article: [{id, title, published, relation}]."""

    def event_page(
        self, flt: EventFilter | None, limit: int, offset: int = 0, newest_first: bool = False
    ) -> tuple[int, list[Event]]:
        """(total matching the filter, one page of events), oldest first or newest first.

        This default reads the ascending order from its end (undated events then come first);
        SQLite overrides it with a query in date order.
        """
        from dataclasses import replace

        flt = flt or EventFilter()
        total = self.count_events(flt)
        if not newest_first:
            return total, list(self.iter_events(replace(flt, limit=limit, offset=offset)))
        start = max(0, total - offset - limit)
        n = max(0, min(limit, total - offset))
        return total, list(self.iter_events(replace(flt, limit=n, offset=start)))[::-1]

    @abstractmethod
    def search_marked(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Like `search`, with the snippet as [[text, is_hit], ...] parts (no markup to confuse with text)."""

    def query_budget(
        self, seconds: float | None, cancelled: Callable[[], bool] | None = None
    ) -> AbstractContextManager[None]:
        """Queries inside stop with QueryInterrupted after `seconds` or once `cancelled()` is true.
        Stores that cannot interrupt a query run it unbounded."""
        return nullcontext()

    def missing_schema(self) -> set[str]:
        """Tables, indexes and columns of the current schema this store lacks (written by an older
        version): `open_store(url, readonly=True, upgrade=True)` adds them when it can."""
        return set()

    def read_only_reason(self) -> str | None:
        """Why a run could not write to this store although it reads fine (a read-only file, folder
        or disk), as a message saying what to do; None when nothing stops a write. `eventdesk check`
        tells such a store from a damaged one (issue 15)."""
        return None

    # -- store check (issue 7) --------------------------------------------------------------
    def check(self) -> list[CheckResult]:
        """Verify the store: the engine's own integrity check plus eventdesk's invariants (every event's
        article exists, every article has a source, search and map indexes match, ...). One result per
        rule; all `ok` in a sound store. Not abstract, so stores without it still open."""
        raise NotImplementedError(f"{type(self).__name__} has no check yet")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
