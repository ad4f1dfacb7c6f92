"""What the coder yields from a body written for an eventness test, after a lead that is a plain event."""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.records import Article
from eventdesk.resources import Resources

LEAD = "Rebels attacked an army base near Idlib on Sunday, killing eight soldiers, the army said. "
RULES = {"code": {"eventness_threshold": 0.01}}  # only what the text rules out (p = 0) goes
OFF = {"code": {"eventness_threshold": -1}}


def coded(body: str, config: dict) -> set[tuple[str, str]]:
    """(type, first three words of the sentence) of every event coded from LEAD + `body`."""
    art = Article(title="", body=LEAD + body, published="2024-05-01")
    return {
        (e.event_type, " ".join(e.evidence.sentence.split()[:3]))
        for e in code([art], config, Resources.shared(config))
    }


def candidate(
    sentence: str,
    trigger: str,
    typ: str = "ASSAULT",
    actors: tuple[str, ...] | list[str] = ("the minister",),
    recipients: tuple[str, ...] | list[str] = (),
):
    """An asserted candidate of `typ` at the first `trigger` of `sentence`, its parties government actors."""
    from eventdesk.code.eventness import Candidate

    a = sentence.index(trigger)
    return Candidate(
        typ,
        sentence,
        0,
        (a, a + len(trigger)),
        "asserted",
        0.6,
        [(t, t.split()[-1], "GOV") for t in actors],
        [(t, t, "GOV") for t in recipients],
        None,
        200,
    )
