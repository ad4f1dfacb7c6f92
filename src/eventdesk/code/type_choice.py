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
- A promise is what it promises: of force or coercion ("vowed to exterminate them", "ready to launch an
  operation") a THREATEN, of a withdrawal ("intends to withdraw the troops") a RETREAT (AGREE is willingness
  to cooperate; future RETREAT does not reduce to AGREE). An act of force foretold in a vow, or by the
  speaker for its own side ("Assad said his troops would liberate every inch"), is a threat; a warning
  about another named party's doing is a criticism (ACCUSE), about a danger with no party behind it none.
- Opposing an act or a proposal ("opposes the attendance of the Kurds") is REJECT; withdrawn support
  is SANCTION (a reduction of relations); a person convicted, sentenced or charged by the authorities is
  COERCE (realnews GUIDE: "a sentence/indictment by a court (COERCE)"); a place freed is taken by force
  (ASSAULT); "attacked X as vacuous", "attacked X for wanting..." characterise or blame: ACCUSE.
- Other senses: RETREAT 'release' is of captives ("released its budget" is none); violent verbs with
  a policy or an abstract object are figurative ("attacked the decision" is ACCUSE, "struck a deal"
  AGREE, "killed off any challenge" none); "offered an opportunity" offers no act; "asked not to be
  named" is a convention of news writing, not a REQUEST; "a hegemonic urge" is no request.
- The content of the main act is no act of its own: an act named as the topic of a deliberation ("discussed
  new sanctions", "talks on a prisoner exchange"), as what is requested ("seeking an investigation"), or in a
  "without" adjunct ("without seeking consent") is not done; a noun modifier classifies a unit ("a torture
  cell"). "Agreed that the regime has a record of..." shares a belief (AGREE is commitment to cooperate);
  "committed to its allies" supports a party (SUPPORT); "offered his congratulations" is the praise itself
  (SUPPORT), "offered condolences" an empathetic comment (no PLOVER type); "met a mixed response" meets no one.
- A warning that asks something of its addressee ("warned Iran against further tests", "warned Ankara not to
  attack") is a demand (REQUEST), not a threat. Forces pulled out of a place retreat (RETREAT 'withdraw'), a
  treaty or a body left is SANCTION 'withdraw'; an armed group expelled from a place loses territory (ASSAULT);
  an offensive its own side says it will launch is a threat (THREATEN); a person found guilty by a court is
  COERCE like one sentenced (realnews GUIDE). Quitting an office is a resignation (RETREAT); a place
  defended is held by force (ASSAULT), a decision defended is verbal support; a formal charge by prosecutors or
  police is an indictment (COERCE); "attacked Blair over his record" is a criticism (ACCUSE); a politician who
  defects leaves a party (SANCTION), MOBILIZE is a military or police move, and an order to withdraw troops is
  a retreat (RETREAT), not a mobilization.
- A clash over a policy, a plan or a question ("clashed with Trump over his decision"), or one side of which is a
  person ("the ambassador clashed with Trump"), is a dispute in words: ACCUSE (PLOVER: verbal assaults are ACCUSE);
  a clash of armed parties, crowds or police, or over control of a place, stays ASSAULT.
- A verb of movement tells a visit (CONSULT) only as a journey to a place: "came to encompass" (a change of state),
  "when it came to Islam" (an idiom) and "came to power" (no place) travel nowhere.
- Side words: a noun modifier of a noun naming a place, an office, a time, a power or a document ("detention
  centres", "the defence minister", "house arrest powers") classifies that thing, no act; the deed in an accusation's
  "of"/"for" complement ("accuses Iran of backing the Houthis") is what the accuser says (`accused_deed`); a past
  participle before a noun ("the wounded soldiers", "the detained men") describes a participant, no act.
- A deontic modal over a copula ("places should be there for all who want them", "the survivors should be a
  priority") says a state is desirable, an opinion, not a demand that a party act (REQUEST); "charged with ensuring
  order" assigns a duty (WordNet charge 'assign a duty'), no indictment; so does a stative verb under the modal
  ("Trump should know that...", "relations should not depend on one man's mood").
- A verb in a comparative clause ("sent fewer soldiers than Trump demanded") measures an amount, it is not the event
  its sentence reports; "asked how / whether / if ..." inquires, it requests nothing; "policies that appeal to all
  sides" attract (appeal 'be attractive to'); "tensions threaten to lead to war", "2,000 jobs are threatened" tell a
  danger (threaten 'pose a threat to'), no party's threat. A speech to a conference or a rally addresses an audience,
  no consultation; "welcomed the new targets" approves (SUPPORT), it hosts no one. "Happy to discuss", "willing to
  talk": a meeting one is disposed to is none held (an offer, AGREE, when the party says so).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from eventdesk.code.acled_rules import _territory
from eventdesk.code.lexicon import Hit, triggers
from eventdesk.code.sentence import TypeGuess, acled_sub_type, guess_of_type
from eventdesk.data import lines


@cache
def words(name: str) -> frozenset[str]:
    """One word list of data/ontology/type_words.tsv (lower case; sector codes as written)."""
    lists: dict[str, frozenset[str]] = {}
    for ln in lines("ontology/type_words.tsv")[1:]:  # the first entry line names the columns
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


def _other_hit(tok: Any, etype: str) -> bool:
    """Whether the sentence holds another trigger word of type `etype` than `tok` ("attacking Syria's chemical weapons
    capabilities"): the sentence classifier keeps one trigger a type, so the record of that type stands for it."""
    sent = tok.sent
    off = tok.idx - sent.start_char
    return any(h.event_type == etype and not (h.start <= off < h.end) for h in triggers(sent.text))


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


def _party(tok: Any) -> bool:
    """Whether a noun names a party: a name, a pronoun, or a party noun ("allies", "the regime")."""
    return (
        tok.ent_type_ in PARTY_ENTITIES
        or tok.pos_ in ("PROPN", "PRON")
        or _is(tok, "party_nouns")
        or _is(tok, "armed_group_nouns")
    )


def _done(clause: Any) -> bool:
    """Whether a finite clause tells a deed done or under way: a past, perfect or progressive verb with no
    modal ("have taken", "sided", "is delivering"), not a prediction ("would cause") or a state ("is")."""
    auxes = [x for x in clause.children if x.dep_ in ("aux", "auxpass")]
    if any(x.tag_ == "MD" for x in auxes) or clause.lemma_ == "be" or clause.pos_ == "AUX":
        return False
    if clause.tag_ == "VBD":
        return True
    if clause.tag_ == "VBN":
        return any(x.lower_ in ("have", "has", "had", "'ve") for x in auxes)
    return clause.tag_ == "VBG" and bool(auxes)


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
    if about and not clauses and not any(c.dep_ == "dobj" for c in tok.children):
        return "THREATEN" if any(_is(p, "coercive_warning") for p in about) else None
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


def accused_deed(verb: Any, tok: Any, etype: str) -> bool:
    """ "Saudi Arabia accuses Iran of backing the Houthis", "blamed Mr Blair for misleading voters": a deed told in
    the "of" / "for" complement of an accusation that names its accuser is what the accuser says, the content of the
    ACCUSE (PLOVER ACCUSE: accuse, allege), not a deed the report asserts. A deed named by a noun ("blamed Isis for
    the bombing") may be an event the article reports, and is left to the other rules; so is one whose type another
    word of the sentence carries (the record of that type stands for both)."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children) or _other_hit(tok, etype):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") and c.left_edge.i <= tok.i <= c.right_edge.i
        for c in verb.children
    )


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


# types of force and coercion: promised or foretold by its doer's side, such an act is a threat
FORCE_TYPES = ("ASSAULT", "COERCE", "SANCTION", "THREATEN")


def _inside(c: Any, o: Any) -> bool:
    return c.left_edge.i <= o.i <= c.right_edge.i


def promised_type(tok: Any, others: list[tuple[str, Any]]) -> str | None:
    """What an intent word ("vowed to", "ready to", "his promise to", "intends to") promises, when that sets
    another type than AGREE: THREATEN for an act of force or coercion ("vowed to exterminate them",
    "ready to launch a new military operation", "promised a strong response"; PLOVER AGREE is willingness
    to cooperate, THREATEN "all threats"), RETREAT for a withdrawal ("intends to withdraw the troops":
    future RETREAT does not reduce to AGREE), REJECT for a refusal ("pledged to oppose the bill"). None: the promise
    is an AGREE."""
    if not _is(tok, "intent_words"):
        return None
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "acl")]
    if tok.pos_ == "NOUN":  # "his promise of an imminent missile strike"
        comps += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    for c in comps:
        # the promised act itself (with its conjuncts and object: "to launch an offensive"), not an act
        # told further down ("vowed to ask its allies to surrender weapons" promises a request)
        acts = _with_conjuncts(c)
        near = {a.i for a in acts} | {
            x.i for a in acts for x in a.children if x.dep_ in ("dobj", "nsubjpass")
        }
        inner = [(t, o) for t, o in others if o.i in near and o.i != tok.i]
        # the promised act's own type, by these same rules ("launched an offensive" is force)
        kinds = {choose(o, t, [x for x in others if x[1].i != o.i and _inside(c, x[1])]) for t, o in inner}
        if kinds & set(FORCE_TYPES) or any(a.pos_ == "VERB" and _is(a, "forceful_acts") for a in acts):
            return "THREATEN"
        if "RETREAT" in kinds:
            return "RETREAT"
        # "pledged to oppose the bill": a refusal announced is a REJECT (PLOVER REJECT: "all rejections and
        # refusals"), not the willingness to cooperate that AGREE is
        if "REJECT" in kinds:
            return "REJECT"
    if any(c.dep_ == "dobj" and _is(c, "forceful_nouns") for c in tok.children):
        return "THREATEN"
    return None


def foretold_force(tok: Any) -> bool:
    """ "Russia would shoot down incoming missiles and attack their launching platforms", "Assad said his
    troops would liberate every inch", "vowed the US will expel every last Iranian boot": an act of force in
    a future or conditional clause that a vow introduces, or a statement whose speaker's own side is its
    doer, is announced, not done: the statement is a threat (PLOVER THREATEN). A statement about what
    another party will do stays that party's (hypothetical) act."""
    v = tok
    while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if tok.pos_ != "VERB" or v.dep_ != "ccomp" or not _is(v.head, "saying_verbs"):
        return False
    aux = [x for x in v.children if x.dep_ == "aux"]
    if not any(_is(x, "future_auxiliaries") for x in aux) or any(x.dep_ == "neg" for x in v.children):
        return False
    speech = v.head
    if _is(speech, "vowing_verbs"):
        return True
    speaker = [x for c in speech.children if c.dep_ == "nsubj" for x in c.subtree]
    names = {x.lower_ for x in speaker if x.pos_ == "PROPN"}
    for s in (c for c in v.children if c.dep_ == "nsubj"):
        if s.lower_ in words("speaker_pronouns") or s.lower_ == "it":
            return True
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in s.children):  # "his troops"
            return True
        if any(x.pos_ == "PROPN" and x.lower_ in names for x in s.subtree):
            return True
    return False


def _retreat_from_place(tok: Any) -> bool:
    """ "American forces would pull out of Syria", "pulled its troops out of Basra": forces or a place left
    (PLOVER RETREAT 'withdraw': "retreat from territory or withdraw forces from an area"), not a treaty,
    talks or a body ("pulled out of the treaty": SANCTION 'withdraw', "withdraw oneself ... from a group,
    mediation activity, organization")."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "dobj") and _is(c, "force_nouns"):
            return True
    preps = [c for c in tok.children if c.dep_ in ("prep", "prt")]
    preps += [g for c in preps for g in c.children if g.dep_ == "prep"]  # "out" -> "of"
    for p in preps:
        for o in p.children:
            if o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC") or _is(o, "territory_nouns")):
                return True
    return False


def _fighters_driven_out(tok: Any) -> bool:
    """ "Kurdish forces expelled Isis from Raqqa", "the militants were expelled from the town": an armed
    group driven out of a place is territory taken by force (ASSAULT; ACLED "Government regains territory"),
    not the expulsion of diplomats or members (SANCTION 'expel') or of individuals (COERCE 'deport')."""
    who = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    armed = any(c.ent_type_ == "ORG" or _is(c, "armed_group_nouns") for c in who)
    return armed and _retreat_from_place(tok)


def _charged(tok: Any) -> bool:
    """ "He has been charged with being a member of Isis", "was indicted on terrorism charges": a person
    formally charged, the indictment of the realnews GUIDE's COERCE ("a sentence/indictment by a court"),
    not an accusation between parties ("accused Russia of...")."""
    return (
        tok.pos_ == "VERB"
        and _is(tok, "indictment_verbs")
        and any(
            c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and _is(c, "prosecuting_bodies"))
            for c in tok.children
        )
    )


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


def _opposes_act(tok: Any) -> bool:
    """ "opposes the attendance of the Kurds", "is opposed to French mediation", "opposed extending it": what
    is opposed is an act or a proposal, not a party (a named party, a pronoun)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
    return bool(objs) and not any(o.ent_type_ in PARTY_ENTITIES or o.pos_ in ("PRON", "PROPN") for o in objs)


def deliberated(tok: Any) -> bool:
    """ "EU ministers discussed new sanctions", "talks on a ceasefire", "he was reviewing his donations": an act
    named as the topic of a deliberation (the object of a verb of discussing or weighing, or after "on",
    "about", "over" with one) is what is deliberated, not an act done (PLOVER CONSULT "discussions",
    "negotiations"; like the topic of a protest, no separate event). A definite mention ("discussed the
    attack", "the withdrawal") may name a discrete event told elsewhere, and is left as it is."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj"):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children):
        return False
    if tok.dep_ == "dobj":
        gov = tok.head
    elif tok.head.lower_ in ("on", "about", "over") and tok.head.dep_ == "prep":
        gov = tok.head.head
    else:
        return False
    return gov.i != tok.i and _is(gov, "deliberation_words")


def _believed(tok: Any) -> bool:
    """ "The cabinet agreed that the Assad regime has a track record of ...": agreeing that something is or was
    so (an indicative complement with no modal) shares a belief; PLOVER AGREE is "willingness or commitment to
    cooperate" ("agreed that troops would withdraw", "agreed that talks should resume" still commit)."""
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        auxes = [x for x in c.children if x.dep_ in ("aux", "auxpass")]
        if any(x.tag_ == "MD" or x.lower_ == "to" for x in auxes):
            continue
        if c.tag_ in ("VBD", "VBZ", "VBP") or any(x.tag_ in ("VBD", "VBZ", "VBP") for x in auxes):
            return True
    return False


def _committed_to_party(tok: Any) -> bool:
    """ "Washington remained committed to its allies", "its commitment to Nato": what one is committed to is a
    party, not an act: support for it (PLOVER SUPPORT), not a promise to do something (AGREE)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            return bool(objs) and all(
                p.ent_type_ in PARTY_ENTITIES or p.pos_ == "PROPN" or _is(p, "party_nouns") for p in objs
            )
    return False


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


def demanded(tok: Any, others: list[tuple[str, Any]]) -> bool:
    """Whether the trigger is an act under a deontic modal ("a judge should look into it, the Lib Dems say",
    "yes, he should apologise") whose demand is coded as a REQUEST of its sentence (the modal itself, or the
    saying verb above it): what is demanded is not done, the demand is the event. An epistemic "must have"
    ("they must have killed him") infers an act done and stays."""
    modals = [c for c in tok.children if c.dep_ == "aux" and _is(c, "deontic_modals")]
    if not modals or any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in tok.children):
        return False
    return any(
        t == "REQUEST" and o.i != tok.i and (any(o.i == m.i for m in modals) or dominates(o, tok))
        for t, o in others
    )


def _backed_words(tok: Any) -> bool:
    """ "their demands have been backed by X", "a plan backed by the UK": what is backed is a demand, a policy or a
    proposal (words), so the backing is political support (PLOVER SUPPORT), not the military backing of fighters
    that the AID line "backed by" is for ("Turkish-backed rebels")."""
    backed = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        backed.append(tok.head)
    return any(_is(b, "criticisable_things") or _is(b, "request_nouns") for b in backed)


def poll_share(tok: Any) -> bool:
    """Whether the trigger's subject is a share of respondents ("63% supported a hunting ban", "40 per cent
    opposed it"): a poll's finding, a statistic, not an act of a party (realnews GUIDE: statistics and polls are
    no events)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.ent_type_ == "PERCENT" or c.lower_ in ("%", "percent", "cent"))
        for c in tok.children
    )


def _without(tok: Any) -> bool:
    """ "did so without seeking UN consent": an act named in a "without" adjunct is one not done."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "without"


def desired_state(tok: Any) -> bool:
    """Whether a deontic modal read as a demand ("must", "should") governs a copula with a subject ("places should
    be there for those who want them", "the survivors should be a priority"): a state said to be desirable is an
    opinion (realnews GUIDE), not a demand that a party do something (PLOVER REQUEST: requests, demands and orders).
    "He should be sacked" (a passive: an act) and "there must be an inquiry" (an existential: something to be
    done) stay demands. A stative verb under the modal says the same ("Trump should know that...", "relations
    should not depend on one man's mood": Quirk et al. 1985, 4.28-4.33, verbs of state, relation and cognition)."""
    if _is(tok, "deontic_modals") and tok.dep_ == "aux":
        verbs = [tok.head]
    else:  # the saying verb of "said ... should": the clause it reports
        verbs = [
            c
            for c in tok.children
            if c.dep_ == "ccomp" and any(x.dep_ == "aux" and _is(x, "deontic_modals") for x in c.children)
        ]
    return bool(verbs) and all(
        (v.lower_ == "be" or (_is(v, "stative_verbs") and v.pos_ == "VERB"))
        and any(c.dep_ == "nsubj" for c in v.children)
        and not any(c.dep_ == "expl" for c in v.children)
        for v in verbs
    )


def entrusted(tok: Any) -> bool:
    """ "The Speaker is charged with ensuring order": charge v. 'assign a duty or responsibility to' (WordNet 3.1)
    when what it is charged with is a task (a verb of running, keeping or carrying out: duty_verbs), not a crime
    ("charged with murdering", "charged with terrorism offences")."""
    if not _is(tok, "indictment_verbs"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(p.dep_ == "pcomp" and p.tag_ == "VBG" and _is(p, "duty_verbs") for p in c.children)
        for c in tok.children
    )


def _requested(tok: Any, others: list[tuple[str, Any]]) -> bool:
    """ "is seeking a UN-led investigation", "called for sanctions": an act named as the object of a request is
    what is requested, the content of the REQUEST (PLOVER REQUEST), not an act done."""
    if tok.pos_ != "NOUN":
        return False
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "for" and gov.dep_ == "prep":
        gov = gov.head
    elif tok.dep_ != "dobj":
        return False
    return any(t == "REQUEST" and o.i == gov.i for t, o in others)


def comparative(tok: Any) -> bool:
    """Whether the trigger sits in a comparative clause ("he sent fewer soldiers than Trump demanded", "more
    troops than the government had requested"): a clause introduced by "than" is the standard a degree is measured
    against (Quirk et al. 1985, 15.63-15.66), a description of an amount, not the event its sentence reports."""
    t = tok
    while t.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "mark" and c.lower_ == "than" for c in t.children):
            return True
        # up through the verbs of the same clause only ("than Trump had wanted to send"), not out of a noun
        # phrase that the parse hung on the comparison ("a shorter than expected battle to retake it")
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def inquiry(tok: Any) -> bool:
    """ "asked how police were supposed to interpret the rules", "asked if this amounted to a strategy": ask with an
    indirect question (a clause opened by a wh-word, "if" or "whether"; Quirk et al. 1985, 15.4) inquires (WordNet ask
    v.1), it requests no act (ask v.2; PLOVER REQUEST: requests, demands and orders)."""
    if not _forms(tok.lower_) & {"ask"} or tok.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("xcomp", "dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in tok.children
    ):
        return False  # "asked them to leave", "asked for help": a request
    return any(
        c.dep_ in ("ccomp", "advcl")
        and (
            _is(c.left_edge, "interrogatives")
            or any(x.dep_ == "mark" and _is(x, "interrogatives") for x in c.children)
        )
        for c in tok.children
    )


def _subject(tok: Any) -> Any | None:
    """The subject of a verb: its own, or the noun a relative or participle clause modifies ("an emergency
    threatening the nation", "the tensions that threaten...")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj:
        s = subj[0]
        if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            return tok.head
        return s
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


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


def _attracts(tok: Any) -> bool:
    """ "the Lib Dems' policies appealed to all sides", "an approach designed to appeal to women voters": appeal to
    with no plea ("for help", "to act") and a subject that is a policy or a plan, not a party, is appeal v.2 'be
    attractive to' (WordNet 3.1), no request (PLOVER REQUEST)."""
    if not _forms(tok.lower_) & {"appeal"} or tok.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children
    ):
        return False
    subj = _subject(tok)
    if subj is None and tok.dep_ in (
        "xcomp",
        "advcl",
    ):  # "is designed to appeal": the subject of the clause above
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (_is(subj, "criticisable_things") or _is(subj, "situation_nouns"))


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


def _said(tok: Any) -> bool:
    """Whether the trigger's clause is what a verb of saying above it reports ("Russia said it was ready to talk")."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ == "VERB" and _is(t, "saying_verbs"):
            return True
    return False


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
    if _without(tok):
        return None
    if etype != "REQUEST" and demanded(tok, others):
        return None
    if etype in ("SUPPORT", "REJECT", "ACCUSE") and poll_share(tok):
        return None
    if etype != "REQUEST" and _requested(tok, others):
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
    if etype == "THREATEN":
        if tok.lower_ == "threatened" and tok.dep_ == "amod":
            return None
        if menace(tok):
            return None
        warning = warning_type(tok, others)
        if warning != "THREATEN":
            return warning
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
        if _anonymity(tok) or inquiry(tok) or _attracts(tok):
            return None
        if desired_state(tok):
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
        # "Mosul was freed from Isis control", "an operation to free the east": land taken by force
        # (ACLED "... regains territory"), not captives released (RETREAT 'release')
        if _is(tok, "liberation_verbs") and _taken_land(tok):
            return "ASSAULT"
    elif etype == "AID" and forms & {"back", "backed"} and _backed_words(tok):
        return "SUPPORT"
    elif etype == "AGREE":
        if forms & {"offer"} and any(_is(o, "offered_chances") for o in _objects(tok)):
            return None
        # "he would meet his fiscal rule", "set to meet local demand": meet in its sense 'satisfy' (met_senses),
        # no future meeting
        if forms & {"meet"} and tok.pos_ == "VERB" and any(_is(o, "met_senses") for o in _objects(tok)):
            return None
        # "offered his congratulations", "offered condolences": the offer is the expression itself, done as
        # it is said (CAMEO 051 praise: SUPPORT; CAMEO 018 empathy: no PLOVER type), not a promise
        if forms & {"offer", "extend", "express", "convey", "send"}:
            objs = [o for o in _objects(tok) if o.dep_ == "dobj"]
            if any(_is(o, "praise_nouns") for o in objs):
                return "SUPPORT"
            if any(_is(o, "empathy_nouns") for o in objs):
                return None
        if forms & {"agree", "agreed"} and tok.pos_ == "VERB" and _believed(tok):
            return None
        if forms & {"commit", "committed", "commitment"} and _committed_to_party(tok):
            return "SUPPORT"
        promised = promised_type(tok, others)
        if promised is not None:
            return promised
    elif etype == "ASSAULT" and forms & {"clash", "clashed"} and _verbal_clash(tok):
        return "ACCUSE"
    elif etype == "ASSAULT" and _is(tok, "violent_verbs") and tok.pos_ == "VERB":
        objs = _objects(tok)
        if any(_is(o, "agreement_nouns") for o in objs) and forms & {"strike", "struck"}:
            return "AGREE"  # "struck a deal"
        if any(_is(o, "criticisable_things") for o in objs) or (forms & {"attack"} and _characterised(tok)):
            return "ACCUSE" if forms & {"attack"} else None
        if any(_is(o, "figurative_objects") or _is(o, "agreement_nouns") for o in objs):
            return None
    elif etype == "CONSULT" and _is(tok, "movement_verbs") and tok.pos_ == "VERB" and not _travels(tok):
        # "the phrase came to encompass...", "when it came to Islam", "came to power": no journey to a place
        return None
    elif etype == "CONSULT" and addressed_audience(tok):
        return None
    elif etype == "CONSULT" and disposition(tok):
        # "ready to talk", "happy to discuss punishing Russia": a meeting one is disposed to is not held (PLOVER CONSULT
        # is meetings held). Stated by the party ("Russia said it was willing to hold talks") it is an offer, AGREE
        # ("indicate willingness ... to cooperate"; future meetings are AGREE); told by the writer ("it seems the
        # western powers are happy to discuss...") it is the writer's reading, commentary (realnews GUIDE)
        return "AGREE" if _said(tok) else None
    elif (
        etype == "CONSULT"
        and forms & {"welcome"}
        and tok.pos_ == "VERB"
        and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    ):
        # "welcomed the new targets to make faster progress": welcome v. 'accept gladly' (WordNet 3.1 v.2), an
        # approval (PLOVER SUPPORT, CAMEO 051), not hosting a visitor who comes to a place (CONSULT 'visit')
        return "SUPPORT"
    elif etype == "CONSULT" and forms & {"meet", "met"} and tok.pos_ == "VERB":
        # "met a mixed response", "the target was met": another sense of the verb, a meeting with no one
        if any(_is(o, "met_senses") for o in _objects(tok)):
            return None
    elif etype == "MOBILIZE":
        # "launched an offensive", "sent troops into Afrin to fight the Kurds": force used, not only
        # readied (PLOVER MOBILIZE: "in the context of an ASSAULT, only the ASSAULT is coded")
        if any(_is(o, "offensive_nouns") for o in _objects(tok)) or any(
            _is(o, "operation_nouns") and _military(o) for o in _objects(tok)
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
            _is(x, "force_nouns")
            or _is(x, "armed_group_nouns")
            or x.lower_ in ("officer", "officers", "soldier")
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
    elif etype == "SUPPORT":
        if forms & {"support", "back"} and _material_means(tok):
            return None if any(t == "AID" for t, _ in others) else "AID"
        # "the fighters who defended the town": a place held by force, not words in defence of a party or
        # a policy (CAMEO 052 "defend verbally", PLOVER SUPPORT is non-material)
        if forms & {"defend"} and any(
            o.ent_type_ in ("GPE", "LOC") or _is(o, "territory_nouns") for o in _objects(tok)
        ):
            return "ASSAULT"
        # "withdrew its support for the rebels": existing cooperation reduced (PLOVER SANCTION)
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and _is(tok.head, "ending_verbs"):
            return "SANCTION"
    elif etype == "COERCE":
        if forms & {"seize", "capture"} and _taken_land(tok):
            return "ASSAULT"
    elif (
        etype == "SANCTION"
        and forms & {"pull", "withdraw", "withdrew", "withdrawn"}
        and _retreat_from_place(tok)
    ):
        return "RETREAT"
    elif etype == "SANCTION" and forms & {"quit"} and any(_is(o, "office_nouns") for o in _objects(tok)):
        # "quit the cabinet": a resignation (PLOVER SANCTION 'withdraw' excludes them: RETREAT)
        return "RETREAT"
    elif etype == "SANCTION" and forms & {"expel", "expelled", "expulsion"} and _fighters_driven_out(tok):
        return "ASSAULT"  # "expelled Isis from Raqqa": land taken by force, not relations reduced
    elif etype == "SANCTION" and forms & {"convict", "sentence", "found"} and tok.pos_ == "VERB":
        # a conviction or sentence by a court (realnews GUIDE: "a sentence/indictment by a court
        # (COERCE)"; PLOVER SANCTION 'convict': sentences with imprisonment are COERCE 'arrest' too)
        return "COERCE"
    elif etype == "ACCUSE" and _is(tok, "opposing_words") and _opposes_act(tok):
        return "REJECT"  # refusing an act or a proposal (PLOVER REJECT: "all rejections and refusals")
    elif etype == "ACCUSE" and entrusted(tok):
        return None
    elif etype == "ACCUSE" and _charged(tok):
        return "COERCE"
    elif (
        etype == "ACCUSE"
        and passive_allegation(tok)
        and any(dominates(tok, o) for t, o in others if t != "ACCUSE")
    ):
        # the alleged act is the event; the allegation has no actor of its own
        return None
    if etype in ("ASSAULT", "COERCE", "SANCTION") and foretold_force(tok):
        return "THREATEN"
    return etype


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
