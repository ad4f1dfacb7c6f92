"""Exports: ACLED-style CSV loads in pandas with ACLED's columns; Parquet round-trips with types."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventdesk.cli import main as cli
from eventdesk.export.acled import COLUMNS, acled_date, acled_row, country_info, inter_code
from tests.conftest import db_copy
from tests.support.sample import HOSTILE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db(demo_db, tmp_path_factory) -> str:
    return str(db_copy(demo_db, tmp_path_factory.mktemp("export") / "demo.db"))


def test_acled_csv_loads_in_pandas_with_acled_columns(db, tmp_path, capsys):
    import pandas as pd

    out = tmp_path / "acled.csv"
    assert cli(["export", "events", "--format", "acled", "-o", str(out), "--db", db]) == 0
    err = capsys.readouterr().err
    df = pd.read_csv(out)
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    assert len(df) > 0 and df["event_type"].notna().all()  # only events in ACLED's scope
    assert "left out" in err
    assert pd.to_datetime(df["event_date"], format="%Y-%m-%d").notna().all()
    assert (df["year"] == pd.to_datetime(df["event_date"]).dt.year).all()
    assert set(df["time_precision"]) <= {1, 2, 3}
    assert df["fatalities"].dtype.kind == "i" and df["inter1"].dtype.kind == "i"
    assert df["interaction"].dtype.kind == "i"
    assert set(df["disorder_type"].dropna()) <= {
        "Political violence",
        "Demonstrations",
        "Strategic developments",
        "Political violence; Demonstrations",
    }
    located = df[df["latitude"].notna()]
    assert located["iso"].dtype.kind in "if" and set(located["geo_precision"]) <= {1, 2, 3}
    # A notebook's usual first steps work.
    df.groupby(["country", "event_type"])["fatalities"].sum()
    assert df["event_id_cnty"].is_unique
    # --all keeps the rest
    out2 = tmp_path / "all.csv"
    cli(["export", "events", "--format", "acled", "--all", "-o", str(out2), "--db", db])
    assert len(pd.read_csv(out2)) > len(df)


def test_acled_conventions():
    assert country_info("SDN")[:2] == (729, "Sudan") and country_info("SDN")[2] == "Northern Africa"
    assert country_info("IRQ")[2] == "Middle East" and country_info("UKR")[2] == "Europe"
    assert acled_date("2025-06-03", "day") == ("2025-06-03", 2025, 1)
    assert acled_date("2025-06", "month") == ("2025-06-15", 2025, 3)
    assert acled_date(None, None) == ("", None, 3)
    assert inter_code({"sector": "MIL", "country": "SDN"}, "SDN", "Battles") == 1
    assert inter_code({"sector": "MIL", "country": "ISR"}, "LBN", "Battles") == 8  # foreign forces
    assert inter_code({"sector": "REB"}, "SDN", "Battles") == 2
    assert inter_code({"sector": "CVL"}, "SDN", "Protests") == 6
    assert inter_code(None, "SDN", "Battles") == 0
    ev = {
        "id": "e0123456789abcdef",
        "article_id": "a1",
        "event_type": "ASSAULT",
        "acled_event_type": "Battles",
        "acled_sub_event_type": "Armed clash",
        "actors": [{"name": "RSF", "sector": "REB", "country": "SDN"}],
        "recipients": [
            {"name": "SAF", "sector": "MIL", "country": "SDN"},
            {"name": "Allied militia", "sector": "UAF"},
        ],
        "location": {
            "name": "Khartoum",
            "lat": 15.5,
            "lon": 32.56,
            "country": "SDN",
            "admin1": "Khartoum",
            "precision": 1,
        },
        "date": "2025-01-09",
        "date_precision": "day",
        "fatalities": None,
        "evidence": {"sentence": "RSF fought SAF.", "start": 0, "end": 15},
        "confidence": 0.8,
        "modality": "asserted",
        "sources": ["a1"],
    }
    row = acled_row(ev, {"a1": {"url": "https://www.example.org/x", "sources": []}}, timestamp=1)
    assert row["interaction"] == 12 and row["inter1"] == 2 and row["inter2"] == 1
    assert row["assoc_actor_2"] == "Allied militia" and row["fatalities"] == 0
    assert row["event_id_cnty"].startswith("SDN") and row["source"] == "example.org"
    assert row["disorder_type"] == "Political violence" and row["notes"] == "RSF fought SAF."


def test_parquet_round_trip_types(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert cli(["export", "events", "--format", "parquet", "-o", str(out), "--db", db]) == 0
    t = pq.read_table(out)
    s = t.schema
    assert s.field("actors").type == pa.list_(
        pa.struct(
            [
                ("text", pa.string()),
                ("name", pa.string()),
                ("country", pa.string()),
                ("sector", pa.string()),
                ("wikidata", pa.string()),
            ]
        )
    )
    loc = s.field("location").type
    assert pa.types.is_struct(loc) and loc.field("lat").type == pa.float64()
    assert loc.field("precision").type == pa.int8() and loc.field("geonameid").type == pa.int64()
    assert s.field("confidence").type == pa.float64() and s.field("fatalities").type == pa.int32()
    assert s.field("goldstein").type == pa.float64() and s.field("contexts").type == pa.list_(pa.string())
    assert s.field("evidence").type.field("start").type == pa.int64()
    assert not any(pa.types.is_null(f.type) for f in s)  # no column typed null, even all-null ones
    rows = t.to_pylist()
    from eventdesk.store import open_store

    with open_store(db, readonly=True) as store:
        orig = {e.id: e.to_dict() for e in store.iter_events()}
    assert len(rows) == len(orig)
    for r in rows:
        o = orig[r["id"]]
        assert r["actors"] == o["actors"] and r["evidence"] == o["evidence"]
        assert r["confidence"] == o["confidence"] and r["date"] == o["date"]
        if o["location"]:
            assert (
                r["location"]["lat"] == o["location"]["lat"]
                and r["location"]["name"] == o["location"]["name"]
            )
        else:
            assert r["location"] is None
        extra = json.loads(r["extra"]) if r["extra"] else {}
        assert extra.get("synthetic") == o.get("synthetic")
    df = t.to_pandas()
    assert df["confidence"].dtype == "float64"


def test_parquet_articles_and_empty(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "articles.parquet"
    cli(["export", "articles", "--format", "parquet", "-o", str(out), "--db", db])
    t = pq.read_table(out)
    assert t.schema.field("sources").type.value_type.field("index").type == pa.int64()
    assert any(HOSTILE[0] in x for x in t.column("title").to_pylist())
    empty = tmp_path / "none.parquet"
    cli(
        [
            "export",
            "events",
            "--format",
            "parquet",
            "--type",
            "RETREAT",
            "--country",
            "ISL",
            "-o",
            str(empty),
            "--db",
            db,
        ]
    )
    t = pq.read_table(empty)
    assert t.num_rows == 0 and t.schema.field("actors").type.value_type.num_fields == 5


def test_csv_and_jsonl_with_filters(db, capsys):
    import pandas as pd

    cli(["export", "events", "--format", "csv", "--type", "ASSAULT", "--db", db])
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(df) > 0 and set(df["event_type"]) == {"ASSAULT"}
    cli(["export", "events", "--format", "jsonl", "--db", db])
    lines = capsys.readouterr().out.splitlines()
    assert all(json.loads(x)["evidence"]["sentence"] for x in lines)
    assert cli(["export", "articles", "--format", "acled", "--db", db]) == 2  # usage error
