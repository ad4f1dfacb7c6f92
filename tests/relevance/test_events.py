"""Document rules after coding (relevance/events.py): in an article of another topic, an event of
a violent ACLED type stands only when the article reports political violence. Texts written for
these tests."""

from __future__ import annotations

from eventdesk.pipeline import extract_events
from eventdesk.records import Article, Event, Evidence
from eventdesk.relevance import judge
from eventdesk.relevance.events import keep_reported, names_political_violence, of_another_field
from eventdesk.resources import Resources

RES = Resources.from_config({})

DERBY = (
    "United fined after derby crowd trouble",
    "United were fined by the league on Monday after crowd trouble at their derby against Rovers. "
    "Home fans attacked away supporters in the east stand during the second half, and seats were "
    "thrown onto the pitch. The referee took the players off for ten minutes. The club said it "
    "would ban the supporters responsible for life. United won the match 2-1 with a late goal from "
    "their captain, and the result lifts them to third in the table ahead of the cup final.",
)

FESTIVAL = (
    "Festival goes ahead after attack",
    "The film festival opened on Friday a week after militants attacked the town's main cinema, "
    "killing two guards. The director said the screenings would go ahead as planned. The festival "
    "shows forty films this year, including three premieres, and the jury is led by an actress who "
    "won the best actress award last year. Tickets for the opening night sold out in an hour.",
)


def _article(title: str, body: str) -> Article:
    return judge([Article(title=title, body=body)], res=RES)[0]


def test_sport_crowd_violence_is_no_political_violence():
    a = _article(*DERBY)
    assert a.relevance["topic"] == "sport"
    assert not names_political_violence(a)
    coded = extract_events([a], {"relevance": {"political_violence_only": False}}, RES)
    violent = [e for e in coded if e.acled_event_type in ("Riots", "Violence against civilians", "Battles")]
    assert violent, "the coder reads the crowd trouble as violence: the rule has something to do"
    kept = extract_events([a], {}, RES)
    assert not [e for e in kept if e.acled_event_type in ("Riots", "Violence against civilians", "Battles")]


def test_an_attack_by_militants_in_another_topic_stands():
    a = _article(*FESTIVAL)
    assert names_political_violence(a)
    ev = Event(
        article_id=a.id,
        event_type="ASSAULT",
        evidence=Evidence(a.body[:80], 0, 80),
        acled_event_type="Violence against civilians",
    )
    a.relevance = {**a.relevance, "topic": "entertainment"}
    assert keep_reported([ev], {a.id: a}, {}) == [ev]
    # the same event in an article that names no political actor or motive goes
    b = Article(
        title="Premiere fight",
        body="Two men fought outside the film's premiere on Friday, the festival said.",
    )
    b.relevance = {"topic": "entertainment", "genre": "news", "score": 0.4}
    ev_b = Event(
        article_id=b.id,
        event_type="ASSAULT",
        evidence=Evidence(b.body, 0, len(b.body)),
        acled_event_type="Violence against civilians",
    )
    assert keep_reported([ev_b], {b.id: b}, {}) == []
    # in a political or conflict article, the rule does not apply
    b.relevance = {**b.relevance, "topic": "conflict"}
    assert keep_reported([ev_b], {b.id: b}, {}) == [ev_b]


# an editorial written for this test: the author argues, in the present, with modals and judgements
EDITORIAL = (
    "The west must not look away from Idlib",
    "It is hard to imagine a more shameful failure of diplomacy. The powers that claim to defend "
    "civilians should act now, before the siege becomes a massacre. Sanctions alone will not stop a "
    "regime that believes it can bomb hospitals at will. Would anyone seriously argue that "
    "another summit is the answer? The lesson of the past decade is clear: words without pressure "
    "invite more violence, and the regime will attack the town again if nobody stops it. "
    "On Tuesday government aircraft bombed the main hospital of the town, killing 12 people, "
    "local doctors said. That is the price of indifference, and we should be ashamed of it. "
    "Europe cannot keep pretending that this war is someone else's problem. It is ours too.",
)


def test_an_editorial_is_commentary_and_its_arguments_code_nothing():
    from eventdesk.relevance.events import author_voice, commentary
    from eventdesk.relevance.genre import genre

    assert genre(*EDITORIAL) in ("analysis", "opinion")
    assert author_voice("Sanctions alone will not stop a regime that can bomb hospitals at will.")
    assert author_voice("Would anyone seriously argue that another summit is the answer?")
    # attributed, dated or narrated sentences report events, whoever wrote them
    assert not author_voice("On Tuesday government aircraft bombed the main hospital, doctors said.")
    assert not author_voice("Government aircraft bombed the main hospital and killed 12 people.")
    assert not author_voice("Government forces are shelling the town from the hills.")
    # a plain sentence in the present with no mark of the author's stance is not judged here
    assert not author_voice("Government forces control the road to the border.")
    a = _article(*EDITORIAL)
    assert commentary(a)
    events = extract_events([a], {}, RES)
    kept = {e.evidence.sentence for e in events}
    assert any("bombed the main hospital" in s for s in kept)
    assert not any(author_voice(s) for s in kept)
    everything = extract_events([a], {"relevance": {"author_voice_codes_nothing": False}}, RES)
    assert len(everything) > len(events), "the rule has the author's arguments to drop"


def test_a_news_report_is_news_and_codes_every_sentence():
    from eventdesk.relevance.genre import genre

    report = (
        "Aircraft bomb hospital in Idlib",
        "Government aircraft bombed the main hospital of the town of Ariha on Tuesday, killing 12 "
        "people, local doctors said. The attack came a day after rebels shelled a village held by "
        "government forces, the Syrian Observatory for Human Rights reported. The United Nations "
        "said it was alarmed by the escalation and called on both sides to protect civilians. "
        "Turkey, which backs some of the rebel groups, said it had summoned the Russian ambassador. "
        "Russia's defence ministry said its aircraft had not flown over the area on Tuesday. "
        "Thousands of families fled north towards the Turkish border, aid agencies said.",
    )
    assert genre(*report) == "news"
    # a short snippet is too short to hear an author's voice
    assert genre("", "Police must stop the march, the minister said. We will not allow it.") == "news"


def test_a_bad_word_list_line_names_the_file_and_line(tmp_path):
    import pytest

    from eventdesk.relevance.events import _cues, _narration

    bad = tmp_path / "words.txt"
    bad.write_text("# source: a test\nactor\tmilitants\nweapon\trifle\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"words.txt:3: expected kind"):
        _cues(bad)
    with pytest.raises(ValueError, match=r"words.txt:2: expected kind"):
        _narration(bad)


def test_a_crime_report_the_topic_model_calls_entertainment_keeps_its_violence():
    # the topic model has no crime field: a shooting report may come out "entertainment"; without
    # that field's own words the article is not of another field, and the rule does not apply
    a = Article(
        title="Man shot dead",
        body="A man was shot dead outside a house on Elm Street on Friday, police said.",
    )
    a.relevance = {"topic": "entertainment", "genre": "news", "score": 0.2}
    assert not of_another_field(a, ("conflict", "politics"))
    ev = Event(
        article_id=a.id,
        event_type="ASSAULT",
        evidence=Evidence(a.body, 0, len(a.body)),
        acled_event_type="Violence against civilians",
    )
    assert keep_reported([ev], {a.id: a}, {}) == [ev]
    a.body += " The singer's new album and his television show were also discussed."
    assert of_another_field(a, ("conflict", "politics"))
    assert keep_reported([ev], {a.id: a}, {}) == []
