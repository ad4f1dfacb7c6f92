"""Settings of event dating ([dates] in eventdesk.toml); see eventdesk.config for the form."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "dates.historical_days",
        7,
        "A day- or week-precise date ending more than this many days before the report makes the "
        "event background (modality historical).",
    ),
    Setting(
        "dates.inherit_in_paragraph",
        True,
        "A sentence with no date words takes the last date named earlier in its paragraph.",
    ),
    Setting(
        "dates.future_is_hypothetical",
        True,
        "An asserted event dated wholly after the report is a plan: modality hypothetical.",
    ),
]
