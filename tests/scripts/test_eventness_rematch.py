"""Re-matching stale eventness labels to today's candidates (scripts/eventness_rematch.py); label rows,
bodies and candidates written here."""

from __future__ import annotations

from eventdesk.code.eventness import Candidate
from tests.support.scripts import load_script

rm = load_script("eventness_rematch")

S1 = "Rebels attacked an army base near Idlib on Sunday."
S2 = "The minister met the envoy in Geneva and agreed to talks."
BODY = S1 + " " + S2


def cand(typ: str, trigger: str, sentence: str = S2, start: int | None = None) -> Candidate:
    """A candidate of `typ` at the first `trigger` of `sentence` (placed at `start` of BODY)."""
    s0 = BODY.index(sentence) if start is None else start
    a = s0 + sentence.index(trigger)
    return Candidate(typ, sentence, s0, (a, a + len(trigger)), "asserted", 0.6, [], [], None, len(BODY))


def label(typ: str, trigger: str, lab: str, sentence: str = S2, h: str | None = None) -> dict:
    """A label row on the first `trigger` of `sentence` in BODY."""
    s0 = BODY.index(sentence)
    a = s0 + sentence.index(trigger)
    return {
        "key": "k",
        "sent": (s0, s0 + len(sentence)),
        "trig": (a, a + len(trigger)),
        "type": typ,
        "label": lab,
        "hash": rm.sentence_hash(sentence) if h is None else h,
    }


def run(labels: list[dict], cands: list[Candidate], body: str = BODY):
    return rm.match(labels, {"k": body}, {"k": cands})


def test_exact_match_keeps_the_label() -> None:
    c = cand("CONSULT", "met")
    out, n = run([label("CONSULT", "met", "event")], [c])
    assert [(r["label"], x, how) for r, x, how in out] == [("event", c, rm.EXACT)]
    assert n[rm.EXACT] == 1


def test_a_moved_trigger_span_that_overlaps_is_rematched() -> None:
    # the coder's trigger grew from "met" to "met the envoy": same clause, same type
    now = cand("CONSULT", "met the envoy")
    out, n = run([label("CONSULT", "met", "none")], [now])
    assert [(r["label"], x, how) for r, x, how in out] == [("none", now, rm.REMATCHED)]
    assert "re-matched 1" in rm.report(n, 1)


def test_type_x_label_carries_to_a_candidate_now_coded_x_as_event() -> None:
    # labelled: CONSULT candidate, but an event of type AGREE; today the coder says AGREE there
    now = cand("AGREE", "agreed")
    out, _ = run([label("CONSULT", "agreed", "type:AGREE")], [now])
    assert [(r["label"], x) for r, x, _ in out] == [("event", now)]


def test_event_label_never_moves_to_another_type() -> None:
    now = cand("AGREE", "met")
    out, n = run([label("CONSULT", "met", "event"), label("CONSULT", "met", "none")], [now])
    assert out == [] and n[rm.TYPE_CHANGED] == 2


def test_no_overlapping_trigger_is_dropped() -> None:
    out, n = run([label("CONSULT", "met", "event")], [cand("CONSULT", "talks")])
    assert out == [] and n[rm.GONE] == 1


def test_two_overlapping_candidates_are_ambiguous() -> None:
    a, b = cand("CONSULT", "met"), cand("CONSULT", "met the envoy")
    out, n = run([label("CONSULT", "met the", "event")], [a, b])
    assert out == [] and n[rm.AMBIGUOUS] == 1


def test_a_changed_sentence_is_dropped() -> None:
    lab = label("CONSULT", "met", "event", h=rm.sentence_hash("The minister met the envoy in Bern."))
    out, n = run([lab], [cand("CONSULT", "met the envoy")])
    assert out == [] and n[rm.SENT_CHANGED] == 1


def test_shifted_text_is_found_near_the_offsets_and_the_trigger_shifts_with_it() -> None:
    # the body now has a longer first sentence: the labelled sentence moved 6 characters on
    body = "Rebels attacked an army base near Idlib late on Sunday. " + S2
    s0 = body.index(S2)
    now = Candidate(
        "CONSULT", S2, s0, (s0 + S2.index("met"), s0 + S2.index("met") + 3), "asserted", 0.6, [], [], None, 0
    )
    out, n = run([label("CONSULT", "met", "event")], [now], body=body)
    assert [x for _, x, _ in out] == [now] and n[rm.REMATCHED] == 1


def test_resegmented_sentence_with_the_same_words_is_kept() -> None:
    # today the two sentences are one: the labelled sentence lies inside the candidate's
    now = Candidate(
        "CONSULT", BODY, 0, (BODY.index("met"), BODY.index("met") + 3), "asserted", 0.6, [], [], None, 0
    )
    out, n = run([label("CONSULT", "met", "event")], [now])
    assert [how for _, _, how in out] == [rm.RESEGMENTED] and n[rm.RESEGMENTED] == 1


def test_a_candidate_labelled_exactly_keeps_its_own_label() -> None:
    c = cand("CONSULT", "met the envoy")
    exact = label("CONSULT", "met the envoy", "event")
    stale = label("CONSULT", "met", "none")
    out, n = run([stale, exact], [c])
    assert [(r["label"], how) for r, _, how in out] == [("event", rm.EXACT)]
    assert n[rm.TAKEN] == 1


def test_two_stale_labels_on_one_candidate_are_both_dropped() -> None:
    c = cand("CONSULT", "met the envoy")
    out, n = run([label("CONSULT", "met", "none"), label("CONSULT", "envoy", "event")], [c])
    assert out == [] and n[rm.AMBIGUOUS] == 2


def test_a_label_whose_trigger_lies_outside_its_sentence_is_dropped() -> None:
    # an old candidate recorded with the sentence of another clause: no candidate of today is that one
    lab = label("CONSULT", "met", "event") | {"sent": (0, len(S1)), "hash": rm.sentence_hash(S1)}
    out, n = run([lab], [cand("CONSULT", "met the envoy")])
    assert out == [] and n[rm.OUTSIDE] == 1
