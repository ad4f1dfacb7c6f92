"""One Runner drives every source: files on disk and documents in memory (a feed's items), and the
executor behind it (one process or a pool) does not change what is stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventdesk.config import load_config
from eventdesk.pipeline import Documents, Executor, Files, Runner, Task
from eventdesk.records import Document
from eventdesk.store import FileState, open_store

FEED = "https://news.example/world/feed.xml"

# Short reports written for this test, one event each.
FILE_ARTICLES = {
    "nairobi.txt": (
        "Teachers march in Nairobi over unpaid wages",
        "NAIROBI, March 3 (Staff) - Thousands of teachers marched through central Nairobi on Tuesday "
        "to demand wages they say have been unpaid for four months, union officials said.\n\n"
        "The marchers carried placards and sang as they walked to the education ministry.",
    ),
    "mosul.txt": (
        "Police arrest twelve smugglers near Mosul",
        "MOSUL, March 4 (Staff) - Iraqi police arrested twelve suspected fuel smugglers at a checkpoint "
        "south of Mosul on Wednesday, a police spokesman said.\n\n"
        "The men were taken to a station in the city for questioning, he added.",
    ),
}
FEED_ITEMS = [
    (
        "Farmers block highway outside Lyon",
        "Hundreds of farmers blocked a highway outside Lyon with tractors on Thursday in protest "
        "against falling milk prices, local police said.",
    ),
    # the Nairobi report again, as the feed carries it: an exact duplicate, one more source
    FILE_ARTICLES["nairobi.txt"],
]


def write_files(folder: Path) -> Path:
    folder.mkdir()
    for name, (title, body) in FILE_ARTICLES.items():
        (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


def feed_documents() -> list[Document]:
    return [
        Document(
            path=FEED,
            kind="record",
            title=title,
            text=body,
            index=1000 + i,
            url=f"https://news.example/world/{i}",
            published="2025-03-06T09:00:00+00:00",
        )
        for i, (title, body) in enumerate(FEED_ITEMS)
    ]


def content(db: Path) -> dict:
    c = sqlite3.connect(db)
    out = {
        "articles": sorted(c.execute("SELECT id, title, body, duplicate_of, story_id, coded FROM articles")),
        "sources": sorted(c.execute("SELECT path, idx, article_id FROM sources")),
        "files": sorted(c.execute("SELECT path, digest, n_articles, n_problems FROM files")),
        "events": sorted(c.execute("SELECT id, article_id, merge_key, data FROM events")),
        "event_sources": sorted(c.execute("SELECT event_id, article_id FROM event_sources")),
    }
    c.close()
    return out


def test_one_runner_drives_files_and_feed_items_and_workers_do_not_change_the_store(tmp_path: Path):
    folder = write_files(tmp_path / "in")
    config = load_config(None)
    stores = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_store(str(db)) as store:
            runner = Runner(store, config, workers=workers, progress=False)
            files = runner.run(Files([str(folder)]))
            assert (files.files_seen, files.files_read, files.new_articles) == (2, 2, 2)
            assert files.articles_coded == 2 and files.events_new >= 2
            record = FileState(FEED, 2048, 1_700_000_000.0, "feed-digest")
            feed = runner.run(Documents(feed_documents(), name=FEED, record=record))
            # the same runner, a new report: one new article, the Nairobi one is known (one more source)
            assert (feed.new_articles, feed.exact_duplicates, feed.articles_coded) == (1, 1, 1)
            assert feed.events_new >= 1 and not feed.problems
            # the feed sits in the files table like a file, its articles counted (the store check holds)
            assert store.file_state(FEED).n_articles == 2
            assert [c.name for c in store.check() if not c.ok] == []
            # PLOVER: a march is PROTEST; an arrest is COERCE (mode arrest)
            kinds = {(e.event_type, e.mode) for e in store.iter_events()}
            assert {"PROTEST"} <= {t for t, _ in kinds} and ("COERCE", "arrest") in kinds, kinds
            nairobi = next(a for a in store.iter_articles() if a.title.startswith("Teachers march"))
            assert {s.path for s in nairobi.sources} == {str(folder / "nairobi.txt"), FEED}
            # a second run of the files: nothing read, nothing added
            again = runner.run(Files([str(folder)]))
            assert (again.files_unchanged, again.new_articles, again.events_new) == (2, 0, 0)
        stores[workers] = content(db)
    assert stores[1]["events"] and stores[1] == stores[2]


class CountingExecutor(Executor):
    """This process, but lazily: counts the tasks submitted and not yet taken."""

    window = 3

    def __init__(self) -> None:
        self.in_flight = self.most = self.submitted = 0

    def submit(self, fn, *args):
        self.in_flight += 1
        self.submitted += 1
        self.most = max(self.most, self.in_flight)
        outer = self

        class Counted(Task):
            def get(self):
                outer.in_flight -= 1
                return fn(*args)

        return Counted()


def test_runner_keeps_at_most_the_executors_window_in_flight(tmp_path: Path):
    """What keeps memory flat for every executor (pool, Ray): the Runner takes a result before it
    submits past the executor's window, however many batches the input makes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"report{i:02d}.txt").write_text(
            f"Report {i} from the river port\n\nDock workers in the river port stopped work on day {i} "
            f"of the dispute over shift {i * 7} pay, their union said in a statement.\n",
            encoding="utf-8",
        )
    config = load_config(None, {"run": {"batch_files": 1}})  # one batch per file: 12 batches
    ex = CountingExecutor()
    with open_store(str(tmp_path / "w.db")) as store:
        report = Runner(store, config, events=False, progress=False, executor=ex).run(Files([str(folder)]))
        assert report.files_read == 12 and report.new_articles == 12
    assert ex.submitted == 12 and ex.most == ex.window
