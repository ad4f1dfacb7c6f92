"""Name keys: how a place name is compared (accents, case, punctuation and "St."/"Saint" folded)."""

from __future__ import annotations

import re
import unicodedata

# Latin letters that NFKD does not split into base letter + accent (stdlib only: no GPL unidecode).
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŋ": "n",
        "ŧ": "t",
        "ĸ": "k",
        "ə": "e",
        "Ə": "e",
    }
)


def unidecode(s: str) -> str:
    """ASCII folding of Latin text: accents dropped, special letters spelled out, other marks removed."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s.translate(_LETTERS))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()


_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Abbreviations written either way in news and in GeoNames ("St. Louis" / "Saint Louis").
_ABBR = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


def key(name: str) -> str:
    """The lookup key of a name: ASCII, lower case, words separated by one space.

    Apostrophes vanish rather than split ("Sana'a" -> "sanaa"), hyphens split ("Al-Jaili" -> "al jaili").
    """
    s = unicodedata.normalize("NFKC", name)
    s = s.replace("'", "").replace("\u2019", "").replace("\u2018", "").replace("`", "").replace("\u02bf", "")
    s = s.replace("\u02bc", "")
    s = unidecode(s).lower().replace("'", "").replace("`", "")
    words = _NON_ALNUM.sub(" ", s).split()
    if words and words[0] in _ABBR:
        words[0] = _ABBR[words[0]]
    return " ".join(words)


def is_latin(name: str) -> bool:
    """True when every letter is Latin (names in other scripts are never matched in English text)."""
    if name.isascii():
        return True
    return all(not (ch.isalpha() and ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF) for ch in name)
