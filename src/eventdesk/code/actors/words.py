"""The word lists of actor resolution and how a noun is matched against them.

Every list is a file of src/eventdesk/data/actors/ whose first line gives its source; other stages
of the coder (syntax, frames, coref) read their lists of that folder through `word_list` too.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from eventdesk.data import lines


@cache
def word_list(name: str) -> frozenset[str]:
    """A lower-case word list from data/actors (first line: its source; '#' lines are comments)."""
    return frozenset(w.lower() for w in lines(f"actors/{name}"))


# pronouns by what they can refer to (Quirk et al. 1985, ch. 6)
PERSON_PRONOUNS = word_list("person_pronouns.txt")
# the words read as pronouns even where the tagger says otherwise: of a person or of a group
PRONOUNS = PERSON_PRONOUNS | word_list("group_pronouns.txt")
PLURAL_PRONOUNS = word_list("plural_pronouns.txt")
SINGULAR_PRONOUNS = word_list("singular_pronouns.txt")
# third-person pronouns that refer to a group: their antecedent is chosen by number and recency only
GROUP_PRONOUNS = frozenset(PLURAL_PRONOUNS | SINGULAR_PRONOUNS)
# pronouns that name no one the text told before: indefinite, reflexive, reciprocal, relative
NO_ANTECEDENT = word_list("indefinite_pronouns.txt") | word_list("unresolved_pronouns.txt")
# heads that only count or group what follows: "dozens of protesters", "members of the party"
QUANTITY_HEADS = word_list("quantity_heads.txt")
# heads that stand for their possessor: "Kadhimi's media office", "Salam's office"
PROXY_HEADS = word_list("proxy_heads.txt")
# titles that name one office holder without a name: "the top Iranian diplomat"
ROLE_NOUNS = word_list("role_nouns.txt")
# "US-led", "Tehran-backed": the country modifies the backer, not the actor
BACKER_PARTICIPLES = word_list("backer_participles.txt")
# "the coalition led by ...": participle clauses that stay in the actor's phrase
LEADER_PARTICIPLES = word_list("leader_participles.txt")
# "al-Sadr", "bin Salman": the particle belongs to the surname
NAME_PARTICLES = word_list("name_particles.txt")
DEFINITE_DETERMINERS = word_list("definite_determiners.txt")
SINGULAR_DEFINITE_DETERMINERS = word_list("singular_definite_determiners.txt")
ARTICLES = word_list("articles.txt")


@cache
def event_nouns() -> frozenset[str]:
    """Nouns of agreements and meetings (data/actors/agreement_nouns.txt, meeting_nouns.txt)."""
    return word_list("agreement_nouns.txt") | word_list("meeting_nouns.txt")


@cache
def non_actor_nouns() -> frozenset[str]:
    """Heads that never name an actor or recipient: time words, abstract nouns, objects."""
    return word_list("temporal_nouns.txt") | word_list("abstract_nouns.txt") | word_list("object_nouns.txt")


def singulars(word: str) -> set[str]:
    """A noun and the singulars its plural may have ("operations" -> operation, "casualties" ->
    casualty, "boxes" -> box): the coder's parse runs without spaCy's lemmatizer (see annotate),
    so noun lists are matched through these regular English plural endings."""
    w = word.lower()
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.add(w[:-2])
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.add(w[:-1])
    return out


def is_non_actor_noun(tok: Any) -> bool:
    """Whether token `tok` is (an inflection of) a word of non_actor_nouns()."""
    return bool(singulars(tok.lower_) & non_actor_nouns())
