"""`Resolver`: the head token of a noun phrase in a parsed sentence -> records.Actor.

The order of the steps: a pronoun refers back (anaphora.py); a counting head ("dozens of
protesters") or an apposition to a name gives way to what it counts or names; the phrase
(phrase.py) that names a town's agreement (venue.py), a time, an abstract noun or an object is no
actor; a definite description or a surname refers back; else the actor is built from what the
phrase holds (build.py), a possessor standing for its office first.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.actors.anaphora import (
    description_actor,
    is_pronoun,
    pronoun_actor,
    role_holder,
    surname_actor,
)
from eventdesk.code.actors.build import country_actor, group_actor, name_actor, person_actor, sector_actor
from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.dictionary import ActorDictionary, Entry, Mention
from eventdesk.code.actors.phrase import clean_text, noun_phrase, read_parts
from eventdesk.code.actors.venue import is_venue, venue_only
from eventdesk.code.actors.words import PROXY_HEADS, QUANTITY_HEADS, is_non_actor_noun
from eventdesk.records import Actor


class Resolver:
    """Turns a head token of a parsed sentence into a records.Actor."""

    def __init__(self, dictionary: ActorDictionary, gazetteer: Any = None) -> None:
        self.d = dictionary
        self.gazetteer = gazetteer  # the gazetteer (Resources.gazetteer): tells a town's name from a party's

    # the tokens naming the actor a head stands for (frames reads a meeting's owner through it)
    phrase = staticmethod(noun_phrase)

    def venue(self, tok: Any, mentions: list[Mention]) -> bool:
        """Does the premodifier `tok` of an event noun name a town, not a party? (venue.is_venue)"""
        return is_venue(tok, mentions, self.gazetteer)

    def resolve(
        self, head: Any, mentions: list[Mention], ctx: ArticleContext, speaker: Actor | None = None
    ) -> Actor | None:
        """Actor for the noun phrase headed by `head` (None for an empty or pronoun-without-antecedent)."""
        low = head.lower_
        if is_pronoun(head):
            return pronoun_actor(head, ctx, speaker, self.d, lambda near: self.resolve(near, mentions, ctx))
        # "dozens of protesters", "a number of terrorists": the counted noun is the actor
        if low in QUANTITY_HEADS or head.ent_type_ == "CARDINAL" or head.like_num:
            counted = self._counted(head, mentions, ctx, speaker)
            if counted is not None:
                return counted
        # "Official spokesperson for OIR, Colonel Myles Caggins": the named person
        for c in head.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
                inner = self.resolve(c, mentions, ctx, speaker)
                if inner is not None:
                    return inner
        toks = noun_phrase(head)
        text = clean_text(toks)
        if not text:
            return None
        if venue_only(head, toks, mentions, self.gazetteer):
            return None
        lo, hi = toks[0].i, toks[-1].i + 1
        known = any(m.start >= lo and m.end <= hi and m.kind != "office" for m in mentions) or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") for t in toks
        )
        # a time word, an abstract noun or an object is no party ("last month", "blame", "the vehicle")
        if not known and is_non_actor_noun(head):
            return None
        earlier = description_actor(head, text, toks, mentions, ctx)
        if earlier is None:
            earlier = surname_actor(head, text, mentions, ctx)
        if earlier is not None:
            return earlier
        parts = read_parts(head, toks, mentions)

        # possessor standing for the actor: "Kadhimi's media office", "Salam's office"
        poss = [c for c in head.children if c.dep_ == "poss"]
        if (
            poss
            and parts.person is None
            and parts.group is None
            and (low in PROXY_HEADS or text.lower().endswith("office"))
        ):
            inner = self.resolve(poss[0], mentions, ctx, speaker)
            if inner is not None:
                return Actor(text=text, name=inner.name, country=inner.country, sector=inner.sector)

        if parts.person is not None:
            return person_actor(text, parts, mentions, ctx, self.d)
        if parts.group is not None:
            return group_actor(text, parts, ctx, head.doc)
        # role noun without a name: "the top Iranian diplomat" -> the Iranian official named earlier
        held = role_holder(head, text, parts, ctx)
        if held is not None:
            return held
        if parts.sector is not None or parts.office is not None:
            return sector_actor(head, text, parts, ctx, self.d)
        if parts.countries:
            return country_actor(head, text, parts, ctx, self.d)
        return name_actor(head, text, ctx)

    def _counted(
        self, head: Any, mentions: list[Mention], ctx: ArticleContext, speaker: Actor | None
    ) -> Actor | None:
        """The actor an "of" phrase after a counting head names, with the whole phrase as its text."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    inner = self.resolve(objs[0], mentions, ctx, speaker)
                    if inner is not None:
                        inner.text = clean_text(noun_phrase(head)) or inner.text
                        return inner
        return None

    def entry_for(self, actor: Actor) -> Entry | None:
        return self.d.by_name.get(actor.name)
