"""Issue 7: `eventdesk check` says a sound store is sound and names what is broken in a damaged one."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from eventdesk.cli import main as cli
from eventdesk.store import FileState, open_store
from tests.conftest import EXAMPLES, eventdesk
from tests.conftest import cli as cli_run


@pytest.fixture(scope="module")
def sound_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("check")
    db = d / "sound.db"
    cli_run("ingest", str(EXAMPLES), "--db", str(db), "-q")
    return db


@pytest.fixture
def db(sound_db: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "s.db"
    shutil.copy(sound_db, dst)
    return dst


def check(db: Path, capsys, *extra: str) -> tuple[int, str]:
    rc = cli(["check", "--db", str(db), *extra])
    out = capsys.readouterr()
    return rc, out.out + out.err


def damage(db: Path, *sql: str) -> None:
    c = sqlite3.connect(db)
    for q in sql:
        c.execute(q)
    c.commit()
    c.close()


def test_sound_store_passes(db: Path, capsys):
    rc, out = check(db, capsys)
    assert rc == 0, out
    assert "checks passed" in out and "FAIL" not in out and "the store is sound" in out
    rc, out = check(db, capsys, "--full")
    assert rc == 0 and "articles_fts index" in out and "events_fts index" in out, out


def test_store_with_events_passes(tmp_path: Path, capsys):
    """Events, event sources, FTS and R*Tree rows written through the Store API hold every rule."""
    from eventdesk.records import Article, Event, Evidence, Place, Source

    s = open_store(str(tmp_path / "e.db"))
    arts = [
        Article(
            title=f"T{i}",
            body=f"Troops shelled the town number {i} on Monday.",
            sources=[Source(f"f{i}.txt", 0)],
        )
        for i in range(3)
    ]
    from eventdesk.dedup import assign, signatures

    with s.transaction():
        for a, sig in zip(arts, signatures(arts, {}), strict=True):
            assign(a, sig, s, {})
            s.add_article(a)
        for i in range(3):
            s.mark_file(FileState(f"f{i}.txt", 1, 1.0, "d", 1, 0))
        evs = [
            Event(
                article_id=a.id,
                event_type="ASSAULT",
                evidence=Evidence(a.body, 0, len(a.body)),
                location=Place(text="Town", name="Town", lat=10.0 + i, lon=20.0, country="SDN")
                if i
                else None,
                sources=[a.id],
            )
            for i, a in enumerate(arts)
        ]
        s.add_events(evs)
        s.add_event_source(evs[0].id, arts[1].id)
        s.mark_coded(a.id for a in arts)
    assert all(r.ok for r in s.check()), [r for r in s.check() if not r.ok]
    s.close()
    rc, out = check(tmp_path / "e.db", capsys, "--full")
    assert rc == 0, out
    damage(tmp_path / "e.db", "DELETE FROM events_rtree")
    rc, out = check(tmp_path / "e.db", capsys)
    assert rc == 1 and "FAIL  map index has one row per located event: 2 found" in out


@pytest.mark.parametrize(
    "sql,rule",
    [
        (["DELETE FROM articles WHERE rowid = 1"], "every source's article exists"),
        (
            ["UPDATE files SET n_articles = n_articles + 1 WHERE rowid = 1"],
            "every file read has its articles' sources",
        ),
        (
            ["DELETE FROM sources WHERE article_id = (SELECT id FROM articles WHERE rowid = 1)"],
            "every article has a source",
        ),
        (
            [
                "INSERT INTO events (id, article_id, event_type, modality, confidence, data) "
                "VALUES ('e1', 'no-such-article', 'ASSAULT', 'asserted', 0.5, '{}')"
            ],
            "every event's article exists",
        ),
        (
            ["INSERT INTO event_sources VALUES ('no-such-event', 'x')"],
            "every event source names a stored event",
        ),
        (["DELETE FROM signatures WHERE rowid = 1"], "every article has a dedup signature"),
        (["DELETE FROM bands"], "every signature has LSH bands"),
        (["DELETE FROM files"], "every source's file is marked done"),
        (
            ["UPDATE articles SET duplicate_of = 'gone' WHERE rowid = 2"],
            "duplicate_of and story_id name stored articles",
        ),
        # issue 15: sources are counted per event, and a near-duplicate's canonical is re-pointed
        (
            [
                "INSERT INTO events (id, article_id, event_type, modality, confidence, data) "
                "VALUES ('e1', (SELECT id FROM articles WHERE rowid = 1), 'ASSAULT', 'asserted', 0.5, '{}')"
            ],
            "every event has a source",
        ),
        (
            [
                "INSERT INTO events (id, article_id, event_type, modality, confidence, data) "
                "VALUES ('e1', (SELECT id FROM articles WHERE rowid = 1), 'ASSAULT', 'asserted', 0.5, '{}')",
                "INSERT INTO event_sources VALUES ('e1', (SELECT id FROM articles WHERE rowid = 2))",
            ],
            "every event's first article is one of its sources",
        ),
        (
            [
                "UPDATE articles SET duplicate_of = (SELECT id FROM articles WHERE rowid = 1) WHERE rowid = 2",
                "UPDATE articles SET duplicate_of = (SELECT id FROM articles WHERE rowid = 2) WHERE rowid = 3",
            ],
            "every near-duplicate points at a canonical article (not at another duplicate)",
        ),
        (
            [
                "INSERT INTO articles (id, title, body, added_at) VALUES ('x1', 'no index', 'body', 0)",
                "INSERT INTO sources VALUES ('f', 0, 'x1', NULL)",
            ],
            "article search index has one row per article",
        ),
    ],
)
def test_each_broken_rule_is_named_with_what_to_do(db: Path, capsys, sql: list[str], rule: str):
    damage(db, *sql)
    rc, out = check(db, capsys)
    assert rc == 1
    fail = [x for x in out.splitlines() if x.strip().startswith("FAIL")]
    assert any(rule in x for x in fail), out
    assert "what to do:" in out and "eventdesk run" in out


def test_fts_self_check_finds_a_stale_index(db: Path, capsys):
    damage(db, "UPDATE articles SET body = 'words the index never saw' WHERE rowid = 1")
    rc, out = check(db, capsys)
    assert rc == 0  # the row counts still match: only the index's own check can see it
    rc, out = check(db, capsys, "--full")
    assert rc == 1 and "FAIL  articles_fts index" in out and "'rebuild'" in out


def test_damaged_pages_and_files_that_are_not_stores(db: Path, tmp_path: Path, capsys):
    size = db.stat().st_size
    with open(db, "r+b") as f:  # overwrite pages in the middle (the header stays valid)
        f.seek(size // 2 - (size // 2) % 4096)
        f.write(b"\xa5" * 8192)
    rc, out = check(db, capsys)
    assert rc == 1 and "FAIL  sqlite integrity" in out and "Traceback" not in out, out
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    rc, out = check(junk, capsys)
    assert rc == 1 and "Traceback" not in out and ("damaged" in out or "cannot" in out), out
    rc, out = check(tmp_path / "missing.db", capsys)
    assert rc == 2 and "no store at" in out  # a usage error, as for every command


def test_json_output(db: Path, capsys):
    rc, out = check(db, capsys, "--json")
    rows = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and rows[0]["name"] == "sqlite integrity" and all(r["ok"] for r in rows)


def test_check_through_the_real_cli_while_read_only(db: Path):
    import os

    p = eventdesk("check", "--db", str(db))
    assert p.returncode == 0 and "checks passed" in p.stdout
    db.chmod(0o444)  # read-only file: the default check must not need to write
    try:
        p = eventdesk("check", "--db", str(db))
        # root may write a 0444 file: then it is not read-only for this user
        want = 0 if os.access(db, os.W_OK) else 4
        assert p.returncode == want and "the store is sound" in p.stdout, p.stderr
    finally:
        db.chmod(0o644)


def test_exit_statuses_tell_sound_damaged_read_only_and_unchecked(db: Path, capsys, monkeypatch):
    """0 sound, 1 damaged, 4 sound but read-only, 5 not checked (cannot be opened): distinct, and
    each as the command's help documents it."""
    import os

    from eventdesk.cli import check as check_cmd
    from eventdesk.store import sqlite as sqlite_store

    assert "4  the store is sound but read-only" in check_cmd.EPILOG
    assert check(db, capsys)[0] == check_cmd.SOUND == 0
    real_access = os.access

    def no_writes(path, mode, *a, **k):  # what a read-only mount or an immutable file answers
        return False if mode & os.W_OK else real_access(path, mode, *a, **k)

    monkeypatch.setattr(os, "access", no_writes)
    rc, out = check(db, capsys)
    assert rc == check_cmd.READ_ONLY == 4
    assert "the store is sound" in out and "read-only" in out and "Traceback" not in out, out
    monkeypatch.undo()

    def refused(path, timeout):  # what SQLite says for a file of another user, mode 0600
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite_store, "connect_readonly", refused)
    rc, out = check(db, capsys)
    assert rc == check_cmd.UNCHECKED == 5 and "no permission" in out and "damaged" not in out, out
    monkeypatch.undo()

    damage(db, "DELETE FROM sources")
    rc, out = check(db, capsys)
    assert rc == check_cmd.DAMAGED == 1 and "FAIL" in out
