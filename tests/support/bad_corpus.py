"""A corpus of bad input, generated (never stored in the repo): every kind of file a real archive
throws at a reader. Used by tests/integration/test_bad_input.py and benchmarks/robustness.py.

`make_bad_corpus(root)` writes the files and returns {file name: what a user must be told},
the words that must appear in the one line naming that file (lower case).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from pathlib import Path

PARA = (
    "The army said on Tuesday it had retaken the town after two days of fighting with rebels, "
    "and residents said at least five civilians were killed in the clashes. "
)


def _warc(n: int = 3) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i in range(n):
        html = (
            f"<html><head><title>Report {i}</title></head><body><article><h1>Report {i}</h1>"
            + f"<p>{PARA * 3} Report number {i}.</p>" * 4
            + "</article></body></html>"
        ).encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        w.write_record(
            w.create_warc_record(
                f"https://example.org/2025/06/0{i + 1}/report-{i}",
                "response",
                payload=io.BytesIO(html),
                http_headers=headers,
            )
        )
    return buf.getvalue()


def make_bad_corpus(root: Path, big_mb: int = 100, seed: int = 1) -> dict[str, list[str]]:
    """Write the bad-input corpus under `root`; returns {relative path: words the report must hold}.

    Files that are readable in part (a truncated gzip keeps what it can) are listed too: the
    user must be told what was lost. Files that are fine but hostile (SQL, script, bidi text)
    are not listed: they must be stored as data, with no report at all.
    """
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    expect: dict[str, list[str]] = {}

    def put(name: str, data: bytes | str, *words: str) -> Path:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        if words:
            expect[name] = [w.lower() for w in words]
        return p

    # -- not text at all
    put("blob.bin", bytes(rnd.randrange(256) for _ in range(8192)), "binary")
    put(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rnd.randrange(256) for _ in range(2000)),
        "binary",
    )
    put("archive.zip", b"PK\x03\x04" + bytes(200), "zip")
    # -- empty
    put("empty.txt", b"", "empty")
    put("blank.txt", " \n\n\t\r\n   \n", "empty")
    put("furniture_only.txt", "TT\n\n20\n\n", "no article")
    # -- encodings: readable, every character kept; a guessed encoding is a notice (not bad input)
    put("cp1252.txt", ("Cost rises\n\n" + PARA + "Price: \u00a315.8m \u2019quoted\u2019.\n").encode("cp1252"))
    put(
        "mixed.txt",
        ("Mixed encodings\n\n" + PARA + "caf\u00e9\n").encode() + "na\u00efve \u2019\n".encode("cp1252"),
    )
    put(
        "invalid_utf8.txt",
        b"Stray bytes\n\n"
        + PARA.encode().replace(b"town", b"t\xffown").replace(b"army", b"\xc3(army")
        + b"\n",
    )
    # a line of pure noise where the article should be: nothing to keep, and the user is told
    put(
        "noise_tail.txt",
        b"Garbled\n\n" + bytes(rnd.randrange(128, 256) for _ in range(500)) + b"\n",
        "no article",
    )
    put("utf16_bom.txt", ("\ufeffUTF-16 headline\n\n" + PARA + "\n").encode("utf-16-le"))
    # no byte order mark: told by its NUL bytes, read, and the guess reported (issue 15)
    put("utf16_nobom.txt", ("UTF-16 headline\n\n" + PARA + "\n").encode("utf-16-le"), "utf-16")
    # NUL bytes after the sniffed head: text with control characters, stored as data
    put("late_nul.txt", "Late NUL\n\n" + PARA * 60 + "\x00\x00 tail\n")
    # -- compressed and archived
    body = "\n".join(
        json.dumps({"title": f"Item {i}", "text": PARA + f"Item {i}."}) for i in range(300)
    ).encode()
    gz = gzip.compress(body)
    put("cut.jsonl.gz", gz[: len(gz) // 2], "truncated gzip")
    put("garbage.gz", b"\x1f\x8b\x08\x00" + bytes(rnd.randrange(256) for _ in range(3000)), "gzip")
    warc = _warc()
    put("cut.warc.gz", warc[: len(warc) - 60], "warc")
    plain = gzip.decompress(warc)
    put("cut_plain.warc", plain[: len(plain) - 200], "warc")
    put("fake.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nnot really", "warc")
    put(
        "gzip_bomb_nest.gz",
        gzip.compress(gzip.compress(gzip.compress(gzip.compress(b"Headline\n\n" + PARA.encode())))),
        "gzip nested",
    )
    # -- HTML
    put(
        "nested_divs.html",
        "<html><body>" + "<div>" * 100_000 + "<p>" + PARA + "</p>" + "</div>" * 100_000 + "</body></html>",
        "html",
    )
    put(
        "malformed.html",
        "<html><body><p>"
        + PARA
        + "<div><span><b><i><table><tr><td>"
        + "<p>unclosed " * 500
        + "</b></i></table></html></html><<<>>>&#xffffffff;&bogus;</p",
    )
    put(
        "no_text.html",
        "<!DOCTYPE html><html><head><title>x</title><style>p {color: red}</style></head><body>"
        "<script>alert(1)</script><img src=a.png></body></html>",
        "without article text",
    )
    # -- JSON / JSONL
    put(
        "broken.jsonl",
        "\n".join(
            [
                json.dumps({"title": "Good line", "text": PARA}),
                '{"title": "cut off", "text": "no end',
                "[1, 2, 3]",
                '"just a string"',
                json.dumps({"title": "no text"}),
                json.dumps({"title": "Numbers", "text": 12345}),
                json.dumps({"title": "Another good line", "text": PARA + " second."}),
            ]
        )
        + "\n",
        "line 2",
        "not valid json",
    )
    put(
        "deep.jsonl",
        '{"a":' * 50_000
        + "1"
        + "}" * 50_000
        + "\n"
        + json.dumps({"title": "After deep", "text": PARA})
        + "\n",
        "line 1",
    )
    put("deep.json", "[" * 200_000 + "]" * 200_000, "json")
    put(
        "surrogate.jsonl",
        '{"title": "Lone \\ud800 surrogate", "text": "Body with a lone surrogate \\udfff ' + PARA + '"}\n',
    )
    # -- feeds
    lol = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "]><rss><channel><item><title>x</title><description>&i;</description></item></channel></rss>"
    )
    put("laughs.xml", lol, "feed")
    put("bad_feed.xml", '<?xml version="1.0"?><rss><channel><item><title>x</title>', "feed")
    # -- hostile text: stored as data, never executed, no report
    put(
        "hostile.jsonl",
        "\n".join(
            json.dumps({"title": t, "text": PARA + " " + t})
            for t in [
                "Robert'); DROP TABLE articles;--",
                '<script>alert("x")</script> <img src=x onerror=alert(1)>',
                "\u202eevil bidi \u202c and zero\u200bwidth",
                '" OR 1=1 -- NEAR( AND * ^ articles_fts MATCH',
            ]
        )
        + "\n",
    )
    # -- one 100 MB text file (the limit is 200 MB: it is read, its one document is cut)
    if big_mb:
        chunk = ("Big file headline\n\n" + (PARA * 8 + "\n\n") * 200).encode()
        with open(root / "big.txt", "wb") as f:
            for _ in range(big_mb * 1_000_000 // len(chunk) + 1):
                f.write(chunk)
        # read whole, in pieces (issue 15); its shape (one headline, 200 one-line paragraphs, 500 times)
        # is no article the dump reader knows: each piece says so
        expect["big.txt"] = ["no article found"]
        one_line = root / "one_line.txt"
        one_line.write_bytes(b"x" * 5_000_000)  # 5 MB without a newline or a space
        expect["one_line.txt"] = ["characters cut"]  # a line longer than a piece: cut, reported
    # -- file system oddities
    sub = root / "links"
    sub.mkdir()
    os.symlink("..", sub / "loop")
    expect["links/loop"] = ["loop"]
    os.symlink("self.txt", sub / "self.txt")
    expect["links/self.txt"] = ["link"]
    os.symlink("missing-target", sub / "dangling.txt")
    expect["links/dangling.txt"] = ["broken symbolic link"]
    os.mkfifo(root / "fifo.txt")
    expect["fifo.txt"] = ["not a regular file"]
    (root / "folder.txt").mkdir()  # a folder with a file-like name: walked, nothing to report
    put("folder.txt/inside.txt", "Inside a folder named .txt\n\n" + PARA + "\n")
    # a latin-1 file name (not UTF-8): cannot be stored as a path; reported by its bytes, escaped
    put(os.fsdecode(b"caf\xe9-latin1-name.txt"), "Odd file name\n\n" + PARA + "\n")
    expect["caf\\xe9-latin1-name.txt"] = ["not valid utf-8"]
    return expect
