"""A learned second opinion on the PLOVER type of a coded clause (issue 11: wrong types on unseen news).

The type rules (code/type_choice.py) read the clause's parse; each was written from a definition, but
on articles they were not written on they miss readings (realnews held half: most wrong types). This
module is a multinomial logistic regression that predicts the PLOVER type of a candidate event from
what its words say, never from the type the rules gave it: the trigger and its neighbours, the
clause role, the participants' sectors, the sentence's words (the eventness gate's features,
code/eventness.features, with every feature that names the type left out) and the types the trigger
lexicon finds in the sentence.

It only second-guesses the lexicon's own reading of the trigger (a type a rule gave against the
lexicon was decided by a definition, and stays), and it may only choose among the readings the words support: the types of the trigger lexicon's entries
(code/lexicon.py, every entry, before overlaps are resolved) that match in the sentence, and the
rules' own type. The rules' type stays unless the model prefers another allowed type by a margin of
log-odds (`TypeModel.margin`, chosen by grouped cross-validation on the hand labels). Weights ship as
data/models/type_model.npz, trained by scripts/train_type_model.py on the hand labels of
training/ (their study halves only where a label set also scores the coder); setting
code.type_model = false turns it off.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from eventdesk.code.eventness import Candidate, candidates, features
from eventdesk.code.eventness.hashing import N_BITS, vector  # the eventness model's hashing, shared
from eventdesk.records import PLOVER_TYPES

# features of code/eventness.features that carry the candidate's own type (or the coder's score and
# ACLED sub-type, which follow from it): left out, so the model reads the words, not the rules' answer
_TYPED = (
    "t=",
    "tt=",
    "tp1=",
    "tn1=",
    "ttn=",
    "twhen=",
    "tlist=",
    "tearlier=",
    "tdep=",
    "ttpos=",
    "ttag=",
    "tsubj=",
    "tmod=",
    "tas=",
    "trs=",
    "ta_proper=",
    "tr_proper=",
    "conf=",
    "acled=",
)


@cache
def _lexicon_entries() -> tuple[Any, ...]:
    from eventdesk.code.lexicon import _lexicon

    return _lexicon()


def _span(c: Candidate) -> tuple[int, int]:
    """The trigger's offsets in the sentence (0, 0 when unknown)."""
    if not c.trigger:
        return 0, 0
    n = len(c.sentence)
    a, b = c.trigger[0] - c.sentence_start, c.trigger[1] - c.sentence_start
    return max(0, min(a, n)), max(0, min(b, n))


def lexicon_types(c: Candidate) -> tuple[frozenset[str], frozenset[str]]:
    """(types of lexicon entries matching over the trigger, types of entries matching anywhere in the
    sentence). Every entry counts, before the lexicon resolves overlaps: a word listed for two types
    ("agreed to meet": AGREE and CONSULT) supports both readings."""
    a, b = _span(c)
    at, anywhere = set(), set()
    for e in _lexicon_entries():
        for m in e.regex.finditer(c.sentence):
            anywhere.add(e.event_type)
            s, t = m.span()
            if s < b and a < t:
                at.add(e.event_type)
    return frozenset(at), frozenset(anywhere)


def allowed_types(c: Candidate) -> frozenset[str]:
    """The types the model may give: the rules' type and every type the lexicon finds in the sentence."""
    return frozenset({c.event_type}) | lexicon_types(c)[1]


def rules_default(c: Candidate) -> bool:
    """The rules' type is one the lexicon gives the trigger itself (no type rule overrode the lexicon)."""
    return c.event_type in lexicon_types(c)[0]


def type_features(c: Candidate) -> dict[str, float]:
    """Named features of a candidate that do not depend on the type the rules gave it."""
    f = {k: v for k, v in features(replace(c, event_type="?")).items() if not k.startswith(_TYPED)}
    at, anywhere = lexicon_types(c)
    for t in at:
        f["lex_at=" + t] = 1.0
    for t in anywhere:
        f["lex_in=" + t] = 1.0
    return f


class TypeModelError(ValueError):
    """A type model weights file that cannot be used (named in the message, with what is wrong)."""


class TypeModel:
    """Multinomial logistic regression over hashed features: one row of weights per PLOVER type.

    `scores(c)` are the log-odds of each type (up to a constant); `choose(c)` the type to store."""

    def __init__(self, types: list[str], weights: np.ndarray, bias: np.ndarray, margin: float) -> None:
        self.types = list(types)
        self.w = weights
        self.b = bias
        self.margin = margin
        self.index = {t: i for i, t in enumerate(self.types)}

    @classmethod
    def load(cls, source: str | Path | BinaryIO, name: str = "") -> TypeModel:
        """Weights from an .npz file (arrays types, w, b, margin); a file that is not one, or whose
        arrays disagree, raises TypeModelError naming it and what is wrong."""
        name = name or str(source)
        try:
            with np.load(source, allow_pickle=False) as z:
                missing = [k for k in ("types", "w", "b", "margin") if k not in z.files]
                if missing:
                    raise TypeModelError(f"type model {name}: missing arrays {', '.join(missing)}")
                types = [str(t) for t in z["types"]]
                w, b, margin = z["w"].astype(np.float64), z["b"].astype(np.float64), float(z["margin"])
        except TypeModelError:
            raise
        except Exception as e:  # not an npz, truncated, pickled objects
            raise TypeModelError(f"type model {name}: not a weights file ({e})") from e
        unknown = sorted(set(types) - set(PLOVER_TYPES))
        if unknown:
            raise TypeModelError(f"type model {name}: unknown types {', '.join(unknown)}")
        if w.shape != (len(types), 1 << N_BITS) or b.shape != (len(types),):
            raise TypeModelError(
                f"type model {name}: weights of shape {w.shape} and bias {b.shape} for {len(types)} types "
                f"and {1 << N_BITS} features"
            )
        if not (np.isfinite(w).all() and np.isfinite(b).all() and np.isfinite(margin) and margin >= 0):
            raise TypeModelError(f"type model {name}: weights or margin not finite, or a negative margin")
        return cls(types, w, b, margin)

    @classmethod
    def shipped(cls) -> TypeModel | None:
        """The weights eventdesk ships (None when the file is absent); eventdesk.resources keeps them."""
        path = resources.files("eventdesk").joinpath("data", "models", "type_model.npz")
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            return cls.load(fh, "data/models/type_model.npz")

    def scores(self, c: Candidate) -> np.ndarray:
        """Log-odds of each type in `self.types` (up to a shared constant)."""
        cols, vals = vector(type_features(c))
        return self.w[:, cols] @ vals + self.b

    def choose(self, c: Candidate) -> str:
        """The rules' type, unless it is the lexicon's own reading of the trigger and the model prefers
        another allowed type by at least the margin. A type a rule of code/type_choice.py gave against
        the lexicon was decided by a definition there, and stays."""
        if c.event_type not in self.index or not rules_default(c):
            return c.event_type
        s = self.scores(c)
        best = max(
            (t for t in allowed_types(c) if t in self.index), key=lambda t: s[self.index[t]], default=None
        )
        if best is None or best == c.event_type:
            return c.event_type
        return best if s[self.index[best]] - s[self.index[c.event_type]] >= self.margin else c.event_type


def retype(
    events: list[Any],
    body: str,
    config: dict[str, Any] | None,
    model: TypeModel | None,
    acled: Any = None,
    genre: str | None = None,
    keep: Any = None,
) -> list[Any]:
    """Give each event (records.Event, one article's) the type the model chooses, with that type's
    codes (CAMEO, Goldstein, ACLED: code/sentence.guess_of_type); the rules' type is kept in
    extra["rule_type"] when it changes. No model, or code.type_model false: nothing changes.
    `keep`: a short report's main event, whose type the document classifier's reading of the whole
    text confirms (code/assemble.py), keeps it: two readings agree, the model is a third."""
    from eventdesk.config import setting

    if model is None or not events or not setting(config or {}, "code.type_model"):
        return events
    from eventdesk.code.lexicon import Hit
    from eventdesk.code.sentence import acled_sub_type, guess_of_type

    for ev, c in zip(events, candidates(events, len(body), genre), strict=True):
        if ev is keep:
            continue
        new = model.choose(c)
        if new == ev.event_type or not c.trigger:
            continue
        hit = Hit(new, None, "", ev.confidence, None, c.trigger[0], c.trigger[1], 0)
        sub = acled_sub_type(new, hit, body, acled) if acled is not None else None
        g = guess_of_type(body, new, ev.confidence, sub, ev.extra.get("case_label"))
        ev.extra["rule_type"] = ev.event_type
        ev.event_type = new
        ev.mode = g.mode
        ev.acled_event_type = g.acled_event_type
        ev.acled_sub_event_type = g.acled_sub_event_type
        ev.cameo_root = g.cameo_root
        ev.goldstein = g.goldstein
    return events
