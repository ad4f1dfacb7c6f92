"""The coder's recall on hand-labelled corpus articles, and why each missed event was missed.

Reads training/recall_labels.tsv (events a GUIDE coder records; offsets into ../shared/corpora
texts), runs `eventdesk run` over those articles four times (default; eventness gate off; relevance
gate off too; and min_confidence 0 as well) and, for every required record, says whether it was
coded, and if not, where it was lost:

  relevance gate    coded only when the article relevance gate is off
  eventness gate    coded only when the eventness gate is off
  low confidence    coded only with code.min_confidence 0
  no trigger        the lexicon (data/ontology/triggers.tsv) has no word of the type in the mention
  wrong type        a record of another type was coded from the mention's sentence, whose
                    words the lexicon also reads as the labelled type
  no trigger, other event   the same, but the lexicon has no word of the labelled type there (the
                    types coded instead are listed with the misses by type)
  no frame          the lexicon finds a trigger of the type, but no record comes out of it
                    (no participant, nested under another event, the type rules took it)

Matched records are checked for actor and recipient; full_record_recall counts the actor only
(realnews also checks place and date, which these labels do not give). Needs ../shared.

    python scripts/recall_report.py [--labels training/recall_labels.tsv] [--only KEY,...] [-v]
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventness_corpus import articles, run_and_export  # noqa: E402

from eventdesk.code.lexicon import triggers  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = {
    "default": "",
    "no_eventness": "[code]\neventness_threshold = -1\n",
    "no_gates": "[code]\neventness_threshold = -1\n[relevance]\ngate = false\n",
    "no_floor": "[code]\neventness_threshold = -1\nmin_confidence = 0.0\n[relevance]\ngate = false\n",
}


def read_labels(path: Path) -> dict[tuple[str, str], list[dict]]:
    """Records by (article key, record id); each row is one mention of the record."""
    out: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    header = True
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        if len(cols) != 9:
            sys.exit(f"{path}:{n}: expected 9 tab-separated columns, got {len(cols)}")
        key, rec, s, e, types, actors, recips, req, main = cols
        out[(key, rec)].append(
            {
                "start": int(s),
                "end": int(e),
                "types": set(types.split(",")),
                "actors": [a for a in actors.split("|") if a],
                "recipients": [a for a in recips.split("|") if a],
                "required": req == "1",
                "main": main == "1",
            }
        )
    return out


def run(
    records: list[dict], config: str, work: Path, reuse: bool = False
) -> tuple[list[dict], dict[str, dict]]:
    """Events and articles (by key) of one `eventdesk run` over the records (`reuse`: of the last run
    kept in `work`)."""
    if not (reuse and (work / "ev.jsonl").exists()):
        run_and_export(records, work, config)
    evs = [json.loads(x) for x in (work / "ev.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = [json.loads(x) for x in (work / "art.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    return evs, {a["url"]: a for a in arts}


def _norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.replace("\u2013", "-").replace("\u2014", "-")).strip().lower()


def party_ok(want: list[str], got: list[dict]) -> bool:
    """A coded party is one of the acceptable names (whole words either way, as score_events.py)."""
    if not want:
        return True
    names = [n for g in got for n in (_norm(g.get("text")), _norm(g.get("name"))) if n]
    for p in names:
        for w in map(_norm, want):
            if w and (
                re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", p)
                or (len(p) >= 3 and re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", w))
            ):
                return True
    return False


def gold_labels(gold: Path, inputs: Path, half: str) -> tuple[dict[tuple[str, str], list[dict]], list[dict]]:
    """realnews gold records of one half (md5 of the article id: last hex digit 0-7 study, 8-f held)
    as labels, and the input records of that half."""
    recs = [json.loads(x) for x in inputs.read_text(encoding="utf-8").splitlines() if x.strip()]
    recs = [r for r in recs if in_half(r["id"], half)]
    for r in recs:
        r["url"] = r["id"]  # found again by url in the export
    text = {r["id"]: r["text"] for r in recs}
    out: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for line in gold.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g["article"] not in text:
            continue
        for ph in g.get("evidence_any") or []:
            s = text[g["article"]].find(ph)
            if s < 0:
                continue
            out[(g["article"], g["id"])].append(
                {
                    "start": s,
                    "end": s + len(ph),
                    "types": set(g["types"]),
                    "actors": g.get("actors_any") or [],
                    "recipients": g.get("recipients_any") or [],
                    "required": g.get("required", True),
                    "main": bool(g.get("main")),
                }
            )
    return out, recs


def in_half(key: str, half: str) -> bool:
    """The study/held split of the label sets, as realnews: md5 of the key, last hex digit 0-7 study."""
    return (hashlib.md5(key.encode()).hexdigest()[-1] in "01234567") == (half == "study")


def spans(ev: dict, article: str) -> list[tuple[int, int]]:
    """Where the event is told in one article (an event merged across articles lists its mentions)."""
    ms = [m for m in ev.get("mentions") or [] if m.get("article_id") == article]
    if not ms and ev["article_id"] == article:
        ms = [ev["evidence"]]
    return [(m["start"], m["end"]) for m in ms]


def coded(rows: list[dict], shift: int, evs: list[dict], article: str, any_type: bool = False) -> list[dict]:
    """Events of a record's type whose evidence sentence (in `article`) holds one of its mentions."""
    out = []
    for ev in evs:
        if not any_type and ev["event_type"] not in rows[0]["types"]:
            continue
        if any(s <= r["start"] + shift < e for r in rows for s, e in spans(ev, article)):
            out.append(ev)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=ROOT / "training" / "recall_labels.tsv")
    ap.add_argument("--only", help="comma-separated article keys")
    ap.add_argument("--realnews", type=Path, metavar="DIR", help="score the realnews gold of DIR instead")
    ap.add_argument(
        "--half",
        choices=("study", "held"),
        help="which half by md5 of the article key, last hex digit 0-7 study, 8-f held (with --realnews "
        "the default is study; held: figures and miss counts only, never a record)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="print every required record")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--work", type=Path, help="keep the runs' stores and exports in this folder")
    ap.add_argument("--reuse", action="store_true", help="read the exports kept in --work, run nothing")
    a = ap.parse_args()
    if a.realnews:
        a.half = a.half or "study"
        labels, records = gold_labels(a.realnews / "gold.jsonl", a.realnews / "inputs.jsonl", a.half)
        keys = {r["id"] for r in records}
    else:
        labels = read_labels(a.labels)
        keys = {k for k, _ in labels}
        if a.half:
            keys = {k for k in keys if in_half(k, a.half)}
        records = [r for r in articles() if r["id"] in keys]
    if a.only:
        keys &= set(a.only.split(","))
        records = [r for r in records if r["id"] in keys]
    texts = {r["id"]: r["text"] for r in records}
    with tempfile.TemporaryDirectory(prefix="recall-") as tmp:
        work = a.work or Path(tmp)
        out = {
            name: run(records, cfg, work / name, a.reuse and a.work is not None) for name, cfg in RUNS.items()
        }
    body = {k: out["no_gates"][1][k]["body"] for k in keys if k in out["no_gates"][1]}
    shift = {k: body[k].find(texts[k][:200]) for k in body}
    # an event belongs to every article it was told in (score_events.py: its article or its mentions)
    by_art = {
        name: collections.defaultdict(
            list,
            {
                k: [
                    e
                    for e in evs
                    if e["article_id"] == arts[k]["id"]
                    or any(m.get("article_id") == arts[k]["id"] for m in e.get("mentions") or [])
                ]
                for k in arts
            },
        )
        for name, (evs, arts) in out.items()
    }
    art_id = {name: {k: a["id"] for k, a in arts.items()} for name, (_evs, arts) in out.items()}
    tally: collections.Counter[str] = collections.Counter()
    by_type: collections.Counter[str] = collections.Counter()
    full = main_hit = n_main = 0
    n_req = 0
    for (key, rec), rows in sorted(labels.items()):
        if key not in keys or not rows[0]["required"]:
            continue
        n_req += 1
        n_main += rows[0]["main"]
        sh = shift.get(key, 0)
        aid = {name: art_id[name].get(key, "") for name in RUNS}
        got = coded(rows, sh, by_art["default"][key], aid["default"])
        if got:
            ok_a = any(party_ok(rows[0]["actors"], e["actors"]) for e in got)
            ok_r = any(party_ok(rows[0]["recipients"], e["recipients"]) for e in got)
            why = "coded" + ("" if ok_a else ", actor wrong") + ("" if ok_r else ", recipient wrong")
            if not (ok_a and ok_r):
                why += (
                    " ("
                    + "; ".join(
                        "/".join(p["name"] for p in e["actors"])
                        + " -> "
                        + "/".join(p["name"] for p in e["recipients"])
                        for e in got
                    )
                    + ")"
                )
            full += ok_a  # realnews' full record: actor (and place, date: not labelled here)
            main_hit += rows[0]["main"]
        elif coded(rows, sh, by_art["no_eventness"][key], aid["no_eventness"]):
            why = "eventness gate"
        elif coded(rows, sh, by_art["no_gates"][key], aid["no_gates"]):
            why = "relevance gate"
        elif coded(rows, sh, by_art["no_floor"][key], aid["no_floor"]):
            why = "low confidence"
        else:
            text = texts[key]
            hit_types = {
                h.event_type for r in rows for h in triggers(text[max(0, r["start"] - 60) : r["end"] + 60])
            }
            other = coded(rows, sh, by_art["no_floor"][key], aid["no_floor"], any_type=True)
            if other and rows[0]["types"] & hit_types:
                why = "wrong type (" + ",".join(sorted({e["event_type"] for e in other})) + ")"
            elif other:
                why = "no trigger, other event (" + ",".join(sorted({e["event_type"] for e in other})) + ")"
            elif rows[0]["types"] & hit_types:
                why = "no frame"
            else:
                why = "no trigger"
        # a miss keeps its kind whole ("no trigger, other event": the sentence was coded with another type,
        # a type-choice miss; "no trigger": nothing was coded there) and, by type, the types coded instead
        tally["coded" if why.startswith("coded") else why.split(" (")[0]] += 1
        if not why.startswith("coded"):
            by_type["/".join(sorted(rows[0]["types"])) + ": " + why] += 1
        if why.startswith("coded, actor wrong"):
            tally["(coded, actor wrong)"] += 1
        if (a.verbose or why != "coded") and a.half != "held":
            t = texts[key]
            r0 = rows[0]
            print(f"{key} {rec} {'/'.join(sorted(r0['types']))} main={int(r0['main'])}: {why}")
            for r in rows:
                print(f"    | {t[r['start'] : r['end']]}")
    hit = tally["coded"]
    figures = {
        "required": n_req,
        "recall": round(hit / n_req, 3) if n_req else None,
        "main_recall": round(main_hit / n_main, 3) if n_main else None,
        "full_record_recall": round(full / n_req, 3) if n_req else None,
        "misses": {k: v for k, v in tally.most_common() if k != "coded"},
        "misses_by_type": dict(by_type.most_common()),
        "predicted": len(out["default"][0]),
    }
    print("RECALL " + json.dumps(figures))
    if a.json:
        a.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
