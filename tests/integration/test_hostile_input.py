"""Issue 15: reading hostile or odd input, writing exports, and errors that must be messages.

One test (or a few) per class of defect: limits on extracted text, dumps in pieces, WARC records
whose Content-Length lies, encodings (BOM, detection, HTML in any of them), zero-width files,
decompression bombs (peak memory of a child process), atomic exports after SIGKILL, CSV formula
cells, control characters in messages, path spellings, read-only stores and full disks.
"""

from __future__ import annotations

import base64
import codecs
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from eventdesk.guard import segment_guarded
from eventdesk.read import read_file
from eventdesk.records import Article, Problem
from tests.conftest import cli, db_copy
from tests.support.peak import READ_PEAK_CHILD

PARA = (
    "Government troops clashed with rebels near the northern town of Kadugli on Monday, officials said, "
    "and at least seven people were killed in the fighting."
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Troops clash near Kadugli</title></head><body><article>"
    "<h1>Troops clash near Kadugli</h1>"
    + "".join(f"<p>{PARA} Paragraph {i}.</p>" for i in range(6))
    + "</article></body></html>"
)


def articles(path: str, config: dict | None = None) -> tuple[list[Article], list[Problem]]:
    f = read_file(path, config)
    items = segment_guarded(f.documents, config)
    return [a for a in items if isinstance(a, Article)], f.problems + [
        p for p in items if isinstance(p, Problem)
    ]


# -- limits apply to extracted text; dumps in pieces -----------------------------------------------
def test_big_page_with_inline_image_keeps_its_article(tmp_path: Path):
    img = base64.b64encode(os.urandom(1_800_000)).decode()  # a 2.4 MB page, as in the issue
    page = PAGE.replace("<article>", f'<img src="data:image/png;base64,{img}"><article>')
    p = tmp_path / "big.html"
    p.write_text(page)
    assert len(page) > 2_000_000
    arts, problems = articles(str(p))
    assert len(arts) == 1 and "Kadugli" in arts[0].body and not problems


def test_dump_over_the_limit_is_read_in_pieces(tmp_path: Path):
    dump = "".join(
        f"Headline number {i} of the day\n\n{PARA} Report {i}.\n\n{PARA}\n\n\n" for i in range(400)
    )
    p = tmp_path / "dump.txt"
    p.write_text(dump)
    whole, _ = articles(str(p))
    cfg = {"read": {"max_document_chars": 20_000}}  # about 50 articles a piece
    pieces, problems = articles(str(p), cfg)
    assert len(dump) > 5 * 20_000 and not problems
    assert [a.title for a in pieces] == [a.title for a in whole] and len(whole) == 400
    assert [a.sources[0].index for a in pieces] == list(range(400))


def test_long_article_text_is_cut_and_reported(tmp_path: Path):
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"title": "Long", "text": (PARA + "\n\n") * 400}) + "\n")
    arts, problems = articles(str(p), {"read": {"max_document_chars": 10_000}})
    assert len(arts[0].body) <= 10_000
    assert any("cut" in x.reason and x.path == str(p) for x in problems)


# -- WARC records whose Content-Length lies ---------------------------------------------------------
def _warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(3):
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(PAGE.replace("Kadugli", f"Kadugli{i}").encode())
        w.write_record(w.create_warc_record(f"http://x/{i}", "response", payload=payload, http_headers=h))
    return buf.getvalue()


@pytest.mark.parametrize("delta", [-40, +25])
@pytest.mark.parametrize("gz", [False, True])
def test_warc_content_length_mismatch_is_reported(tmp_path: Path, delta: int, gz: bool):
    import gzip

    plain = _warc(False)
    start = plain.find(b"WARC/1", plain.find(b"http://x/0") + 1)  # the second record
    m = re.compile(rb"Content-Length: (\d+)").search(plain, start)
    bad = plain[: m.start(1)] + str(int(m.group(1)) + delta).encode() + plain[m.end(1) :]
    if gz:  # one gzip member per record, as crawlers write them
        bad = b"".join(gzip.compress(r) for r in re.split(rb"(?=WARC/1\.[01]\r\n)", bad) if r)
    p = tmp_path / ("bad.warc.gz" if gz else "bad.warc")
    p.write_bytes(bad)
    f = read_file(str(p))
    stored = [d.index for d in f.documents]
    assert 1 not in stored and 0 in stored and (2 in stored or delta > 0 and not gz)
    assert all(d.text.rstrip().endswith("</html>") for d in f.documents), "a record was stored cut"
    assert any("content-length" in x.reason.lower() or "cut short" in x.reason for x in f.problems)
    good = tmp_path / ("good.warc.gz" if gz else "good.warc")
    good.write_bytes(_warc(gz))
    f = read_file(str(good))
    assert len(f.documents) == 3 and not f.problems


# -- encodings -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "enc,bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_html_in_any_unicode_encoding_is_read_as_html(tmp_path: Path, enc: str, bom: bytes):
    p = tmp_path / "page.html"
    p.write_bytes(bom + PAGE.encode(enc))
    arts, problems = articles(str(p))
    assert len(arts) == 1 and arts[0].title == "Troops clash near Kadugli" and "\x00" not in arts[0].body
    assert not problems


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-32-be"])
def test_unicode_without_a_mark_is_read_and_the_guess_reported(tmp_path: Path, enc: str):
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.encode(enc))
    arts, problems = articles(str(p))
    assert len(arts) == 1 and arts[0].title == "Troops clash near Kadugli"
    assert [x.notice for x in problems] == [True] and enc in problems[0].reason


def test_gb18030_detected_and_reported(tmp_path: Path):
    text = "中国新闻\n\n" + "政府军周一在北部城镇附近与叛军发生冲突，官员说，至少七人在战斗中丧生。\n\n" * 10
    p = tmp_path / "zh.txt"
    p.write_bytes(text.encode("gb18030"))
    f = read_file(str(p))
    assert f.documents[0].text.startswith("中国新闻")
    assert f.problems[0].notice and "gb18030" in f.problems[0].reason and f.problems[0].path == str(p)


def test_declared_charset_is_used_without_a_guess(tmp_path: Path):
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace("Paragraph", "Абзац")
    p = tmp_path / "ru.html"
    p.write_bytes(page.encode("cp1251"))
    arts, problems = articles(str(p))
    assert "Абзац" in arts[0].body and not problems


def test_zero_width_only_file_is_not_stored(tmp_path: Path):
    p = tmp_path / "zw.txt"
    p.write_text("\u200b\u200c\u200d\ufeff\n\u2060\n\u200b")
    f = read_file(str(p))
    assert not f.documents and "empty" in f.problems[0].reason
    r = tmp_path / "zw.jsonl"
    r.write_text(json.dumps({"title": "x", "text": "\u200b\u200b"}) + "\n")
    assert not read_file(str(r)).documents


# -- decompression bombs: streamed, capped, memory bounded (a child process's peak RSS) -------------
def _gzip_stream(path: Path, chunk: bytes, total: int, nest: int = 0, head: bytes = b"") -> None:
    """Write gzip of `head` + `total` bytes (repeats of chunk) without holding it in memory. Level 1:
    a third of level 9's CPU for the same decompressed bytes (1 GB of zeros: a 4.4 MB file, not 1 MB)."""
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    with open(path, "wb") as f:
        f.write(c.compress(head))
        for _ in range(total // len(chunk)):
            f.write(c.compress(chunk))
        f.write(c.flush())
    for _ in range(nest):
        data = path.read_bytes()
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        path.write_bytes(c.compress(data) + c.flush())


def _read_in_child(path: Path, config: dict | None = None) -> dict:
    p = subprocess.run(
        [sys.executable, "-c", READ_PEAK_CHILD, str(path), json.dumps(config or {})],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout.strip().splitlines()[-1])


def _warc_head(payload_bytes: int) -> bytes:
    """The headers of one WARC response record whose HTML payload is `payload_bytes` long."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
        b"WARC-Date: 2025-06-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http) + payload_bytes}\r\n\r\n".encode()
        + http
    )


@pytest.mark.parametrize(
    "name,chunk,total,nest",
    [
        ("zeros.gz", b"\x00" * 65536, 1_000_000_000, 0),  # 1 GB of zeros: the 3.9 MB gzip
        ("text.jsonl.gz", (json.dumps({"title": "t", "text": PARA}) + "\n").encode() * 400, 1_000_000_000, 0),
        ("nested.gz", b"\x00" * 65536, 300_000_000, 1),  # a gzip inside a gzip
        ("record.warc.gz", b" " * 65536, 1_000_000_000, 0),  # an archive: a 1 GB page in one record
    ],
)
def test_decompression_bombs_are_refused_in_bounded_memory(tmp_path: Path, name, chunk, total, nest):
    p = tmp_path / name
    _gzip_stream(p, chunk, total, nest, head=_warc_head(total) if name.endswith(".warc.gz") else b"")
    out = _read_in_child(p)
    assert out["docs"] == 0
    assert any("decompress" in x for x in out["problems"]), out["problems"]
    assert out["peak_mb"] < 1024, out


def test_output_cap_is_a_setting(tmp_path: Path):
    p = tmp_path / "text.jsonl.gz"
    line = (json.dumps({"title": "t", "text": PARA + " " + "x" * 200}) + "\n").encode()
    _gzip_stream(p, line * 100, 6_000_000)
    out = _read_in_child(p, {"read": {"max_decompressed_bytes": 5_000_000}})
    assert out["docs"] == 0 and "read.max_decompressed_bytes" in out["problems"][0]
    out = _read_in_child(p, {"read": {"max_decompressed_bytes": 50_000_000}})
    assert out["docs"] > 1000 and not out["problems"]


def test_ratio_cap_is_a_setting(tmp_path: Path):
    """30 MB of repeated lines in a ~100 KB gzip: under the output cap, over the ratio cap (a bomb
    by its ratio); a user whose genuine data is that repetitive raises the setting."""
    p = tmp_path / "rep.jsonl.gz"
    line = (json.dumps({"title": "t", "text": PARA}) + "\n").encode()
    _gzip_stream(p, line * 200, 30_000_000)
    out = _read_in_child(p)
    assert out["docs"] == 0 and any("read.max_compression_ratio" in x for x in out["problems"]), out
    out = _read_in_child(p, {"read": {"max_compression_ratio": 100_000}})
    assert out["docs"] > 1000 and not any("compression" in x for x in out["problems"]), out["problems"][:3]


# -- exports: atomic, CSV cells inert ----------------------------------------------------------------
@pytest.fixture(scope="module")
def filled_store_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 long articles and one whose title is a formula, written once per module (seconds)."""
    from eventdesk.records import Source
    from eventdesk.store import open_store

    db = tmp_path_factory.mktemp("filled") / "s.db"
    with open_store(str(db)) as s, s.transaction():
        for i in range(3000):
            s.add_article(
                Article(title=f"Title {i}", body=f"Body {i}. " + PARA * 40, sources=[Source(f"f{i}.txt", 0)])
            )
        s.add_article(
            Article(title='=HYPERLINK("http://evil")', body="-2+3 @SUM(A1)", sources=[Source("e", 0)])
        )
    return db


@pytest.fixture
def filled_store(filled_store_once: Path, tmp_path: Path) -> Path:
    """A copy of it for each test (some open it for writing)."""
    return db_copy(filled_store_once, tmp_path / "s.db")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_killed_export_leaves_no_partial_file(filled_store: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"out.{fmt}"
    out.write_text("previous export\n")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventdesk",
            "export",
            "articles",
            "--format",
            fmt,
            "-o",
            str(out),
            "--db",
            str(filled_store),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        parts = [p for p in tmp_path.iterdir() if p.name.endswith(".part") and p.stat().st_size > 0]
        if parts:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "export finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert out.read_text() == "previous export\n"  # untouched: the new one was never renamed in
    cli("export", "articles", "--format", fmt, "-o", str(out), "--db", str(filled_store))
    assert not [
        p
        for p in tmp_path.iterdir()
        if p.name.endswith(".part") and p.stat().st_size and p.stat().st_mtime > time.time() + 1
    ]
    if fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 3001


def test_csv_formula_cells_are_neutralised(filled_store: Path, tmp_path: Path):
    out = tmp_path / "a.csv"
    cli("export", "articles", "--format", "csv", "-o", str(out), "--db", str(filled_store))
    rows = {r["title"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    evil = rows['\'=HYPERLINK("http://evil")']
    assert evil["body"] == "'-2+3 @SUM(A1)"
    assert rows["Title 1"]["body"].startswith("Body 1.")  # ordinary text untouched


# -- messages: control characters, path spellings ------------------------------------------------
def test_control_characters_in_names_are_escaped_in_messages(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a\x1b[2Jb\u202ec.txt").write_bytes(b"")
    p = cli("ingest", str(d), "--db", str(tmp_path / "s.db"), check=False)
    assert "\x1b" not in p.stderr and "\u202e" not in p.stderr
    assert "\\x1b[2Jb\\u202ec.txt" in p.stderr


def test_one_file_under_two_spellings_is_one_source(tmp_path: Path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(f"Headline\n\n{PARA}\n")
    db = str(tmp_path / "s.db")
    for spelling in ("in/a.txt", "./in/a.txt", "in/../in/a.txt", str(d / "a.txt"), "in//a.txt"):
        cli("ingest", spelling, "--db", db, "-q", cwd=tmp_path)
    import sqlite3

    c = sqlite3.connect(db)
    assert c.execute("SELECT path FROM sources").fetchall() == [("in/a.txt",)]


# -- errors that must be messages -----------------------------------------------------------------
def test_db_path_with_hash_and_question_mark_opens_that_file(tmp_path: Path):
    (tmp_path / "in.txt").write_text(f"Headline\n\n{PARA}\n")
    name = "a#b?c.db"
    cli("ingest", "in.txt", "--db", name, "-q", cwd=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("a")) == [name]
    p = cli("stats", "--db", name, cwd=tmp_path)
    assert re.search(r"articles\s+1\b", p.stdout)
    assert cli("check", "--db", name, cwd=tmp_path).returncode == 0


def _immutable(path: Path, on: bool) -> bool:
    """chattr +i: read-only even for root (file permissions are not, so tests run as root need it)."""
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True).returncode == 0


def test_read_only_store_gives_messages_and_check_says_it_is_sound_but_read_only(tmp_path: Path):
    (tmp_path / "in.txt").write_text(f"Headline\n\n{PARA}\n")
    ro = tmp_path / "ro"
    ro.mkdir()
    cli("ingest", str(tmp_path / "in.txt"), "--db", str(ro / "s.db"), "-q")
    for p in (ro / "s.db-wal", ro / "s.db-shm"):
        p.unlink(missing_ok=True)
    if os.geteuid() == 0:
        if not _immutable(ro, True):
            pytest.skip("root, and no chattr to make a folder read-only")
    else:
        ro.chmod(0o555)
    try:
        w = cli("ingest", str(tmp_path / "in.txt"), "--db", str(ro / "s.db"), check=False)
        assert w.returncode == 1 and "Traceback" not in w.stderr
        assert len(w.stderr.strip().splitlines()) == 1 and "--db" in w.stderr or "writable" in w.stderr
        for cmd in (["stats"], ["events"], ["export", "articles"]):
            r = cli(*cmd, "--db", str(ro / "s.db"), check=False)
            assert r.returncode == 0 and "Traceback" not in r.stderr, (cmd, r.stderr)
        c = cli("check", "--db", str(ro / "s.db"), check=False)
        # 4, not 1 (damaged) nor 0: sound, but a run cannot write to it (cli check's exit statuses)
        assert c.returncode == 4 and "the store is sound" in c.stdout, c.stderr
        assert "read-only" in c.stderr and "Traceback" not in c.stderr
    finally:
        if os.geteuid() == 0:
            _immutable(ro, False)
        ro.chmod(0o755)


def test_disk_full_is_one_line_saying_what_to_do(tmp_path: Path, monkeypatch, capsys):
    """SQLite's "database or disk is full" (SQLITE_FULL), made with max_page_count: what a full disk gives."""
    from eventdesk.cli import main
    from eventdesk.store.sqlite import SQLiteStore

    (tmp_path / "in.txt").write_text(f"Headline\n\n{PARA * 200}\n")
    db = str(tmp_path / "s.db")
    opened = SQLiteStore.__init__

    def tiny(self, *a, **k):
        opened(self, *a, **k)
        n = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count={n + 2}")

    monkeypatch.setattr(SQLiteStore, "__init__", tiny)
    assert main(["ingest", str(tmp_path / "in.txt"), "--db", db, "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "full" in err[0] and "free some space" in err[0]


def test_store_in_a_missing_folder_says_the_folder_is_missing(tmp_path: Path, capsys):
    """Not "no permission": the folder is simply not there, and the message says how to make it."""
    from eventdesk.cli import main

    (tmp_path / "in.txt").write_text(f"Headline\n\n{PARA}\n")
    db = tmp_path / "no" / "such" / "s.db"
    assert main(["ingest", str(tmp_path / "in.txt"), "--db", str(db), "-q"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not exist" in err[0] and f"mkdir -p {db.parent}" in err[0]
    assert not db.parent.exists()


# -- serve: Host names, bounded searches, numeric parameters, SIGTERM ------------------------------
@pytest.fixture
def client(filled_store: Path):
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app

    app = create_app(
        str(filled_store), hosts=["events.example.org"], config={"serve": {"search_budget_s": 2}}
    )
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.mark.parametrize("token", [None, "s3cret"])
def test_serve_answers_only_its_own_host_names(filled_store: Path, token):
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app

    app = create_app(str(filled_store), token=token, hosts=["events.example.org"])
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000", "events.example.org"):
            assert c.get("/api/stats", headers={"Host": host, **auth}).status_code == 200, host
        for host in ("evil.com", "evil.com:8000", "127.0.0.1.evil.com", "", "localhost.evil.com"):
            r = c.get("/api/stats", headers={"Host": host, **auth})
            assert r.status_code == 421 and "articles" not in r.text, host


def test_serve_bounds_searches_and_numbers(client):
    assert client.get("/api/search", params={"q": "troops"}).status_code == 200
    assert client.get("/api/search", params={"q": " ".join(f"w{i}" for i in range(17))}).status_code == 422
    assert client.get("/api/search", params={"q": "a* b* c* d* e*"}).status_code == 422
    assert client.get("/api/search", params={"q": "t*"}).status_code == 422
    for param in ("offset", "limit"):
        for value in (str(2**63), str(2**64), "-1", "1e3", "x"):
            r = client.get("/api/events", params={param: value})
            assert r.status_code == 422, (param, value, r.status_code)
    assert client.get("/api/search", params={"q": "troops", "offset": str(2**63)}).status_code == 422


def test_search_time_budget_interrupts_the_query(filled_store: Path):
    from fastapi.testclient import TestClient

    from eventdesk.serve.app import create_app
    from eventdesk.store import open_store

    app = create_app(str(filled_store), config={"serve": {"search_budget_s": 1e-9}})
    with TestClient(app, base_url="http://127.0.0.1") as c:
        r = c.get("/api/search", params={"q": "go* ki* ti* se*"})
        assert r.status_code == 503 and "longer than" in r.json()["detail"]
    with open_store(str(filled_store), readonly=True) as s:  # the store API: budget and cancellation
        with pytest.raises(Exception, match="interrupt"), s.query_budget(None, cancelled=lambda: True):
            s.search_marked("go* ki* ti*", limit=50)
        assert s.search_marked("troops", limit=1)  # no handler left behind


def test_cli_offset_out_of_range_is_a_message(filled_store: Path):
    p = cli("events", "--db", str(filled_store), "--offset", str(2**63), check=False)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "out of range" in p.stderr


def test_sigterm_stops_serve_promptly_during_a_heavy_search(filled_store: Path):
    import socket
    import threading
    import urllib.request

    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        port = sk.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "serve", "--db", str(filled_store), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        q = "go* ki* ti* se*"
        url = f"http://127.0.0.1:{port}/api/search?q=" + urllib.request.quote(q) + "&limit=100"
        threading.Thread(target=lambda: urllib.request.urlopen(url, timeout=30), daemon=True).start()
        time.sleep(0.3)
        t0 = time.time()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
        assert time.time() - t0 < 8
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# -- watch: an overall deadline per fetch, feeds fetched at once, gzip feeds capped, guid reuse ------
class _Hostile:
    """/trickle.xml sends a byte every 0.5 s; /good.xml a small feed; /bomb.xml a gzip bomb."""

    def __init__(self, feed: bytes) -> None:
        import gzip as gz
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        bomb = gz.compress(b"<rss>" + b" " * 200_000_000 + b"</rss>", 6)
        self.feed = feed

        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                body = {"/good.xml": outer.feed, "/bomb.xml": bomb}.get(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                if self.path == "/trickle.xml":
                    self.end_headers()
                    try:
                        for c in outer.feed:
                            self.wfile.write(bytes([c]))
                            self.wfile.flush()
                            time.sleep(0.5)
                    except OSError:
                        pass
                    return
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{t}</title><guid>{g}</guid><description>{d}</description></item>" for g, t, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'.encode()


def test_watch_deadline_and_a_slow_feed_does_not_hold_the_others(tmp_path: Path, monkeypatch):
    import eventdesk.pipeline
    from eventdesk.config import load_config
    from eventdesk.store import open_store
    from eventdesk.watch import watch

    monkeypatch.setattr(eventdesk.pipeline, "extract_events", lambda arts, cfg: [])
    srv = _Hostile(
        _rss([("g1", "Troops clash near Kadugli", PARA), ("g2", "Talks in Doha", PARA + " Talks.")])
    )
    try:
        cfg = load_config(overrides={"watch": {"timeout_seconds": 3}})
        urls = [srv.base + "/trickle.xml", srv.base + "/bomb.xml", srv.base + "/good.xml"]
        with open_store(str(tmp_path / "w.db")) as store:
            t0 = time.time()
            rep = watch(urls, store, cfg, interval=1, once=True, say=lambda s: None)
            took = time.time() - t0
            assert took < 10, took  # not 300 s of trickle: 3 s deadline, feeds fetched at once
            reasons = {p.path.rsplit("/", 1)[-1]: p.reason for p in rep.problems}
            assert "within 3 s" in reasons["trickle.xml"]
            assert "limit" in reasons["bomb.xml"] or "decompress" in reasons["bomb.xml"]
            assert rep.total("new_articles") == 2  # the good feed, whatever the others did
    finally:
        srv.close()


def test_feed_item_reusing_a_guid_is_kept_and_reported(tmp_path: Path, monkeypatch):
    import eventdesk.pipeline
    from eventdesk.config import load_config
    from eventdesk.store import open_store
    from eventdesk.watch import watch

    monkeypatch.setattr(eventdesk.pipeline, "extract_events", lambda arts, cfg: [])
    srv = _Hostile(_rss([("same", "Troops clash near Kadugli", PARA)]))
    try:
        with open_store(str(tmp_path / "w.db")) as store:
            url = srv.base + "/good.xml"
            watch([url], store, load_config(), interval=1, once=True, say=lambda s: None)
            srv.feed = _rss(
                [
                    (
                        "same",
                        "Floods in Sennar",
                        "Floods destroyed homes in Sennar on Friday, officials said.",
                    ),
                    ("same", "Troops clash near Kadugli", PARA),
                ]
            )
            rep = watch([url], store, load_config(), interval=1, once=True, say=lambda s: None)
            assert rep.total("new_articles") == 1
            assert any("reuses the guid" in p.reason for p in rep.problems)
            assert {a.title for a in store.iter_articles()} == {
                "Troops clash near Kadugli",
                "Floods in Sennar",
            }
    finally:
        srv.close()
