"""Eventness gate: clauses that report no act that happened, recognised from their linguistics (realnews GUIDE.md:
generic statements, forecasts and conditions are not events): a wish with no addressee (Levin 1993 32.1-32.2),
a condition or open question (if / unless / whether), a habit or a statement about anyone at all (Krifka et al.
1995). Texts written here."""

from __future__ import annotations

from eventdesk.code.eventness import wish_without_addressee
from tests.support.eventness import OFF, RULES
from tests.support.eventness import candidate as _cand
from tests.support.eventness import coded as _coded


def test_a_wish_with_no_addressee_is_no_event() -> None:
    body = (
        "The interior minister had hoped to meet the rebel leaders in Geneva. "
        "The governor wanted to visit the town. "
        "The opposition wants the government to release the prisoners. "
        "The interior minister met the rebel leaders in Geneva on Monday."
    )
    wishes = {("AGREE", "The interior minister"), ("AGREE", "The governor wanted")}
    assert wishes <= _coded(body, OFF)  # the coder proposes them; the gate drops them
    kept = _coded(body, RULES)
    assert not wishes & kept
    # a wish addressed to someone who is to act is a demand; the meeting itself happened
    assert {("REQUEST", "The opposition wants"), ("CONSULT", "The interior minister")} <= kept


def test_a_wish_is_judged_by_its_addressee_not_its_word() -> None:
    s = "Ministers had hoped to get more money from the fund."
    assert wish_without_addressee(_cand(s, "hoped", "AGREE", ["Ministers"], []))
    assert not wish_without_addressee(_cand(s, "hoped", "AGREE", ["Ministers"], ["fund"]))
    s2 = "The party looks forward to working with the new government."
    assert wish_without_addressee(_cand(s2, "looks", "AGREE", ["party"], []))
    s3 = "The party looked at the offer."
    assert not wish_without_addressee(_cand(s3, "looked", "AGREE", ["party"], []))


def test_an_act_in_a_condition_or_an_open_question_is_no_event() -> None:
    body = (
        "If the rebels attack the city, the army will be overwhelmed, a minister said. "
        "The council is deciding whether to condemn the rebels. "
        "Police arrested the rebel commander in Idlib on Monday. "
        "The army will retaliate if the rebels attack again, the minister warned."
    )
    conditioned = {("ASSAULT", "If the rebels"), ("ACCUSE", "The council is")}
    assert conditioned <= _coded(body, OFF)
    kept = _coded(body, RULES)
    assert not conditioned & kept
    # the arrest happened; the threat is the act told, its condition is what it threatens
    assert {("COERCE", "Police arrested the"), ("THREATEN", "The army will")} <= kept


def test_a_condition_governs_only_the_clause_it_opens() -> None:
    from eventdesk.code.eventness import conditional_clause

    s = "If the talks fail, the army will attack the town."
    assert not conditional_clause(_cand(s, "attack", "ASSAULT", ["army"], ["town"]))
    s2 = "The minister said the army would attack if the rebels refused the offer."
    assert conditional_clause(_cand(s2, "refused", "REJECT", ["rebels"], ["offer"]))
    assert not conditional_clause(_cand(s2, "attack", "ASSAULT", ["army"], []))


def test_a_habit_or_a_statement_about_anyone_is_no_event() -> None:
    body = (
        "The minister usually meets the rebel leaders in Geneva. "
        "Anyone convicted of helping the rebels can be jailed for ten years. "
        "Police routinely arrest protesters in the capital. "
        "Police arrested the rebel commander in Idlib on Monday. "
        "The minister met the rebel leaders in Geneva on Tuesday."
    )
    generic = {
        ("CONSULT", "The minister usually"),
        ("COERCE", "Anyone convicted of"),
        ("COERCE", "Police routinely arrest"),
    }
    assert generic <= _coded(body, OFF)
    kept = _coded(body, RULES)
    assert not generic & kept
    assert {("COERCE", "Police arrested the"), ("CONSULT", "The minister met")} <= kept


def test_a_universal_pronoun_makes_a_statement_generic_only_as_its_subject() -> None:
    from eventdesk.code.eventness import generic_or_habitual

    s = "Every American wants our troops to come home."
    assert generic_or_habitual(_cand(s, "wants", "REQUEST", ["American"], ["our troops"]))
    s2 = "The envoy made every effort to meet the rebel leaders."
    assert not generic_or_habitual(_cand(s2, "meet", "CONSULT", ["envoy"], ["rebel leaders"]))
    # "repeatedly" counts acts that each happened: no habit
    s3 = "Turkish jets repeatedly bombed the town on Sunday."
    assert not generic_or_habitual(_cand(s3, "bombed", "ASSAULT", ["Turkish jets"], ["town"]))
    s4 = "He tended to defy the party line."
    assert generic_or_habitual(_cand(s4, "defy", "REJECT", ["He"], ["party line"]))
    # "never" is the zero end of the frequency scale: a habit denied, not one act
    s5 = "The volunteer never fought for the militia."
    assert generic_or_habitual(_cand(s5, "fought", "ASSAULT", ["volunteer"], ["militia"]))


def test_a_promise_made_to_no_one_is_no_agreement() -> None:
    body = (
        "The president promised to end unemployment within five years. "
        "The president promised the rebel leaders to release the prisoners. "
        "The rebels accepted the president's promise."
    )
    policy = ("AGREE", "The president promised")
    assert policy in _coded(body, OFF)
    kept = _coded(body, RULES)
    assert policy not in kept
    # a promise made to someone stays (a release promised is RETREAT), and so does the noun the model judges
    assert {("RETREAT", "The president promised"), ("AGREE", "The rebels accepted")} <= kept


def test_a_promise_is_judged_by_its_addressee() -> None:
    from eventdesk.code.eventness import promise_to_no_one

    s = "The minister pledged to cut taxes."
    assert promise_to_no_one(_cand(s, "pledged", "AGREE", ["minister"], []))
    assert not promise_to_no_one(_cand(s, "pledged", "AGREE", ["minister"], ["voters"]))
    assert not promise_to_no_one(_cand(s, "pledged", "THREATEN", ["minister"], []))
    s2 = "The minister broke his pledge."
    assert not promise_to_no_one(_cand(s2, "pledge", "AGREE", ["minister"], []))


def test_a_press_conference_is_no_meeting() -> None:
    from eventdesk.code.eventness import press_conference

    body = (
        "The interior minister held talks with the rebel leaders in Geneva on Monday. "
        "At a news conference after the talks, the minister said progress had been made."
    )
    conference = ("CONSULT", "At a news")
    assert conference in _coded(body, OFF)
    kept = _coded(body, RULES)
    assert conference not in kept
    assert ("CONSULT", "The interior minister") in kept  # the talks themselves stay
    s = "The minister told a press conference that the talks had failed."
    assert press_conference(_cand(s, "conference", "CONSULT", ["minister"], []))
    s2 = "The minister attended a peace conference in Geneva."
    assert not press_conference(_cand(s2, "conference", "CONSULT", ["minister"], []))
