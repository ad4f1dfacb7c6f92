"""The eventness model trains on the candidates the gate itself judges (scripts/gate_candidates.py,
scripts/train_eventness.py); texts written here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import eventdesk.code.eventness as ev
from tests.support.scripts import load_script

recorder = load_script("gate_candidates")
train = load_script("train_eventness")

TEXT = (
    "Rebel fighters attacked the army garrison in the northern town of Kafr Halab on Sunday, killing "
    "twelve soldiers, the regional governor said. The rebels attacked the garrison at dawn with mortars "
    "and rockets, a spokesman for the group said on Monday. In 2012 the same rebels attacked a police "
    "station in the town."
)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("gate")
    (d / "in.jsonl").write_text(
        json.dumps(
            {
                "id": "k1",
                "title": "Rebels attack garrison",
                "text": TEXT,
                "published": "2016-05-02",
                "url": "k1",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (d / "off.toml").write_text("[code]\neventness_threshold = -1\n", encoding="utf-8")
    db = str(d / "t.db")
    args = ["run", str(d / "in.jsonl"), "--db", db, "--config", str(d / "off.toml"), "--quiet"]
    assert recorder.main([str(d / "gate.jsonl"), *args]) == 0
    from eventdesk.cli import main

    for what, name in (("events", "ev.jsonl"), ("articles", "art.jsonl")):
        with open(d / name, "w", encoding="utf-8") as out:
            sys_stdout, sys.stdout = sys.stdout, out
            try:
                assert main(["export", what, "--db", db, "--format", "jsonl"]) == 0
            finally:
                sys.stdout = sys_stdout
    return d


def test_every_clause_the_gate_judged_is_recorded_as_the_gate_saw_it(run: Path):
    cands = train.read_candidates(run / "gate.jsonl")
    records = [json.loads(x) for x in (run / "ev.jsonl").read_text(encoding="utf-8").splitlines() if x]
    assert records
    seen = {(c.trigger, c.event_type) for _, c in cands}
    for r in records:
        assert (tuple(r["trigger"]), r["event_type"]) in seen
        assert {aid for aid, _ in cands} == {r["article_id"]}
    # the clause with its trigger and type, and the features the gate computes from it
    attack = next(c for _, c in cands if c.sentence.startswith("In 2012"))
    assert attack.trigger is not None and attack.event_type == "ASSAULT"
    assert TEXT[attack.trigger[0] : attack.trigger[1]] == "attacked"
    assert ev.features(attack)["t=ASSAULT"] == 1.0
    assert ev.candidates.__name__ == "candidates"


def test_labels_match_the_recorded_candidates_by_article_key_trigger_and_type(run: Path):
    cands = train.read_candidates(run / "gate.jsonl")
    c = next(c for _, c in cands if c.sentence.startswith("In 2012"))
    start = TEXT.index(c.sentence)
    labels = [
        {
            "key": "k1",
            "sent": (start, start + len(c.sentence)),
            "trig": c.trigger,
            "type": "ASSAULT",
            "label": "event",
            "hash": train.sentence_hash(c.sentence),
        },
        {"key": "k1", "sent": (0, 1), "trig": (0, 5), "type": "ASSAULT", "label": "none", "hash": "x"},
    ]
    feats, y, groups = train.dataset(labels, [run])
    assert len(feats) == 1 and list(y) == [1] and groups == ["k1"]
    assert feats[0] == ev.features(c)
