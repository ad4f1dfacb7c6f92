"""A town before an agreement or meeting noun ("the Sochi agreement", "the Astana talks") says where
it happened and names no party."""

from __future__ import annotations

from typing import Any

from eventdesk.code.actors.dictionary import Mention
from eventdesk.code.actors.words import event_nouns, singulars

# A populated place this large is a town an article may name as a venue ("the Sochi agreement");
# the GeoNames "cities15000" extract draws the line for a city in the same place.
VENUE_MIN_POP = 15000


def is_venue(tok: Any, mentions: list[Mention], gazetteer: Any = None) -> bool:
    """Does the premodifier `tok` of an event noun name a town, not a party? A proper noun of
    location sense before an event or meeting noun says where it happens: "the Sochi
    agreement", "the Minsk deal" (Quirk et al. 1985, 17.108-17.109), even where NER tags the
    name ORG. A country, demonym, group or IGO the dictionary knows names a party ("the US
    deal", "the Turkish-Russian agreement"); a capital is a town; any other town is told by the
    gazetteer: a primary name of a city or province of at least VENUE_MIN_POP people that no
    country shares."""
    if tok.pos_ != "PROPN" or tok.dep_ == "poss":
        return False
    if any(m.start <= tok.i < m.end and m.kind != "capital" for m in mentions):
        return False
    if any(m.start <= tok.i < m.end for m in mentions):
        return True  # a capital as a premodifier: the seat of the talks, not the state
    if gazetteer is None:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = ent.text if ent is not None and ent.end <= tok.head.i else tok.text
    cands = gazetteer.named(name)
    if any(c.entry.kind == "country" for c in cands):
        return False
    return any(
        c.type == "p" and c.entry.kind in ("city", "adm1", "adm2") and c.entry.pop >= VENUE_MIN_POP
        for c in cands
    )


def venue_only(head: Any, toks: list[Any], mentions: list[Mention], gazetteer: Any = None) -> bool:
    """ "the Minsk deal", "the Astana talks": an agreement or meeting noun (data/actors/
    agreement_nouns.txt, meeting_nouns.txt) whose only proper nouns are the towns where it was
    made names no party: an agreement is no actor, and its town is not the state."""
    if not singulars(head.lower_) & event_nouns():
        return False
    proper = [t for t in toks if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_)]
    return bool(proper) and all(
        t.i < head.i
        and t.dep_ in ("compound", "nmod")
        and t.head.i == head.i
        and is_venue(t, mentions, gazetteer)
        for t in proper
    )
