"""Stage 7: the same event reported by several articles is one event with several sources."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import eventdesk

REPORTS = [
    {
        "title": "Air strikes hit Baalbek",
        "text": "Israeli warplanes struck Hezbollah positions in Baalbek on Tuesday, the Lebanese army said.\n\n"
        "Residents reported heavy damage to several buildings on the edge of the city.",
        "published": "2025-06-04",
        "url": "https://outlet-a.example/2025/06/04/baalbek",
    },
    {
        "title": "Lebanon: strikes on the Bekaa",
        "text": "Israeli warplanes struck Hezbollah positions in Baalbek on Tuesday, according to a statement "
        "from the Lebanese army.\n\nThe strikes came a day after talks in Beirut on the ceasefire, "
        "officials told reporters.",
        "published": "2025-06-04",
        "url": "https://outlet-b.example/news/bekaa-strikes",
    },
]


def test_two_outlets_one_strike(tmp_path: Path):
    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n")
    db = tmp_path / "m.db"
    p = eventdesk("run", str(src), "--db", str(db))
    assert "1 merged into events already reported" in p.stdout
    c = sqlite3.connect(db)
    strikes = c.execute("SELECT id, date, place FROM events WHERE event_type = 'ASSAULT'").fetchall()
    assert [(d, pl) for _, d, pl in strikes] == [("2025-06-03", "Baalbek")]  # "on Tuesday" before June 4
    sources = {
        r[0] for r in c.execute("SELECT article_id FROM event_sources WHERE event_id = ?", (strikes[0][0],))
    }
    assert sources == {r[0] for r in c.execute("SELECT id FROM articles")}  # both reports
    exported = [json.loads(x) for x in eventdesk("export", "events", "--db", str(db)).stdout.splitlines()]
    strike = next(e for e in exported if e["event_type"] == "ASSAULT")
    assert sorted(strike["sources"]) == sorted(sources)
