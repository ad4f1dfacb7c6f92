"""scripts/score_sites.py finds a labelled event by its trigger, or through a mention of a record of
its type that another sentence's report was joined into (as score_events.py does); events written here."""

from __future__ import annotations

import json

from tests.support.scripts import load_script

sites = load_script("score_sites")

BODY = "Jets bombed the market in Douma on Monday. The strike on Douma killed nine. Damascus denied it."


def _run(tmp_path, events):
    (tmp_path / "art.jsonl").write_text(json.dumps({"id": "a1", "url": "c.jsonl#k1"}) + "\n")
    (tmp_path / "ev.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events))
    return sites._events(tmp_path)


def test_a_label_is_found_by_its_trigger_or_through_a_joined_mention_of_its_type(tmp_path):
    douma = {"name": "Douma", "lat": 33.57, "lon": 36.4}
    strike = BODY.index("strike")
    events = [
        {
            "article_id": "a1",
            "event_type": "ASSAULT",
            "trigger": [BODY.index("bombed"), BODY.index("bombed") + 6],
            "location": douma,
            "mentions": [
                {"article_id": "a1", "start": 0, "end": 42},
                {"article_id": "a1", "start": 43, "end": 75},
            ],
        },
        {
            "article_id": "a1",
            "event_type": "REJECT",
            "trigger": [BODY.index("denied"), BODY.index("denied") + 6],
            "location": None,
            "mentions": [{"article_id": "a1", "start": 76, "end": len(BODY)}],
        },
    ]
    by_trigger, spans = _run(tmp_path, events)

    def label(start, etype):
        return {"key": "c.jsonl#k1", "start": start, "event_type": etype}

    assert sites._find(label(BODY.index("bombed"), "ASSAULT"), by_trigger, spans) == (True, douma)
    # the second sentence's strike was joined into the bombing: found there, with its place
    assert sites._find(label(strike, "ASSAULT"), by_trigger, spans) == (True, douma)
    assert sites._find(label(strike, "ASSAULT/COERCE"), by_trigger, spans) == (True, douma)
    # a record of another type in the sentence is not the labelled event
    assert sites._find(label(strike, "PROTEST"), by_trigger, spans) == (False, {})
    assert sites._find(label(BODY.index("denied"), "REJECT"), by_trigger, spans) == (True, {})
