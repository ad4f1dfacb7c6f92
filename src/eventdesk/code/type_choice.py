"""The type decision: which PLOVER type a coded trigger carries in its clause, read from its parse.

The lexicon (code/lexicon.py) says what a word can carry; the clause says what it does carry. Each
rule here is a definition from the PLOVER 2.0 manual (the words it needs are in
data/ontology/type_words.tsv):

- THREATEN is a "coercive or forceful warning": "the continuing threat from Isis" (a danger named)
  carries none; "issued a threat", "Turkey's threat to launch...", "the threat of sanctions" do. "The
  threatened offensive" is a looming one, not a threat. (Warnings stay THREATEN: telling a danger
  foretold from a warning of one's own act by the parse alone lost threats on unstudied articles.)
- PROTEST is collective action: "resigned in protest" is a resignation (RETREAT), not a protest.
- REJECT covers rejections of requests: "resisted calls to..." is REJECT, not REQUEST; and
  "suggested that the withdrawal had emboldened Isis" asserts a belief, it asks for nothing.
- SUPPORT is non-material: "supported the militia with airstrikes and arms" is AID.
- Territory taken ("seized the town from Isis") is ASSAULT (ACLED territory sub-types), not COERCE
  'seize' (confiscation); captures by armed groups outside the state are ASSAULT 'abduct', not
  COERCE 'arrest' (manual, COERCE and ASSAULT ambiguities).
- "Members of the cell are accused of beheading..." (an allegation with no accuser) reports the
  beheading, not an accusation.
- Other senses: RETREAT 'release' is of captives ("released its budget" is none); violent verbs with
  a policy or an abstract object are figurative ("attacked the decision" is ACCUSE, "struck a deal"
  AGREE, "killed off any challenge" none); "offered an opportunity" offers no act; "asked not to be
  named" is a convention of news writing, not a REQUEST; "a hegemonic urge" is no request.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from eventdesk.code.acled_rules import _territory
from eventdesk.code.lexicon import Hit
from eventdesk.code.sentence import TypeGuess, acled_sub_type, guess_of_type


@cache
def words(name: str) -> frozenset[str]:
    """One word list of data/ontology/type_words.tsv (lower case; sector codes as written)."""
    text = (
        resources.files("eventdesk")
        .joinpath("data", "ontology", "type_words.tsv")
        .read_text(encoding="utf-8")
    )
    lists: dict[str, frozenset[str]] = {}
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for ln in rows[1:]:
        key, _, vals = ln.partition("\t")
        lists[key.strip()] = frozenset(vals.split())
    if name not in lists:
        raise KeyError(f"data/ontology/type_words.tsv has no list {name!r}")
    return lists[name]


def _forms(word: str) -> set[str]:
    """A word and the stems it may inflect ("seized" -> seize, "calls" -> call, "carried" -> carry):
    the coder's parse runs without a lemmatizer, so word lists are matched through these."""
    w = word.lower()
    out = {w}
    for suf in ("s", "d", "es", "ed", "ing", "ment", "ion"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            out |= {stem, stem + "e"}
            if len(stem) >= 4 and stem[-1] == stem[-2]:  # "stopped" -> stop
                out.add(stem[:-1])
    for suf in ("ies", "ied"):
        if w.endswith(suf):
            out.add(w[:-3] + "y")
    return out


def _is(tok: Any, name: str) -> bool:
    """Whether `tok` is an inflection of a word of list `name`."""
    return bool(_forms(tok.lower_) & words(name))


def dominates(a: Any, b: Any) -> bool:
    """Whether token `a` is an ancestor of token `b` in the dependency tree."""
    t = b
    while t.head.i != t.i:
        t = t.head
        if t.i == a.i:
            return True
    return False


def _with_conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _with_conjuncts(c)
    return out


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


def _asserts(tok: Any) -> bool:
    """ "suggested that X had done Y", "suggested Mr Brown would meet the rule", "suggestions there
    will be a giveaway": the complement is indicative (a finite verb, or a modal of prediction or
    possibility), so the word reports a belief instead of proposing an act. A proposal takes
    'should'/'must' or the bare subjunctive ("suggested that talks be held")."""
    for c in tok.children:
        if c.dep_ != "ccomp" and not (
            tok.pos_ == "NOUN" and c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
        ):
            continue
        auxes = [x for x in c.children if x.dep_ in ("aux", "auxpass")]
        if any(x.lower_ in ("should", "must", "ought") for x in auxes):
            return False
        if c.tag_ in ("VBD", "VBZ", "VBP") or any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in auxes):
            return True
    return False


# named-entity kinds that name a party (a number, "thousands of families", names none)
PARTY_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")


def warns_of_danger(tok: Any, others: list[tuple[str, Any]]) -> bool:
    """ "warned that millions of people face freezing conditions", "warned that the fighters could
    still encounter resistance": a warning whose clause foretells a danger, not an act of the speaker's
    side (PLOVER THREATEN: "coercive or forceful warnings"). A threat's clause has the speaker as its
    subject ("warned that they would retaliate") or a named party, names a coercive act ("warned that
    Turkey would face sanctions") or holds another trigger (an act threatened), or the warning is
    addressed to a party ("warned Ankara that...")."""
    if not _is(tok, "warning_verbs"):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    # addressed to someone ("warned Ankara that..."), the warning is a move against that party
    if not clauses or any(c.dep_ == "dobj" for c in tok.children):
        return False
    for c in clauses:
        subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
        # the speaker's side or a named party as the doer: what that party will do
        if any(
            x.lower_ in words("speaker_pronouns") or x.pos_ == "PROPN" or x.ent_type_ in PARTY_ENTITIES
            for x in subj
        ):
            return False
        if any(_is(x, "coercive_warning") for x in c.subtree):
            return False
        # an act the clause names ("warned that the alternative would be to release them")
        if any(c.left_edge.i <= o.i <= c.right_edge.i for _, o in others):
            return False
    return True


def _material_means(tok: Any) -> bool:
    """ "supported X with airstrikes and arms": the support is material."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for p in c.children:
                if p.dep_ == "pobj" and any(_is(x, "material_nouns") for x in _with_conjuncts(p)):
                    return True
    return False


def _taken_land(tok: Any) -> bool:
    """ "seized the town", "parts of the country that Turkey had seized": the object is land."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "relcl":
        objs.append(tok.head)
    for o in objs:
        if _is(o, "territory_nouns"):
            return True
        if o.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False


def _objects(tok: Any) -> list[Any]:
    """What a verb acts on: its direct object (with conjuncts), or the subject of its passive, or
    the object of a particle verb ("killed off any challenge")."""
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if tok.pos_ == "NOUN":  # "the release of the report"
        out += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return [x for o in out for x in _with_conjuncts(o)]


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
    return op.text[:1].isupper()  # a named operation


def _anonymity(tok: Any) -> bool:
    """ "asked not to be named", "requested anonymity": a convention of news writing."""
    if not _forms(tok.lower_) & {"ask", "request"}:
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and any(_is(x, "anonymity_words") for x in c.subtree):
            return True
        if c.dep_ == "dobj" and _is(c, "anonymity_words"):
            return True
    return False


def passive_allegation(pred: Any) -> bool:
    """ "X is accused of beheading...": an allegation with no accuser named (passive, no agent)."""
    return (
        _is(pred, "allegation_verbs")
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)
        and not any(c.dep_ == "agent" for c in pred.children)
    )


def describes_a_noun(tok: Any) -> bool:
    """Whether the trigger's clause is a description inside a noun phrase: a relative or participle
    clause that modifies a participant or thing ("westerners imprisoned by Isis", "a summit held two weeks ago when the leaders clashed", "towns due to
    be handed over"). Such a restrictive clause tells who or what the noun is, not what the sentence reports
    (clause hierarchy: it is a dependent of a noun, not of the sentence's predication). A clause
    describing a message ("a leaflet calling for...") is the verbal act itself, not a description."""
    t = tok
    while t.head.i != t.i:
        if (
            t.dep_ in ("relcl", "acl")
            and t.pos_ in ("VERB", "AUX")
            and t.head.pos_ in ("NOUN", "PROPN", "PRON")
            and _restrictive(t)
            and not _is(t.head, "message_nouns")
        ):
            return True
        t = t.head
    return False


def _restrictive(clause: Any) -> bool:
    """A restrictive modifier identifies its noun ("the towns to be handed over", "westerners
    imprisoned by Isis"); a non-restrictive one, set off by a comma, dash or bracket ("Russia, which
    had granted Turkey permission, ...") adds an assertion of its own (appositive relatives are
    asserted, not presupposed), so its event is reported."""
    first = clause.left_edge
    before = clause.doc[first.i - 1] if first.i > 0 else None
    return not (
        (before is not None and before.text in (",", "(", "-", "\u2013", "\u2014"))
        or first.text in (",", "(")
    )


def disposition(tok: Any) -> bool:
    """Whether the trigger's clause is the complement of an adjective ("happy to discuss", "ready
    to talk", "willing to cooperate"): an adjective's to-complement names an act one is disposed
    to, not one done (irrealis; PLOVER codes acts)."""
    t = tok
    while t.head.i != t.i:
        if (
            t.dep_ == "xcomp"
            and t.head.pos_ == "ADJ"
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in t.children)
        ):
            return True
        t = t.head
    return False


def side_trigger(tok: Any, others: list[Any]) -> bool:
    """A trigger that is not the event its sentence reports while another trigger of the sentence
    (`others`, their tokens) is: it sits in a description of a noun (`describes_a_noun`) or in an
    adjective's complement (`disposition`), and some other trigger sits in neither. Alone in its
    sentence such a trigger is left to the eventness gate."""
    if not (describes_a_noun(tok) or disposition(tok)):
        return False
    return any(
        o.sent.start == tok.sent.start and not describes_a_noun(o) and not disposition(o) for o in others
    )


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
    if etype == "THREATEN":
        if tok.lower_ == "threatened" and tok.dep_ == "amod":
            return None
        if warns_of_danger(tok, others):
            return None
        if tok.pos_ == "NOUN" and "threat" in forms:
            return etype if _threat_act(tok) else None
    elif etype == "PROTEST":
        if "protest" in forms and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            gov = tok.head.head
            while gov.pos_ in ("NOUN", "PROPN") and gov.head.i != gov.i:  # "quit their roles in protest"
                gov = gov.head
            if _is(gov, "protest_motive_verbs") or any(t != "PROTEST" and o.i == gov.i for t, o in others):
                return None
    elif etype == "REQUEST":
        if _anonymity(tok):
            return None
        if tok.pos_ == "NOUN" and tok.lower_ in ("urge", "urges"):
            return None  # the noun is a desire ("a hegemonic urge"), not a request
        if (
            tok.pos_ == "NOUN"
            and _is(tok, "request_nouns")
            and tok.dep_ == "dobj"
            and _is(tok.head, "rejection_verbs")
        ):
            return "REJECT"
        if (_is(tok, "assertive_request_verbs") or _is(tok, "assertive_request_nouns")) and _asserts(tok):
            return None
    elif etype == "RETREAT":
        if forms & {"release"} and any(_is(o, "released_things") for o in _objects(tok)):
            return None
    elif etype == "AGREE":
        if forms & {"offer"} and any(_is(o, "offered_chances") for o in _objects(tok)):
            return None
    elif etype == "ASSAULT" and _is(tok, "violent_verbs") and tok.pos_ == "VERB":
        objs = _objects(tok)
        if any(_is(o, "agreement_nouns") for o in objs) and forms & {"strike", "struck"}:
            return "AGREE"  # "struck a deal"
        if any(_is(o, "criticisable_things") for o in objs):
            return "ACCUSE" if forms & {"attack"} else None
        if any(_is(o, "figurative_objects") or _is(o, "agreement_nouns") for o in objs):
            return None
    elif etype == "MOBILIZE":
        # "launched an offensive", "sent troops into Afrin to fight the Kurds": force used, not only
        # readied (PLOVER MOBILIZE: "in the context of an ASSAULT, only the ASSAULT is coded")
        if any(_is(o, "offensive_nouns") for o in _objects(tok)) or any(
            _is(o, "operation_nouns") and _military(o) for o in _objects(tok)
        ):
            return "ASSAULT"
        if any(t == "ASSAULT" and _purpose(tok, o) for t, o in others):
            return "ASSAULT"
    elif etype == "SUPPORT":
        if forms & {"support", "back"} and _material_means(tok):
            return None if any(t == "AID" for t, _ in others) else "AID"
    elif etype == "COERCE":
        if forms & {"seize", "capture"} and _taken_land(tok):
            return "ASSAULT"
    elif (
        etype == "ACCUSE"
        and passive_allegation(tok)
        and any(dominates(tok, o) for t, o in others if t != "ACCUSE")
    ):
        # the alleged act is the event; the allegation has no actor of its own
        return None
    return etype


def official_visit(tok: Any, etype: str, actor_sectors: list[str | None]) -> bool:
    """A CONSULT told by a verb of movement ("arrived in", "travelled to") is a visit only when an
    official party moves (PLOVER CONSULT: visits between political actors); refugees arriving in
    Germany or a volunteer travelling to Syria consult no one."""
    if etype != "CONSULT" or not _is(tok, "movement_verbs"):
        return True
    return any(s in words("official_sectors") for s in actor_sectors)


def by_actor(etype: str, mode: str | None, actor_sectors: list[str | None]) -> tuple[str, str | None]:
    """The type once the actor is known: an 'arrest' by armed groups outside the state is an
    abduction (PLOVER ASSAULT 'abduct'; ACLED Abduction/forced disappearance); the support of a
    military is material (PLOVER AID: "military and police assistance")."""
    if etype == "SUPPORT" and actor_sectors and all(s == "MIL" for s in actor_sectors):
        return "AID", None
    if (
        etype == "COERCE"
        and mode == "arrest"
        and actor_sectors
        and all(s in words("nonstate_armed_sectors") for s in actor_sectors)
    ):
        return "ASSAULT", "abduct"
    return etype, mode


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
