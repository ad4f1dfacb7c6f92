"""Settings of event coding ([code] and [code.coref] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "code.min_confidence",
        0.4,
        "The frame coder's score (a record's `coder_score`) below which a clause is not proposed as "
        "an event: below 0.4 it is a weak trigger, an embedded clause or one without participants, "
        "noise more often than not. A short report's whole-text guess needs it too to give the report "
        "its main event. The stored `confidence` is the eventness model's calibrated probability "
        "(code.eventness_threshold); cut on it with `eventdesk events --min-confidence`.",
        min=0,
        max=1,
    ),
    Setting(
        "code.actor_files",
        [],
        "Extra actor dictionaries (JSONL or TSV, docs/ACTORS.md) on top of the built-in ones.",
        type=list,
    ),
    Setting(
        "code.article_timeout_s",
        60,
        "Seconds to code a batch, then each article alone; over it the article is reported and has "
        "no events. 0 turns the limit off.",
        type=float,
    ),
    Setting(
        "code.eventness_threshold",
        None,
        "Eventness gate (code/eventness/): a coded clause whose calibrated probability of being a "
        "real event of its type is lower is dropped. That probability is the record's `confidence`: "
        "of the hand-labelled candidates held out in training, about that share of those near a "
        "given value are real events. Not set: the threshold shipped with the model (0.1242, chosen "
        "on the hand labels: the highest that keeps 95% of their real events in cross-validation; "
        "scripts/train_eventness.py); a negative value turns the gate off (confidence is still the "
        "model's).",
        type=float,
    ),
    Setting(
        "code.type_model",
        True,
        "Learned type chooser (code/type_model.py, weights data/models/type_model.npz trained by "
        "scripts/train_type_model.py on the hand labels): after the eventness gate, a coded clause takes "
        "another PLOVER type only when the trigger lexicon finds that reading in its sentence and the "
        "model prefers it to the rules' type (code/type_choice.py) by the margin shipped with the "
        "weights; the rules' type is kept in extra.rule_type. false: the rules' type always stays.",
        type=bool,
    ),
    Setting(
        "code.coref.enabled",
        True,
        "Join the records of one article that report the same event (code/coref.py).",
    ),
    Setting(
        "code.coref.max_km",
        50.0,
        "Two town-level places further apart than this (km) are two events.",
        min=0,
    ),
]
