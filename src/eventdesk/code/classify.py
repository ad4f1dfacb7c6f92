"""What happened: PLOVER event type, mode, ACLED type, CAMEO root and Goldstein score of a text.

The public face of the event-type coder; each job lives in its own module:

- lexicon: the trigger lexicon (data/ontology/triggers.tsv, from the PLOVER 2.0 manual and the CAMEO
  verb categories) and `triggers(text)`, the words that carry events and where they are;
- acled_model: the ACLED sub-event-type model (hashed features, numpy logistic regression);
- contexts: PLOVER contexts;
- sentence: `classify(texts, acled)`, the events of a sentence or clause (several allowed; [] = none);
- document: `classify_document(texts, nlp, acled)`, a short whole report (an ACLED note, a CASE snippet) with
  its main event first, using acled_rules (ACLED codebook sub-type rules) and case_labels (CASE
  2021 labels outside ACLED scope);
- eventness: the gate that drops coded clauses that are not events (used by assemble.code).

All are pure functions of the text and the models they are given (eventdesk.resources), ~1 ms per
sentence.
"""

from __future__ import annotations

from eventdesk.code.acled_model import N_BITS, acled_probabilities, features
from eventdesk.code.document import classify_document, classify_document_one
from eventdesk.code.lexicon import Hit, _lexicon, triggers
from eventdesk.code.sentence import TypeGuess, classify, classify_one

__all__ = [
    "N_BITS",
    "Hit",
    "TypeGuess",
    "_lexicon",
    "acled_probabilities",
    "classify",
    "classify_document",
    "classify_document_one",
    "classify_one",
    "features",
    "triggers",
]
