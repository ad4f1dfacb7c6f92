"""THREATEN: a "coercive or forceful warning" (PLOVER 2.0). A danger named ("the threat from Isis",
"tensions threaten to lead to war") is no threat; a warning may be a threat, a demand (REQUEST), a criticism
(ACCUSE) or nothing, by what its clause tells and who tells it.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.force import assault_type
from eventdesk.code.type_choice.tree import PARTY_ENTITIES, _party, _subject, _with_conjuncts
from eventdesk.code.type_choice.vocab import _forms, _is, words


def _threat_act(tok: Any) -> bool:
    """A threat noun that is an act ("issued a threat", "Trump's threat to withdraw"), not a danger
    ("the threat from Isis", "a security threat")."""
    if tok.dep_ in ("dobj", "nsubjpass") and _is(tok.head, "threat_act_verbs"):
        return True
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "acl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(p.dep_ == "pobj" and _is(p, "coercive_warning") for p in c.children)
        ):
            return True
    return False


def _addressee(tok: Any) -> bool:
    """A party a warning is put to: a name, a pronoun, a party noun or a title of office ("the prime minister")."""
    return _party(tok) or _is(tok, "person_titles")


def _done(clause: Any) -> bool:
    """Whether a finite clause tells a deed done or under way: a past, perfect or progressive verb with no
    modal ("have taken", "sided", "is delivering"), not a prediction ("would cause") or a state ("is")."""
    auxes = [x for x in clause.children if x.dep_ in ("aux", "auxpass")]
    if any(x.tag_ == "MD" for x in auxes) or clause.lemma_ == "be" or clause.pos_ == "AUX":
        return False
    if clause.tag_ == "VBD":
        return True
    if clause.tag_ == "VBN":
        return any(x.lower_ in words("perfect_auxiliaries") for x in auxes)
    return clause.tag_ == "VBG" and bool(auxes)


def _consequence_of_thing(clause: Any, speaker: set[str]) -> bool:
    """ "Assad warned that threats of Western military action would only lead to further chaos": the clause tells what
    an act or a policy (its subject, a thing, not a party) will cause (FrameNet Causation: cause, lead to, result in),
    and names whose act it is (a name or a capitalised adjective other than the speaker's), with no coercive act as the
    consequence. That warns of no repercussion the speaker's side holds out (PLOVER THREATEN); it decries another
    party's act (PLOVER ACCUSE: "decry a policy or an action")."""
    if not _is(clause, "causation_verbs"):
        return False
    subj = [x for x in clause.children if x.dep_ == "nsubj"]
    if not subj or any(_party(x) for x in subj):
        return False
    owners = [
        y
        for x in subj
        for y in x.subtree
        if y.i != x.i
        and (y.pos_ == "PROPN" or y.ent_type_ in PARTY_ENTITIES or (y.pos_ == "ADJ" and y.is_title))
    ]
    # "any American strike would lead to a response from its forces": a coercive act as the consequence is held out
    inside = {y.i for x in subj for y in x.subtree}
    if any(_is(y, "coercive_warning") for y in clause.subtree if y.i not in inside):
        return False
    return bool(owners) and not any(y.lower_ in speaker for y in owners)


def warning_type(tok: Any, others: list[tuple[str, Any]]) -> str | None:
    """What a warning is (PLOVER THREATEN: "coercive or forceful warnings"; ACCUSE: "express disapprovals,
    objections ... decry a policy or an action"). THREATEN when its clause has the speaker's side as its doer
    ("warned that they would retaliate"), names a coercive act ("warned that Turkey would face sanctions") or
    holds another trigger (an act threatened), or when it is addressed to a party ("warned Ankara that...").
    ACCUSE when it tells a deed another named party or a policy has done or is doing ("Lavrov warned that
    Americans have taken dangerous unilateral steps"), or foretells another party's doing with no act of force
    named ("warned that the president's plan would divide the party"): a criticism. None when it foretells a
    danger with no party behind it ("warned that millions of people face freezing conditions"), when the people
    it names suffer what the clause tells ("warned that 400 civilians need evacuation"), or when the speaker is
    an analyst or an expert (an opinion; realnews GUIDE)."""
    if not _is(tok, "warning_verbs"):
        return "THREATEN"
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    # "warned of a humanitarian catastrophe", "warned of mission creep": a danger named, unless what is
    # named is a coercive act ("warned of consequences", "warned of retaliation")
    about = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("of", "about")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    # "warned the prime minister about the dangers": the parse may hang the topic on the party addressed
    about += [
        p
        for o in tok.children
        if o.dep_ == "dobj" and _addressee(o)
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "about"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if about and not clauses:
        if any(_is(p, "coercive_warning") for p in about):
            return "THREATEN"
        # "warned Blair and Brown about the dangers of disunity": a danger put to a party, no repercussion the
        # speaker holds out, is a disapproval of that party's course (PLOVER ACCUSE), not a coercive warning
        addressed = [c for c in tok.children if c.dep_ == "dobj"]
        if not addressed:
            return None
        return "ACCUSE" if any(_addressee(o) for o in addressed) else "THREATEN"
    # "warned Iran against further missile tests", "warned Ankara not to attack", "warned the rebels to lay
    # down their arms": what the warning asks of its addressee is a demand (PLOVER REQUEST: "all requests,
    # demands, and orders ... less forceful than threats"), not a repercussion the speaker's side holds out
    if not clauses and any(
        (c.dep_ == "prep" and c.lower_ == "against") or c.dep_ == "xcomp" for c in tok.children
    ):
        return "REQUEST"
    # addressed to someone ("warned Ankara that..."), the warning is a move against that party; an object
    # that names no party ("warned the picture was not as rosy") is the parse's misreading of the clause's
    # subject
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if not clauses or any(_party(o) for o in objects):
        return "THREATEN"
    speakers = [c for c in tok.children if c.dep_ == "nsubj"]
    # an analyst's or an expert's warning is an opinion, no act of a party (realnews GUIDE: "opinions of
    # journalists/experts ... are NOT events")
    if any(_is(x, "commentator_nouns") for x in speakers):
        return None
    speaker = {x.lower_ for c in speakers for x in c.subtree if x.pos_ == "PROPN"}
    other_party = False
    for c in clauses:
        subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")] + objects
        if any(x.lower_ in words("speaker_pronouns") for x in subj):
            return "THREATEN"
        named = [y for x in subj for y in x.subtree if y.pos_ == "PROPN" or y.ent_type_ in PARTY_ENTITIES]
        if any(y.lower_ in speaker for y in named):
            return "THREATEN"  # the speaker's own side acts
        # a capitalised adjective names a side too ("threats of Western military action")
        named += [y for x in subj for y in x.subtree if y.pos_ == "ADJ" and y.is_title and y.i > y.sent.start]
        # what another named party or a policy has done ("warned that Americans have taken dangerous unilateral
        # steps", "warned that Iran is delivering missiles to the group") is a deed told and judged, no repercussion
        # the speaker's side holds out: a criticism (PLOVER ACCUSE). What another party would do stays a warning
        # of repercussions (realnews codes "warned that X would ..." THREATEN), and a party that is to undergo
        # something ("warned that Turkey would face sanctions") is the target of a threat
        if (
            (named or any(_is(x, "criticisable_things") for x in subj))
            and _done(c)
            and not _is(c, "undergoing_verbs")
        ):
            return "ACCUSE"
        if _consequence_of_thing(c, speaker):
            return "ACCUSE"
        if any(_is(x, "coercive_warning") for x in c.subtree):
            return "THREATEN"
        # people who suffer ("warned that 400 civilians need evacuation", "that millions face hunger") are
        # no doer: the acts the clause names are the danger, not a threatened act
        if any(y.like_num or y.ent_type_ in ("CARDINAL", "QUANTITY") for x in subj for y in x.subtree):
            continue
        # an act the clause names ("warned that the alternative would be to release them")
        if any(c.left_edge.i <= o.i <= c.right_edge.i for _, o in others):
            return "THREATEN"
        other_party = other_party or bool(named)
    return "ACCUSE" if other_party else None


def menace(tok: Any) -> bool:
    """Whether "threaten" tells a danger, not a threat (WordNet 3.1 threaten v.2 'be a menacing indication of', v.3
    'pose a threat to'; PLOVER THREATEN is a party's "coercive or forceful warning"): its subject names a state, an
    event or a phenomenon ("tensions threaten to lead to a military escalation", "a public emergency threatening the
    life of the nation"), or, in a passive with no agent, what is in danger ("2,000 jobs are threatened")."""
    if tok.pos_ != "VERB" or not _forms(tok.lower_) & {"threaten"}:
        return False
    patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if patients:
        return not any(c.dep_ == "agent" for c in tok.children) and all(
            _is(p, "endangered_things") for p in patients
        )
    subj = _subject(tok)
    if subj is None or subj.ent_type_ in PARTY_ENTITIES or subj.pos_ in ("PROPN", "PRON"):
        return False
    return any(_is(x, "situation_nouns") for x in _with_conjuncts(subj))


def threaten_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """THREATEN: a participial "threatened" describes, a menace is a danger, a warning may be a demand, a criticism
    or nothing (`warning_type`), and a threat noun must name an act, not a danger (`_threat_act`)."""
    if tok.lower_ == "threatened" and tok.dep_ == "amod":
        return None
    # "he will attack Labour's record": force foretold is a threat (sentence.py retypes it) only in the violent
    # sense; with a policy, a record or a deal as object the verb is figurative (force.assault_type's test)
    if tok.pos_ == "VERB" and _is(tok, "violent_verbs"):
        sense = assault_type(tok, forms, others)
        if sense not in ("ASSAULT", "THREATEN"):
            return sense
    if menace(tok):
        return None
    warning = warning_type(tok, others)
    if warning != "THREATEN":
        return warning
    if tok.pos_ == "NOUN" and "threat" in forms:
        return "THREATEN" if _threat_act(tok) else None
    return "THREATEN"
