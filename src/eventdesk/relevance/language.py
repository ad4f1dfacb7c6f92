"""Which language an article is written in (ISO 639-1), offline.

First the short-word test (Grefenstette 1995): in English prose, English function words ("the",
"of", "was", "which": data/relevance/english_function_words.txt) are a large share of the words,
and nearly absent from other languages. A text that passes it is English without loading any
model, so an English-only run pays nothing. Every other text goes to py3langid (a maintained fork
of langid.py, Lui & Baldwin 2012: byte n-gram naive Bayes over 97 languages), whose model ships
inside the package (nothing is fetched at run time); it loads once per process (2-4 s) and then
classifies an article in a few milliseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eventdesk.data import lines

if TYPE_CHECKING:
    from eventdesk.resources import Resources

MAX_CHARS = 3000  # enough text to be sure; keeps very long articles cheap
MIN_LETTERS = 20  # below this there is too little text to tell: language unknown (None)
# A short or name-heavy English text (an ACLED-style note: dates, places, "forces shelled") can
# look a little more like an English-based creole. When no language reaches this probability and
# English is the runner-up, the text is taken as English, eventdesk's working language.
SURE = 0.5
# Short-word test: at least this many words, this share of them English function words. English
# news prose has 0.2-0.4 (BBC corpus: above 0.11 in every article); French, German, Spanish or
# Dutch text has about 0. Texts below either bar go to the statistical model.
SHORT_WORDS_MIN = 30
SHORT_WORDS_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return frozenset(lines("relevance/english_function_words.txt"))


def english_share(text: str) -> tuple[float, int]:
    """(share of English function words among the words, number of words) of a text."""
    words = _WORD.findall(text.lower())
    known = _english_words()
    return sum(w in known for w in words) / max(len(words), 1), len(words)


def load_identifier() -> Any:
    """py3langid's model (2-4 s to load); eventdesk.resources keeps it, loaded on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def too_little_text(text: str) -> bool:
    """Too few letters to tell a language: `detect` gives None (no models needed to know it)."""
    return sum(ch.isalpha() for ch in (text or "")[:MAX_CHARS]) < MIN_LETTERS


def detect(text: str, res: Resources) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's language; (None, 0.0) for too little text. A text
    that passes the short-word test is English with its function-word share as the probability."""
    sample = (text or "")[:MAX_CHARS]
    if too_little_text(sample):
        return None, 0.0
    share, n = english_share(sample)
    if n >= SHORT_WORDS_MIN and share >= SHORT_WORDS_SHARE:
        return "en", share
    ranked = res.language_identifier.rank(sample)  # loaded on first use: English-only runs never do
    (lang, p), (second, p2) = ranked[0], ranked[1]
    if p < SURE and second == "en":
        return "en", float(p2)
    return str(lang), float(p)
