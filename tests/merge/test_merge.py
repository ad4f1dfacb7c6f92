"""Stage 7: the same event reported by several articles is one event with several sources."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import cli

REPORTS = [
    {
        "title": "Air strikes hit Baalbek",
        "text": "Israeli warplanes struck Hezbollah positions in Baalbek on Tuesday, the Lebanese army said.\n\n"
        "Residents reported heavy damage to several buildings on the edge of the city.",
        "published": "2025-06-04",
        "url": "https://outlet-a.example/2025/06/04/baalbek",
    },
    {
        "title": "Lebanon: strikes on the Bekaa",
        "text": "Israeli warplanes struck Hezbollah positions in Baalbek on Tuesday, according to a statement "
        "from the Lebanese army.\n\nThe strikes came a day after talks in Beirut on the ceasefire, "
        "officials told reporters.",
        "published": "2025-06-04",
        "url": "https://outlet-b.example/news/bekaa-strikes",
    },
]


def test_two_outlets_one_strike(tmp_path: Path):
    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n")
    db = tmp_path / "m.db"
    p = cli("run", str(src), "--db", str(db))
    assert "1 merged into events already reported" in p.stdout
    c = sqlite3.connect(db)
    strikes = c.execute("SELECT id, date, place FROM events WHERE event_type = 'ASSAULT'").fetchall()
    assert [(d, pl) for _, d, pl in strikes] == [("2025-06-03", "Baalbek")]  # "on Tuesday" before June 4
    sources = {
        r[0] for r in c.execute("SELECT article_id FROM event_sources WHERE event_id = ?", (strikes[0][0],))
    }
    assert sources == {r[0] for r in c.execute("SELECT id FROM articles")}  # both reports
    exported = [json.loads(x) for x in cli("export", "events", "--db", str(db)).stdout.splitlines()]
    strike = next(e for e in exported if e["event_type"] == "ASSAULT")
    assert sorted(strike["sources"]) == sorted(sources)


# Three outlets, one shooting, told in different words (texts written for this test).
THREE_OUTLETS = [
    {
        "title": "Man killed in Fresno shooting",
        "text": "A gunman shot and killed Daniel Okafor, 34, outside a grocery store in Fresno on Tuesday "
        "night, police said.\n\nNo arrests have been made.",
        "published": "2025-03-12",
        "url": "https://outlet-a.example/fresno-shooting",
    },
    {
        "title": "Fresno police look for gunman after fatal shooting",
        "text": "Fresno police said Daniel Okafor, a 34-year-old father of two, was shot dead in a grocery "
        "store parking lot on Tuesday.\n\nDetectives asked witnesses to come forward.",
        "published": "2025-03-12",
        "url": "https://outlet-b.example/news/okafor",
    },
    {
        "title": "Victim of Tuesday shooting named",
        "text": "The man fatally shot in Fresno on Tuesday was Daniel Okafor, the county coroner said on "
        "Thursday.\n\nHis family described him as a devoted father.",
        "published": "2025-03-13",
        "url": "https://outlet-c.example/okafor-named",
    },
]
# Two shootings in one city on consecutive days: alike in type, place and time, different events.
TWO_SHOOTINGS = [
    {
        "title": "Man wounded outside bar",
        "text": "A gunman shot and wounded a man outside a bar on Olive Avenue in Fresno on Tuesday night, "
        "police said.\n\nThe victim was taken to hospital.",
        "published": "2025-03-12",
        "url": "https://outlet-a.example/olive",
    },
    {
        "title": "Woman wounded in shooting",
        "text": "A gunman shot and wounded a woman outside a nightclub on Blackstone Avenue in Fresno on "
        "Wednesday night, police said.\n\nShe is expected to survive.",
        "published": "2025-03-13",
        "url": "https://outlet-b.example/blackstone",
    },
]


def _run(tmp_path: Path, name: str, docs: list[dict], *args: str) -> sqlite3.Connection:
    src = tmp_path / f"{name}.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in docs) + "\n")
    db = tmp_path / f"{name}.db"
    cli("run", str(src), "--db", str(db), *args)
    return sqlite3.connect(db)


def _assaults(c: sqlite3.Connection) -> list[dict]:
    return [json.loads(r[0]) for r in c.execute("SELECT data FROM events WHERE event_type = 'ASSAULT'")]


def test_three_outlets_one_event_three_sources_three_mentions(tmp_path: Path):
    c = _run(tmp_path, "three", THREE_OUTLETS)
    articles = {r[0] for r in c.execute("SELECT id FROM articles")}
    assert len(articles) == 3
    killings = [e for e in _assaults(c) if len({m["article_id"] for m in e["mentions"]}) > 1]
    assert len(killings) == 1
    ev = killings[0]
    sources = {
        r[0] for r in c.execute("SELECT article_id FROM event_sources WHERE event_id = ?", (ev["id"],))
    }
    assert sources == articles
    assert {m["article_id"] for m in ev["mentions"]} == articles  # every outlet's sentence, in the data
    assert all("Okafor" in m["sentence"] or "Fresno" in m["sentence"] for m in ev["mentions"])
    # why: the matched fields and the score of each link
    links = ev["merge"]["links"]
    assert len(links) == 2 and all(link["score"] >= 3.0 for link in links)
    assert any(f.startswith("words:") and "okafor" in f for link in links for f in link["matched"])
    # one story: articles that report the same main event
    assert len({r[0] for r in c.execute("SELECT story_id FROM articles")}) == 1


def test_similar_shootings_on_consecutive_days_stay_two(tmp_path: Path):
    c = _run(tmp_path, "two", TWO_SHOOTINGS)
    assaults = _assaults(c)
    assert len(assaults) >= 2
    assert all(len(e["sources"]) == 1 for e in assaults)
    assert len({r[0] for r in c.execute("SELECT story_id FROM articles")}) == 2


def _snapshot(c: sqlite3.Connection) -> list:
    """Events as a user sees them (merge explanations aside: which pairs were compared depends on order)."""
    out = []
    for (data,) in c.execute("SELECT data FROM events ORDER BY id"):
        d = json.loads(data)
        reports = sorted(r["id"] for r in d.pop("merge")["reports"])
        out.append((d, reports))
    sources = sorted(c.execute("SELECT event_id, article_id FROM event_sources"))
    stories = sorted(c.execute("SELECT id, story_id FROM articles"))
    return [out, sources, stories]


@pytest.mark.slow  # three runs
def test_same_events_whatever_the_order_or_worker_count(tmp_path: Path):
    docs = THREE_OUTLETS + TWO_SHOOTINGS + REPORTS
    one = _snapshot(_run(tmp_path, "w1", docs, "--workers", "1"))
    assert _snapshot(_run(tmp_path, "w2", docs, "--workers", "2")) == one
    assert _snapshot(_run(tmp_path, "rev", docs[::-1])) == one
    assert any(len(d["sources"]) == 3 for d, _ in one[0])


@pytest.mark.slow  # two runs
def test_rerun_adds_nothing(tmp_path: Path):
    src = tmp_path / "three.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in THREE_OUTLETS) + "\n")
    db = tmp_path / "r.db"
    cli("run", str(src), "--db", str(db))
    before = _snapshot(sqlite3.connect(db))
    src2 = tmp_path / "again.jsonl"  # the same articles under another file name: exact duplicates
    src2.write_text(src.read_text())
    cli("run", str(src2), "--db", str(db))
    assert _snapshot(sqlite3.connect(db)) == before


def _reports_of_one_shooting() -> tuple[list, dict]:
    """Hand-built events (no coder): three outlets' reports of one shooting, and a shooting in the
    same town the next day that shares no name with it."""
    from eventdesk.records import Article, Event, Evidence, Place

    fresno = Place("Fresno", "Fresno", 36.7477, -119.7724, "USA", admin1="CA", precision=1)
    texts = [
        ("Man killed in Fresno", "A gunman shot and killed Daniel Okafor, 34, outside a store in Fresno."),
        ("Fresno police seek gunman", "Police said Daniel Okafor was shot dead in a parking lot."),
        ("Victim named", "The man fatally shot in Fresno was Daniel Okafor, the coroner said."),
        ("Woman wounded in Fresno", "A gunman shot and wounded a woman outside a nightclub in Fresno."),
    ]
    events, articles = [], {}
    for i, (title, sentence) in enumerate(texts):
        art = Article(title=title, body=sentence, published="2025-03-12")
        articles[art.id] = art
        events.append(
            Event(
                article_id=art.id,
                event_type="ASSAULT",
                mode="firearms",
                evidence=Evidence(sentence, 0, len(sentence)),
                location=fresno,
                date="2025-03-11" if i < 3 else "2025-03-12",
                date_precision="day",
            )
        )
    return events, articles


def test_merge_in_the_store_on_both_backends(any_store):
    from eventdesk.merge import merge

    events, articles = _reports_of_one_shooting()
    with any_store.transaction():
        for a in articles.values():
            any_store.add_article(a)
        new, merged = merge(events, any_store, articles)
    assert (new, merged) == (2, 2)
    stored = sorted(any_store.iter_events(), key=lambda e: -len(e.sources))
    killing, other = stored
    three = {e.article_id for e in events[:3]}
    assert set(killing.sources) == three and {m.article_id for m in killing.mentions} == three
    assert killing.id == min(e.id for e in events[:3])  # the smallest report id, whatever the order
    assert other.sources == [events[3].article_id]
    links = killing.extra["merge"]["links"]
    assert len(links) == 2 and all("place" in x["matched"] and x["score"] >= 3.5 for x in links)
    stories = {any_store.article_cluster(a)[1] for a in three}
    assert stories == {min(three)}
    assert any_store.article_cluster(events[3].article_id)[1] == events[3].article_id
    # the merge index finds the stored event again; a re-run adds nothing
    assert any_store.merge_candidates([f"r:{events[1].id}"], [], 5) == [killing.id]
    with any_store.transaction():
        assert merge(events, any_store, articles) == (0, 0)
    assert any_store.count_events() == 2


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_merge_order_does_not_matter(tmp_path: Path, backend: str, request):
    from eventdesk.merge import merge
    from eventdesk.store import open_store

    def stored(order: list[int]) -> list:
        events, articles = _reports_of_one_shooting()
        if backend == "sqlite":
            store = open_store(str(tmp_path / f"o{''.join(map(str, order))}.db"))
        else:
            store = open_store(request.getfixturevalue("pg_server").fresh_url())
        with store.transaction():
            for a in articles.values():
                store.add_article(a)
            merge([events[i] for i in order], store, articles)
        out = []
        for e in sorted(store.iter_events(), key=lambda e: e.id):
            d = e.to_dict()
            d["merge"] = sorted(r["id"] for r in d["merge"]["reports"])
            out.append(d)
        return out

    first = stored([0, 1, 2, 3])
    assert stored([3, 2, 1, 0]) == first
    assert stored([1, 3, 0, 2]) == first


def test_near_duplicate_adds_its_mentions_to_the_canonical_events(tmp_path: Path):
    """A second copy of an article (duplicate_of set by dedup) codes no events of its own: its event
    from the same sentence joins the canonical article's event (one more source and mention, even
    undated), one from a sentence the canonical coded nothing from is dropped, and one from a
    paragraph only the copy has is merged as any other report. Texts written for this test."""
    from eventdesk.merge import merge
    from eventdesk.records import Article, Event, Evidence
    from eventdesk.store import open_store

    s1 = "Soldiers shelled the village of Tal Rifaat on Monday, killing four people."
    s2 = "Security forces detained a local councillor in the town the same night."
    s3 = "On Wednesday, gunmen ambushed a patrol on the road to Azaz."
    canonical = Article(title="Shelling kills four", body=f"{s1}\n\n{s2}", published="2025-02-11")
    copy = Article(title="Shelling kills four (updated)", body=f"{s1}\n\n{s2}\n\n{s3}")
    copy.duplicate_of = canonical.id

    def event(art: Article, etype: str, sentence: str, date: str | None) -> Event:
        start = art.body.index(sentence)
        return Event(
            article_id=art.id,
            event_type=etype,
            evidence=Evidence(sentence, start, start + len(sentence)),
            date=date,
            date_precision="day" if date else None,
        )

    first = event(canonical, "ASSAULT", s1, "2025-02-10")
    again = event(copy, "ASSAULT", s1, None)
    other_view = event(copy, "COERCE", s2, None)  # the canonical coded nothing from s2
    new_paragraph = event(copy, "ASSAULT", s3, None)
    store = open_store(str(tmp_path / "n.db"))
    with store.transaction():
        store.add_article(canonical)
        store.add_article(copy)
        merge([first], store, {canonical.id: canonical})
        new, merged = merge([again, other_view, new_paragraph], store, {copy.id: copy})
    assert (new, merged) == (1, 1)
    by_sentence = {e.evidence.sentence: e for e in store.iter_events()}
    assert set(by_sentence) == {s1, s3}
    shelling = by_sentence[s1]
    assert set(shelling.sources) == {canonical.id, copy.id}
    assert {m.article_id for m in shelling.mentions} == {canonical.id, copy.id}
    assert shelling.date == "2025-02-10"  # the dated report's fields
    assert shelling.extra["merge"]["links"][0]["matched"][0] == "near-duplicate"
    assert by_sentence[s3].sources == [copy.id]
    store.close()


def _report(title: str, body: str, sentence: str, place, date: str | None, published: str | None) -> dict:
    from eventdesk.merge import report
    from eventdesk.records import Article, Event, Evidence

    art = Article(title=title, body=body, published=published)
    start = body.index(sentence)
    ev = Event(
        article_id=art.id,
        event_type="ASSAULT",
        mode="firearms",
        evidence=Evidence(sentence, start, start + len(sentence)),
        location=place,
        date=date,
        date_precision="day" if date else None,
    )
    return report(ev, art)


def test_the_place_name_is_place_evidence_not_a_shared_name():
    """Two shootings in one city nine days apart, each report naming the city: the city's name is
    the place (compared through the coordinates), not a participant both reports share. Texts
    written for this test."""
    from eventdesk.config import section
    from eventdesk.merge import compare
    from eventdesk.records import Place

    cfg = section(None, "merge")
    town = Place("Baton Rouge", "Baton Rouge", 30.4507, -91.1546, "USA", admin1="Louisiana")
    s1 = "A man was shot and killed on Plank Road in Baton Rouge on Saturday night, police said."
    s2 = "A teenager was shot in the leg outside a gas station in Baton Rouge on Monday, police said."
    a = _report("Man killed in Baton Rouge", s1, s1, town, "2025-05-03", "2025-05-04")
    b = _report("Teen wounded in Baton Rouge shooting", s2, s2, town, "2025-05-12", "2025-05-12")
    score, why = compare(a, b, cfg)
    assert score < float(cfg["threshold"])
    assert not any(w.startswith("words:") for w in why)  # "baton rouge" is not a shared name
    assert "place" in why  # ... it is the same place
    # the same shooting retold, naming the victim in the opening: one event
    s3 = "Police said Marcus Delaney, 27, died at the scene on Plank Road on Saturday night."
    lead3 = "Marcus Delaney was shot dead in Baton Rouge.\n\n" + s3
    c = _report("Family mourns Marcus Delaney", lead3, s3, town, "2025-05-03", "2025-05-05")
    s4 = "The shooting happened late on Saturday in Baton Rouge, police said."
    lead4 = "Marcus Delaney, a father of three, was killed.\n\n" + s4
    d = _report("Baton Rouge man killed", lead4, s4, town, "2025-05-03", "2025-05-04")
    score, why = compare(c, d, cfg)
    assert score >= float(cfg["threshold"]), why
    assert any("marcus delaney" in w for w in why)


def test_undated_reports_merge_on_the_same_people_not_on_the_same_institution():
    """With no date (a text without publication date or dateline), two reports are compared by
    content alone: openings naming the same people in the same town are one event; openings
    sharing only an institution's name ("Wildlife Service") are not. Texts written for this test."""
    from eventdesk.config import section
    from eventdesk.merge import compare
    from eventdesk.records import Place

    cfg = section(None, "merge")
    town = Place("Creston", "Creston", 49.0996, -116.5135, "CAN", admin1="British Columbia")
    s1 = "Officers arrested them at their homes after a long investigation."
    lead1 = "Harlan Whitcombe and Royce Whitcombe were arrested.\n\n"
    a = _report("Two leaders arrested", lead1 + s1, s1, town, None, None)
    s2 = "Both were taken into custody without incident, a spokesman said."
    lead2 = "Detectives detained Royce Whitcombe and his brother Harlan Whitcombe.\n\n"
    b = _report("Brothers held", lead2 + s2, s2, town, None, None)
    score, why = compare(a, b, cfg)
    assert score >= float(cfg["threshold"]), why
    assert "undated" in why
    s3 = "Agents detained two men at the reserve after a tip, the agency said."
    lead3 = "The Fish and Wildlife Service acted on a tip.\n\n"
    c = _report("Fish and Wildlife Service arrests", lead3 + s3, s3, town, None, None)
    s4 = "A ranger was held by protesters at a refuge, officials said."
    lead4 = "The Fish and Wildlife Service said a ranger was held.\n\n"
    d = _report("Wildlife Service ranger held", lead4 + s4, s4, town, None, None)
    score, why = compare(c, d, cfg)
    assert score < float(cfg["threshold"]), why


def test_a_state_or_a_known_group_is_weak_evidence_a_private_person_strong():
    """Participants both reports share count by how many events they take part in: a state or an
    organisation of the actor dictionary little, a private person's full name much, a named
    office-holder (a spokesman, a minister) little."""
    from eventdesk.merge.evidence import participant_weight

    assert participant_weight("russia") < 0.5
    assert participant_weight("islamic state") < 0.5
    assert participant_weight("united nations") < 0.5
    assert participant_weight("marcus delaney") > 1.0
    assert participant_weight("baton rouge police") <= 1.0  # an institution's name
    from eventdesk.config import section
    from eventdesk.merge import compare
    from eventdesk.records import Actor

    cfg = section(None, "merge")

    def rep(who: Actor, outlet: str) -> dict:
        from eventdesk.merge import report
        from eventdesk.records import Article, Event, Evidence

        body = f"Dale Harmon said the inquiry goes on, {outlet} reported."
        art = Article(title=outlet, body=body, published="2025-05-04")
        ev = Event(
            article_id=art.id, event_type="ACCUSE", evidence=Evidence(body, 0, len(body)), actors=[who]
        )
        return report(ev, art)

    spokesman = Actor(text="Dale Harmon", name="Dale Harmon", country="USA", sector="COP")
    private = Actor(text="Dale Harmon", name="Dale Harmon", country="USA")
    s_public, why_public = compare(rep(spokesman, "Outlet A"), rep(spokesman, "Outlet B"), cfg)
    s_private, _ = compare(rep(private, "Outlet A"), rep(private, "Outlet B"), cfg)
    assert s_private - s_public == pytest.approx(1.0), why_public  # 1.5 against 0.5


def test_one_town_name_read_as_two_places_is_no_evidence_against():
    """'Madison' geocoded to Wisconsin in one report and to Alabama in the other: the gazetteer's
    choice differs, not the reports; two different towns far apart still count against."""
    from eventdesk.config import section
    from eventdesk.merge import compare
    from eventdesk.records import Place

    cfg = section(None, "merge")
    wi = Place("Madison", "Madison", 43.0731, -89.4012, "USA", admin1="Wisconsin")
    al = Place("Madison", "Madison", 34.6993, -86.7483, "USA", admin1="Alabama")
    other = Place("Huntsville", "Huntsville", 34.7304, -86.5861, "USA", admin1="Alabama")
    s1 = "A 2-year-old boy was shot inside an apartment on Rio Vista Drive in Madison on Tuesday."
    s2 = "The 2-year-old who was shot at the Rio Vista apartments in Madison on Tuesday has died."
    a = _report("Toddler shot", s1, s1, wi, "2025-03-31", "2025-03-31")
    b = _report("Toddler dies", s2, s2, al, "2025-03-31", "2025-04-01")
    c = _report("Toddler dies", s2, s2, other, "2025-03-31", "2025-04-01")
    sab, why_ab = compare(a, b, cfg)
    sac, why_ac = compare(a, c, cfg)
    assert "-place" not in why_ab and "-place" in why_ac
    assert sab == pytest.approx(sac + 1.0)


def test_undated_reports_naming_the_same_year_count_more_than_other_years():
    """Texts without publication dates: openings that name the same year ("in March 2011") make
    one event likelier than openings silent on the year, and different years count against (two
    similar trials years apart). Texts written for this test."""
    from eventdesk.config import section
    from eventdesk.merge import compare
    from eventdesk.records import Place

    cfg = section(None, "merge")
    town = Place("Creston", "Creston", 49.0996, -116.5135, "CAN", admin1="British Columbia")
    s = "Officers arrested them at their homes after a long investigation."

    def rep(lead: str, outlet: str) -> dict:
        return _report(f"Two leaders arrested, {outlet} reports", lead + "\n\n" + s, s, town, None, None)

    plain = "Harlan Whitcombe and Royce Whitcombe were arrested."
    y2011 = "Harlan Whitcombe and Royce Whitcombe were arrested in March 2011."
    y2011b = "In 2011 police detained Harlan Whitcombe and Royce Whitcombe."
    y2014 = "Harlan Whitcombe and Royce Whitcombe were arrested in June 2014."
    silent, _ = compare(rep(plain, "one"), rep(plain, "two"), cfg)
    same, why = compare(rep(y2011, "one"), rep(y2011b, "two"), cfg)
    other, why_other = compare(rep(y2011, "one"), rep(y2014, "two"), cfg)
    assert "year" in why and same == pytest.approx(silent + float(cfg["undated_margin"]))
    assert "-year" in why_other and other < silent


# One case, three outlets, no publication dates (texts written for this test): two report the
# sentencing, one recalls the charge five years before.
ONE_CASE = [
    {
        "title": "Sect leader Harlan Voss sentenced to life in prison",
        "text": "Wednesday, March 11, 2026\n\nSect leader Harlan Voss of the Zion Ridge Fellowship was "
        "sentenced on Tuesday to life in prison in Tyler, Texas, for the sexual assault of two girls.\n\n"
        "Voss, 55, listened without expression as the sentence was read.",
        "url": "https://outlet-a.example/voss-sentenced",
    },
    {
        "title": "The long legal road of Harlan Voss",
        "text": "Thursday, March 12, 2026\n\nFive years ago, Harlan Voss of the Zion Ridge Fellowship was "
        "charged with sex crimes in Tyler, Texas, over marriages he arranged for his followers.\n\n"
        "Voss, 55, spent months as a fugitive before his capture.",
        "url": "https://outlet-b.example/voss-road",
    },
    {
        "title": "Harlan Voss gets life sentence in Texas",
        "text": "Wednesday, March 11, 2026\n\nA judge in Tyler, Texas, sentenced Zion Ridge Fellowship "
        "leader Harlan Voss to life in prison on Tuesday for sexually assaulting two girls.\n\n"
        "Prosecutors had asked for the maximum.",
        "url": "https://outlet-c.example/voss-life",
    },
]


def test_a_charge_years_ago_is_not_the_sentencing_reported_today(tmp_path: Path):
    """The charge and the sentence of one man are two acts of his case (legal stages): the
    background article's charge stays apart, the two reports of the sentencing are one event."""
    src = tmp_path / "case.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ONE_CASE) + "\n")
    db = tmp_path / "c.db"
    cli("run", str(src), "--db", str(db))
    c = sqlite3.connect(db)
    ids = {url: aid for aid, url in c.execute("SELECT id, url FROM articles")}
    background = ids["https://outlet-b.example/voss-road"]
    today = {ids["https://outlet-a.example/voss-sentenced"], ids["https://outlet-c.example/voss-life"]}
    exported = [json.loads(x) for x in cli("export", "events", "--db", str(db)).stdout.splitlines()]
    shared = [set(e["sources"]) for e in exported if len(e["sources"]) > 1]
    assert shared and all(s == today for s in shared)  # the sentencing, reported twice
    assert not any(background in s for s in shared)
    stages = {r["stage"] for e in exported for r in e["merge"]["reports"] if r["article_id"] == background}
    assert "arrest" in stages  # "charged" (the police stage: arrested and charged)


def _dated(sentence: str, trigger: str, date: str | None, date_text: str | None, outlet: str) -> dict:
    from eventdesk.merge import report
    from eventdesk.records import Actor, Article, Event, Evidence, Place

    town = Place("Tyler", "Tyler", 32.3513, -95.3011, "USA", admin1="Texas", precision=1)
    body = f"Harlan Voss of the Zion Ridge Fellowship, {outlet} reported.\n\n{sentence}"
    art = Article(title=f"Harlan Voss ({outlet})", body=body, published=None)
    start = body.index(sentence)
    t = body.index(trigger, start)
    ev = Event(
        article_id=art.id,
        event_type="COERCE",
        evidence=Evidence(sentence, start, start + len(sentence)),
        recipients=[Actor(text="Harlan Voss", name="Harlan Voss", country="USA")],
        location=town,
        date=date,
        date_precision=("year" if date and len(date) == 4 else "day") if date else None,
        date_text=date_text,
        extra={"trigger": [t, t + len(trigger)]},
    )
    return report(ev, art)


def test_stages_of_one_case_and_dates_far_apart_are_different_events():
    """Stages of the justice process (data/merge/legal_stages.tsv): a charge and a sentence are two
    events, an arrest and the charge filed with it one; two acts the texts date over a month apart
    are two events whatever else they share."""
    from eventdesk.config import section
    from eventdesk.merge import compare

    cfg = section(None, "merge")
    thr = float(cfg["threshold"])
    arrested = _dated("Police arrested Harlan Voss in Tyler.", "arrested", None, None, "Outlet A")
    charged = _dated("Harlan Voss was charged in Tyler.", "charged", None, None, "Outlet B")
    sentenced = _dated("Harlan Voss was sentenced in Tyler.", "sentenced", None, None, "Outlet C")
    assert (arrested["stage"], charged["stage"], sentenced["stage"]) == ("arrest", "arrest", "sentence")
    assert compare(arrested, charged, cfg)[0] >= thr
    assert compare(charged, sentenced, cfg)[0] == -math.inf
    assert compare(sentenced, charged, cfg)[0] == -math.inf  # symmetric
    # no stage word, dates the texts give: five years apart vs the same day
    old = _dated("Police seized Harlan Voss in Tyler in 2021.", "seized", "2021", "in 2021", "Outlet D")
    new = _dated("Police seized Harlan Voss in Tyler on Tuesday.", "seized", "2026-03-10", "on Tuesday", "E")
    same = _dated("Harlan Voss was seized in Tyler on March 10.", "seized", "2026-03-10", "on March 10", "F")
    assert compare(old, new, cfg)[0] == -math.inf
    assert compare(new, same, cfg)[0] >= thr
    # a date that is only the publication date (no words of the text) keeps the softer penalty
    published = _dated("Police seized Harlan Voss in Tyler.", "seized", "2026-03-10", None, "Outlet G")
    assert compare(old, published, cfg)[0] > -math.inf


def test_a_numeral_or_a_count_is_no_participant_key():
    """'one', '170,000 people', '12 magazines' name nobody: two reports sharing them share no
    participant; a person's name, or a description with an age (one person), is one."""
    from eventdesk.merge.evidence import _identifies

    assert not _identifies("one")
    assert not _identifies("170,000 people")
    assert not _identifies("12 magazines")
    assert _identifies("a 14-year-old girl")
    assert _identifies("Harlan Voss")


def test_a_street_suffix_alone_names_no_street():
    """'St.' and 'Ave.' of two different addresses are no shared name; the street's whole name is."""
    from eventdesk.merge.evidence import names

    assert names("A car heading north on 117th St. near 97th Ave. struck her.") == set()
    assert {"church", "church ave"} <= names("They marched west on Church Ave. past the shops.")
    assert "st" not in names("Mourners met near E. 31st St. and Church Ave. on Monday.")
