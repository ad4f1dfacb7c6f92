"""The shipped vocabularies, gazetteer tables and models, and the one way to read a word list.

Every word list and table here is a text file whose header lines start with "#" and say where the
entries come from (PLOVER manual, ACLED codebook, a linguistics reference, a script that generated
it). Stages read them through `lines` and `rows`, so the header convention is kept in one place and
each file is read once per process (the results are cached and immutable).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["DATA", "data_path", "lines", "rows"]

DATA = Path(__file__).resolve().parent


def data_path(relpath: str) -> Path:
    """The path of a shipped data file, `relpath` relative to this folder ("geo/countries.tsv")."""
    return DATA / relpath


@cache
def lines(relpath: str) -> tuple[str, ...]:
    """The entries of a word list: every line that is not blank and does not start with "#",
    stripped of surrounding white space, in file order."""
    with open(data_path(relpath), encoding="utf-8") as f:
        return tuple(ln.strip() for ln in f if ln.strip() and not ln.startswith("#"))


@cache
def rows(relpath: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated table: its entry lines (as `lines` chooses them) split on tabs,
    each cell as written (only the line ending removed)."""
    with open(data_path(relpath), encoding="utf-8") as f:
        return tuple(
            tuple(ln.rstrip("\r\n").split("\t")) for ln in f if ln.strip() and not ln.startswith("#")
        )
