"""Stage 7, merge events: the same real event reported by several articles is one event, all sources.

For each new event, candidates come from the store's merge index (`merge_keys`), never from a scan:

* `d:TYPE:DAY:CELL` -- located events with a day-precise date, looked up over the day window and the
  neighbouring half-degree cells (same or nearby town);
* `n:TYPE:NAME:MONTH` -- each distinctive word (name, age, number) of the event's mentions and of
  its article's headline, bucketed by month when the date is known ("?" when it is not), looked up
  over the wide window and the undated bucket; an undated event looks up every bucket of the name
  (content alone).

Each candidate is an already merged event holding the compact *reports* of its articles
(`evidence.report`); the new event joins it when it matches one of them (`evidence.compare` score
>= merge.threshold), and an event matching several stored events joins them all. Decisions depend
only on the pair compared and keys are looked up symmetrically, so the same set of articles gives
the same clusters in any order; the merged event's id is the smallest report id and its fields come
from the best-informed report (`evidence.quality`), so those do not depend on order either.

A near-duplicate article (`duplicate_of` set by dedup: the same text, another copy) codes nothing
of its own: each of its events joins the canonical article's event of the same type from the same
sentence (found through the `a:ARTICLE` key), adding its source and mention ("near-duplicate" in
the link's matched fields); an event from a sentence the canonical article also has, but coded
nothing of that type from, is dropped (the copy is not a second opinion on the same text); only an
event from a sentence the canonical article lacks (an updated copy's new paragraph) is merged as
any other.

Every merge records why in `extra["merge"]["links"]` (the two reports, the score and the fields
that matched), which the export and the API show. Two articles whose events merge join one story
(`story_id`, the smallest article id of the story).
"""

from __future__ import annotations

import copy
import math
from datetime import timedelta
from typing import Any

from eventdesk.merge.evidence import NON_EVENTS, compare, interval, quality, report
from eventdesk.records import Article, Event, Mention, normalise
from eventdesk.store.base import Store

__all__ = ["merge", "keys", "report", "compare"]


def _cell(lat: float, lon: float, size: float) -> tuple[int, int]:
    return int((lat + 90.0) // size), int((lon + 180.0) // size)


def _month(d: Any) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def keys(rep: dict[str, Any], cfg: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """(keys to store, exact keys to look up, key prefixes to look up) of one report."""
    t = rep["type"]
    size = float(cfg["cell_degrees"])
    store_keys = [f"r:{rep['id']}", f"a:{rep['article_id']}"]
    look: list[str] = []
    prefixes: list[str] = []
    span = interval(rep["date"])
    day = span is not None and span[0] == span[1] and rep["date_precision"] == "day"
    if day and rep["lat"] is not None:
        cy, cx = _cell(rep["lat"], rep["lon"], size)
        store_keys.append(f"d:{t}:{span[0].isoformat()}:{cy}:{cx}")
        w = int(cfg["day_window"])
        for k in range(-w, w + 1):
            dd = (span[0] + timedelta(days=k)).isoformat()
            look += [f"d:{t}:{dd}:{cy + i}:{cx + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)]
    words = sorted(set(rep["words"]) | set(rep["headline"]))
    if span is not None and rep["date_precision"] in ("day", "month"):
        bucket = _month(span[0])
        wide = timedelta(days=int(cfg["wide_window"]))
        months = sorted({_month(span[0] - wide), _month(span[1] + wide), bucket, _month(span[1])})
        for name in words:
            store_keys.append(f"n:{t}:{name}:{bucket}")
            look += [f"n:{t}:{name}:{m}" for m in months] + [f"n:{t}:{name}:?"]
    else:
        for name in words:
            store_keys.append(f"n:{t}:{name}:?")
            prefixes.append(f"n:{t}:{name}:")
    return store_keys, look, prefixes


def _reports(ev: Event, articles: dict[str, Article]) -> list[dict[str, Any]]:
    m = ev.extra.get("merge")
    if isinstance(m, dict) and m.get("reports"):
        return list(m["reports"])
    return [report(ev, articles.get(ev.article_id))]


def _combine(events: list[Event], reports: list[dict[str, Any]], links: list[dict[str, Any]]) -> Event:
    """One event from several: fields of the best-informed, the smallest id, every source and mention."""
    ordered = sorted(events, key=lambda e: e.id)
    base = max(ordered, key=quality)  # max keeps the first (smallest id) of equals
    out = copy.deepcopy(base)
    out.id = min(r["id"] for r in reports)
    out.sources = sorted({s for e in events for s in (e.sources or [e.article_id])})
    seen: dict[tuple[str, int, int], Mention] = {}
    for e in events:
        for m in e.mentions:
            seen.setdefault((m.article_id, m.start, m.end), m)
    out.mentions = [seen[k] for k in sorted(seen)]
    out.extra = {k: v for k, v in out.extra.items() if k != "merge"}
    uniq = {r["id"]: r for r in reports}
    out.extra["merge"] = {
        "reports": [uniq[k] for k in sorted(uniq)],
        "links": sorted(links, key=lambda x: (x["reports"], -x["score"])),
    }
    return out


def _canonical_match(
    ev: Event,
    rep: dict[str, Any],
    canonical: str,
    store: Store,
    body: str,  # the canonical article's title and body, normalised
    cfg: dict[str, Any],
) -> tuple[Event, list[dict[str, Any]], dict[str, Any]] | None | bool:
    """For an event of a near-duplicate of `canonical`: (stored event, its reports, link) when the
    canonical article has the same event from the same sentence; False when the canonical article
    has the sentence but no such event (drop it); None when the sentence is new or the canonical
    article has no events at all (merge as usual)."""
    # every event of one article (an article codes far fewer than this)
    held = sorted(store.merge_candidates([f"a:{canonical}"], [], 10_000))
    if not held:
        return None  # the canonical article coded nothing (out of scope, or not yet): no authority
    for cid in held:
        cand = store.get_event(cid)
        if cand is None:
            continue
        reps = _reports(cand, {})
        if any(r["article_id"] == ev.article_id for r in reps):
            continue  # already holds another event of this copy
        for r in sorted(reps, key=lambda r: r["id"]):
            same = r["type"] == rep["type"] and r["sentence"] == rep["sentence"]
            # a negated or hypothetical report is never merged: the copy's one is dropped below
            events = r["modality"] not in NON_EVENTS and rep["modality"] not in NON_EVENTS
            if r["article_id"] == canonical and same and events:
                score, why = compare(rep, r, cfg)
                if not math.isfinite(score):
                    continue  # the copy dates or words its act otherwise (another stage, a far date)
                link = {
                    "reports": sorted([rep["id"], r["id"]]),
                    "score": score,
                    "matched": ["near-duplicate", *why],
                }
                return cand, reps, link
    return False if rep["sentence"] and rep["sentence"] in body else None


def _union_stories(store: Store, article_ids: set[str]) -> None:
    """Articles whose events merged report the same event: one story, named by its smallest id."""
    stories = set()
    for aid in article_ids:
        _, sid = store.article_cluster(aid)
        stories.add(sid or aid)
    if len(stories) < 2:
        return
    target = min(stories)
    for s in sorted(stories - {target}):
        store.relabel_story(s, target)


def merge(
    events: list[Event],
    store: Store,
    articles: dict[str, Article] | None = None,
    config: dict[str, Any] | None = None,
) -> tuple[int, int]:
    """Store a batch of events, merging reports of an already stored event. Returns (new, merged).

    Call inside `store.transaction()`; events of the same batch merge with each other too.
    `articles` (by id) gives each event its headline; without it only the mentions speak.
    """
    from eventdesk.config import section

    cfg = section(config, "merge")
    articles = articles or {}
    threshold = float(cfg["threshold"])
    limit = int(cfg["max_candidates"])
    new = merged = 0
    bodies: dict[str, str] = {}  # canonical articles' texts, for near-duplicates' events
    for ev in events:
        holder = store.merge_candidates([f"r:{ev.id}"], [], 1)
        if holder or store.get_event(ev.id) is not None:
            # already stored (a re-run, or an article read again): nothing new, but its article
            # stays a source of the event that holds its report
            for eid in holder:
                store.add_event_source(eid, ev.article_id)
            continue
        rep = report(ev, articles.get(ev.article_id))
        store_keys, look, prefixes = keys(rep, cfg)
        matches: list[tuple[float, str, Event, list[dict[str, Any]], dict[str, Any]]] = []
        art = articles.get(ev.article_id)
        canonical = art.duplicate_of if art is not None else None
        if canonical:
            if canonical not in bodies:
                c = store.get_article(canonical)
                bodies[canonical] = normalise(c.title + "\n" + c.body) if c is not None else ""
            body = bodies[canonical]
            found = _canonical_match(ev, rep, canonical, store, body, cfg)
            if found is False:
                continue  # the canonical article's text, which coded no such event
            if found is not None:
                cand, reps, link = found
                matches.append((link["score"], cand.id, cand, reps, link))
        if ev.modality not in NON_EVENTS and not matches:
            for cid in sorted(store.merge_candidates(look, prefixes, limit)):
                cand = store.get_event(cid)
                if cand is None:
                    continue
                reps = _reports(cand, articles)
                if any(r["article_id"] == ev.article_id for r in reps):
                    continue  # another event of the same article: the coder keeps them apart
                scored = [(*compare(rep, r, cfg), r["id"]) for r in sorted(reps, key=lambda r: r["id"])]
                best = max(scored, key=lambda x: x[0])  # the first (smallest id) of equal scores
                if best[0] >= threshold:
                    link = {"reports": sorted([rep["id"], best[2]]), "score": best[0], "matched": best[1]}
                    matches.append((best[0], cid, cand, reps, link))
        if not matches:
            ev.extra["merge"] = {"reports": [rep], "links": []}
            new += store.add_events([ev])
            store.add_merge_keys(ev.id, store_keys if ev.modality not in NON_EVENTS else store_keys[:2])
            continue
        chosen: list[tuple[Event, list[dict[str, Any]], dict[str, Any]]] = []
        arts = {ev.article_id}
        union_at = threshold + float(cfg["union_margin"])
        for score, _, cand, reps, link in sorted(matches, key=lambda m: (-m[0], m[1])):
            ra = {r["article_id"] for r in reps}
            if ra & arts:
                continue  # would put two events of one article into one
            if chosen and score < union_at:
                continue  # joining two stored events takes stronger evidence (no chains of weak links)
            chosen.append((cand, reps, link))
            arts |= ra
        all_reports = [rep] + [r for _, reps, _ in chosen for r in reps]
        links = [link for _, _, link in chosen]
        for cand, _, _ in chosen:
            links += (cand.extra.get("merge") or {}).get("links") or []
        out = _combine([ev] + [c for c, _, _ in chosen], all_reports, links)
        for cand, _, _ in chosen:
            store.remove_event(cand.id)
        store.add_events([out])
        all_keys: list[str] = []
        for r in out.extra["merge"]["reports"]:
            all_keys += keys(r, cfg)[0]
        store.add_merge_keys(out.id, sorted(set(all_keys)))
        _union_stories(store, arts)
        merged += 1
    return new, merged
