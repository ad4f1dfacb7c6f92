"""`eventdesk events` and `eventdesk search`: tables, CSV/JSON, filters, snippets, hostile text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventdesk.cli import main as cli
from eventdesk.cli.events import render_table
from eventdesk.cli.search import render_hits
from tests.conftest import db_copy
from tests.support.sample import HOSTILE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db(demo_db, tmp_path_factory) -> str:
    return str(db_copy(demo_db, tmp_path_factory.mktemp("cli") / "demo.db"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_events_table(db, capsys):
    rc, out, _ = run(capsys, "events", "--db", db)
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "who"]
    assert "evidence" in lines[0]
    assert "events shown" in lines[-1] or "event(s)" in lines[-1]
    assert "\x1b[" not in out  # no colour codes when not a terminal


def test_events_filters_and_formats(db, capsys):
    rc, out, _ = run(capsys, "events", "--type", "ASSAULT", "--format", "json", "--db", db)
    evs = json.loads(out)
    assert evs and {e["event_type"] for e in evs} == {"ASSAULT"}
    rc, out, _ = run(
        capsys, "events", "--country", "SDN", "--min-confidence", "0.5", "--format", "csv", "--db", db
    )
    import pandas as pd

    df = pd.read_csv(io.StringIO(out))
    assert len(df) > 0 and (df["confidence"] >= 0.5).all()
    rc, out, _ = run(capsys, "events", "--modality", "asserted,claimed", "--format", "jsonl", "--db", db)
    assert {json.loads(x)["modality"] for x in out.splitlines()} <= {"asserted", "claimed"}
    rc, out, _ = run(capsys, "events", "--text", "convoy", "--format", "json", "--db", db)
    assert all("convoy" in e["evidence"]["sentence"].lower() for e in json.loads(out))
    rc, out, _ = run(capsys, "events", "--from", "2025-03", "--to", "2025-03", "--format", "json", "--db", db)
    assert all(e["date"].startswith("2025-03") for e in json.loads(out))


def test_events_bad_filter_is_a_clear_error(db, capsys):
    rc, out, err = run(capsys, "events", "--from", "last week", "--db", db)
    assert rc == 2 and out == "" and "--from" in err and "not a date" in err  # usage error, option named


def test_table_strips_control_characters():
    from eventdesk.records import Actor, Event, Evidence

    ev = Event(
        article_id="a",
        event_type="ASSAULT",
        evidence=Evidence("bad \x1b[31mred\x1b[0m\nline", 0, 5),
        actors=[Actor("x", "Evil\x1b]0;title\x07")],
    )
    out = render_table([ev], 1, width=150)
    assert "\x1b" not in out and "\x07" not in out and "red" in out


def test_search_text_and_json(db, capsys):
    rc, out, _ = run(capsys, "search", "refinery", "--db", db)
    assert rc == 0 and "Khartoum Refinery" in out and "[refinery]" in out.lower()
    rc, out, _ = run(capsys, "search", "refinery", "--format", "json", "--db", db)
    hits = json.loads(out)
    assert hits and any(part[1] for part in hits[0]["snippet"])
    rc, out, err = run(capsys, "search", "zzzznotaword", "--db", db)
    assert rc == 0 and "no article matches" in err  # no match is an answer, not an error


def test_search_hostile_and_bold():
    from eventdesk.api import SearchHit

    h = SearchHit(
        "a1", HOSTILE[0] + "\x1b[2J", None, 1.0, [("before ", False), ("hit", True), (" after", False)]
    )
    plain = render_hits([h], color=False)
    assert HOSTILE[0] in plain and "\x1b" not in plain and "[hit]" in plain
    bold = render_hits([h], color=True)
    assert "\x1b[1;33mhit\x1b[0m" in bold and "\x1b[2J" not in bold


@pytest.mark.parametrize("q", ['"unbalanced', "NEAR(a b)", "a OR", "* *", "'; DROP TABLE articles; --", "-x"])
def test_search_odd_queries_do_not_fail(db, capsys, q):
    rc, _, err = run(capsys, "search", "--db", db, "--", q)
    assert rc in (0, 1) and "Traceback" not in err
