"""scripts/score_record_labels.py: stored records matched to their hand labels by article, sentence, trigger and
type; precision as realnews counts it, labelled events a run no longer stores, records no label names, and the
confidence curve. Labels and records written here."""

from __future__ import annotations

import json

from tests.support.scripts import load_script

rl = load_script("score_record_labels")

# "a#3" falls in the study half (md5 ends in 0-7), "a#1" in the held half
STUDY, HELD = "a#3", "a#1"


def _row(key: str, start: int, trig: int, typ: str, label: str, cls: str = "-") -> dict:
    return {
        "key": key,
        "sentence_start": start,
        "sentence_end": start + 50,
        "trigger_start": trig,
        "trigger_end": trig + 6,
        "event_type": typ,
        "label": label,
        "cls": cls,
        "sha1": "x",
    }


def _ev(start: int, trig: int, typ: str, conf: float) -> dict:
    return {"event_type": typ, "evidence": {"start": start}, "trigger": [trig, trig + 6], "confidence": conf}


def test_the_split_halves_are_the_md5_halves() -> None:
    assert rl.half(STUDY) == "study"
    assert rl.half(HELD) == "held"


def test_precision_counts_events_among_the_labelled_stored_records() -> None:
    rows = [
        _row(STUDY, 0, 5, "ASSAULT", "event"),
        _row(STUDY, 60, 70, "AGREE", "none", "pledge"),
        _row(STUDY, 120, 125, "REQUEST", "type:ACCUSE"),
        _row(STUDY, 200, 210, "CONSULT", "event"),  # a labelled event the run no longer stores
    ]
    records = [
        (STUDY, _ev(0, 5, "ASSAULT", 0.9)),
        (STUDY, _ev(60, 70, "AGREE", 0.2)),
        (STUDY, _ev(120, 125, "REQUEST", 0.5)),
        (STUDY, _ev(300, 305, "PROTEST", 0.4)),  # new: no label names it
    ]
    res = rl.score(rows, records, curve=True)["study"]
    assert (res["stored"], res["labelled"], res["unlabelled"], res["events"]) == (4, 3, 1, 1)
    assert res["precision"] == 0.333
    assert res["events_lost"] == 1
    assert res["none_classes"] == {"pledge": 1}
    # at a cut of 0.3 only the event and the wrong type stay
    assert (0.3, 2, 0.5, 1.0) in res["curve"]


def test_labels_list_the_articles_that_stored_no_record(tmp_path) -> None:
    path = tmp_path / "labels.tsv"
    path.write_text(
        "# header\n"
        "# articles run that store no record on main: b/2.txt b/3.txt\n"
        "a/1.txt\t0\t50\t5\t11\tASSAULT\tevent\t-\tabc\n"
        "a/1.txt\tbad row\n"
    )
    rows, keys = rl.load(path)
    assert len(rows) == 1 and rows[0]["trigger_start"] == 5
    assert keys == ["a/1.txt", "b/2.txt", "b/3.txt"]


def test_stored_records_are_keyed_by_their_article_url(tmp_path) -> None:
    (tmp_path / "art.jsonl").write_text(json.dumps({"id": "x1", "url": STUDY}) + "\n")
    (tmp_path / "ev.jsonl").write_text(json.dumps({"article_id": "x1", **_ev(0, 5, "ASSAULT", 0.9)}) + "\n")
    assert rl.stored(tmp_path) == [(STUDY, {"article_id": "x1", **_ev(0, 5, "ASSAULT", 0.9)})]


def test_a_record_whose_trigger_moved_in_its_sentence_keeps_its_label() -> None:
    rows = [
        _row(STUDY, 0, 5, "ACCUSE", "event"),
        _row(STUDY, 60, 70, "AGREE", "none"),
        _row(STUDY, 60, 90, "AGREE", "none"),
    ]
    records = [(STUDY, _ev(0, 20, "ACCUSE", 0.9)), (STUDY, _ev(60, 80, "AGREE", 0.3))]
    matched = rl.match(rows, records)
    assert matched[0][0] is rows[0]  # the one ACCUSE row of that sentence
    assert matched[1][0] is None  # two AGREE rows there: which one is unknown
    res = rl.score(rows, records)["study"]
    assert (res["labelled"], res["unlabelled"], res["events_lost"]) == (1, 1, 0)
