"""The named features the eventness model weighs for one candidate.

The type and trigger word with their neighbours, the participants' sectors, modality, quotation
and stance markers (data/eventness/stance.txt), genre words (boilerplate.txt, furniture.txt), the
vocabulary of sport, finance, medicine, entertainment and tech (domains.tsv), a date in the
sentence, where the sentence sits in the article, the trigger's clause role, and a light bag of
words. The names are hashed into the shipped weights' columns (hashing.py): a renamed feature
is a new column the shipped model has no weight for.
"""

from __future__ import annotations

import numpy as np

from eventdesk.code.eventness.view import Candidate
from eventdesk.code.eventness.words import (
    _DETERMINERS,
    _FIRST_PERSON,
    _MODALS,
    _PERFECT,
    _PRONOUNS,
    _QUOTES,
    _SAY,
    _STOP,
    _WHEN,
    _WORD,
    _in_quote,
    _lists,
)
from eventdesk.text.stem import stem


def _sector_of(party: tuple[str, str, str | None]) -> str:
    text, name, sector = party
    if not text and name:
        return "unidentified"  # filled in by ACLED practice, not named in the text
    if text.lower() in _PRONOUNS:
        return "pronoun"
    return sector or ("named" if text[:1].isupper() else "noun")


def features(c: Candidate) -> dict[str, float]:
    """Named features of a candidate event (value 1.0 unless said otherwise)."""
    t = c.event_type
    f: dict[str, float] = {"bias": 1.0, "t=" + t: 1.0}
    s = c.sentence
    if c.trigger:
        a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
        a, b = max(0, min(a, len(s))), max(0, min(b, len(s)))
    else:
        a = b = 0
    trig_words = _WORD.findall(s[a:b]) or ["<none>"]
    trig = " ".join(stem(w) for w in trig_words)
    head = stem(trig_words[-1])
    f["trig=" + trig] = 1.0
    f[f"tt={t}|{head}"] = 1.0
    f["head=" + head] = 1.0
    before = _WORD.findall(s[:a])
    after = _WORD.findall(s[b:])
    p1 = before[-1].lower() if before else "<s>"
    n1 = after[0].lower() if after else "</s>"
    f["p1=" + p1] = 1.0
    f["n1=" + n1] = 1.0
    f[f"tp1={t}|{p1}"] = 1.0
    f[f"tn1={t}|{n1}"] = 1.0
    if len(before) >= 2:
        f[f"p2={before[-2].lower()}_{p1}"] = 1.0
    for w in before[-4:] + after[:4]:
        f["win=" + stem(w)] = 0.5
    if p1 in _DETERMINERS or p1.endswith(("'s", "’s")):
        f["trig_noun"] = 1.0
        f[f"ttn={t}"] = 1.0
    if p1 == "to":
        f["trig_infinitive"] = 1.0
    prev3 = {w.lower() for w in before[-3:]}
    if prev3 & _MODALS:
        f["modal_before"] = 1.0
    if prev3 & _PERFECT:
        f["perfect_before"] = 1.0
    if trig_words[-1].lower().endswith("ed"):
        f["trig_ed"] = 1.0
    if trig_words[-1].lower().endswith("ing"):
        f["trig_ing"] = 1.0
    if _WHEN.search(s):
        f["when"] = 1.0
        f[f"twhen={t}"] = 1.0
    if trig_words[0][:1].isupper() and a > 0:
        f["trig_capital"] = 1.0  # "Attack" mid-sentence: part of a name or a headline
    # where the trigger sits: inside a quotation, after a verb of saying
    if _in_quote(s, a):
        f["in_quote"] = 1.0
    if s[:1] in _QUOTES:
        f["starts_quote"] = 1.0
    words = [w.lower() for w in _WORD.findall(s)]
    if any(w in _SAY for w in words):
        f["say"] = 1.0
    if any(w in _FIRST_PERSON for w in words):
        f["first_person"] = 1.0
    if "you" in words or "your" in words:
        f["second_person"] = 1.0
    if "?" in s:
        f["question"] = 1.0
    if "%" in s or "per cent" in s.lower() or "percent" in s.lower():
        f["percent"] = 1.0
    if not s.rstrip().endswith((".", '"', "”", "'", "’", "!", "?")):
        f["no_full_stop"] = 1.0  # captions, headings, credits
    n = len(words)
    f["len=" + ("short" if n < 8 else "mid" if n < 25 else "long" if n < 45 else "very_long")] = 1.0
    pos = c.sentence_start / c.body_length
    f[
        "pos=" + ("lead" if c.sentence_start < 5 else "top" if pos < 0.2 else "mid" if pos < 0.7 else "end")
    ] = 1.0
    for name, rx in _lists().items():
        hits = rx.findall(s)
        if hits:
            f["list=" + name] = 1.0
            f[f"tlist={t}|{name}"] = 1.0
        if name.startswith("dom:") and len(hits) >= 2:
            f["list2=" + name] = 1.0
    f["sent_n=" + str(min(c.in_sentence, 4))] = 1.0
    f["stronger=" + str(min(c.stronger_in_sentence, 2))] = 1.0
    f["earlier=" + str(min(c.earlier_in_sentence, 2))] = 1.0
    f[f"tearlier={t}|{min(c.earlier_in_sentence, 1)}"] = 1.0
    # the clause the trigger sits in: main clause or reported content vs. a noun phrase, a purpose
    # or relative clause (circumstances, plans, background); alone and with the type
    if c.clause_role:
        dep, pos, tag, subj, gov = (c.clause_role.split("|") + [""] * 5)[:5]
        f["dep=" + dep] = 1.0
        f[f"tdep={t}|{dep}"] = 1.0
        f[f"dep_gov={dep}|{gov}"] = 1.0
        f["tpos=" + pos] = 1.0
        f[f"ttpos={t}|{pos}"] = 1.0
        f["tag=" + tag] = 1.0
        f[f"ttag={t}|{tag}"] = 1.0
        f["subj=" + subj] = 1.0
        f[f"tsubj={t}|{subj}"] = 1.0
    # modality and confidence as the frame coder saw them
    f["mod=" + c.modality] = 1.0
    f[f"tmod={t}|{c.modality}"] = 1.0
    f["conf=" + str(min(9, int(c.confidence * 10)))] = 1.0
    if c.acled_sub_event_type:
        f["acled=" + c.acled_sub_event_type] = 1.0
    # participants: how many, of which kind
    for role, parties in (("a", c.actors), ("r", c.recipients)):
        f[f"{role}n={min(len(parties), 2)}"] = 1.0
        for p in parties[:3]:
            kind = _sector_of(p)
            f[f"{role}s={kind}"] = 1.0
            f[f"t{role}s={t}|{kind}"] = 1.0
            if p[0][:1].isupper():
                f[f"{role}_proper"] = 1.0  # a name, not a description ("Russia", not "the country")
                f[f"t{role}_proper={t}"] = 1.0
    # a light bag of words of the sentence
    bag = {stem(w) for w in words if w not in _STOP}
    for w in bag:
        f["w=" + w] = 1.0 / np.sqrt(max(len(bag), 1))
    return f
