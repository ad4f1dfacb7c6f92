#!/usr/bin/env python3
"""Record the eventness gate's candidates exactly as the gate sees them during `eventdesk run`.

    python scripts/gate_candidates.py OUT.jsonl run INPUT --db DB [--config TOML] ...

Runs the eventdesk command line in this process (one worker) with `candidates` wrapped where the gate
calls it (eventdesk.code.eventness.gating), so every candidate the gate judges (one coded clause of one
article, before coreference and merge, with the coder's modality, before the dates stage revises it) is written to OUT.jsonl as
{"article_id", "candidate": {Candidate fields}}. Bare mentions (which the gate never drops) are left out.

Why: an exported record is what the store keeps after the dates stage and coreference: a clause joined
into another record is no longer a record of its own, and the dates stage turns a past event's
modality into "historical". Training on exported records therefore trains on other features than the
gate meets, and loses the labels of joined clauses (train_eventness.py runs through this script).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any


def main(argv: list[str]) -> int:
    out_path, rest = argv[0], argv[1:]
    import eventdesk.code.eventness.gating as ev
    from eventdesk.cli import main as cli_main

    original = ev.candidates
    out = open(out_path, "w", encoding="utf-8")  # noqa: SIM115 (closed after the run)

    def recording(events: list[Any], body_length: int, genre: str | None = None) -> list[Any]:
        cs = original(events, body_length, genre)
        for e, c in zip(events, cs, strict=True):
            extra = getattr(e, "extra", None) or {}
            if extra.get("mention_only"):
                continue
            out.write(
                json.dumps(
                    {"article_id": e.article_id, "candidate": dataclasses.asdict(c)}, ensure_ascii=False
                )
                + "\n"
            )
        return cs

    ev.candidates = recording
    try:
        return int(cli_main(rest) or 0)
    finally:
        ev.candidates = original
        out.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
