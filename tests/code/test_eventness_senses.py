"""Eventness gate: triggers used in another sense, recognised from definitions (issue 11: a trigger must be used in
its event sense; descriptions of a person's character or life code nothing). An ASSAULT's patient must be physical
(PLOVER 2.0: actions that can cause physical harm), so an abstract object marks another sense (WordNet lexicographer
files, data/eventness/abstract_patients.tsv); a characterizing statement about a person (Krifka et al. 1995) reports
no act (data/eventness/characterizing.txt). Texts written here."""

from __future__ import annotations

from eventdesk.code.eventness import (
    abstract_patient,
    characterizing,
    extraposed_judgement,
    hypothetical_nominal,
)
from tests.support.eventness import OFF, RULES
from tests.support.eventness import candidate as _cand
from tests.support.eventness import coded as _coded


def test_an_attack_on_an_idea_or_a_record_is_no_assault() -> None:
    for s, trig in (
        ("The opposition leader attacked the government's record on housing.", "attacked"),
        ("The mayor promised to fight crime in the northern districts.", "fight"),
        ("Campaigners warned of an explosion in gambling after the vote.", "explosion"),
        ("The senator killed the bill in committee.", "killed"),
        ("The minister kicked off the new reforms with a speech.", "kicked"),
    ):
        assert abstract_patient(_cand(s, trig)), s


def test_a_contest_for_an_abstract_cause_is_no_assault() -> None:
    s = "The corporal fought to protect our values and our freedoms."
    assert abstract_patient(_cand(s, "fought"))
    assert abstract_patient(_cand("They fought for independence and dignity.", "fought"))
    # a contest to protect a place is combat
    assert not abstract_patient(_cand("The militia fought to defend the town.", "fought"))


def test_a_physical_patient_keeps_the_assault() -> None:
    for s, trig, rec in (
        ("Rebels attacked the army base near Idlib.", "attacked", ("army base",)),
        ("Gunmen killed a journalist for his beliefs.", "killed", ("journalist",)),
        ("Militants attacked Bill Clinton's motorcade.", "attacked", ()),
        ("Soldiers shot dead two protesters in retaliation.", "shot", ("protesters",)),
        ("An explosion in Kabul killed six people.", "explosion", ()),
    ):
        assert not abstract_patient(_cand(s, trig, recipients=rec)), s
    # only ASSAULT has the physical restriction: one can condemn a policy
    assert not abstract_patient(_cand("The minister condemned the policy.", "condemned", "ACCUSE"))


def test_recipients_that_are_all_abstract_rule_the_assault_out() -> None:
    s = "He said the chancellor had, in his words, savaged it."
    assert abstract_patient(_cand(s, "savaged", recipients=("budget",)))
    assert not abstract_patient(_cand(s, "savaged", recipients=("budget", "soldiers")))


def test_a_description_of_a_person_is_no_event() -> None:
    s = "Friends described him as a loving man who had devoted his life to supporting the opposition party."
    assert characterizing(_cand(s, "supporting", "SUPPORT"))
    s2 = "She spent her whole career fighting the regime in the courts."
    assert characterizing(_cand(s2, "fighting"))
    # a description closed by a comma does not reach the trigger; an act described after it still codes
    s3 = "The commander, known as Abu Omar, attacked the checkpoint on Monday."
    assert not characterizing(_cand(s3, "attacked"))
    s4 = "The ministry described the strike as a violation of the ceasefire."
    assert not characterizing(_cand(s4, "strike"))


def test_the_gate_drops_the_other_senses_in_an_article() -> None:
    body = (
        "The opposition leader attacked the government's record on housing in a speech on Monday. "
        "Friends described the activist as a brave man who devoted his life to supporting the opposition. "
        "Police arrested two protesters in the capital on Monday."
    )
    off = _coded(body, OFF)
    kept = _coded(body, RULES)
    gone = {t for t in off if t[1] in ("The opposition leader", "Friends described the")} - {
        t for t in kept if t[1] in ("The opposition leader", "Friends described the") and t[0] != "ASSAULT"
    }
    assert ("ASSAULT", "The opposition leader") not in kept
    assert not {t for t in kept if t[1] == "Friends described the"}
    assert gone  # the coder proposed them
    assert ("COERCE", "Police arrested two") in kept


def test_a_battle_in_a_non_physical_arena_is_no_assault() -> None:
    assert abstract_patient(_cand("The minister faces a long legal battle with the union.", "battle"))
    assert abstract_patient(_cand("She fought a tough budget battle with the Treasury.", "fought"))
    # a battle named by its place or its side is combat
    assert not abstract_patient(_cand("The army lost a long battle for the town.", "battle"))
    assert not abstract_patient(_cand("Troops fought a fierce battle with the rebels.", "fought"))


def test_a_nonspecific_event_noun_under_a_modal_is_no_event() -> None:
    s = "Aid agencies said a full-scale assault by government forces on the province would displace thousands."
    assert hypothetical_nominal(_cand(s, "assault"))
    assert hypothetical_nominal(_cand("Any attack on the base would be a grave mistake, he said.", "attack"))
    assert hypothetical_nominal(_cand("An Israeli strike could set off a regional war.", "strike"))
    # a specific event, a modal of a relative clause or of another clause: reported acts
    assert not hypothetical_nominal(_cand("The army launched an assault on the town on Monday.", "assault"))
    assert not hypothetical_nominal(
        _cand("Rebels carried out an attack that could have killed dozens.", "attack")
    )
    assert not hypothetical_nominal(
        _cand("An attack on the base killed five soldiers, and more may follow.", "attack")
    )


def test_an_act_judged_by_an_extraposed_adjective_is_no_event() -> None:
    s = "Seen this way, it is possible to disagree with the government's strategy in Syria."
    assert extraposed_judgement(_cand(s, "disagree", "ACCUSE"))
    assert extraposed_judgement(_cand("It would be wrong for the army to attack the town.", "attack"))
    # readiness and decisions are not judgements of the act by the author
    assert not extraposed_judgement(_cand("The army said it was ready to attack the town.", "attack"))
    assert not extraposed_judgement(_cand("Rebels attacked the town.", "attacked"))


def test_an_act_repeated_over_the_years_is_a_habit() -> None:
    from eventdesk.code.eventness import generic_or_habitual

    s = "The group has adapted and gone back on the attack in years past."
    assert generic_or_habitual(_cand(s, "attack"))
    assert not generic_or_habitual(_cand("The group went back on the attack on Monday.", "attack"))
