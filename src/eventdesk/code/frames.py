"""Frames: who did it to whom, and how it is reported, for one trigger (`SentenceCoder.frames`).

Around a trigger the dependency parse gives the actors (subject, agent of a passive, possessor of an
event noun, the subject of a light verb), the recipients (object, "against/on/with/from/to" phrases),
the speaker of reported speech, reciprocal and joint events ("X and Y accused each other", "X and Y
met"), demands made of a party ("X said Y must ..."), and the modality (claimed, negated,
hypothetical). Names become actors through the actor resolver (code/actors.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.dictionary import STATE
from eventdesk.code.actors.resolve import Resolver
from eventdesk.code.actors.words import GROUP_PRONOUNS, word_list
from eventdesk.code.judgement import (
    ALLEGING,
    POSSESSIVE,
    WRONGFUL_TYPES,
    alleged_breach,
    alleging_verb,
    evaluative_predicate,
    judged,
    parties_of,
)
from eventdesk.code.syntax import (
    ACCUSE_VERBS,
    DENY,
    FAIL,
    LIGHT,
    MODAL,
    PLACE_NOUNS,
    PLAN,
    PLAN_NOUNS,
    RECIP_PREPS,
    SPEECH,
    TOPIC_PREPS,
    WEAPONS,
    conjuncts,
    contrasted,
    find_pred,
    frame_words,
    is_reciprocal,
    obliged,
    possessor,
    reciprocal_parties,
    subject_heads,
)
from eventdesk.records import Actor

# Verbal PLOVER types: acts done by saying (the manual's "verbal cooperation / conflict" quads)
_VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE"})
# Claims and announcements of one's own act (each file's first line gives its source)
_RESPONSIBILITY = frame_words("responsibility_claims.txt")
_ANNOUNCING = frame_words("announcing_verbs.txt")
_ASPECT = frame_words("aspect_nouns.txt")
_NOBODY = frozenset({"nobody", "none", "noone"})


def phase_of(noun: Any) -> Any | None:
    """ "the start of a military operation": the event an aspect noun is a phase of (its "of" object)."""
    if noun is None or noun.lower_ not in _ASPECT:
        return None
    inner = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return next((o for o in inner if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)


def claimant_heads(noun: Any) -> list[Any]:
    """Who claims or announces an event noun as their own act: "IS claimed responsibility for the
    bombing", "the group claimed the attack" (ACLED: a claim of responsibility names the perpetrator),
    "Turkey announced the start of an operation" (PLOVER: the announcer's side acts). The subject of
    the claiming verb, or nothing when it is negated or says no one ("no group has claimed ...")."""
    n = noun
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in _ASPECT:
        n = n.head.head  # the operation of "the start of an operation"
    verb = None
    if n.dep_ == "dobj" and n.head.pos_ == "VERB" and n.head.lower_ in _ANNOUNCING:
        verb = n.head
    elif n.dep_ == "pobj" and n.head.lower_ == "for":
        resp = n.head.head
        if resp.lower_ in _RESPONSIBILITY and resp.dep_ == "dobj" and resp.head.lower_ in _RESPONSIBILITY:
            verb = resp.head
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return []
    return [
        s
        for s in subject_heads(verb)[0]
        if s.lower_ not in _NOBODY and not any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
    ]


# Types whose parties act jointly: "X and Y met / agreed / cooperated" (PLOVER CONSULT, AGREE, COOPERATE)
_JOINT = frozenset({"CONSULT", "AGREE", "COOPERATE"})


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
            demanded = obliged(trig)
            if demanded is not None:
                return self._demand_frames(demanded, mentions, ctx)
            if trig.lower_ in word_list("deontic_modals.txt"):
                return []  # "must" with no obliged clause: not a demand
        if etype == "ACCUSE":
            word = evaluative_predicate(trig)
            judged_frames = self._judgement(word, mentions, ctx) if word is not None else None
            if judged_frames is not None:
                return judged_frames
            if alleged_breach(trig):
                return self._allegation(trig, mentions, ctx)
            # "the opposition alleged that police had beaten protesters": who is said to have done it
            # is the accused (FrameNet Judgment_communication 'charge', Statement 'allege' + that-clause)
            content = [c for c in trig.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
            if trig.pos_ == "VERB" and trig.lower_ in ALLEGING and content:
                alleged = self._allegation(content[0], mentions, ctx)
                if alleged:
                    return alleged
        pred, noun = find_pred(trig)
        speaker, claimed = self._speaker(pred, mentions, ctx)
        modality = self._modality(pred, noun, claimed)
        # actors
        agent_heads: list[Any] = []
        patient_heads: list[Any] = []
        reciprocal_dyad = False  # actor and recipients read from "between X and Y"
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
            if etype == "ASSAULT" and not own and noun.lower_ in WEAPONS:
                # "airstrikes from Russian jets", "fire from government forces": with a noun of force
                # "from" marks its source (Quirk et al. 1985, 9.19), an armed party the attacker; a bare
                # place ("rockets from Gaza") is where it came from, not who ("seized from X" is no such noun)
                own += [
                    o
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for o in c.children
                    if o.dep_ == "pobj"
                    and any(m.start <= o.i < m.end and m.kind in ("group", "sector") for m in mentions)
                ]
            agent_heads = own[:1]
            if not agent_heads and etype in _JOINT:
                # "talks between Damascus and the opposition", "a phone call between Trump and
                # Erdogan", "a deal between X and Y": "between" names the parties of a joint act
                # (Quirk et al. 1985 9.25; FrameNet Discussion, Make_agreement_on_action: Interlocutors /
                # Parties as a "between" PP); the first named is the source (PLOVER dyad, as _JOINT)
                between = reciprocal_parties(noun)
                if between:
                    agent_heads = between[:1]
                    patient_heads = between[1:]
                    reciprocal_dyad = True
            if (
                not agent_heads
                and noun.dep_ in ("dobj",)
                and noun.head.pos_ == "VERB"
                and noun.head.lower_ in LIGHT
            ):
                agent_heads, _ = subject_heads(noun.head)
            if not agent_heads:
                agent_heads = claimant_heads(noun)
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
                agent_heads, _ = subject_heads(gov)
                if gov.lower_ in word_list("victim_verbs.txt"):
                    # "her father died in the fighting": who dies in an event suffers it, and is no
                    # party to it that the sentence reports
                    agent_heads = []
        else:
            agent_heads, patient_heads = subject_heads(pred)
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
            actors_h += [h] if reciprocal_dyad else conjuncts(h)
        # recipients
        rec_h: list[Any] = list(patient_heads)
        holders = [pred] + ([noun] if noun is not None and noun.i != pred.i else [])
        inner = phase_of(noun)
        if inner is not None:
            # "the start of an operation against X": the operation is the event, X its recipient
            holders = [inner if v.i == noun.i else v for v in holders]
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
                elif c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                    # "concerned about Turkey's offensive", "resigned over Trump's decision": the
                    # issue names a party only when it is one or is someone's act
                    rec_h += [
                        o
                        for o in c.children
                        if o.dep_ == "pobj"
                        and (
                            possessor(o, mentions) is not None
                            or any(m.start <= o.i < m.end for m in mentions)
                        )
                    ]
                elif (
                    c.dep_ == "ccomp"
                    and c.pos_ in ("VERB", "AUX")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                ):
                    # "they want the government to withdraw it": the subject of an infinitive
                    # complement is who is asked, pushed or allowed to act
                    rec_h += [o for o in c.children if o.dep_ == "nsubj"]
                elif c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ":
                    # "held Ankara and Moscow accountable": an object with an adjective as its
                    # complement (Quirk et al. 1985 16.43), parsed as a verbless clause whose
                    # subject is the object, is whom the act is about
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
            for hh in conjuncts(h):
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
        if is_reciprocal(pred) and len(actors) >= 2:
            return [
                Frame(pred, [a], [b for b in actors if b is not a] + recips, modality, speaker)
                for a in actors
            ]
        if etype in _JOINT and len(actors) >= 2 and not recips:
            # "X and Y agreed / met": a joint act of two parties, each the other's counterpart
            # (PLOVER codes a dyad: the first named as source, the other as target)
            actors, recips = actors[:1], actors[1:]
        return [Frame(pred, actors, recips, modality, speaker, pronoun_actor=pronoun_actor)]

    def _judgement(self, word: Any, mentions: list[Any], ctx: ArticleContext) -> list[Frame] | None:
        """ "Syria said the US plan was an attack on its sovereignty", "the Kremlin called the sanctions a
        mistake": the one who judges condemns whose act is judged (code/judgement.py). None when no one
        judges it (the journalist's words: the ordinary frame and its gates decide)."""
        verb, thing = judged(word)
        judge: Actor | None = None
        if verb is not None:
            subj = subject_heads(verb)[0]
            judge = self._actor(subj[0], mentions, ctx) if subj else None
            pred = verb
        else:
            pred = word.head
            judge = self._speaker(pred, mentions, ctx)[0]
        if judge is None and ctx.in_quote:
            judge = ctx.quote_speaker
        if judge is None or not (judge.country or judge.sector or judge.text):
            return None
        # the thing judged is a party only when it names one ("called him a traitor"); an act
        # ("the visit", "the sanctions") is no party: whose act it is receives the judgement
        recips = self._wrongdoers(conjuncts(thing) if thing is not None else [], mentions, ctx, judge)
        if not recips:
            # no party's act: an adjective keeps the ordinary frame and its gates (as before this shape);
            # a noun of judgement is a political party's criticism only ("the opposition said the
            # policy was a disgrace"), not a critic's verdict on a film
            if word.pos_ == "ADJ":
                return None
            if not (judge.country or judge.sector):
                return []
        modality = self._modality(pred, None, False)
        return [Frame(pred, [judge], recips, modality, judge)]

    def _wrongdoers(
        self, tokens: list[Any], mentions: list[Any], ctx: ArticleContext, judge: Actor
    ) -> list[Actor]:
        """The parties a judgement or an allegation is about, one per name: a token that names a party
        (a pronoun, a mention, a possessor) is that party; any other noun (an act: "the visit") stands
        for the parties whose act it is."""
        recips: list[Actor] = []
        for h in tokens:
            named = h.pos_ == "PRON" or any(m.start <= h.i < m.end for m in mentions)
            heads = [h] if named or possessor(h, mentions) is not None else parties_of(h, mentions)
            for p in heads:
                r = (
                    self._recipient(p, mentions, ctx, judge)
                    if p is h
                    else self.r.resolve(p, mentions, ctx, judge)
                )
                if r is not None and r.name != judge.name and r.name not in {x.name for x in recips}:
                    recips.append(r)
        return recips

    def _allegation(self, verb: Any, mentions: list[Any], ctx: ArticleContext) -> list[Frame]:
        """ "Russia said Turkey had violated the ceasefire": the speaker accuses who broke it (PLOVER
        ACCUSE 'allege'). Nothing when no one says it (the breach told by the writer is no verbal act)
        or no party broke it."""
        speaker = self._speaker(verb, mentions, ctx)[0]
        if speaker is None and ctx.in_quote:
            speaker = ctx.quote_speaker
        if speaker is None or not (speaker.country or speaker.sector):
            return []
        subjects = [hh for h in subject_heads(verb)[0] for hh in conjuncts(h)]
        recips = self._wrongdoers(subjects, mentions, ctx, speaker)
        if not recips:
            return []
        return [Frame(verb, [speaker], recips, self._modality(verb, None, False), speaker)]

    def alleged_act(self, trig: Any, etype: str, fr: Frame) -> Frame | None:
        """ "Ankara insisted the militias had shelled its positions": a party that asserts another party
        did violence accuses it (PLOVER ACCUSE 'allege'), besides the claimed act itself. The frame of
        that accusation (the alleging verb, the speaker, the doer), or None when the act is no violence,
        is not the content of a verb of alleging (data/frames/allegation_verbs.txt; a neutral "said"
        reports the act), or its speaker or doer is no political party, or both are one side (a
        state's own bodies report its own acts)."""
        if etype not in WRONGFUL_TYPES or fr.speaker is None or fr.modality != "claimed" or not fr.actors:
            return None
        verb = alleging_verb(find_pred(trig)[0])
        sp = fr.speaker
        if verb is None or not (sp.country or sp.sector):
            return None
        doers = [
            a
            for a in fr.actors
            if (a.country or a.sector)
            and a.name != sp.name
            # "Russia insisted its jets had struck ...": a possessive pronoun in the speaker's own clause
            # most often stands for the speaker, whose own act it reports
            and a.text.split(" ", 1)[0].lower() not in POSSESSIVE
            and not (a.country and a.country == sp.country and a.sector in STATE and sp.sector in STATE)
        ]
        if not doers:
            return None
        return Frame(verb, [sp], doers, self._modality(verb, None, False), sp)

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
            for hh in conjuncts(h):
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
        owner = possessor(h, mentions)
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
                        subj = subject_heads(h)[0]
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
                    and not (t.dep_ == "conj" and contrasted(h, t))
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
