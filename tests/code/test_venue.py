"""A town naming an agreement or meeting ("the Sochi agreement") says where it was made, not who made
it (Quirk et al. 1985, 17.108-17.109: a proper-noun premodifier of location sense); a country or
group in the same place names a party. Sentences written for these tests; a neutral paragraph comes
first so that the text is coded as an article, not as a short report."""

from __future__ import annotations

import pytest

from tests.support.article import events_after_fill


def _actors(text: str, etype: str) -> list[str]:
    return [a.name for e in events_after_fill(text) if e.event_type == etype for a in e.actors]


@pytest.mark.parametrize("town", ["Sochi", "Dayton", "Montreux"])
def test_a_town_premodifying_an_agreement_is_no_party(town: str) -> None:
    got = _actors(
        f"Erdogan said on Monday that the {town} agreement had averted a great humanitarian disaster.",
        "AGREE",
    )
    assert got  # the agreement is coded, with the speaker as its party
    assert town not in got


def test_a_group_premodifying_an_attack_is_its_party() -> None:
    assert "Hamas" in _actors(
        "Officials said the Hamas attack killed 20 people in the border town.", "ASSAULT"
    )


def _recipients(text: str, etype: str) -> list[str]:
    return [a.name for e in events_after_fill(text) if e.event_type == etype for a in e.recipients]


@pytest.mark.parametrize(
    "text", ["Rebels rejected the Minsk deal on Sunday.", "Turkey rejected the Paris accord on Monday."]
)
def test_an_agreement_named_by_its_town_is_no_recipient(text: str) -> None:
    assert _recipients(text, "REJECT") == []


def test_an_agreement_named_by_a_country_names_a_party() -> None:
    assert _recipients("Iran rejected the US deal on Monday.", "REJECT") == ["United States"]
