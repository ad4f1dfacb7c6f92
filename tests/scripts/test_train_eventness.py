"""Record labels as extra supervision of the eventness gate (scripts/train_eventness.py): only their study
halves are read, and an example's weight scales its loss; label rows written here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse

from tests.support.scripts import load_script

train = load_script("train_eventness")
corpus = load_script("eventness_corpus")


def _key(half: str, n: int = 0) -> str:
    """The n-th article key of the form bbc/politics/NNN.txt in that half (md5 of the key)."""
    keys = (f"bbc/politics/{i:03d}.txt" for i in range(1000))
    return [k for k in keys if corpus.half(k) == half][n]


def _write(path: Path, rows: list[tuple]) -> Path:
    lines = [
        "# key\tsentence_start\tsentence_end\ttrigger_start\ttrigger_end\tevent_type\tlabel\tclass\tsha1"
    ]
    lines += ["\t".join(str(x) for x in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_record_labels_study_half_only(tmp_path: Path) -> None:
    study, held = _key("study"), _key("held")
    path = _write(
        tmp_path / "record_labels.tsv",
        [
            (study, 0, 40, 8, 16, "ASSAULT", "event", "-", "aaaaaaaaaa"),
            (study, 41, 90, 50, 55, "CONSULT", "none", "gen", "bbbbbbbbbb"),
            (study, 91, 130, 95, 101, "AGREE", "duplicate", "-", "cccccccccc"),
            (study, 131, 170, 140, 146, "ACCUSE", "type:REJECT", "-", "dddddddddd"),
            (held, 0, 40, 8, 16, "ASSAULT", "none", "stat", "eeeeeeeeee"),
        ],
    )
    rows = train.read_record_labels(path)
    assert {r["key"] for r in rows} == {study}  # the held half is never read
    assert [r["label"] for r in rows] == ["event", "none", "event", "type:REJECT"]
    assert rows[0]["sent"] == (0, 40) and rows[0]["trig"] == (8, 16) and rows[0]["hash"] == "aaaaaaaaaa"


def test_weight_scales_an_example() -> None:
    # two identical feature rows with opposite labels: the heavier one pulls the prediction its way
    X = sparse.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]))
    y = np.array([1, 0, 1, 0])
    w1, b1 = train.fit(X, y, 1.0)
    same, _ = train.fit(X, y, 1.0, np.ones(4))
    assert np.allclose(w1, same)
    heavy, b2 = train.fit(X, y, 1.0, np.array([5.0, 1.0, 1.0, 1.0]))
    assert train.predict(X[:1], heavy, b2)[0] > train.predict(X[:1], w1, b1)[0] + 0.1
