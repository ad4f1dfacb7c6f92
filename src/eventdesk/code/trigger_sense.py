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

Four more, on the word's dependents (session 16):

- a natural cause (data/frames/natural_causes.txt): the trigger is a weather noun ("lost tents in recent
  storms") or its subject, "by" agent or "in"/"from" cause is a natural hazard, disease or accident ("killed in
  floods"): FrameNet Killing and Damaging tell a Cause from a Killer/Agent, and a PLOVER event needs an actor
  (realnews GUIDE.md: ordinary accidents without political actors are not events);
- "meet" with a requirement for object ("met the targets", data/frames/requirement_nouns.txt): WordNet meet v.
  "satisfy a need or condition", not meet v. "come together" (CONSULT);
- "threaten" with a state of affairs for patient and no threatened act ("coexistence is being threatened",
  data/frames/endangered_states.txt): WordNet threaten v. "pose a threat to; present a danger to", not the
  utterance of intent to harm that PLOVER THREATEN codes (told by "to" + verb or "with");
- "talks" as a verb without "with" ("in which he talks of his vision"): WordNet talk v. "express in speech",
  not talks n. "a discussion intended to produce an agreement" (CONSULT);
- "fell to" a number or level ("turnout fell to 59%"): WordNet fall v. "decrease in size, extent, or range",
  not fall v. "be captured" ("the town fell to the rebels");
- an ASSAULT or COERCE whose only patients are animals ("the slaughter of 6.5 million animals",
  data/frames/animal_nouns.txt): WordNet slaughter n. "the killing of animals (as for food)"; a PLOVER event is
  an interaction between actors.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.actors.words import QUANTITY_HEADS
from eventdesk.code.judgement import EVALUATIVE
from eventdesk.code.syntax import frame_words

ABSTRACT_AGENTS = frame_words("abstract_agents.txt")
NATURAL_CAUSES = frame_words("natural_causes.txt")
REQUIREMENTS = frame_words("requirement_nouns.txt")
ENDANGERED = frame_words("endangered_states.txt") | ABSTRACT_AGENTS
ANIMALS = frame_words("animal_nouns.txt")
# the parse has no lemmas: each verb's inflected forms
_MEET = frozenset({"meet", "meets", "meeting", "met"})
_THREATEN = frozenset({"threaten", "threatens", "threatened", "threatening"})
_FALL = frozenset({"fall", "falls", "fell", "fallen", "falling"})
# nouns of a level reached ("fell to a record low"), beside numbers and percentages
LEVELS = frame_words("level_nouns.txt")
# prepositions that introduce the cause of a death or damage ("killed in floods", "died from cholera")
_CAUSE_PREPS = frozenset({"in", "from", "by"})


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


def _with_conjuncts(toks: list[Any]) -> list[Any]:
    """The tokens and the nouns coordinated with them ("sheep and cattle")."""
    return [t for tok in toks for t in (tok, *tok.conjuncts)]


def _objects(tok: Any, deps: tuple[str, ...]) -> list[Any]:
    """The heads of the trigger's dependents of `deps`, with the objects of its prepositions of `deps`
    ("of" for "prep:of"), each with its conjuncts."""
    out = [c for c in tok.children if c.dep_ in deps]
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and f"prep:{c.lower_}" in deps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return _with_conjuncts(out)


def natural_cause(tok: Any) -> bool:
    """The trigger is a weather noun, or its subject, agent or cause is a natural hazard, disease or accident."""
    if tok.pos_ == "NOUN" and tok.lower_ in NATURAL_CAUSES:
        return True
    preps = tuple(f"prep:{p}" for p in _CAUSE_PREPS)
    causes = _objects(tok, ("nsubj", *preps))
    return any(c.pos_ == "NOUN" and c.lower_ in NATURAL_CAUSES for c in causes)


def requirement_met(tok: Any) -> bool:
    """ "meet" whose object (or passive subject) names a requirement, goal, need or cost."""
    if tok.lower_ not in _MEET or tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.lower_ in REQUIREMENTS for c in _objects(tok, ("dobj", "nsubjpass")))


def endangered_state(tok: Any) -> bool:
    """ "threaten" in its danger sense: a state of affairs for patient, no threatened act ("to" + verb, "with")."""
    if tok.lower_ not in _THREATEN or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children):
        return False
    patients = _objects(tok, ("dobj", "nsubjpass"))
    return bool(patients) and all(p.pos_ == "NOUN" and p.lower_ in ENDANGERED for p in patients)


def _counted(p: Any) -> list[Any]:
    """What a quantity noun counts ("thousands of sheep and cattle" -> sheep, cattle), else the noun itself."""
    if p.pos_ == "NUM" or p.lower_ in QUANTITY_HEADS:
        inner = _objects(p, ("prep:of",))
        if inner:
            return inner
    return [p]


def talks_as_speech(tok: Any) -> bool:
    """The word "talks" is a verb of speaking (no "with" partner), not the noun of negotiations."""
    return (
        tok.lower_ == "talks"
        and tok.pos_ == "VERB"
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    )


def _quantity(t: Any) -> bool:
    """A number, a percentage or a level ("59%", "a record low", "two million")."""
    return (
        t.like_num
        or t.pos_ == "NUM"
        or t.lower_ in LEVELS
        or any(c.dep_ in ("nummod", "quantmod") or c.lower_ in LEVELS for c in t.children)
    )


def fell_to_a_quantity(tok: Any) -> bool:
    """ "fell to/by" a number or level: a decrease, not a capture."""
    if tok.lower_ not in _FALL or tok.pos_ != "VERB":
        return False
    return any(_quantity(t) for t in _objects(tok, ("prep:to", "prep:by")))


def animal_patient(tok: Any) -> bool:
    """The trigger's patients (object, passive subject, "of" after a noun) are all animals."""
    patients = [c for p in _objects(tok, ("dobj", "nsubjpass", "prep:of")) for c in _counted(p)]
    return bool(patients) and all(p.lower_ in ANIMALS for p in patients)


def other_sense(tok: Any, event_type: str | None = None) -> bool:
    """The trigger word is not used in an event sense (a name, an attributive adjective, an abstract agent, a
    natural cause, a requirement met, a danger, animals harmed). `event_type`: the type the coder gave it."""
    return (
        in_person_name(tok)
        or attributive_adjective(tok)
        or abstract_subject(tok)
        or natural_cause(tok)
        or requirement_met(tok)
        or endangered_state(tok)
        or fell_to_a_quantity(tok)
        or talks_as_speech(tok)
        or (event_type in ("ASSAULT", "COERCE") and animal_patient(tok))
    )
