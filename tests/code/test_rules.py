"""Modality, roles and ordering on sentences written for these tests."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources


def _events(text: str, published: str | None = "2024-05-01"):
    art = Article(title="", body=text, published=published)
    evs = code([art], {}, Resources.shared({}))
    for e in evs:
        assert art.body[e.evidence.start : e.evidence.end] == e.evidence.sentence
    return evs


def test_negated():
    (e,) = [
        e
        for e in _events("Police did not arrest the opposition leader in Nairobi.")
        if e.event_type == "COERCE"
    ]
    assert e.modality == "negated"
    assert e.actors[0].sector == "COP"


def test_not_x_but_y_affirms_y():
    # corrective coordination: the negation of the first conjunct does not reach the second
    evs = _events("Police did not arrest the opposition leader but beat his supporters in Nairobi.")
    assert [e.modality for e in evs if e.event_type == "ASSAULT"] == ["asserted"]
    assert [e.modality for e in evs if e.event_type == "COERCE"] == ["negated"]
    # a negation shared by "or" still denies both acts
    evs = _events("Police did not arrest or detain the opposition leader in Nairobi.")
    assert evs and all(e.modality == "negated" for e in evs if e.event_type == "COERCE")


def test_hypothetical_future():
    evs = [
        e
        for e in _events("The Malian army will launch an offensive against jihadists next week.")
        if e.event_type in ("ASSAULT", "MOBILIZE")
    ]
    assert evs and evs[0].modality == "hypothetical"
    assert (evs[0].actors[0].country, evs[0].actors[0].sector) == ("MLI", "MIL")


def test_passive_agent_is_actor():
    evs = [
        e
        for e in _events("Three villagers were killed by al-Shabaab militants near Baidoa.")
        if e.event_type == "ASSAULT"
    ]
    assert evs[0].actors[0].name == "Al-Shabaab"
    assert any(r.sector == "CVL" for r in evs[0].recipients)


def test_denial_is_negated():
    evs = [
        e
        for e in _events("The ministry denied that Turkish jets bombed the camp.")
        if e.event_type == "ASSAULT"
    ]
    assert evs and evs[0].modality == "negated"
    assert evs[0].actors[0].country == "TUR"


def test_historical_year():
    evs = [
        e
        for e in _events("In 2019, Ethiopian troops clashed with rebels in Tigray.")
        if e.event_type == "ASSAULT"
    ]
    assert evs and evs[0].modality == "historical"


def test_no_event():
    assert _events("The weather in Nairobi was mild and the markets were busy.") == []


def test_main_event_of_short_report_first():
    evs = _events(
        "On 3 March 2022, protesters gathered in Tunis to demand higher wages. Police arrested two of them.",
        published=None,
    )
    assert evs[0].event_type == "PROTEST"
    assert evs[0].actors[0].sector == "CVL"


def test_short_report_main_event_is_coded_from_the_whole_text():
    """A short report (an ACLED-style note) gets its main event first, placed and dated, even when
    no sentence frame produced it; an unnamed party is coded as ACLED does."""
    from eventdesk.config import load_config
    from eventdesk.pipeline import extract_events
    from eventdesk.records import Article

    cfg = load_config()
    cases = [
        (
            "Property destruction: On 3 March 2023, soldiers demolished a farmhouse near the village of "
            "Tarmiyah, Baghdad.",
            "Strategic developments",
            "Baghdad",
            "2023-03-03",
        ),
        (
            "On 12 May 2023, unknown gunmen abducted two traders on the road between Kano and Zaria.",
            "Violence against civilians",
            "Kano",
            "2023-05-12",
        ),
        (
            "Looting: On 2 April 2023, armed men looted shops in the market of Gao.",
            "Strategic developments",
            "Gao",
            "2023-04-02",
        ),
    ]
    for text, acled_type, place, day in cases:
        events = extract_events([Article(title="", body=text)], cfg)
        assert events, text
        main = events[0]
        assert (main.acled_event_type, main.location and main.location.name, main.date) == (
            acled_type,
            place,
            day,
        )
        assert main.actors and main.actors[0].country, main.actors  # never an event without a party
        assert text[main.evidence.start : main.evidence.end] == main.evidence.sentence


def test_tagged_note_without_trigger_word_is_still_an_event():
    # "Movement of forces:" says what the note reports even though no sentence has an event verb
    evs = _events(
        "Movement of forces: On 3 July 2023, a coalition convoy of 12 vehicles carrying supplies was "
        "observed crossing into Syria from Iraq.",
        published=None,
    )
    assert evs and evs[0].acled_sub_event_type == "Change to group/activity"
    assert evs[0].acled_event_type == "Strategic developments"


def test_passive_weapon_subject_names_its_owner_as_actor():
    # a weapon is what was used, not who was hit: its demonym is the actor
    evs = [
        e
        for e in _events("Israeli missiles were fired at an army depot near Homs on Monday.")
        if e.event_type == "ASSAULT"
    ]
    assert evs and evs[0].actors[0].country == "ISR"
    assert not any(r.text.lower().endswith("missiles") for r in evs[0].recipients)


def test_clause_role_tells_main_clause_from_reported_content_and_noun_phrases():
    art = Article(
        title="",
        body="Rebels attacked the army base on Monday. "
        "The minister said that police arrested two protesters in the capital. "
        "Thousands of families fled after the airstrikes on the town.",
        published="2024-05-01",
    )
    cfg = {"code": {"eventness_threshold": -1}}
    evs = code([art], cfg, Resources.shared(cfg))
    role: dict[str, str] = {}
    for e in sorted(evs, key=lambda e: e.evidence.start):
        role.setdefault(e.event_type, e.extra["clause_role"])
    assert role["ASSAULT"].startswith("ROOT|VERB|VBD|subj")  # "Rebels attacked"
    assert role["COERCE"].startswith("ccomp|VERB|VBD|subj|say")
    (strikes,) = [e for e in evs if "airstrikes" in e.evidence.sentence]
    assert strikes.extra["clause_role"].startswith("pobj|NOUN")


def _ungated(text: str):
    art = Article(title="", body=text, published="2024-05-01")
    cfg = {"code": {"eventness_threshold": -1}}
    return code([art], cfg, Resources.shared(cfg))


def test_directive_want_is_a_request_and_wanting_to_act_is_not():
    (req,) = [
        e
        for e in _ungated("The five unions want the government to withdraw the pension regulations.")
        if e.event_type == "REQUEST"
    ]
    assert req.actors[0].text == "five unions"
    assert not [e for e in _ungated("The minister wanted to visit his family.") if e.event_type == "REQUEST"]


def test_meeting_where_something_was_agreed_is_an_event_of_its_own():
    evs = _ungated(
        "The plan was agreed on Monday by Vladimir Putin and Recep Tayyip Erdogan at a summit in Sochi."
    )
    by_type = {e.event_type: e for e in evs}
    assert {"AGREE", "CONSULT"} <= set(by_type)
    assert {a.name for a in by_type["CONSULT"].actors} == {a.name for a in by_type["AGREE"].actors}


def test_the_party_that_convenes_a_meeting_is_its_actor():
    (e,) = [
        e
        for e in _ungated("France has convened a closed-door meeting of the UN Security Council for Monday.")
        if e.event_type == "CONSULT"
    ]
    assert e.actors[0].country == "FRA"
