"""scripts/score_clause_labels.py: a labelled event that coreference joined into a record of its type
from another sentence counts as coded; a `none` label is judged by its own trigger. Events written here."""

from __future__ import annotations

import json

from tests.support.scripts import load_script

clause = load_script("score_clause_labels")

BODY = "Jets bombed the market in Douma on Monday. The strike on Douma killed nine, officials said."


def test_a_joined_event_is_coded_and_a_side_trigger_is_judged_by_its_own_offset(tmp_path):
    second = BODY.index("The strike")
    bombed, strike = BODY.index("bombed"), BODY.index("strike")
    record = {
        "article_id": "a1",
        "event_type": "ASSAULT",
        "trigger": [bombed, bombed + 6],  # the record shows the first sentence
        "mentions": [
            {"article_id": "a1", "start": 0, "end": second - 1},
            {"article_id": "a1", "start": second, "end": len(BODY)},
        ],
    }
    (tmp_path / "art.jsonl").write_text(json.dumps({"id": "a1", "url": "c.jsonl#k1"}) + "\n")
    (tmp_path / "ev.jsonl").write_text(json.dumps(record) + "\n")
    got, spans = clause.coded(tmp_path)
    event = {"label": "event", "type": "ASSAULT"}
    # the second sentence's "strike" has no record of its own, but the bombing's record holds it
    here = got.get(("c.jsonl#k1", strike), set())
    assert here == set()
    assert clause.verdict(event, here, clause.joined_types(spans, "c.jsonl#k1", strike)) == "right"
    # of another type it is lost, not "wrong": nothing was coded at its trigger
    protest = {"label": "event", "type": "PROTEST"}
    assert clause.verdict(protest, here, clause.joined_types(spans, "c.jsonl#k1", strike)) == "lost"
    # "said" is labelled no event of its own: the joined record in its sentence does not make it coded
    said = BODY.index("said")
    none = {"label": "none", "type": "CONSULT"}
    assert (
        clause.verdict(
            none, got.get(("c.jsonl#k1", said), set()), clause.joined_types(spans, "c.jsonl#k1", said)
        )
        == "right"
    )
    assert clause.verdict(event, got[("c.jsonl#k1", bombed)]) == "right"
