"""Import GeoNames dump files the user downloaded into a gazetteer (`eventdesk geo build --geonames`).

The files come from https://download.geonames.org/export/dump/ (licence CC BY 4.0):
- a table of places in the "geoname" format (19 tab-separated columns): allCountries.zip,
  cities500.zip / cities1000.zip / cities5000.zip / cities15000.zip, or one country's XX.zip
  (or the .txt inside any of them);
- admin1CodesASCII.txt and admin2Codes.txt (code, name, ascii name, geonameid): they link each place
  to its province and district;
- optionally alternateNamesV2.zip (or alternateNames.zip): English names of places.

The import starts from a copy of the packaged gazetteer (build.py) and adds every populated place
(feature class P) and every first- and second-level division (ADM1, ADM2) it does not hold yet, in
the same tables, so the rest of eventdesk reads it like any gazetteer. Rows are streamed and written
in batches: memory stays bounded whatever the file size (a 1.5 GB allCountries file included; see
benchmarks/geo.py). A wrong or truncated file stops the import with a message naming the file and
what is wrong; the half-built file is deleted and the gazetteer in use stays as it was.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from eventdesk.geo import build as _build
from eventdesk.geo.normalize import is_latin, key

# Imported places get ids above this (the packaged build numbers its places from 1), so a place's id
# follows from its geonameid and two files that both hold a place cannot give it two ids.
ID_BASE = 1_000_000_000
GEONAME_COLUMNS = 19
# the geoname table's last column, its modification date (GeoNames readme: "date of last modification in
# yyyy-MM-dd format"): a row cut inside it still has 19 columns, so the date is what shows it complete
_MODIFIED = re.compile(r"\d{4}-\d{2}-\d{2}")
FEATURE_CLASSES = frozenset("ADHLPRSTUV")
_BATCH = 20_000
# alternateNames "isolanguage" values that are codes or links, not names
_NOT_NAMES = frozenset(("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "fr_1793"))


class GeoNamesError(ValueError):
    """A file is not what its name or content says (message names the file and the problem)."""


def user_path() -> Path:
    """Where `geo build --geonames` writes by default; used in preference to the packaged gazetteer."""
    return _build.cache_dir() / "gazetteer-geonames.sqlite"


# --------------------------------------------------------------------------- reading the files


def _kind(path: Path) -> str:
    """'admin1', 'admin2', 'alternate' or 'geoname', from the file name GeoNames gives it."""
    n = path.name.lower()
    if n.startswith("admin1codes"):
        return "admin1"
    if n.startswith("admin2codes"):
        return "admin2"
    if n.startswith("alternatenames"):
        return "alternate"
    return "geoname"


@contextmanager
def _open_text(path: Path) -> Iterator[tuple[IO[str], int]]:
    """(text stream, size in bytes) of a .txt file or of the data member of a GeoNames .zip."""
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="\n") as f:
            yield f, path.stat().st_size
        return
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise GeoNamesError(f"{path}: not a readable zip file ({e}); download it again") from e
    with zf:
        members = [
            i for i in zf.infolist() if i.filename.endswith(".txt") and "readme" not in i.filename.lower()
        ]
        # alternateNamesV2.zip also holds iso-languagecodes.txt: the table is named like the zip
        if not members:
            raise GeoNamesError(f"{path}: the zip holds no .txt table")
        same = [i for i in members if Path(i.filename).stem.lower() == path.stem.lower()]
        info = same[0] if same else max(members, key=lambda i: i.file_size)
        with zf.open(info) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), info.file_size


def _rows(path: Path, columns: tuple[int, ...], bar: Any) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each row; a row with another number of columns, a broken zip or a file
    cut short stops the import with a message naming the file and the line."""
    n = 0
    try:
        with _open_text(path) as (f, _size):
            for n, line in enumerate(f, start=1):
                bar.update(len(line.encode("utf-8")) if not line.isascii() else len(line))
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\n").rstrip("\r").split("\t")
                if len(cells) not in columns:
                    want = " or ".join(str(c) for c in columns)
                    raise GeoNamesError(
                        f"{path}: line {n}: {len(cells)} tab-separated columns, expected {want} "
                        f"(is this the right file, and complete?)"
                    )
                if len(cells) == GEONAME_COLUMNS and not _MODIFIED.fullmatch(cells[-1]):
                    raise GeoNamesError(
                        f"{path}: line {n}: the last column (modification date) is {cells[-1]!r}, not a "
                        f"yyyy-MM-dd date (is the file complete?)"
                    )
                yield n, cells
    except GeoNamesError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, zlib.error) as e:
        raise GeoNamesError(f"{path}: unreadable after line {n} ({e}); the file looks truncated") from e
    if n == 0:
        raise GeoNamesError(f"{path}: the file is empty")


def _progress(total: int, desc: str) -> Any:
    from tqdm import tqdm

    # disable=None: a bar on a terminal, silence in logs and tests
    return tqdm(total=total, desc=desc, unit="B", unit_scale=True, disable=None, file=sys.stderr, leave=False)


def _size(path: Path) -> int:
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                return sum(i.file_size for i in zf.infolist())
        except (zipfile.BadZipFile, OSError) as e:
            raise GeoNamesError(f"{path}: not a readable zip file ({e}); download it again") from e
    return path.stat().st_size


# --------------------------------------------------------------------------- the import


class _Importer:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.base_gids = {g for (g,) in con.execute("SELECT gid FROM places WHERE gid IS NOT NULL")}
        self.places: list[tuple] = []
        self.codes: list[tuple] = []
        self.names: dict[tuple[str, int], str] = {}
        self.added = 0
        self.seen = bytearray(1 << 22)  # one bit per geonameid already imported (grows as needed)

    def _mark(self, gid: int) -> bool:
        """True the first time a geonameid is seen (cities1000 and allCountries may both hold it)."""
        byte = gid >> 3
        if byte >= len(self.seen):
            self.seen.extend(bytes(byte - len(self.seen) + (1 << 20)))
        bit = 1 << (gid & 7)
        if self.seen[byte] & bit:
            return False
        self.seen[byte] |= bit
        return True

    def imported(self, gid: int) -> bool:
        byte = gid >> 3
        return byte < len(self.seen) and bool(self.seen[byte] & (1 << (gid & 7)))

    def name(self, name: str, pid: int, typ: str) -> None:
        if not name or not is_latin(name):
            return
        k = key(name)
        if len(k) < 2 or k.isdigit():
            return
        if typ != _build.DEMONYM and len(name.replace(".", "")) <= 4 and name.replace(".", "").isupper():
            typ = _build.UPPER
        old = self.names.get((k, pid))
        if old is None or _build._TYPE_RANK[typ] > _build._TYPE_RANK[old]:
            self.names[(k, pid)] = typ

    def admin_code(self, code: str, gid: int) -> None:
        self.con.execute("INSERT OR REPLACE INTO gn_admin VALUES (?,?)", (code, gid))

    def geoname(self, c: list[str], path: Path, n: int) -> None:
        fclass, fcode = c[6], c[7]
        try:
            gid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            pop = int(c[14] or 0)
        except ValueError as e:
            raise GeoNamesError(
                f"{path}: line {n}: not a GeoNames 'geoname' row (geonameid, latitude, longitude, "
                f"population must be numbers: {e})"
            ) from e
        if fclass not in FEATURE_CLASSES and fclass:
            raise GeoNamesError(f"{path}: line {n}: unknown feature class {fclass!r}")
        if fclass == "A" and fcode in ("ADM1", "ADM2") and c[8] and c[10]:
            code = f"{c[8]}.{c[10]}" + (f".{c[11]}" if fcode == "ADM2" else "")
            self.admin_code(code, gid)
            kind = fcode.lower()
        elif fclass == "P":
            kind = "city"
        else:
            return
        if gid in self.base_gids or not self._mark(gid):
            return
        pid = ID_BASE + gid
        cc = c[8] or None
        self.places.append((pid, gid, c[1], round(lat, 5), round(lon, 5), cc, None, None, kind, fcode, pop))
        if c[8] and c[10]:
            self.codes.append((pid, f"{c[8]}.{c[10]}", f"{c[8]}.{c[10]}.{c[11]}" if c[11] else None))
        self.name(c[1], pid, _build.PRIMARY)
        self.name(c[2], pid, _build.ALIAS)
        if kind != "city":
            bare, suffixed = _build._admin_variants(c[1])
            if bare:
                self.name(bare, pid, _build.WEAK if kind == "adm2" else _build.ALIAS)
            for s in suffixed:
                self.name(s, pid, _build.ALIAS)
        for a in c[3].split(",") if c[3] else ():
            if a != c[1] and not (a.isupper() and len(a) <= 4):  # airport and station codes
                self.name(a, pid, _build.WEAK)
        self.added += 1
        if len(self.places) >= _BATCH or len(self.names) >= 5 * _BATCH:
            self.flush()

    def alternate(self, c: list[str], path: Path, n: int, base_pid: dict[int, int]) -> None:
        lang, nm = c[2], c[3]
        if lang in _NOT_NAMES or lang not in ("en", ""):
            return
        if len(c) > 7 and (c[6] == "1" or c[7] == "1"):  # colloquial or historic
            return
        try:
            gid = int(c[1])
        except ValueError as e:
            raise GeoNamesError(f"{path}: line {n}: geonameid {c[1]!r} is not a number") from e
        pid = base_pid.get(gid) or (ID_BASE + gid if self.imported(gid) else None)
        if pid is None:
            return
        self.name(nm, pid, _build.ALIAS if lang == "en" and c[4] == "1" else _build.WEAK)
        if len(self.names) >= 5 * _BATCH:
            self.flush()

    def flush(self) -> None:
        self.con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.places)
        self.con.executemany("INSERT INTO gn_codes VALUES (?,?,?)", self.codes)
        self.con.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((k, p, t) for (k, p), t in self.names.items())
        )
        self.places.clear()
        self.codes.clear()
        self.names.clear()

    def link_admins(self) -> None:
        """Province and district of each imported place, from the admin codes it carries."""
        con = self.con
        con.executescript(
            """
            CREATE INDEX gn_admin_code ON gn_admin(code);
            CREATE INDEX gn_codes_pid ON gn_codes(pid);
            CREATE INDEX places_gid ON places(gid);
            CREATE TEMP TABLE gn_adm_pid AS
                SELECT a.code AS code, MIN(p.id) AS pid, p.kind AS kind FROM gn_admin a
                JOIN places p ON p.gid = a.gid AND p.kind IN ('adm1', 'adm2') GROUP BY a.code, p.kind;
            CREATE INDEX gn_adm_pid_code ON gn_adm_pid(code, kind);
            UPDATE places SET
                adm1 = (SELECT x.pid FROM gn_codes c JOIN gn_adm_pid x ON x.code = c.c1 AND x.kind = 'adm1'
                        WHERE c.pid = places.id),
                adm2 = (SELECT x.pid FROM gn_codes c JOIN gn_adm_pid x ON x.code = c.c2 AND x.kind = 'adm2'
                        WHERE c.pid = places.id)
            WHERE id > %d;
            UPDATE places SET adm1 = NULL WHERE kind = 'adm1' AND id > %d;
            UPDATE places SET adm2 = NULL WHERE kind = 'adm2' AND id > %d;
            DROP INDEX places_gid;
            DROP TABLE gn_adm_pid;
        """
            % (ID_BASE, ID_BASE, ID_BASE)
        )


def import_geonames(
    files: list[str | os.PathLike],
    output: str | os.PathLike | None = None,
    alias_files: list[str] | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Build a gazetteer = the packaged one + the places of the user's GeoNames files, into `output`
    (default: user_path()), atomically. Raises GeoNamesError naming the file when one is wrong; the
    file at `output` is then left as it was."""
    t0 = time.perf_counter()
    paths = [Path(f) for f in files]
    for p in paths:
        if not p.is_file():
            raise GeoNamesError(f"{p}: no such file")
    if not any(_kind(p) == "geoname" for p in paths):
        raise GeoNamesError(
            "no table of places given: add allCountries.zip, cities1000.zip or a country's XX.zip "
            "(admin and alternate-name files only link and name the places of such a table)"
        )
    sizes = {p: _size(p) for p in paths}  # also refuses a file that is not a zip at all, up front
    out = Path(output) if output else user_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    base = _build.ensure(None, alias_files)
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        shutil.copyfile(base, tmp)
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            DROP INDEX IF EXISTS names_key;
            CREATE TABLE gn_admin(code TEXT, gid INTEGER);
            CREATE TABLE gn_codes(pid INTEGER, c1 TEXT, c2 TEXT);
        """)
        imp = _Importer(con)
        order = {"admin1": 0, "admin2": 1, "geoname": 2, "alternate": 3}
        base_pid: dict[int, int] = {}
        for p in sorted(paths, key=lambda p: order[_kind(p)]):
            kind = _kind(p)
            bar = _progress(sizes[p], p.name) if progress else _NoBar()
            try:
                if kind in ("admin1", "admin2"):
                    dots = 1 if kind == "admin1" else 2
                    for n, c in _rows(p, (4,), bar):
                        if c[0].count(".") != dots or not c[3].isdigit():
                            raise GeoNamesError(
                                f"{p}: line {n}: expected CODE<TAB>name<TAB>ascii name<TAB>geonameid with a "
                                f"{'CC.A1' if dots == 1 else 'CC.A1.A2'} code, got {c[0]!r}"
                            )
                        imp.admin_code(c[0], int(c[3]))
                elif kind == "geoname":
                    for n, c in _rows(p, (GEONAME_COLUMNS,), bar):
                        imp.geoname(c, p, n)
                else:
                    if not base_pid:
                        base_pid = dict(con.execute("SELECT gid, id FROM places WHERE gid IS NOT NULL"))
                    # alternateNamesV2: 10 columns; the older alternateNames: 8
                    for n, c in _rows(p, (8, 10), bar):
                        imp.alternate(c, p, n, base_pid)
            finally:
                bar.close()
            imp.flush()
        imp.link_admins()
        con.execute("CREATE INDEX names_key ON names(key)")
        n_places = con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        n_names = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        con.executescript("DROP TABLE gn_admin; DROP TABLE gn_codes;")
        meta = {
            "source": "geonames",
            "geonames_files": ", ".join(p.name for p in paths),
            "base_fingerprint": _build.fingerprint(alias_files),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "places": str(n_places),
            "names": str(n_names),
            "geonames_added": str(imp.added),
        }
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.close()
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {
        "path": str(out),
        "places": n_places,
        "names": n_names,
        "added": imp.added,
        "seconds": round(time.perf_counter() - t0, 1),
        "bytes": out.stat().st_size,
    }


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass
