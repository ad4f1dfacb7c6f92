"""Document coding: the main event of a short whole report (an ACLED note, a CASE snippet) first,
then its other events (`classify_document`).

The main verb of the first sentence carries the PLOVER event (spaCy parse of that sentence, looked
through verbs of saying; verb lemmas -> type from the CAMEO categories; must/should -> REQUEST,
"unless" -> THREATEN, negated cooperation -> REJECT); when spaCy or its model is not installed this
step is skipped. ACLED sub-types and CASE labels come from acled_model, acled_rules, case_labels.
"""

from __future__ import annotations

import re
from typing import Any

from eventdesk.code import ontology
from eventdesk.code.acled_model import AcledModel, acled_probabilities
from eventdesk.code.acled_rules import (
    _ACLED_SCOPE,
    _DURING_PROTEST,
    _HINT_MIN,
    _OTHER_SD,
    _PROTEST_WORDS,
    _TAG,
    _TAG_SCORE,
    _TAG_SUB,
    _WEAPON_SUBS,
    _armed_or_not,
    _protest_sub,
    _territory,
    sentences,
)
from eventdesk.code.case_labels import _GENERIC_HARM, _case_label
from eventdesk.code.lexicon import Hit, triggers
from eventdesk.code.sentence import (
    _ACLED_FOR_TYPE,
    _RARE,
    TypeGuess,
    _acled_for,
    _as_text,
    _code,
    _guess,
    _retype,
    _type_scores,
)

# The event of a report is carried by the main verb of its first sentence (PLOVER manual: code the
# main event; what is said, wanted or reported is its content). Verbs of saying are looked through
# to the clause they report. Verb lemmas -> PLOVER type, from the CAMEO verb categories (CAMEO 1.1
# codebook) as mapped to PLOVER 2.0 (CAMEO2PLOVER): used when the main verb is no lexicon trigger.
_SAY = frozenset(
    "say tell report state add announce confirm claim quote note disclose reveal learn indicate "
    "write declare decide explain believe think expect hope".split()
)


_VERB_TYPE: dict[str, tuple[str, str]] = {}


for _t, _c, _ls in (
    (
        "REQUEST",
        "100",
        "demand urge ask request appeal plead seek petition press insist invite pressure lobby implore",
    ),
    (
        "ACCUSE",
        "112",
        "accuse blame condemn denounce criticize criticise charge complain allege sue indict deplore "
        "decry slam rebuke censure",
    ),
    ("ACCUSE", "090", "investigate probe"),
    (
        "REJECT",
        "120",
        "reject refuse deny dismiss rebuff veto spurn defy violate renege snub fail disregard ignore",
    ),
    ("AGREE", "030", "agree accept promise pledge offer consent undertake"),
    (
        "SUPPORT",
        "051",
        "support praise welcome endorse back defend commend hail applaud laud forgive congratulate "
        "thank recognize recognise",
    ),
    ("SUPPORT", "055", "apologize apologise"),
    ("CONSULT", "040", "meet visit host discuss negotiate consult confer"),
    (
        "CONCEDE",
        "081",
        "ease lift relax loosen shorten pardon concede yield accede soften cancel revoke annul",
    ),
    ("RETREAT", "084", "resign withdraw retreat release free surrender pull"),
    ("THREATEN", "130", "threaten warn swear vow"),
    ("SANCTION", "160", "suspend halt sever expel sanction embargo freeze downgrade curtail"),
    ("MOBILIZE", "150", "mobilize mobilise deploy"),
    ("AID", "070", "donate grant provide supply evacuate rescue"),
    ("COOPERATE", "060", "cooperate collaborate"),
    ("COERCE", "170", "arrest detain ban outlaw censor prevent demolish bulldoze jail imprison"),
):
    for _l in _ls.split():
        _VERB_TYPE.setdefault(_l, (_t, _c))


# negated cooperation is a rejection ("would not meet the demands"); PLOVER manual, REJECT
_NEG_TO_REJECT = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


_UNLESS = re.compile(r"\b(?:unless|or else|otherwise)\b", re.I)

# The main-verb parse needs tags, lemmas and the dependency parse only: the other pipes of the shared
# pipeline (eventdesk.resources.Resources.nlp) are off for it. The parser splits the sentences itself.
_PARSE_OFF = ("ner", "entity_ruler", "senter")


def _main_verb(text: str, nlp: Any) -> Any:
    """The token carrying the main event of the first sentence (through verbs of saying), or None
    (also when no spaCy pipeline is given: the rule is an optional refinement)."""
    if nlp is None or not text.strip():
        return None
    first = sentences(text)[0]
    doc = nlp(text[: first[1]][:1000], disable=[p for p in nlp.pipe_names if p in _PARSE_OFF])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    seen = 0
    while root is not None and seen < 4:
        seen += 1
        if root.lemma_.lower() in _SAY or (root.lemma_ == "be" and root.pos_ == "AUX"):
            nxt = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
            if nxt is None:
                return root
            root = nxt
            continue
        return root
    return root


def _main_hit(text: str, hits: list[Hit], nlp: Any) -> Hit | None:
    """The lexicon hit on the main verb (or a hit made from the verb's lemma), retyped for tense/negation."""
    tok = _main_verb(text, nlp)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    s, e = tok.idx, tok.idx + len(tok.text)
    h = next((h for h in hits if h.start <= s < h.end or s <= h.start < e), None)
    if h is None:
        vt = _VERB_TYPE.get(tok.lemma_.lower())
        if vt is not None:
            h = Hit(vt[0], None, vt[1], 0.85, None, s, e, 0)
    if h is None:
        # "began collecting", "decided to approve": the event is the complement
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if comp is not None:
            cs = comp.idx
            h = next((h for h in hits if h.start <= cs < h.end), None)
    if h is None:
        # "gave Tanzania a grant of 5 million": the object names the event; tense is the verb's
        objs = [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")]
        for c in objs:
            cs, ce = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            o = next((k for k in hits if cs <= k.start < ce), None)
            if o is not None:
                h = Hit(o.event_type, o.mode, o.cameo, o.weight, o.acled, s, e, o.entry)
                break
    if h is None:
        return None
    h = _retype(h, text)
    if h.event_type in _NEG_TO_REJECT and any(c.dep_ == "neg" for c in tok.children):
        h = Hit("REJECT", None, "120", h.weight, None, h.start, h.end, h.entry)
    aux = {c.lemma_.lower() for c in tok.children if c.dep_ == "aux"}
    if aux & {"must", "should"} and h.event_type not in ("THREATEN", "REJECT"):
        # "X must agree to...": a demand on X (PLOVER REQUEST)
        h = Hit("REQUEST", None, "100", h.weight, None, h.start, h.end, h.entry)
    elif _UNLESS.search(text[h.end : sentences(text)[0][1]]) and h.event_type not in (
        "REQUEST",
        "REJECT",
        "ACCUSE",
    ):
        # "will withdraw its force unless...": a conditional act is a threat (PLOVER THREATEN)
        h = Hit("THREATEN", None, "130", h.weight, None, h.start, h.end, h.entry)
    return h


def classify_document_one(text: str, nlp: Any, acled: AcledModel) -> list[TypeGuess]:
    hits = triggers(text)
    p = acled_probabilities(text, hits, acled)
    top_sub = max(p, key=p.get)
    p_top = p[top_sub]
    top_type = ontology.acled_event_type_of(top_sub)
    # Sub-types rare or absent in training: a specific trigger in the report decides.
    rare = [h for h in hits if h.acled in _RARE and h.weight >= 0.85]
    if rare:
        h = rare[0]
        compatible = {
            "Suicide bomb": (
                "Explosions/Remote violence",
                "Violence against civilians",
                "Battles",
                "Riots",
                "Protests",
                "Strategic developments",
            ),
            "Chemical weapon": (
                "Explosions/Remote violence",
                "Violence against civilians",
                "Battles",
                "Riots",
                "Protests",
                "Strategic developments",
            ),
            "Grenade": ("Explosions/Remote violence", "Violence against civilians", "Battles", "Riots"),
            "Headquarters or base established": ("Strategic developments",),
            "Government regains territory": (
                "Battles",
                "Strategic developments",
                "Violence against civilians",
                "Explosions/Remote violence",
            ),
            "Non-state actor overtakes territory": (
                "Battles",
                "Strategic developments",
                "Violence against civilians",
                "Explosions/Remote violence",
            ),
            "Sexual violence": ("Violence against civilians", "Riots", "Battles"),
            "Disrupted weapons use": (
                "Strategic developments",
                "Explosions/Remote violence",
                "Riots",
                "Protests",
            ),
        }[h.acled]
        if top_type in compatible:
            top_sub = _territory(text, h) if h.acled.endswith("territory") else h.acled
            p_top = max(p_top, 0.6)
    else:
        # a specific trigger early in the report (an air strike, a grenade...) names the sub-type
        first = sentences(text)[0]
        strong = [
            h
            for h in hits
            if h.acled and h.weight >= 0.9 and h.start < first[1] and not h.acled.endswith("territory")
        ]
        if strong:
            h = strong[0]
            hint = ontology.acled_by_sub().get(h.acled)
            # the weapon words of an attack (air strike, shelling, kidnap...) name its sub-type; the
            # model, trained on ACLED's own phrasing, is not asked to agree (news words differ)
            lead = next(
                (
                    k
                    for k in hits
                    if k.event_type == "ASSAULT" and k.weight >= 0.75 and k.cameo not in _GENERIC_HARM
                ),
                None,
            )
            mob_first = any(k.acled == "Mob violence" and k.start < h.start for k in hits)
            need = (
                0.0
                if h.acled in _WEAPON_SUBS and (p_top < 0.5 or lead is h) and not mob_first
                else _HINT_MIN * p_top
            )
            if (
                hint
                and hint.plover_type == ontology.acled_by_sub()[top_sub].plover_type
                and p.get(h.acled, 0) >= need
            ):
                top_sub = h.acled
    a = ontology.acled_by_sub()[top_sub]
    types = _type_scores(hits, text)
    lex_top = max(types, key=lambda t: types[t][0]) if types else None
    lex_score = types[lex_top][0] if lex_top else 0.0
    scope_score = max((sc for t, (sc, _) in types.items() if t in _ACLED_SCOPE), default=0.0)
    # In ACLED scope when the words say violence/protest/arrest...; the model alone is not enough:
    # it was trained on ACLED notes only and calls any other text a protest.
    in_scope = lex_top is None or (scope_score >= 0.6 and scope_score >= lex_score - 0.2)
    if in_scope and (
        a.plover_type in types and types[a.plover_type][0] >= lex_score - 0.15 or lex_top is None
    ):
        etype = a.plover_type
    elif in_scope and lex_top in _ACLED_FOR_TYPE:
        etype = lex_top
        h = types[lex_top][1]
        sub = _acled_for(lex_top, h, text, p, acled)
        if sub:
            top_sub, a = sub, ontology.acled_by_sub()[sub]
    else:
        etype = lex_top or a.plover_type
    if etype == a.plover_type and top_sub == "Other" and lex_top:
        etype = lex_top
    # the main event of a report is told first: prefer an ACLED-scope type of the first sentence
    head = sentences(text)[0]
    head_types = _type_scores([h for h in hits if h.start < head[1]], text[: head[1]])
    head_scope = {t: v for t, v in head_types.items() if t in _ACLED_FOR_TYPE and v[0] >= 0.6}
    if in_scope and head_scope and etype not in head_types:
        etype = max(head_scope, key=lambda t: head_scope[t][0])
        sub = _acled_for(etype, head_scope[etype][1], text, p, acled)
        if sub:
            top_sub, a = sub, ontology.acled_by_sub()[sub]
    case = _case_label(text, hits, types, etype, in_scope, top_sub if in_scope else "")
    # the trigger words: the best hit of the chosen type, preferring one whose hint agrees
    mine = [h for h in hits if h.event_type == etype]
    hit = next((h for h in mine if h.acled == top_sub), None) or (
        max(mine, key=lambda h: h.weight) if mine else None
    )
    score = p_top if in_scope else types.get(etype, (0.5, None))[0]
    # an ACLED note is always in ACLED scope: keep the model's sub-type unless it clearly is not one
    acled_sub = top_sub if (in_scope or p_top >= 0.4) else None
    main_hit = _main_hit(text, hits, nlp)
    head_hits = [h for h in hits if h.start < head[1]]
    if (
        main_hit is not None
        and main_hit.event_type != etype
        and main_hit.event_type not in _ACLED_SCOPE
        and not any(
            h.event_type == "PROTEST" and h.weight >= 0.8 and h.start < main_hit.start for h in head_hits
        )
    ):
        # a demand, accusation, agreement... is the event (PLOVER); when the report also tells of
        # violence/arrests in its first sentence, that stays its ACLED/CASE reading
        etype, hit = main_hit.event_type, main_hit
        score = max(types.get(etype, (0.0, None))[0], main_hit.weight)
        violent = any(
            h.event_type in _ACLED_SCOPE and h.weight >= 0.85 and h.cameo not in _GENERIC_HARM
            for h in head_hits
        )
        if not (in_scope and violent):
            acled_sub = top_sub if p_top >= 0.4 and (in_scope or etype in _ACLED_FOR_TYPE) else None
            case = _case_label(text, hits, types, etype, False, "")
    elif (
        main_hit is not None
        and main_hit.event_type == "COERCE"
        and main_hit.mode == "arrest"
        and etype == "PROTEST"
        and not _PROTEST_WORDS.search(text[main_hit.end : main_hit.end + 50])
        and not _DURING_PROTEST.search(text[main_hit.end : head[1]])
    ):
        # "police arrested an activist for organising a protest": an arrest, not a protest (ACLED)
        etype, hit, acled_sub, case = "COERCE", main_hit, "Arrests", None
    tag = _TAG.match(text)
    if tag and tag.group(1).lower() in _TAG_SUB:
        acled_sub = _TAG_SUB[tag.group(1).lower()]
        score = max(score, _TAG_SCORE)  # the note says what it is, even when no trigger word does
        at = ontology.acled_by_sub()[acled_sub]
        if at.plover_type != etype:
            etype = at.plover_type
            mine = [h for h in hits if h.event_type == etype]
            hit = max(mine, key=lambda h: h.weight) if mine else None
        case = None
    elif acled_sub and in_scope:
        acled_sub = _protest_sub(text, _armed_or_not(text, hits, acled_sub, p.get(acled_sub, 0.0)))
    other = _OTHER_SD.search(text[: head[1]])
    if (
        other
        and case in (None, "DIPLO")
        and not any(
            h.event_type in ("ASSAULT", "PROTEST") and h.weight >= 0.8 and h.start < other.start()
            for h in hits
        )
    ):
        acled_sub, case = "Other", None  # about the graves / the displaced; any violence is background
    if etype == "AGREE" and any(h.acled == "Agreement" for h in hits if h.event_type == "AGREE"):
        acled_sub, case = "Agreement", None  # a ceasefire, peace talks, a prisoner exchange (ACLED)
        hit = next(h for h in hits if h.acled == "Agreement")
        etype = ontology.acled_by_sub()[acled_sub].plover_type if etype == "ASSAULT" else etype
    main = _guess(text, etype, score, hit, acled_sub, case)
    out = [main]
    for g in _code(text, hits, types, p, acled):
        if g.event_type != main.event_type:
            out.append(g)
    return out


def classify_document(texts: list[str], nlp: Any, acled: AcledModel) -> list[list[TypeGuess]]:
    """For short whole reports (an ACLED note, a CASE snippet): the main event first, then the others.

    `nlp`: the shared spaCy pipeline (eventdesk.resources.Resources.nlp, i.e. `[annotate] model`) for
    the main-verb rule (None: the rule is off); `acled`: Resources.acled_model."""
    return [classify_document_one(_as_text(t), nlp, acled) for t in texts]
