"""Issue 15, class 1: editing or deleting input files and re-running gives the store a fresh build
from the current files gives (both backends).

Random sequences of edits and deletions over a folder of JSONL files; after each step the store
is compared with a fresh build of the folder as it is then, and `check()` must hold. Event coding
is replaced by a small rule over the texts written here ("On DAY, A attacked B in TOWN."), so the
test exercises the store's bookkeeping (sources per event, canonical/duplicate links, re-coding),
not the NLP; it runs in seconds.

Compared: every article with its sources; near-duplicate clusters and story clusters as sets of
articles (which member is the canonical one depends on reading order, which an edit changes);
every event as its merge key with the set of articles reporting it.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

import eventdesk.pipeline as pipeline
from eventdesk.config import load_config
from eventdesk.pipeline import run
from eventdesk.records import Actor, Event, Evidence, Place
from eventdesk.store import open_store

_EVENT = re.compile(r"On (\d{4}-\d\d-\d\d), (\w+) attacked (\w+) in (\w+)\.")
TOWNS = {"Kherson": (46.6, 32.6), "Goma": (-1.68, 29.22), "Gao": (16.27, -0.04), "Marib": (15.46, 45.32)}
FILLER = (
    "Witnesses described a long night of gunfire and said families had left their homes before dawn "
    "while officials promised an inquiry and aid groups asked for safe passage for the wounded and "
    "for the delivery of food and water to the districts cut off since the weekend"
).split()


def fake_extract(articles, config):
    """One ASSAULT per "On DAY, A attacked B in TOWN." sentence: keyed, so reports merge."""
    out = []
    for a in articles:
        for m in _EVENT.finditer(a.body):
            lat, lon = TOWNS[m.group(4)]
            out.append(
                Event(
                    article_id=a.id,
                    event_type="ASSAULT",
                    evidence=Evidence(m.group(0), m.start(), m.end()),
                    actors=[Actor(text=m.group(2), name=m.group(2))],
                    recipients=[Actor(text=m.group(3), name=m.group(3))],
                    location=Place(text=m.group(4), name=m.group(4), lat=lat, lon=lon, country="XXX"),
                    date=m.group(1),
                    date_precision="day",
                )
            )
    return out


def article_text(rng: random.Random, base: int, variant: int) -> dict:
    """Base texts share nothing; variants of one base differ in ONE word (Jaccard about 0.85 between
    any two), so near-duplicate clusters do not depend on the order articles are met."""
    words = [f"{w}{base}" if i % 3 == 0 else w for i, w in enumerate(FILLER * 2)]
    words[20] = f"variant{variant}x{base}"
    town = list(TOWNS)[base % len(TOWNS)]
    day = f"2025-0{1 + base % 9}-1{base % 10}"
    actor, target = ["Rebels", "Militia", "Army", "Police"][base % 4], f"Villagers{base % 3}"
    lead = f"On {day}, {actor} attacked {target} in {town}."
    return {"title": f"Report {base}.{variant}", "text": lead + " " + " ".join(words) + "."}


def write_folder(folder: Path, files: dict[str, list[dict]]) -> None:
    for p in folder.glob("*.jsonl"):
        if p.name not in files:
            p.unlink()
    for name, recs in files.items():
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in recs))


def content(store) -> dict:
    arts = {a.id: a for a in store.iter_articles()}
    dup: dict[str, set[str]] = {}
    story: dict[str, set[str]] = {}
    for a in arts.values():
        dup.setdefault(a.duplicate_of or a.id, set()).add(a.id)
        story.setdefault(a.story_id or a.id, set()).add(a.id)
    from eventdesk.store import merge_key

    events: dict[str, list[str]] = {}
    for e in store.iter_events():
        key = merge_key(e)
        assert key not in events, f"two events with one merge key {key}"
        events[key] = sorted(e.sources)
    return {
        "articles": {
            i: sorted((s.path.rsplit("/", 1)[-1], s.index) for s in a.sources) for i, a in arts.items()
        },
        "dup_clusters": sorted(sorted(c) for c in dup.values()),
        "story_clusters": sorted(sorted(c) for c in story.values()),
        "events": events,
        "uncoded": len(store.uncoded_articles(1000)),
    }


def assert_sound(store) -> None:
    bad = [c for c in store.check() if not c.ok]
    assert not bad, [(c.name, c.examples) for c in bad]


def scenario(seed: int, tmp_path: Path, open_url, steps: int = 8) -> None:
    rng = random.Random(seed)
    cfg = load_config(overrides={"run": {"batch_files": 2}})
    folder = tmp_path / f"in{seed}"
    folder.mkdir()
    n_bases = 5

    def random_file() -> list[dict]:
        return [article_text(rng, rng.randrange(n_bases), rng.randrange(4)) for _ in range(rng.randint(1, 4))]

    files = {f"f{i}.jsonl": random_file() for i in range(5)}
    write_folder(folder, files)
    url = open_url("inc")
    with open_store(url) as s:
        run([str(folder)], s, cfg, progress=False)
        assert_sound(s)
    for step in range(steps):
        action = rng.choice(["edit", "edit", "delete", "add", "shuffle"])
        name = rng.choice(sorted(files))
        if action == "delete" and len(files) > 1:
            del files[name]
        elif action == "add":
            files[f"n{step}.jsonl"] = random_file()
        elif action == "shuffle":
            rng.shuffle(files[name])
        else:
            recs = files[name]
            i = rng.randrange(len(recs))
            if rng.random() < 0.5 and len(recs) > 1:
                del recs[i]
            else:
                recs[i] = article_text(rng, rng.randrange(n_bases), rng.randrange(4))
        write_folder(folder, files)
        with open_store(url) as s:
            run([str(folder)], s, cfg, progress=False)
            assert_sound(s)
            got = content(s)
        fresh = open_url(f"fresh{step}")
        with open_store(fresh) as s:
            run([str(folder)], s, cfg, progress=False)
            want = content(s)
        assert got == want, f"seed {seed} step {step} ({action} {name})"


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_events", fake_extract)


@pytest.mark.parametrize("seed", range(6))
def test_edits_and_deletes_match_a_fresh_build_sqlite(seed, tmp_path, fake_coder, monkeypatch):
    monkeypatch.chdir(tmp_path)
    scenario(seed, tmp_path, lambda name: str(tmp_path / f"{name}.db"))


@pytest.mark.postgres
@pytest.mark.parametrize("seed", range(3))
def test_edits_and_deletes_match_a_fresh_build_postgres(seed, tmp_path, fake_coder, monkeypatch, pg_server):
    monkeypatch.chdir(tmp_path)
    urls: dict[str, str] = {}

    def open_url(name: str) -> str:
        if name not in urls:
            urls[name] = pg_server.fresh_url()
        return urls[name]

    try:
        scenario(seed, tmp_path, open_url, steps=5)
    finally:
        for u in urls.values():
            pg_server.drop(u)


def test_an_event_stays_while_another_file_reports_it(tmp_path, fake_coder, monkeypatch):
    """The issue's case: two files report one event; editing one keeps the event with the other."""
    monkeypatch.chdir(tmp_path)
    rng = random.Random(1)
    a, b = article_text(rng, 1, 0), article_text(rng, 1, 1)
    b["text"] = b["text"].replace("Witnesses", "Neighbours")
    (tmp_path / "a.jsonl").write_text(json.dumps(a) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps(b) + "\n")
    cfg = load_config()
    with open_store("s.db") as s:
        run(["a.jsonl", "b.jsonl"], s, cfg, progress=False)
        [ev] = list(s.iter_events())
        assert len(ev.sources) == 2
        (tmp_path / "a.jsonl").write_text(json.dumps(article_text(rng, 2, 0)) + "\n")
        run(["a.jsonl", "b.jsonl"], s, cfg, progress=False)
        events = {e.date: e for e in s.iter_events()}
        assert len(events) == 2  # b's event kept, a's new event added
        kept = [e for e in events.values() if "Neighbours" not in e.evidence.sentence and e.sources]
        assert any(s.get_article(e.article_id).title == "Report 1.1" for e in kept)
        assert all(c.ok for c in s.check())


def test_canonical_removed_relinks_its_duplicates(tmp_path, fake_coder, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rng = random.Random(2)
    for i in range(3):
        (tmp_path / f"{i}.jsonl").write_text(json.dumps(article_text(rng, 3, i)) + "\n")
    cfg = load_config()
    with open_store("s.db") as s:
        run(["."], s, cfg, progress=False)
        canon = [a for a in s.iter_articles() if a.duplicate_of is None]
        assert len(canon) == 1 and canon[0].sources[0].path == "0.jsonl"
        (tmp_path / "0.jsonl").unlink()
        report = run(["."], s, cfg, progress=False)
        assert report.files_removed == 1
        arts = list(s.iter_articles())
        assert len(arts) == 2
        assert {a.duplicate_of for a in arts} == {None, arts[0].id}
        assert all(c.ok for c in s.check()), [c for c in s.check() if not c.ok]
