"""`eventdesk geo build --geonames`: the user's own GeoNames dump files, written here in GeoNames'
exact format (tab-separated 'geoname' table of 19 columns, admin1CodesASCII / admin2Codes with
4 columns, alternateNamesV2 with 10), imported into a gazetteer that the rest of eventdesk uses."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from eventdesk import geo
from eventdesk.geo import build as gbuild
from eventdesk.geo.gazetteer import km
from eventdesk.geo.geonames import GeoNamesError, import_geonames
from eventdesk.resources import Resources

# Invented names (no GeoNames entry has them), so only the user's file can place them.
VILLAGE = "Qaryat Zubaydawi"
DISTRICT = "Tal Nimrawiyya"
VILLAGE_LL = (33.912, 44.871)


def _row(
    gid: int,
    name: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    a1: str,
    a2: str = "",
    pop: int = 0,
    alternates: str = "",
) -> str:
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4
    # population elevation dem timezone modification_date
    cells = [
        str(gid),
        name,
        name,
        alternates,
        f"{lat:.5f}",
        f"{lon:.5f}",
        fclass,
        fcode,
        cc,
        "",
        a1,
        a2,
        "",
        "",
        str(pop),
        "",
        "45",
        "Asia/Baghdad",
        "2024-01-01",
    ]
    assert len(cells) == 19
    return "\t".join(cells) + "\n"


@pytest.fixture(scope="module")
def base() -> Path:
    return gbuild.ensure(None)


@pytest.fixture(scope="module")
def diyala_gid(base: Path) -> int:
    con = sqlite3.connect(base)
    gid = con.execute(
        "SELECT gid FROM places WHERE kind = 'adm1' AND cc = 'IQ' AND name LIKE 'Diy%'"
    ).fetchone()[0]
    con.close()
    return int(gid)


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory, diyala_gid: int) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("geonames")
    rows = (
        _row(99000001, DISTRICT, 33.95, 44.80, "A", "ADM2", "IQ", "10", "901")
        + _row(
            99000002,
            VILLAGE,
            *VILLAGE_LL,
            "P",
            "PPL",
            "IQ",
            "10",
            "901",
            pop=0,
            alternates="Qariat Zubaidawi,QZB",
        )
        + _row(99000003, "Some Hill", 33.0, 44.0, "T", "HLL", "IQ", "10")
    )
    iq = d / "IQ.zip"
    with zipfile.ZipFile(iq, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("IQ.txt", rows)
        z.writestr("readme.txt", "GeoNames readme\n")
    a1 = d / "admin1CodesASCII.txt"
    a1.write_text(f"IQ.10\tDiyala\tDiyala\t{diyala_gid}\n", encoding="utf-8")
    a2 = d / "admin2Codes.txt"
    a2.write_text(f"IQ.10.901\t{DISTRICT}\t{DISTRICT}\t99000001\n", encoding="utf-8")
    alt = d / "alternateNamesV2.zip"
    with zipfile.ZipFile(alt, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("alternateNamesV2.txt", "1\t99000002\ten\tZubaydawi Village\t1\t\t\t\t\t\n")
        z.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    return {"iq": iq, "a1": a1, "a2": a2, "alt": alt}


@pytest.fixture(scope="module")
def imported(dumps: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gaz") / "user.sqlite"
    info = import_geonames([str(p) for p in dumps.values()], out, progress=False)
    assert info["added"] == 2  # the village and the district; the hill is not a settlement
    return out


def test_village_only_in_the_users_file_is_found_and_placed(imported: Path, base: Path):
    text = f"Gunmen attacked a checkpoint in {VILLAGE} village, Diyala, on Monday."
    cfg = {"geo": {"gazetteer": str(imported), "ner": False}}
    places = geo.parse(text, cfg, Resources.shared(cfg))
    p = next(p for p in places if p.text == VILLAGE)
    assert km(p.lat, p.lon, *VILLAGE_LL) < 1
    assert p.country == "IRQ" and p.admin1 and p.admin1.startswith("Diy") and p.precision == 1
    assert p.geonameid == 99000002
    # the packaged gazetteer does not know it
    base_cfg = {"geo": {"gazetteer": str(base), "ner": False}}
    assert not any(p.text == VILLAGE for p in geo.parse(text, base_cfg, Resources.shared(base_cfg)))


def test_import_links_districts_and_adds_english_names(imported: Path):
    g = geo.Gazetteer(imported)
    (c,) = g.lookup("zubaydawi village")
    district = g.entry(c.entry.adm2)
    assert district is not None and district.name == DISTRICT and district.kind == "adm2"
    assert g.meta["source"] == "geonames" and "IQ.zip" in g.meta["geonames_files"]
    assert int(g.meta["places"]) == int(geo.Gazetteer(gbuild.ensure(None)).meta["places"]) + 2


def test_truncated_or_wrong_file_is_refused_and_the_old_gazetteer_kept(
    dumps: dict[str, Path], tmp_path: Path
):
    out = tmp_path / "user.sqlite"
    out.write_bytes(b"previous gazetteer")
    cut = tmp_path / "allCountries.zip"
    data = dumps["iq"].read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(GeoNamesError, match="allCountries.zip"):
        import_geonames([str(cut)], out, progress=False)
    short = tmp_path / "cities1000.txt"
    short.write_text("1\tOnly\tthree\n", encoding="utf-8")
    with pytest.raises(GeoNamesError, match=r"cities1000.txt: line 1: 3 tab-separated columns, expected 19"):
        import_geonames([str(short)], out, progress=False)
    # cut inside the last column: still 19 columns, but no complete modification date
    last_cut = tmp_path / "IQ.txt"
    last_cut.write_text(_row(9, VILLAGE, *VILLAGE_LL, "P", "PPL", "IQ", "10")[:-7], encoding="utf-8")
    with pytest.raises(
        GeoNamesError, match=r"IQ.txt: line 1: the last column \(modification date\) is '2024'"
    ):
        import_geonames([str(last_cut)], out, progress=False)
    with pytest.raises(GeoNamesError, match="no table of places"):
        import_geonames([str(dumps["a1"])], out, progress=False)
    assert out.read_bytes() == b"previous gazetteer"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_cli_build_then_info_uses_the_import(dumps: dict[str, Path], tmp_path: Path):
    env = {**os.environ, "EVENTDESK_CACHE": str(tmp_path / "cache")}
    os.makedirs(env["EVENTDESK_CACHE"])
    # the packaged gazetteer, shared with the other tests (copied, not rebuilt)
    base = gbuild.ensure(None)
    (tmp_path / "cache" / base.name).write_bytes(base.read_bytes())
    run = [sys.executable, "-m", "eventdesk", "geo"]
    bad = subprocess.run(
        [*run, "build", "--geonames", str(dumps["a2"])], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 1 and "unchanged" in bad.stderr
    ok = subprocess.run(
        [*run, "build", "--geonames", *map(str, dumps.values())], env=env, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    info = json.loads(
        subprocess.run([*run, "info", "--json"], env=env, capture_output=True, text=True, check=True).stdout
    )
    assert info["source"] == "geonames" and info["path"].endswith("gazetteer-geonames.sqlite")
    doc = json.dumps({"id": "1", "text": f"Clashes near {VILLAGE}, Diyala."})
    out = subprocess.run(
        [*run, "parse", "--input", "-", "--no-ner"], env=env, input=doc, capture_output=True, text=True
    )
    names = [p["name"] for p in json.loads(out.stdout)["places"]]
    assert VILLAGE in names
