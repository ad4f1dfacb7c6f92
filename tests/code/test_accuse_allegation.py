"""ACCUSE with no word of criticism (issue 11, session 15): a party that asserts another party did
violence accuses it (PLOVER ACCUSE 'allege'; FrameNet Statement and Reasoning units of asserting a
claim), a party held accountable is blamed (WordNet: accountable = responsible), and an allegation's
that-clause names the accused. Sentences written for these tests; a neutral paragraph comes first
(tests/support/article.py)."""

from __future__ import annotations

from tests.support.article import events_after_fill


def _parties(text: str) -> list[tuple[str, list[str], list[str]]]:
    return sorted(
        (e.event_type, [a.name for a in e.actors], [r.name for r in e.recipients])
        for e in events_after_fill(text)
    )


def test_a_party_insisting_another_did_violence_accuses_it():
    got = _parties(
        "Turkish officials insisted on Sunday that the Kurdish militias had repeatedly shelled Turkish "
        "positions near the border."
    )
    assert ("ACCUSE", ["Turkiye officials"], ["Kurdish militias"]) in got
    assert ("ASSAULT", ["Kurdish militias"], ["Turkiye"]) in got  # the claimed act stays a record
    got = _parties(
        "The Syrian government claimed on Monday that rebels had attacked an army checkpoint near Hama."
    )
    assert ("ACCUSE", ["Syria government"], ["rebels"]) in got


def test_a_neutral_report_or_a_party_reporting_its_own_act_accuses_no_one():
    # "said" reports the act (claimed), it is not an allegation
    assert [t for t, _, _ in _parties("The rebels said the army had shelled the town.")] == ["ASSAULT"]
    # the speaker's own forces
    assert [
        t
        for t, _, _ in _parties(
            "Russia insisted on Tuesday that its jets had struck militant positions near Idlib."
        )
    ] == ["ASSAULT"]
    got = _parties(
        "The Iraqi army claimed on Tuesday that Iraqi soldiers had killed ten militants near Mosul."
    )
    assert [t for t, _, _ in got] == ["ASSAULT"]
    # no act of violence in the claim
    assert _parties("The minister claimed that the new budget would create jobs.") == []


def test_holding_a_party_accountable_blames_it():
    assert _parties(
        "The rebel group said in a statement that it held both Ankara and Moscow accountable for the massacres."
    ) == [("ACCUSE", ["rebel group"], ["Turkiye", "Russian Federation"])]
    assert _parties(
        "The Kurdish militia said on Monday it held the Turkish government responsible for the deaths."
    ) == [("ACCUSE", ["Kurdish militia"], ["Turkiye government"])]


def test_whom_an_allegation_names_is_the_accused():
    assert _parties(
        "The opposition alleged that police had beaten protesters in the capital on Saturday."
    ) == [("ACCUSE", ["opposition"], ["police"])]
