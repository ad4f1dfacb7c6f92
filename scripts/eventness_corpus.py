"""Training articles for the eventness model (scripts/train_eventness.py), read from ../shared/corpora.

Every article is named by a key that is also how realnews names its sources
("guardian_isis.jsonl#guardian-3", "bbc/politics/001.txt"). Articles that are in the realnews
evaluation set (by that key or by the same opening text) are left out, so that set stays unseen;
so are other versions of a realnews story (an article sharing two or more sentences with one:
guardian-37 and rn-d12 report one story a day apart in ten common sentences).

    python scripts/eventness_corpus.py --out /tmp/train.jsonl [--bbc-per-category N]

writes the articles as `eventdesk run` input ({"id", "title", "text", "published", "url"}), url = key.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTDESK_SHARED", ROOT.parent / "shared"))
BBC_CATEGORIES = ("politics", "business", "entertainment", "sport", "tech")


def half(key: str) -> str:
    """The study/held split of the label sets, as realnews: md5 of the key, last hex digit 0-7 study, 8-f held."""
    return "study" if hashlib.md5(key.encode()).hexdigest()[-1] in "01234567" else "held"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:300]


# a sentence this long is not boilerplate: two of them in common mean two versions of one story
_SENTENCE = re.compile(r"[^.!?\n]{60,}[.!?]")
SHARED_SENTENCES = 2


def _sentences(text: str) -> set[str]:
    return {" ".join(s.split()) for s in _SENTENCE.findall(text)}


def realnews_exclusions(shared: Path = SHARED) -> tuple[set[str], set[str], set[str]]:
    """Keys, opening texts and long sentences of the realnews articles."""
    keys, starts, sentences = set(), set(), set()
    path = shared / "eval" / "realnews" / "inputs.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            keys.add(r.get("corpus") or "")
            starts.add(_norm(r["text"]))
            sentences |= _sentences(r["text"])
    return keys, starts, sentences


def excluded(key: str, text: str, exclusions: tuple[set[str], set[str], set[str]]) -> bool:
    """A realnews article, or another version of a realnews story."""
    keys, starts, sentences = exclusions
    return key in keys or _norm(text) in starts or len(_sentences(text) & sentences) >= SHARED_SENTENCES


def articles(shared: Path = SHARED, bbc_per_category: int | None = None) -> Iterator[dict]:
    """The corpus articles allowed for training, as `eventdesk run` input records."""
    ex = realnews_exclusions(shared)
    corpora = shared / "corpora"
    for line in (corpora / "guardian_isis.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        key = f"guardian_isis.jsonl#{r['id']}"
        if excluded(key, r["text"], ex):
            continue
        yield {
            "id": key,
            "title": r.get("title"),
            "text": r["text"],
            "published": r.get("published"),
            "url": key,
        }
    for cat in BBC_CATEGORIES:
        files = sorted((corpora / "bbc" / cat).glob("*.txt"))
        if bbc_per_category is not None and cat != "politics":
            files = files[:bbc_per_category]
        for f in files:
            key = f"bbc/{cat}/{f.name}"
            raw = f.read_text(encoding="latin-1")
            title, _, text = raw.partition("\n")
            text = text.strip()
            if excluded(key, text, ex):
                continue
            yield {"id": key, "title": title.strip(), "text": text, "published": None, "url": key}


# `eventdesk run` settings that show every candidate the frame coder proposes (the eventness gate off)
GATE_OFF = "[code]\neventness_threshold = -1\n"


def label_rows(
    path: Path, fields: tuple[str, ...], convert: Callable[[dict], None] | None = None
) -> list[dict]:
    """The rows of a hand-label file (tab-separated `fields`; lines starting with # are comments) as dicts.
    `convert` turns fields into numbers in place; a row with the wrong field count or a value it cannot
    convert is reported with its line number and skipped, so one bad label does not stop a score."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != len(fields):
            print(
                f"{path}:{n}: expected {len(fields)} tab-separated fields, got {len(parts)}", file=sys.stderr
            )
            continue
        r = dict(zip(fields, parts, strict=True))
        try:
            if convert:
                convert(r)
        except ValueError as e:
            print(f"{path}:{n}: {e}", file=sys.stderr)
            continue
        rows.append(r)
    return rows


def run_and_export(
    records: Iterable[dict], workdir: Path, config: str | None = GATE_OFF, recorder: Path | None = None
) -> Path:
    """`eventdesk run` over `records` with `config` (TOML text; None: the defaults) into a fresh store in
    `workdir`, then its events and articles exported to workdir/ev.jsonl and workdir/art.jsonl.
    `recorder`: scripts/gate_candidates.py, to run through it and keep the eventness gate's candidates
    in workdir/gate.jsonl.

    The labelled-data scripts (train_eventness, score_sites, score_clause_labels, recall_report) all
    measure the coder this way, so each sees exactly what a user's run stores."""
    workdir.mkdir(parents=True, exist_ok=True)
    inp, db = workdir / "in.jsonl", workdir / "run.db"
    db.unlink(missing_ok=True)
    with open(inp, "w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    ed = [sys.executable, "-m", "eventdesk"]
    run = [sys.executable, str(recorder), str(workdir / "gate.jsonl")] if recorder else ed
    cmd = [*run, "run", str(inp), "--db", str(db)]
    if config is not None:
        (workdir / "run.toml").write_text(config, encoding="utf-8")
        cmd += ["--config", str(workdir / "run.toml")]
    subprocess.run(cmd, check=True, capture_output=True)
    for what, name in (("events", "ev.jsonl"), ("articles", "art.jsonl")):
        with open(workdir / name, "w", encoding="utf-8") as out:
            subprocess.run(
                [*ed, "export", what, "--db", str(db), "--format", "jsonl"], check=True, stdout=out
            )
    return workdir


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--bbc-per-category", type=int, default=None)
    ap.add_argument("--keys", help="file with one key per line: only these articles")
    a = ap.parse_args()
    only = set(Path(a.keys).read_text().split()) if a.keys else None
    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for r in articles(bbc_per_category=a.bbc_per_category):
            if only is None or r["id"] in only:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} articles -> {a.out}")


if __name__ == "__main__":
    main()
