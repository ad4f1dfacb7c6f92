"""Relevance (issue 11): language, topic, genre and the gate before coding, on texts written for
these tests (none copied from a corpus)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eventdesk.records import Article, Source
from eventdesk.relevance import in_scope, judge, relevance_of
from eventdesk.relevance.genre import genre, unquoted
from eventdesk.resources import Resources
from tests.conftest import cli

RES = Resources.from_config({})  # the language and topic models, loaded on first use

SPORT = """Rovers come from behind to beat City

Rovers came from behind to beat City 3-1 at the weekend and climb to second in the league table.
The striker scored twice in the second half after the goalkeeper had kept his side in the match
with a string of saves. The manager praised his players and said the win would give the squad
confidence before the cup quarter-final on Wednesday. City's coach said his team had defended
poorly from set pieces and that the defeat was a setback in their bid to avoid relegation. The
midfielder, who returned from an ankle injury, was substituted with ten minutes left. Rovers have
now won five of their last six games and face the champions away from home next month."""

BUSINESS = """Carmaker profits jump on electric sales

Shares in the carmaker rose 4% after it reported a 12% jump in quarterly profits, helped by strong
sales of its new electric models in Europe and China. Revenue climbed to $14.2bn in the three months
to September, ahead of analysts' forecasts. The firm said it expected full-year earnings to beat its
earlier guidance and would raise its dividend. Its chief executive said demand remained robust
despite higher interest rates, although rising costs for batteries and steel had squeezed margins.
Investors also welcomed plans to buy back up to $2bn of shares over the next year. Rival
manufacturers have cut prices to defend their market share, and the company warned that
competition would intensify next year."""

GERMAN = """Polizei nimmt Demonstranten in der Hauptstadt fest

Die Polizei hat am Samstag in der Hauptstadt mehrere Demonstranten festgenommen, nachdem es bei
einer Kundgebung gegen die Regierung zu Zusammenstößen gekommen war. Nach Angaben der Behörden
wurden zwölf Beamte verletzt. Die Opposition warf der Regierung vor, friedliche Proteste gewaltsam
zu unterdrücken, und kündigte weitere Demonstrationen für die kommende Woche an."""

OPINION = """The cabinet has forgotten how to listen

I have covered this parliament for twenty years, and I have never seen a government so unwilling
to listen. You might think that a prime minister with a majority this large would feel secure
enough to compromise with the opposition. I believe the opposite is true: the bigger the majority,
the more brittle the leadership becomes. Ministers should stop pretending that the budget crisis is
someone else's fault. Perhaps they fear their own backbenchers more than the voters. My view is
simple. If the cabinet cannot agree on a plan, it must say so honestly, and let the country decide
at an election. We deserve better than slogans from the party in power, and frankly I doubt we
will get them before the next general election."""

POLITICAL = """Army shells rebel positions near Kassala

Government forces shelled rebel positions outside the northern city of Kassala on Tuesday, killing
at least 14 fighters, a military spokesman said. The rebels said the army had also struck a market,
wounding dozens of civilians, and accused the government of violating a ceasefire agreed last
month. The United Nations called on both sides to halt the fighting and allow aid convoys into the
area. The country's president met the defence minister and ordered reinforcements to the region,
state television reported. Opposition leaders condemned the attacks and demanded an independent
investigation."""

SANCTIONS = """Energy shares fall as EU sanctions state oil firms

The European Union imposed sanctions on three state-owned oil companies on Monday, freezing their
assets and banning exports of drilling equipment, after the government sent troops across the
border into the disputed region. Foreign ministers meeting in Brussels said the measures would stay
in place until the troops withdrew. Shares in European energy companies fell sharply on the news,
and the price of crude oil rose 3% to its highest level in six months. Traders said markets feared
that the government would retaliate by cutting gas supplies. The ministry of foreign affairs in the
capital condemned the sanctions as illegal and summoned the EU ambassador."""


def _article(text: str, url: str | None = None) -> Article:
    title, _, body = text.partition("\n\n")
    return Article(title=title, body=body.replace("\n", " "), url=url)


@pytest.mark.parametrize(
    "text, topic, genre_, coded",
    [
        (SPORT, "sport", "news", False),
        (BUSINESS, "business", "news", False),
        (OPINION, "politics", "opinion", True),
        (POLITICAL, "conflict", "news", True),
    ],
    ids=["sport", "business", "opinion", "political"],
)
def test_topic_genre_and_gate(text, topic, genre_, coded):
    a = judge([_article(text)], res=RES)[0]
    assert a.language == "en"
    assert a.relevance["topic"] == topic
    assert a.relevance["genre"] == genre_
    assert 0.0 <= a.relevance["score"] <= 1.0
    assert in_scope(a, {}) is coded
    # the score is the probability of political/conflict news: high for those, low for the others
    assert (a.relevance["score"] >= 0.5) is coded


def test_business_report_of_a_political_event_can_pass_the_gate():
    """The gate reads the score, not only the top topic: a market report of sanctions and troop
    movements is business by its top topic, yet scores far above a plain business report, and a
    lower `min_score` codes it (the default bar keeps sport and entertainment out)."""
    sanctions = judge([_article(SANCTIONS)], res=RES)[0]
    business = judge([_article(BUSINESS)], res=RES)[0]
    assert sanctions.relevance["topic"] == "business"
    assert sanctions.relevance["score"] >= 0.1 > business.relevance["score"]
    bar = {"relevance": {"min_score": 0.1}}
    assert in_scope(sanctions, bar) and not in_scope(business, bar)


def test_non_english_text_is_marked_and_never_coded():
    lang, rel = relevance_of(*GERMAN.split("\n\n", 1), res=RES)
    assert lang == "de" and rel is None
    a = judge([_article(GERMAN)], res=RES)[0]
    assert not in_scope(a, {})
    assert in_scope(a, {"relevance": {"code_languages": ["en", "de"]}})  # a coder for German, if any


def test_settings_lower_the_bar():
    sport = judge([_article(SPORT)], res=RES)[0]
    assert not in_scope(sport, {"relevance": {"min_score": 0.2}})
    assert in_scope(sport, {"relevance": {"min_score": 0.0}})
    assert in_scope(sport, {"relevance": {"code_topics": ["sport"]}})
    assert in_scope(sport, {"relevance": {"gate": False}})


def test_genre_from_a_publisher_label_and_quotes():
    assert (
        genre("Why the ceasefire failed", POLITICAL, "https://news.example/commentisfree/2024/x") == "opinion"
    )
    assert genre("Analysis: why the ceasefire failed", POLITICAL) == "analysis"
    # first person inside quotation marks is a source speaking, not the author
    quoted = (
        'The minister said: "I will not resign. I have done nothing wrong and my record speaks for itself." '
        * 3
        + POLITICAL.split("\n\n", 1)[1]
    )
    assert "I will not" not in unquoted(quoted)
    assert genre("Minister refuses to resign", quoted) == "news"


def test_pipeline_stores_everything_codes_only_in_scope(tmp_path: Path):
    """Sport, business and German articles are stored, exported with language and relevance and
    searchable, but only the political report yields events."""
    src = tmp_path / "in"
    src.mkdir()
    texts = {"sport": SPORT, "business": BUSINESS, "german": GERMAN, "political": POLITICAL}
    for name, text in texts.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "r.db")
    cli("run", str(src), "--db", db)
    arts = [
        json.loads(x) for x in cli("export", "articles", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    by_name = {Path(a["sources"][0]["path"]).stem: a for a in arts}
    assert set(by_name) == set(texts)
    assert by_name["german"]["language"] == "de" and by_name["german"]["relevance"] is None
    assert by_name["sport"]["relevance"]["topic"] == "sport"
    assert by_name["political"]["relevance"]["topic"] == "conflict"
    events = [
        json.loads(x) for x in cli("export", "events", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    coded_from = {e["article_id"] for e in events}
    assert coded_from == {by_name["political"]["id"]}
    assert "Demonstranten" in cli("search", "Demonstranten", "--db", db).stdout
    csv_out = cli("export", "articles", "--db", db, "--format", "csv").stdout
    assert csv_out.splitlines()[0].count("language") == 1 and "relevance_score" in csv_out


def test_older_store_is_upgraded_without_losing_articles(tmp_path: Path):
    """A store written before relevance existed: opening it adds the columns, keeps every row, and
    the next run fills language and relevance of the stored articles."""
    from eventdesk.store import open_store

    db = str(tmp_path / "old.db")
    s = open_store(db)
    with s.transaction():
        s.add_article(
            Article(title="Army shells rebel positions", body=POLITICAL, sources=[Source("x.txt", 0)])
        )
    s.close()
    con = sqlite3.connect(db)  # make it look like the first version: no relevance columns
    con.execute("DROP INDEX articles_unjudged")
    con.execute("ALTER TABLE articles DROP COLUMN relevance")
    con.execute("ALTER TABLE articles DROP COLUMN language")
    con.commit()
    con.close()
    s = open_store(db)
    assert s.stats()["articles"] == 1
    a = next(s.iter_articles())
    assert a.language is None and a.relevance is None
    s.close()
    cli("run", "--db", db)
    s = open_store(db)
    a = next(s.iter_articles())
    assert a.language == "en" and a.relevance["topic"] == "conflict"
    s.close()


def test_english_prose_needs_no_language_model():
    """The short-word test settles English prose; the statistical model loads only for other text."""
    from eventdesk.relevance import language

    res = Resources.from_config({})
    assert language.detect(POLITICAL, res) == ("en", pytest.approx(language.english_share(POLITICAL)[0]))
    assert "language_identifier" not in res.loaded()
    assert language.detect(GERMAN, res)[0] == "de"
    assert "language_identifier" in res.loaded()


def test_bad_relevance_settings_are_named():
    from eventdesk.config import check_config, load_config

    assert check_config(load_config()) == []
    errors = check_config(load_config(overrides={"relevance": {"min_score": "high", "code_topics": "sport"}}))
    assert any("relevance.min_score" in e for e in errors)
    assert any("relevance.code_topics" in e for e in errors)


@pytest.mark.postgres
def test_postgres_store_keeps_language_and_relevance(pg_url):
    """The PostgreSQL store: relevance round-trips, and an article stored without a judgement is
    listed for the next run to judge (the same upgrade path as SQLite)."""
    from eventdesk.store import open_store

    s = open_store(pg_url)
    judged = judge([_article(POLITICAL)], res=RES)[0]
    judged.sources = [Source("p.txt", 0)]
    unjudged = Article(title="Rovers beat City", body=SPORT, sources=[Source("s.txt", 0)])
    with s.transaction():
        s.add_article(judged)
        s.add_article(unjudged)
    back = s.get_article(judged.id)
    assert back.language == "en" and back.relevance == judged.relevance
    assert [a.id for a in s.unjudged_articles()] == [unjudged.id]
    with s.transaction():
        s.set_relevance(unjudged.id, "en", {"topic": "sport", "genre": "news", "score": 0.01})
    assert s.unjudged_articles() == []
    assert s.get_article(unjudged.id).relevance["topic"] == "sport"
    s.close()


def test_an_article_too_short_to_judge_is_coded_not_a_crash(tmp_path: Path):
    """Found by benchmarks/robustness.py: judging a text with too few letters to tell its language
    gives no language and no topic, which in_scope took for "not judged yet" and raised, stopping
    the whole `eventdesk run` (a 26-byte damaged file was enough)."""
    short = Article(title="Headline", body="Ten dead.", sources=[Source("a.txt", 0)])
    judged = judge([short], res=RES)[0]
    assert (judged.language, judged.relevance) == (None, None)
    assert in_scope(judged, {}) is True  # too little text to judge: the coder decides
    long = Article(title="Headline", body=SANCTIONS, sources=[Source("b.txt", 0)])
    with pytest.raises(ValueError, match="not judged yet"):
        in_scope(long, {})  # still a mistake of the caller when judging would tell
    (tmp_path / "a.txt").write_bytes(b"C%G\x9ar`)\x7fh,adeine@2\n\xc3\xd8Qv\xac'\x92")
    (tmp_path / "b.txt").write_text("Short note\n\nTen dead.\n")
    p = cli(
        "run", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(tmp_path / "s.db"), check=False
    )
    assert p.returncode in (0, 3) and "Traceback" not in p.stderr and "not judged" not in p.stderr, p.stderr
    assert sqlite3.connect(tmp_path / "s.db").execute("SELECT count(*) FROM articles").fetchone()[0] == 2
