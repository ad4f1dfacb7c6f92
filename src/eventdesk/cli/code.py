"""`eventdesk code`: event coding of short texts (SCHEMA.md "Batch coding of short texts")."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventdesk.cli._common import open_output, read_jsonl, write_jsonl

NAME = "code"
HELP = "short news texts in JSONL -> events (who did what to whom, where, when) per text"
DESCRIPTION = """\
Each input line {"id", "text", "published"} (one short news text, no headline) gives one output
line {"id", "events": [event, ...]} with events in the docs/SCHEMA.md format, strongest first: the
text's main event comes first. A text with no event but an out-of-scope label from the
classifier (NATURAL_DISASTER, ORG_CRIME, DIPLO ...) gets a top-level "case_label".
The chain is the same as `eventdesk run`: annotate + code -> place -> date.
"""
EPILOG = """\
examples:
  eventdesk code --input notes.jsonl --output events.jsonl
  cat notes.jsonl | eventdesk code --input - > events.jsonl
  eventdesk code --input notes.jsonl --config my.toml      (e.g. [annotate] model = "en_core_web_trf")
"""

BATCH = 64


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", "-i", required=True, metavar="JSONL", help="texts, or - for stdin")
    p.add_argument("--output", "-o", metavar="JSONL", help="default: standard output")
    p.add_argument("--config", metavar="TOML", help="settings file (default: ./eventdesk.toml if present)")


def _records(path: str, skipped: list[int]) -> Any:
    for rec in read_jsonl(path, required=("id", "text"), skipped=skipped):
        if not isinstance(rec.get("text"), str):
            print(
                f'eventdesk: {path}: id {rec.get("id")!r}: "text" is not a string; skipped', file=sys.stderr
            )
            skipped.append(-1)
            continue
        pub = rec.get("published")
        yield {"id": str(rec["id"]), "text": rec["text"], "published": pub if isinstance(pub, str) else None}


def code_batch(
    batch: list[dict[str, Any]], config: dict[str, Any], failed: list[str] | None = None
) -> list[dict[str, Any]]:
    """Output lines for a batch of input records (`failed` collects the texts the coder failed on)."""
    from eventdesk.cli._common import print_problem
    from eventdesk.code.classify import classify_document
    from eventdesk.pipeline import code_batch as extract
    from eventdesk.records import Article
    from eventdesk.resources import Resources

    res = Resources.shared(config)  # the one the coder used (pipeline.extract_events)

    arts = [Article(title="", body=r["text"], published=r["published"], id=r["id"]) for r in batch]
    # short texts given to be coded: no relevance gate; a text that hangs or crashes the coder is reported
    events, problems = extract(arts, config, gate=False)
    for p in problems:
        print_problem(p)
        if failed is not None:
            failed.append(p.path)
    by: dict[str, list[Any]] = {a.id: [] for a in arts}
    for e in events:
        by.setdefault(e.article_id, []).append(e)
    out = []
    empty = [r for r in batch if not by[r["id"]] and r["text"].strip()]
    labels = {}
    if empty:
        for r, gs in zip(
            empty, classify_document([r["text"] for r in empty], res.nlp, res.acled_model), strict=True
        ):
            if gs and gs[0].case_label:
                labels[r["id"]] = gs[0].case_label
    for r in batch:
        line: dict[str, Any] = {"id": r["id"], "events": [e.to_dict() for e in by[r["id"]]]}
        if r["id"] in labels:
            line["case_label"] = labels[r["id"]]
        out.append(line)
    return out


def main(args: argparse.Namespace) -> int:
    from eventdesk.config import load_config

    config = load_config(getattr(args, "config", None))
    out = open_output(args.output)
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(desc="coding", unit="text", file=sys.stderr)
    batch: list[dict[str, Any]] = []
    skipped: list[int] = []
    failed: list[str] = []

    def flush() -> None:
        for line in code_batch(batch, config, failed):
            write_jsonl(out, line)
        if bar is not None:
            bar.update(len(batch))
        batch.clear()

    for rec in _records(args.input, skipped):
        batch.append(rec)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    if bar is not None:
        bar.close()
    out.flush()
    return 3 if skipped or failed else 0
