"""Which language an article is written in (ISO 639-1), offline.

py3langid (a maintained fork of langid.py, Lui & Baldwin 2012: byte n-gram naive Bayes over 97
languages) ships its model inside the package; nothing is fetched at run time. The model loads once
per process (about 2 s) and then classifies an article in a few milliseconds.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MAX_CHARS = 3000  # enough text to be sure; keeps very long articles cheap
MIN_LETTERS = 20  # below this there is too little text to tell: language unknown (None)
# A short or name-heavy English text (an ACLED-style note: dates, places, "forces shelled") can
# look a little more like an English-based creole. When no language reaches this probability and
# English is the runner-up, the text is taken as English, eventdesk's working language.
SURE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text's language; (None, 0.0) for too little text."""
    sample = (text or "")[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    ranked = _identifier().rank(sample)
    (lang, p), (second, p2) = ranked[0], ranked[1]
    if p < SURE and second == "en":
        return "en", float(p2)
    return str(lang), float(p)
