"""The eventness model: a calibrated logistic regression over a candidate's hashed features,
its weights shipped as data/models/eventness.npz (trained by scripts/train_eventness.py on
sentences labelled by hand, training/eventness_labels.tsv)."""

from __future__ import annotations

from importlib import resources

import numpy as np

from eventdesk.code.eventness.featurize import features
from eventdesk.code.eventness.hashing import vector
from eventdesk.code.eventness.view import Candidate


class EventnessModel:
    """Logistic regression over hashed features; weights from data/models/eventness.npz.

    `probability` is calibrated: trained with the classes weighted to balance, the regression's own
    output overstates events, so a Platt scaling (`calibration` = (a, b), fitted by
    scripts/train_eventness.py on cross-validated predictions of the hand labels) maps its log-odds
    z to sigmoid(a * z + b), the share of such candidates that are real events of their type. The
    threshold is in the same units."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: float,
        threshold: float,
        calibration: tuple[float, float] = (1.0, 0.0),
    ) -> None:
        self.w = weights
        self.b = bias
        self.threshold = threshold
        self.calibration = calibration

    @classmethod
    def shipped(cls) -> EventnessModel | None:
        """The weights eventdesk ships (None when the file is absent); eventdesk.resources keeps them."""
        path = resources.files("eventdesk").joinpath("data", "models", "eventness.npz")
        if not path.is_file():
            return None
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as z:
            cal = tuple(float(x) for x in z["calibration"]) if "calibration" in z.files else (1.0, 0.0)
            return cls(z["w"].astype(np.float64), float(z["b"]), float(z["threshold"]), cal)  # type: ignore[arg-type]

    def raw(self, c: Candidate) -> float:
        """The regression's log-odds for the candidate (before calibration)."""
        cols, vals = vector(features(c))
        return float(self.w[cols] @ vals) + self.b

    def probability(self, c: Candidate) -> float:
        """Calibrated probability that the candidate is a real event of its type (0..1, rising with
        the regression's own probability: the calibration slope is positive)."""
        a, b = self.calibration
        return float(1.0 / (1.0 + np.exp(-(a * self.raw(c) + b))))
