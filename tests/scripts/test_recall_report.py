"""scripts/recall_report.py: the study/held split of the hand-label sets."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from recall_report import in_half  # noqa: E402


def test_label_sets_split_by_the_last_hex_digit_of_the_md5_of_the_key():
    keys = [f"corpus.jsonl#article-{i}" for i in range(40)]
    study = [k for k in keys if in_half(k, "study")]
    held = [k for k in keys if in_half(k, "held")]
    assert set(study) | set(held) == set(keys) and not set(study) & set(held)
    assert all(hashlib.md5(k.encode()).hexdigest()[-1] in "01234567" for k in study)
    assert all(hashlib.md5(k.encode()).hexdigest()[-1] in "89abcdef" for k in held)
    assert study and held
