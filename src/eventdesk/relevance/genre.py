"""News, opinion or analysis: the genre of an article, from features with a documented source.

1. A label the publisher gave it: a URL path segment or a headline kicker naming the genre
   (data/relevance/genre_labels.tsv, from the IPTC genre NewsCodes and newsroom section names).
2. Otherwise the author's voice, outside quotation marks (quoted words are someone else's):
   opinion = the author speaks as "I" or addresses the reader ("you") - Biber's (1988) "involved"
   features; analysis = the author reasons in their own voice (private verbs, necessity modals,
   hedges, amplifiers: Biber's "overt persuasion" and stance features) more than they attribute
   words to sources (said, told, according to: news narration, Bell 1991).
   Rates are per 1,000 words of unquoted text (data/relevance/stance_words.tsv).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

DATA = Path(__file__).resolve().parents[1] / "data" / "relevance"
GENRES = ("news", "opinion", "analysis", "other")

# Rates per 1,000 unquoted words (see module doc). A news report has almost no first/second person
# outside quotes; a column has several per paragraph.
OPINION_INVOLVED = 8.0
ANALYSIS_STANCE = 9.0
MIN_WORDS = 60  # shorter texts (briefs, notes) are too short to hear an author's voice: news

_WORD = re.compile(r"[a-z][a-z'\u2019]*")
_KICKER = re.compile(r"^\s*([A-Za-z][A-Za-z \-]{1,24})\s*[:|]\s")


def _lines(name: str) -> list[list[str]]:
    out = []
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.append(line.rstrip("\n").split("\t"))
    return out


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {label: genre for label, genre in _lines("genre_labels.tsv")}


@lru_cache(maxsize=1)
def _stance() -> dict[str, str]:
    return {word: cat for cat, word in _lines("stance_words.tsv")}


def labelled_genre(title: str, url: str | None) -> str | None:
    """The genre the publisher labelled the article with (URL section, headline kicker), if any."""
    labels = _labels()
    if url:
        for seg in urlparse(url).path.lower().split("/"):
            if seg in labels:
                return labels[seg]
    m = _KICKER.match(title or "")
    if m:
        return labels.get(m.group(1).strip().lower().replace(" ", "-"))
    return None


def unquoted(body: str) -> str:
    """The text outside quotation marks. A straight quote opens when it follows a space (or starts
    the line) and is followed by a letter, and closes otherwise (the "smart quotes" rule); a quote
    that runs on into a new paragraph or sentence reopens without closing (news style), and a
    paragraph end closes it."""
    out = []
    for para in body.split("\n"):
        inside = False
        start = 0
        for i, ch in enumerate(para):
            if ch not in '"\u201c\u201d':
                continue
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < len(para) else " "
            opening = ch == "\u201c" or (
                ch == '"' and (before.isspace() or before in "([-\u2014") and not after.isspace()
            )
            if opening and not inside:
                out.append(para[start:i])
                inside = True
            elif not opening and inside:
                inside = False
                start = i + 1
        if not inside:
            out.append(para[start:])
        out.append("\n")
    return " ".join(out)


def voice(body: str) -> dict[str, float]:
    """Per-1,000-word rates of the stance categories in the unquoted text, plus `words`."""
    unquoted_text = unquoted(body)
    words = [w.replace("\u2019", "'") for w in _WORD.findall(unquoted_text.lower())]
    cats = _stance()
    c = Counter(cats[w] for w in words if w in cats)
    n = max(len(words), 1)
    out = {k: 1000.0 * v / n for k, v in c.items()}
    out["words"] = float(len(words))
    return out


def genre(title: str, body: str, url: str | None = None) -> str:
    """news, opinion, analysis, or other (no text to judge)."""
    if not (body or "").strip():
        return "other"
    label = labelled_genre(title, url)
    if label:
        return label
    v = voice(body)
    if v["words"] < MIN_WORDS:
        return "news"
    involved = v.get("first", 0.0) + v.get("second", 0.0)
    stance = v.get("private", 0.0) + v.get("modal", 0.0) + v.get("hedge", 0.0) + v.get("amplifier", 0.0)
    if involved >= OPINION_INVOLVED:
        return "opinion"
    if stance >= ANALYSIS_STANCE and stance > v.get("report", 0.0):
        return "analysis"
    return "news"
