"""Per-sentence event coding: `code(articles, config) -> list[records.Event]`.

1. Sentences of every body from the fast sentencer (annotate.sentence_spans).
2. "What happened" for every sentence (classify.classify): type, mode, ACLED/CAMEO codes and the
   trigger words. Sentences without a trigger are non-events and are never parsed further.
3. Only event sentences get the full spaCy pipeline (parser + NER + entity ruler); around each
   trigger the dependency parse gives the actors (subject, agent of a passive, possessor of an
   event noun) and recipients (object, "against/on/with/from/to" phrases), reciprocal events
   ("X and Y accused each other" -> two events), and modality (claimed / negated / hypothetical).
4. Short whole reports (ACLED notes, CASE snippets) also get classify_document's main guess,
   which is put first: scorers read the first event of a text.

Events of one article are ordered strongest first. `historical` is set here only from a clear
cue (an explicit earlier year); the dates stage sets it from the event date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventdesk.code import trigger_sense, type_choice
from eventdesk.code.actors.context import ArticleContext
from eventdesk.code.actors.events import protest_roles
from eventdesk.code.actors.resolve import Resolver
from eventdesk.code.coref import anaphoric
from eventdesk.code.fatalities import fatalities
from eventdesk.code.frames import Frame, SentenceCoder
from eventdesk.code.syntax import (
    ACCUSE_VERBS,
    DENY,
    SPEECH,
    anchor,
    clause_role,
    coordinated,
    judging_verb,
    meeting_place,
    own_clause,
)
from eventdesk.config import setting
from eventdesk.records import Actor, Article, Event, Evidence

if TYPE_CHECKING:
    from eventdesk.annotate import KnownEntities
    from eventdesk.resources import Resources

MOD_FACTOR = {"asserted": 1.0, "claimed": 0.85, "historical": 0.9, "hypothetical": 0.7, "negated": 0.6}


def reweigh_modality(ev: Event, coded: str) -> None:
    """An event's confidence carries its modality's factor (MOD_FACTOR): when a later stage (dates)
    changes the modality the coder gave it, the factor of the old one is swapped for the new one's.
    A confidence the eventness model gave (code/eventness.gate; the coder's score then sits in
    extra["coder_score"]) is its calibrated probability of a real event of any modality: it stays."""
    if ev.modality == coded or "coder_score" in ev.extra:
        return
    old, new = MOD_FACTOR.get(coded, 1.0), MOD_FACTOR.get(ev.modality, 1.0)
    ev.confidence = round(min(1.0, ev.confidence / old * new), 4)


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"


def _open_quote(body: str, pos: int) -> bool:
    """Is a quotation opened earlier in the paragraph still open at `pos`?"""
    para = body[body.rfind("\n\n", 0, pos) + 1 : pos]
    return para.count(_QUOTE_OPEN) > para.count(_QUOTE_CLOSE) or para.count('"') % 2 == 1


_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)

_NEGATION = re.compile(r"\b(?:not|never|no|n't|cannot)\b|n't\b", re.I)


def _spurious(tok: Any, fr: Frame, etype: str) -> bool:
    """Mentions that are not new events: "The visit followed ..." (a definite event noun that
    refers back, with no participants), and telling the press ("told reporters/Reuters")."""
    if (
        tok.pos_ == "NOUN"
        and not fr.actors
        and not fr.recipients
        and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in tok.children
        )
    ):
        return True
    return bool(
        etype == "CONSULT"
        and tok.lower_ in SPEECH
        and fr.recipients
        and all(r.sector in ("MED", "JRN") for r in fr.recipients)
    )


def _reported(items: list[tuple[int, Any, Any]], mentions: list[Any]) -> list[tuple[int, Any, Any]]:
    """The triggers of one sentence that report events of their own: not a word inside a name, not a
    circumstance or description beside another event ("with the support of", "westerners imprisoned
    by Isis were killed"), not an act nested in another trigger's clause ("vowed to attack") unless
    it is its own clause, a meeting, an accused or alleged deed, or the content of a denial.
    `items` are (index, guess, trigger token) in sentence order."""
    kept = []
    for gi, g, tok in items:
        # a trigger word inside a name ("Popular Mobilization Forces") is no event
        if any(m.kind == "group" and m.start <= tok.i < m.end for m in mentions) or (
            tok.ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "LAW") and tok.pos_ == "PROPN"
        ):
            continue
        # a person's name, an attributive adjective, an abstract subject: not the word's event sense
        if trigger_sense.other_sense(tok, g.event_type):
            continue
        pred = anchor(tok)
        # "with the support of the army": a circumstance of another event in the sentence
        if (
            (tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("with", "under"))
            or (tok.dep_ == "prep" and tok.lower_ in ("with", "under"))
        ) and any(t2.sent.start == tok.sent.start and t2.i != tok.i for _, _, t2 in items):
            continue
        # "westerners imprisoned by Isis were killed", "happy to discuss X while Y": a
        # description of a noun or a disposition beside the event the sentence reports
        if type_choice.side_trigger(tok, [t2 for _, _, t2 in items if t2.i != tok.i]):
            continue
        nested = False
        # "he was concerned about X, as he urged all sides to ...": a finite clause with its
        # own subject, joined to another (coordinated or adverbial), tells an act of its own
        if own_clause(pred):
            kept.append((gi, g, tok))
            continue
        # "agreed at a summit in Sochi": the meeting is an event of its own (PLOVER: every
        # meeting is a CONSULT), not a circumstance of what was agreed there
        if g.event_type == "CONSULT" and meeting_place(tok):
            kept.append((gi, g, tok))
            continue
        for gj, _g2, tok2 in items:
            if gj == gi or tok2.i == tok.i:
                continue
            p2 = anchor(tok2)
            if coordinated(p2, pred):
                continue  # "condemned the raid and demanded ...": two acts, not one inside the other
            if p2.i != pred.i and type_choice.dominates(p2, pred) and pred.sent.start == p2.sent.start:
                # "accused Y of attacking": kept, as Y's claimed act; otherwise the outer event covers it
                acc = p2.lower_ in ACCUSE_VERBS and any(
                    c.dep_ == "dobj" and c.lower_ not in ("other", "another") for c in p2.children
                )
                # ... but the deed in the accusation's own "of"/"for" complement is what the accuser
                # says, not an act the report asserts
                acc = acc and not type_choice.accused_deed(p2, tok, g.event_type)
                # "X is accused of beheading...": the alleged act is what is reported
                acc = acc or type_choice.passive_allegation(p2)
                # "denied that jets bombed the camp": kept, negated
                if not acc and p2.lower_ not in DENY:
                    nested = True
                    break
        if not nested:
            kept.append((gi, g, tok))
    return kept


def _short(body: str) -> bool:
    return len(body) <= 1500


def code(
    articles: list[Article],
    config: dict[str, Any] | None,
    res: Resources,
    bare_mentions: bool = False,
    entities: KnownEntities | None = None,
) -> list[Event]:
    """Events of every article, each article's events strongest first (main event of short texts first).

    `res` holds the spaCy pipeline, the actor dictionary and the models (eventdesk.resources). With `bare_mentions`, definite event nouns without participants ("the
    attack began at midnight") come too, marked extra["mention_only"], for code/coref.py to attach
    to the event they repeat. `entities` receives the NER of the parsed sentences (geo reuses it)."""
    from eventdesk.annotate import annotate, sentence_spans
    from eventdesk.code.classify import classify, classify_document
    from eventdesk.code.eventness import gate
    from eventdesk.code.type_model import retype as retype_events

    config = config or {}
    # below it an event is noise more often than not (code/settings.py); also the bar for a short
    # report's whole-text guess
    min_conf = float(setting(config, "code.min_confidence"))
    dictionary = res.dictionary
    resolver = Resolver(dictionary, res.gazetteer)
    coder = SentenceCoder(resolver)
    bodies = [a.body or "" for a in articles]
    spans = sentence_spans(bodies, config, res.nlp)
    flat = [(ai, s, e) for ai, sp in enumerate(spans) for s, e in sp]
    guesses = classify([bodies[ai][s:e] for ai, s, e in flat], res.acled_model)
    short = [i for i, b in enumerate(bodies) if b.strip() and _short(b)]
    doc_guess: dict[int, Any] = {}
    if short:
        for i, g in zip(
            short, classify_document([bodies[i] for i in short], res.nlp, res.acled_model), strict=True
        ):
            if g:
                doc_guess[i] = g[0]
    # a short report with no trigger in any sentence but a confident document guess: its first
    # sentence carries the main event
    first_chunk: dict[int, int] = {}
    for k, (ai, _s, _e) in enumerate(flat):
        first_chunk.setdefault(ai, k)
    no_trigger = {ai for ai in doc_guess if not any(guesses[k] for k, f in enumerate(flat) if f[0] == ai)}
    # the main guess of a short text may sit in a sentence the sentence classifier skipped
    need = set()
    for k, (ai, s, e) in enumerate(flat):
        if guesses[k] or ai in no_trigger and first_chunk[ai] == k and doc_guess[ai].score >= min_conf:
            need.add(k)
        else:
            g = doc_guess.get(ai)
            if g is not None and g.trigger and s <= g.trigger[0] < e:
                need.add(k)
    todo = sorted(need)
    docs = dict(
        zip(
            todo,
            annotate([bodies[flat[k][0]][flat[k][1] : flat[k][2]] for k in todo], config, res.nlp),
            strict=True,
        )
    )
    if entities is not None:  # the geo stage reuses these entities instead of a second NER pass
        for k in todo:
            entities.add(articles[flat[k][0]].id, flat[k][1], flat[k][2], docs[k])
    # "Trump has not commented. On Saturday, he said ...": a sentence with no trigger can still name
    # the antecedent of the next one's pronoun (centering: the previous utterance's subject), so the
    # sentence before an event sentence that opens with a personal pronoun is parsed for its names
    context_k = [
        k - 1
        for k in todo
        if k > 0
        and k - 1 not in need
        and flat[k - 1][0] == flat[k][0]
        and _PERSON_PRONOUN.search(bodies[flat[k][0]][flat[k][1] : flat[k][2]][:80])
    ]
    context_docs = dict(
        zip(
            context_k,
            annotate([bodies[flat[k][0]][flat[k][1] : flat[k][2]] for k in context_k], config, res.nlp),
            strict=True,
        )
    )

    # the fast sentencer sometimes joins sentences; the parser's split is better: classify those parts
    chunk_guesses: dict[int, list[Any]] = {}
    split_parts: list[tuple[int, int]] = []
    for k in todo:
        sents = list(docs[k].sents)
        if len(sents) > 1:
            split_parts += [(k, s.start_char) for s in sents]
        else:
            chunk_guesses[k] = list(guesses[k])
    if split_parts:
        texts = []
        for k, off in split_parts:
            sent = next(s for s in docs[k].sents if s.start_char == off)
            texts.append(sent.text)
        for (k, off), gs in zip(split_parts, classify(texts, res.acled_model), strict=True):
            chunk_guesses.setdefault(k, []).extend(
                replace(g, trigger=(g.trigger[0] + off, g.trigger[1] + off)) if g.trigger else g for g in gs
            )

    out: list[Event] = []
    by_article: dict[int, list[int]] = {}
    for k in todo:
        by_article.setdefault(flat[k][0], []).append(k)
    for ai, art in enumerate(articles):
        ctx = ArticleContext(people=dictionary.person_entry)
        body = bodies[ai]
        pub_year = int(art.published[:4]) if art.published and art.published[:4].isdigit() else None
        events: list[Event] = []
        main: Event | None = None
        dg = doc_guess.get(ai)
        for k in by_article.get(ai, []):
            if k - 1 in context_docs:
                ctx.note_names(context_docs[k - 1], dictionary.mentions(context_docs[k - 1]))
            _, cs, ce = flat[k]
            doc = docs[k]
            mentions = dictionary.mentions(doc)
            ctx.in_quote = _open_quote(body, cs)
            if not ctx.in_quote:
                ctx.quote_speaker = None
            sent_guesses = list(chunk_guesses.get(k, []))
            if dg is not None and ai in no_trigger and first_chunk[ai] == k and not dg.trigger:
                sent_guesses.insert(0, dg)
            elif (
                dg is not None
                and dg.trigger
                and cs <= dg.trigger[0] < ce
                and not any(g.event_type == dg.event_type for g in sent_guesses)
            ):
                sent_guesses.insert(0, replace(dg, trigger=(dg.trigger[0] - cs, dg.trigger[1] - cs)))
            # the triggers' tokens, then drop events nested in another event's clause
            items = []
            for gi, g in enumerate(sent_guesses):
                if g.trigger:
                    span = doc.char_span(
                        g.trigger[0], min(g.trigger[1], len(doc.text)), alignment_mode="expand"
                    )
                    tok = span.root if span is not None and len(span) else None
                else:
                    tok = None
                if tok is None:
                    sent = next(iter(doc.sents))
                    tok = sent.root
                items.append((gi, g, tok))
            kept = _reported(items, mentions)
            seen: set[tuple] = set()
            for _gi, g0, tok in kept:
                # which type the trigger carries in its clause (PLOVER definitions; None: no event)
                etype = type_choice.choose(
                    tok, g0.event_type, [(g2.event_type, t2) for _, g2, t2 in items if t2.i != tok.i]
                )
                if etype is None:
                    continue
                if etype != g0.event_type:
                    g0 = type_choice.retype(g0, doc.text, etype, acled=res.acled_model)
                sent = tok.sent
                s_abs, e_abs = cs + sent.start_char, cs + sent.end_char
                frames = coder.frames(tok, g0.event_type, mentions, ctx)
                judge = None
                if etype == "ACCUSE" and tok.pos_ == "ADJ" and not any(fr.actors for fr in frames):
                    judge = judging_verb(tok)  # "he found the policies abhorrent": he condemns them
                    if judge is not None:
                        frames = coder.frames(judge, etype, mentions, ctx)
                for fr in frames:
                    g = g0
                    # "the appalling attack", "the policy was abhorrent": an evaluative word is a
                    # condemnation (ACCUSE) only as someone's words; the journalist's is commentary
                    if (
                        g.event_type == "ACCUSE"
                        and tok.pos_ == "ADJ"
                        and fr.speaker is None
                        and judge is None
                        and not ctx.in_quote
                    ):
                        continue
                    if not type_choice.official_visit(tok, g.event_type, [a.sector for a in fr.actors]):
                        continue
                    by_actor = type_choice.by_actor(g.event_type, g.mode, [a.sector for a in fr.actors])
                    if by_actor != (g.event_type, g.mode):
                        g = type_choice.retype(g, doc.text, *by_actor, acled=res.acled_model)
                    mention_only = False
                    if _spurious(tok, fr, g.event_type):
                        # "the attack" with no participants: no record of its own, but a mention of an
                        # event told before (code/coref.py attaches it, or drops it)
                        if not (anaphoric(tok) and not fr.actors and not fr.recipients):
                            continue
                        mention_only = True
                    modality = fr.modality
                    if (
                        g.event_type == "REJECT"
                        and modality in ("negated", "hypothetical")
                        and g.trigger
                        and _NEGATION.search(doc.text[g.trigger[0] : g.trigger[1]])
                    ):
                        # "said it would not negotiate": the negation (and its modal) is the refusal
                        # the trigger names, not a denial that anything happened (PLOVER REJECT)
                        modality = "claimed" if fr.speaker is not None else "asserted"
                    if modality == "asserted" and pub_year:
                        years = [int(y) for y in _YEAR.findall(sent.text)]
                        if years and max(years) < pub_year:
                            modality = "historical"
                    conf = g.score * (1.0 if fr.actors else 0.75) * MOD_FACTOR.get(modality, 1.0)
                    if conf < min_conf:
                        continue
                    key = (s_abs, g.event_type, tuple(a.name for a in fr.actors)) + (
                        tuple(a.name for a in fr.recipients) if fr.split else ()
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    t0 = cs + tok.idx
                    ev = Event(
                        article_id=art.id,
                        evidence=Evidence(body[s_abs:e_abs], s_abs, e_abs),
                        **_type_fields(g),
                        actors=fr.actors,
                        recipients=fr.recipients,
                        modality=modality,
                        fatalities=fatalities(sent.text, g.acled_event_type),
                        confidence=round(min(1.0, conf), 4),
                        extra={"trigger": [t0, t0 + len(tok.text)], "clause_role": clause_role(tok)}
                        | ({"anaphoric": True} if anaphoric(tok) else {})
                        | ({"pronoun_actor": True} if fr.pronoun_actor else {})
                        | ({"mention_only": True} if mention_only else {})
                        | ({"case_label": g.case_label} if g.case_label else {})
                        | _claimant(modality, fr.speaker),
                    )
                    events.append(ev)
                    accusal = _accusal(
                        ev, coder.alleged_act(tok, g.event_type, fr), g, doc.text, cs, s_abs, seen, res
                    )
                    if accusal is not None:
                        events.append(accusal)
                    if (
                        main is None
                        and not mention_only
                        and dg is not None
                        and g.event_type == dg.event_type
                        and (g.acled_sub_event_type == dg.acled_sub_event_type or not dg.trigger)
                    ):
                        main = ev
            # who this sentence named, for "he", "the group" in later sentences
            ctx.note_names(doc, mentions)
            if _open_quote(body, ce):
                ctx.quote_speaker = coder.quote_opener(doc, mentions, ctx) or ctx.quote_speaker
        if dg is not None and events and main is None:
            main = next(
                (e for e in events if e.event_type == dg.event_type and not e.extra.get("mention_only")), None
            )
        if dg is not None and main is None and dg.score >= min_conf:
            # a short report whose main event (as the document classifier reads the whole text) no
            # sentence frame produced: code it from the sentence that carries it
            main = _main_from_document(art, dg, ai, flat, docs, events, coder, dictionary, ctx)
            if main is not None:
                events.append(main)
        if dg is not None and events and main is not None:
            # the whole report is about it: document-level codes and fatalities
            main.acled_event_type = dg.acled_event_type
            main.acled_sub_event_type = dg.acled_sub_event_type
            main.mode = main.mode or dg.mode
            if dg.case_label:
                main.extra["case_label"] = dg.case_label
            main.fatalities = fatalities(body, main.acled_event_type)
        events.sort(key=lambda e: (e is not main, -e.confidence, e.evidence.start))
        for e in events:
            protest_roles(e)
            _unidentified(e)
        # clauses that are not events (commentary, other word senses, page furniture) go; a short
        # report's main event stays whatever the gate says; bare mentions are left to coreference
        genre = (art.relevance or {}).get("genre")
        passed = {
            id(e)
            for e in gate(
                [e for e in events if not e.extra.get("mention_only")],
                body,
                config,
                main,
                res.eventness,
                genre,
            )
        }
        events = [e for e in events if id(e) in passed or e.extra.get("mention_only")]
        # the learned type chooser's second opinion on the clauses the gate kept (code/type_model.py)
        retype_events(
            [e for e in events if not e.extra.get("mention_only")],
            body,
            config,
            res.type_model,
            res.acled_model,
            genre,
            main,
        )
        # bare mentions are not gated (coreference attaches or drops them) but their confidence joins
        # a record's (code/coref.py keeps the highest): the same calibrated scale
        gate(
            [e for e in events if e.extra.get("mention_only")],
            body,
            {"code": {"eventness_threshold": -1}},
            None,
            res.eventness,
            genre,
        )
        out += events if bare_mentions else [e for e in events if not e.extra.get("mention_only")]
    return out


def _type_fields(g: Any) -> dict[str, Any]:
    """The fields of an Event that a type decision (type_choice / document rules) sets."""
    return {
        "event_type": g.event_type,
        "mode": g.mode,
        "contexts": list(g.contexts),
        "acled_event_type": g.acled_event_type,
        "acled_sub_event_type": g.acled_sub_event_type,
        "cameo_root": g.cameo_root,
        "goldstein": g.goldstein,
    }


def _accusal(
    ev: Event, fr: Frame | None, g: Any, text: str, cs: int, s_abs: int, seen: set[tuple], res: Resources
) -> Event | None:
    """The accusation a claimed act carries (SentenceCoder.alleged_act: "Ankara insisted the militias
    had shelled its positions"), as a record of its own told by the alleging verb; None when there is
    none or the sentence already has that accuser's accusation."""
    if fr is None:
        return None
    key = (s_abs, "ACCUSE", tuple(a.name for a in fr.actors))
    if key in seen:
        return None
    seen.add(key)
    verb = fr.pred
    trig = (verb.idx, verb.idx + len(verb.text))
    acc = type_choice.retype(replace(g, trigger=trig), text, "ACCUSE", "allege", acled=res.acled_model)
    t0 = cs + verb.idx
    return replace(
        ev,
        **_type_fields(acc),
        actors=fr.actors,
        recipients=fr.recipients,
        modality=fr.modality,
        fatalities=None,
        extra={"trigger": [t0, t0 + len(verb.text)], "clause_role": clause_role(verb)}
        | _claimant(fr.modality, fr.speaker),
    )


def _main_from_document(
    art: Article,
    dg: Any,
    ai: int,
    flat: list[tuple[int, int, int]],
    docs: dict[int, Any],
    events: list[Event],
    coder: Any,
    dictionary: Any,
    ctx: Any,
) -> Event | None:
    """The document guess as an event: evidence = the sentence holding its trigger (else the first),
    actors from that sentence's parse when there is one, else from an event of the same sentence."""
    chunks = [(k, s, e) for k, (a, s, e) in enumerate(flat) if a == ai]
    if not chunks:
        return None
    pick = chunks[0]
    if dg.trigger:
        pick = next((c for c in chunks if c[1] <= dg.trigger[0] < c[2]), pick)
    k, s_abs, e_abs = pick
    actors: list[Actor] = []
    recipients: list[Actor] = []
    modality = "asserted"
    same = [e for e in events if e.evidence.start < e_abs and s_abs < e.evidence.end]
    if same:
        best = max(same, key=lambda e: e.confidence)
        actors, recipients, modality = list(best.actors), list(best.recipients), best.modality
    elif k in docs:
        doc = docs[k]
        tok = None
        if dg.trigger:  # the word that carries the event, else the sentence's main verb
            span = doc.char_span(
                dg.trigger[0] - s_abs, min(dg.trigger[1] - s_abs, len(doc.text)), alignment_mode="expand"
            )
            tok = span.root if span is not None and len(span) else None
        tok = tok or next(iter(doc.sents)).root
        frames = coder.frames(tok, dg.event_type, dictionary.mentions(doc), ctx)
        if frames:
            actors, recipients, modality = frames[0].actors, frames[0].recipients, frames[0].modality
    if not actors and events:  # a short report has one cast: the parties of its best-coded event
        best = max(events, key=lambda e: e.confidence)
        actors, recipients = list(best.actors), list(best.recipients)
    body = art.body
    sentence = body[s_abs:e_abs]
    lead = len(sentence) - len(sentence.lstrip())
    tail = len(sentence) - len(sentence.rstrip())
    s_abs, e_abs = s_abs + lead, e_abs - tail
    return Event(
        article_id=art.id,
        evidence=Evidence(body[s_abs:e_abs], s_abs, e_abs),
        **_type_fields(dg),
        actors=actors,
        recipients=recipients,
        modality=modality,
        fatalities=fatalities(body, dg.acled_event_type),
        confidence=round(min(1.0, dg.score * 0.75), 4),
        extra={"from": "document"}
        | ({"trigger": list(dg.trigger)} if dg.trigger else {})
        | ({"case_label": dg.case_label} if dg.case_label else {}),
    )


def _claimant(modality: str, speaker: Actor | None) -> dict[str, Any]:
    """`claimed_by` of a claimed event: who the text attributes it to (the card says "claimed by X")."""
    # only an actor (a country, an organisation, an office): not "the statement", "reports"
    if modality != "claimed" or speaker is None or not (speaker.country or speaker.sector):
        return {}
    return {"claimed_by": {"name": speaker.name, "country": speaker.country, "sector": speaker.sector}}


def _unidentified(ev: Event) -> None:
    """ACLED practice: violence or a protest whose actor is not named has an unidentified one."""
    if ev.actors:
        return
    if ev.event_type == "PROTEST" or ev.acled_event_type in ("Protests", "Riots"):
        ev.actors = [Actor(text="", name="Protesters", country=None, sector="CVL")]
    elif (ev.event_type == "ASSAULT" and ev.mode not in ("aerial",)) or ev.acled_event_type in (
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Strategic developments",
    ):
        ev.actors = [Actor(text="", name="Unidentified armed group", country=None, sector="UAF")]
