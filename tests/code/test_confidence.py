"""A record's `confidence` is the eventness model's calibrated probability that it is a real event
of its type (code/eventness/): within 0..1, rising with the model's own score, higher for a
reported event than for commentary. Every text here was written for these tests."""

from __future__ import annotations

import numpy as np

from eventdesk.code import code
from eventdesk.code.eventness import Candidate, EventnessModel, candidates
from eventdesk.records import Article
from eventdesk.resources import Resources

BODY = (
    "Police arrested 30 protesters outside parliament in Ankara on Monday, the interior ministry said. "
    "Critics argue that the government would be wiser to talk to its opponents than to arrest them. "
    "Soldiers shelled a village near the border on Sunday, killing two farmers, officials said."
)


def _cand(sentence: str, trigger: str, etype: str) -> Candidate:
    t0 = sentence.index(trigger)
    return Candidate(
        etype,
        sentence,
        0,
        (t0, t0 + len(trigger)),
        "asserted",
        0.7,
        [("Police", "police", "COP")],
        [],
        None,
        400,
    )


def test_calibrated_probability_rises_with_the_model_score():
    model = Resources.shared({}).eventness
    assert model is not None and model.calibration[0] > 0
    cands = [
        _cand("Police arrested three men in Leeds on Tuesday.", "arrested", "COERCE"),
        _cand("Perhaps police would be wiser to arrest fewer people.", "arrest", "COERCE"),
        _cand("Police raided the offices of the newspaper overnight.", "raided", "COERCE"),
        _cand("Many think police should arrest more people one day.", "arrest", "COERCE"),
    ]
    raw = np.array([model.raw(c) for c in cands])
    cal = np.array([model.probability(c) for c in cands])
    assert ((cal > 0) & (cal < 1)).all()
    # the same order: calibration changes the scale, not the ranking
    assert list(np.argsort(raw)) == list(np.argsort(cal))
    # a model with a known calibration: sigmoid(a * z + b)
    m = EventnessModel(np.zeros(model.w.shape), 0.0, 0.5, (2.0, -1.0))
    assert abs(m.probability(cands[0]) - 1 / (1 + np.exp(1.0))) < 1e-9


def test_stored_confidence_is_the_gate_probability():
    cfg = {"code": {"eventness_threshold": -1}}
    res = Resources.shared(cfg)
    events = code([Article(title="", body=BODY, published="2024-05-01")], cfg, res)
    assert events
    for e, c in zip(events, candidates(events, len(BODY)), strict=True):
        assert 0.0 <= e.confidence <= 1.0
        assert "coder_score" in e.extra
        # the candidate is rebuilt from the coder's score, so the model sees what the gate saw
        assert c.confidence == e.extra["coder_score"]
    best: dict[str, float] = {}
    for e in events:
        first = e.evidence.sentence.split()[0]
        best[first] = max(best.get(first, 0.0), e.confidence)
    assert best["Police"] > best.get("Critics", 0.0)
    assert best["Soldiers"] > best.get("Critics", 0.0)


def test_the_gate_keeps_what_clears_its_threshold():
    # the default gate: every record but a short report's main event (kept whatever the model says)
    # has a confidence at or above the shipped threshold
    res = Resources.shared({})
    events = code([Article(title="", body=BODY, published="2024-05-01")], {}, res)
    assert events
    assert len([e for e in events if e.confidence < res.eventness.threshold]) <= 1
