"""`eventdesk extract`: main text of HTML pages (SCHEMA.md "Text extraction")."""

from __future__ import annotations

import argparse

from eventdesk.cli._common import open_output, read_jsonl, write_jsonl

NAME = "extract"
HELP = "HTML pages in JSONL -> title, body text and publication date per page"
DESCRIPTION = """\
Each input line {"id", "html", "url"} gives one output line {"id", "title", "body", "published"}:
the article text without navigation, ads or comments (trafilatura, favor_precision; readability
as the fallback), paragraphs separated by a blank line.
"""
EPILOG = """\
examples:
  eventdesk extract --input pages.jsonl > texts.jsonl
  cat pages.jsonl | eventdesk extract --input -
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", "-i", required=True, metavar="JSONL", help="pages, or - for stdin")
    p.add_argument("--output", "-o", metavar="JSONL", help="default: standard output")


def main(args: argparse.Namespace) -> int:
    from eventdesk.segment.html import extract_html

    out = open_output(args.output)
    skipped: list[int] = []
    for rec in read_jsonl(args.input, required=("id",), skipped=skipped):
        html = rec.get("html") if isinstance(rec.get("html"), str) else ""
        ex = extract_html(html, rec.get("url")) if html.strip() else None
        write_jsonl(
            out,
            {
                "id": rec["id"],
                "title": ex.title if ex else None,
                "body": ex.body if ex else "",
                "published": ex.published if ex else None,
            },
        )
    out.flush()
    return 3 if skipped else 0
