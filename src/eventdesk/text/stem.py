"""The crude suffix stem the learned models' features use (eventness gate, type chooser, ACLED
sub-type classifier): one stem for "attacked", "attacks" and "attacking", digits as one token.
Shipped weights were trained on these exact stems, so changing it means retraining them."""

from __future__ import annotations


def stem(w: str) -> str:
    """`w` lower-cased (typographic apostrophe folded), less one of -ing, -ed, -es, -s when three
    letters stay; any number is "<num>"."""
    w = w.lower().replace("’", "'")
    if w.isdigit():
        return "<num>"
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w
