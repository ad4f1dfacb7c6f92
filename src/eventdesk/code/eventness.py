"""Is a coded clause really an event? The eventness gate (issue 11, "Eventness").

The frame coder proposes an event wherever a trigger word has a frame around it; in whole articles
many of those are not events: commentary and forecasts, metaphor ("ramparts stormed by America
First"), other senses of the word (sport "beaten", medical "arrest", business "bid"), author notes,
captions and newsletter prompts. A PLOVER event is a specific interaction of one of the 16 types
with a political participant, its trigger in that sense (PLOVER 2.0 manual; realnews GUIDE.md).

`EventnessModel.probability(candidate)` is a logistic regression over named features of one
candidate: the type and trigger word with their neighbours, the participants' sectors, modality,
quotation and stance markers (data/eventness/stance.txt), genre words (boilerplate.txt), the
vocabulary of sport, finance, medicine, entertainment and tech (domains.tsv), where the sentence
sits in the article, and a light bag of words. Weights ship as data/models/eventness.npz, trained
by scripts/train_eventness.py on sentences labelled by hand (training/eventness_labels.tsv).
`gate(events, body)` drops the candidates the model judges not to be events, and four kinds the
text itself rules out: page furniture and author notes (furniture.txt), sentences in the
vocabulary of sport, finance, medicine, entertainment or tech with no political participant,
records that name no participant at all, refusals to comment (declined_comment.txt), a wish or intention
with no addressee (desire_verbs.txt), an act in a condition or open question (conditional_markers.txt), a
habit or a statement about anyone at all (habitual.txt, generic_subjects.txt), a promise made to no one
(promise_verbs.txt), a press conference told as a meeting (press_conferences.txt), an ASSAULT on an abstract
patient or in a non-physical arena (abstract_patients.tsv, arena_modifiers.txt, contest_verbs.txt), an infinitive
judged by an extraposed adjective (extraposed_adjectives.txt), a characterizing
statement about a person (characterizing.txt), an event noun of nonspecific reference that is the subject of a
modal verb ("a full-scale assault would lead to..."), and, in commentary, the author's generic statements.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from eventdesk.data import lines, rows

N_BITS = 16  # hashed feature space of the model (65,536 columns)
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+")
_STOP = frozenset(
    "the a an of in on at to and or by for with from as is was were be been has have had that this "
    "it its their his her they he she which who".split()
)
_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "ours"})
_SAY = frozenset({"said", "says", "say", "told", "tells", "added", "according", "stated", "announced"})
_QUOTES = '"“”'
# when: a day, a date, a month or a year, "last week", "on Tuesday" (a specific event is dated)
_WHEN = re.compile(
    r"\b(?:(?:on|last|this|next|since|by|until|from|early|late) (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|week|weekend|month|year|night|morning|evening)|yesterday|today|tonight|overnight|"
    r"earlier this (?:week|month|year)|(?:in|since|on|by|until|early|late|mid-?) ?(?:january|february|march|april|"
    r"may|june|july|august|september|october|november|december)|(?:19|20)\d\d|\d+ (?:days|weeks|months|years) ago)\b",
    re.I,
)
# the trigger used as a noun: a determiner or possessive right before it
_DETERMINERS = frozenset(
    "a an the its their his her our my this that these those any no every each another such whose".split()
)
_MODALS = frozenset("will would could may might should must can shall 'll wo".split())
_PERFECT = frozenset("has have had 's 've 'd".split())
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "i", "you", "who", "which"})


@dataclass
class Candidate:
    """What the gate sees of one coded event: its type, words and participants, and where it sits."""

    event_type: str
    sentence: str
    sentence_start: int  # offset of the sentence in the body
    trigger: tuple[int, int] | None  # offsets of the trigger words in the body
    modality: str
    confidence: float
    actors: list[tuple[str, str, str | None]]  # (text, name, sector)
    recipients: list[tuple[str, str, str | None]]
    acled_sub_event_type: str | None
    body_length: int
    # the other candidates of the same sentence: how many, and how many are stronger than this one
    # (a sentence reports one main event; further triggers are often its content or circumstances)
    in_sentence: int = 1
    stronger_in_sentence: int = 0
    earlier_in_sentence: int = 0
    # the trigger's place in the sentence's syntax (code/syntax.clause_role), "" when unknown
    clause_role: str = ""
    # the article's genre as relevance judged it (news, analysis, opinion; "" when unknown)
    genre: str = ""


def _get(x: Any, key: str, default: Any = None) -> Any:
    return x.get(key, default) if isinstance(x, dict) else getattr(x, key, default)


def candidates(events: list[Any], body_length: int, genre: str | None = None) -> list[Candidate]:
    """Candidates of one article's events, each knowing the other candidates of its sentence and
    the article's `genre`."""
    cs = [candidate(e, body_length) for e in events]
    for c in cs:
        c.genre = genre or ""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cs:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    for c in cs:
        same = by_sentence[c.sentence_start]
        c.in_sentence = len({(o.trigger, o.event_type) for o in same})
        c.stronger_in_sentence = len({(o.trigger, o.event_type) for o in same if o.confidence > c.confidence})
        if c.trigger:
            c.earlier_in_sentence = len(
                {o.trigger for o in same if o.trigger and o.trigger[0] < c.trigger[0]}
            )
    return cs


def candidate(event: Any, body_length: int) -> Candidate:
    """A Candidate from a records.Event or its exported JSON object (the same field names)."""
    ev = _get(event, "evidence")
    trig = _get(event, "trigger") or (_get(event, "extra") or {}).get("trigger")

    def parties(xs: Any) -> list[tuple[str, str, str | None]]:
        return [(_get(a, "text") or "", _get(a, "name") or "", _get(a, "sector")) for a in xs or []]

    return Candidate(
        event_type=_get(event, "event_type"),
        sentence=_get(ev, "sentence") or "",
        sentence_start=int(_get(ev, "start") or 0),
        trigger=(int(trig[0]), int(trig[1])) if trig else None,
        modality=_get(event, "modality") or "asserted",
        # the frame coder's score (the gate stores the calibrated probability in `confidence`)
        confidence=float(
            (_get(event, "extra") or {}).get("coder_score")
            or _get(event, "coder_score")
            or _get(event, "confidence")
            or 0.0
        ),
        actors=parties(_get(event, "actors")),
        recipients=parties(_get(event, "recipients")),
        acled_sub_event_type=_get(event, "acled_sub_event_type"),
        body_length=max(1, body_length),
        clause_role=_get(event, "clause_role") or (_get(event, "extra") or {}).get("clause_role") or "",
    )


# ----------------------------------------------------------------------------- word lists


def _lines(name: str) -> tuple[str, ...]:
    return lines(f"eventness/{name}")


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(p.lower()).replace(r"\ ", r"\s+") for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


@cache
def _lists() -> dict[str, re.Pattern[str]]:
    boiler = _lines("boilerplate.txt") + _lines("furniture.txt")
    out = {"stance": _alternation(_lines("stance.txt")), "boiler": _alternation(boiler)}
    domains: dict[str, list[str]] = {}
    for ln in _lines("domains.tsv"):
        dom, _, phrase = ln.partition("\t")
        domains.setdefault(dom, []).append(phrase)
    out |= {"dom:" + d: _alternation(ps) for d, ps in domains.items()}
    return out


# ----------------------------------------------------------------------------- features


def _stem(w: str) -> str:
    w = w.lower().replace("’", "'")
    if w.isdigit():
        return "<num>"
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _sector_of(party: tuple[str, str, str | None]) -> str:
    text, name, sector = party
    if not text and name:
        return "unidentified"  # filled in by ACLED practice, not named in the text
    if text.lower() in _PRONOUNS:
        return "pronoun"
    return sector or ("named" if text[:1].isupper() else "noun")


def _in_quote(s: str, a: int) -> bool:
    """Offset `a` of sentence `s` lies inside a quotation (an odd number of quote marks before it,
    or the sentence opens one that has not closed by then)."""
    opened = sum(s[:a].count(q) for q in _QUOTES)
    return opened % 2 == 1 or (s[:1] in _QUOTES and not any(q in s[1:a] for q in _QUOTES))


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
    trig = " ".join(_stem(w) for w in trig_words)
    head = _stem(trig_words[-1])
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
        f["win=" + _stem(w)] = 0.5
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
    bag = {_stem(w) for w in words if w not in _STOP}
    for w in bag:
        f["w=" + w] = 1.0 / np.sqrt(max(len(bag), 1))
    return f


def bucket(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << N_BITS) - 1)


def vector(f: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Hashed columns and values of a feature dict (collisions add up)."""
    acc: dict[int, float] = {}
    for k, v in f.items():
        j = bucket(k)
        acc[j] = acc.get(j, 0.0) + v
    cols = np.fromiter(acc.keys(), dtype=np.int64, count=len(acc))
    vals = np.fromiter(acc.values(), dtype=np.float64, count=len(acc))
    return cols, vals


# ----------------------------------------------------------------------------- model


class EventnessModel:
    """Logistic regression over hashed features; weights from data/models/eventness.npz.

    `probability` is calibrated: trained with the classes weighted to balance, the regression's own
    output overstates events, so a Platt scaling (`calibration` = (a, b), fitted by
    scripts/train_eventness.py on cross-validated predictions of the hand labels) maps its log-odds
    z to sigmoid(a * z + b), the share of such candidates that are real events of their type. The
    threshold is in the same units."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: float,
        threshold: float,
        calibration: tuple[float, float] = (1.0, 0.0),
    ) -> None:
        self.w = weights
        self.b = bias
        self.threshold = threshold
        self.calibration = calibration

    @classmethod
    def shipped(cls) -> EventnessModel | None:
        """The weights eventdesk ships (None when the file is absent); eventdesk.resources keeps them."""
        path = resources.files("eventdesk").joinpath("data", "models", "eventness.npz")
        if not path.is_file():
            return None
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            cal = tuple(float(x) for x in z["calibration"]) if "calibration" in z.files else (1.0, 0.0)
            return cls(z["w"].astype(np.float64), float(z["b"]), float(z["threshold"]), cal)  # type: ignore[arg-type]

    def raw(self, c: Candidate) -> float:
        """The regression's log-odds for the candidate (before calibration)."""
        cols, vals = vector(features(c))
        return float(self.w[cols] @ vals) + self.b

    def probability(self, c: Candidate) -> float:
        """Calibrated probability that the candidate is a real event of its type (0..1, rising with
        the regression's own probability: the calibration slope is positive)."""
        a, b = self.calibration
        return float(1.0 / (1.0 + np.exp(-(a * self.raw(c) + b))))


# PLOVER sectors of political participants (GUIDE.md: states, officials, forces, armed groups, parties,
# unions, IGOs/NGOs); civilians, business, media, sport... are not political on their own
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "PTY", "OPP", "LAB", "IGO", "UNO", "NGO"}
)


@cache
def _furniture() -> re.Pattern[str]:
    return _alternation(_lines("furniture.txt"))


def page_furniture(c: Candidate) -> bool:
    """A newsletter prompt, photo credit, byline or author note (data/eventness/furniture.txt) that
    dates no event: not part of the report."""
    return bool(_furniture().search(c.sentence)) and not _WHEN.search(c.sentence)


def other_field(c: Candidate) -> str | None:
    """The field (sport, finance...) a sentence is about when its words say so (two or more words of
    one field's vocabulary) and no participant is political: its trigger is in that field's sense."""
    if any(p[2] in POLITICAL_SECTORS for p in c.actors + c.recipients if p[0]):
        return None
    for name, rx in _lists().items():
        if name.startswith("dom:") and len({m.lower() for m in rx.findall(c.sentence)}) >= 2:
            return name[4:]
    return None


# genres in which the author argues rather than reports (relevance/genre.py: opinion and analysis)
COMMENTARY_GENRES = frozenset({"analysis", "opinion"})
# Penn tags of the present simple (code/syntax.clause_role's third field: the clause verb's tag)
_PRESENT_SIMPLE = frozenset({"VBZ", "VBP"})
# dependency relations of a clause's verb (Universal/ClearNLP labels as spaCy gives them); a "verb" in a
# nominal relation (nsubj, dobj, pobj...) is a noun the tagger misread ("airstrikes ... have killed")
_CLAUSE_RELATIONS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)


def attributed(c: Candidate) -> bool:
    """The trigger stands inside a quotation or its sentence has a verb of saying: someone else's
    words, not the author's."""
    a = max(0, min((c.trigger[0] - c.sentence_start) if c.trigger else 0, len(c.sentence)))
    return _in_quote(c.sentence, a) or any(w.lower() in _SAY for w in _WORD.findall(c.sentence))


def generic_commentary(c: Candidate) -> bool:
    """In an opinion or analysis piece, the author's own clause in the present simple with no time:
    a generic or habitual statement ("Western powers view a withdrawal as..."), not one dated act
    (Krifka et al. 1995, genericity: the present simple of an eventive verb is habitual or generic
    unless it reports; news narrates in the past and dates, Bell 1991). GUIDE.md: commentary and
    analysis are not events. News keeps its present-tense headlines and leads."""
    if c.genre not in COMMENTARY_GENRES or not c.clause_role:
        return False
    dep, _, tag = (c.clause_role.split("|") + ["", "", ""])[:3]
    return (
        dep in _CLAUSE_RELATIONS
        and tag in _PRESENT_SIMPLE
        and not attributed(c)
        and not _WHEN.search(c.sentence)
    )


# a refusal (the REJECT trigger's word) and the word "to" before the verb it governs
_REFUSAL = re.compile(r"^(?:refus|declin)\w*$", re.I)


@cache
def _comment_verbs() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:to\s+)?" + _alternation(_lines("declined_comment.txt")).pattern, re.I)


def declined_comment(c: Candidate) -> bool:
    """A refusal to comment ("declined to comment", "refused to confirm whether..."): CAMEO 011
    "Decline comment", a public-statement category PLOVER 2.0 eliminated; no REJECT of aid, change,
    concessions or talks (data/eventness/declined_comment.txt)."""
    if c.event_type != "REJECT" or not c.trigger:
        return False
    a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
    words = _WORD.findall(c.sentence[max(0, a) : max(0, b)])
    if not words or not _REFUSAL.match(words[0]):
        return False
    # the trigger is "refused" or "declined to": what follows it (after "to") is the refused act
    return bool(_comment_verbs().match(c.sentence[max(0, b) :]))


@cache
def _phrases(name: str) -> re.Pattern[str]:
    return _alternation(_lines(name))


def wish_without_addressee(c: Candidate) -> bool:
    """A verb of wanting or intending with no one it is addressed to ("ministers had hoped to get 900m", "he
    wanted to tell their stories"): the subject's own wish, no request to and no cooperation with another actor
    (data/eventness/desire_verbs.txt)."""
    if not c.trigger or c.recipients:
        return False
    return bool(_phrases("desire_verbs.txt").match(c.sentence, max(0, c.trigger[0] - c.sentence_start)))


# where a clause ends, looking back from a trigger: punctuation, quotation marks and "that" (a complement clause)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”–—]|\s-\s|\bthat\b", re.I)


def _clause_before(c: Candidate) -> str:
    """The words of the trigger's own clause that come before it (after the last clause break)."""
    if not c.trigger:
        return ""
    before = c.sentence[: max(0, c.trigger[0] - c.sentence_start)]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


# a protasis or dependent question is short: its subordinator stands at most this many words before the trigger
_CONDITION_REACH = 8


def conditional_clause(c: Candidate) -> bool:
    """The trigger stands in an if/unless clause or a whether-question of its own clause ("if we reject this
    treaty", "deciding whether to recommend"): a condition or an open question, no act that happened
    (data/eventness/conditional_markers.txt)."""
    clause = _clause_before(c)
    marks = list(_phrases("conditional_markers.txt").finditer(clause))
    return bool(marks) and len(_WORD.findall(clause[marks[-1].end() :])) <= _CONDITION_REACH


def _after_trigger(c: Candidate) -> str:
    return c.sentence[max(0, c.trigger[1] - c.sentence_start) :] if c.trigger else ""


# a frequency adverb modifies the trigger's verb when it stands among the few words before it ("has regular
# meetings", "also frequently offer", "tended to defy") or right after it ("meet regularly"); further on in
# its clause it as often belongs to another verb
_HABIT_REACH = 4
# a universal pronoun within this many words before the trigger can be its clause's subject
_SUBJECT_REACH = 6


def generic_or_habitual(c: Candidate) -> bool:
    """A habit or a statement about anyone at all, not one act: a frequency adverb at the trigger's verb
    (data/eventness/habitual.txt) or a universal or free-relative subject in its clause ("anyone convicted can
    be jailed"; data/eventness/generic_subjects.txt). Krifka et al. 1995; realnews GUIDE.md."""
    words = _WORD.findall(_clause_before(c))
    habit = _phrases("habitual.txt")
    if habit.search(" ".join(words[-_HABIT_REACH:])) or habit.match(_after_trigger(c).lstrip()):
        return True
    # the quantified phrase is the clause's subject: no actor was found, or the actor is that phrase
    # ("every American wants", not "he made every effort to negotiate")
    window = " ".join(words[-_SUBJECT_REACH:])
    for m in _phrases("generic_subjects.txt").finditer(window):
        rest = window[m.end() :].lstrip().lower()
        if not c.actors or any(
            t and (t.lower() == m.group(0).lower() or rest.startswith(t.lower())) for t, _, _ in c.actors
        ):
            return True
    return False


def promise_to_no_one(c: Candidate) -> bool:
    """An AGREE told by a verb of promising that names no one it is made to or shared with ("the chancellor
    promised to end teenage unemployment"): the speaker's own policy announced, no cooperation between actors
    (PLOVER AGREE: willingness to cooperate; data/eventness/promise_verbs.txt). The noun after a determiner or
    possessive ("his promise") is left to the model."""
    if c.event_type != "AGREE" or not c.trigger or c.recipients:
        return False
    a = max(0, c.trigger[0] - c.sentence_start)
    before = _WORD.findall(c.sentence[:a])
    p1 = before[-1].lower() if before else ""
    if p1 in _DETERMINERS or p1.endswith(("'s", "’s")):
        return False
    return bool(_phrases("promise_verbs.txt").match(c.sentence, a))


@cache
def _press_conferences() -> re.Pattern[str]:
    # the phrase must end where the trigger ends ("his monthly news [conference]")
    return re.compile(_phrases("press_conferences.txt").pattern + r"$", re.I)


def press_conference(c: Candidate) -> bool:
    """A CONSULT told by "press conference", "news briefing"...: a statement to the media (CAMEO 01,
    eliminated by PLOVER 2.0), not a meeting or visit between actors (data/eventness/press_conferences.txt)."""
    if c.event_type != "CONSULT" or not c.trigger:
        return False
    b = c.trigger[1] - c.sentence_start
    return bool(_press_conferences().search(c.sentence[max(0, b - 40) : max(0, b)]))


# ----------------------------------------------------------------------------- selectional restrictions

# words that end the noun phrase after a trigger (prepositions, conjunctions, relative and subordinating words)
_NP_END = frozenset(
    "of for to that which who whom whose and but or nor in on at with by from as near after before during since "
    "when while because than into onto over under between across around against until if where without".split()
)
_NP_REACH = 6  # words of one noun phrase: a determiner, a possessor and a few modifiers before its head
_PARTICLES = frozenset({"off", "up", "down", "out", "back"})  # of phrasal verbs ("kicked off", "shot down")
_MODIFIER = re.compile(r"([A-Za-z]+)[ \t]+$")  # the word right before the trigger, nothing between
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+|[^\sA-Za-z\d]")


@cache
def _abstract_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in rows("eventness/abstract_patients.tsv"))


@cache
def _arenas() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("arena_modifiers.txt"))


def _arena(word: str) -> bool:
    """A lower-case modifier that names a non-physical arena or an abstract domain."""
    return word[:1].islower() and (word.lower() in _arenas() or word.lower() in _abstract_nouns())


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
    i = 1 if low[:1] and low[0] in _PARTICLES and not nominal else 0
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
def _extraposed() -> re.Pattern[str]:
    adjectives = "|".join(sorted(re.escape(w.lower()) for w in _lines("extraposed_adjectives.txt")))
    # "it is (not) (so / very) possible (for the government) to" right before the trigger
    return re.compile(
        r"\bit(?:\s+|['’])(?:is|was|s|would\s+be|will\s+be|could\s+be|might\s+be|may\s+be|seems|seemed|remains|"
        r"has\s+been|had\s+been)\s+(?:not\s+)?(?:\w+ly\s+|so\s+|too\s+|very\s+|more\s+|less\s+)?(?:"
        + adjectives
        + r")\s+(?:for\s+(?:\S+\s+){1,4}?)?to\s+$",
        re.I,
    )


def extraposed_judgement(c: Candidate) -> bool:
    """The trigger is the verb of an extraposed infinitive after an adjective of possibility, necessity or
    evaluation ("it is possible to disagree with...", "it would be wrong to attack..."; data/eventness/
    extraposed_adjectives.txt): an act judged, not one that happened (Quirk et al. 1985 16.69-16.70)."""
    if not c.trigger:
        return False
    return bool(_extraposed().search(c.sentence[: max(0, c.trigger[0] - c.sentence_start)]))


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
_NONSPECIFIC = frozenset({"a", "an", "any"})
_MODIFIERS_BEFORE = 3  # adjectives between the determiner and the event noun ("a full-scale ground assault")
_SUBJECT_REACH = 25  # words from the event noun to the verb of its clause (a long "by ... against ..." tail)
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})


# conjunctions and complementizers after which a clause, and so its subject, begins
_CLAUSE_OPENERS = frozenset(
    {"that", "and", "but", "or", "so", "because", "since", "as", "while", "although", "though"}
)


@cache
def _complement_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("complement_verbs.txt"))


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
        and prev.lower() not in _complement_verbs()
    ):
        return False
    for tok in _TOKEN.findall(c.sentence[max(0, b) :])[:_SUBJECT_REACH]:
        low = tok.lower()
        if tok in _MODALS:  # in lower case: "May" after a noun is a name or a month
            return True
        if low in _RELATIVE or tok in ',;:()"“”–—':
            return False
    return False


def no_participant(c: Candidate) -> bool:
    """No actor and no recipient: a PLOVER event is an interaction initiated by an actor (manual,
    "actor" and "recipient"), and the coder already names the unidentified armed group where ACLED
    does; a record that names nobody ("talks will take place", "the threatened holocaust") is a
    topic, not an event."""
    return not c.actors and not c.recipients


def ruled_out(c: Candidate) -> bool:
    """What the text rules out whatever the model says (the gate gives it probability 0)."""
    return bool(
        other_field(c)
        or page_furniture(c)
        or no_participant(c)
        or generic_commentary(c)
        or declined_comment(c)
        or wish_without_addressee(c)
        or conditional_clause(c)
        or generic_or_habitual(c)
        or promise_to_no_one(c)
        or press_conference(c)
        or abstract_patient(c)
        or extraposed_judgement(c)
        or characterizing(c)
        or hypothetical_nominal(c)
    )


def gate(
    events: list[Any],
    body: str,
    config: dict[str, Any] | None = None,
    keep: Any = None,
    model: EventnessModel | None = None,
    genre: str | None = None,
) -> list[Any]:
    """The events the model judges to be events; `keep` (a document's main event) always stays.

    Each kept event's `confidence` becomes the model's calibrated probability that it is a real
    event of its type (0 for what the text rules out: another field's sense, page furniture, no
    participant, an author's generic statement in commentary, a refusal to comment, a wish with no
    addressee, an act in a condition, a habit or generic statement, a promise to no one, a press
    conference, an ASSAULT on something abstract, an act judged ("it is possible to..."), a characterizing statement about a person, a
    nonspecific event noun under a modal), so a cut at 0.7 keeps records of which about 70% or more are events (measured on the labels' hold-out;
    scripts/train_eventness.py); the frame coder's own score stays in `extra["coder_score"]`.
    `model`: the shipped weights (EventnessModel.shipped(), kept by
    eventdesk.resources.Resources.eventness). No model: nothing changes. code.eventness_threshold
    < 0: nothing is dropped, confidence is still the model's. `genre`: the article's genre as
    relevance judged it (Article.relevance["genre"]).
    """
    if model is None or not events:
        return events
    threshold = (config or {}).get("code", {}).get("eventness_threshold")
    threshold = model.threshold if threshold is None else float(threshold)
    out = []
    for ev, c in zip(events, candidates(events, len(body), genre), strict=True):
        p = 0.0 if ruled_out(c) else model.probability(c)
        if threshold < 0 or p >= threshold or ev is keep:
            ev.extra["coder_score"] = ev.confidence
            ev.confidence = round(p, 4)
            out.append(ev)
    return out
