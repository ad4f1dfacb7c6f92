"""Fatalities by ACLED rules: the lowest reported figure; vague amounts as ACLED codes them
("several"/"a few" 3, "a dozen"/"dozens" 12, "hundreds" 100); None when no death is reported.

Works on the evidence sentence or a short report. Counts deaths only (not the wounded), adds up the
groups of one clause ("killing three soldiers and two civilians" = 5) and separate incidents that a
report chains with "also"/"another", and takes the larger figure when two sentences restate one toll.
ACLED's own coding remarks ("5 fatalities", "fatalities coded as 3") win over everything else.
Deaths that are only possible or predicted ("may die": data/fatalities/irrealis.txt) and running
tolls of a war or period ("since 2011": data/fatalities/aggregate.txt) are not an event's figure.
"""

from __future__ import annotations

import functools
import re

from eventdesk.data import lines


@functools.cache
def _irrealis() -> re.Pattern[str]:
    words = sorted(lines("fatalities/irrealis.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


@functools.cache
def _aggregate() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lines("fatalities/aggregate.txt")), re.I)


__all__ = ["fatalities", "parse_number"]

_UNITS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "lone": 1,
    "two": 2,
    "both": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a couple of": 2,
    "a pair of": 2,
    "a dozen": 12,
    "dozen": 12,
}
_VAGUE = {
    "several": 3,
    "a few": 3,
    "few": 3,
    "some": 3,
    "a number of": 3,
    "a handful of": 3,
    "many": 3,
    "multiple": 3,
    "numerous": 3,
    "scores of": 12,
    "dozens of": 12,
    "dozens": 12,
    "tens of": 12,
    "hundreds of": 100,
    "hundreds": 100,
    "thousands of": 1000,
    "thousands": 1000,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDNUM = (
    r"(?:(?:"
    + _TENS
    + r")[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted((re.escape(k) for k in _UNITS), key=len, reverse=True))
    + ")"
)
# a count, not a year ("2022"), a unit number ("battalion 101") or a decimal
_DIGITS = (
    r"(?<!\d)(?<![Bb]attalion )(?<![Bb]rigade )(?<![Dd]ivision )(?<![Rr]egiment )(?<![Nn]o\. )(?<!-)(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+)(?![.,]\d)"
    r"(?!\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b)"
)
_VAGUE_RX = "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
# one figure, possibly a range ("3-5", "three or four", "between 3 and 5": the lowest is taken)
_NUM = (
    r"(?:(?:at least|more than|over|nearly|almost|around|about|some|up to|an estimated|as many as|"
    r"approximately|roughly|between)\s+)?"
    r"(?:" + _DIGITS + "|" + _WORDNUM + "|" + _VAGUE_RX + r")"
    r"(?:\s*(?:-|to|or)\s*(?:\d+|" + _WORDNUM + r"))?"
)
_DEATH_VERB = (
    r"(?:(?:shot|stabbed|beaten|attacked|tortured|abducted|kidnapped|hacked|burned|raped) and (?:later )?killed|killed|dead|died|die|dies|slain|murdered|executed|lynched|beheaded|massacred|"
    r"shot dead|gunned down|burned to death|burnt to death|hacked to death|stabbed to death|"
    r"beaten to death|lost (?:their|his|her) li(?:ves|fe)|perished|succumbed|bodies (?:were )?(?:found|recovered))"
)
_KILL_VERB = r"(?:killing|killed|kills|kill|leaving|left|claiming the lives of|claimed the lives of|murdering|murdered|executing|executed|beheading|beheaded|shot dead|shooting dead|gunning down|gunned down|lynching|lynched|massacring|massacred)"
_NOUNISH = r"(?:(?!who\b|which\b|that\b)[\w'’-]+,?\s+){0,5}?"
# an active verb ("two gunmen shot dead a man") is not a count of the dead
_NOT_ACTIVE = r"(?!\s+(?:a|an|the|his|her|their|" + _NUM + r")(?![\w-]))"

# "five people were killed", "two soldiers killed", "3 dead"
_A = re.compile(
    r"(?<![\w-])("
    + _NUM
    + r")\s+"
    + _NOUNISH
    + r"(?:(?:were|was|have been|has been|had been|are|is|being|reportedly|allegedly|later|all)\s+)*"
    + _DEATH_VERB
    + r"(?![\w])"
    + _NOT_ACTIVE,
    re.I,
)
# "killing two police officers", "left 5 dead", "shot dead a civilian"
_B = re.compile(
    r"(?<![\w-])"
    + _KILL_VERB
    + r"\s+(?:at least\s+|more than\s+|about\s+|some\s+|around\s+|nearly\s+|over\s+)?("
    + _NUM
    + r")(?:\s+|$)(?!(?:kilo)?met(?:er|re)s?\b|km\b|times\b|days?\b|hours?\b|years?\b|minutes?\b|months?\b|weeks?\b|miles\b|%)",
    re.I,
)
_TOLL = re.compile(
    r"death toll\s+(?:\w+\s+){0,4}?(?:to|of|at|reached|hit|is|was|stands at|stood at|rose to|climbed to)\s+("
    + _NUM
    + r")",
    re.I,
)
_ACLED_REMARK = re.compile(
    r"(?:fatalities|fatality|casualties)\s+(?:were\s+|was\s+|is\s+|are\s+)?coded\s+as\s+(\d+|"
    + _WORDNUM
    + r")|"
    r"(?<![\w-])(\d+|" + _WORDNUM + r")\s+(?:reported\s+)?fatalit(?:y|ies)\b",
    re.I,
)
_ZERO = re.compile(
    r"\b(?:no (?:one|body) (?:was|were) (?:killed|hurt|injured)|no (?:reported )?(?:fatalities|casualties|deaths|"
    r"one died|lives were lost)|without (?:any )?casualties|nobody (?:was )?(?:killed|died)|no-one was killed|"
    r"fatalities unknown|no fatalit(?:y|ies) (?:were|was) reported)\b",
    re.I,
)
# singular deaths without a numeral: "he was killed", "the victim died", "shot dead a civilian"
_SINGLE = re.compile(
    r"\b(?:(?:he|she|(?:a|an|the) (?:(?!who\b|which\b|that\b|and\b)[\w'’-]+,? ){0,6}?(?:victim|man|woman|boy|girl|child|officer|soldier|driver|"
    r"teacher|farmer|journalist|leader|civilian|suspect|student|body|member|commander|person|worker|official|"
    r"policeman|trader|owner|resident|villager|chief|cleric|imam|priest|activist|guard|militant|fighter|[a-z]+er))"
    r"\s+(?:who\s+|that\s+)?(?:was|had been|has been)\s+"
    r"(?:\w+\s+){0,2}?(?:killed|murdered|shot dead|slain|executed|lynched|beheaded|found dead|stabbed to death|"
    r"beaten to death|burned to death)|(?:killed|killing|murdered|murdering|shot dead|gunned down|executed|"
    r"beheaded|lynched)\s+(?:him|her|(?:the|its|his|her) (?:victim|man|woman|boy|girl|child|driver|officer|soldier|leader))|"
    r"(?:he|she|the victim)\s+died)\b",
    re.I,
)
_AND_NUM = re.compile(r"\s*(?:[\w'’-]+,?\s+){0,4}?and\s+(" + _NUM + r")\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(\d+|[a-z]+)\s+and\s+(\d+|[a-z]+)\b", re.I)
_NOT_DEATH = re.compile(r"\b(?:injur|wound|hurt)", re.I)
_ALSO = re.compile(r"^\W*(?:also|separately|in another|another|in a separate|elsewhere|meanwhile)\b", re.I)
_SENT = re.compile(r"(?<=[.!?;])\s+")


def parse_number(s: str) -> int | None:
    """The lowest figure in a count phrase ("at least 5" 5, "3-5" 3, "dozens of" 12, "twenty-one" 21)."""
    s = s.lower().strip()
    s = re.sub(
        r"^(?:at least|more than|over|nearly|almost|around|about|some|up to|an estimated|as many as|"
        r"approximately|roughly|between)\s+",
        "",
        s,
    )
    for k in sorted(_VAGUE, key=len, reverse=True):
        if s == k or s.startswith(k + " "):
            return _VAGUE[k]
    first = (
        re.split(r"\s*(?:-(?=\s*\d)|\bto\b|\bor\b|\band\b)\s*", s)[0].strip()
        if not re.match(r"^(?:" + _TENS + r")-", s)
        else s
    )
    m = re.match(r"^\d[\d,]*", first)
    if m:
        try:
            return int(m.group(0).replace(",", ""))
        except ValueError:
            return None
    m = re.match(r"^(" + _TENS + r")[- ](one|two|three|four|five|six|seven|eight|nine)\b", first)
    if m:
        return _UNITS[m.group(1)] + _UNITS[m.group(2)]
    for k in sorted(_UNITS, key=len, reverse=True):
        if first == k or first.startswith(k + " "):
            return _UNITS[k]
    return None


def _sentence_count(sent: str) -> int | None:
    """Deaths reported by one sentence: the groups it names, added up."""
    spans: list[tuple[int, int, int]] = []
    sent = _BETWEEN.sub(r"\1-\2", sent)
    if _aggregate().search(sent):
        return None
    for rx in (_TOLL, _B, _A):
        for m in rx.finditer(sent):
            n = parse_number(m.group(1))
            if n is None:
                continue
            # "two people were injured and one killed": the figure must be about deaths
            between = sent[m.start(1) : m.end()]
            if rx is _A and _NOT_DEATH.search(between[len(m.group(1)) :]):
                continue
            # "thousands may die", "could kill dozens": a possibility, not a report
            before = re.search(r"(?:\S+\s+){0,2}$", sent[: m.start()])
            if _irrealis().search(
                between[len(m.group(1)) :] if rx is _A else before.group(0) if before else ""
            ):
                continue
            if rx is _B and re.match(r"\s*(?:injur|wound)", sent[m.end() :]):
                continue
            s, e = m.span(1)
            if re.search(r"\bno\s+$", sent[max(0, s - 4) : s], re.I):
                continue  # "no one was killed"
            if any(not (e <= a or s >= b) for a, b, _ in spans):
                continue
            if rx is _TOLL:
                return n
            spans.append((s, e, n))
            # conjoined groups: "three soldiers and two civilians were killed", "killing 3 police and 2 civilians"
            tail = sent[m.end(1) : m.end()] if rx is _A else sent[m.end() :]
            c = _AND_NUM.match(tail)
            if c and not _NOT_DEATH.match(tail[c.end() :]):
                n2 = parse_number(c.group(1))
                if n2:
                    off = (m.end(1) if rx is _A else m.end()) + c.start(1)
                    spans.append((off, off + len(c.group(1)), n2))
    if spans:
        return sum(n for _, _, n in spans)
    if _SINGLE.search(sent):
        return 1
    return None


# ACLED counts the deaths *of* an event: a protest over an earlier killing has none of its own.
_NO_OWN_DEATHS = ("Protests", "Strategic developments")


def fatalities(text: str, acled_event_type: str | None = None) -> int | None:
    """ACLED fatality count reported by `text`, or None when it reports no deaths.

    `acled_event_type` (optional): for Protests and Strategic developments only an explicit figure
    ("5 fatalities") counts, since deaths named in such reports are usually the grievance.
    """
    if not text:
        return None
    remark = _ACLED_REMARK.findall(text)
    if remark:
        n = parse_number(remark[-1][0] or remark[-1][1])
        if n is not None:
            return n
    if acled_event_type in _NO_OWN_DEATHS:
        return 0 if _ZERO.search(text) else None
    total: int | None = None
    for sent in _SENT.split(text):
        n = _sentence_count(sent)
        if n is None:
            continue
        if total is None:
            total = n
        elif _ALSO.search(sent):
            total += n
        else:
            total = max(total, n)
    if total is None and _ZERO.search(text):
        return 0
    return total
