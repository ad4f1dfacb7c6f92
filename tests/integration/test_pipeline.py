"""The ingest job end to end through the real CLI (in this process, or a child process where the
test is about the process: stdin, kills, workers): seeds, re-runs, crash safety."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SHARED, cli, eventdesk


def store_content(db: Path) -> dict:
    c = sqlite3.connect(db)
    out = {
        "articles": sorted(
            c.execute("SELECT id, title, body, captions, duplicate_of, story_id FROM articles")
        ),
        "sources": sorted(c.execute("SELECT path, idx, article_id FROM sources")),
        "files": sorted(c.execute("SELECT path, digest, n_articles FROM files")),
        "signatures": c.execute("SELECT count(*), count(DISTINCT article_id) FROM signatures").fetchone(),
        "bands": c.execute("SELECT count(*) FROM bands").fetchone(),
        "events": sorted(c.execute("SELECT id, article_id FROM events")),
    }
    c.close()
    return out


def test_ingest_seeds_and_rerun_adds_nothing(examples: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    p = cli("ingest", str(examples), "--db", str(db))
    assert "3 new, 1 exact duplicate" in p.stdout
    first = store_content(db)
    p = cli("ingest", str(examples), "--db", str(db))
    assert "2 unchanged" in p.stdout
    assert store_content(db) == first
    # touched but identical: read again, recognised by content hash, nothing added
    for f in examples.iterdir():
        os.utime(f, (time.time() + 5, time.time() + 5))
    cli("ingest", str(examples), "--db", str(db))
    assert store_content(db) == first


def test_seed_articles_export_matches_schema_and_gold(examples: Path, tmp_path: Path):
    db = tmp_path / "s.db"
    cli("ingest", str(examples), "--db", str(db))
    out = tmp_path / "articles.jsonl"
    cli("export", "articles", "--db", str(db), "--format", "jsonl", "-o", str(out))
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 3
    for r in rows:
        assert set(r) >= {
            "id",
            "title",
            "captions",
            "body",
            "published",
            "url",
            "sources",
            "duplicate_of",
            "story_id",
        }
    kirkuk = next(r for r in rows if "Kirkuk" in r["title"])
    assert sorted((os.path.basename(s["path"]), s["index"]) for s in kirkuk["sources"]) == [
        ("000_688cbca435ef2009.txt", 0),
        ("003_fe5f077b5d195cea.txt", 0),
    ]
    iran = next(r for r in rows if r["title"].startswith("Iran"))
    assert iran["date_hints"] == ["2025-06-03"]  # the caption's date, kept as a hint
    gold = SHARED / "eval/seeds/articles.gold.jsonl"
    if gold.exists():
        p = subprocess.run(
            [sys.executable, str(SHARED / "eval/score_articles.py"), "--pred", str(out), "--gold", str(gold)],
            capture_output=True,
            text=True,
        )
        assert "pass_rate=1.0" in p.stdout.splitlines()[-1], p.stdout


def test_stdin_and_bad_input_exit_status(tmp_path: Path, examples: Path):
    db = tmp_path / "s.db"
    (examples / "broken.jsonl").write_text('{"title": "x", "text": "fine text"}\n{oops\n')
    p = eventdesk("ingest", str(examples), "--db", str(db), check=False)
    assert p.returncode == 3
    assert "broken.jsonl#1: line 2: not valid JSON" in p.stderr
    assert "4 new" in p.stdout  # the three seed articles and the good JSONL line
    text = (examples / "000_688cbca435ef2009.txt").read_text()
    p = eventdesk("ingest", "-", "--db", str(db), input=text)
    assert "0 new, 2 exact duplicate" in p.stdout


def synthetic_corpus(root: Path, n: int = 400) -> Path:
    """Files in the BBC layout (headline, blank line, paragraphs), with exact and near duplicates."""
    rnd = random.Random(7)
    words = (
        "army police protest talks minister election rebels village city border aid flood court "
        "strike market bank deal ceasefire troops capital parliament reform budget"
    ).split()
    root.mkdir()
    texts = []
    for i in range(n):
        paras = [" ".join(rnd.choice(words) for _ in range(40)) + "." for _ in range(4)]
        texts.append(f"Headline number {i}\n\n" + "\n\n".join(paras) + "\n")
    for i in range(n):
        t = texts[i]
        if i % 25 == 5:
            t = texts[i - 1]  # exact duplicate
        elif i % 25 == 9:
            t = "Another headline\n\n" + texts[i - 1].split("\n\n", 1)[1]  # re-headlined
        (root / f"{i:04d}.txt").write_text(t)
    return root


def corpus(tmp_path: Path) -> Path:
    bbc = SHARED / "corpora/bbc"
    return bbc if bbc.is_dir() else synthetic_corpus(tmp_path / "corpus")


@pytest.mark.slow  # the BBC corpus ingested three times in child processes (~40 s of CPU)
def test_sigkill_mid_ingest_then_rerun_equals_clean_run(tmp_path: Path):
    src = corpus(tmp_path)
    ref = tmp_path / "ref.db"
    eventdesk("ingest", str(src), "--db", str(ref), "-q")
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "ingest", str(src), "--db", str(killed), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    n = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=0.1)
            n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            c.close()
        except sqlite3.Error:
            continue
        if n >= 150:
            break
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = store_content(killed)["articles"]
    assert 0 < len(partial) < len(store_content(ref)["articles"])
    eventdesk("ingest", str(src), "--db", str(killed), "-q")
    assert store_content(killed) == store_content(ref)


@pytest.mark.slow
@pytest.mark.timeout(900)  # the whole BBC corpus
def test_bbc_corpus_every_file_and_duplicate_groups(shared: Path, tmp_path: Path):
    db = tmp_path / "bbc.db"
    eventdesk("ingest", str(shared / "corpora/bbc"), "--db", str(db), "-q")
    c = sqlite3.connect(db)
    # every file but the corpus's README.TXT, which is left out with a notice (no article)
    n_files = sum(1 for p in (shared / "corpora/bbc").rglob("*") if p.is_file() and p.name != "README.TXT")
    assert c.execute("SELECT count(*) FROM files").fetchone()[0] == n_files
    assert (
        c.execute("SELECT count(*) FROM problems WHERE reason LIKE '%documentation file%'").fetchone()[0] == 1
    )
    # encoding guesses (cp1252 lines) are notices; nothing else is a problem
    assert (
        c.execute(
            "SELECT count(*) FROM problems WHERE reason NOT LIKE 'encoding not declared%' "
            "AND reason NOT LIKE '%documentation file%'"
        ).fetchone()[0]
        == 0
    )
    groups = c.execute(
        "SELECT count(*) FROM (SELECT article_id FROM sources GROUP BY article_id HAVING count(*) > 1)"
    ).fetchone()[0]
    assert 98 <= groups <= 101
    near = c.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert 45 <= near <= 70
    body = c.execute(
        "SELECT a.body FROM articles a JOIN sources s ON s.article_id = a.id "
        "WHERE s.path LIKE '%sport/199.txt'"
    ).fetchone()[0]
    assert "£" in body


@pytest.mark.slow  # 60+ files coded by one process and by a pool of two (~38 s of CPU)
def test_two_workers_store_exactly_what_one_process_stores(examples: Path, tmp_path: Path):
    """--workers only spreads the work: the parent writes in input order, so the stores are equal,
    events included."""
    for f in synthetic_corpus(tmp_path / "more", n=60).iterdir():
        (examples / f.name).write_bytes(f.read_bytes())
    cfg = tmp_path / "small.toml"
    cfg.write_text("[run]\nbatch_files = 8\ncode_batch = 8\n")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    eventdesk("run", str(examples), "--db", str(one), "-q", "--config", str(cfg))
    eventdesk("run", str(examples), "--db", str(two), "-q", "--config", str(cfg), "--workers", "2")
    a, b = store_content(one), store_content(two)
    assert a["events"] and len(a["articles"]) > 50
    assert a == b
