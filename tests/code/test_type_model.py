"""The learned type chooser (code/type_model.py): it chooses only among the readings the trigger lexicon
finds in the sentence, keeps the rules' type unless it prefers another by its margin, is turned off by
code.type_model = false, and a bad weights file fails with a message naming it.

Every text here was written for these tests; the weights are made here so the tests say what the
decision does whatever the shipped model learned.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventdesk.code.type_model import N_BITS, TypeModel, TypeModelError, allowed_types, retype
from eventdesk.records import PLOVER_TYPES, Event, Evidence
from tests.support.eventness import candidate

TYPES = list(PLOVER_TYPES)
MEET = "The two foreign ministers agreed to meet in Geneva next week."


def model(prefer: dict[str, float], margin: float = 1.0) -> TypeModel:
    """A model whose scores are its biases: `prefer` type -> log-odds, every other type 0."""
    b = np.array([prefer.get(t, 0.0) for t in TYPES])
    return TypeModel(TYPES, np.zeros((len(TYPES), 1 << N_BITS)), b, margin)


def test_allowed_readings_are_the_lexicon_types_of_the_sentence_and_the_rules_type() -> None:
    c = candidate(MEET, "agreed", "AGREE")
    allowed = allowed_types(c)
    assert {"AGREE", "CONSULT"} <= allowed
    assert "PROTEST" not in allowed and "ASSAULT" not in allowed


def test_the_model_changes_a_type_only_to_an_allowed_reading() -> None:
    c = candidate(MEET, "agreed", "AGREE")
    # PROTEST scores highest but no word of the sentence reads as a protest: CONSULT is chosen
    assert model({"PROTEST": 10.0, "CONSULT": 5.0}).choose(c) == "CONSULT"
    # only a reading the words do not support beats the rules' type: the type stays
    assert model({"PROTEST": 10.0}).choose(c) == "AGREE"


def test_the_rules_type_stays_unless_the_model_prefers_another_by_the_margin() -> None:
    c = candidate(MEET, "agreed", "AGREE")
    assert model({"CONSULT": 0.5}, margin=1.0).choose(c) == "AGREE"
    assert model({"CONSULT": 1.5}, margin=1.0).choose(c) == "CONSULT"


def test_a_type_a_rule_gave_against_the_lexicon_stays() -> None:
    # "attacked ... over his record" is a criticism by a rule of code/type_choice.py (ACCUSE), though the
    # lexicon reads "attacked" as ASSAULT: the definition decided, the model does not overrule it
    c = candidate(
        "The opposition leader attacked the prime minister over his record on schools.", "attacked", "ACCUSE"
    )
    assert "ASSAULT" in allowed_types(c)
    assert model({"ASSAULT": 10.0}).choose(c) == "ACCUSE"
    # the lexicon's own reading is second-guessed
    c = candidate("Rebels attacked an army base near the town.", "attacked", "ASSAULT")
    assert model({"ASSAULT": -10.0, "ACCUSE": 5.0}).choose(c) == "ASSAULT"  # ACCUSE: no word reads so


def _event() -> Event:
    a = MEET.index("agreed")
    ev = Event(article_id="a1", event_type="AGREE", evidence=Evidence(MEET, 0, len(MEET)), confidence=0.6)
    ev.extra["trigger"] = [a, a + len("agreed")]
    return ev


def test_retype_gives_the_new_type_its_codes_and_keeps_the_rules_type() -> None:
    ev = _event()
    retype([ev], MEET, {}, model({"CONSULT": 3.0}))
    assert ev.event_type == "CONSULT"
    assert ev.cameo_root == "04"
    assert ev.extra["rule_type"] == "AGREE"


def test_the_setting_turns_the_model_off() -> None:
    ev = _event()
    retype([ev], MEET, {"code": {"type_model": False}}, model({"CONSULT": 3.0}))
    assert ev.event_type == "AGREE" and "rule_type" not in ev.extra
    ev = _event()
    retype([ev], MEET, {"code": {"type_model": True}}, None)  # no weights shipped: nothing changes
    assert ev.event_type == "AGREE"


def test_a_file_that_is_not_a_weights_file_fails_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "type_model.npz"
    bad.write_bytes(b"these are not weights")
    with pytest.raises(TypeModelError, match=r"type_model\.npz: not a weights file"):
        TypeModel.load(bad)


def test_weights_that_disagree_with_their_types_fail_clearly(tmp_path: Path) -> None:
    path = tmp_path / "short.npz"
    np.savez(path, types=np.array(TYPES), w=np.zeros((3, 10)), b=np.zeros(len(TYPES)), margin=1.0)
    with pytest.raises(TypeModelError, match="shape"):
        TypeModel.load(path)
    path = tmp_path / "odd.npz"
    np.savez(
        path, types=np.array(["ASSAULT", "PICNIC"]), w=np.zeros((2, 1 << N_BITS)), b=np.zeros(2), margin=1.0
    )
    with pytest.raises(TypeModelError, match="unknown types PICNIC"):
        TypeModel.load(path)
    path = tmp_path / "partial.npz"
    np.savez(path, types=np.array(TYPES), w=np.zeros((len(TYPES), 1 << N_BITS)))
    with pytest.raises(TypeModelError, match="missing arrays b, margin"):
        TypeModel.load(path)


def test_the_shipped_weights_load_once_with_the_resources() -> None:
    from eventdesk.resources import Resources

    res = Resources.shared({})
    m = res.type_model
    assert isinstance(m, TypeModel) and m is res.type_model
    assert set(m.types) == set(PLOVER_TYPES) and m.margin >= 0


def test_a_short_reports_main_event_keeps_its_type() -> None:
    # the document classifier's reading of the whole text agreed with the rules on the main event
    ev = _event()
    retype([ev], MEET, {}, model({"CONSULT": 3.0}), keep=ev)
    assert ev.event_type == "AGREE"
