"""REQUEST: "all requests, demands, and orders" (PLOVER 2.0). A convention of news writing ("asked not
to be named"), an indirect question ("asked whether..."), appeal in its sense 'be attractive to', a desirable
state and a belief reported ask for nothing.
"""

from __future__ import annotations

from typing import Any

from eventdesk.code.type_choice.opinion import _asserts, desired_state
from eventdesk.code.type_choice.tree import _subject
from eventdesk.code.type_choice.vocab import _forms, _is, words


def _anonymity(tok: Any) -> bool:
    """ "asked not to be named", "requested anonymity": a convention of news writing."""
    if not _forms(tok.lower_) & words("anonymity_request_verbs"):
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and any(_is(x, "anonymity_words") for x in c.subtree):
            return True
        if c.dep_ == "dobj" and _is(c, "anonymity_words"):
            return True
    return False


def inquiry(tok: Any) -> bool:
    """ "asked how police were supposed to interpret the rules", "asked if this amounted to a strategy": ask with an
    indirect question (a clause opened by a wh-word, "if" or "whether"; Quirk et al. 1985, 15.4) inquires (WordNet ask
    v.1), it requests no act (ask v.2; PLOVER REQUEST: requests, demands and orders)."""
    if not _forms(tok.lower_) & {"ask"} or tok.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("xcomp", "dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in tok.children
    ):
        return False  # "asked them to leave", "asked for help": a request
    return any(
        c.dep_ in ("ccomp", "advcl")
        and (
            _is(c.left_edge, "interrogatives")
            or any(x.dep_ == "mark" and _is(x, "interrogatives") for x in c.children)
        )
        for c in tok.children
    )


def _attracts(tok: Any) -> bool:
    """ "the Lib Dems' policies appealed to all sides", "an approach designed to appeal to women voters": appeal to
    with no plea ("for help", "to act") and a subject that is a policy or a plan, not a party, is appeal v.2 'be
    attractive to' (WordNet 3.1), no request (PLOVER REQUEST)."""
    if not _forms(tok.lower_) & {"appeal"} or tok.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children
    ):
        return False
    subj = _subject(tok)
    if subj is None and tok.dep_ in (
        "xcomp",
        "advcl",
    ):  # "is designed to appeal": the subject of the clause above
        subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (_is(subj, "criticisable_things") or _is(subj, "situation_nouns"))


def request_type(tok: Any, forms: set[str], others: list[tuple[str, Any]]) -> str | None:
    """REQUEST: news-writing conventions, questions, attraction, desirable states, a desire ("a hegemonic urge") and
    beliefs reported carry none; a request resisted is a REJECT."""
    if _anonymity(tok) or inquiry(tok) or _attracts(tok):
        return None
    if desired_state(tok):
        return None
    if tok.pos_ == "NOUN" and tok.lower_ in words("desire_nouns"):
        return None  # the noun is a desire ("a hegemonic urge"), not a request
    if (
        tok.pos_ == "NOUN"
        and _is(tok, "request_nouns")
        and tok.dep_ == "dobj"
        and _is(tok.head, "rejection_verbs")
    ):
        return "REJECT"
    if (_is(tok, "assertive_request_verbs") or _is(tok, "assertive_request_nouns")) and _asserts(tok):
        return None
    return "REQUEST"
