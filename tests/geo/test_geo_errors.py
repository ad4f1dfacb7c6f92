"""scripts/geo_errors.py sorts each gold toponym of a geo parse into one kind of error; texts and
gold places written here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from eventdesk.geo import build as gbuild
from eventdesk.resources import Resources
from tests.support.scripts import load_script

geo_errors = load_script("geo_errors")

TEXT = "Flood waters closed roads in Fargo, North Dakota, on Monday near the Zqxwvbrook ford."


@pytest.fixture(scope="module")
def cfg() -> dict:
    path: Path = gbuild.ensure(None)
    return {"geo": {"gazetteer": str(path), "ner": False}}


def _gold(name: str, lat: float, lon: float, gid: int | None = None) -> dict:
    i = TEXT.index(name)
    return {"name": name, "lat": lat, "lon": lon, "start": i, "end": i + len(name), "geonameid": gid}


def test_each_gold_place_gets_one_kind(cfg):
    res = Resources.shared(cfg)
    gold = [
        _gold("Fargo", 46.8772, -96.7898),  # right
        _gold("North Dakota", -33.9, 18.4),  # a point in South Africa: no reading of the name is near
        _gold("Zqxwvbrook", 46.9, -96.8),  # no place of that name: never found
    ]
    kinds = [k for k, _ in geo_errors.classify(TEXT, gold, cfg, res)]
    assert kinds == ["ok", "wrong/no_candidate", "missed/no_name"]


def test_the_gold_place_itself_at_another_point(cfg):
    res = Resources.shared(cfg)
    ok = geo_errors.classify(TEXT, [_gold("Fargo", 46.8772, -96.7898)], cfg, res)
    assert ok[0][0] == "ok"
    gaz = res.gazetteer
    fargo = max(
        (c.entry for c in gaz.lookup("fargo") if c.entry.cc == "US" and c.entry.kind == "city"),
        key=lambda e: e.pop,
    )
    moved = geo_errors.classify(TEXT, [_gold("Fargo", 40.0, -80.0, fargo.gid)], cfg, res)
    assert moved[0][0] == "wrong/same_place_other_point"


def test_study_half_is_md5_last_digit_0_to_7():
    for doc in ("lgl-1", "lgl-2", "trnews-3", "x"):
        assert geo_errors.study(doc) == (hashlib.md5(doc.encode()).hexdigest()[-1] in "01234567")
