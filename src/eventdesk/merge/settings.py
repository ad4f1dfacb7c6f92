"""Settings of merging reports of one event ([merge] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "merge.day_window",
        1,
        "Candidates: located, day-precise events within this many days of each other (both dates "
        "known to the day) ...",
        min=0,
    ),
    Setting(
        "merge.cell_degrees",
        0.5,
        "... and in the same or a neighbouring grid cell of this size (degrees).",
        min=0,
    ),
    Setting(
        "merge.wide_window",
        7,
        "Days of slack when a date is only known to the month or year.",
        min=0,
    ),
    Setting(
        "merge.follow_up_days",
        31,
        "Dates further apart than the window count against one event; up to this many days apart "
        "(a follow-up report) they count less than beyond it.",
        min=0,
    ),
    Setting("merge.near_km", 25, "Places this close (km) count as the same or a nearby town.", type=float),
    Setting(
        "merge.far_km",
        150,
        "Two town-precise places further apart than this (km) count against one event.",
        type=float,
    ),
    Setting(
        "merge.threshold",
        2.75,
        "Evidence score (merge/evidence.py) from which two reports are one event.",
    ),
    Setting(
        "merge.union_margin",
        1.0,
        "A new event joins a second stored event (merging the two) only this far above the threshold.",
    ),
    Setting(
        "merge.undated_margin",
        1.0,
        "Content-only pairs (a date unknown) need this much more evidence, unless their openings name "
        "the same year.",
    ),
    Setting(
        "merge.min_content",
        1.0,
        "Evidence beyond type, time and place needed to merge (a name, an age, a sentence).",
    ),
    Setting(
        "merge.max_candidates",
        500,
        "Stored events compared per new event (most recent first).",
        min=1,
    ),
]
