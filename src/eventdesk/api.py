"""The Python API: `db = eventdesk.open("eventdesk.db")`, then `db.events(...)`, `db.articles()`,
`db.search("words")`, each a list of records with `.to_pandas()`.

    import eventdesk
    db = eventdesk.open("eventdesk.db")
    df = db.events(type="ASSAULT", country="SDN", since="2025-01").to_pandas()
    for hit in db.search("refinery fire"):
        print(hit.title, hit.text)

The CLI (`eventdesk events`, `eventdesk search`) and the dashboard's JSON API use the same
`make_filter`, so one filter means the same thing everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from eventdesk.records import MODALITIES, Article, Event
from eventdesk.store.base import EventFilter, Store

T = TypeVar("T")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _list(v: str | Iterable[str] | None) -> list[str]:
    """'A,B' or ['A', 'B'] or None -> ['A', 'B']."""
    if v is None:
        return []
    items = v.split(",") if isinstance(v, str) else [x for s in v for x in str(s).split(",")]
    return [x.strip() for x in items if x and x.strip()]


def _text(v: str | None) -> str | None:
    """A user string as a filter value: NUL removed (SQLite's C API would cut the string there)."""
    v = (v or "").replace("\x00", "").strip()
    return v or None


class FilterError(ValueError):
    """A filter value that is not valid; `field` names the filter (`since`, `type`...), so each
    front end can name its own option (`--from` on the command line)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def check_date(v: str | None, name: str) -> str | None:
    """A date filter as given (YYYY, YYYY-MM or YYYY-MM-DD, a real date), None when empty; else a
    FilterError naming the filter `name`."""
    if v is None or v == "":
        return None
    v = str(v).strip()
    if not _DATE.match(v) or not _real_date(v):
        raise FilterError(
            name, f"{v!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-03 or 2025-03-14)"
        )
    return v


def _real_date(v: str) -> bool:
    """2025-02-30 or 2025-13 match the pattern but are no date."""
    from datetime import date

    parts = [int(x) for x in v.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def event_types() -> list[str]:
    """The PLOVER event types, in the ontology's order."""
    from eventdesk.code.ontology import plover

    return list(plover()["types"])


def _country(v: str | None) -> str | None:
    """ISO 3166-1 alpha-3 code, or an English country name ("Sudan") turned into one."""
    v = _text(v)
    if v is None:
        return None
    from eventdesk.export.acled import countries as country_table

    countries = country_table()
    if v.upper() in countries:
        return v.upper()
    by_name = {c["name"].lower(): code for code, c in countries.items()}
    if v.lower() in by_name:
        return by_name[v.lower()]
    near = sorted(code for code, c in countries.items() if v.lower() in c["name"].lower())[:8]
    hint = (
        f" (did you mean {', '.join(near)}?)" if near else " (ISO alpha-3 such as SDN, IRQ, UKR, or a name)"
    )
    raise FilterError("country", f"{v!r} is not a country code{hint}")


def make_filter(
    type: str | Iterable[str] | None = None,  # noqa: A002 - the word users know
    mode: str | Iterable[str] | None = None,
    actor: str | None = None,
    country: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    modality: str | Iterable[str] | None = None,
    min_confidence: float | None = None,
    text: str | None = None,
    article: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    limit: int | None = None,
    offset: int = 0,
    include_undated: bool = False,
) -> EventFilter:
    """One filter for the CLI, the Python API and the dashboard. Raises ValueError on bad values.

    `type`, `mode`, `modality` take one value, a comma-separated string or a list; `since`/`until`
    are inclusive ISO dates at any precision ("2025", "2025-06", "2025-06-03"); `actor` and
    `place` match substrings (case-insensitive); `country` is ISO 3166-1 alpha-3 of the place or
    of an actor (or a country name); `text` is a full-text query over the evidence sentence;
    `include_undated` lets events without a date pass the date filters. Unknown types, modes,
    modalities, countries and impossible dates raise `FilterError` naming the valid values.
    """
    modalities = [m.lower() for m in _list(modality)]
    bad = [m for m in modalities if m not in MODALITIES]
    if bad:
        raise FilterError("modality", f"{', '.join(bad)} unknown (one of {', '.join(MODALITIES)})")
    types = [t.upper() for t in _list(type)]
    known = event_types()
    bad = [t for t in types if t not in known]
    if bad:
        raise FilterError("type", f"{', '.join(bad)} unknown (one of {', '.join(known)})")
    if min_confidence is not None:
        min_confidence = float(min_confidence)
        if not 0.0 <= min_confidence <= 1.0:
            raise FilterError("min_confidence", "must be between 0 and 1")
    if limit is not None and int(limit) < 0:
        raise FilterError("limit", "must be >= 0")
    if int(offset) < 0:
        raise FilterError("offset", "must be >= 0")
    if bbox is not None:
        w, s, e, n = (float(x) for x in bbox)
        bbox = (w, s, e, n)
    return EventFilter(
        types=types,
        modes=_list(mode),
        actor=_text(actor),
        country=_country(country),
        place=_text(place),
        date_from=check_date(since, "since"),
        date_to=check_date(until, "until"),
        modalities=modalities,
        min_confidence=min_confidence,
        text=_text(text),
        article_id=article or None,
        bbox=bbox,
        limit=None if limit is None else int(limit),
        offset=int(offset),
        include_undated=bool(include_undated),
    )


@dataclass
class SearchHit:
    """One article found by `search`: `snippet` is a list of (text, is_match) parts."""

    id: str
    title: str
    published: str | None
    score: float
    snippet: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The snippet as plain text, matches in [brackets]."""
        return "".join(f"[{t}]" if hit else t for t, hit in self.snippet)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "score": self.score,
            "snippet": [[t, h] for t, h in self.snippet],
        }


class Records(list, Generic[T]):
    """A plain list of records that also turns into a pandas DataFrame."""

    def __init__(self, items: Iterable[T] = (), kind: str = "events") -> None:
        super().__init__(items)
        self.kind = kind

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]  # type: ignore[attr-defined]

    def to_pandas(self, nested: bool = False) -> Any:
        """A DataFrame, one row per record.

        Events, default: the flat columns of `EVENT_COLUMNS` (docs/SCHEMA.md "Python"): the first
        actor and recipient as actor1 / actor2 with their country and sector, the others in
        assoc_actor_1 / assoc_actor_2, as in ACLED data; the place as location / latitude /
        longitude. `nested=True`: the SCHEMA.md fields as they are (actors as lists of dicts).
        """
        import pandas as pd

        from eventdesk.export import flat_article

        rows = self.to_dicts()
        if not nested and self.kind in ("events", "articles"):
            flat = analysis_event if self.kind == "events" else flat_article
            rows = [flat(r) for r in rows]
        df = pd.DataFrame(rows, columns=_COLUMNS[(self.kind, nested)] if not rows else None)
        if self.kind == "events" and not nested and len(df):
            df["date"] = df["date"].astype("string")
        return df


def _names(actors: list[dict[str, Any]]) -> str | None:
    return "; ".join(a["name"] for a in actors) or None


def analysis_event(d: dict[str, Any]) -> dict[str, Any]:
    """An event dict (SCHEMA.md) as one flat row with ACLED-style actor columns (EVENT_COLUMNS)."""
    loc = d.get("location") or {}
    a, r = d.get("actors") or [], d.get("recipients") or []
    a1, a2 = (a[0] if a else {}), (r[0] if r else {})
    return {
        "id": d["id"],
        "date": d["date"],
        "date_precision": d["date_precision"],
        "event_type": d["event_type"],
        "mode": d["mode"],
        "modality": d["modality"],
        "acled_event_type": d["acled_event_type"],
        "acled_sub_event_type": d["acled_sub_event_type"],
        "actor1": a1.get("name"),
        "actor1_country": a1.get("country"),
        "actor1_sector": a1.get("sector"),
        "assoc_actor_1": _names(a[1:]),
        "actor2": a2.get("name"),
        "actor2_country": a2.get("country"),
        "actor2_sector": a2.get("sector"),
        "assoc_actor_2": _names(r[1:]),
        "location": loc.get("name"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "fatalities": d["fatalities"],
        "confidence": d["confidence"],
        "cameo_root": d["cameo_root"],
        "goldstein": d["goldstein"],
        "contexts": ";".join(d["contexts"]),
        "evidence": d["evidence"]["sentence"],
        "article_id": d["article_id"],
        "sources": ";".join(d["sources"]),
        "n_sources": len(d["sources"]) or 1,
    }


def _columns(kind: str, nested: bool) -> list[str]:
    from eventdesk.export import flat_article
    from eventdesk.records import Evidence

    if kind == "events":
        d = Event(article_id="", event_type="", evidence=Evidence("", 0, 0)).to_dict()
        return list(analysis_event(d) if not nested else d)
    if kind == "articles":
        d = Article(title="", body="").to_dict()
        return list(flat_article(d) if not nested else d)
    return ["id", "title", "published", "score", "snippet"]


class _Cols(dict):
    def __missing__(self, key: tuple[str, bool]) -> list[str]:
        self[key] = _columns(*key)
        return self[key]


_COLUMNS = _Cols()  # column names of an empty result, so an empty DataFrame still has them


def event_columns() -> list[str]:
    """The flat columns of `db.events(...).to_pandas()`, in order."""
    return list(_COLUMNS[("events", False)])


class EventDB:
    """A store opened for questions. Methods return `Records` (lists with `.to_pandas()`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- events --------------------------------------------------------------------------
    def events(
        self,
        type: str | Iterable[str] | None = None,
        *,
        limit: int | None = None,  # noqa: A002
        **filters: Any,
    ) -> Records[Event]:
        """Events matching the filters (see `make_filter`), oldest first."""
        flt = make_filter(type=type, limit=limit, **filters)
        return Records(self.store.iter_events(flt), kind="events")

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """Like `events`, streamed (constant memory on a large store)."""
        return self.store.iter_events(make_filter(**filters))

    def count(self, **filters: Any) -> int:
        return self.store.count_events(make_filter(**filters))

    def event(self, event_id: str) -> Event | None:
        return self.store.get_event(event_id)

    def timeline(self, interval: str = "day", **filters: Any) -> Any:
        """Event counts per period and type as a DataFrame (period, event_type, count)."""
        import pandas as pd

        rows = self.store.event_counts(make_filter(**filters), interval=interval)
        return pd.DataFrame(rows, columns=["period", "event_type", "count"])

    def actor_network(self, limit: int = 200, **filters: Any) -> Any:
        """Edges actor -> recipient weighted by number of events, as a DataFrame."""
        import pandas as pd

        rows = self.store.actor_edges(make_filter(**filters), limit=limit)
        return pd.DataFrame(rows, columns=["source", "target", "count"])

    # -- articles ------------------------------------------------------------------------
    def articles(self, ids: Iterable[str] | None = None, *, limit: int | None = None) -> Records[Article]:
        """Articles (all, or those with these ids), in the order they were stored."""
        out: list[Article] = []
        for a in self.store.iter_articles(list(ids) if ids is not None else None):
            if limit is not None and len(out) >= limit:
                break
            out.append(a)
        return Records(out, kind="articles")

    def article(self, article_id: str) -> Article | None:
        return self.store.get_article(article_id)

    def related(self, article_id: str) -> list[dict[str, Any]]:
        """Near-duplicates, originals and story siblings of an article."""
        return self.store.related_articles(article_id)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> Records[SearchHit]:
        """Full-text search over article titles and bodies, best first."""
        hits = self.store.search_marked(query, limit=limit, offset=offset)
        return Records(
            (
                SearchHit(
                    h["id"], h["title"], h["published"], h["score"], [(t, bool(m)) for t, m in h["snippet"]]
                )
                for h in hits
            ),
            kind="search",
        )

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # -- lifetime ------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EventDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<eventdesk {self.store.url}>"


def open_db(db: str = "eventdesk.db", readonly: bool = True) -> EventDB:
    """Open a store for questions (read-only unless asked: a dashboard next to a running ingest)."""
    from eventdesk.store import open_store

    return EventDB(open_store(db, readonly=readonly))
