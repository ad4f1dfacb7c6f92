"""The type decision itself: the clause tests that hold for every type (a modifier, a participant
noun, a comparison, an act deliberated, requested, demanded or not done), then the rules of the trigger's own
type family. None when, by the type's definition, the words carry no event here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventdesk.code.type_choice.accuse import accuse_type
from eventdesk.code.type_choice.agree import agree_type
from eventdesk.code.type_choice.consult import consult_type
from eventdesk.code.type_choice.content import _requested, deliberated, demanded, desired, ordered
from eventdesk.code.type_choice.embedding import _said, _without, comparative, disposition
from eventdesk.code.type_choice.force import assault_type, coerce_type, mobilize_type
from eventdesk.code.type_choice.opinion import poll_share
from eventdesk.code.type_choice.protest import protest_type
from eventdesk.code.type_choice.request import request_type
from eventdesk.code.type_choice.support import aid_type, support_type
from eventdesk.code.type_choice.threaten import threaten_type
from eventdesk.code.type_choice.vocab import _forms, _is, _other_hit, words
from eventdesk.code.type_choice.withdrawal import retreat_type, sanction_type

# the rules of each type family, by the lexicon's type; a type with none keeps the lexicon's type
FAMILY_RULES: dict[str, Callable[[Any, set[str], list[tuple[str, Any]]], str | None]] = {
    "THREATEN": threaten_type,
    "PROTEST": protest_type,
    "REQUEST": request_type,
    "RETREAT": retreat_type,
    "AID": aid_type,
    "AGREE": agree_type,
    "ASSAULT": assault_type,
    "CONSULT": consult_type,
    "MOBILIZE": mobilize_type,
    "SUPPORT": support_type,
    "COERCE": coerce_type,
    "SANCTION": sanction_type,
    "ACCUSE": accuse_type,
}


def choose(tok: Any, etype: str, others: list[tuple[str, Any]]) -> str | None:
    """The PLOVER type the trigger token `tok` carries in its clause, given the lexicon's `etype`
    and the other coded triggers of the sentence (`others`: (type, token)); None when, by the
    type's definition, the words carry no event here."""
    forms = _forms(tok.lower_)
    # "the opposition negotiating team", "the ruling party": a gerund that classifies a noun
    if tok.dep_ in ("amod", "compound") and (
        tok.tag_ == "VBG" or (tok.lower_.endswith("ing") and _is(tok.head, "body_nouns"))
    ):
        return None
    # "spoke on condition of anonymity to discuss...", "not authorised to discuss...": a
    # convention of news writing, not a meeting or request
    if tok.dep_ in ("xcomp", "advcl") and (
        _is(tok.head, "anonymity_words")
        or any(
            _is(x, "anonymity_words")
            for x in tok.head.subtree
            if not (tok.left_edge.i <= x.i <= tok.right_edge.i)
        )
    ):
        return None
    # "the detainees", "Isis recruits": a noun naming a participant refers to people, not to an act;
    # only as the object of a verb of taking ("took 30 hostages") does it tell one
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.lower_ in words("participant_nouns")
        and not (tok.dep_ == "dobj" and _is(tok.head, "taking_verbs"))
    ):
        return None
    if comparative(tok):
        return None
    if etype != "CONSULT" and deliberated(tok):
        return None
    if _without(tok) or desired(tok):
        return None
    if etype != "REQUEST" and demanded(tok, others):
        return None
    if etype in ("SUPPORT", "REJECT", "ACCUSE") and poll_share(tok):
        return None
    if etype != "REQUEST" and (_requested(tok, others) or ordered(tok)):
        return None
    # "a torture cell", "the protest movement": a noun modifier classifies a unit of people, no act of its own
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and _is(tok.head, "unit_nouns"):
        return None
    # "detention centres", "the defence minister", "house arrest powers": a noun modifier of a noun naming a place,
    # an office, a time, a power or a document says which kind of thing that is; the phrase tells no act
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ in ("compound", "nmod", "amod")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.head.i > tok.i
        and _is(tok.head, "classified_things")
        and not _other_hit(tok, etype)
    ):
        return None
    # "the wounded soldiers", "the detained men": a past participle before a noun describes the state its referent is
    # in (a participial adjective, Quirk et al. 1985 7.15-7.16, 17.98); it names who takes part, not an act the
    # sentence reports, which needs a clause of its own
    if tok.tag_ == "VBN" and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None
    if etype in ("SUPPORT", "COOPERATE", "AID") and disposition(tok):
        # "ready to help", "willing to cooperate": cooperation one is disposed to is not given; said by the party it is
        # its offer (PLOVER AGREE: future SUPPORT, COOPERATE and AID "imply intentions and should be coded as AGREE"),
        # told by the writer it is commentary, as for a meeting (CONSULT below)
        return "AGREE" if _said(tok) else None
    rule = FAMILY_RULES.get(etype)
    return rule(tok, forms, others) if rule is not None else etype
