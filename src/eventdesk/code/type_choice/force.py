"""ASSAULT, COERCE and MOBILIZE: force used, readied or figurative. Land seized or freed is territory
taken by force (ASSAULT; ACLED territory sub-types), force launched is ASSAULT not MOBILIZE, and violent verbs
with a deal, a policy or a person's words are figurative (AGREE, ACCUSE) (PLOVER 2.0 ambiguities).
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.promises import foretold_force, foretold_or
from eventdesk.code.type_choice.tree import _doer, _objects, _with_conjuncts
from eventdesk.code.type_choice.vocab import _is, words


def _taken_land(tok: Any) -> bool:
    """ "seized the town", "parts of the country that Turkey had seized": the object is land."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl":
        objs.append(tok.head)
    # "seized Yemen's capital, Sana'a": the place may be named by an apposition to the object
    objs += [c for o in objs for c in o.children if c.dep_ == "appos"]
    for o in objs:
        if _is(o, "territory_nouns"):
            return True
        if o.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False


def _purpose(tok: Any, other: Any) -> bool:
    """Whether `other` sits in the purpose of `tok`: "sent troops to attack the town", "a
    deployment targeting the Kurds" (not "... following the discovery of rockets")."""
    t = other
    while t.head.i != t.i and t.head.i != tok.i:
        t = t.head
    if t.head.i != tok.i or t.i == tok.i:
        return False
    if t.dep_ in ("xcomp", "advcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in t.children):
        return True
    return t.dep_ == "acl" and t.tag_ == "VBG"


def _military(op: Any) -> bool:
    """ "a military operation", "a ground campaign against X", "Operation Olive Branch"."""
    for c in op.children:
        if c.dep_ in ("amod", "compound", "nmod") and _is(c, "military_modifiers"):
            return True
        if c.dep_ == "prep" and c.lower_ == "against":
            return True
        if c.dep_ in ("appos", "compound", "acl") and c.pos_ == "PROPN":
            return True
    if op.dep_ == "appos" and op.head.pos_ == "PROPN":  # "Euphrates Shield, an operation that..."
        return True
    return op.text[:1].isupper()  # a named operation


def _verbal_clash(tok: Any) -> bool:
    """ "Erdogan and Putin clashed over the future of Idlib", "clashed with Trump over his decision": a clash
    over a policy, a plan or a question is a dispute in words (PLOVER: verbal assaults are ACCUSE), not a fight
    ("clashed over control of the town" names no such topic), and so is a clash with a person named."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "on", "with")]
    # "clashed with Trump over his decision": the topic may hang on the party clashed with
    preps += [
        x
        for c in preps
        if c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
        for x in p.children
        if x.dep_ == "prep" and x.lower_ in ("over", "about")
    ]
    topics = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    # "the ambassador clashed with Trump", "Erdogan clashed with Putin": a clash one side of which is a
    # person (a name or a title of office) and neither side a force is a dispute in words; forces, armed groups
    # and crowds fight ("protesters clashed with police")
    sides = [c for c in tok.children if c.dep_ == "nsubj"]
    sides += [p for c in preps if c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    if (
        len(sides) >= 2
        and any(x.ent_type_ == "PERSON" or _is(x, "person_titles") for x in sides)
        and not any(
            _is(x, "force_nouns") or _is(x, "armed_group_nouns") or _is(x, "crowd_nouns") for x in sides
        )
    ):
        return True
    # "clash" takes no object: one the parse gives it is the topic ("clashed ... over his decision")
    topics += [c for c in tok.children if c.dep_ == "dobj"]
    return any(_is(p, "criticisable_things") or _is(p, "dispute_topics") for p in topics)


def _characterised(tok: Any) -> bool:
    """ "attacked Labour's pledges as vacuous", "will attack the Lib Dems for wanting to abolish faith
    schools": the target is characterised ("as" with a noun or adjective) or blamed for a deed ("for" with
    a gerund, "for" or "over" with a policy or a record), which is what an accusation says (PLOVER ACCUSE: criticize, denounce); force takes neither."""
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        kids = [x for x in c.children if x.dep_ in ("pobj", "pcomp", "amod", "acomp")]
        if c.lower_ == "as" and kids and all(x.pos_ in ("ADJ", "NOUN") for x in kids):
            return True
        if c.lower_ == "for" and any(x.tag_ == "VBG" for x in kids):
            return True
        # "attacked Tony Blair over his record", "attacked the Tories for their plans": blamed for a policy
        if c.lower_ in ("for", "over") and any(
            x.dep_ == "pobj" and (_is(x, "criticisable_things") or _is(x, "dispute_topics")) for x in kids
        ):
            return True
    return False


def _in_words(tok: Any) -> bool:
    """ "Mbeki has attacked British imperialists, saying they treated Africans like savages": an attack whose manner is a
    verb of saying (a participle clause of saying: Quirk et al. 1985 15.58, supplementive clause) is made in words, a
    criticism (PLOVER ACCUSE: "criticize, denounce"), not force."""
    return any(
        c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and _is(c, "saying_verbs")
        for c in tok.children
    )


def _force_doer(tok: Any) -> bool:
    """ "Turkish troops are making final plans to attack the Kurds as tensions near new levels": the doer is a military
    force or an armed group, whose attack is force used (PLOVER ASSAULT), never words (ACCUSE is verbal: "criticize,
    denounce"); so the figurative tests below (an "as" phrase, a policy as object) do not apply."""
    doer = _doer(tok)
    return doer is not None and any(
        _is(x, "force_nouns") or _is(x, "armed_group_nouns") for x in _with_conjuncts(doer)
    )


def assault_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """ASSAULT: a clash in words is ACCUSE; violent verbs with a deal, a policy or an abstract object are figurative
    ("struck a deal" AGREE, "attacked the decision" ACCUSE, "killed off any challenge" none)."""
    if forms & {"clash", "clashed"} and _verbal_clash(tok):
        return "ACCUSE"
    if _is(tok, "violent_verbs") and tok.pos_ == "VERB" and not _force_doer(tok):
        objs = _objects(tok)
        if any(_is(o, "agreement_nouns") for o in objs) and forms & {"strike", "struck"}:
            return "AGREE"  # "struck a deal"
        if any(_is(o, "criticisable_things") for o in objs) or (
            forms & {"attack"} and (_characterised(tok) or _in_words(tok))
        ):
            return "ACCUSE" if forms & {"attack"} else None
        if any(_is(o, "figurative_objects") or _is(o, "agreement_nouns") for o in objs):
            return None
    return foretold_or(tok, "ASSAULT")


def coerce_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """COERCE: land seized or captured is territory taken by force (ASSAULT), not a confiscation."""
    if forms & words("seizing_verbs") and _taken_land(tok):
        return "ASSAULT"
    # "fighters still clearing militants", "advances by regime forces had been thwarted": armed men driven off or an
    # armed advance stopped is fighting (PLOVER ASSAULT; ACLED Battles: "armed clash"), not a restriction by authorities
    if forms & words("repelling_verbs") and any(
        _is(o, "armed_group_nouns")
        or _is(o, "force_nouns")
        or _is(o, "offensive_nouns")
        or _is(o, "advance_nouns")
        for o in _objects(tok)
    ):
        return "ASSAULT"
    return foretold_or(tok, "COERCE")


def mobilize_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """MOBILIZE: force launched or sent to fight is ASSAULT (or THREATEN when announced), troops ordered out are a
    RETREAT, a member defecting from a party a SANCTION, arms given to another party AID."""
    # "launched an offensive", "sent troops into Afrin to fight the Kurds": force used, not only
    # readied (PLOVER MOBILIZE: "in the context of an ASSAULT, only the ASSAULT is coded")
    objs = _objects(tok)
    # "launched an offensive east of the Euphrates": the parse may take the noun for a modifier of what follows it
    objs += [c for o in objs for c in o.children if c.dep_ in ("amod", "compound") and c.i < o.i]
    # "launched Euphrates Shield, an operation that...": the named operation's apposition says what it is
    objs += [c for o in objs if o.pos_ == "PROPN" for c in o.children if c.dep_ == "appos"]
    if any(_is(o, "offensive_nouns") for o in objs) or any(
        _is(o, "operation_nouns") and _military(o) for o in objs
    ):
        # "Turkey said it would launch an offensive": force its own side announces is a threat
        return "THREATEN" if foretold_force(tok) else "ASSAULT"
    if any(t == "ASSAULT" and _purpose(tok, o) for t, o in others):
        return "ASSAULT"
    # "Trump ordered the withdrawal of US troops", "his order to pull the troops out": what is ordered is a
    # retreat (PLOVER RETREAT 'withdraw'), not a military move toward an adversary (MOBILIZE)
    if forms & {"order"} and any(
        _is(x, "withdrawal_words")
        for c in tok.children
        if c.dep_ in ("dobj", "xcomp", "ccomp", "acl", "prep", "nsubjpass")
        for x in c.subtree
    ):
        return "RETREAT"
    # "the MP defected from Labour to the Lib Dems": a member leaving a party or a body withdraws from it
    # (PLOVER SANCTION 'withdraw': "withdraw oneself ... from a group ... organization"); MOBILIZE is a
    # military or police move ("soldiers defected to the rebels")
    if forms & {"defect"} and not any(
        _is(x, "force_nouns") or _is(x, "armed_group_nouns") or x.lower_ in words("service_member_nouns")
        for x in tok.sent
    ):
        return "SANCTION"
    # "arming rebel groups": weapons given to another party are military aid (PLOVER AID: "military
    # and police assistance"), not a party readying its own force ("armed themselves")
    if forms & {"arm"} and any(
        c.dep_ == "dobj" and c.pos_ != "PRON" and not c.lower_.endswith(("self", "selves"))
        for c in tok.children
    ):
        return "AID"
    return "MOBILIZE"
