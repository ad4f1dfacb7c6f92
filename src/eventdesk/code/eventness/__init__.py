"""Is a coded clause really an event? The eventness gate (issue 11, "Eventness").

The frame coder proposes an event wherever a trigger word has a frame around it; in whole articles
many of those are not events: commentary and forecasts, metaphor ("ramparts stormed by America
First"), other senses of the word (sport "beaten", medical "arrest", business "bid"), author notes,
captions and newsletter prompts. A PLOVER event is a specific interaction of one of the 16 types
with a political participant, its trigger in that sense (PLOVER 2.0 manual; realnews GUIDE.md).

`EventnessModel.probability(candidate)` is a logistic regression over named features of one
candidate: the type and trigger word with their neighbours, the participants' sectors, modality,
quotation and stance markers (data/eventness/stance.txt), genre words (boilerplate.txt), the
vocabulary of sport, finance, medicine, entertainment and tech (domains.tsv), where the sentence
sits in the article, and a light bag of words. Weights ship as data/models/eventness.npz, trained
by scripts/train_eventness.py on sentences labelled by hand (training/eventness_labels.tsv).
`gate(events, body)` drops the candidates the model judges not to be events, and four kinds the
text itself rules out: page furniture and author notes (furniture.txt), sentences in the
vocabulary of sport, finance, medicine, entertainment or tech with no political participant,
records that name no participant at all, refusals to comment (declined_comment.txt), a wish or intention
with no addressee (desire_verbs.txt), an act in a condition or open question (conditional_markers.txt), a
habit or a statement about anyone at all (habitual.txt, generic_subjects.txt), a promise made to no one
(promise_verbs.txt), a press conference told as a meeting (press_conferences.txt), an ASSAULT on an abstract
patient or in a non-physical arena (abstract_patients.tsv, arena_modifiers.txt, contest_verbs.txt), an infinitive
judged by an extraposed adjective (extraposed_adjectives.txt), an act under a modal of root possibility or
obligation or under hypothetical "would" (root_modals.txt), a characterizing
statement about a person (characterizing.txt), an event noun of nonspecific reference that is the subject of a
modal verb ("a full-scale assault would lead to..."), the infinitive of a noun of modality ("the inability to
agree"; modal_nouns.txt), an act under deliberation ("is considering suspending"; deliberation_verbs.txt), a state or
series of acts in the perfect since a year or a long period and a poll's findings (aggregate.tsv), a participle
describing the predicative noun phrase of a copular clause ("he was the last of the figures recruited by..."), and, in
commentary, the author's generic statements.

Modules, one job each: view (Candidate: what the gate sees of one coded event), words (tokens,
closed-class words, dates, clause spans and the word lists as patterns), featurize (the named
features), hashing (names to the model's columns), model (EventnessModel, the shipped weights),
the text rules by what they detect: scope (page furniture, other fields, no participant, public
statements PLOVER eliminated), genericity (generic and habitual statements, commentary), modality
(conditions, wishes, promises, judged acts, modal nouns, deliberation), aggregate (statistics over a
period, polls), reference (abstract patients, characterizing
statements, hypothetical event nouns); and gating (ruled_out and the gate itself).
"""

from eventdesk.code.eventness.aggregate import continuing_since, poll_finding
from eventdesk.code.eventness.featurize import features
from eventdesk.code.eventness.gating import gate, ruled_out
from eventdesk.code.eventness.genericity import (
    COMMENTARY_GENRES,
    attributed,
    generic_commentary,
    generic_or_habitual,
)
from eventdesk.code.eventness.hashing import N_BITS, bucket, vector
from eventdesk.code.eventness.modality import (
    conditional_clause,
    extraposed_judgement,
    modal_noun_infinitive,
    promise_to_no_one,
    root_modal,
    undecided_act,
    wish_without_addressee,
)
from eventdesk.code.eventness.model import EventnessModel
from eventdesk.code.eventness.reference import (
    abstract_patient,
    characterizing,
    hypothetical_nominal,
    predicative_description,
)
from eventdesk.code.eventness.scope import (
    POLITICAL_SECTORS,
    declined_comment,
    no_participant,
    other_field,
    page_furniture,
    press_conference,
)
from eventdesk.code.eventness.view import Candidate, candidate, candidates

__all__ = [
    "COMMENTARY_GENRES",
    "N_BITS",
    "POLITICAL_SECTORS",
    "Candidate",
    "EventnessModel",
    "abstract_patient",
    "attributed",
    "bucket",
    "candidate",
    "candidates",
    "characterizing",
    "conditional_clause",
    "continuing_since",
    "declined_comment",
    "extraposed_judgement",
    "features",
    "gate",
    "generic_commentary",
    "generic_or_habitual",
    "hypothetical_nominal",
    "modal_noun_infinitive",
    "no_participant",
    "other_field",
    "page_furniture",
    "poll_finding",
    "predicative_description",
    "press_conference",
    "promise_to_no_one",
    "root_modal",
    "ruled_out",
    "undecided_act",
    "vector",
    "wish_without_addressee",
]
