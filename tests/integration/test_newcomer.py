"""A newcomer's first hour (issue 14): undated input, no invented dates, re-coding, problems,
doctor, validation with the valid values, one set of exit statuses, `serve` and `run` telling
what to do. Every command is the real CLI, in this process, on examples/ or texts written here."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from eventdesk.cli import build_parser
from eventdesk.cli import main as cli
from eventdesk.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SUDAN = "Sudan army"  # a words of the title of the undated Sudan article in examples/


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


@pytest.fixture
def base_db(examples_db) -> str:
    return str(examples_db)  # `eventdesk run examples/`, once per session


@pytest.fixture
def db(base_db, tmp_path) -> str:
    """A private copy of the examples store (tests change it)."""
    dst = str(tmp_path / "ex.db")
    shutil.copy(base_db, dst)
    return dst


# -- 2. undated input can be anchored; date filters say what they left out; CSV has its header ---------
def test_date_filter_counts_undated_events_and_recode_dates_them(db, capsys):
    q = [
        "events",
        "--type",
        "ASSAULT",
        "--country",
        "SDN",
        "--from",
        "2025-01",
        "--to",
        "2025-03",
        "--db",
        db,
    ]
    rc, out, err = run(capsys, *q)
    assert rc == 0 and out.strip().endswith("0 event(s)")
    assert "undated event(s) also match" in err and "--include-undated" in err
    rc, out, _ = run(capsys, *q, "--include-undated", "--format", "json")
    undated = json.loads(out)
    assert len(undated) >= 2 and all(e["date"] is None for e in undated)
    # date the undated Sudan article and code it again: the query now answers
    rc, out, _ = run(capsys, "recode", "--title", SUDAN, "--published", "2025-01-23", "--db", db)
    assert rc == 0 and "2025-01-23 given" in out
    rc, out, err = run(capsys, *q, "--format", "json")
    dated = json.loads(out)
    assert len(dated) >= 2 and all("2025-01" <= e["date"] <= "2025-03-31" for e in dated)
    with open_store(db, readonly=True) as s:
        arts = {a.title.split()[0]: a for a in s.iter_articles()}
    assert arts["Sudan"].published == "2025-01-23"
    assert arts["Iraq"].published is None  # only the selected article was dated
    assert arts["Iran"].published is None and arts["Iran"].date_hints  # its dateline still rules


def test_csv_has_its_header_when_nothing_matches(db, capsys):
    rc, out, _ = run(capsys, "events", "--actor", "no such actor at all", "--format", "csv", "--db", db)
    assert rc == 0 and out.splitlines()[0].startswith("id,article_id,event_type")
    assert len(out.splitlines()) == 1


def test_run_published_and_date_from_filename(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    text = (
        "Police arrest protest leaders in Nairobi\n\nKenyan police arrested five protest leaders in Nairobi "
        "on Monday after demonstrators marched on parliament, officials said.\n"
    )
    (notes / "report-2024-11-05.txt").write_text(text)
    rc, out, err = run(capsys, "run", str(notes), "--db", str(tmp_path / "a.db"))
    assert rc == 0 and "1 new article(s) carry no publication date" in out and "--published" in out
    rc, out, _ = run(capsys, "run", str(notes), "--db", str(tmp_path / "b.db"), "--date-from", "filename")
    assert rc == 0 and "carry no publication date" not in out
    rc, out, _ = run(capsys, "run", str(notes), "--db", str(tmp_path / "c.db"), "--published", "2023-02-01")
    with open_store(str(tmp_path / "b.db"), readonly=True) as s:
        assert next(s.iter_articles()).published == "2024-11-05"
        evs = list(s.iter_events())
        assert evs and all(e.date and e.date.startswith("2024-11") for e in evs)  # Monday before the 5th
    with open_store(str(tmp_path / "c.db"), readonly=True) as s:
        assert next(s.iter_articles()).published == "2023-02-01"
    rc, _, err = run(capsys, "run", str(notes), "--db", str(tmp_path / "d.db"), "--published", "last week")
    assert rc == 2 and "--published" in err


# -- 3. no invented dates -------------------------------------------------------------------------
PAGE = """<html><head><title>Army seizes power</title>{meta}</head><body><article><h1>Army seizes power</h1>
<p>The army seized power on Tuesday, three years after a coup in 2021 left the country divided, officials
said in the capital. Soldiers surrounded the parliament building and detained the prime minister.</p>
<p>Protesters gathered outside the presidential palace demanding the release of the detained ministers.</p>
</article></body></html>"""


def test_publication_date_never_comes_from_a_year_in_the_body():
    from eventdesk.segment.html import extract_html

    assert extract_html(PAGE.format(meta="")).published is None
    meta = '<meta property="article:published_time" content="2024-07-09T08:00:00Z">'
    assert extract_html(PAGE.format(meta=meta)).published.startswith("2024-07-09")
    assert (
        extract_html(PAGE.format(meta=""), "https://news.example/2024/07/09/coup").published == "2024-07-09"
    )


def test_undated_article_says_so(tmp_path, capsys):
    page = tmp_path / "coup.html"
    page.write_text(PAGE.format(meta=""))
    rc, out, _ = run(capsys, "run", str(page), "--db", str(tmp_path / "h.db"))
    assert rc == 0 and "carry no publication date" in out
    with open_store(str(tmp_path / "h.db"), readonly=True) as s:
        a = next(s.iter_articles())
        assert a.published is None
        # "on Tuesday" has nothing to be anchored to: no date rather than a Tuesday of 2021
        tuesday = [e for e in s.iter_events() if e.date_text and "Tuesday" in e.date_text]
        assert all(e.date is None for e in tuesday)
        assert all(e.date is None or e.date.startswith("2021") for e in s.iter_events())


def test_text_dumps_decode_html_entities(tmp_path):
    from eventdesk.segment.dump import split_dump

    dump = (
        "Caf&#233; owners protest in Tunis\n\nCaf&#233; owners in Tunis protested on Monday against "
        "new taxes, saying the rules had been &quot;pass&#233; through&quot; without debate &amp; "
        "consultation. The R&D budget and AT&T were not affected.\n"
    )
    arts = split_dump(dump)
    assert arts[0].title == "Café owners protest in Tunis"
    body = " ".join(arts[0].paragraphs)
    assert '"passé through"' in body and "debate & consultation" in body and "R&D" in body


# -- 4. recode, failed articles, problems, doctor ----------------------------------------------------
def test_recode_uses_current_settings(db, tmp_path, capsys, monkeypatch):
    with open_store(db, readonly=True) as s:
        before = list(s.iter_events())
    # code.min_confidence bars the frame coder's score (`coder_score`; `confidence` is the eventness
    # model's calibrated probability)
    low = [e for e in before if e.extra["coder_score"] < 0.8]
    assert low, "the examples give some events under 0.8"
    cfg = tmp_path / "strict.toml"
    cfg.write_text("[code]\nmin_confidence = 0.8\n")
    rc, out, _ = run(capsys, "recode", "--db", db, "--config", str(cfg))
    assert rc == 0 and "re-coded 3 of 3 article(s)" in out
    with open_store(db, readonly=True) as s:
        after = list(s.iter_events())
        assert not list(s.uncoded_articles())
    assert after and all(e.extra["coder_score"] >= 0.8 for e in after)
    assert {e.evidence.sentence for e in after} <= {e.evidence.sentence for e in before}
    rc, out, _ = run(capsys, "recode", "--db", db, "--article", "nope")
    assert rc == 2


def test_failed_article_is_not_marked_coded_and_next_run_codes_it(tmp_path, capsys, monkeypatch):
    import eventdesk.pipeline as pipeline

    notes = tmp_path / "n"
    notes.mkdir()
    for i, town in enumerate(["Goma", "Bunia"]):
        (notes / f"{i}.txt").write_text(
            f"Clashes near {town}\n\nRebels attacked an army base near {town} on Sunday, killing three "
            "soldiers, the army said.\n"
        )
    real = pipeline.extract_events

    def broken(articles, config):
        if any("Bunia" in a.body for a in articles):
            raise RuntimeError("simulated coder failure")
        return real(articles, config)

    monkeypatch.setattr(pipeline, "extract_events", broken)
    dbp = str(tmp_path / "f.db")
    rc, out, err = run(capsys, "run", str(notes), "--db", dbp)
    assert rc == 3 and "simulated coder failure" in err and "could not be coded" in out
    with open_store(dbp, readonly=True) as s:
        left = s.uncoded_articles()
        assert [a.title for a in left] == ["Clashes near Bunia"]
    rc, out, _ = run(capsys, "problems", "--db", dbp)
    assert rc == 0 and "simulated coder failure" in out and "Bunia" in out
    monkeypatch.setattr(pipeline, "extract_events", real)
    rc, out, _ = run(capsys, "run", "--db", dbp)  # no input: codes what is still waiting
    assert rc == 0
    with open_store(dbp, readonly=True) as s:
        assert not s.uncoded_articles()
        assert any("Bunia" in e.evidence.sentence for e in s.iter_events())


def test_doctor_reports_and_names_the_fix(db, tmp_path, capsys, monkeypatch):
    rc, out, _ = run(capsys, "doctor", "--db", db, "--json")
    checks = {c["name"]: c for c in map(json.loads, out.splitlines())}
    assert {"versions", "settings", "spaCy model", "gazetteer", "store", "command"} <= set(checks)
    assert checks["spaCy model"]["ok"] and "manifest" in checks["spaCy model"]["detail"]
    assert "3 articles" in checks["store"]["detail"]
    gaz = checks["gazetteer"]
    assert gaz["ok"] and "places" in gaz["detail"] and "names" in gaz["detail"], gaz
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eventdesk.toml").write_text('[annotate]\nmodel = "no_such_model_pkg"\n')
    rc, out, _ = run(capsys, "doctor", "--db", db)
    assert rc == 3 and "FAIL  spaCy model" in out and "fix:" in out


# -- 5. validation with the valid values, --config everywhere, one set of exit statuses -------------
@pytest.mark.parametrize(
    "args, says",
    [
        (["--type", "BOGUS"], ["--type", "BOGUS", "ASSAULT", "PROTEST"]),
        (["--country", "Narnia"], ["--country", "Narnia"]),
        (["--country", "Sud"], ["did you mean", "SDN"]),
        (["--modality", "rumoured"], ["--modality", "claimed"]),
        (["--from", "yesterday"], ["--from", "YYYY-MM-DD"]),
        (["--to", "2025-02-30"], ["--to", "not a date"]),
    ],
)
def test_bad_filter_values_are_refused_with_the_valid_ones(db, capsys, args, says):
    rc, out, err = run(capsys, "events", *args, "--db", db)
    assert rc == 2 and out == ""
    for word in says:
        assert word in err


def test_country_by_name(db, capsys):
    rc, out, _ = run(capsys, "events", "--country", "sudan", "--format", "json", "--db", db)
    assert rc == 0 and json.loads(out)


def test_every_command_reads_config_and_documents_exit_status():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert any(a.dest == "config" for a in p._actions), name
        assert "exit status" in (p.epilog or ""), name


def test_settings_errors_stop_every_command_naming_file_and_line(db, tmp_path, capsys):
    actors = tmp_path / "my_actors.jsonl"
    actors.write_text('{"name": "Northern Brigade", "aliases": ["the Brigade"]}\n{"aliases": ["x"]}\n')
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[code]\nactor_files = ["{actors}", "missing.jsonl"]\n[dedupe]\nx = 1\n')
    for cmd in (["stats"], ["events"], ["run", str(EXAMPLES)], ["recode"]):
        rc, out, err = run(capsys, *cmd, "--db", db, "--config", str(cfg))
        assert rc == 2, cmd
        assert "line 2" in err and "missing.jsonl" in err and "[dedupe]" in err
    with open_store(db, readonly=True) as s:
        assert not s.uncoded_articles()  # nothing was touched


def test_store_from_settings(db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "eventdesk.toml").write_text(f'[store]\ndb = "{db}"\n')
    rc, out, _ = run(capsys, "stats", "--json")
    assert rc == 0 and json.loads(out)["articles"] == 3


def test_exit_statuses_agree(db, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "Protesters marched in Lagos on Friday."}\n{broken\n')
    out = str(tmp_path / "o.jsonl")
    assert cli(["code", "--input", str(bad), "-o", out]) == 3
    assert cli(["extract", "--input", str(bad), "-o", out]) == 3
    assert cli(["events", "--db", str(tmp_path / "none.db")]) == 2
    assert cli(["search", "zzzznotaword", "--db", db]) == 0
    capsys.readouterr()


# -- 6. serve and run say what to do ---------------------------------------------------------------
def test_serve_checks_the_port_before_the_banner(db, capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        rc, out, err = run(capsys, "serve", "--db", db, "--port", str(port))
    assert rc == 2 and "cannot listen" in err and "--port" in err and "dashboard on" not in err


def test_serve_prints_the_addresses_it_really_serves():
    from eventdesk.cli.serve import served_urls

    assert served_urls("127.0.0.1", 8000) == ["http://127.0.0.1:8000/"]
    all_ifaces = served_urls("0.0.0.0", 8000)
    assert all_ifaces[-1] == "http://127.0.0.1:8000/"
    assert all(not u.startswith("http://0.0.0.0") for u in all_ifaces)


def test_run_given_a_url_points_to_watch(capsys):
    rc, _, err = run(capsys, "run", "https://news.example/feed.xml", "--db", "x.db")
    assert rc == 2 and "eventdesk watch https://news.example/feed.xml" in err


def test_next_hints_are_one_pasteable_command_per_line():
    from eventdesk.cli.run import next_commands

    cmds = next_commands("my store.db")
    assert all("|" not in c for c in cmds) and len(cmds) >= 3
    for c in cmds:
        args = build_parser().parse_args(__import__("shlex").split(c)[1:])  # each parses as it is
        assert args.db == "my store.db"


def test_export_with_dates_counts_undated_too(db, tmp_path, capsys):
    out = tmp_path / "e.jsonl"
    rc, _, err = run(
        capsys, "export", "events", "--from", "2025", "--format", "jsonl", "-o", str(out), "--db", db
    )
    assert rc == 0 and "undated event(s) also match" in err
    n = len(out.read_text().splitlines())
    rc, _, err = run(
        capsys,
        "export",
        "events",
        "--from",
        "2025",
        "--include-undated",
        "-o",
        str(out),
        "--db",
        db,
        "--format",
        "jsonl",
    )
    assert rc == 0 and len(out.read_text().splitlines()) > n and "also match" not in err
