"""The trigger lexicon: words and phrases that carry each of the 16 PLOVER types.

data/ontology/triggers.tsv (written from the PLOVER 2.0 manual's type/mode definitions and the CAMEO
verb categories) gives each entry a type, mode, CAMEO code, weight and ACLED hint; `triggers(text)`
finds every non-overlapping hit with its offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventdesk.data import rows

# speech-act verbs the lexicon lacks, by their class and frame (Searle 1976, Levin 1993); their entries are
# numbered from SPEECH_ACT_ENTRY + row, apart from the lines of triggers.tsv
SPEECH_ACTS = "ontology/speech_acts.tsv"
SPEECH_ACT_ENTRY = 100000


@dataclass(frozen=True)
class _Entry:
    event_type: str
    mode: str | None
    cameo: str
    weight: float
    acled: str | None
    regex: re.Pattern[str]
    line: int


@dataclass(frozen=True)
class Hit:
    """One lexicon match: the words [start, end) carry an event of `event_type`."""

    event_type: str
    mode: str | None
    cameo: str
    weight: float
    acled: str | None
    start: int
    end: int
    entry: int  # line of the lexicon entry (stable feature name for the model)


def _inflect(stem: str) -> list[str]:
    """A stem and its regular English inflections, nothing else ("accus" -> accuse, accuses, accused,
    accusing; "ban" -> bans, banned, banning; "deny" -> denies, denied, denying).

    Only inflection (plural / third person -s, past -ed, participle -ing: Quirk et al. 1985, 3.5-3.9 on
    -e deletion, y -> i and consonant doubling): a derivational suffix makes another word, not a form of
    this one ("probe" -> "probation", "mine" -> "minor", "town" -> "township", "work" -> "workers"), so a
    nominalization that names the same act ("accusation", "negotiations") is written out in the data, and
    irregular participles ("taken", "given") too. A stem written without its final e ("accus") also
    takes the e; forms that are no English word ("condemne") never occur in text and match nothing.
    """
    forms: set[str] = set()
    for base in {stem, stem + "e"} if not stem.endswith("e") else {stem}:
        forms.add(base)
        if base.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(base + "es")
        elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            forms.add(base[:-1] + "ies")
        else:
            forms.add(base + "s")
        if base.endswith("e"):
            forms |= {
                base + "d",
                base[:-1] + "ing" if not base.endswith(("ee", "ye", "oe")) else base + "ing",
            }
        elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
            forms |= {base[:-1] + "ied", base + "ing"}
        else:
            forms |= {base + "ed", base + "ing"}
            if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
                forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # "banned", "quitting"
    forms.discard("")
    return sorted(forms, key=len, reverse=True)


def _word(tok: str) -> str:
    case_sensitive = tok.startswith("=")
    tok = tok.lstrip("=")
    if tok.endswith("~"):
        body = "(?:" + "|".join(re.escape(f) for f in _inflect(tok[:-1])) + ")"
    elif tok == "*":
        body = r"[\w'’-]+"  # any one word
    elif tok.endswith("*"):
        body = re.escape(tok[:-1]) + r"\w*"
    else:
        body = re.escape(tok)
    return f"(?-i:{body})" if case_sensitive else body


def _split_top(s: str, sep: str) -> list[str]:
    """Split on `sep` outside parentheses."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


# Between the words of a phrase: spaces, with a quotation mark allowed on either side (he was
# "concerned" about; the right to "defend itself").
_GAP = r"[\"”’]?\s+[\"“‘]?"
# words that open an interrogative clause (Huddleston & Pullum 2002, ch. 11): a frame's gap does not cross one
_INTERROGATIVE = r"(?:whether|if|why|how|what|which|who|whom|when|where|about)"


def _phrase(p: str) -> str:
    parts: list[str] = []
    toks = _tokens_of(p.strip())
    for tok in toks:
        if tok == "...":
            parts.append(r"(?:[\w'’-]+(?:[.,]\d+)*[,]?" + _GAP + "){0,4}?")
            continue
        if re.fullmatch(r"\.\.\.\d+", tok):
            # up to N words, none of them an interrogative word: "asked the Trinidad and Tobago authorities
            # to issue" is a request, "asked Mr Brown whether the Treasury had leaned on ONS to" a question
            parts.append(
                r"(?:(?!" + _INTERROGATIVE + r"\b)[\w'’-]+(?:[.,]\d+)*[,]?" + _GAP + "){0," + tok[3:] + "}?"
            )
            continue
        if tok.startswith("(") and tok.endswith(")"):
            alts = [_phrase(a) for a in _split_top(tok[1:-1], "|")]
            parts.append("(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")" + _GAP)
        else:
            parts.append(_word(tok) + _GAP)
    rx = "".join(parts)
    return rx[: -len(_GAP)] if rx.endswith(_GAP) else rx


def _tokens_of(p: str) -> list[str]:
    toks, depth, cur = [], 0, []
    for ch in p:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                toks.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        toks.append("".join(cur))
    return toks


def _compile(pattern: str) -> re.Pattern[str]:
    alts = [_phrase(a) for a in _split_top(pattern, "|") if a.strip()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w])", re.I)


@cache
def _lexicon() -> tuple[_Entry, ...]:
    text = (
        resources.files("eventdesk").joinpath("data", "ontology", "triggers.tsv").read_text(encoding="utf-8")
    )
    out = []
    header = True
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        t, mode, cameo, w, acled, pat = line.split("\t")
        out.append(_Entry(t, mode or None, cameo, float(w), acled or None, _compile(pat), i))
    for j, (_cls, t, mode, cameo, w, verbs, frames) in enumerate(rows(SPEECH_ACTS)[1:], 1):
        pat = "|".join(
            " ".join(f"({verbs})" if tok == "V" else tok for tok in fr.split()) for fr in frames.split("|")
        )
        out.append(_Entry(t, mode or None, cameo, float(w), None, _compile(pat), SPEECH_ACT_ENTRY + j))
    return tuple(out)


# Words right before a trigger that make it a modifier, not an event ("Iran-backed", "so-called").
_NOT_BEFORE = re.compile(r"(?:-|\bso-called\s|\balleged\s|\bsuspected\s|\bformer\s|\banti-)$", re.I)


_UNHEDGED = frozenset(
    {
        "Chemical weapon",
        "Suicide bomb",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    }
)


@cache
def _other_senses() -> tuple[re.Pattern[str], ...]:
    """Phrases in which a trigger word has another, non-event sense (data/ontology/other_senses.tsv)."""
    # the first entry line names the columns
    return tuple(_compile("\t".join(row[1:])) for row in rows("ontology/other_senses.tsv")[1:])


def triggers(text: str) -> list[Hit]:
    """Every non-overlapping lexicon hit in `text` (longest, then strongest, wins an overlap).

    Hits inside a phrase of another sense ("cardiac arrest", "takeover bid") are dropped.
    """
    other = [m.span() for rx in _other_senses() for m in rx.finditer(text)]
    cands: list[Hit] = []
    for e in _lexicon():
        for m in e.regex.finditer(text):
            s, t = m.span()
            if (
                s
                and _NOT_BEFORE.search(text[max(0, s - 12) : s])
                and not (e.acled in _UNHEDGED and text[s - 1 : s] != "-")
            ):
                continue  # "a suspected chemical attack" is still a chemical attack
            if any(a < t and s < b and b - a >= t - s for a, b in other):
                continue  # the words are used in another sense
            cands.append(Hit(e.event_type, e.mode, e.cameo, e.weight, e.acled, s, t, e.line))
    cands.sort(key=lambda h: (-(h.end - h.start), -h.weight, h.start))
    taken: list[Hit] = []
    for h in cands:
        if all(h.end <= k.start or h.start >= k.end for k in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)
