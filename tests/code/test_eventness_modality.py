"""Eventness: acts under a root or hypothetical modal, and promises whose recipient is the promised thing (texts
written for these tests)."""

from __future__ import annotations

from eventdesk.code.eventness import promise_to_no_one, root_modal
from tests.support.eventness import OFF, RULES
from tests.support.eventness import candidate as _cand
from tests.support.eventness import coded as _coded


def test_an_act_under_a_root_or_hypothetical_modal_is_no_event() -> None:
    body = (
        "Local councils would be asked by the interior ministry to hold new elections under the plan. "
        "Police arrested the rebel commander in Idlib on Monday."
    )
    policy = ("REQUEST", "Local councils would")
    assert policy in _coded(body, OFF)
    kept = _coded(body, RULES)
    assert policy not in kept
    assert ("COERCE", "Police arrested the") in kept


def test_a_root_modal_is_told_from_a_plan_a_threat_and_a_doubtful_report() -> None:
    s = "Families would be offered shelter by the ministry under the plan."
    assert root_modal(_cand(s, "offered", "AGREE", ["ministry"], ["Families"]))
    s2 = "Those who cross the border must then need to seek asylum in the capital."
    assert root_modal(_cand(s2, "seek", "REQUEST", ["Those"], []))
    # "will" tells a planned act, which is coded
    s3 = "The army will attack the town on Friday."
    assert not root_modal(_cand(s3, "attack", "ASSAULT", ["army"], ["town"]))
    # the threatened act is what a threat is about
    s4 = "The rebels said they would attack the capital."
    assert not root_modal(_cand(s4, "attack", "THREATEN", ["rebels"], ["capital"]))
    # "would" in reported speech is the backshifted "will" of a plan; "would not" is a refusal
    s7 = "The ministry said it would send troops to the border."
    assert not root_modal(_cand(s7, "send", "MOBILIZE", ["ministry"], ["troops"]))
    s8 = "Uganda would not reopen the border."
    assert not root_modal(_cand(s8, "reopen", "RETREAT", ["Uganda"], ["border"]))
    # an epistemic modal with the perfect tells a past act with doubt
    s5 = "The air strike may have killed twenty civilians in the village."
    assert not root_modal(_cand(s5, "killed", "ASSAULT", ["air strike"], ["civilians"]))
    # a past act with no modal
    s6 = "Police arrested the rebel commander on Monday."
    assert not root_modal(_cand(s6, "arrested", "COERCE", ["Police"], ["commander"]))


def test_a_promised_thing_is_no_addressee() -> None:
    from eventdesk.code.eventness import Candidate

    s = "Both parties are pledging lower taxes."
    a = s.index("pledging")
    thing = Candidate(
        "AGREE", s, 0, (a, a + 8), "asserted", 0.6, [("parties", "parties", "PTY")],
        [("lower taxes", "lower taxes", None)], None, 200,
    )  # fmt: skip
    assert promise_to_no_one(thing)
    # a named recipient or one with a sector is someone the promise is made to
    named = Candidate(
        "AGREE", s, 0, (a, a + 8), "asserted", 0.6, [("parties", "parties", "PTY")],
        [("Kurdish leaders", "Kurdish leaders", None)], None, 200,
    )  # fmt: skip
    assert not promise_to_no_one(named)
    assert not promise_to_no_one(_cand(s, "pledging", "AGREE", ["parties"], ["voters"]))
