"""The Ray engine gives exactly the local run's articles and events (issue 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import eventdesk

pytestmark = pytest.mark.engine


def content(db: Path) -> dict:
    c = sqlite3.connect(db)
    out = {
        "articles": sorted(c.execute("SELECT id, title, body, duplicate_of, story_id, coded FROM articles")),
        "sources": sorted(c.execute("SELECT path, idx, article_id FROM sources")),
        "events": sorted(c.execute("SELECT id, article_id, merge_key, data FROM events")),
        "event_sources": sorted(c.execute("SELECT event_id, article_id FROM event_sources")),
    }
    c.close()
    return out


def test_ray_run_equals_local_run_on_examples(examples: Path, tmp_path: Path):
    pytest.importorskip("ray", reason="Ray is the optional extra eventdesk[ray]")
    local, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    eventdesk("run", str(examples), "--db", str(local), "-q")
    p = eventdesk("run", str(examples), "--db", str(ray_db), "-q", "--engine", "ray", "--workers", "2")
    assert p.returncode == 0
    a, b = content(local), content(ray_db)
    assert len(a["articles"]) == 3 and a["events"], "the local run codes events"
    assert a == b
