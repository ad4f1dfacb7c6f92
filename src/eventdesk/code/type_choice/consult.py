"""CONSULT: meetings, visits and talks between political actors (PLOVER 2.0). Movement that is no
journey, a speech to an audience, a meeting one is only disposed to and other senses of "meet" and "welcome"
hold none; a visit needs an official party.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.embedding import _said, disposition
from eventdesk.code.type_choice.tree import _objects
from eventdesk.code.type_choice.vocab import _is


def _travels(tok: Any) -> bool:
    """Whether a verb of movement tells a journey (PLOVER CONSULT 'visit': travel to meet): not "came to
    encompass" (an infinitive: a change of state, Quirk et al. 1985 3.49), not "when it came to Islam" (the
    idiom, with an expletive subject), not "came to power" / "went to war" (a goal that is no place)."""
    # an infinitive right after the verb, with no place to go to ("came to encompass", "came to be seen")
    infinitive = any(
        c.dep_ in ("xcomp", "advcl")
        and any(x.dep_ == "aux" and x.lower_ == "to" and x.i == tok.i + 1 for x in c.children)
        for c in tok.children
    )
    if infinitive and not any(c.dep_ == "prep" for c in tok.children):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.children):
        return False
    goals = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return not any(_is(p, "non_place_goals") for p in goals)


def addressed_audience(tok: Any) -> bool:
    """ "a speech to Labour's spring conference", "Dunford, speaking to a conference on countering extremism", "told the
    rally": a gathering addressed is the audience of a statement (CAMEO 01 'make public statement', which PLOVER 2.0
    eliminated), not a consultation between actors (PLOVER CONSULT: meetings, visits, talks)."""

    def gathering_of(word: Any) -> bool:
        return any(
            (
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(p.dep_ == "pobj" and _is(p, "audience_nouns") for p in c.children)
            )
            or (c.dep_ == "dobj" and _is(c, "audience_nouns"))
            for c in word.children
        )

    if _is(tok, "address_words"):
        return gathering_of(tok)
    if not _is(tok, "audience_nouns"):
        return False
    if tok.dep_ == "dobj":
        return _is(tok.head, "address_words")
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and _is(tok.head.head, "address_words")


def consult_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """CONSULT: movement that is no journey, an audience addressed, a meeting one is only disposed to, a welcome
    that approves and "met" in another sense hold no meeting."""
    if _is(tok, "movement_verbs") and tok.pos_ == "VERB" and not _travels(tok):
        # "the phrase came to encompass...", "when it came to Islam", "came to power": no journey to a place
        return None
    if addressed_audience(tok):
        return None
    if disposition(tok):
        # "ready to talk", "happy to discuss punishing Russia": a meeting one is disposed to is not held (PLOVER CONSULT
        # is meetings held). Stated by the party ("Russia said it was willing to hold talks") it is an offer, AGREE
        # ("indicate willingness ... to cooperate"; future meetings are AGREE); told by the writer ("it seems the
        # western powers are happy to discuss...") it is the writer's reading, commentary (realnews GUIDE)
        return "AGREE" if _said(tok) else None
    if (
        forms & {"welcome"}
        and tok.pos_ == "VERB"
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    ):
        # "welcomed the new targets to make faster progress": welcome v. 'accept gladly' (WordNet 3.1 v.2), an
        # approval (PLOVER SUPPORT, CAMEO 051), not hosting a visitor who comes to a place (CONSULT 'visit')
        return "SUPPORT"
    # "met a mixed response", "the target was met": another sense of the verb, a meeting with no one
    if forms & {"meet", "met"} and tok.pos_ == "VERB" and any(_is(o, "met_senses") for o in _objects(tok)):
        return None
    return "CONSULT"
