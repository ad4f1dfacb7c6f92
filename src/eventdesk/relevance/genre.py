"""News, opinion or analysis: the genre of an article, from features with a documented source.

1. A label the publisher gave it: a URL path segment or a headline kicker naming the genre
   (data/relevance/genre_labels.tsv, from the IPTC genre NewsCodes and newsroom section names).
2. Otherwise the author's voice, outside quotation marks (quoted words are someone else's). A news
   report narrates and attributes: words of saying (said, told, according to) and dates (Bell
   1991), much of its text quoted. Commentary and analysis speak in the author's voice: Biber's
   (1988) "involved" and "overt persuasion" features (first person, private verbs, necessity
   modals, hedges, amplifiers), attitude markers (evaluative words: Hyland 2005; Martin & White
   2005) and rhetorical questions. Rates per 1,000 words of unquoted text (word lists:
   data/relevance/stance_words.tsv) feed a logistic model, commentary vs news
   (data/relevance/genre_model.tsv, trained by scripts/train_genre.py on hand-labelled corpus
   articles, training/genre_labels.tsv); commentary is opinion when the author speaks as "I" or
   addresses the reader ("you"), else analysis.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlparse

from eventdesk.data import data_path, rows

DATA = data_path("relevance")
GENRES = ("news", "opinion", "analysis", "other")

# Rates per 1,000 unquoted words (see module doc). A news report has almost no first/second person
# outside quotes; a column has several per paragraph.
OPINION_INVOLVED = 8.0
MIN_WORDS = 60  # shorter texts (briefs, notes) are too short to hear an author's voice: news
# the model's features, in the order of data/relevance/genre_model.tsv (rates are log1p'd)
FEATURES = (
    "first", "we", "second", "private", "modal", "hedge", "amplifier", "evaluative", "report", "time",
    "question", "quoted",
)  # fmt: skip

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_KICKER = re.compile(r"^\s*([A-Za-z][A-Za-z \-]{1,24})\s*[:|]\s")


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    return {label: genre for label, genre in rows("relevance/genre_labels.tsv")}


@lru_cache(maxsize=1)
def _stance() -> dict[str, str]:
    return {word: cat for cat, word in rows("relevance/stance_words.tsv")}


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
    """Per-1,000-word rates of the stance categories in the unquoted text, plus `words`,
    `question` (question marks per 1,000 unquoted words) and `quoted` (per cent of the words
    inside quotation marks)."""
    unquoted_text = unquoted(body)
    # an acronym is no pronoun ("US" is not "us"); "I" is one letter
    words = [
        w.replace("\u2019", "'").lower()
        for w in _WORD.findall(unquoted_text)
        if not (w.isupper() and len(w) > 1)
    ]
    cats = _stance()
    c = Counter(cats[w] for w in words if w in cats)
    n = max(len(words), 1)
    out = {k: 1000.0 * v / n for k, v in c.items()}
    out["words"] = float(len(words))
    out["question"] = 1000.0 * unquoted_text.count("?") / n
    out["quoted"] = 100.0 * max(0.0, 1.0 - len(unquoted_text.split()) / max(len(body.split()), 1))
    return out


# the categories of stance_words.tsv in which the author speaks in their own voice
STANCE = frozenset({"first", "we", "second", "private", "modal", "hedge", "amplifier", "evaluative"})
_PREDICTION = frozenset({"would", "could", "might", "may", "will", "can", "won't", "wouldn't", "couldn't"})


def stance_marked(sentence: str) -> bool:
    """The sentence shows the author's stance: a word of a stance category (first or second person,
    private verb, modal, hedge, amplifier, evaluative word), a modal of prediction or possibility,
    or a question (Biber 1988; Hyland 2005)."""
    if "?" in sentence:
        return True
    cats = _stance()
    for w in _WORD.findall(sentence):
        if w.isupper() and len(w) > 1:
            continue  # "US" is no pronoun
        w = w.replace("\u2019", "'").lower()
        if cats.get(w) in STANCE or w in _PREDICTION:
            return True
    return False


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float, float]:
    """Weights of the commentary-vs-news model, its bias and its threshold."""
    weights: dict[str, float] = {}
    bias = threshold = 0.0
    for n, row in enumerate(rows("relevance/genre_model.tsv"), 1):
        if len(row) != 2:
            raise ValueError(f"{DATA / 'genre_model.tsv'}: row {n}: expected name<TAB>number")
        name, value = row[0], float(row[1])
        if name == "bias":
            bias = value
        elif name == "threshold":
            threshold = value
        elif name in FEATURES:
            weights[name] = value
        else:
            raise ValueError(f"{DATA / 'genre_model.tsv'}: row {n}: unknown feature {name!r}")
    return weights, bias, threshold


def commentary_probability(v: dict[str, float]) -> float:
    """The model's probability that a text with these voice rates (`voice`) is commentary or
    analysis rather than a news report."""
    weights, bias, _ = _model()
    z = bias + sum(w * math.log1p(v.get(f, 0.0)) for f, w in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


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
    if involved >= OPINION_INVOLVED:
        return "opinion"
    return "analysis" if commentary_probability(v) >= _model()[2] else "news"
