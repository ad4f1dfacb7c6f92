"""Re-matching of eventness labels to today's candidates (scripts/train_eventness.py).

A label row names the candidate it was made on: article key, sentence and trigger offsets in the
body, event type and a hash of the normalised sentence. When the coder changes, a candidate's
trigger span, type or sentence bounds may change, and the label no longer finds it by those keys.
`match` carries a label over to today's candidate only when it is the same decision:

1. exact: a candidate with the labelled trigger offsets and type whose sentence has the labelled hash;
2. otherwise the labelled sentence must still be in the text: the hash of the body at the labelled
   sentence offsets (or at bounds at most `SLACK` characters away, shifting the trigger with them)
   equals the labelled hash; else the label is dropped (`sentence changed`); a labelled trigger
   outside the labelled sentence (the old coder gave some candidates the sentence of another
   clause) is dropped too (`trigger outside its sentence`);
3. today's candidates whose trigger overlaps the labelled trigger span and whose sentence overlaps
   the labelled sentence; of those, the ones whose type keeps the decision: the labelled type for
   `event`/`none`, type X for `type:X` (then the label becomes `event`: the labeller said it was an
   event of type X). None -> dropped (`candidate gone` when nothing overlaps, `type changed` when
   only other types do); two or more -> dropped (`ambiguous`);
4. the candidate's sentence must be the labelled one, or contain it or lie inside it (the words are
   the same, only the segmentation moved: `re-segmented`); bounds that cross are dropped
   (`sentence bounds cross`);
5. a candidate that another label names exactly keeps that label (the re-matched one is dropped:
   `candidate labelled`), and two re-matched labels on one candidate are both dropped (`ambiguous`).

Nothing is guessed: a label is never moved to a candidate of another type (but for `type:X`), to a
trigger that does not overlap, or to a sentence whose words changed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

# how far (characters) the labelled sentence bounds may have moved in the body (a changed cleaning
# of the input text shifts the offsets by a few characters; a farther move is another text)
SLACK = 40

EXACT, REMATCHED, RESEGMENTED = "exact", "re-matched", "re-segmented"
GONE, TYPE_CHANGED, AMBIGUOUS = "candidate gone", "type changed", "ambiguous"
SENT_CHANGED, CROSS, TAKEN = "sentence changed", "sentence bounds cross", "candidate labelled"
OUTSIDE = "trigger outside its sentence"
KEPT = (EXACT, REMATCHED, RESEGMENTED)


def sentence_hash(sentence: str) -> str:
    """The label files' sentence hash: sha1 of the whitespace-normalised text, 10 hex digits."""
    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:10]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate_sentence(body: str, span: tuple[int, int], h: str, slack: int = SLACK) -> tuple[int, int] | None:
    """Bounds of the sentence with hash `h` at `span` of `body`, or at bounds within `slack`
    characters of it (the nearest); None when it is not there (its words changed)."""
    s0, s1 = span
    if sentence_hash(body[s0:s1]) == h:
        return span
    found = []
    for d0 in range(-slack, slack + 1):
        a = s0 + d0
        if a < 0 or a >= len(body):
            continue
        for d1 in range(-slack, slack + 1):
            b = s1 + d1
            if b <= a or b > len(body):
                continue
            if sentence_hash(body[a:b]) == h:
                # bounds that only differ by surrounding whitespace are the same sentence
                a2 = a + len(body[a:b]) - len(body[a:b].lstrip())
                b2 = a + len(body[a:b].rstrip())
                found.append((a2, b2))
    starts = {a for a, _ in found}
    if len(starts) != 1:  # not there, or there twice (never guess which)
        return None
    return min(found, key=lambda x: abs(x[1] - s1))


def _cand_span(c: Any) -> tuple[int, int]:
    return (c.sentence_start, c.sentence_start + len(c.sentence))


def match(
    labels: list[dict], bodies: dict[str, str], cands: dict[str, list[Any]]
) -> tuple[list[tuple[dict, Any, str]], Counter]:
    """(label, candidate, how) of every label carried over (the label's "label" is `event` when a
    `type:X` label is re-matched to a candidate now coded X), and the count of every outcome (KEPT
    and the drop reasons). `labels`: rows of train_eventness.read_labels; `bodies`: article key ->
    body; `cands`: article key -> today's candidates (eventdesk.code.eventness.Candidate)."""
    counts: Counter = Counter()
    exact: dict[int, list[tuple[dict, Any]]] = {}
    pending: list[tuple[dict, Any, str]] = []
    for r in labels:
        cs = [c for c in cands.get(r["key"], []) if c.trigger]
        hit = [
            c
            for c in cs
            if tuple(c.trigger) == r["trig"]
            and c.event_type == r["type"]
            and sentence_hash(c.sentence) == r["hash"]
        ]
        if hit:  # every such row counts (as before re-matching; a repeated row too)
            exact.setdefault(id(hit[0]), []).append((r, hit[0]))
            continue
        body = bodies.get(r["key"])
        where = locate_sentence(body, r["sent"], r["hash"]) if body is not None else None
        if where is None:
            counts[SENT_CHANGED] += 1
            continue
        shift = where[0] - r["sent"][0]
        trig = (r["trig"][0] + shift, r["trig"][1] + shift)
        if not (where[0] <= trig[0] and trig[1] <= where[1]):
            # the old coder recorded such a candidate with another sentence than its trigger's (the
            # sentence of the clause it was told in): no candidate of today is that one
            counts[OUTSIDE] += 1
            continue
        near = [c for c in cs if _overlap(tuple(c.trigger), trig) and _overlap(_cand_span(c), where)]
        relabel = r["label"].startswith("type:")
        want = r["label"][5:] if relabel else r["type"]
        same = [c for c in near if c.event_type == want]
        if not same:
            counts[TYPE_CHANGED if near else GONE] += 1
            continue
        if len(same) > 1:
            counts[AMBIGUOUS] += 1
            continue
        c = same[0]
        cspan = _cand_span(c)
        if cspan == where:
            how = REMATCHED
        elif (cspan[0] <= where[0] and where[1] <= cspan[1]) or (
            where[0] <= cspan[0] and cspan[1] <= where[1]
        ):
            how = RESEGMENTED
        else:
            counts[CROSS] += 1
            continue
        pending.append((r | {"label": "event"} if relabel else r, c, how))
    out = [(r, c, EXACT) for rows in exact.values() for r, c in rows]
    counts[EXACT] = len(out)
    on: Counter = Counter(id(c) for _, c, _ in pending)
    for r, c, how in pending:
        if id(c) in exact:
            counts[TAKEN] += 1
        elif on[id(c)] > 1:
            counts[AMBIGUOUS] += 1
        else:
            out.append((r, c, how))
            counts[how] += 1
    return out, counts


def report(counts: Counter, total: int) -> str:
    """One line: how many labels were matched exactly, re-matched, and dropped by reason."""
    kept = " ".join(f"{k} {counts[k]}" for k in KEPT)
    dropped = sum(v for k, v in counts.items() if k not in KEPT)
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k not in KEPT and v)
    return f"labels {total}: {kept}; dropped {dropped} ({reasons})"
