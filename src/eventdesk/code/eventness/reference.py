"""What the trigger refers to: an abstract patient, a kind of event, a person's character.

An ASSAULT whose patient is an idea, quality or statement, or whose modifier puts it in a
non-physical arena (PLOVER ASSAULT can cause physical harm: selectional restrictions;
data/eventness/abstract_patients.tsv, arena_modifiers.txt, contest_verbs.txt); an event noun of
nonspecific reference that is the subject of a modal verb ("a full-scale assault would lead
to...": a kind of event no one says took place; Quirk et al. 1985 5.26-5.30, Lyons 1977 9.2;
complement_verbs.txt); a characterizing statement about a person ("devoted his life to
supporting..."; Krifka et al. 1995; characterizing.txt); a participle that postmodifies the predicative noun
phrase of a copular clause ("he was the last of the senior figures recruited by the president": the clause
classifies its subject; function_words.tsv copula, class_opener).
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import (
    _DETERMINERS,
    _MODALS,
    _PRONOUNS,
    _TOKEN,
    _WHEN,
    _WORD,
    _alternatives,
    _function_words,
    _lines,
    _word_set,
)
from eventdesk.data import rows

# ----------------------------------------------------------------------------- selectional restrictions

# words that end the noun phrase after a trigger (prepositions, conjunctions, relative and subordinating words)
_NP_END = _function_words("np_end")
_NP_REACH = 6  # words of one noun phrase: a determiner, a possessor and a few modifiers before its head
_PARTICLES = _function_words("particle")  # of phrasal verbs ("kicked off", "shot down")
_MODIFIER = re.compile(r"([A-Za-z]+)[ \t]+$")  # the word right before the trigger, nothing between


@cache
def _abstract_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in rows("eventness/abstract_patients.tsv"))


def _arena(word: str) -> bool:
    """A lower-case modifier that names a non-physical arena or an abstract domain."""
    return word[:1].islower() and (
        word.lower() in _word_set("arena_modifiers.txt") or word.lower() in _abstract_nouns()
    )


@cache
def _contest() -> tuple[frozenset[str], frozenset[str]]:
    words, purposes = set(), set()
    for ln in _lines("contest_verbs.txt"):
        kind, _, word = ln.partition("\t")
        if kind == "purpose" and word:
            purposes.add(word)
        else:
            words.add(ln)
    return frozenset(words), frozenset(purposes)


def _np_words(tokens: list[str]) -> list[str]:
    """The words of the noun phrase the tokens open: up to a function word, a punctuation mark or `_NP_REACH`
    words."""
    out: list[str] = []
    for tok in tokens[:_NP_REACH]:
        if not tok[0].isalnum() or tok.lower() in _NP_END:
            break
        out.append(tok)
    return out


def _np_head(tokens: list[str]) -> str | None:
    """The head of the noun phrase the tokens open (its last word), when in lower case (a name is no abstract
    noun: "Bill", "Justice")."""
    words = _np_words(tokens)
    return words[-1] if words and words[-1][:1].islower() else None


def _recipient_head(text: str) -> str | None:
    """The head noun of a recipient's text ("Labour's record in government" -> "record")."""
    return _np_head(_TOKEN.findall(text))


def _coordinated_verbs(toks: list[str]) -> int:
    """How many tokens after a trigger verb are verbs coordinated with it ("combat, cure and eradicate the
    disease": ", cure and eradicate"), which share its object (Quirk et al. 1985 13.46, coordinated predicates
    with one object); 0 when the words after it are no such list ending in "and"/"or" plus a verb."""
    i = 0

    def verb_like(t: str) -> bool:
        low = t.lower()
        return (
            t.isalpha()
            and t[:1].islower()
            and not (low in _NP_END or low in _DETERMINERS or low in _PRONOUNS)
        )

    while toks[i : i + 1] == [","] and i + 1 < len(toks) and verb_like(toks[i + 1]):
        i += 2
    if i + 2 <= len(toks) and toks[i] == "," and toks[i + 1].lower() in ("and", "or"):
        i += 1  # the serial comma: "combat, cure, and eradicate"
    if i + 1 < len(toks) and toks[i].lower() in ("and", "or") and verb_like(toks[i + 1]):
        return i + 2
    return 0


def abstract_patient(c: Candidate) -> bool:
    """An ASSAULT whose patient is an idea, quality, condition, feeling or statement (data/eventness/
    abstract_patients.tsv): PLOVER ASSAULT can cause physical harm, so its patient is physical; an attack verb with
    an abstract object is used in another sense ("attacked Labour's record", "fight crime", "an explosion in
    gambling", "fought to protect British values"), and so is one whose modifier puts it in a non-physical arena
    ("a legal battle", "a budget battle": data/eventness/arena_modifiers.txt). The patient is the noun phrase right after the trigger (past a
    particle; after "against"/"on", after "of"/"in" when the trigger is a noun, after "for" or a verb of protecting
    when it is a contest word: data/eventness/contest_verbs.txt), or else every recipient the coder found."""
    if c.event_type != "ASSAULT" or not c.trigger:
        return False
    abstract = _abstract_nouns()
    a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
    trig = _WORD.findall(c.sentence[max(0, a) : max(0, b)])
    before = _WORD.findall(c.sentence[: max(0, a)])
    p1 = before[-1].lower() if before else ""
    nominal = p1 in _DETERMINERS or p1.endswith(("'s", "’s"))
    # the trigger noun's own modifier names the arena ("a legal battle", "a budget battle", "a war of words")
    modifier = _MODIFIER.search(c.sentence[: max(0, a)])
    if modifier and _arena(modifier.group(1)):
        return True
    contest_words, purposes = _contest()
    contest = bool(trig) and trig[-1].lower() in contest_words
    toks = _TOKEN.findall(c.sentence[max(0, b) :])
    low = [t.lower() for t in toks]
    i = 0 if nominal else _coordinated_verbs(toks)
    i += 1 if low[i : i + 1] and low[i] in _PARTICLES and not nominal else 0
    if i < len(low) and (
        low[i] in ("against", "on", "upon")
        or (nominal and low[i] in ("of", "in"))
        or (contest and low[i] == "for")
    ):
        i += 1
    elif contest and low[i : i + 1] == ["to"] and i + 1 < len(low) and low[i + 1] in purposes:
        i += 2
    head = _np_head(toks[i:])
    words = _np_words(toks[i:])
    if head and len(words) >= 2 and head.lower() in contest_words and _arena(words[-2]):
        return True  # "fought a tough budget battle"
    if head is not None and head.lower() not in _PRONOUNS:  # a pronoun's antecedent is the coder's recipient
        return head.lower() in abstract
    heads = [_recipient_head(t) for t, _, _ in c.recipients if t]
    return bool(heads) and all(h is not None and h.lower() in abstract for h in heads)


@cache
def _characterizing() -> re.Pattern[str]:
    alts = []
    for p in _lines("characterizing.txt"):
        # "..." is up to four words: each word of the phrase is followed by white space, but the last
        parts = [r"(?:\S+\s+){0,4}?" if w == "..." else re.escape(w) + r"\s+" for w in p.lower().split()]
        alts.append("".join(parts)[: -len(r"\s+")])
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w-])", re.I)


# a description's complement runs on until a comma, a semicolon, a colon or a dash closes it
_DESCRIPTION_END = re.compile(r"[,;:()–—]|\s-\s")


def characterizing(c: Candidate) -> bool:
    """The trigger stands in a characterizing statement about a person: the complement of "described ... as",
    "known for", or an act spread over a life or a career ("devoted his life to supporting...", "spent her
    career fighting..."; data/eventness/characterizing.txt). Such a clause says what someone is like, not one act
    that happened (Krifka et al. 1995; issue 11: descriptions of a person's character or life code nothing)."""
    if not c.trigger:
        return False
    before = c.sentence[: max(0, c.trigger[0] - c.sentence_start)]
    return any(not _DESCRIPTION_END.search(before[m.end() :]) for m in _characterizing().finditer(before))


# determiners of nonspecific reference ("a", "an", "any": Quirk et al. 1985 5.26-5.30, specific and nonspecific
# reference; Lyons 1977 9.2) and the words that end the subject noun phrase of an event noun before its verb
_NONSPECIFIC = _function_words("nonspecific")
_MODIFIERS_BEFORE = 3  # adjectives between the determiner and the event noun ("a full-scale ground assault")
_SUBJECT_REACH = 25  # words from the event noun to the verb of its clause (a long "by ... against ..." tail)
_RELATIVE = _function_words("relative")


# conjunctions and complementizers after which a clause, and so its subject, begins
_CLAUSE_OPENERS = _function_words("clause_opener")


def hypothetical_nominal(c: Candidate) -> bool:
    """An event noun of nonspecific reference whose clause is modal: "a generalised assault by government forces
    would lead to...", "any attack on the base would be a grave mistake". The indefinite or free-choice noun
    names a kind of event that no one says took place, and the modal verb of which it is the subject makes the
    whole a hypothesis or forecast (Quirk et al. 1985 5.26-5.30 and 4.49-4.60; realnews GUIDE.md: forecasts and
    hypotheticals are no events). A modal inside a relative clause of the noun ("an attack that could have
    killed") or after a clause break belongs to another verb."""
    if not c.trigger:
        return False
    a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
    before = _TOKEN.findall(c.sentence[: max(0, a)])
    det = None
    for tok in reversed(before[-(_MODIFIERS_BEFORE + 1) :]):
        if tok.lower() in _NONSPECIFIC:
            det = tok
            break
        if not tok.isalpha() and tok != "-":
            return False  # a number or a punctuation mark between: not one noun phrase
    if det is None:
        return False
    # the noun phrase is a clause's subject: it opens the sentence or a clause ("... said a full-scale assault
    # would"), not the object of a verb ("we welcome an investigation ... and would request")
    at = len(before) - 1 - before[::-1].index(det)
    prev = before[at - 1] if at > 0 else ""
    if (
        prev
        and prev.isalpha()
        and prev.lower() not in _CLAUSE_OPENERS
        and prev.lower() not in _word_set("complement_verbs.txt")
    ):
        return False
    for tok in _TOKEN.findall(c.sentence[max(0, b) :])[:_SUBJECT_REACH]:
        low = tok.lower()
        if tok in _MODALS:  # in lower case: "May" after a noun is a name or a month
            return True
        if low in _RELATIVE or tok in ',;:()"“”–—':
            return False
    return False


@cache
def _predicative() -> re.Pattern[str]:
    # a copula, at most one adverb or "not", then a determiner or quantifier that opens the predicative noun phrase,
    # and that phrase's words (no punctuation) up to the trigger
    return re.compile(
        r"(?<![\w'’])(?:"
        + _alternatives(_function_words("copula"))
        + r")\s+(?:not\s+|also\s+|still\s+|now\s+|\w+ly\s+)?"
        r"(?:" + _alternatives(_function_words("class_opener")) + r")\s+(?:[\w’'-]+\s+){0,10}$",
        re.I,
    )


# a participle postmodifier of a noun (code/syntax.clause_role: the relation and the verb's tag)
_PARTICIPLES = frozenset({"VBN", "VBG"})


def predicative_description(c: Candidate) -> bool:
    """The trigger is a participle that postmodifies the predicative noun phrase of a copular clause ("he was the
    last of the senior figures recruited by the president", "the town is one of the last strongholds of rebels
    fighting the regime", "there are many fighters offering their lives"): the clause says what its subject is,
    a class described by the participle (Quirk et al. 1985 17.27-17.29 participle postmodifiers, 10.8 subject
    complements; Krifka et al. 1995 characterizing sentences), not one act reported. A sentence with a date keeps
    it: "the first Briton killed in action on 2 March" dates a death."""
    if not c.trigger or not c.clause_role:
        return False
    dep, _, tag = (c.clause_role.split("|") + ["", "", ""])[:3]
    if dep != "acl" or tag not in _PARTICIPLES or _WHEN.search(c.sentence):
        return False
    return bool(_predicative().search(c.sentence[: max(0, c.trigger[0] - c.sentence_start)]))
