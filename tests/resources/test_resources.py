"""eventdesk.resources: one object per process owns the model, the actor dictionary and the
gazetteer, and every stage that uses them gets the ones the settings name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from eventdesk import resources
from eventdesk.records import Actor, Article, Event, Evidence
from eventdesk.resources import Resources

REPORT = "Police arrested ten protesters in Nairobi on Monday, witnesses said."


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """Names every spacy.load call of the test is given (the real load still runs)."""
    import spacy

    seen: list[str] = []
    real = spacy.load

    def counting(name, *args, **kwargs):
        seen.append(str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(spacy, "load", counting)
    monkeypatch.setattr(resources, "_SHARED", {})  # this process's object starts empty
    return seen


def _model_path() -> str:
    """The folder of the installed model's pipeline files (what a user's own model path would be)."""
    from eventdesk.annotate import model_dir
    from eventdesk.config import DEFAULTS

    try:
        root = Path(model_dir(DEFAULTS["annotate"]["model"]))
    except RuntimeError:
        pytest.skip("spaCy model not installed")
    return str(next(p.parent for p in sorted(root.rglob("config.cfg"))))


def test_one_model_per_process_and_annotate_model_reaches_every_stage(loads, tmp_path: Path, store):
    # A run (read -> ... -> store, with events) loads the model named by [annotate] model (here: the
    # installed model given by its folder) once; the coder's parse, the document classifier's main
    # verb and geo's NER all use it. The document classifier used to load its own copy by package
    # name, whatever the setting said.
    from eventdesk.code import code
    from eventdesk.pipeline import run

    path = _model_path()
    cfg = {"annotate": {"model": path, "verify_model": False}}  # our manifest is for the package
    src = Path(__file__).resolve().parents[2] / "examples"
    files = sorted(src.glob("*.txt"))[:3]
    for f in files:
        shutil.copy(f, tmp_path / f.name)
    report = run([str(tmp_path / f.name) for f in files], store, cfg, progress=False)
    assert report.articles_coded > 0 and report.events_new > 0
    assert loads == [path]

    res = Resources.shared(cfg)  # the run's object
    assert res.ner_nlp is res.nlp
    # a short report's main event comes from its main verb, parsed by res.nlp without NER
    real = res.nlp
    parsed: list[tuple[str, tuple[str, ...]]] = []

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def __call__(self, text, disable=()):
            parsed.append((text, tuple(disable)))
            return real(text, disable=disable)

    res.__dict__["nlp"] = Spy()
    assert code([Article(title="", body=REPORT)], cfg, res)
    assert parsed and parsed[0][0] == REPORT
    assert {"ner", "entity_ruler"} <= set(parsed[0][1])
    assert loads == [path]


def test_actor_files_reach_geo(tmp_path: Path):
    # a group from the user's actor file, active in Lebanon: geo reads its countries as a hint, so
    # "Tripoli" is the Lebanese city (without the file: the Libyan capital). geo used to read the
    # built-in dictionary only.
    from eventdesk.geo import locate

    mine = tmp_path / "actors.jsonl"
    mine.write_text(json.dumps({"name": "Zorvani Front", "countries": ["LBN"]}) + "\n", encoding="utf-8")
    body = "Fighters of the Zorvani Front attacked a checkpoint in Tripoli on Monday, residents said."

    def place(cfg):
        art = Article(title="", body=body, id="a1")
        ev = Event(
            article_id="a1",
            event_type="ASSAULT",
            evidence=Evidence(body, 0, len(body)),
            actors=[Actor(text="Zorvani Front", name="Zorvani Front")],
        )
        locate([ev], {"a1": art}, cfg, Resources.from_config(cfg))
        return ev.location

    assert place({}).country == "LBY"
    assert place({"code": {"actor_files": [str(mine)]}}).country == "LBN"


def test_settings_that_change_nothing_loaded_share_the_object():
    # only the settings a Resources object is built from tell two of them apart
    a = Resources.shared({"merge": {"threshold": 9.0}})
    assert Resources.shared({}) is a
    assert Resources.shared({"code": {"actor_files": ["x.jsonl"]}}) is not a
    assert not Resources.from_config({}).loaded()  # nothing loads before it is used
