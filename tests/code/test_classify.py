"""Event type classification (eventdesk.code.classify) and the ontology data behind it.

Sentences here are written for these tests (not taken from the eval sets or the seeds).
"""

from __future__ import annotations

import pytest

from eventdesk.code import classify as C
from eventdesk.code import ontology
from eventdesk.code.classify import TypeGuess, triggers
from eventdesk.records import PLOVER_TYPES
from eventdesk.resources import Resources

RES = Resources.from_config({})  # the ACLED model and the spaCy pipeline, loaded on first use


def _parser():
    """The shared spaCy pipeline for the main-verb rule, None when the model is not installed."""
    try:
        return RES.nlp
    except Exception:  # noqa: BLE001 - model not installed: the rule is off, as in a run without it
        return None


def classify(texts):
    return C.classify(texts, RES.acled_model)


def classify_document(texts):
    return C.classify_document(texts, _parser(), RES.acled_model)


def first(text: str) -> TypeGuess | None:
    out = classify([text])[0]
    return out[0] if out else None


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Government troops clashed with rebels near the border on Monday.", "ASSAULT"),
        ("Warplanes bombed a market in the northern province.", "ASSAULT"),
        ("Thousands of teachers protested outside parliament over unpaid wages.", "PROTEST"),
        ("Police arrested twelve opposition activists in the capital.", "COERCE"),
        ("The two presidents met in Geneva to discuss the crisis.", "CONSULT"),
        ("The foreign minister accused the neighbouring country of backing the insurgents.", "ACCUSE"),
        ("The opposition demanded the resignation of the interior minister.", "REQUEST"),
        ("The government rejected the proposal for early elections.", "REJECT"),
        ("The militia threatened to attack the town if its fighters were not released.", "THREATEN"),
        ("The European Union imposed sanctions on five generals.", "SANCTION"),
        ("The army deployed thousands of troops to the northern region.", "MOBILIZE"),
        ("The rebels released forty hostages on Sunday.", "RETREAT"),
        ("The donor countries provided emergency food aid to the flood victims.", "AID"),
        ("The parties agreed to a ceasefire starting at midnight.", "AGREE"),
        ("The prime minister praised the mediators for their efforts.", "SUPPORT"),
        ("The president pardoned three jailed journalists.", "CONCEDE"),
        ("The two navies held joint exercises in the gulf.", "COOPERATE"),
    ],
)
def test_sentence_types(text: str, etype: str) -> None:
    g = first(text)
    assert g is not None, text
    assert g.event_type == etype, (text, [x.event_type for x in classify([text])[0]])
    assert g.event_type in PLOVER_TYPES
    assert 0.0 <= g.score <= 1.0
    s, e = g.trigger
    assert 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "The region has long been known for its olive groves.",
        "The spokesman said the plan aims to improve stability in the long term.",
        "The organisation teaches religious law and hosts cultural gatherings.".replace("hosts", "runs"),
        "",
    ],
)
def test_non_events(text: str) -> None:
    assert classify([text]) == [[]]


def test_modifier_is_not_an_event() -> None:
    # "X-backed" describes a group; it is not SUPPORT
    assert not [
        g for g in classify(["The Moscow-backed faction held its congress."])[0] if g.event_type == "SUPPORT"
    ]


def test_reciprocal_accusation_puts_speech_act_first() -> None:
    out = classify(["The two militias accused each other of shelling the airport."])[0]
    assert out[0].event_type == "ACCUSE"
    assert out[0].mode == "allege"
    # the shelling is what was alleged: kept, but weaker
    assert all(g.score <= out[0].score for g in out)


def test_future_cooperation_is_agree_and_future_force_is_threaten() -> None:
    assert first("Japan will provide humanitarian aid to the refugees.").event_type == "AGREE"
    assert first("The rebels said they would attack the capital.").event_type == "THREATEN"


def test_acled_fields_for_violence() -> None:
    g = first("A drone strike hit a convoy of fighters near the town.")
    assert g.event_type == "ASSAULT"
    assert g.mode in ("aerial", "drone")
    assert g.acled_event_type == "Explosions/Remote violence"
    assert g.acled_sub_event_type == "Air/drone strike"
    assert g.cameo_root == "19"
    assert g.goldstein is not None and g.goldstein < -5


def test_territory_by_state_forces() -> None:
    g = first("The army recaptured the provincial capital from the insurgents.")
    assert g.acled_sub_event_type == "Government regains territory"
    g = first("Insurgents seized control of the district headquarters.")
    assert g.acled_sub_event_type == "Non-state actor overtakes territory"


def test_trigger_offsets_point_at_words() -> None:
    text = "Earlier on Tuesday, protesters blocked the main highway."
    g = first(text)
    s, e = g.trigger
    assert "block" in text[s:e].lower() or "protest" in text[s:e].lower()


def test_spans_accepted() -> None:
    class Span:
        text = "Security forces arrested five suspects."

    assert classify([Span()])[0][0].event_type == "COERCE"


def test_document_main_event_first() -> None:
    note = (
        "On 3 May 2021, unidentified gunmen opened fire on a village, killing four residents. "
        "Relatives later protested in front of the district office."
    )
    g = classify_document([note])[0][0]
    assert g.event_type == "ASSAULT"
    assert g.acled_event_type in ("Violence against civilians", "Battles")


def test_document_case_labels() -> None:
    quake = "A magnitude 6.1 earthquake struck the coastal province, killing at least 20 people."
    assert classify_document([quake])[0][0].case_label == "NATURAL_DISASTER"
    claim = "The militant group claimed responsibility for the bombing of the checkpoint."
    assert classify_document([claim])[0][0].case_label == "ATTRIB"
    diplo = "The foreign ministry summoned the ambassador and condemned the remarks."
    d = classify_document([diplo])[0][0]
    assert d.case_label == "DIPLO" and d.event_type == "ACCUSE"


def test_ontology_tables() -> None:
    assert ontology.cameo("1822").mode == "torture"
    assert ontology.cameo("02").event_type == "REQUEST"
    assert ontology.goldstein("1822") == -9.0
    assert ontology.cameo_root("0831") == "08"
    assert ontology.plover_score("ASSAULT", "aerial") == -9.5
    subs = {a.sub_event_type for a in ontology.acled_types()}
    assert {"Armed clash", "Air/drone strike", "Peaceful protest", "Arrests", "Suicide bomb"} <= subs
    for a in ontology.acled_types():
        assert a.plover_type in PLOVER_TYPES
        assert ontology.goldstein(a.cameo) is not None, a
    for t in PLOVER_TYPES:
        assert t in ontology.plover()["types"]


def test_every_lexicon_type_is_plover() -> None:
    from eventdesk.code.classify import _lexicon

    for e in _lexicon():
        assert e.event_type in PLOVER_TYPES
        assert (
            e.mode is None
            or e.mode in ontology.plover_modes(e.event_type)
            or e.mode in ("economic", "legal", "intelligence", "asylum", "diplomatic")
        ), (e.line, e.mode)
        assert ontology.cameo(e.cameo) is not None, e.line


def test_triggers_do_not_overlap() -> None:
    hits = triggers("Air strikes and artillery shelling hit the town as a hunger strike went on.")
    for a, b in zip(hits, hits[1:], strict=False):
        assert a.end <= b.start
    kinds = {(h.event_type, h.mode) for h in hits}
    assert ("PROTEST", "hunger") in kinds and ("ASSAULT", "aerial") in kinds


def _doc(text: str) -> TypeGuess:
    return classify_document([text])[0][0]


def test_document_attack_on_armed_target_is_a_battle() -> None:
    g = _doc(
        "On 3 March 2021, unidentified gunmen attacked a police checkpoint near the market town. "
        "Two officers were killed."
    )
    assert (g.acled_event_type, g.acled_sub_event_type) == ("Battles", "Armed clash")
    g = _doc(
        "On 3 March 2021, unidentified gunmen attacked villagers near the market town. Two farmers were killed."
    )
    assert (g.acled_event_type, g.acled_sub_event_type) == ("Violence against civilians", "Attack")


def test_document_rioters_clash_is_mob_violence() -> None:
    g = _doc("On 9 May 2021, rival youths clashed with each other near the bus station. Three were injured.")
    assert g.acled_event_type == "Riots"


def test_document_strategic_tag() -> None:
    g = _doc("Movement of forces: On 2 July 2021, a convoy of army trucks entered the northern province.")
    assert g.acled_sub_event_type == "Change to group/activity"
    g = _doc("Defusal: On 2 July 2021, engineers found and defused a roadside bomb on the highway.")
    assert g.acled_sub_event_type == "Disrupted weapons use"


def _parser_available() -> bool:
    return _parser() is not None


@pytest.mark.skipif(not _parser_available(), reason="spaCy model not installed")
@pytest.mark.parametrize(
    "text,etype",
    [
        (
            "The farmers' union demanded that the ministry reopen the grain depots, its chairman said.",
            "REQUEST",
        ),
        ("The coastal state will support the candidacy of its neighbour for the council seat.", "AGREE"),
        ("The two provinces agreed to a truce after a week of heavy fighting along the river.", "AGREE"),
        ("The president said the government would not meet the strikers' conditions.", "REJECT"),
        ("The ministry suspended flights to the island after the storm damaged the runway.", "SANCTION"),
    ],
)
def test_document_main_verb_carries_the_event(text: str, etype: str) -> None:
    assert _doc(text).event_type == etype


def test_document_protest_subtypes() -> None:
    g = _doc("Hundreds of students protested outside the ministry; some hurled stones at the police.")
    assert g.acled_sub_event_type == "Violent demonstration"
    g = _doc("Police fired tear gas to disperse hundreds of students who protested outside the ministry.")
    assert g.acled_sub_event_type == "Protest with intervention"
    g = _doc("Two demonstrators were killed when soldiers opened fire on a peaceful protest in the square.")
    assert g.acled_sub_event_type == "Excessive force against protesters"


def test_document_agreement_and_defusal() -> None:
    g = _doc("The government and the rebel movement began peace talks in the capital on Monday.")
    assert (g.event_type, g.acled_sub_event_type) == ("AGREE", "Agreement")
    g = _doc("Army engineers defused two roadside bombs found near the bridge.")
    assert g.acled_sub_event_type == "Disrupted weapons use"


def test_document_case_readings() -> None:
    g = _doc("Dozens of shops were looted and burned in the old market overnight, traders said.")
    assert g.acled_sub_event_type == "Looting/property destruction"
    g = _doc("Investigators found a mass grave near the quarry, local officials said on Friday.")
    assert g.acled_sub_event_type == "Other"
    g = _doc(
        "A blast ripped through a chemical plant storing solvents in the port district, killing four workers."
    )
    assert g.case_label == "MAN_MADE_DISASTER"
    g = _doc("Residents said a suspected chemical attack hit the suburb at dawn.")
    assert g.acled_sub_event_type == "Chemical weapon"
    g = _doc("Fighter jets fired several missiles at a fuel depot outside the town on Sunday.")
    assert g.acled_sub_event_type == "Air/drone strike"


def test_territory_gain_by_first_actor() -> None:
    g = _doc("Rebel fighters clashed with the army and took control of the district capital on Tuesday.")
    assert g.acled_sub_event_type == "Non-state actor overtakes territory"
    g = _doc("Government troops recaptured the border town from the insurgents after two days of shelling.")
    assert g.acled_sub_event_type == "Government regains territory"
    g = _doc(
        "The militia withdrew overnight and army units entered the town; no clashes were reported. "
        "Soldiers took control of the town hall."
    )
    assert g.acled_sub_event_type == "Non-violent transfer of territory"


@pytest.mark.skipif(not _parser_available(), reason="spaCy model not installed")
@pytest.mark.parametrize(
    "text,etype",
    [
        ("The envoy said both factions must accept the new border commission.", "REQUEST"),
        ("The coalition will pull its soldiers out of the valley unless the talks resume.", "THREATEN"),
        ("The donors gave the province 3.5 million dollars of aid for clinics.", "AID"),
        ("The union will hand the ministry a grant of 2 million dollars for schools.", "AGREE"),
        ("The organisation withdrew its observers from the disputed district on Monday.", "SANCTION"),
        ("The regional bloc ended its mediation between the two parties.", "SANCTION"),
        ("The foreign minister cancelled a planned visit to the neighbouring capital.", "REJECT"),
    ],
)
def test_document_plover_manual_readings(text: str, etype: str) -> None:
    assert _doc(text).event_type == etype


def test_document_passive_and_armed_group_readings() -> None:
    g = _doc("On 4 May 2021, four farmers were killed by unidentified fighters near the river crossing.")
    assert (g.acled_event_type, g.acled_sub_event_type) == ("Violence against civilians", "Attack")
    g = _doc("On 4 May 2021, militants carried out a remote explosive attack on an army patrol near the dam.")
    assert g.acled_sub_event_type == "Remote explosive/landmine/IED"
    g = _doc("On 4 May 2021, youths demonstrated and burnt the contractor's machines near the quarry.")
    assert g.acled_sub_event_type == "Violent demonstration"


def test_document_arrest_of_organiser_and_calm_entry() -> None:
    g = _doc(
        "Police arrested a student leader on Friday for organising an unauthorised protest at the campus."
    )
    if g.event_type == "COERCE":  # main-verb reading (needs the parser)
        assert g.acled_sub_event_type == "Arrests"
    g = _doc("Rebel fighters entered the town of Lakeside without any resistance on Sunday.")
    assert g.acled_sub_event_type == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The dockworkers' union will stage a strike at the port next week.", "THREATEN"),
        ("The council plans to impose a curfew on the northern districts.", "THREATEN"),
        ("The ministry lodged a formal note of protest with the embassy over the incident.", "ACCUSE"),
    ],
)
def test_future_restrictions_and_protest_notes(text: str, etype: str) -> None:
    assert first(text).event_type == etype


def test_document_pushed_out_and_arrests_at_a_protest() -> None:
    g = _doc("Government troops pushed the insurgents out of three villages near the lake on Monday.")
    assert g.acled_sub_event_type == "Government regains territory"
    g = _doc("On 2 May 2021, soldiers killed and wounded scores of terrorists near the dam.")
    assert g.acled_event_type == "Battles"
    g = _doc(
        "Several students were detained by police while trying to hold a demonstration outside the court."
    )
    assert g.event_type == "PROTEST"


def test_document_passive_victim_and_off_duty() -> None:
    g = _doc("On 3 June 2021, a village imam was shot and killed by unknown gunmen near the market.")
    assert g.acled_event_type == "Violence against civilians"
    g = _doc(
        "On 3 June 2021, local defence groups carried out mine attacks against an army column near the pass."
    )
    assert g.acled_sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The rebel command declared a unilateral ceasefire along the northern front.", "RETREAT"),
        ("The navy lifted its blockade of the island's main port on Tuesday.", "RETREAT"),
        ("The government lifted the curfew in the capital after a week of calm.", "CONCEDE"),
        ("A first contingent of peacekeepers arrived in the capital on Monday.", "RETREAT"),
    ],
)
def test_retreat_and_concede_by_cameo(text: str, etype: str) -> None:
    assert first(text).event_type == etype


def test_event_after_a_cause_clause_is_the_main_one() -> None:
    g = first("The governor imposed a curfew on the port city after a violent demonstration on Friday.")
    assert g.event_type == "COERCE"
