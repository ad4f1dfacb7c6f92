"""Pronouns and definite descriptions resolved to an actor the article named before: "he", "they",
"the group", "the pair", "the top Iranian diplomat", a later mention by surname."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.dictionary import STATE, ActorDictionary, Mention
from eventdesk.code.actors.phrase import PhraseParts, plural_subject_before
from eventdesk.code.actors.words import (
    DEFINITE_DETERMINERS,
    NO_ANTECEDENT,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SINGULAR_DEFINITE_DETERMINERS,
    non_actor_nouns,
    singulars,
    word_list,
)
from eventdesk.records import Actor


def is_pronoun(head: Any) -> bool:
    """Whether a head token is a pronoun (by its tag, or a personal pronoun the tagger missed)."""
    return bool(head.pos_ == "PRON" or head.lower_ in PRONOUNS)


def is_office_holder(actor: Actor, dictionary: ActorDictionary) -> bool:
    """Whether the phrase naming an actor ends in a title of office ("the Danish foreign
    minister"): one person, not a body ("the army") or a country."""
    words = actor.text.lower().split()
    return any(" ".join(words[-n:]) in dictionary.offices for n in (1, 2, 3) if len(words) >= n)


def one_person(actor: Actor, ctx: ArticleContext, dictionary: ActorDictionary) -> bool:
    """Whether a speaker is one person: a person the article named, a title of office ("the
    foreign minister"), or a singular common noun that names no body, group, country or thing
    ("a Labour donor", "her lawyer")."""
    if is_office_holder(actor, dictionary) or ctx.person(actor.name) is not None:
        return True
    words = actor.text.split()
    if not words or not words[-1].isalpha() or not words[-1].islower():
        return False
    low = words[-1]
    return not (
        low.endswith("s")
        or low in dictionary.sectors
        or low in dictionary.aliases
        or low in word_list("group_descriptions.txt")
        or low in non_actor_nouns()
    )


def pronoun_actor(
    head: Any,
    ctx: ArticleContext,
    speaker: Actor | None,
    dictionary: ActorDictionary,
    resolve_subject: Callable[[Any], Actor | None],
) -> Actor | None:
    """The actor a pronoun refers to (None for one that names no one). `resolve_subject` resolves
    a plural subject earlier in the sentence that a "they" refers to."""
    low = head.lower_
    if low in PERSON_PRONOUNS:
        # "prompted a Labour donor to say he will refuse": the subject pronoun of what one
        # person says refers to that person (logophoric reading of reported speech)
        if head.dep_ == "nsubj" and speaker is not None and one_person(speaker, ctx, dictionary):
            return speaker
        # "Putin said he ...": the nearest person named before it in the sentence, else the
        # latest person the article named
        here = [
            e
            for e in head.doc.ents
            if e.label_ == "PERSON" and e.end <= head.i and e.start >= head.sent.start
        ]
        if here:
            prior = ctx.person(here[-1].text)
            return prior or Actor(text=here[-1].text, name=here[-1].text)
        if head.dep_ in ("nsubj", "nsubjpass") and ctx.subject_person:
            prior = ctx.person(ctx.subject_person)
            if prior is not None:
                return prior
        # a person this sentence names after the pronoun is not its antecedent, though
        # coding the sentence may have noted them already ('"...," he said before a meeting
        # with X'): a pronoun cannot corefer with a name it c-commands (binding principle C,
        # Chomsky 1981), and a pronoun refers back (anaphora, not cataphora, in a main clause)
        later = frozenset(
            k
            for e in head.doc.ents
            if e.label_ == "PERSON" and e.start > head.i and e.end <= head.sent.end
            for k in (e.text.lower(), e.text.lower().split()[-1])
        )
        return ctx.last_person(exclude=later)
    if low in NO_ANTECEDENT:
        return None  # indefinite pronouns ("nobody", "someone") refer to no one named
    if speaker is not None:
        return speaker
    if low in PLURAL_PRONOUNS:
        near = plural_subject_before(head)
        if near is not None:
            return resolve_subject(near)
    return ctx.group_for(low)


def description_actor(
    head: Any, text: str, toks: list[Any], mentions: list[Mention], ctx: ArticleContext
) -> Actor | None:
    """ "the group", "the militia": the organisation the article named; "the pair": its people.
    A definite common noun without a name refers back (definite description anaphora)."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)
    proper = any(t.pos_ == "PROPN" for t in toks)
    lo, hi = toks[0].i, toks[-1].i + 1
    if not definite or proper or any(m.start >= lo and m.end <= hi and m.kind != "sector" for m in mentions):
        return None
    if (singulars(head.lower_) & word_list("group_descriptions.txt")) and (
        ctx.last_group is not None and ctx.last_group.sector not in STATE
    ):
        g = ctx.last_group
        return Actor(text=text, name=g.name, country=g.country, sector=g.sector, wikidata=g.wikidata)
    if head.lower_ in word_list("person_descriptions.txt"):
        prior = ctx.last_person()
        if prior is not None:
            return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)
    return None


def surname_actor(head: Any, text: str, mentions: list[Mention], ctx: ArticleContext) -> Actor | None:
    """A later mention by surname ("Araqchi", "Araqchi's trip"), even where NER misses the name."""
    if head.pos_ == "PROPN" and not any(m.start <= head.i < m.end and m.kind != "office" for m in mentions):
        prior = ctx.person(head.text)
        if prior is not None:
            return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)
    return None


def role_holder(head: Any, text: str, parts: PhraseParts, ctx: ArticleContext) -> Actor | None:
    """A title without a name ("the top Iranian diplomat", "the foreign minister"): the office
    holder the article introduced with it, else the latest person of that country and sector."""
    office, country = parts.office, parts.country
    role = office.value if office else None
    head_role = head.lower_ in ROLE_NOUNS or (office is not None and office.end - 1 == head.i)
    definite = any(c.dep_ == "det" and c.lower_ in SINGULAR_DEFINITE_DETERMINERS for c in head.children)
    if not (head_role and definite and head.ent_type_ != "PERSON"):
        return None
    # "Turkey's foreign minister ... the foreign minister": a definite title names the holder the
    # article introduced with it (definite description anaphora)
    known_holder = ctx.by_head.get(parts.office_key) if parts.office_key and country is None else None
    if known_holder is not None:
        h = known_holder
        return Actor(text=text, name=h.name, country=h.country, sector=h.sector, wikidata=h.wikidata)
    prior = ctx.last_person(country=country, sector=role if role in STATE else None)
    if prior is not None and (country is None or prior.country == country):
        return Actor(text=text, name=prior.name, country=prior.country, sector=prior.sector)
    return None
