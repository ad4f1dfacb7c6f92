"""A guess of the sentence coder as an event of another type, with that type's CAMEO, Goldstein and
ACLED codes: what the coder does with a type the rules changed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventdesk.code.acled_rules import _territory
from eventdesk.code.lexicon import Hit
from eventdesk.code.sentence import TypeGuess, acled_sub_type, guess_of_type


def retype(g: TypeGuess, text: str, etype: str, mode: str | None = None, acled: Any = None) -> TypeGuess:
    """The sentence coder's guess `g` as an event of `etype` (with that type's CAMEO, Goldstein and
    ACLED codes); `text` is the text its trigger offsets point into; `acled` the ACLED sub-type model
    (Resources.acled_model) that picks the sub-type of a new violent type."""
    acled_sub = None
    hit = Hit(etype, None, "190", g.score, None, *(g.trigger or (0, 0)), 0)
    if etype == "ASSAULT" and mode == "abduct":
        acled_sub = "Abduction/forced disappearance"
    elif etype == "ASSAULT" and g.event_type == "COERCE" and g.trigger:
        acled_sub = _territory(text, hit)  # land seized: who gained it sets the sub-type
    elif acled is not None and g.trigger:
        acled_sub = acled_sub_type(etype, hit, text, acled)
    new = guess_of_type(text, etype, g.score, acled_sub, g.case_label)
    return replace(new, mode=mode or new.mode, trigger=g.trigger)
