#!/usr/bin/env python3
"""Score the coder's in-sentence selection and type choice on hand-labelled trigger candidates.

    python scripts/score_clause_labels.py [--labels training/clause_labels.tsv] [--gate] [--candidates DIR]

A label file names one trigger candidate a line (training/clause_labels.tsv; the eventness labels of
training/eventness_labels.tsv have the same first eight columns): corpus key, sentence and trigger
offsets in the article body, the lexicon's event type, the label, a hash of the sentence, and in
clause_labels.tsv the rule family the candidate illustrates. Labels: `event` = an event of that
type the coder must keep; `type:X` = an event, of type X; `none` = no event of its own (a side
trigger: the content of a verbal act, a purpose, a background noun, a plan, a circumstance).

The labelled articles are read from ../shared/corpora (scripts/eventness_corpus.py; never a
realnews article) and run through `eventdesk run` (the eventness gate off unless --gate). A
candidate counts as coded when a record's trigger starts at its offset (a labelled event also when a
record of its type has a mention whose sentence holds it). Printed: per label kind how
many the coder gets right, per rule family the same, a line `SCORE clause half=study|held ...` per half
(md5 of the corpus key, last hex digit 0-7 study, 8-f held, as the other scorers split) and a last line
`SCORE clause ...` over both (type_acc: of the labelled events the coder codes, the share it codes with
the labelled type). `--show` lists the study half's errors only; the held half is for scoring.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import GATE_OFF, articles, half, run_and_export  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "clause_labels.tsv"


def score_line(kinds: dict[str, Counter], n_labels: int, tag: str = "") -> str:
    """The `SCORE clause` line of one set of verdicts by label kind (event / none)."""
    ev = kinds.get("event", Counter())
    no = kinds.get("none", Counter())
    n_ev, n_no = sum(ev.values()), sum(no.values())
    return (
        f"SCORE clause{tag} labels={n_labels} event_kept={ev['right'] / n_ev if n_ev else 0:.3f} "
        f"event_wrong_type={ev['wrong']} event_lost={ev['lost']} "
        f"side_dropped={no['right'] / n_no if n_no else 0:.3f} side_coded={no['wrong']} "
        f"type_acc={ev['right'] / (ev['right'] + ev['wrong']) if ev['right'] + ev['wrong'] else 0:.3f}"
    )


def read_labels(path: Path) -> list[dict]:
    """Rows of a label file (comment lines start with '#'; the first other line is the header)."""
    rows = []
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    header = lines[0].split("\t") if lines and lines[0].startswith("key\t") else None
    for ln in lines[1:] if header else lines:
        cols = ln.split("\t")
        if len(cols) < 8:
            raise SystemExit(f"{path}: a row needs 8 tab-separated columns or more: {ln[:80]!r}")
        rows.append(
            {
                "key": cols[0],
                "trig": (int(cols[3]), int(cols[4])),
                "type": cols[5],
                "label": cols[6],
                "rule": cols[8] if len(cols) > 8 else "-",
            }
        )
    return rows


def run(keys: set[str], workdir: Path, gate: bool) -> Path:
    """`eventdesk run` over the labelled articles (gate off unless `gate`); the folder of its exports."""
    return run_and_export((r for r in articles() if r["id"] in keys), workdir, None if gate else GATE_OFF)


def coded(cand_dir: Path) -> tuple[dict[tuple[str, int], set[str]], dict[str, list[tuple[int, int, str]]]]:
    """(corpus key, trigger start) -> the event types coded there; and by corpus key the sentence
    spans of every mention of each record with its type (a record that coreference joined from
    several sentences carries the trigger of the one it shows, and is found through the others as
    ../shared/eval/score_events.py finds it)."""
    key_of = {}
    for ln in (cand_dir / "art.jsonl").read_text(encoding="utf-8").splitlines():
        if ln.strip():
            a = json.loads(ln)
            key_of[a["id"]] = a.get("url") or ""
    out: dict[tuple[str, int], set[str]] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for ln in (cand_dir / "ev.jsonl").read_text(encoding="utf-8").splitlines():
        if ln.strip():
            e = json.loads(ln)
            if e.get("trigger") and e["article_id"] in key_of:
                out.setdefault((key_of[e["article_id"]], e["trigger"][0]), set()).add(e["event_type"])
            for m in e.get("mentions") or []:
                if m.get("article_id") in key_of and m.get("start") is not None:
                    spans.setdefault(key_of[m["article_id"]], []).append(
                        (int(m["start"]), int(m["end"]), e["event_type"])
                    )
    return out, spans


def joined_types(spans: dict[str, list[tuple[int, int, str]]], key: str, start: int) -> set[str]:
    """The types of the records with a mention sentence that holds offset `start` of article `key`."""
    return {t for s, e, t in spans.get(key, []) if s <= start < e}


def verdict(row: dict, types: set[str], joined: set[str] = frozenset()) -> str:
    """right / wrong / lost for one labelled candidate, given the types coded at its trigger and
    those of records joined from its sentence. A labelled event joined into a record of its type
    from another sentence is coded; a `none` label is judged by its own trigger only (its sentence
    may hold another event)."""
    label = row["label"]
    if label == "none":
        return "right" if not types else "wrong"
    want = label.split(":", 1)[1] if label.startswith("type:") else row["type"]
    if want in types or (not types and want in joined):
        return "right"
    return "wrong" if types else "lost"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(LABELS))
    ap.add_argument("--gate", action="store_true", help="keep the eventness gate on (default: off)")
    ap.add_argument("--candidates", help="a folder with ev.jsonl and art.jsonl of a run already made")
    ap.add_argument(
        "--show", action="store_true", help="print the study half's candidates the coder gets wrong"
    )
    a = ap.parse_args()
    rows = read_labels(Path(a.labels))
    if a.candidates:
        cand = Path(a.candidates)
    else:
        cand = run({r["key"] for r in rows}, Path(tempfile.mkdtemp(prefix="clause-")), a.gate)
        print(f"run kept in {cand}")
    got, spans = coded(cand)
    by_kind: dict[str, Counter] = {}
    by_rule: dict[str, Counter] = {}
    by_half: dict[str, dict[str, Counter]] = {}
    n_half: Counter = Counter()
    for r in rows:
        v = verdict(r, got.get((r["key"], r["trig"][0]), set()), joined_types(spans, r["key"], r["trig"][0]))
        kind = "none" if r["label"] == "none" else "event"
        by_kind.setdefault(kind, Counter())[v] += 1
        by_rule.setdefault(r["rule"], Counter())[v] += 1
        h = half(r["key"])
        by_half.setdefault(h, {}).setdefault(kind, Counter())[v] += 1
        n_half[h] += 1
        if a.show and v != "right" and h == "study":
            print(f"  {v:5} {r['key']} {r['trig']} {r['type']} label={r['label']} rule={r['rule']}")
    for name, table in (("label", by_kind), ("rule", by_rule)):
        for k, c in sorted(table.items()):
            n = sum(c.values())
            print(f"{name} {k:24} n={n:4} right={c['right']:4} wrong={c['wrong']:4} lost={c['lost']:4}")
    for h in ("study", "held"):
        print(score_line(by_half.get(h, {}), n_half[h], f" half={h}"))
    print(score_line(by_kind, len(rows)))


if __name__ == "__main__":
    main()
