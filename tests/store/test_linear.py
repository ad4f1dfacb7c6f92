"""Issue 15: `check` and re-reading a changed file are linear in the store. Timing lives in
benchmarks/check.py; here, the query plan of every statement they run: no table is read once per
row of another (a scan inside a correlated subquery or as the inner loop of a join), and forgetting
one file reads no table whole."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from eventdesk.records import Actor, Article, Event, Evidence, Place, Source
from eventdesk.store import FileState, open_store

WORDS = "troops rebels police clashed attacked marched village town border officials killed".split()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """120 articles in 4 files, a signature with bands each, two events each, every tenth a
    near-duplicate: every table `check` and `forget_file` touch has rows."""
    rng = random.Random(3)
    db = tmp_path / "s.db"
    prev = ""
    with open_store(str(db)) as s, s.transaction():
        for i in range(120):
            body = " ".join(rng.choices(WORDS, k=60)) + f" number {i}."
            path = f"d{i // 30}.txt"
            a = Article(title=f"Headline {i}", body=body, sources=[Source(path, i % 30)])
            if i % 10 == 9:
                a.duplicate_of = a.story_id = prev
            s.add_article(a)
            s.add_signature(a.id, 50, rng.randbytes(512), [rng.getrandbits(63) for _ in range(8)])
            s.add_events(
                [
                    Event(
                        article_id=a.id,
                        event_type="ASSAULT",
                        evidence=Evidence(body[:40], 0, 40),
                        actors=[Actor(text="troops", name=f"Troops {k}")],
                        location=Place("Town", "Town", 10 + k, 20, "SDN"),
                        date="2025-06-01",
                        date_precision="day",
                    )
                    for k in range(2)
                ]
            )
            if i % 30 == 29:
                s.mark_file(FileState(path, 1000, 0.0, f"digest{i}", 30, 0))
            prev = a.id if i % 10 == 0 else prev
    return db


def _plans(conn: sqlite3.Connection, statements: list[str]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    out = []
    for q in statements:
        if q.split(None, 1)[0].upper() not in ("SELECT", "DELETE", "UPDATE", "INSERT", "WITH"):
            continue
        try:
            rows = [(r[0], r[1], r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + q)]
        except sqlite3.DatabaseError:
            continue  # FTS5's own commands ('delete', 'integrity-check') have no plan to read
        out.append((q, rows))
    return out


def _full_scan(detail: str) -> bool:
    """A plan step that reads a whole table or index (virtual tables' rowid lookups and FTS5's
    one-row config tables aside)."""
    return detail.startswith("SCAN ") and "VIRTUAL TABLE" not in detail and not detail.endswith("_config")


def _per_row_scans(rows: list[tuple[int, int, str]]) -> list[str]:
    """Scans repeated once per row of another loop: inside a correlated subquery, or a scan that
    follows another loop under the same parent (the inner loop of a nested-loop join)."""
    detail = {i: d for i, _, d in rows}
    bad, loops_seen = [], set()
    for _, parent, d in rows:
        is_loop = d.startswith(("SCAN ", "SEARCH "))
        if _full_scan(d) and ("CORRELATED" in detail.get(parent, "") or parent in loops_seen):
            bad.append(d)
        if is_loop:
            loops_seen.add(parent)
    return bad


def _traced(conn: sqlite3.Connection, fn) -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        conn.set_trace_callback(None)
    return seen


def test_check_reads_no_table_once_per_row(store_path: Path):
    with open_store(str(store_path)) as s:
        statements = _traced(s.conn, s.check)
        plans = _plans(s.conn, statements)
    assert len(plans) >= 10  # every rule's query was seen
    bad = [(q[:120], scans) for q, rows in plans if (scans := _per_row_scans(rows))]
    assert bad == []


def test_forgetting_one_file_reads_no_table_whole(store_path: Path):
    with open_store(str(store_path)) as s:

        def forget() -> None:
            with s.transaction():
                s.forget_file("d1.txt")

        plans = _plans(s.conn, _traced(s.conn, forget))
        assert [r.name for r in s.check() if not r.ok] == []
    assert any("sources" in q for q, _ in plans)
    bad = [(q[:120], [d for _, _, d in rows if _full_scan(d)]) for q, rows in plans]
    assert [b for b in bad if b[1]] == []
