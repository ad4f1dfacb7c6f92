"""Does a line look like a headline? The shape test that segment splits dumps with and read cuts
long dumps with (so both cut where an article starts)."""

from __future__ import annotations

import re

_INNER_SENTENCE = re.compile(r"[.!?][\"'’”]?\s+[A-Z]")  # two sentences on one line: prose, not a headline
_LIST_MARK = re.compile(r"^(?:[-*•·–—]|\d+[.)])\s")


# Sentence-final and clause punctuation: Latin, and the CJK full-width forms (Unicode CJK Symbols
# and Punctuation / Halfwidth and Fullwidth Forms blocks).
_LINE_END_PUNCT = (".", ",", ";", ":", "。", "，", "；", "：", "、")


def _title_initial(ch: str) -> bool:
    """A headline starts with a capital, a digit or a quote; in scripts without letter case
    (Chinese, Japanese, Arabic, Hebrew, Thai...) any letter can start one."""
    if ch.isupper() or ch.isdigit() or ch in "'\"‘“「『":
        return True
    return ch.isalpha() and not ch.islower() and ch.upper() == ch.lower()


def headline_like(line: str) -> bool:
    """Could `line` be a headline: short, not ending like a sentence or clause, not a list item,
    not two sentences, starting as a title does? Segment opens an article at such a line (when the
    page prints it twice); read cuts a long dump before one."""
    words = line.split()
    return (
        1 <= len(words) <= 25
        and len(line) <= 220
        and not line.endswith(_LINE_END_PUNCT)
        and not _LIST_MARK.match(line)
        and not _INNER_SENTENCE.search(line)
        and _title_initial(line[0])
    )
