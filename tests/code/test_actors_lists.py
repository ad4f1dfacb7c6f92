"""The word lists of actor resolution (data/actors/*.txt) drive the modules of code/actors as the
lists in code did: leader participles, backers, counting heads, pronouns, surname particles.
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from eventdesk.annotate import annotate
from eventdesk.code.actors.anaphora import is_pronoun
from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.phrase import clean_text, noun_phrase
from eventdesk.code.actors.resolve import Resolver
from eventdesk.code.actors.words import GROUP_PRONOUNS, NO_ANTECEDENT, PRONOUNS, word_list
from eventdesk.records import Actor
from eventdesk.resources import Resources


def _head(sentence: str, word: str) -> Any:
    doc = annotate([sentence], None, Resources.shared(None).nlp)[0]
    return next(t for t in doc if t.text == word)


def _resolve(sentence: str, word: str) -> Actor | None:
    d = Resources.shared(None).dictionary
    tok = _head(sentence, word)
    return Resolver(d).resolve(tok, d.mentions(tok.doc), ArticleContext())


def test_the_lists_are_read_lower_case_with_their_source_line_left_out():
    assert {"he", "she", "it", "they", "we"} <= PRONOUNS
    assert {"it", "its", "they", "them", "their"} == GROUP_PRONOUNS
    assert {"nobody", "someone", "themselves", "who"} <= NO_ANTECEDENT
    assert not any(w.startswith("#") for w in word_list("role_nouns.txt"))


def test_a_leader_participle_stays_in_the_phrase_and_a_relative_clause_does_not():
    head = _head("The coalition led by Saudi Arabia bombed the port.", "coalition")
    assert clean_text(noun_phrase(head)) == "coalition led by Saudi Arabia"
    head = _head("The militia that attacked the town withdrew.", "militia")
    assert clean_text(noun_phrase(head)) == "militia"


def test_a_backing_country_is_not_the_groups_country():
    a = _resolve("An Iran-backed militia fired rockets at the base.", "militia")
    assert a is not None and a.country is None


def test_a_counting_head_gives_way_to_what_it_counts():
    a = _resolve("Dozens of Sudanese soldiers crossed the border.", "Dozens")
    assert a is not None and (a.country, a.sector) == ("SDN", "MIL")
    assert a.text == "Dozens of Sudanese soldiers"


def test_an_indefinite_pronoun_names_no_one():
    assert is_pronoun(_head("Nobody claimed the attack on the convoy.", "Nobody"))
    assert _resolve("Nobody claimed the attack on the convoy.", "Nobody") is None


def test_a_surname_particle_belongs_to_the_surname():
    doc = _head("Hassan al Bashir arrived in Cairo on Monday.", "Hassan").doc
    d = Resources.shared(None).dictionary
    ctx = ArticleContext()
    ctx.note_names(doc, d.mentions(doc))
    assert {"al bashir", "bashir"} <= ctx.persons[-1].keys
