"""scripts/score_sentence_types.py: a sentence's labelled events (alternatives, optional ones) against the records
coded there, as score_events.py counts them (right, repeat, wrong_type, spurious; required found or missed), and
records found through their mentions (a record merged across articles has one in each). Records written here."""

from __future__ import annotations

import json

from tests.support.scripts import load_script

st = load_script("score_sentence_types")


def test_labels_parse_into_alternatives_and_optional_events() -> None:
    assert st.parse_events("?") is None
    assert st.parse_events("-") == []
    assert st.parse_events("REJECT|ACCUSE CONSULT?") == [
        (frozenset({"REJECT", "ACCUSE"}), True),
        (frozenset({"CONSULT"}), False),
    ]


def test_records_are_judged_against_the_sentence_events() -> None:
    events = st.parse_events("REQUEST CONSULT?")
    assert events is not None
    v = st.judge(events, ["REQUEST", "ACCUSE", "REQUEST", "CONSULT"])
    assert (v["right"], v["wrong_type"], v["repeat"], v["found"], v["missed"]) == (2, 1, 1, 1, 0)
    assert st.judge([], ["SUPPORT"])["spurious"] == 1
    missed = st.judge(st.parse_events("REJECT") or [], ["AGREE"])
    assert (missed["wrong_type"], missed["missed"]) == (1, 1)


def test_a_record_counts_in_every_article_it_has_a_mention_in(tmp_path) -> None:
    arts = [{"id": "a1", "url": "c#1"}, {"id": "a2", "url": "c#2"}]
    (tmp_path / "art.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts))
    ev = {
        "article_id": "a1",
        "event_type": "REQUEST",
        "evidence": {"start": 0},
        "mentions": [{"article_id": "a1", "start": 0}, {"article_id": "a2", "start": 40}],
    }
    (tmp_path / "ev.jsonl").write_text(json.dumps(ev) + "\n")
    ments, stored = st.mentions(tmp_path)
    assert ments == {"c#1": [(0, "REQUEST")], "c#2": [(40, "REQUEST")]}
    assert stored == {"c#1", "c#2"}
