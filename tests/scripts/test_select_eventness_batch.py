"""How a batch of eventness candidates is chosen for labelling (scripts/select_eventness_batch.py)."""

from __future__ import annotations

from tests.support.eventness import candidate
from tests.support.scripts import load_script

select = load_script("select_eventness_batch")
train = load_script("train_eventness")


def test_new_articles_are_those_no_label_file_names() -> None:
    """Every label file of training/ counts (record, recall, clause... labels too), so a batch never takes
    an article another label set scores; without the eventness files, their own articles are free."""
    every = select.named_keys()
    others = select.named_keys(skip_eventness=True)
    eventness = {k[0] for k in select.eventness_labelled()}
    assert others < every
    assert eventness <= every
    assert eventness - others  # some articles only the eventness labels name (batch 3 came from them)


def test_labelled_candidates_are_not_chosen_again() -> None:
    """--labelled takes only candidates no eventness label names: every label file's rows are known."""
    done = select.eventness_labelled()
    for f in train.LABELS:
        for r in train.read_labels(f):
            assert (r["key"], r["trig"][0], r["trig"][1], r["type"]) in done


def test_the_gates_rules_are_one_function() -> None:
    """The selection scores a candidate as the gate does: 0 for what the text rules out."""
    import eventdesk.code.eventness as ev

    nobody = candidate("Talks will take place in Geneva next week.", "Talks", "CONSULT", actors=())
    arrest = candidate("Police arrested two opposition leaders in the capital.", "arrested", "COERCE")
    assert ev.ruled_out(nobody)
    assert not ev.ruled_out(arrest)
