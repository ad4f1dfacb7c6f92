"""Bytes -> text, never crashing: UTF-8 first, then per-line cp1252 fallback for mixed files."""

from __future__ import annotations

import codecs

_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]


class Decoded(str):
    """A str that remembers how it was decoded (for messages)."""

    encoding: str = "utf-8"
    fallback_lines: int = 0


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first bytes: not text we can read."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(head) > 0.05


def decode(data: bytes) -> Decoded:
    """Decode text bytes. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are.

    Anything else is decoded line by line: UTF-8 where a line is valid UTF-8, else cp1252 (the
    usual culprit in news archives: a pound sign or curly quote saved by Windows), else latin-1,
    which cannot fail. So a file mixing encodings keeps every character of every line.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            out = Decoded(data[len(bom) :].decode(enc, errors="replace"))
            out.encoding = enc
            return out
    try:
        out = Decoded(data.decode("utf-8"))
        out.encoding = "utf-8"
        return out
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    fallback = 0
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            fallback += 1
            try:
                parts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(line.decode("latin-1"))
    out = Decoded("".join(parts))
    out.encoding = "utf-8+cp1252" if fallback < len(parts) else "cp1252"
    out.fallback_lines = fallback
    return out
