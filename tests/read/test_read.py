"""Readers: formats told by content, bad input reported by name, never a crash."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from eventdesk.read import read, read_file, sniff
from eventdesk.read.decode import decode
from eventdesk.records import Document

HTML = """<!DOCTYPE html><html><head><title>Army retakes town - Example News</title>
<meta property="article:published_time" content="2025-03-14T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Army retakes town</h1>
<p>The army said on Thursday it had retaken the town of Example after two days of fighting with rebels.</p>
<p>Residents said at least five civilians were killed in the clashes, according to local officials.</p>
<p>The rebels did not comment on the claim, which could not be independently verified.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def docs(f) -> list[Document]:
    return f.documents


def test_sniff_by_content_not_suffix(tmp_path: Path):
    assert sniff(HTML.encode()) == "html"
    assert sniff(b'{"title": "x", "text": "y"}\n') == "jsonl"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b"Headline\n\nBody text.\n") == "dump"
    assert sniff(b"\x00\x01\x02binary") == "binary"
    p = tmp_path / "page.txt"  # wrong suffix on purpose
    p.write_text(HTML)
    f = read_file(str(p))
    assert [d.kind for d in f.documents] == ["html"]


def test_jsonl_field_names_and_broken_lines(tmp_path: Path):
    p = tmp_path / "export.jsonl"
    lines = [
        json.dumps(
            {
                "title": "News-please style",
                "maintext": "Body one.",
                "date_publish": "2024-05-01 10:00:00",
                "url": "https://example.org/a",
            }
        ),
        "{broken json",
        json.dumps({"title": "Trafilatura style", "text": "Body two.", "date": "2024-05-02"}),
        json.dumps({"headline": "Plain", "body": "Body three.", "published": "2024-05-03"}),
        json.dumps({"title": "No text at all"}),
        "",
    ]
    p.write_text("\n".join(lines))
    f = read_file(str(p))
    assert [(d.title, d.text, d.published, d.index) for d in f.documents] == [
        ("News-please style", "Body one.", "2024-05-01 10:00:00", 0),
        ("Trafilatura style", "Body two.", "2024-05-02", 2),
        ("Plain", "Body three.", "2024-05-03", 3),
    ]
    reasons = [str(x) for x in f.problems]
    assert any("line 2: not valid JSON" in r and "export.jsonl" in r for r in reasons)
    assert any("record has no text" in r for r in reasons)


def test_gzip_and_truncated_gzip(tmp_path: Path):
    body = "\n".join(
        json.dumps({"title": f"T{i}", "text": f"Text number {i} " * 50}) for i in range(200)
    ).encode()
    gz = gzip.compress(body)
    (tmp_path / "a.jsonl.gz").write_bytes(gz)
    assert len(read_file(str(tmp_path / "a.jsonl.gz")).documents) == 200
    (tmp_path / "cut.gz").write_bytes(gz[: len(gz) // 2])
    f = read_file(str(tmp_path / "cut.gz"))
    assert any("truncated gzip" in str(p) and "cut.gz" in str(p) for p in f.problems)
    assert 0 < len(f.documents) < 200  # what could be read is kept


def test_warc_html_responses(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i, url in enumerate(["https://example.org/2025/03/14/army", "https://example.org/img.png"]):
        ctype = "text/html; charset=utf-8" if i == 0 else "image/png"
        payload = HTML.encode() if i == 0 else b"\x89PNG...."
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    data = buf.getvalue()
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    f = read_file(str(tmp_path / "crawl.warc.gz"))
    assert [(d.kind, d.url) for d in f.documents] == [("html", "https://example.org/2025/03/14/army")]
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 40])
    f = read_file(str(tmp_path / "cut.warc.gz"))
    assert f.problems and "cut.warc.gz" in str(f.problems[0])


def test_bad_files_are_named(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00" * 10)
    (tmp_path / "ok.txt").write_text("Headline\n\nA paragraph of text.\n")
    os.symlink(str(tmp_path), str(tmp_path / "loop"))
    os.symlink(str(tmp_path / "missing"), str(tmp_path / "dangling.txt"))
    files = list(read([str(tmp_path)]))
    problems = {os.path.basename(p.path): p.reason for f in files for p in f.problems}
    assert "empty file" in problems["empty.txt"]
    assert "binary" in problems["blob.bin"]
    assert "loop" in problems["loop"]
    assert "broken symbolic link" in problems["dangling.txt"]
    ok = [f for f in files if f.path.endswith("ok.txt")]
    assert ok[0].documents[0].kind == "dump"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    assert "permission denied" in str(read_file(str(p)).problems[0])


def test_decode_cp1252_and_mixed():
    assert decode("Price: £15.8m".encode("cp1252")) == "Price: £15.8m"
    mixed = "caf\u00e9 in UTF-8\n".encode() + "na\u00efve in cp1252 \u2019\n".encode("cp1252")
    assert decode(mixed) == "caf\u00e9 in UTF-8\nna\u00efve in cp1252 \u2019\n"
    assert decode("\ufeffBOM text".encode()) == "BOM text"


def test_bbc_cp1252_file_decoded(shared: Path):
    f = read_file(str(shared / "corpora/bbc/sport/199.txt"))
    assert "£" in f.documents[0].text
    # the guess is reported (issue 15), as a notice: it does not make the run partial
    [p] = f.problems
    assert p.notice and "cp1252" in p.reason and p.path.endswith("199.txt")


def test_rss_feed(tmp_path: Path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
    <item><title>One</title><link>https://example.org/1</link><description>&lt;p&gt;First item text.&lt;/p&gt;</description>
    <pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>
    <item><title>Two</title><link>https://example.org/2</link><description>Second.</description></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(rss)
    f = read_file(str(tmp_path / "feed.xml"))
    assert [(d.title, d.text.strip(), d.url) for d in f.documents] == [
        ("One", "First item text.", "https://example.org/1"),
        ("Two", "Second.", "https://example.org/2"),
    ]
    assert f.documents[0].published.startswith("2025-06-03")


def test_size_limit(tmp_path: Path):
    p = tmp_path / "big.txt"
    p.write_text("Headline\n\n" + "word " * 3000)
    f = read_file(str(p), {"read": {"max_file_bytes": 1000}})
    assert not f.documents and "limit" in str(f.problems[0])


def test_long_dump_is_cut_where_an_article_starts():
    from eventdesk.read import dump_pieces
    from eventdesk.records import Document

    para = "Officials said the talks would continue next week in the capital.\n\n"
    first = "Talks Stall Over Border Crossings\n\n" + para * 6
    second = "Floods Force Thousands From Their Homes\n\n" + para * 6
    doc = Document("d.txt", "dump", first + second)
    # The second headline starts inside the last quarter of the first piece: the cut goes there,
    # not at the later blank lines (after that headline and after its first paragraph).
    pieces, problems = dump_pieces(doc, len(first) + len(second) // 4)
    assert problems == []
    assert [p.text for p in pieces] == [first, second]
    # A window with no headline-like line after a blank line cuts at the last blank line.
    pieces, problems = dump_pieces(Document("d.txt", "dump", para * 10), len(para) * 4 + 10)
    assert problems == [] and pieces[0].text == para * 4 and "".join(p.text for p in pieces) == para * 10


def test_a_folders_readme_and_licence_are_left_out_with_a_notice(tmp_path: Path):
    """A corpus folder's documentation (BBC's README.TXT) is no article; an article file, one whose
    name merely contains such a word, and a README given by name are read."""
    from eventdesk.read.files import expand
    from eventdesk.records import Problem

    body = "Troops clashed with rebels near the town on Monday, officials said.\n"
    for name in ("README.TXT", "LICENSE", "Copying.md", "001.txt", "readme-protest.txt", "README.html"):
        (tmp_path / name).write_text(f"Headline of {name}\n\n{body}")
    got = list(expand([str(tmp_path)]))
    files = sorted(os.path.basename(x) for x in got if isinstance(x, str))
    notices = sorted(os.path.basename(p.path) for p in got if isinstance(p, Problem))
    assert files == ["001.txt", "README.html", "readme-protest.txt"]
    assert notices == ["Copying.md", "LICENSE", "README.TXT"]
    assert all(p.notice and "documentation" in p.reason for p in got if isinstance(p, Problem))
    assert list(expand([str(tmp_path / "README.TXT")])) == [str(tmp_path / "README.TXT")]
