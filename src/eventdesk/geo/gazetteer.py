"""Read access to the compiled gazetteer (see build.py): candidates by name key, places by id."""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdesk.geo import build as _build
from eventdesk.geo.normalize import key

_TYPE_RANK = {"p": 3, "a": 2, "d": 2, "u": 2, "w": 1}


@dataclass(slots=True, frozen=True)
class Entry:
    """One gazetteer place. `kind`: country, adm1, adm2, city, cont, region, site."""

    id: int
    gid: int | None
    name: str
    lat: float
    lon: float
    cc: str | None
    adm1: int | None
    adm2: int | None
    kind: str
    feature: str
    pop: int


@dataclass(slots=True, frozen=True)
class Candidate:
    entry: Entry
    type: (
        str  # how the name matched: p primary, a alias, d demonym, u capitals-only abbreviation, w alternate
    )


class Gazetteer:
    """Thread-safe reader; lookups are cached, so a name costs one indexed query per process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._entries: dict[int, Entry] = {}
        self._seats: dict[tuple[int, str], Entry | None] = {}
        con = self._con()
        self.meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
        self.countries: dict[str, Entry] = {}
        for row in con.execute("SELECT * FROM places WHERE kind = 'country'"):
            e = Entry(*row)
            self._entries[e.id] = e
            self.countries[e.cc or ""] = e
        self.alpha3: dict[str, str] = dict(con.execute("SELECT a2, a3 FROM alpha3").fetchall())
        self.us_abbr: dict[str, int] = dict(con.execute("SELECT abbr, pid FROM us_abbr").fetchall())

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, k: str) -> tuple[Candidate, ...]:
        """Places whose name (any spelling) has this key; one candidate per place, strongest match type."""
        got = self._cache.get(k)
        if got is not None:
            return got
        rows = (
            self._con()
            .execute("SELECT p.*, n.type FROM names n JOIN places p ON p.id = n.pid WHERE n.key = ?", (k,))
            .fetchall()
        )
        best: dict[int, Candidate] = {}
        for r in rows:
            e = self._entries.get(r[0]) or Entry(*r[:11])
            self._entries.setdefault(e.id, e)
            old = best.get(e.id)
            if old is None or _TYPE_RANK[r[11]] > _TYPE_RANK[old.type]:
                best[e.id] = Candidate(e, r[11])
        got = tuple(best.values())
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[k] = got
        return got

    def named(self, name: str) -> tuple[Candidate, ...]:
        """Places of this name as written ("Sochi"): lookup() of its key, for callers outside geo."""
        return self.lookup(key(name))

    def seat(self, gid: int, kind: str = "adm1") -> Entry | None:
        """The seat of a province or district (by GeoNames id) as far as the data tell: its city of the
        same name ("Settat" in Settat province), else its most populous city; cached; None when none."""
        seats = self._seats
        if (gid, kind) not in seats:
            col = "adm1" if kind == "adm1" else "adm2"
            rows = (
                self._con()
                .execute(
                    f"SELECT c.*, p.name FROM places p JOIN places c ON c.{col} = p.id WHERE p.gid = ? AND p.kind = ? "
                    "AND c.kind = 'city' ORDER BY c.pop DESC LIMIT 200",
                    (gid, kind),
                )
                .fetchall()
            )
            own = key(rows[0][11]) if rows else ""
            same = [r for r in rows if key(r[2]) == own]
            row = same[0] if same else (rows[0] if rows and rows[0][10] else None)
            seats[(gid, kind)] = Entry(*row[:11]) if row else None
        return seats[(gid, kind)]

    def capital(self, cc: str) -> Entry | None:
        """The national capital (feature PPLC) of a country by ISO alpha-2; cached; None when unknown."""
        k = (0, "cap:" + cc)
        if k not in self._seats:
            row = (
                self._con()
                .execute(
                    "SELECT * FROM places WHERE cc = ? AND feature = 'PPLC' ORDER BY pop DESC LIMIT 1", (cc,)
                )
                .fetchone()
            )
            self._seats[k] = Entry(*row) if row else None
        return self._seats[k]

    def entry(self, pid: int | None) -> Entry | None:
        if pid is None:
            return None
        e = self._entries.get(pid)
        if e is None:
            row = self._con().execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()
            if row is None:
                return None
            e = self._entries.setdefault(pid, Entry(*row))
        return e


def open_gazetteer(config: dict[str, Any] | None = None) -> Gazetteer:
    """The gazetteer named by config["geo"]["gazetteer"], else the user's GeoNames import
    (`eventdesk geo build --geonames`) when there is one, else the per-user cached one built from
    the data packages (+ geo.alias_files; built on first use). A new reader each call: the caller
    (eventdesk.resources.Resources) keeps it, so a data file edited during a long run does not make
    a worker rebuild the gazetteer (and change its answers) mid-run."""
    from eventdesk.config import setting

    alias_files = list(setting(config, "geo.alias_files") or [])
    path = setting(config, "geo.gazetteer")
    if path is None and not alias_files:
        from eventdesk.geo.geonames import user_path

        path = str(user_path()) if user_path().exists() else None
    return Gazetteer(str(_build.ensure(path, alias_files, quiet=False)))


def info(g: Gazetteer) -> dict[str, Any]:
    """Which gazetteer is in use and what it holds (for `eventdesk geo info` and `eventdesk doctor`):
    path, source ("packages" or "geonames"), places, names, build date, and the GeoNames files
    imported, if any."""
    m = g.meta
    return {
        "path": str(g.path),
        "source": m.get("source", "packages"),
        "places": int(m.get("places") or 0),
        "names": int(m.get("names") or 0),
        "built": m.get("built"),
        "geonames_files": m.get("geonames_files"),
        "packages": {k: m[k] for k in _build.PACKAGES if k in m},
    }


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
