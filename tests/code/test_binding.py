"""A pronoun does not refer to a name later in its own clause (binding principle C, Chomsky 1981):
'"...," he said ahead of a meeting with the prime minister, Erik Dahl' is not Dahl speaking.
Text written for these tests."""

from __future__ import annotations

from eventdesk.config import load_config
from eventdesk.pipeline import extract_events
from eventdesk.records import Article

TEXT = (
    "The Danish foreign minister, Lars Berg, said on Monday he was concerned about the shelling of the "
    "border towns, as he urged all sides to show restraint. “Denmark is in the region to keep the peace. "
    "We have worked with our partners on that, so we are concerned about the Russian incidents in the "
    "border towns,” he said ahead of a meeting in Copenhagen with the Norwegian prime minister, Erik Dahl."
)


def test_he_said_before_a_meeting_with_a_named_person_is_the_earlier_speaker() -> None:
    cfg = load_config(overrides={"code": {"coref": {"enabled": False}}})
    evs = extract_events([Article(title="", body=TEXT, published="2025-03-12", url="x")], cfg)
    quoted = [e for e in evs if "he said ahead of a meeting" in e.evidence.sentence]
    by_type = {e.event_type: e for e in quoted}
    assert [a.name for a in by_type["ACCUSE"].actors] == ["Lars Berg"]
    # the meeting is the speaker's with Dahl: Dahl is its counterpart, not its actor
    assert [a.name for a in by_type["CONSULT"].actors] == ["Lars Berg"]
    assert [a.name for a in by_type["CONSULT"].recipients] == ["Erik Dahl"]
