"""scripts/score_bbc_places.py finds a labelled event by its trigger, or through a mention sentence of a
record of its type that coreference joined it into; events written here."""

from __future__ import annotations

import json

from tests.support.scripts import load_script

places = load_script("score_bbc_places")

BODY = "MPs protested outside Parliament on Monday. The protest in Westminster drew 300 people."


def test_a_label_is_found_through_a_joined_mention_of_its_type(tmp_path, capsys):
    second = BODY.index("The protest")
    record = {
        "article_id": "a1",
        "event_type": "PROTEST",
        "trigger": [4, 13],  # "protested": the record shows the first sentence
        "location": {"name": "Westminster", "country": "GBR"},
        "mentions": [
            {"article_id": "a1", "start": 0, "end": second - 1},
            {"article_id": "a1", "start": second, "end": len(BODY)},
        ],
    }
    art = {"id": "a1", "sources": [{"path": "corpora/bbc/politics/001.txt"}]}
    (tmp_path / "art.jsonl").write_text(json.dumps(art) + "\n")
    (tmp_path / "ev.jsonl").write_text(json.dumps(record) + "\n")
    noun = BODY.index("protest in")
    labels = [
        # the second sentence's "protest", joined into the record
        {
            "key": "bbc/politics/001.txt",
            "trigger_start": noun,
            "trigger_end": noun + 7,
            "trigger": "protest",
            "event_type": "PROTEST",
            "country": "GBR",
        },
        # a label of another type in that sentence is not this record
        {
            "key": "bbc/politics/001.txt",
            "trigger_start": noun,
            "trigger_end": noun + 7,
            "trigger": "protest",
            "event_type": "ACCUSE",
            "country": "GBR",
        },
    ]
    places.score(tmp_path, labels, show=False)
    out = capsys.readouterr().out
    assert "UK share" in out and "all=1.000 (1/1)" in out
    assert "LABELS n=2 found=1 acc=0.500" in out
