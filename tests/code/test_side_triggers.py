"""Side triggers (issue 11 point 2): words of a sentence that name no act of their own beside the act it reports.
Sentences written for these tests: a noun modifier of a noun naming a place, an office, a time or a power classifies
that thing; the deed in an accusation's "of"/"for" complement is what the accuser says."""

from __future__ import annotations

from tests.support.article import types_after_fill as _types


def test_a_noun_modifier_of_a_place_or_an_office_names_no_act():
    # the visit is the event; "detention" only says which kind of centre was visited
    assert _types("The minister visited two detention centres near the border on Tuesday.") == ["CONSULT"]
    # a modifier of an event noun stays the means of that event
    assert _types("Mortar strikes hit the town on Tuesday.") == ["ASSAULT"]
    # another word of that type in the sentence: the record stands for it, and stays
    assert _types("The jets were attacking the regime's chemical weapons facilities.") == ["ASSAULT"]


def test_the_deed_an_accuser_names_is_the_content_of_the_accusation():
    assert _types("Saudi Arabia accuses Iran of backing the Houthis.") == ["ACCUSE"]
    assert _types("Kenya accused Uganda of shelling border villages.") == ["ACCUSE"]
    # an allegation with no accuser reports the deed
    assert "ASSAULT" in _types("Members of the cell are accused of beheading hostages.")
    # a deed told in a clause of its own beside the accusation is an act of its own
    got = _types("Kenya accused Uganda of shelling border villages, and the army shelled their positions.")
    assert got == ["ACCUSE", "ASSAULT"]


def test_a_participle_before_a_noun_describes_a_participant():
    # the wounded soldiers are who was flown out, the detained men who was questioned: neither sentence
    # reports the wounding or the detention
    assert _types("Helicopters flew the wounded soldiers to a hospital in the capital.") == []
    assert "COERCE" not in _types("Police questioned the detained men in the capital on Tuesday.")
    # told in a clause of its own, the act stays; so does the act the sentence reports about such a participant
    assert _types("Militants wounded three soldiers near the border on Tuesday.") == ["ASSAULT"]
    assert _types("The kidnapped aid worker was freed on Tuesday.") == ["RETREAT"]
