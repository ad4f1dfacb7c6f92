#!/usr/bin/env python3
"""Train the eventness gate shipped as src/eventdesk/data/models/eventness.npz (code/eventness/).

    python scripts/train_eventness.py [--labels FILE ...] [--candidates DIR ...] [--out PATH]
        [--record-labels training/record_labels.tsv training/record_labels2.tsv [--record-weight W]]

1. The labelled articles (the label files name them by corpus key; by default every
   training/eventness_labels*.tsv: LABELS) are read from
   ../shared/corpora (scripts/eventness_corpus.py; realnews articles are never among them) and run
   through `eventdesk run` with the gate off, so the candidates are what the frame coder proposes,
   recorded as the gate sees them (scripts/gate_candidates.py: every coded clause before the dates
   stage and coreference, with the coder's modality and the other clauses of its sentence); an
   exported record is what is left after those stages, so training on exports trained on other
   features than the gate meets and lost the labels of clauses joined into other records.
   With --candidates DIR ..., each DIR/gate.jsonl and DIR/art.jsonl (of such runs) are used instead.
2. Each label row names one candidate: article key, sentence and trigger offsets in the body, event
   type, and a hash of the sentence (to notice a changed segmentation). Label `event` = a real
   event of that type (GUIDE.md: a specific interaction of that PLOVER type with a political
   participant, whatever its modality); `none` = not an event; `type:X` = an event, but of type X.
   A label whose candidate the coder no longer yields with those keys is re-matched to today's
   candidate when that is the same decision, or dropped (scripts/eventness_rematch.py; the counts
   are printed): on the coder of session 14 (main 075be7c), of 5507 labels 4726 match exactly,
   18 are re-matched, and 763 are dropped: candidate gone 501 (the coder no longer proposes a
   candidate at that trigger: in 336 no candidate in the sentence at all, mostly `none` labels),
   trigger outside its sentence 155 (the old coder gave those candidates another clause's
   sentence: the "sentence changed" of before), type changed 66, candidate labelled 26 (another
   label names today's candidate exactly), ambiguous 8, sentence changed 7.
3. Features: eventdesk.code.eventness.features; model: L2 logistic regression (numpy + scipy's
   L-BFGS, classes weighted to balance), C chosen by 5-fold cross-validation grouped by article (folds
   by a hash of the article key, so every run and every label set uses the same split): the C with the
   best cross-validated precision at the shipped operating point (F1 with --min-recall 0). The shipped
   threshold is the highest whose cross-validated recall is at least --min-recall (0.95): the gate is
   the first filter and an event it drops is lost for good; --min-recall 0 ships the F1-best one and
   --threshold a given one. It prints cross-validated precision, recall, F1 and AUC.
4. Calibration: the classes are weighted to balance, so the raw probability is not the share of real
   events; a Platt scaling (a logistic fit of the label on the raw log-odds, unweighted) of the
   cross-validated predictions maps it to one. The gate, its threshold and the stored `confidence`
   are in these calibrated units (code/eventness/model.py EventnessModel.probability).
5. The label hold-out: the articles whose md5(key) ends in c-f (a quarter) are set aside and the
   whole recipe (C, calibration, threshold) is run on the rest; the hold-out's AUC, precision and
   recall at the threshold, and its reliability table (share of real events per bin of calibrated
   probability) are printed. Nothing is chosen on it. The shipped model then runs the same recipe on
   every label.
6. The shipped weights (commit 6558db5) were trained on training/eventness_labels.tsv alone, on the
   candidates of the coder of that day: `--labels training/eventness_labels.tsv` on a checkout of
   that commit reproduces them. Retrained on today's candidates with all three label files (the
   default), the hold-out AUC rises (0.822 -> 0.826 on the first file's hold-out; cross-validated
   0.825 -> 0.830), but realnews precision falls a little (study 0.853 -> 0.840, held 0.647 -> 0.636,
   recall equal), so those weights are not shipped (session 14). Re-matching (point 2) adds only 18
   labels (the lost ones are mostly candidates today's coder no longer makes, nothing to learn the
   gate's decisions from), and the retrain with them is not better either: hold-out AUC 0.821 ->
   0.820 (P 0.414 -> 0.416, R 0.951 =), cross-validated AUC 0.830 -> 0.832; realnews (rn_eval.sh,
   main 075be7c, shipped weights -> retrained) study P 0.853 -> 0.840 R 0.865 =, held P 0.657 ->
   0.645 R 0.616 =; record labels (score_record_labels.py) events kept equal (study 64, held 90)
   with more records stored (135 -> 136, 175 -> 180, 13 and 11 of them unlabelled); recall_labels
   (recall_report.py --half) study 0.679 =, held 0.625 =. So the shipped weights stay.
7. Record labels as extra supervision (session 16, --record-labels): training/record_labels.tsv and
   record_labels2.tsv label every record the store kept for their articles (event / none / duplicate /
   type:X), which is what precision measures. Only their STUDY halves are read (md5(key) last hex 0-7;
   read_record_labels; their held halves only score); each row names its record's trigger, type and
   sentence hash like an eventness label, so it is matched to its gate candidate the same way (point 2:
   of 254 study rows 239 exact, 2 re-matched, 13 dropped: candidate gone 10, trigger outside 3);
   `duplicate` is read as `event` (a real event of its type: coreference joins it, the gate must keep
   it). Measured on the candidates of main caa64cf (gate off, relevance gate off, 609 articles):
   - the record labels do not sharpen the ranking: cross-validated AUC on the 241 matched record rows
     0.815 (weight 1), 0.813 (3), 0.809 (8), and the eventness labels' hold-out falls with the weight
     (AUC 0.821, 0.818, 0.813; P/R at the threshold 0.416/0.945, 0.421/0.932, 0.415/0.932);
   - retraining on today's candidates is what moves the gate on them: on the record_labels study rows
     (articles no eventness label names, so out of sample) the shipped weights have AUC 0.808, retrained
     without record labels 0.868 (with them 0.995: in sample, not a measure);
   - the operating point cannot be raised: the record labels name only records the gate already let
     through, so the shipped gate keeps all of them by construction and any other cut only loses; their
     cross-validated recall (weight 1) at calibrated thresholds 0.12/0.15/0.20 is 0.970/0.955/0.925 on
     record_labels and 0.958/0.958/0.958 on record_labels2, precision 0.528/0.561/0.590 and
     0.479/0.505/0.529; the shipped gate's stored-confidence curve on the study halves is as flat
     (score_record_labels.py --curve: a cut at 0.15 loses 1 of 63 study events of record_labels for
     precision 0.548 -> 0.569);
   - shipped -> retrained with the record labels (weight 1, C 0.3, threshold 0.12 by point 3), every
     figure through `eventdesk run`: realnews (rn_eval.sh) all P 0.740 -> 0.730 R 0.710 = (98 of 138),
     study P 0.862 -> 0.848 R 0.865 = (predicted 94 -> 99: optional events matched +4 -1, false
     positives +3 -1), held P 0.657 -> 0.645 R 0.616 =; record_labels study P 0.548 -> 0.574 (in
     training) events 63 -> 62, unlabelled 8 -> 16, held P 0.533 -> 0.549 events 90 =, unlabelled 3 -> 11;
     record_labels2 study 0.412 -> 0.462 (in training), held 0.400 -> 0.434 events 36 =, unlabelled
     0 -> 5; recall_labels (recall_report.py --half) study 0.705 =, held 0.616 -> 0.607 (one event lost).
     Realnews held precision and recall_labels held fall, so those weights are not shipped.
   - retrained on the same candidates WITHOUT the record labels (the default recipe, C 0.3, threshold
     0.13): realnews all P 0.739 R 0.710 =, study P 0.848 R 0.865 = (predicted 99), held P 0.659 R 0.616
     = (predicted 135); record_labels study P 0.565 events 61 (2 lost), unlabelled 15, held P 0.552
     events 90 =, unlabelled 11; record_labels2 study 0.452, held 0.444 events 36 =, unlabelled 4;
     recall_labels study 0.705 =, held 0.607 (one event lost). So the record labels, added at weight 1,
     cost realnews held precision (0.659 -> 0.645) against the plain retrain, and the plain retrain
     fails on recall_labels held: not shipped either. Its threshold chosen instead by the record labels'
     study halves (0.12: the highest that keeps every study record event of both sets as a candidate,
     lowest calibrated probabilities 0.126 and 0.172): recall_labels study 0.705 =, held 0.616 =, but
     realnews held P 0.657 -> 0.650 R 0.616 = (predicted 137; all P 0.733 R 0.710, study P 0.848);
     record_labels study P 0.569 events 62, held P 0.549 events 90 =; record_labels2 study 0.447, held
     0.429 events 36 =: realnews held precision falls, not shipped.
   - features for the none classes the study halves show most (statistics, generic statements): a
     since-span ("since 1992"), an aggregate quantity (a figure of 1,000 or more that is not a year,
     "thousands", "half a million") and a frequency adverb anywhere in the sentence (habitual.txt), each
     alone and with the type: with the record labels, hold-out AUC 0.821 = (P 0.416 -> 0.423, R 0.945 ->
     0.938), cross-validated AUC 0.831 =, on the record rows 0.815 -> 0.817: no gain worth a model
     change, not kept.
   The shipped weights stay (still those of point 6), and the default training set stays the eventness
   labels alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventness_corpus import GATE_OFF, articles, half, run_and_export  # noqa: E402
from eventness_rematch import match as rematch  # noqa: E402
from eventness_rematch import report as rematch_report  # noqa: E402
from eventness_rematch import sentence_hash  # noqa: E402, F401 (train_type_model, select_eventness_batch)

from eventdesk.code.eventness import N_BITS, Candidate, features, vector  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
# every batch of eventness labels (eventness_labels2.tsv and 3: the batches chosen by
# scripts/select_eventness_batch.py, new business and technology articles and the new candidates of
# the first batch's articles)
LABELS = [ROOT / "training" / f"eventness_labels{n}.tsv" for n in ("", "2", "3")]
OUT = ROOT / "src" / "eventdesk" / "data" / "models" / "eventness.npz"
BETA = 1.0
# the coder's settings for the candidates: eventness gate off, and the relevance gate off too, so the
# candidates of an out-of-scope article (business, technology) are there to be learnt from; the
# relevance gate only drops articles, so an in-scope article's candidates are the same
RUN_CONFIG = GATE_OFF + "[relevance]\ngate = false\n"


def read_labels(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, s0, s1, t0, t1, etype, label, h = line.split("\t")
        rows.append(
            {
                "key": key,
                "sent": (int(s0), int(s1)),
                "trig": (int(t0), int(t1)),
                "type": etype,
                "label": label,
                "hash": h,
            }
        )
    return rows


# the record-level label sets (scripts/score_record_labels.py): every stored record of their articles,
# labelled as realnews counts it; only their STUDY halves are ever read here (the held halves score)
RECORD_LABELS = [ROOT / "training" / f"record_labels{n}.tsv" for n in ("", "2")]


def read_record_labels(path: Path) -> list[dict]:
    """The STUDY half (md5(key) last hex 0-7) of a record label file, as rows of read_labels.

    `event`, `none` and `type:X` mean what they mean in the eventness labels; `duplicate` (an event of
    this type already recorded from an earlier sentence) is a real event of its type, which the gate
    must keep (coreference joins the mentions), so it is read as `event`."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, s0, s1, t0, t1, etype, label, _cls, h = line.split("\t")
        if half(key) != "study":
            continue
        rows.append(
            {
                "key": key,
                "sent": (int(s0), int(s1)),
                "trig": (int(t0), int(t1)),
                "type": etype,
                "label": "event" if label == "duplicate" else label,
                "hash": h,
            }
        )
    return rows


def run_candidates(keys: set[str], workdir: Path) -> Path:
    """`eventdesk run` (gate off) over the labelled articles, recording the gate's candidates
    (workdir/gate.jsonl) and exporting the articles (workdir/art.jsonl); returns workdir."""
    run_and_export(
        (r for r in articles() if r["id"] in keys),
        workdir,
        config=RUN_CONFIG,
        recorder=SCRIPTS / "gate_candidates.py",
    )
    return workdir


def read_candidates(path: Path) -> list[tuple[str, Candidate]]:
    """(article id, Candidate) of each line of scripts/gate_candidates.py's output."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        c = d["candidate"]
        c["trigger"] = tuple(c["trigger"]) if c["trigger"] else None
        c["actors"] = [tuple(x) for x in c["actors"]]
        c["recipients"] = [tuple(x) for x in c["recipients"]]
        out.append((d["article_id"], Candidate(**c)))
    return out


def dataset(
    labels: list[dict], cand_dirs: list[Path], sources: list[str] | None = None
) -> tuple[list[dict], np.ndarray, list[str]]:
    """Features, labels (1 = event) and article keys of the labels whose candidate is found, exactly
    or re-matched (scripts/eventness_rematch.py); `sources` (if given) gets each matched label's "file"."""
    bodies: dict[str, str] = {}
    cands: dict[str, list[Candidate]] = {}
    for cand_dir in cand_dirs:
        arts = [
            json.loads(x)
            for x in (cand_dir / "art.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()
        ]
        key_of = {a["id"]: a.get("url") or "" for a in arts}
        for a in arts:
            bodies.setdefault(key_of[a["id"]], a.get("body") or "")
        for aid, c in read_candidates(cand_dir / "gate.jsonl"):
            if aid in key_of and c.trigger:
                cands.setdefault(key_of[aid], []).append(c)
    matched, counts = rematch(labels, bodies, cands)
    print(rematch_report(counts, len(labels)))
    feats, ys, groups = [], [], []
    for r, c, _ in matched:
        feats.append(features(c))
        ys.append(1 if r["label"] == "event" else 0)
        groups.append(r["key"])
        if sources is not None:
            sources.append(r.get("file", ""))
    return feats, np.array(ys), groups


def matrix(feats: list[dict]) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        c, v = vector(f)
        rows += [i] * len(c)
        cols += c.tolist()
        vals += v.tolist()
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), 1 << N_BITS), dtype=np.float64)


def fit(
    X: sparse.csr_matrix, y: np.ndarray, C: float, weight: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, classes weighted to balance (like class_weight="balanced"),
    each example's loss also multiplied by `weight` (default 1)."""
    used = np.unique(X.indices)  # fit on the columns that occur (hashed space is mostly empty)
    full_d = X.shape[1]
    X = X[:, used]
    n, d = X.shape
    pos = max(int(y.sum()), 1)
    sw = np.where(y == 1, n / (2.0 * pos), n / (2.0 * max(n - pos, 1)))
    if weight is not None:
        sw = sw * weight
    Xt = X.T.tocsr()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = X @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        ll = sw * (np.logaddexp(0.0, z) - y * z)
        g = sw * (p - y)
        grad = np.concatenate([Xt @ g + w / C, [g.sum()]])
        return float(ll.sum() + 0.5 * (w @ w) / C), grad

    def hessp(theta: np.ndarray, v: np.ndarray) -> np.ndarray:
        # Hessian-vector product: X' diag(sw p (1-p)) X v + v / C (the bias unregularised)
        z = X @ theta[:d] + theta[d]
        p = 1.0 / (1.0 + np.exp(-z))
        r = sw * p * (1 - p) * (X @ v[:d] + v[d])
        return np.concatenate([Xt @ r + v[:d] / C, [r.sum()]])

    # Newton-CG: the objective is strictly convex, so this is the same optimum L-BFGS reaches, in
    # a few Newton steps (scipy's L-BFGS-B spends most of its time in its bound handling here)
    res = minimize(
        loss,
        np.zeros(d + 1),
        jac=True,
        hessp=hessp,
        method="Newton-CG",
        options={"xtol": 1e-6, "maxiter": 200},
    )
    w = np.zeros(full_d)
    w[used] = res.x[:d]
    return w, float(res.x[d])


def predict(X: sparse.csr_matrix, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(X @ w + b)))


def group_folds(groups: list[str], k: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """k folds with every article's examples in one fold (articles assigned by a hash of their key)."""
    fold = np.array([int(hashlib.md5(g.encode("utf-8")).hexdigest(), 16) % k for g in groups])
    return [(np.where(fold != i)[0], np.where(fold == i)[0]) for i in range(k)]


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (rank statistic): how well the probabilities order events first."""
    ranks = np.empty(len(p))
    ranks[np.argsort(p, kind="stable")] = np.arange(1, len(p) + 1)
    pos = int(y.sum())
    neg = len(y) - pos
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / max(pos * neg, 1))


def at_threshold(p: np.ndarray, y: np.ndarray, th: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of `p >= th`."""
    pred = p >= th
    tp = float((pred & (y == 1)).sum())
    prec = tp / max(pred.sum(), 1)
    rec = tp / max((y == 1).sum(), 1)
    return prec, rec, 2 * prec * rec / max(prec + rec, 1e-9)


THRESHOLDS = [round(t, 2) for t in np.arange(0.01, 0.9, 0.01)]


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    best = (0.5, 0.0, 0.0, -1.0)
    for th in THRESHOLDS:
        pred = p >= th
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(pred.sum(), 1)
        rec = tp / max((y == 1).sum(), 1)
        fb = (1 + BETA**2) * prec * rec / max(BETA**2 * prec + rec, 1e-9)
        if fb > best[3]:
            best = (float(th), prec, rec, fb)
    return best


def operating_threshold(p: np.ndarray, y: np.ndarray, min_recall: float) -> float:
    """The highest threshold whose recall is at least `min_recall`."""
    return max(t for t in THRESHOLDS if at_threshold(p, y, t)[1] >= min_recall)


def platt(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: (a, b) of P(event) = sigmoid(a * logit(p) + b), fitted (unweighted) on
    cross-validated predictions, so a probability says how often such a candidate is a real event."""
    z = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        u = theta[0] * z + theta[1]
        q = 1.0 / (1.0 + np.exp(-u))
        g = q - y
        return float((np.logaddexp(0.0, u) - y * u).sum()), np.array([(g * z).sum(), g.sum()])

    res = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    a, b = float(res.x[0]), float(res.x[1])
    if a <= 0:  # the calibrated probability must rise with the model's (it always does on real data)
        raise SystemExit(f"calibration slope {a:.3f} <= 0: the model does not order the labels")
    return a, b


def calibrated(p: np.ndarray, cal: tuple[float, float]) -> np.ndarray:
    z = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))
    return 1.0 / (1.0 + np.exp(-(cal[0] * z + cal[1])))


BINS = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]


def reliability(q: np.ndarray, y: np.ndarray) -> list[str]:
    """Lines of a reliability table: per bin of calibrated probability, the candidates and the share
    of real events among them (a calibrated model has the share inside its bin)."""
    out = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        m = (q >= lo) & (q < hi)
        if m.any():
            out.append(f"  [{lo:.1f},{min(hi, 1.0):.1f}) n={int(m.sum()):4d} events {y[m].mean():.3f}")
    return out


def holdout(groups: list[str]) -> np.ndarray:
    """The label hold-out: articles whose md5(key) ends in c-f (a quarter), never used to choose."""
    return np.array([hashlib.md5(g.encode("utf-8")).hexdigest()[-1] in "cdef" for g in groups])


def recipe(
    X: sparse.csr_matrix,
    y: np.ndarray,
    groups: list[str],
    Cs: list[float],
    min_recall: float,
    log: bool,
    weight: np.ndarray | None = None,
) -> dict:
    """C by grouped cross-validation (best AUC of the out-of-fold predictions), the Platt calibration
    of those predictions, the threshold (calibrated units) by min_recall, then the fit on all of X."""
    folds = group_folds(groups)
    best: dict = {}
    for C in Cs:
        p = np.zeros(len(y))
        for tr, te in folds:
            w, b = fit(X[tr], y[tr], C, None if weight is None else weight[tr])
            p[te] = predict(X[te], w, b)
        a = auc(p, y)
        if log:
            th, prec, rec, fb = best_threshold(p, y)
            print(
                f"C={C}: cv AUC {a:.3f}; F1-best raw threshold {th:.2f} P {prec:.3f} R {rec:.3f} F1 {fb:.3f}"
            )
        if not best or a > best["auc"]:
            best = {"C": C, "auc": a, "oof": p}
    cal = platt(best["oof"], y)
    q = calibrated(best["oof"], cal)
    th = operating_threshold(q, y, min_recall) if min_recall else best_threshold(q, y)[0]
    w, b = fit(X, y, best["C"], weight)
    return best | {"cal": cal, "oof_cal": q, "threshold": th, "w": w, "b": b}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--labels", nargs="+", default=[str(p) for p in LABELS if p.is_file()], help="label files (all read)"
    )
    ap.add_argument(
        "--candidates", nargs="+", help="folders with gate.jsonl and art.jsonl of gate-off runs (all read)"
    )
    ap.add_argument(
        "--keep-candidates", help="run the coder (gate off) into this folder and keep it for --candidates"
    )
    ap.add_argument(
        "--record-labels",
        nargs="*",
        default=[],
        help="record label files (training/record_labels*.tsv) whose STUDY halves are added to the labels",
    )
    ap.add_argument(
        "--record-weight", type=float, default=1.0, help="weight of each record label's example (default 1)"
    )
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument(
        "--threshold",
        type=float,
        help="ship this threshold (calibrated probability) instead of the cross-validated one (say why)",
    )
    ap.add_argument(
        "--min-recall",
        type=float,
        default=0.95,
        help="ship the highest threshold whose cross-validated recall is at least this (default 0.95); "
        "0 ships the F1-best one",
    )
    ap.add_argument(
        "--C", type=float, nargs="*", default=[0.1, 0.3, 1.0], help="regularisation values to try"
    )
    ap.add_argument(
        "--keep-weights",
        action="store_true",
        help="keep the weights of --out and only calibrate them (the calibration of the recipe with the "
        "--C they were trained with) and carry their threshold over to calibrated units",
    )
    a = ap.parse_args()
    labels = [r | {"file": Path(f).name} for f in a.labels for r in read_labels(Path(f))]
    labels += [r | {"file": Path(f).name} for f in a.record_labels for r in read_record_labels(Path(f))]
    if a.candidates:
        cand = [Path(d) for d in a.candidates]
    else:
        work = Path(a.keep_candidates) if a.keep_candidates else Path(tempfile.mkdtemp(prefix="eventness-"))
        work.mkdir(parents=True, exist_ok=True)
        cand = [run_candidates({r["key"] for r in labels}, work)]
    sources: list[str] = []
    feats, y, groups = dataset(labels, cand, sources)
    X = matrix(feats)
    print(f"examples {len(y)}: events {int(y.sum())}, not events {int((y == 0).sum())}")
    is_record = np.array([s.startswith("record_labels") for s in sources])
    weight = np.where(is_record, a.record_weight, 1.0) if is_record.any() else None
    if is_record.any():
        print(
            f"of them record labels (study halves) {int(is_record.sum())}: events {int(y[is_record].sum())}, "
            f"weight {a.record_weight}"
        )

    # 1. the recipe judged on the label hold-out (a quarter of the articles, never chosen on)
    ho = holdout(groups)
    tr, te = np.where(~ho)[0], np.where(ho)[0]
    print(f"label hold-out: {len(te)} candidates of {len({groups[i] for i in te})} articles; rest {len(tr)}")
    r = recipe(
        X[tr],
        y[tr],
        [groups[i] for i in tr],
        a.C,
        a.min_recall,
        log=False,
        weight=None if weight is None else weight[tr],
    )
    q = calibrated(predict(X[te], r["w"], r["b"]), r["cal"])
    th = a.threshold if a.threshold is not None else r["threshold"]
    prec, rec, f1 = at_threshold(q, y[te], th)
    print(
        f"hold-out: C={r['C']} AUC {auc(q, y[te]):.3f}; at threshold {th:.2f}: P {prec:.3f} R {rec:.3f} "
        f"F1 {f1:.3f}; base rate {y[te].mean():.3f}; mean calibrated probability {q.mean():.3f}"
    )
    if len(a.labels) > 1:
        # each label file's share of the hold-out: a new batch must not cost the older labels
        src = np.array([sources[i] for i in te])
        for name in sorted(set(src)):
            k = src == name
            p_, r_, f_ = at_threshold(q[k], y[te][k], th)
            print(
                f"  hold-out of {name}: n={int(k.sum())} AUC {auc(q[k], y[te][k]):.3f} "
                f"P {p_:.3f} R {r_:.3f} F1 {f_:.3f}"
            )
    print("hold-out reliability (calibrated probability: share of real events)")
    print("\n".join(reliability(q, y[te])))
    mods = np.array([next((k[4:] for k in feats[i] if k.startswith("mod=")), "?") for i in te])
    for m in sorted(set(mods)):
        k = mods == m
        print(
            f"  modality {m}: n={int(k.sum())} events {y[te][k].mean():.3f} mean probability {q[k].mean():.3f}"
        )

    # 2. the shipped model: the same recipe on every label
    r = recipe(X, y, groups, a.C, a.min_recall, log=True, weight=weight)
    th = a.threshold if a.threshold is not None else r["threshold"]
    if a.keep_weights:
        # the weights stay (and with them the gate): the cross-validated predictions of the recipe
        # that trained them calibrate them, and their threshold is carried over unchanged
        with np.load(a.out) as z:
            old_cal = tuple(z["calibration"]) if "calibration" in z.files else (1.0, 0.0)
            r["w"], r["b"] = z["w"].astype(np.float64), float(z["b"])
            raw_logit = (np.log(z["threshold"] / (1 - z["threshold"])) - old_cal[1]) / old_cal[0]
        raw = 1.0 / (1.0 + np.exp(-raw_logit))
        th = a.threshold if a.threshold is not None else float(calibrated(np.array([raw]), r["cal"])[0])
        q = calibrated(predict(X[te], r["w"], r["b"]), r["cal"])
        print(
            f"kept weights, raw threshold {raw:.4f} -> calibrated {th:.4f}; on the label hold-out (in their"
        )
        print(
            f"training set: optimistic) AUC {auc(q, y[te]):.3f}, at the threshold P/R/F1 "
            + " ".join(f"{x:.3f}" for x in at_threshold(q, y[te], th))
        )
        print("\n".join(reliability(q, y[te])))
    prec, rec, _ = at_threshold(r["oof_cal"], y, th)
    np.savez_compressed(
        a.out,
        w=r["w"].astype(np.float32),
        b=np.float64(r["b"]),
        threshold=np.float64(round(th, 4)),
        calibration=np.array(r["cal"], dtype=np.float64),
    )
    print(
        f"saved {a.out}: C={r['C']} calibration a={r['cal'][0]:.3f} b={r['cal'][1]:.3f} threshold={th:.2f} "
        f"(cv AUC {r['auc']:.3f} precision {prec:.3f} recall {rec:.3f})"
    )
    if weight is not None:
        # the record labels' own cross-validated figures (their articles' folds never trained on them)
        k = is_record
        p_, r_, _ = at_threshold(r["oof_cal"][k], y[k], th)
        print(
            f"cv on the record labels (study halves): n={int(k.sum())} AUC {auc(r['oof_cal'][k], y[k]):.3f} "
            f"at threshold P {p_:.3f} R {r_:.3f}"
        )
    print("cv reliability, every label")
    print("\n".join(reliability(r["oof_cal"], y)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
