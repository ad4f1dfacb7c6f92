"""Bytes -> text, never crashing (issue 15: byte order mark first, then what the file declares,
then UTF-8, then detection).

1. A byte order mark decides: UTF-8, UTF-16 and UTF-32 in both byte orders (UTF-32 LE is tested
   before UTF-16 LE: its mark starts with UTF-16 LE's).
2. UTF-16/32 without a mark is told by its NUL bytes (a guess); then valid UTF-8 is taken as it is.
3. A charset the file declares (`<meta charset=...>`, `<?xml encoding=...?>`) is used.
4. Anything else by charset-normalizer. A
   multi-byte encoding it finds (GB18030, Big5, Shift-JIS, EUC-KR...) is used; otherwise the file is
   decoded line by line: UTF-8 where a line is valid UTF-8, else cp1252 (the usual culprit in news
   archives: a pound sign or curly quote saved by Windows), which keeps every line of a file that
   mixes encodings.

Steps 2 (no mark) and 4 are guesses: `Decoded.guess` then says what was guessed, and the reader reports it as a
problem naming the file.
"""

from __future__ import annotations

import codecs
import re

# Longest first: UTF-32 LE's mark begins with UTF-16 LE's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,40})""",
    re.I,
)
# Encodings whose bytes charset-normalizer tells apart reliably (several bytes per character);
# single-byte code pages look alike and are left to the per-line cp1252 fallback.
_MULTIBYTE = (
    "gb",
    "big5",
    "shift_jis",
    "cp932",
    "euc",
    "cp949",
    "iso2022",
    "hz",
    "johab",
    "cp950",
    "utf_16",
    "utf_32",
)


class Decoded(str):
    """A str that remembers how it was decoded (for messages)."""

    encoding: str = "utf-8"
    fallback_lines: int = 0
    guess: str | None = None  # what was guessed, for a problem naming the file; None when certain


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the mark) when the bytes start with a byte order mark."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def nul_pattern_encoding(head: bytes) -> str | None:
    """UTF-16/32 without a byte order mark: ASCII text leaves NULs at fixed positions."""
    n = len(head) - len(head) % 4
    if n < 16:
        return None
    h = head[:n]
    zeros = [sum(1 for i in range(k, n, 4) if h[i] == 0) / (n / 4) for k in range(4)]
    if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.5:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] < 0.5:
        return "utf-32-be"
    odd = (zeros[1] + zeros[3]) / 2
    even = (zeros[0] + zeros[2]) / 2
    if odd > 0.7 and even < 0.3:
        return "utf-16-le"
    if even > 0.7 and odd < 0.3:
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first bytes: not text we can read."""
    if not head:
        return False
    if bom_encoding(head) or nul_pattern_encoding(head):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def _make(text: str, encoding: str, guess: str | None = None) -> Decoded:
    out = Decoded(text)
    out.encoding = encoding
    out.guess = guess
    return out


def decode(data: bytes) -> Decoded:
    """Decode text bytes (see the module docstring for the order of the rules)."""
    if found := bom_encoding(data):
        enc, n = found
        return _make(data[n:].decode(enc, errors="replace"), enc)
    if b"\x00" in data[:4096] and (enc := nul_pattern_encoding(data[:4096])):  # NULs are valid UTF-8
        return _make(data.decode(enc, errors="replace"), enc, f"{enc} without a byte order mark")
    try:
        return _make(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
        try:
            codecs.lookup(name)
            if not name.replace("-", "").startswith("utf8"):
                return _make(data.decode(name, errors="replace"), name)
        except LookupError:
            pass
    detected = _detect(data)
    if detected:
        return _make(
            data.decode(detected, errors="replace"), detected, f"{detected} (detected from the content)"
        )
    parts: list[str] = []
    fallback = 0
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            fallback += 1
            parts.append(
                line.decode("cp1252", errors="strict") if _cp1252_ok(line) else line.decode("latin-1")
            )
    out = _make("".join(parts), "utf-8+cp1252" if fallback < len(parts) else "cp1252")
    out.fallback_lines = fallback
    out.guess = f"cp1252 for {fallback:,} line{'s' if fallback != 1 else ''} that are not UTF-8"
    return out


def _cp1252_ok(line: bytes) -> bool:
    try:
        line.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _detect(data: bytes) -> str | None:
    """A multi-byte encoding charset-normalizer is sure of, else None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency, but decoding must never fail
        return None
    sample = data[:65536]
    # Western text in a single-byte code page has few bytes over 0x7f (a pound sign, a quote); CJK
    # and other multi-byte text is mostly such bytes. Below that share, detection guesses at noise.
    if len(sample) < 32 or sum(b > 0x7F for b in sample) < 0.2 * len(sample):
        return None
    best = from_bytes(sample, steps=4, chunk_size=4096).best()
    if best is None:
        return None
    enc = best.encoding.lower()
    if enc in ("gb2312", "gbk"):
        enc = "gb18030"
    return enc if enc.startswith(_MULTIBYTE) else None
