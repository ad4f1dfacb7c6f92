"""Per-sentence event coding: `code(articles, config) -> list[records.Event]`.

1. Sentences of every body from the fast sentencer (annotate.sentence_spans).
2. "What happened" for every sentence (classify.classify): type, mode, ACLED/CAMEO codes and the
   trigger words. Sentences without a trigger are non-events and are never parsed further.
3. Only event sentences get the full spaCy pipeline (parser + NER + entity ruler); around each
   trigger the dependency parse gives the actors (subject, agent of a passive, possessor of an
   event noun) and recipients (object, "against/on/with/from/to" phrases), reciprocal events
   ("X and Y accused each other" -> two events), and modality (claimed / negated / hypothetical).
4. Short whole reports (ACLED notes, CASE snippets) also get classify_document's main guess,
   which is put first: scorers read the first event of a text.

Events of one article are ordered strongest first. `historical` is set here only from a clear
cue (an explicit earlier year); the dates stage sets it from the event date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from eventdesk.code import type_choice
from eventdesk.code.actors import (
    GROUP_PRONOUNS,
    STATE,
    ArticleContext,
    Resolver,
    is_non_actor_noun,
    protest_roles,
    word_list,
)
from eventdesk.code.coref import anaphoric
from eventdesk.code.fatalities import fatalities
from eventdesk.config import setting
from eventdesk.records import Actor, Article, Event, Evidence

if TYPE_CHECKING:
    from eventdesk.annotate import KnownEntities
    from eventdesk.resources import Resources

SPEECH = {
    "say",
    "said",
    "says",
    "saying",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "tell",
    "told",
    "tells",
    "report",
    "reported",
    "reports",
    "announce",
    "announced",
    "announces",
    "tweet",
    "tweeted",
    "add",
    "added",
    "adds",
    "insist",
    "insisted",
    "state",
    "stated",
    "note",
    "noted",
    "explain",
    "explained",
    "quote",
    "quoted",
    "quoting",
    "write",
    "wrote",
    "warn",
    "warned",
    "assert",
    "asserted",
    "argue",
    "argued",
    "maintain",
    "maintained",
    "suggest",
    "suggested",
    "believe",
    "believed",
    "posted",
    "post",
    "declared",
    "declare",
}
ACCUSE_VERBS = {
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "blame",
    "blamed",
    "blames",
    "blaming",
    "charge",
    "charged",
    "charges",
}
DENY = {"deny", "denied", "denies", "denying", "refute", "refuted", "reject", "rejected", "dismissed"}
FAIL = {"fail", "failed", "fails", "refuse", "refused", "refuses", "declined", "decline"}
MODAL = {"will", "would", "could", "may", "might", "shall", "should", "can", "must", "'ll", "wo", "ca"}
PLAN = {
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "aimed",
    "threaten",
    "threatens",
    "threatened",
    "vow",
    "vows",
    "vowed",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "prepare",
    "prepares",
    "prepared",
    "preparing",
    "seek",
    "seeks",
    "sought",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "expect",
    "expects",
    "expected",
    "propose",
    "proposed",
    "consider",
    "considering",
    "considered",
    "urge",
    "urged",
    "urges",
    "ask",
    "asked",
    "call",
    "called",
    "calls",
    "demand",
    "demanded",
    "demands",
    "offer",
    "offered",
    "offers",
    "try",
    "tried",
    "tries",
    "attempt",
    "attempted",
    "attempts",
    "going",
    "ready",
    "set",
    "due",
    "likely",
    "able",
    "designed",
    "order",
    "ordered",
    "orders",
}
PLAN_NOUNS = {
    "plan",
    "plans",
    "threat",
    "threats",
    "bid",
    "attempt",
    "proposal",
    "possibility",
    "call",
    "calls",
    "demand",
    "demands",
    "order",
    "orders",
    "intention",
}
# Verbs whose object noun is the event itself: "launched airstrikes", "staged a protest".
LIGHT = {
    "launch",
    "launched",
    "launches",
    "launching",
    "carry",
    "carried",
    "carries",
    "carrying",
    "conduct",
    "conducted",
    "conducts",
    "conducting",
    "stage",
    "staged",
    "stages",
    "staging",
    "hold",
    "held",
    "holds",
    "holding",
    "make",
    "made",
    "makes",
    "mount",
    "mounted",
    "mounts",
    "pay",
    "paid",
    "pays",
    "issue",
    "issued",
    "convene",
    "convened",
    "convenes",
    "voice",
    "voiced",
    "voices",
    "express",
    "expressed",
    "lodge",
    "lodged",
    "issues",
    "extend",
    "extended",
    "extends",
    "deliver",
    "delivered",
    "begin",
    "began",
    "begun",
    "start",
    "started",
    "continue",
    "continued",
    "intensify",
    "intensified",
    "wage",
    "waged",
    "waging",
    "unleash",
    "unleashed",
    "organize",
    "organized",
    "organise",
    "organised",
    "undertake",
    "undertook",
    "perform",
    "performed",
    "lead",
    "led",
    "leads",
    "execute",
    "executed",
    "hit",
    "step",
    "stepped",
    "resume",
    "resumed",
    "impose",
    "imposed",
    "sign",
    "signed",
    "reach",
    "reached",
    "attend",
    "attended",
    "have",
    "had",
    "has",
    "gave",
    "give",
    "gives",
    "took",
    "take",
    "takes",
    "fired",
    "fire",
    "fires",
}
WEAPONS = {
    "ied",
    "ieds",
    "mine",
    "mines",
    "landmine",
    "landmines",
    "bomb",
    "bombs",
    "shell",
    "shells",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
    "attack",
    "attacks",
    "device",
    "grenade",
    "drone",
    "shelling",
    "fire",
    "clashes",
    "fighting",
    "violence",
    "mortar",
    "mortars",
    "car",
}
RECIP_PREPS = {
    "against",
    "on",
    "at",
    "with",
    "to",
    "from",
    "targeting",
    "upon",
    "into",
    "for",
    "toward",
    "towards",
}
# Prepositions of the issue of an act ("concerned about", "resigned over"): a party only when the
# issue is one or belongs to one
_TOPIC_PREPS = frozenset({"about", "over"})
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "area",
    "areas",
    "region",
    "district",
    "province",
    "governorate",
    "capital",
    "neighbourhood",
    "neighborhood",
    "state",
    "county",
    "camp",
    "outskirts",
}
# Verbal PLOVER types: acts done by saying (the manual's "verbal cooperation / conflict" quads)
_VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE"})
# Types whose parties act jointly: "X and Y met / agreed / cooperated" (PLOVER CONSULT, AGREE, COOPERATE)
_JOINT = frozenset({"CONSULT", "AGREE", "COOPERATE"})
MOD_FACTOR = {"asserted": 1.0, "claimed": 0.85, "historical": 0.9, "hypothetical": 0.7, "negated": 0.6}


def reweigh_modality(ev: Event, coded: str) -> None:
    """An event's confidence carries its modality's factor (MOD_FACTOR): when a later stage (dates)
    changes the modality the coder gave it, the factor of the old one is swapped for the new one's.
    A confidence the eventness model gave (code/eventness.gate; the coder's score then sits in
    extra["coder_score"]) is its calibrated probability of a real event of any modality: it stays."""
    if ev.modality == coded or "coder_score" in ev.extra:
        return
    old, new = MOD_FACTOR.get(coded, 1.0), MOD_FACTOR.get(ev.modality, 1.0)
    ev.confidence = round(min(1.0, ev.confidence / old * new), 4)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


def _open_quote(body: str, pos: int) -> bool:
    """Is a quotation opened earlier in the paragraph still open at `pos`?"""
    para = body[body.rfind("\n\n", 0, pos) + 1 : pos]
    return para.count(_QUOTE_OPEN) > para.count(_QUOTE_CLOSE) or para.count('"') % 2 == 1


_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)


@dataclass
class Frame:
    """Who did it to whom, and how it is reported, for one trigger."""

    pred: Any
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    speaker: Actor | None = None
    split: bool = False  # one of several records of one clause, one per party (its key has the recipient)
    # an actor read from "they"/"it" with its antecedent in an earlier sentence: the resolver's guess
    # (the latest group of the pronoun's number), not a party the sentence names
    pronoun_actor: bool = False


_RELATIVE = frozenset({"who", "whom", "which", "that"})
# subjects that only point at who is meant: "one of the few", "the first", "the only one"
_SPECIFIED = frozenset({"one", "first", "last", "only"})
# forms of "be" (the parse has no lemmas): a specifying copula
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re"})


def _owner(h: Any, mentions: list[Any]) -> Any | None:
    """The possessor of a noun that names an act, plan or attribute ("Turkey's offensive", "Trump's
    idea"): who the noun belongs to; None for other nouns or no possessor."""
    if h.pos_ != "NOUN" or any(m.start <= h.i < m.end for m in mentions):
        return None
    if not is_non_actor_noun(h):
        return None
    # "Turkey's offensive"; "Trump's Syria decision" (the possessive sometimes parsed as nmod)
    poss = [
        c
        for c in h.children
        if c.dep_ == "poss"
        or (c.dep_ == "nmod" and c.pos_ == "PROPN" and any(x.dep_ == "case" for x in c.children))
    ]
    return poss[0] if poss else None


def _conjuncts(t: Any) -> list[Any]:
    out = [t]
    for c in t.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out += _conjuncts(c)
    return out


def _is_reciprocal(pred: Any) -> bool:
    for t in pred.subtree:
        if t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children):
            return True
        if t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ == "each":
            return True
    return False


def _obliged(t: Any) -> Any | None:
    """The verb of what a party is told it must / should do, when trigger `t` is such a modal
    ("Y should take back ...") or a verb of saying whose content has one ("X said Y must ...")."""
    modals = word_list("deontic_modals.txt")
    if t.lower_ in modals and t.dep_ == "aux" and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.lower_ in SPEECH:
        for c in t.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in modals for a in c.children):
                return c
    return None


def _find_pred(t: Any) -> tuple[Any, Any | None]:
    """(predicate, event noun or None) for a trigger token."""
    if t.lower_ in word_list("deontic_modals.txt") and t.dep_ == "aux":
        return t.head, None  # the demanded act's clause: what it contains is its content
    if t.pos_ in ("VERB", "AUX"):
        return t, None
    while t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    h = t.head
    if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and h.pos_ in ("VERB", "AUX") and h.lower_ in LIGHT:
        return h, t
    if t.pos_ in ("VERB",):
        return t, None
    return t, t


def _subject(v: Any) -> tuple[list[Any], list[Any]]:
    """(agent heads, patient heads) of a verb, climbing through control, coordination, participles."""
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return subj, []
        pas = [c for c in v.children if c.dep_ == "nsubjpass"]
        if pas:
            ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            return ag, pas
        if v.dep_ == "xcomp" and v.head.lower_ in word_list("raising_verbs.txt"):
            # raising: "forces were reported to have captured X" -> the forces captured X; "he is
            # believed to have been killed by X" -> X killed him
            raised = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if raised:
                if any(c.dep_ == "auxpass" for c in v.children):
                    ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                    return ag, raised
                return raised, []
        if v.dep_ == "xcomp":
            # object control ("urged the army to attack"), but an object that cannot act is an
            # instrument of the subject's purpose ("used a televised address to castigate Russia")
            objs = [
                c
                for c in v.head.children
                if c.dep_ in ("dobj",) and not (c.ent_type_ == "" and is_non_actor_noun(c))
            ]
            if objs and v.head.lower_ not in ACCUSE_VERBS:
                return objs, []
            v = v.head
            continue
        if v.dep_ in ("conj", "advcl", "acomp"):
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head
            if type_choice.passive_allegation(v):  # "X is accused of beheading Y": X is who did it
                return [c for c in v.children if c.dep_ == "nsubjpass"], []
            continue
        if v.dep_ == "prep":
            v = v.head
            continue
        if v.dep_ == "relcl":
            return [v.head], []
        if v.dep_ == "acl":
            # a participle with its own object is active even when tagged VBN ("forces arrested and
            # interrogated tens of civilians" misparsed as a modifier)
            has_obj = any(
                c.dep_ == "dobj"
                for x in [v, *[c for c in v.children if c.dep_ == "conj"]]
                for c in x.children
            )
            if v.tag_ == "VBG" or has_obj:
                return [v.head], []
            # "westerners imprisoned by Isis": the agent did it to the noun the participle modifies
            ag = [o for c in v.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            return ag, [v.head]
        break
    return [], []


class SentenceCoder:
    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver

    def _actor(
        self, head: Any, mentions: list[Any], ctx: ArticleContext, speaker: Actor | None = None
    ) -> Actor | None:
        # "the operation" as a subject, a weapon ("an IED exploded") or a relative pronoun are not actors
        if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            head = head.head.head
        # "One of the few to welcome it has been the Russian president": a specifying copula names
        # who the indefinite subject is
        if head.dep_ == "nsubj" and head.head.lower_ in _BE and (head.like_num or head.lower_ in _SPECIFIED):
            attr = [c for c in head.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
            if attr:
                head = attr[0]
        return self.r.resolve(head, mentions, ctx, speaker)

    def frames(self, trig: Any, etype: str, mentions: list[Any], ctx: ArticleContext) -> list[Frame]:
        if etype == "REQUEST":
            obliged = _obliged(trig)
            if obliged is not None:
                return self._demand_frames(obliged, mentions, ctx)
            if trig.lower_ in word_list("deontic_modals.txt"):
                return []  # "must" with no obliged clause: not a demand
        pred, noun = _find_pred(trig)
        speaker, claimed = self._speaker(pred, mentions, ctx)
        modality = self._modality(pred, noun, claimed)
        # actors
        agent_heads: list[Any] = []
        patient_heads: list[Any] = []
        if noun is not None and noun.i == pred.i:
            own = [c for c in noun.children if c.dep_ == "poss"]
            own += [
                c
                for c in noun.children
                if c.dep_ in ("amod", "compound", "nmod")
                and (
                    # a town naming an event ("the Manbij attack", "the Sochi agreement") is where,
                    # not who, also when NER tags it ORG
                    (c.ent_type_ in ("NORP", "ORG") and not self.r.venue(c, mentions))
                    or any(
                        m.start <= c.i < m.end and m.kind in ("demonym", "country", "group") for m in mentions
                    )
                )
            ]
            own += [
                o
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "by"
                for o in c.children
                if o.dep_ == "pobj"
            ]
            # "a bombing claimed by the Islamic State", "an attack carried out by X": the perpetrator
            # ... also when the participle follows the noun's "of" complement ("criticism of Turkish
            # actions voiced by the French minister")
            carriers = [noun] + [
                o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            ]
            own += [
                o
                for n in carriers
                for c in n.children
                if c.dep_ == "acl" and c.lower_ in word_list("perpetration_verbs.txt")
                for a in c.children
                if a.dep_ == "agent"
                for o in a.children
                if o.dep_ == "pobj"
            ]
            agent_heads = own[:1]
            if (
                not agent_heads
                and noun.dep_ in ("dobj",)
                and noun.head.pos_ == "VERB"
                and noun.head.lower_ in LIGHT
            ):
                agent_heads, _ = _subject(noun.head)
            # "In a surprise visit to X, he noted ...", "he will travel to Paris for talks", "he said
            # ahead of a meeting with X": the one who meets is the clause's subject
            prep = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
            gov = prep.head if prep is not None else None
            if (
                gov is not None
                and gov.lower_ in ("ahead", "before", "prior")
                and gov.dep_ in ("advmod", "prep")
            ):
                gov = gov.head  # "ahead of", "prior to"
            if (
                not agent_heads
                and prep is not None
                and prep.lower_ in ("in", "during", "on", "after", "at", "for", "of", "to", "before")
                and gov is not None
                and gov.pos_ in ("VERB", "AUX")
                and (prep.lower_ not in ("of", "to") or gov is not prep.head)
            ):
                agent_heads, _ = _subject(gov)
                if gov.lower_ in word_list("victim_verbs.txt"):
                    # "her father died in the fighting": who dies in an event suffers it, and is no
                    # party to it that the sentence reports
                    agent_heads = []
        else:
            agent_heads, patient_heads = _subject(pred)
            # "Israeli missiles were fired at X": a weapon is what was used, not who was hit; whose
            # weapon it is (a demonym, country or group modifying it) is the actor
            if not agent_heads and any(h.lower_ in WEAPONS for h in patient_heads):
                agent_heads = [h for h in patient_heads if h.lower_ in WEAPONS][:1]
                patient_heads = [h for h in patient_heads if h.lower_ not in WEAPONS]
            if noun is not None:  # light verb + event noun: "Israel's strikes" style modifiers win
                own = [c for c in noun.children if c.dep_ == "poss"]
                if own and not agent_heads:
                    agent_heads = own[:1]
        # weapons as subjects: "an IED planted by X exploded" -> X
        fixed = []
        for h in agent_heads:
            if h.lower_ in WEAPONS:
                by = [o for c in h.subtree if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
                mod = [
                    c
                    for c in h.children
                    if c.dep_ in ("amod", "compound", "poss")
                    and any(
                        m.start <= c.i < m.end and m.kind in ("demonym", "country", "group") for m in mentions
                    )
                ]
                fixed += by[:1] or mod[:1]
            else:
                fixed.append(h)
        agent_heads = fixed
        actors_h: list[Any] = []
        for h in agent_heads:
            actors_h += _conjuncts(h)
        # recipients
        rec_h: list[Any] = list(patient_heads)
        holders = [pred] + ([noun] if noun is not None and noun.i != pred.i else [])
        for v in holders:
            for c in v.children:
                if (
                    c.dep_ in ("dobj", "dative")
                    and (noun is None or c.i != noun.i)
                    and c.lower_ not in ("other", "another")
                ):
                    if c.pos_ == "ADP":  # "gave his support to X" parsed with "to" as the dative
                        rec_h += [o for o in c.children if o.dep_ == "pobj"]
                    else:
                        rec_h.append(c)
                elif (
                    c.dep_ in ("prep", "conj")
                    and c.pos_ == "ADP"
                    and (c.lower_ in RECIP_PREPS or (c.lower_ == "of" and noun is not None and v.i == noun.i))
                ):
                    rec_h += [o for o in c.children if o.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ == "of" and v.lower_ in ACCUSE_VERBS:
                    continue
                elif c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS:
                    # "concerned about Turkey's offensive", "resigned over Trump's decision": the
                    # issue names a party only when it is one or is someone's act
                    rec_h += [
                        o
                        for o in c.children
                        if o.dep_ == "pobj"
                        and (_owner(o, mentions) is not None or any(m.start <= o.i < m.end for m in mentions))
                    ]
                elif (
                    c.dep_ == "ccomp"
                    and c.pos_ in ("VERB", "AUX")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                ):
                    # "they want the government to withdraw it": the subject of an infinitive
                    # complement is who is asked, pushed or allowed to act
                    rec_h += [o for o in c.children if o.dep_ == "nsubj"]
            if v.pos_ == "VERB" and not any(c.dep_ in ("dobj", "dative") for c in v.children):
                # "is killing or imprisoning Kurds": coordinated verbs share the object that
                # follows the last one (right node raising)
                nxt = v.doc[v.i + 2] if v.i + 2 < len(v.doc) else None
                if (
                    nxt is not None
                    and nxt.dep_ == "conj"
                    and nxt.head.i == v.i
                    and v.doc[v.i + 1].dep_ == "cc"
                ):
                    rec_h += [o for o in nxt.children if o.dep_ == "dobj"]
        if (
            etype == "CONSULT"
            and noun is not None
            and noun.i == pred.i
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "for"
            and noun.head.head.pos_ == "VERB"
        ):
            # "will travel to Paris for talks": the talks are held with whom one travels to
            rec_h += [
                o
                for c in noun.head.head.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for o in c.children
                if o.dep_ == "pobj"
            ]
        recips: list[Actor] = []
        for h in rec_h:
            for hh in _conjuncts(h):
                if hh.lower_ in ("other", "another", "each"):
                    continue
                a = self._recipient(hh, mentions, ctx, speaker)
                if a is not None and a.name not in {x.name for x in recips}:
                    recips.append(a)
        actors: list[Actor] = []
        pronoun_actor = False
        for h in actors_h:
            a = self._actor(h, mentions, ctx, speaker)
            if a is not None and a.name not in {x.name for x in actors}:
                actors.append(a)
                pronoun_actor |= (
                    speaker is None and h.lower_ in GROUP_PRONOUNS and a.text not in pred.sent.text
                )
        # "Conditions in the camp were a grave concern, he said": a verbal act told as the content of
        # what someone says, with no one else acting in it, is the speaker's (PLOVER: the source of a
        # statement is its actor)
        if not actors and speaker is None and etype in _VERBAL and ctx.in_quote:
            speaker = ctx.quote_speaker  # a verbal act in a quotation X opened: X's own words
        if (
            not actors
            and speaker is not None
            and etype in _VERBAL
            and (speaker.country or speaker.sector or speaker.text)
        ):
            actors = [speaker]
        recips = [a for a in recips if a.name not in {x.name for x in actors}]
        # an official whose country is not in the phrase: the country the sentence names that is
        # not the other side's ("then-Prime Minister Mikati ... rebuke of Iran ... Lebanese affairs")
        for a in actors:
            if a.country is None and a.sector in STATE and any(w[:1].isupper() for w in a.text.split()):
                other = {r.country for r in recips}
                for m in mentions:
                    if (
                        m.kind in ("country", "demonym", "capital")
                        and m.value not in other
                        and pred.sent.start <= m.start < pred.sent.end
                    ):
                        a.country = m.value
                        break
        # a speaker reporting someone else's act is not its actor
        if modality == "claimed" and speaker is not None and actors and actors[0].name == speaker.name:
            modality = "asserted"
        if _is_reciprocal(pred) and len(actors) >= 2:
            return [
                Frame(pred, [a], [b for b in actors if b is not a] + recips, modality, speaker)
                for a in actors
            ]
        if etype in _JOINT and len(actors) >= 2 and not recips:
            # "X and Y agreed / met": a joint act of two parties, each the other's counterpart
            # (PLOVER codes a dyad: the first named as source, the other as target)
            actors, recips = actors[:1], actors[1:]
        return [Frame(pred, actors, recips, modality, speaker, pronoun_actor=pronoun_actor)]

    def _demand_frames(self, verb: Any, mentions: list[Any], ctx: ArticleContext) -> list[Frame]:
        """ "X said Y and Z must / should act": X's demand of Y and X's demand of Z (PLOVER REQUEST;
        one record per actor pair, ACLED/realnews practice). Nothing when no speaker says it (the
        journalist's own "should" is commentary) or no other party is obliged ("we must")."""
        speaker, claimed = self._speaker(verb, mentions, ctx)
        if speaker is None and ctx.in_quote and ctx.quote_speaker is not None:
            # a later sentence of a quotation opened after "X said:" is X's
            speaker, claimed = ctx.quote_speaker, True
        if speaker is None or not claimed:
            return []
        if not speaker.name or speaker.name.replace(",", "").isdigit():
            return []  # a number ("46, said") is an age or a count, not who speaks
        say = verb.head if verb.dep_ == "ccomp" else verb
        modality = self._modality(say, None, False) if say.i != verb.i else "asserted"
        recips: list[Actor] = []
        for h in [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]:
            for hh in _conjuncts(h):
                a = self._recipient(hh, mentions, ctx, speaker)
                if a is not None and a.name != speaker.name and a.name not in {r.name for r in recips}:
                    recips.append(a)
        return [Frame(verb, [speaker], [r], modality, speaker, split=len(recips) > 1) for r in recips]

    def _recipient(
        self, h: Any, mentions: list[Any], ctx: ArticleContext, speaker: Actor | None
    ) -> Actor | None:
        # "the Kurds, whom Turkey accused ...", "a soldier who was killed": a relative pronoun
        # stands for the noun its clause modifies
        if h.lower_ in _RELATIVE and h.head.dep_ == "relcl":
            h = h.head.head
        # "at a summit", "during talks": a meeting is where parties meet, not one of them
        if h.lower_ in word_list("meeting_nouns.txt"):
            return None
        owner = _owner(h, mentions)
        if owner is not None:
            # "concerned about Turkey's offensive", "support to Mr Brown's ambitions": an act, plan
            # or attribute is no party; whose it is receives the event
            inner = self.r.resolve(owner, mentions, ctx, speaker)
            if inner is None:
                return None
            toks = self.r.phrase(h)
            return replace(inner, text=h.doc[toks[0].i : toks[-1].i + 1].text if toks else inner.text)
        known = any(
            m.start <= h.i < m.end
            and m.kind in ("country", "capital", "group", "demonym", "sector", "office")
            for m in mentions
        )
        # places are where, not whom (towns; a country or capital stands for its government)
        if not known and (
            h.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
            or h.lower_ in PLACE_NOUNS
        ):
            return None
        if h.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        return self.r.resolve(h, mentions, ctx, speaker)

    def _speaker(self, pred: Any, mentions: list[Any], ctx: ArticleContext) -> tuple[Actor | None, bool]:
        """Who the event is attributed to, if it is reported speech, and whether it is a claim."""
        t = pred
        for _ in range(6):
            # "according to X"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    objs = [
                        o
                        for cc in c.children
                        for o in ([cc] if cc.dep_ == "pobj" else cc.children)
                        if o.dep_ == "pobj"
                    ]
                    return (self.r.resolve(objs[0], mentions, ctx) if objs else None), True
                # '"...," the army said' parsed with "said" under the quoted verb
                if c.dep_ in ("parataxis", "ccomp") and c.lower_ in SPEECH and c.i > pred.i:
                    subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                    return (self.r.resolve(subj[0], mentions, ctx) if subj else None), True
            if (
                t.dep_
                in (
                    "ccomp",
                    "xcomp",
                    "conj",
                    "advcl",
                    "parataxis",
                    "dep",
                    "pcomp",
                    "prep",
                    "pobj",
                    "dobj",
                    "acl",
                    "nsubj",
                    "nsubjpass",
                    "attr",
                    "acomp",  # "she was concerned": the copula carries the adjective's clause
                )
                and t.head.i != t.i
            ):
                h = t.head
                if h.lower_ in SPEECH or (h.lower_ in ACCUSE_VERBS and t.dep_ in ("pcomp", "prep")):
                    subj = [s for s in h.children if s.dep_ in ("nsubj",)]
                    if not subj and h.lower_ in ("quoted", "quote", "quoting"):
                        subj = [s for s in h.children if s.dep_ == "dobj"]
                    if not subj:
                        subj = [
                            o for c in h.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                        ]
                    if not subj and h.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                        subj = _subject(h)[0]
                    return (self.r.resolve(subj[0], mentions, ctx) if subj else None), True
                t = h
                continue
            break
        # a quotation: '"...," X said' where the parse did not link the two
        sent = pred.sent
        if sent.text[:1] in '"“' and any(t.lower_ in SPEECH and t.i > pred.i for t in sent):
            return None, True
        return None, False

    def quote_opener(self, doc: Any, mentions: list[Any], ctx: ArticleContext) -> Actor | None:
        """Who speaks in a sentence that leaves a quotation open: the subject of its last verb of saying."""
        says = [t for t in doc if t.lower_ in SPEECH and any(c.dep_ == "nsubj" for c in t.children)]
        if not says:
            return None
        subj = next(c for c in says[-1].children if c.dep_ == "nsubj")
        return self.r.resolve(subj, mentions, ctx)

    def _modality(self, pred: Any, noun: Any | None, claimed: bool) -> str:
        def neg(v: Any) -> bool:
            return any(c.dep_ == "neg" for c in v.children)

        def hypo(v: Any) -> bool:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL for c in v.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children):
                return True
            aux = [c.lower_ for c in v.children if c.dep_ == "aux"]
            return "going" in aux

        v = pred
        if neg(v) or (noun is not None and any(c.lower_ in ("no",) for c in noun.children)):
            return "negated"
        if hypo(v):
            return "hypothetical"
        if noun is not None and any(
            c.lower_ in ("planned", "possible", "potential", "future", "proposed") for c in noun.children
        ):
            return "hypothetical"
        t = v
        for _ in range(4):
            if (
                t.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "dobj", "conj")
                and t.head.i != t.i
            ):
                h = t.head
                if t.dep_ in ("xcomp", "ccomp", "acl", "pcomp") and h.lower_ in DENY:
                    return "negated"
                if t.dep_ in ("xcomp",) and h.lower_ in FAIL:
                    return "negated"
                if t.dep_ in ("xcomp", "acl", "ccomp", "advcl", "pcomp") and (
                    h.lower_ in PLAN or h.lower_ in PLAN_NOUNS
                ):
                    return "hypothetical"
                if (
                    t.dep_ in ("xcomp", "ccomp", "conj")
                    and neg(h)
                    and h.lower_ not in SPEECH
                    and not (t.dep_ == "conj" and _contrasted(h, t))
                ):
                    return "negated"
                if t.dep_ in ("ccomp", "conj") and hypo(h) and h.lower_ not in SPEECH:
                    return "hypothetical"
                if t.dep_ == "conj":
                    t = h
                    continue
                if t.dep_ in ("advcl", "acl") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in t.children
                ):
                    return "hypothetical"  # purpose: "... to destroy ISIS hideouts"
                t = h
                if h.lower_ in SPEECH:
                    break
                continue
            break
        return "claimed" if claimed else "asserted"


def _contrasted(h: Any, t: Any) -> bool:
    """Is conjunct `t` joined to `h` by a contrastive coordinator ("not fighting but working")?
    Then the negation of `h` does not reach `t` (data/actors/contrastive_coordinators.txt)."""
    return any(
        c.dep_ == "cc" and h.i < c.i < t.i and c.lower_ in word_list("contrastive_coordinators.txt")
        for c in h.children
    )


_NEGATION = re.compile(r"\b(?:not|never|no|n't|cannot)\b|n't\b", re.I)


def _judging_verb(adj: Any) -> Any | None:
    """ "He found the policies abhorrent", "she called it an outrageous decision": the verb whose
    subject passes the judgement (None when no such verb governs the word)."""
    t = adj
    for _ in range(3):
        t = t.head
        if t.lower_ in word_list("judging_verbs.txt") and any(c.dep_ == "nsubj" for c in t.children):
            return t
        if t.pos_ in ("VERB", "AUX") and t.lower_ not in ("be", "is", "was", "are", "were", "been", "being"):
            return None
    return None


def _anchor(tok: Any) -> Any:
    """The clause an event sits in: its verb, or the verb governing its event noun."""
    pred, noun = _find_pred(tok)
    if (
        noun is not None
        and noun.i == pred.i
        and noun.dep_ in ("dobj", "nsubjpass", "nsubj", "attr")
        and noun.head.pos_ in ("VERB", "AUX")
    ):
        return noun.head
    return pred


def _spurious(tok: Any, fr: Frame, etype: str) -> bool:
    """Mentions that are not new events: "The visit followed ..." (a definite event noun that
    refers back, with no participants), and telling the press ("told reporters/Reuters")."""
    if (
        tok.pos_ == "NOUN"
        and not fr.actors
        and not fr.recipients
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children
        )
    ):
        return True
    return bool(
        etype == "CONSULT"
        and tok.lower_ in SPEECH
        and fr.recipients
        and all(r.sector in ("MED", "JRN") for r in fr.recipients)
    )


def _own_clause(pred: Any) -> bool:
    """A finite verb with its own subject in a coordinated or adverbial clause ("..., as he urged
    all sides to", "... and Russia blamed the US"), or in a supplementary relative clause ("angered
    Turkey, which launched an offensive"): not the content of the verb above it. A supplementary
    (non-restrictive) relative, set off by a comma, asserts a proposition of its own (Huddleston &
    Pullum 2002, The Cambridge Grammar of the English Language, ch. 12 §4.1)."""
    if _supplementary_relative(pred):
        return True
    return (
        pred.pos_ == "VERB"
        and pred.dep_ in ("advcl", "conj")
        and pred.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "nsubj" for c in pred.children)
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
    )


def _coordinated(a: Any, b: Any) -> bool:
    """Whether verb `b` is joined to verb `a` by "and" / "but" ("shelled the town and arrested dozens"):
    each conjunct of such a coordination is a predication of its own (Huddleston & Pullum 2002, The
    Cambridge Grammar of the English Language, ch. 15), not a part of the first one's content. Joined by
    "or" ("were killing or imprisoning Kurds", "surrendered or been killed") the verbs are alternative
    descriptions of one act, and stay one event."""
    t = b
    while t.dep_ == "conj" and t.head.i != t.i and t.pos_ in ("VERB", "AUX"):
        t = t.head
        if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in t.children):
            return False
        if t.i == a.i:
            return True
    return False


def _supplementary_relative(pred: Any) -> bool:
    """ "..., which launched an offensive", "..., who accused X": a finite relative clause opened by a
    wh-pronoun subject right after a comma (its coordinated verbs too: "which launched ... and threatened")."""
    v = pred
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ != "relcl" or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("which", "who")]
    return bool(subj) and subj[0].i > 0 and subj[0].nbor(-1).text == ","


def _meeting_place(tok: Any) -> bool:
    """A meeting noun as the place or time of a clause: "at a summit", "during talks"."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("at", "during")
        and tok.lower_ in word_list("meeting_nouns.txt")
    )


def clause_role(tok: Any) -> str:
    """Where a trigger sits in its sentence's syntax, for the eventness gate: the relation of its
    clause to the rest ("ROOT", "ccomp", "relcl", "advcl", "pobj"...), the part of speech of the
    trigger, the clause verb's tense tag, whether the clause has a subject, and what governs it
    ("say" for a verb of saying, else the governor's part of speech). A reported event is mostly a
    finite main clause or the content of a verb of saying; events nested in a noun phrase, a purpose
    clause or a modifier are mostly circumstances, plans or background."""
    pred = _anchor(tok)
    head = pred.head if pred.head.i != pred.i else None
    gov = "none" if head is None else ("say" if head.lower_ in SPEECH else head.pos_)
    subj = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in pred.children)
    return "|".join((pred.dep_, tok.pos_, pred.tag_, "subj" if subj else "nosubj", gov))


def _short(body: str) -> bool:
    return len(body) <= 1500


def code(
    articles: list[Article],
    config: dict[str, Any] | None,
    res: Resources,
    bare_mentions: bool = False,
    entities: KnownEntities | None = None,
) -> list[Event]:
    """Events of every article, each article's events strongest first (main event of short texts first).

    `res` holds the spaCy pipeline, the actor dictionary and the models (eventdesk.resources). With `bare_mentions`, definite event nouns without participants ("the
    attack began at midnight") come too, marked extra["mention_only"], for code/coref.py to attach
    to the event they repeat. `entities` receives the NER of the parsed sentences (geo reuses it)."""
    from eventdesk.annotate import annotate, sentence_spans
    from eventdesk.code.classify import classify, classify_document
    from eventdesk.code.eventness import gate

    config = config or {}
    # below it an event is noise more often than not (code/settings.py); also the bar for a short
    # report's whole-text guess
    min_conf = float(setting(config, "code.min_confidence"))
    dictionary = res.dictionary
    resolver = Resolver(dictionary, res.gazetteer)
    coder = SentenceCoder(resolver)
    bodies = [a.body or "" for a in articles]
    spans = sentence_spans(bodies, config, res.nlp)
    flat = [(ai, s, e) for ai, sp in enumerate(spans) for s, e in sp]
    guesses = classify([bodies[ai][s:e] for ai, s, e in flat], res.acled_model)
    short = [i for i, b in enumerate(bodies) if b.strip() and _short(b)]
    doc_guess: dict[int, Any] = {}
    if short:
        for i, g in zip(
            short, classify_document([bodies[i] for i in short], res.nlp, res.acled_model), strict=True
        ):
            if g:
                doc_guess[i] = g[0]
    # a short report with no trigger in any sentence but a confident document guess: its first
    # sentence carries the main event
    first_chunk: dict[int, int] = {}
    for k, (ai, _s, _e) in enumerate(flat):
        first_chunk.setdefault(ai, k)
    no_trigger = {ai for ai in doc_guess if not any(guesses[k] for k, f in enumerate(flat) if f[0] == ai)}
    # the main guess of a short text may sit in a sentence the sentence classifier skipped
    need = set()
    for k, (ai, s, e) in enumerate(flat):
        if guesses[k] or ai in no_trigger and first_chunk[ai] == k and doc_guess[ai].score >= min_conf:
            need.add(k)
        else:
            g = doc_guess.get(ai)
            if g is not None and g.trigger and s <= g.trigger[0] < e:
                need.add(k)
    todo = sorted(need)
    docs = dict(
        zip(
            todo,
            annotate([bodies[flat[k][0]][flat[k][1] : flat[k][2]] for k in todo], config, res.nlp),
            strict=True,
        )
    )
    if entities is not None:  # the geo stage reuses these entities instead of a second NER pass
        for k in todo:
            entities.add(articles[flat[k][0]].id, flat[k][1], flat[k][2], docs[k])
    # "Trump has not commented. On Saturday, he said ...": a sentence with no trigger can still name
    # the antecedent of the next one's pronoun (centering: the previous utterance's subject), so the
    # sentence before an event sentence that opens with a personal pronoun is parsed for its names
    context_k = [
        k - 1
        for k in todo
        if k > 0
        and k - 1 not in need
        and flat[k - 1][0] == flat[k][0]
        and _PERSON_PRONOUN.search(bodies[flat[k][0]][flat[k][1] : flat[k][2]][:80])
    ]
    context_docs = dict(
        zip(
            context_k,
            annotate([bodies[flat[k][0]][flat[k][1] : flat[k][2]] for k in context_k], config, res.nlp),
            strict=True,
        )
    )

    # the fast sentencer sometimes joins sentences; the parser's split is better: classify those parts
    chunk_guesses: dict[int, list[Any]] = {}
    split_parts: list[tuple[int, int]] = []
    for k in todo:
        sents = list(docs[k].sents)
        if len(sents) > 1:
            split_parts += [(k, s.start_char) for s in sents]
        else:
            chunk_guesses[k] = list(guesses[k])
    if split_parts:
        texts = []
        for k, off in split_parts:
            sent = next(s for s in docs[k].sents if s.start_char == off)
            texts.append(sent.text)
        for (k, off), gs in zip(split_parts, classify(texts, res.acled_model), strict=True):
            chunk_guesses.setdefault(k, []).extend(
                replace(g, trigger=(g.trigger[0] + off, g.trigger[1] + off)) if g.trigger else g for g in gs
            )

    out: list[Event] = []
    by_article: dict[int, list[int]] = {}
    for k in todo:
        by_article.setdefault(flat[k][0], []).append(k)
    for ai, art in enumerate(articles):
        ctx = ArticleContext(people=dictionary.person_entry)
        body = bodies[ai]
        pub_year = int(art.published[:4]) if art.published and art.published[:4].isdigit() else None
        events: list[Event] = []
        main: Event | None = None
        dg = doc_guess.get(ai)
        for k in by_article.get(ai, []):
            if k - 1 in context_docs:
                ctx.note_names(context_docs[k - 1], dictionary.mentions(context_docs[k - 1]))
            _, cs, ce = flat[k]
            doc = docs[k]
            mentions = dictionary.mentions(doc)
            ctx.in_quote = _open_quote(body, cs)
            if not ctx.in_quote:
                ctx.quote_speaker = None
            sent_guesses = list(chunk_guesses.get(k, []))
            if dg is not None and ai in no_trigger and first_chunk[ai] == k and not dg.trigger:
                sent_guesses.insert(0, dg)
            elif (
                dg is not None
                and dg.trigger
                and cs <= dg.trigger[0] < ce
                and not any(g.event_type == dg.event_type for g in sent_guesses)
            ):
                sent_guesses.insert(0, replace(dg, trigger=(dg.trigger[0] - cs, dg.trigger[1] - cs)))
            # the triggers' tokens, then drop events nested in another event's clause
            items = []
            for gi, g in enumerate(sent_guesses):
                if g.trigger:
                    span = doc.char_span(
                        g.trigger[0], min(g.trigger[1], len(doc.text)), alignment_mode="expand"
                    )
                    tok = span.root if span is not None and len(span) else None
                else:
                    tok = None
                if tok is None:
                    sent = next(iter(doc.sents))
                    tok = sent.root
                items.append((gi, g, tok))
            kept = []
            for gi, g, tok in items:
                # a trigger word inside a name ("Popular Mobilization Forces") is no event
                if any(m.kind == "group" and m.start <= tok.i < m.end for m in mentions) or (
                    tok.ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "LAW") and tok.pos_ == "PROPN"
                ):
                    continue
                pred = _anchor(tok)
                # "with the support of the army": a circumstance of another event in the sentence
                if (
                    (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "under"))
                    or (tok.dep_ == "prep" and tok.lower_ in ("with", "under"))
                ) and any(t2.sent.start == tok.sent.start and t2.i != tok.i for _, _, t2 in items):
                    continue
                # "westerners imprisoned by Isis were killed", "happy to discuss X while Y": a
                # description of a noun or a disposition beside the event the sentence reports
                if type_choice.side_trigger(tok, [t2 for _, _, t2 in items if t2.i != tok.i]):
                    continue
                nested = False
                # "he was concerned about X, as he urged all sides to ...": a finite clause with its
                # own subject, joined to another (coordinated or adverbial), tells an act of its own
                if _own_clause(pred):
                    kept.append((gi, g, tok))
                    continue
                # "agreed at a summit in Sochi": the meeting is an event of its own (PLOVER: every
                # meeting is a CONSULT), not a circumstance of what was agreed there
                if g.event_type == "CONSULT" and _meeting_place(tok):
                    kept.append((gi, g, tok))
                    continue
                for gj, _g2, tok2 in items:
                    if gj == gi or tok2.i == tok.i:
                        continue
                    p2 = _anchor(tok2)
                    if _coordinated(p2, pred):
                        continue  # "condemned the raid and demanded ...": two acts, not one inside the other
                    if (
                        p2.i != pred.i
                        and type_choice.dominates(p2, pred)
                        and pred.sent.start == p2.sent.start
                    ):
                        # "accused Y of attacking": kept, as Y's claimed act; otherwise the outer event covers it
                        acc = p2.lower_ in ACCUSE_VERBS and any(
                            c.dep_ == "dobj" and c.lower_ not in ("other", "another") for c in p2.children
                        )
                        # ... but the deed in the accusation's own "of"/"for" complement is what the accuser
                        # says, not an act the report asserts
                        acc = acc and not type_choice.accused_deed(p2, tok, g.event_type)
                        # "X is accused of beheading...": the alleged act is what is reported
                        acc = acc or type_choice.passive_allegation(p2)
                        # "denied that jets bombed the camp": kept, negated
                        if not acc and p2.lower_ not in DENY:
                            nested = True
                            break
                if not nested:
                    kept.append((gi, g, tok))
            seen: set[tuple] = set()
            for _gi, g0, tok in kept:
                # which type the trigger carries in its clause (PLOVER definitions; None: no event)
                etype = type_choice.choose(
                    tok, g0.event_type, [(g2.event_type, t2) for _, g2, t2 in items if t2.i != tok.i]
                )
                if etype is None:
                    continue
                if etype != g0.event_type:
                    g0 = type_choice.retype(g0, doc.text, etype, acled=res.acled_model)
                sent = tok.sent
                s_abs, e_abs = cs + sent.start_char, cs + sent.end_char
                frames = coder.frames(tok, g0.event_type, mentions, ctx)
                judge = None
                if etype == "ACCUSE" and tok.pos_ == "ADJ" and not any(fr.actors for fr in frames):
                    judge = _judging_verb(tok)  # "he found the policies abhorrent": he condemns them
                    if judge is not None:
                        frames = coder.frames(judge, etype, mentions, ctx)
                for fr in frames:
                    g = g0
                    # "the appalling attack", "the policy was abhorrent": an evaluative word is a
                    # condemnation (ACCUSE) only as someone's words; the journalist's is commentary
                    if (
                        g.event_type == "ACCUSE"
                        and tok.pos_ == "ADJ"
                        and fr.speaker is None
                        and judge is None
                        and not ctx.in_quote
                    ):
                        continue
                    if not type_choice.official_visit(tok, g.event_type, [a.sector for a in fr.actors]):
                        continue
                    by_actor = type_choice.by_actor(g.event_type, g.mode, [a.sector for a in fr.actors])
                    if by_actor != (g.event_type, g.mode):
                        g = type_choice.retype(g, doc.text, *by_actor, acled=res.acled_model)
                    mention_only = False
                    if _spurious(tok, fr, g.event_type):
                        # "the attack" with no participants: no record of its own, but a mention of an
                        # event told before (code/coref.py attaches it, or drops it)
                        if not (anaphoric(tok) and not fr.actors and not fr.recipients):
                            continue
                        mention_only = True
                    modality = fr.modality
                    if (
                        g.event_type == "REJECT"
                        and modality in ("negated", "hypothetical")
                        and g.trigger
                        and _NEGATION.search(doc.text[g.trigger[0] : g.trigger[1]])
                    ):
                        # "said it would not negotiate": the negation (and its modal) is the refusal
                        # the trigger names, not a denial that anything happened (PLOVER REJECT)
                        modality = "claimed" if fr.speaker is not None else "asserted"
                    if modality == "asserted" and pub_year:
                        years = [int(y) for y in _YEAR.findall(sent.text)]
                        if years and max(years) < pub_year:
                            modality = "historical"
                    conf = g.score * (1.0 if fr.actors else 0.75) * MOD_FACTOR.get(modality, 1.0)
                    if conf < min_conf:
                        continue
                    key = (s_abs, g.event_type, tuple(a.name for a in fr.actors)) + (
                        tuple(a.name for a in fr.recipients) if fr.split else ()
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    t0 = cs + tok.idx
                    ev = Event(
                        article_id=art.id,
                        event_type=g.event_type,
                        evidence=Evidence(body[s_abs:e_abs], s_abs, e_abs),
                        mode=g.mode,
                        contexts=list(g.contexts),
                        acled_event_type=g.acled_event_type,
                        acled_sub_event_type=g.acled_sub_event_type,
                        cameo_root=g.cameo_root,
                        goldstein=g.goldstein,
                        actors=fr.actors,
                        recipients=fr.recipients,
                        modality=modality,
                        fatalities=fatalities(sent.text, g.acled_event_type),
                        confidence=round(min(1.0, conf), 4),
                        extra={"trigger": [t0, t0 + len(tok.text)], "clause_role": clause_role(tok)}
                        | ({"anaphoric": True} if anaphoric(tok) else {})
                        | ({"pronoun_actor": True} if fr.pronoun_actor else {})
                        | ({"mention_only": True} if mention_only else {})
                        | ({"case_label": g.case_label} if g.case_label else {})
                        | _claimant(modality, fr.speaker),
                    )
                    events.append(ev)
                    if (
                        main is None
                        and not mention_only
                        and dg is not None
                        and g.event_type == dg.event_type
                        and (g.acled_sub_event_type == dg.acled_sub_event_type or not dg.trigger)
                    ):
                        main = ev
            # who this sentence named, for "he", "the group" in later sentences
            ctx.note_names(doc, mentions)
            if _open_quote(body, ce):
                ctx.quote_speaker = coder.quote_opener(doc, mentions, ctx) or ctx.quote_speaker
        if dg is not None and events and main is None:
            main = next(
                (e for e in events if e.event_type == dg.event_type and not e.extra.get("mention_only")), None
            )
        if dg is not None and main is None and dg.score >= min_conf:
            # a short report whose main event (as the document classifier reads the whole text) no
            # sentence frame produced: code it from the sentence that carries it
            main = _main_from_document(art, dg, ai, flat, docs, events, coder, dictionary, ctx)
            if main is not None:
                events.append(main)
        if dg is not None and events and main is not None:
            # the whole report is about it: document-level codes and fatalities
            main.acled_event_type = dg.acled_event_type
            main.acled_sub_event_type = dg.acled_sub_event_type
            main.mode = main.mode or dg.mode
            if dg.case_label:
                main.extra["case_label"] = dg.case_label
            main.fatalities = fatalities(body, main.acled_event_type)
        events.sort(key=lambda e: (e is not main, -e.confidence, e.evidence.start))
        for e in events:
            protest_roles(e)
            _unidentified(e)
        # clauses that are not events (commentary, other word senses, page furniture) go; a short
        # report's main event stays whatever the gate says; bare mentions are left to coreference
        genre = (art.relevance or {}).get("genre")
        passed = {
            id(e)
            for e in gate(
                [e for e in events if not e.extra.get("mention_only")],
                body,
                config,
                main,
                res.eventness,
                genre,
            )
        }
        events = [e for e in events if id(e) in passed or e.extra.get("mention_only")]
        # bare mentions are not gated (coreference attaches or drops them) but their confidence joins
        # a record's (code/coref.py keeps the highest): the same calibrated scale
        gate(
            [e for e in events if e.extra.get("mention_only")],
            body,
            {"code": {"eventness_threshold": -1}},
            None,
            res.eventness,
            genre,
        )
        out += events if bare_mentions else [e for e in events if not e.extra.get("mention_only")]
    return out


def _main_from_document(
    art: Article,
    dg: Any,
    ai: int,
    flat: list[tuple[int, int, int]],
    docs: dict[int, Any],
    events: list[Event],
    coder: Any,
    dictionary: Any,
    ctx: Any,
) -> Event | None:
    """The document guess as an event: evidence = the sentence holding its trigger (else the first),
    actors from that sentence's parse when there is one, else from an event of the same sentence."""
    chunks = [(k, s, e) for k, (a, s, e) in enumerate(flat) if a == ai]
    if not chunks:
        return None
    pick = chunks[0]
    if dg.trigger:
        pick = next((c for c in chunks if c[1] <= dg.trigger[0] < c[2]), pick)
    k, s_abs, e_abs = pick
    actors: list[Actor] = []
    recipients: list[Actor] = []
    modality = "asserted"
    same = [e for e in events if e.evidence.start < e_abs and s_abs < e.evidence.end]
    if same:
        best = max(same, key=lambda e: e.confidence)
        actors, recipients, modality = list(best.actors), list(best.recipients), best.modality
    elif k in docs:
        doc = docs[k]
        tok = None
        if dg.trigger:  # the word that carries the event, else the sentence's main verb
            span = doc.char_span(
                dg.trigger[0] - s_abs, min(dg.trigger[1] - s_abs, len(doc.text)), alignment_mode="expand"
            )
            tok = span.root if span is not None and len(span) else None
        tok = tok or next(iter(doc.sents)).root
        frames = coder.frames(tok, dg.event_type, dictionary.mentions(doc), ctx)
        if frames:
            actors, recipients, modality = frames[0].actors, frames[0].recipients, frames[0].modality
    if not actors and events:  # a short report has one cast: the parties of its best-coded event
        best = max(events, key=lambda e: e.confidence)
        actors, recipients = list(best.actors), list(best.recipients)
    body = art.body
    sentence = body[s_abs:e_abs]
    lead = len(sentence) - len(sentence.lstrip())
    tail = len(sentence) - len(sentence.rstrip())
    s_abs, e_abs = s_abs + lead, e_abs - tail
    return Event(
        article_id=art.id,
        event_type=dg.event_type,
        evidence=Evidence(body[s_abs:e_abs], s_abs, e_abs),
        mode=dg.mode,
        contexts=list(dg.contexts),
        acled_event_type=dg.acled_event_type,
        acled_sub_event_type=dg.acled_sub_event_type,
        cameo_root=dg.cameo_root,
        goldstein=dg.goldstein,
        actors=actors,
        recipients=recipients,
        modality=modality,
        fatalities=fatalities(body, dg.acled_event_type),
        confidence=round(min(1.0, dg.score * 0.75), 4),
        extra={"from": "document"}
        | ({"trigger": list(dg.trigger)} if dg.trigger else {})
        | ({"case_label": dg.case_label} if dg.case_label else {}),
    )


def _claimant(modality: str, speaker: Actor | None) -> dict[str, Any]:
    """`claimed_by` of a claimed event: who the text attributes it to (the card says "claimed by X")."""
    # only an actor (a country, an organisation, an office): not "the statement", "reports"
    if modality != "claimed" or speaker is None or not (speaker.country or speaker.sector):
        return {}
    return {"claimed_by": {"name": speaker.name, "country": speaker.country, "sector": speaker.sector}}


def _unidentified(ev: Event) -> None:
    """ACLED practice: violence or a protest whose actor is not named has an unidentified one."""
    if ev.actors:
        return
    if ev.event_type == "PROTEST" or ev.acled_event_type in ("Protests", "Riots"):
        ev.actors = [Actor(text="", name="Protesters", country=None, sector="CVL")]
    elif (ev.event_type == "ASSAULT" and ev.mode not in ("aerial",)) or ev.acled_event_type in (
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Strategic developments",
    ):
        ev.actors = [Actor(text="", name="Unidentified armed group", country=None, sector="UAF")]
