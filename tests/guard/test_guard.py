"""Issue 7: no document can hang the pipeline (eventdesk.guard), with deliberately slow documents."""

from __future__ import annotations

import signal
import threading
import time
import warnings

import pytest

from eventdesk import guard
from eventdesk.guard import (
    DocumentTimeout,
    extract_guarded,
    limit,
    read_file_guarded,
    segment_guarded,
    time_limit,
)
from eventdesk.records import Article, Document, Event, Evidence, Problem, Source
from eventdesk.segment import segment

# These tests own SIGALRM and check that the timer is left disarmed: pytest-timeout watches them from
# a thread instead of with its own alarm (pyproject's default timeout still applies).
pytestmark = pytest.mark.timeout(method="thread")

PARA = "The army said on Tuesday it had retaken the town after two days of fighting with rebels."


def spin(seconds: float = 30.0) -> None:
    """Pure-Python busy loop (what a pathological regex or parser loop looks like)."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1


def test_time_limit_stops_a_busy_loop_and_a_sleep():
    for slow in (spin, time.sleep):
        t0 = time.monotonic()
        with pytest.raises(DocumentTimeout) as e, time_limit(0.2, "slow thing"):
            slow(30)
        assert 0.15 < time.monotonic() - t0 < 2
        assert "slow thing took longer than 0.2 s" in str(e.value)


def test_time_limit_off_and_restores_state():
    before = signal.getsignal(signal.SIGALRM)
    for off in (None, 0, -1):
        with time_limit(off):
            time.sleep(0.01)
    with time_limit(5):
        pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_nested_limits_inner_and_outer():
    with pytest.raises(DocumentTimeout) as e, time_limit(5, "outer"):
        with pytest.raises(DocumentTimeout) as inner, time_limit(0.1, "inner"):
            spin()
        assert inner.value.what == "inner"
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 3 < left <= 5  # the outer timer is re-armed with what is left
        raise DocumentTimeout(0, "outer")  # leave quickly; what matters is the state below
    assert e.value.what == "outer"
    # an outer limit shorter than the inner one wins
    t0 = time.monotonic()
    with pytest.raises(DocumentTimeout) as e, time_limit(0.2, "outer"), time_limit(10, "inner"):
        spin()
    assert e.value.what == "outer" and time.monotonic() - t0 < 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_not_in_main_thread_warns_and_runs_without_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(guard, "_warned", False)
    caught: list = []

    def work():
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            with time_limit(0.05):
                time.sleep(0.2)  # would time out in the main thread
            caught.extend(w)

    t = threading.Thread(target=work)
    t.start()
    t.join(5)
    assert [str(w.message) for w in caught if "main thread" in str(w.message)]


def test_limit_reads_config_and_defaults():
    assert limit({}, "read", "document_timeout_s") == 60
    assert limit({"read": {"document_timeout_s": 2.5}}, "read", "document_timeout_s") == 2.5
    for off in (0, None, -3, "x", float("inf")):
        assert limit({"read": {"document_timeout_s": off}}, "read", "document_timeout_s") is None


def test_slow_document_is_reported_and_the_others_are_segmented(monkeypatch: pytest.MonkeyPatch):
    """A document that makes the real segmenter loop: reported by file and index, not dropped."""
    import eventdesk.segment as seg

    real = seg.split_dump

    def slow_split(text: str):
        if "SLOW" in text:
            spin()
        return real(text)

    monkeypatch.setattr(seg, "split_dump", slow_split)
    docs = [
        Document(path="a.txt", kind="dump", text=f"Headline one\n\n{PARA}\n"),
        Document(path="slow.txt", kind="dump", text=f"SLOW headline\n\n{PARA}\n", index=0),
        Document(path="b.jsonl", kind="record", text=PARA + " Two.", title="Two", index=3),
    ]
    t0 = time.monotonic()
    out = segment_guarded(docs, {"read": {"document_timeout_s": 0.3}})
    assert time.monotonic() - t0 < 3
    probs = [x for x in out if isinstance(x, Problem)]
    arts = [x for x in out if isinstance(x, Article)]
    assert [(p.path, p.index) for p in probs] == [("slow.txt", 0)]
    assert "took longer than 0.3 s (read.document_timeout_s)" in probs[0].reason
    assert [a.title for a in arts] == ["Headline one", "Two"]
    # same articles as the unguarded segmenter on the good documents
    assert [a.id for a in arts] == [a.id for a in segment([docs[0], docs[2]]) if isinstance(a, Article)]


def test_segment_crash_and_deep_recursion_become_problems():
    def boom(doc: Document):
        if doc.index == 1:
            raise ValueError("unexpected")
        if doc.index == 2:

            def deep(n):
                return deep(n + 1)

            deep(0)
        return [Article(title="ok", body=doc.text, sources=[Source(doc.path, doc.index)])]

    docs = [Document(path="f.jsonl", kind="record", text=PARA, index=i) for i in range(3)]
    out = segment_guarded(docs, {}, segment_one=boom)
    assert isinstance(out[0], Article)
    assert "ValueError: unexpected" in out[1].reason and out[1].index == 1
    # the report names where the error came from, so a bug report can point at the code
    assert "please report this as a bug" in out[1].reason
    assert "nested too deeply" in out[2].reason and out[2].index == 2


def _event(a: Article) -> Event:
    return Event(
        id="e" + a.id, article_id=a.id, event_type="ASSAULT", evidence=Evidence(a.body, 0, len(a.body))
    )


def test_extract_guarded_isolates_the_hanging_article():
    arts = [Article(title=f"T{i}", body=PARA + f" {i}.", sources=[Source(f"f{i}.txt", 0)]) for i in range(4)]

    def extract(batch, config):
        out = []
        for a in batch:
            if a.title == "T2":
                spin()
            out.append(_event(a))
        return out

    t0 = time.monotonic()
    events, probs = extract_guarded(arts, {"code": {"article_timeout_s": 0.1}}, extract)
    assert time.monotonic() - t0 < 5
    assert [e.article_id for e in events] == [arts[i].id for i in (0, 1, 3)]
    assert [(p.path, p.index) for p in probs] == [("f2.txt", 0)]
    assert "code.article_timeout_s" in probs[0].reason and "T2" in probs[0].reason
    # no failure: one call over the whole batch, nothing reported
    calls = []
    events, probs = extract_guarded(arts[:2], {}, lambda b, c: calls.append(len(b)) or [_event(a) for a in b])
    assert calls == [2] and len(events) == 2 and probs == []


def test_read_file_guarded_times_out_a_slow_parse(tmp_path, monkeypatch: pytest.MonkeyPatch):
    import eventdesk.read as read_mod

    real = read_mod.read_bytes

    def slow(data, path, depth=0):
        if b"SLOW" in data:
            spin()
        return real(data, path, depth)

    monkeypatch.setattr(read_mod, "read_bytes", slow)
    (tmp_path / "slow.txt").write_text("SLOW\n\n" + PARA + "\n")
    (tmp_path / "ok.txt").write_text("Fine\n\n" + PARA + "\n")
    cfg = {"read": {"file_timeout_s": 0.3}}
    f = read_file_guarded(str(tmp_path / "slow.txt"), cfg)
    assert not f.documents and not f.digest  # not marked done: the next run tries again
    assert "took longer than 0.3 s (read.file_timeout_s)" in str(f.problems[0]) and "slow.txt" in str(
        f.problems[0]
    )
    assert len(read_file_guarded(str(tmp_path / "ok.txt"), cfg).documents) == 1


def test_run_on_paragraph_is_bounded_by_the_guard_with_the_real_coder():
    """Found by benchmarks/robustness.py: one 100k-character paragraph without a full stop (a
    repeated slice) kept the real event coder busy for minutes. Guarded, it costs at most about
    two limits and the normal article keeps its events (whether or not the coder gets faster)."""
    from eventdesk.config import load_config
    from eventdesk.pipeline import extract_events

    cfg = load_config(overrides={"code": {"article_timeout_s": 3}})
    normal = Article(
        title="Clashes",
        body="Government troops clashed with rebels near Kirkuk on Monday, officials "
        "said. At least seven people were killed.",
        sources=[Source("ok.txt", 0)],
    )
    run_on = Article(
        title="Run-on",
        body="Government troops clashed with rebels near the northern town on Monday officials sai" * 1500,
        sources=[Source("runon.txt", 0)],
    )
    want = extract_events([normal], cfg)  # also loads the model outside the timed part
    t0 = time.monotonic()
    events, probs = extract_guarded([normal, run_on], cfg, extract_events)
    assert time.monotonic() - t0 < 3 * 3 + 10
    assert [e.id for e in events if e.article_id == normal.id] == [e.id for e in want]
    assert all(p.path == "runon.txt" and "code.article_timeout_s" in p.reason for p in probs)
    assert probs or any(e.article_id == run_on.id for e in events)  # timed out and reported, or coded


def test_article_origin_names_the_first_source():
    from eventdesk.guard import article_origin
    from eventdesk.records import Article, Source

    read = Article("t", "b", sources=[Source("a.txt", 3), Source("b.txt", 0)])
    assert article_origin(read) == ("a.txt", 3)
    made = Article("t", "b")
    assert article_origin(made) == (f"article {made.id}", None)


def test_model_loading_is_not_counted_against_the_first_batchs_time_limit(monkeypatch: pytest.MonkeyPatch):
    """A worker loads its models on its first batch; that load (slow on a busy machine) happens before
    code.article_timeout_s starts counting, so the batch's articles are coded, not reported as timed out."""
    from eventdesk import pipeline

    class SlowToLoad:
        """Resources whose every model takes a while to load the first time it is used."""

        def __init__(self) -> None:
            self.loaded: set[str] = set()

        def __getattr__(self, name: str) -> object:
            if name not in self.loaded:
                time.sleep(0.3)
                self.loaded.add(name)
            return name

    res = SlowToLoad()
    monkeypatch.setattr(pipeline.Resources, "shared", staticmethod(lambda config: res))

    def extract(articles, cfg):  # uses every model the coder uses, as extract_events does
        for name in pipeline.CODING_RESOURCES:
            getattr(pipeline.Resources.shared(cfg), name)
        return []

    monkeypatch.setattr(pipeline, "extract_events", extract)
    arts = [Article(title="T", body="Police arrested two men in Kirkuk on Monday.")]
    events, probs = pipeline.code_batch(arts, {"code": {"article_timeout_s": 1.0}}, gate=False)
    assert probs == [] and events == []
    assert res.loaded == set(pipeline.CODING_RESOURCES)


def test_an_unexpected_error_names_the_line_of_eventdesk_that_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
):
    from eventdesk.records import printable

    art = Article(title="Broken", body=PARA, sources=[Source("in.jsonl", 7)])

    def extract(batch, config):
        printable(None)  # a real failure inside the package (None has no str methods)
        return []

    monkeypatch.delenv("EVENTDESK_TRACEBACK", raising=False)
    events, probs = extract_guarded([art], {}, extract)
    assert events == [] and [(p.path, p.index) for p in probs] == [("in.jsonl", 7)]
    reason = probs[0].reason
    assert "AttributeError" in reason and "please report this as a bug" in reason
    assert "at eventdesk/records.py:" in reason and "in printable" in reason
    assert "EVENTDESK_TRACEBACK=1 prints the traceback" in reason
    assert "Traceback" not in capsys.readouterr().err
    # on request, the whole traceback goes to stderr
    monkeypatch.setenv("EVENTDESK_TRACEBACK", "1")
    _, probs = extract_guarded([art], {}, extract)
    err = capsys.readouterr().err
    assert "Traceback" in err and "printable" in err and "EVENTDESK_TRACEBACK" not in probs[0].reason
