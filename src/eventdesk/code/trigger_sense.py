"""Is a trigger word used in its event sense? What its part of speech and its subject say.

The lexicon finds a word; the word carries a PLOVER event only in the sense the type defines (PLOVER
2.0 manual: an interaction between actors; issue 11: "trigger used in that sense"). Three tests on the
word's spaCy token, each from a definition:

- part of a person's name ("MP Stephen Pound"): a proper name refers to its bearer, it has no sense
  (Quirk et al. 1985 5.60-5.64), so the word in it reports nothing;
- an attributive adjective ("made welcome announcements"): an adjective before a noun names a
  property of what the noun refers to (Quirk et al. 1985 7.3, attributive adjectives), not an act of
  anyone; WordNet keeps such adjectives apart from the verbs (welcome adj. "giving pleasure or
  satisfaction" vs welcome v. "receive someone, as into one's house"); an adjective of judgement still judges;
- an abstract subject ("the policies appealed to all sides"): the agent of an interaction is a
  person, group or state (FrameNet: the Speaker of Request and the Agent of Attack are sentient; Katz &
  Fodor 1963 selectional restrictions); a subject that names an idea, quality, condition or feeling
  (data/frames/abstract_agents.txt, WordNet lexicographer files noun.cognition, noun.attribute,
  noun.state, noun.feeling) makes the verb another sense (appeal v. "be attractive to").
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.judgement import EVALUATIVE
from eventdesk.code.syntax import frame_words

ABSTRACT_AGENTS = frame_words("abstract_agents.txt")


def in_person_name(tok: Any) -> bool:
    """The trigger word is part of a person's name ("Stephen Pound", "Mr Strike")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


def attributive_adjective(tok: Any) -> bool:
    """The trigger word is an adjective (or a noun parsed as one) modifying a noun: "welcome announcements",
    "a rallying cry" (a participle the parser reads as a verb stays: "the ousted president"), but not the
    adjectives of judgement (data/frames/evaluative_words.txt: "a cowardly attack" condemns it, an expressive
    speech act in any position; Searle 1976)."""
    return (
        tok.dep_ == "amod"
        and tok.tag_ in ("JJ", "NN")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.lower_ not in EVALUATIVE
    )


def abstract_subject(tok: Any) -> bool:
    """The trigger verb's active subject is a common noun naming an idea, quality, condition or feeling."""
    if tok.pos_ != "VERB":
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(subj) and all(s.pos_ == "NOUN" and s.lower_ in ABSTRACT_AGENTS for s in subj)


def other_sense(tok: Any) -> bool:
    """The trigger word is not used in an event sense (a name, an attributive adjective, an abstract agent)."""
    return in_person_name(tok) or attributive_adjective(tok) or abstract_subject(tok)
