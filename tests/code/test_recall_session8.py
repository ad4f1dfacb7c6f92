"""Recall rules of the fourth session of 2026-12-02: acts told in coordinated verbs and in supplementary
relative clauses are events of their own, not the content of the verb above them. Sentences written for
these tests; a neutral paragraph comes first so that the text is coded as an article, not as a short
report."""

from __future__ import annotations

from tests.support.article import types_after_fill as _types


def test_verbs_joined_by_and_tell_two_acts():
    assert _types("The army shelled the town and arrested dozens of protesters.") == ["ASSAULT", "COERCE"]
    assert "REQUEST" in _types("Kenya condemned the raid and demanded the release of the journalists.")


def test_verbs_joined_by_or_are_one_act_told_two_ways():
    got = _types("Militiamen were killing or imprisoning villagers in the valley, the police said.")
    assert len(got) == 1


def test_a_supplementary_relative_clause_tells_an_act_of_its_own():
    got = _types("The president met Kenya's foreign minister, who accused Uganda of arming the rebels.")
    assert "CONSULT" in got and "ACCUSE" in got
