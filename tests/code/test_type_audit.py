"""Types the PLOVER 2.0 manual and the realnews GUIDE give words whose lexicon type needs their frame
(code/type_choice/; issue 11 point 2). Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventdesk.code.lexicon import triggers
from tests.support.type_choice import decide as _decide


@pytest.mark.parametrize(
    ("text", "word", "etype", "expected"),
    [
        # a warning that asks something of its addressee is a demand (REQUEST), not a threat
        ("The minister warned Iran against further missile tests.", "warned", "THREATEN", "REQUEST"),
        ("Washington warned Ankara not to attack the Kurdish fighters.", "warned", "THREATEN", "REQUEST"),
        ("The UN warned against a military solution to the conflict.", "warned", "THREATEN", "REQUEST"),
        # a repercussion the speaker's side holds out stays a threat
        ("Turkey warned the militia that it would attack Manbij.", "warned", "THREATEN", "THREATEN"),
        ("France warned Syria of serious consequences.", "warned", "THREATEN", "THREATEN"),
        # forces pulled out of a place retreat; a treaty or a body left is a reduction of relations
        ("The president said American forces would pull out of Syria.", "pull", "SANCTION", "RETREAT"),
        ("The UK pulled its troops out of Basra in 2007.", "pulled", "SANCTION", "RETREAT"),
        ("Russia pulled out of the treaty last year.", "pulled", "SANCTION", "SANCTION"),
        ("The party pulled out of the coalition government on Friday.", "pulled", "SANCTION", "SANCTION"),
        # an armed group driven out of a place loses territory; diplomats expelled are SANCTION 'expel'
        ("Kurdish forces expelled Isis from Raqqa in October.", "expelled", "SANCTION", "ASSAULT"),
        ("Britain expelled 23 Russian diplomats from the country.", "expelled", "SANCTION", "SANCTION"),
        # an offensive announced by its own side is a threat, one launched an assault
        ("Turkey said it would launch an offensive against the militia.", "launch", "MOBILIZE", "THREATEN"),
        ("Turkey launched an offensive against the militia on Saturday.", "launched", "MOBILIZE", "ASSAULT"),
        # found guilty by a court: COERCE like a sentence (realnews GUIDE); a fine stays SANCTION
        ("The former mayor was found guilty of fraud at the crown court.", "found", "SANCTION", "COERCE"),
        ("The court fined the newspaper for contempt.", "fined", "SANCTION", "SANCTION"),
        # quitting an office is a resignation (RETREAT); quitting a coalition reduces relations (SANCTION)
        ("The minister quit the cabinet over the war.", "quit", "SANCTION", "RETREAT"),
        ("The party quit the coalition on Friday.", "quit", "SANCTION", "SANCTION"),
        # defending a place is force; defending a decision is verbal support
        ("Kurdish fighters defended the town against the militants.", "defended", "SUPPORT", "ASSAULT"),
        ("The home secretary defended the decision on Monday.", "defended", "SUPPORT", "SUPPORT"),
        # a formal charge by prosecutors or police is an indictment (realnews GUIDE: COERCE)
        ("Prosecutors charged the two men with membership of a banned group.", "charged", "ACCUSE", "COERCE"),
        ("The senator charged the president with betraying the allies.", "charged", "ACCUSE", "ACCUSE"),
        # a verbal attack over a record or a plan is a criticism (PLOVER ACCUSE; issue 11: verbal assaults)
        (
            "The opposition leader attacked the premier over his record on crime.",
            "attacked",
            "ASSAULT",
            "ACCUSE",
        ),
        ("The senator attacked the Greens for their plans to cut spending.", "attacked", "ASSAULT", "ACCUSE"),
        ("Gunmen attacked the convoy over the weekend.", "attacked", "ASSAULT", "ASSAULT"),
        # a politician who defects leaves a party (SANCTION 'withdraw'); soldiers who defect move (MOBILIZE)
        ("The MP defected from the Conservatives to Labour.", "defected", "MOBILIZE", "SANCTION"),
        ("Dozens of soldiers defected to the rebels.", "defected", "MOBILIZE", "MOBILIZE"),
        # an order to withdraw troops is a retreat; an order to send troops a mobilization
        (
            "The president ordered the withdrawal of US troops from the region.",
            "ordered",
            "MOBILIZE",
            "RETREAT",
        ),
        ("The president ordered more troops to the border.", "ordered", "MOBILIZE", "MOBILIZE"),
    ],
)
def test_frame_sets_the_type(text, word, etype, expected):
    assert _decide(text, word, etype) == expected


def test_demolition_is_destruction():
    # PLOVER ASSAULT 'destroy': "the demolition of housing settlements"
    text = "The army carried out the demolition of forty homes in the village."
    assert ("ASSAULT", "demolition") in [(h.event_type, text[h.start : h.end]) for h in triggers(text)]
