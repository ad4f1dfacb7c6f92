"""Frame rules of session 16 (2026-12-03): the parties of a joint act named by a "between" phrase of its
noun ("talks between X and Y", "a phone call between X and Y", "a deal between X and Y"; Quirk et al.
1985 9.25, FrameNet Discussion and Make_agreement_on_action); the first named is the source, the others
its counterparts (PLOVER dyad). Sentences written for these tests; a neutral paragraph comes first so
that the text is coded as an article, not as a short report."""

from __future__ import annotations

from tests.support.article import events_after_fill


def _parties(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.event_type, [a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events_after_fill(text)
    ]


def test_talks_between_two_parties_are_their_meeting():
    assert _parties(
        "Talks between the Syrian government and the opposition ended in Geneva on Friday without agreement."
    ) == [("CONSULT", ["Syria government"], ["opposition"])]


def test_a_phone_call_between_two_leaders_is_their_meeting():
    assert _parties(
        "A phone call between Donald Trump and Recep Tayyip Erdogan on Wednesday focused on the offensive."
    ) == [("CONSULT", ["Donald Trump"], ["Recep Tayyip Erdogan"])]


def test_a_deal_between_two_parties_is_their_agreement():
    assert _parties("A ceasefire deal between Israel and Hamas took effect on Sunday.") == [
        ("AGREE", ["Israel"], ["Hamas"])
    ]


def test_a_possessor_still_names_the_party_before_a_between_phrase():
    assert _parties("Turkey's talks between the rival factions in Ankara ended on Friday.") == [
        ("CONSULT", ["Turkiye"], [])
    ]


def test_a_fight_between_two_sides_is_left_to_the_other_rules():
    # only joint acts (meetings, agreements, cooperation) are read as a dyad from "between"
    assert _parties("Clashes between Syrian troops and rebels killed 12 people near Hama on Tuesday.") == [
        ("ASSAULT", ["Unidentified armed group"], [])
    ]
