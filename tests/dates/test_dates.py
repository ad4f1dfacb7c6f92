"""Unit tests for eventdesk.dates on news-style sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.dates import parse_date, reporting_date, resolve_dates
from eventdesk.records import Actor, Article, Event, Evidence

THU = date(2023, 11, 16)  # a Thursday


def dated(
    sentence: str,
    published: str | None = "2023-11-16",
    *,
    before: str = "",
    modality: str = "asserted",
    trigger: str | None = None,
    recipient: str | None = None,
    **art,
) -> Event:
    """Resolve one event whose evidence is `sentence` (placed after `before` in the body)."""
    body = before + sentence
    a = Article(title="t", body=body, published=published, **art)
    start = len(before)
    ev = Event(
        article_id=a.id,
        event_type="ASSAULT",
        evidence=Evidence(sentence, start, len(body)),
        modality=modality,
        recipients=[Actor(recipient, recipient)] if recipient else [],
    )
    if trigger:
        i = sentence.index(trigger)
        ev.extra["trigger"] = {"start": start + i, "end": start + i + len(trigger)}
    resolve_dates([ev], {a.id: a}, {})
    return ev


def triple(ev: Event) -> tuple:
    return ev.date, ev.date_precision, ev.date_text


@pytest.mark.parametrize(
    "sentence, expect",
    [
        (
            "Gunmen attacked a checkpoint on Tuesday, killing two soldiers.",
            ("2023-11-14", "day", "on Tuesday"),
        ),
        ("Protesters marched through the capital Thursday.", ("2023-11-16", "day", "Thursday")),
        (
            "Rebels shelled the town late on Sunday night, residents said.",
            ("2023-11-12", "day", "late on Sunday night"),
        ),
        ("Police said the bomb went off yesterday near the market.", ("2023-11-15", "day", "yesterday")),
        ("Two drones were shot down this morning over the port.", ("2023-11-16", "day", "this morning")),
        ("Troops withdrew from the border town last week.", ("2023-11-06", "week", "last week")),
        ("Fighting flared earlier this month in the north.", ("2023-11", "month", "earlier this month")),
        ("Officials met in Doha last month to discuss a truce.", ("2023-10", "month", "last month")),
        ("The ministry summoned the ambassador in April.", ("2023-04", "month", "in April")),
        ("The militia seized the airport in December.", ("2022-12", "month", "in December")),
        ("The party boycotted the vote last year.", ("2022", "year", "last year")),
        ("The group first attacked the region in 2019.", ("2019", "year", "in 2019")),
        ("The two sides signed a ceasefire three years ago.", ("2020", "year", "three years ago")),
        ("Soldiers detained the journalist two days ago.", ("2023-11-14", "day", "two days ago")),
        (
            "On 5 January 2022, militants burned a school in the village.",
            ("2022-01-05", "day", "On 5 January 2022"),
        ),
        (
            "Rioters looted shops on January 5, 2022, witnesses said.",
            ("2022-01-05", "day", "on January 5, 2022"),
        ),
        ("The raid took place on Jan. 5, officials said.", ("2023-01-05", "day", "on Jan. 5")),
        ("Records dated 2021-03-04 show the transfer.", ("2021-03-04", "day", "dated 2021-03-04")),
        ("The decree, signed on 13/1/2022, banned rallies.", ("2022-01-13", "day", "on 13/1/2022")),
        ("The army retook the city in May 2021.", ("2021-05", "month", "in May 2021")),
    ],
)
def test_expressions_against_anchor(sentence, expect):
    assert triple(dated(sentence)) == expect


def test_weekday_on_the_anchor_day_is_that_day():
    assert dated("Ministers met on Thursday in Cairo.").date == "2023-11-16"


def test_last_and_next_weekday():
    assert dated("Clashes erupted last Thursday.").date == "2023-11-09"
    ev = dated("The envoy will travel to Kyiv next Monday.")
    assert ev.date == "2023-11-20"
    assert ev.modality == "hypothetical"


def test_future_clause_resolves_forward():
    ev = dated("The opposition said elections will be held in March.")
    assert (ev.date, ev.modality) == ("2024-03", "hypothetical")
    # a future word in another clause does not move the date
    ev = dated("The army said on Monday it will keep up the offensive.")
    assert ev.date == "2023-11-13"


def test_historical_modality():
    assert dated("The army took power in a coup in 2021.").modality == "historical"
    assert dated("Last year, the government banned the party.").modality == "historical"
    assert dated("In February, the army blocked the road.").modality == "historical"
    assert dated("Rebels attacked the base on Tuesday.").modality == "asserted"
    assert dated("Fighting flared earlier this month in the north.").modality == "asserted"
    assert dated("Troops withdrew from the border town last week.").modality == "asserted"
    # negated and hypothetical events stay as the coder said
    assert dated("The army did not attack in 2021.", modality="negated").modality == "negated"
    assert dated("Police claimed militants struck in 2020.", modality="claimed").modality == "historical"


def test_no_anchor_keeps_text_and_no_guess():
    ev = dated("Gunmen attacked a checkpoint on Tuesday.", published=None)
    assert triple(ev) == (None, None, "on Tuesday")
    ev = dated("On 5 January 2022, gunmen attacked a checkpoint.", published=None)
    assert triple(ev) == ("2022-01-05", "day", "On 5 January 2022")
    ev = dated("Gunmen attacked a checkpoint near the border.", published=None)
    assert triple(ev) == (None, None, None)
    # ambiguous numeric date with nothing to decide it
    assert dated("The decree of 5/1/2022 banned rallies.", published=None).date is None


def test_no_date_words_takes_the_reporting_date():
    ev = dated("Government forces shelled rebel positions near the river.")
    assert triple(ev) == ("2023-11-16", "day", None)
    assert ev.modality == "asserted"


def test_sentence_inherits_the_paragraph_date():
    ev = dated(
        "They also killed two civilians.",
        published=None,
        before="On 3 March 2022, militants attacked a convoy near the town. ",
    )
    assert triple(ev) == ("2022-03-03", "day", "On 3 March 2022")
    # not across paragraphs
    ev = dated(
        "They also killed two civilians.",
        published=None,
        before="On 3 March 2022, militants attacked a convoy near the town.\n\n",
    )
    assert ev.date is None


def test_trigger_picks_its_own_date():
    s = "The minister's visit on Monday was his first since March, when he attended a summit, held in Rome in July."
    assert dated(s, trigger="visit").date_text == "on Monday"
    assert dated(s, trigger="attended").date == "2023-03"
    ev = dated(s, trigger="held")
    assert (ev.date, ev.modality) == ("2023-07", "historical")


def test_recipient_focus_without_trigger():
    s = "The army said on Monday that its jets had struck rebel depots on Saturday."
    # the speech date is skipped
    assert dated(s).date == "2023-11-11"
    s = "The envoy's trip on Monday was his first since June, when he met the rebels, attacked by drones in August."
    assert dated(s, recipient="rebels").date == "2023-06"


def test_month_after_the_reporting_month_is_last_year():
    ev = dated("Israeli air strikes killed the commander in September.", published="2025-06-03")
    assert (ev.date, ev.date_precision, ev.modality) == ("2024-09", "month", "historical")


def test_acled_style_notes():
    ev = dated("Around 9 March 2022 (week of), forces clashed with militia near the river.", published=None)
    assert (ev.date, ev.date_precision) == ("2022-03-09", "week")
    ev = dated(
        "Around 4 February 2022 (between 21 January - 11 February), air forces struck enclaves.",
        published=None,
    )
    assert (ev.date, ev.date_precision) == ("2022-02-04", "day")
    ev = dated("Looting: On 11 April 2022, overnight, militants looted a clinic.", published=None)
    assert ev.date == "2022-04-11"


def test_lower_bound_marks_background_without_anchor():
    ev = dated(
        "The two forces led a coup in 2021.",
        published=None,
        captions=["FILE PHOTO: Smoke rises over the city, September 26, 2024. REUTERS/File Photo"],
    )
    assert (ev.date, ev.modality) == ("2021", "historical")


def test_reporting_date_sources():
    assert reporting_date(Article("t", "b", published="2024-02-29T23:10:00+00:00")) == (
        date(2024, 2, 29),
        "published",
    )
    assert reporting_date(Article("t", "b", published="Tue, 03 Jun 2025 10:00:00 GMT"))[0] == date(2025, 6, 3)
    assert reporting_date(Article("t", "b", date_hints=["2025-06-03", "2025-05-30"])) == (
        date(2025, 6, 3),
        "hint",
    )
    file_photo = Article(
        "t",
        "b",
        captions=["FILE PHOTO: Troops in Khartoum, Sudan, September 26, 2024."],
        date_hints=["2024-09-26"],
    )
    assert reporting_date(file_photo) == (None, None)
    assert reporting_date(Article("t", "b", published="not a date")) == (None, None)
    assert reporting_date(Article("t", "b")) == (None, None)


def test_parse_date():
    assert parse_date("2022-01-05") == date(2022, 1, 5)
    assert parse_date("2022-13-05") is None
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("published 5 January 2022") == date(2022, 1, 5)


def test_missing_article_and_bad_offsets_are_harmless():
    ev = Event(article_id="nope", event_type="ASSAULT", evidence=Evidence("x", 0, 1))
    resolve_dates([ev], {}, {})
    assert ev.date is None
    a = Article("t", "Rebels attacked on Friday.", published="2023-11-16")
    ev = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence("Rebels attacked on Friday.", 50, 10))
    resolve_dates([ev], {a.id: a}, {})
    assert ev.date == "2023-11-10"


def test_config_switches():
    a = Article("t", "On 1 March 2022 rebels attacked. They burned homes.", published="2022-03-02")
    ev = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence("They burned homes.", 33, 51))
    resolve_dates([ev], {a.id: a}, {"dates": {"inherit_in_paragraph": False}})
    assert (ev.date, ev.date_text) == ("2022-03-02", None)
    ev2 = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence("They burned homes.", 33, 51))
    resolve_dates([ev2], {a.id: a}, {})
    assert (ev2.date, ev2.date_text) == ("2022-03-01", "On 1 March 2022")


def test_day_and_month_with_last_year():
    ev = dated("He was captured on 21 December last year, his family said.")
    assert (ev.date, ev.date_text, ev.modality) == ("2022-12-21", "on 21 December last year", "historical")
    assert dated("The unit withdrew in July last year.").date == "2022-07"


def test_yearless_day_month_follows_tense():
    # past tense: the last one on or before the anchor
    assert dated("The commander was killed on 20 December.", published="2024-01-05").date == "2023-12-20"
    # no tense to go by: the nearest, past counting closer
    assert (
        dated("His first hearing on 1 March at the criminal court.", published="2024-02-14").date
        == "2024-03-01"
    )
    assert (
        dated("The hearing on 23 October at the criminal court.", published="2024-02-02").date == "2023-10-23"
    )
    # future clause
    assert dated("Talks will resume in Geneva on 28 November.", published="2023-11-20").date == "2023-11-28"


def test_future_weekday_on_the_anchor_day():
    ev = dated("The minister is due to speak in Oxford on Thursday.")
    assert ev.date == "2023-11-16"


def test_named_programme_is_not_a_date():
    assert dated("He told BBC Radio 4's Today programme the strikes were legal.").date_text is None


def test_narrative_relative_periods_are_not_anchored():
    assert dated("It was not until early the next year that his unit surrendered.").date_text is None
    assert dated("The previous year, the group fought in the desert.").date_text is None
    assert (
        dated("Snap polls called for 24 June could unseat him.", published="2018-04-19").date == "2018-06-24"
    )


def test_inheritance_is_one_sentence_back_and_never_makes_plans():
    ev = dated(
        "Aid workers left the camp.",
        before="On 3 March 2022, militants attacked a convoy. The road was shut. ",
    )
    assert (ev.date, ev.date_text) == ("2023-11-16", None)
    ev = dated("The road was shut.", before="Inspectors will arrive tomorrow. ")
    assert (ev.date, ev.date_text, ev.modality) == ("2023-11-16", None, "asserted")


def _told(sentence: str, before: str, tag: str, trigger: str) -> Event:
    """An event whose clause verb the coder tagged `tag` (its clause_role), dated after `before`."""
    body = before + sentence
    a = Article(title="t", body=body, published="2023-11-16")
    start = len(before)
    ev = Event(article_id=a.id, event_type="ASSAULT", evidence=Evidence(sentence, start, len(body)))
    i = sentence.index(trigger)
    ev.extra["trigger"] = [start + i, start + i + len(trigger)]
    ev.extra["clause_role"] = f"ROOT|VERB|{tag}|subj|none"
    resolve_dates([ev], {a.id: a}, {})
    return ev


def test_past_tense_goes_on_in_the_episode_the_narrative_dated():
    lead = "Gunmen stormed a police post near the border on Tuesday night, officials said. The governor is in the capital. "
    # simple past, two sentences after the dated one: that night (Webber 1988)
    assert _told("Soldiers killed three of the attackers.", lead, "VBD", "killed").date == "2023-11-14"
    # a past passive likewise
    assert _told("Two soldiers were wounded.", lead, "VBN", "wounded").date == "2023-11-14"
    # a present tense or a present perfect is read at the report
    assert _told("Soldiers are hunting the attackers.", lead, "VBG", "hunting").date == "2023-11-16"
    assert _told("Soldiers have killed three of them.", lead, "VBN", "killed").date == "2023-11-16"


def test_narrative_date_skips_quotes_and_stops_at_background():
    quote = 'Rebels shelled the town on Monday. Residents fled. "We lost everything today," one said. Aid is short. '
    assert _told("Troops retook the hill.", quote, "VBD", "retook").date == "2023-11-13"
    past = "Rebels shelled the town on Monday. The group was founded in 2014 in the hills. Aid is short. "
    # the last date the narrative set is background: no episode to go on in
    assert _told("Troops retook the hill.", past, "VBD", "retook").date == "2023-11-16"
    future = "Rebels shelled the town on Monday. Talks will open on Saturday. Aid is short. "
    assert _told("Troops retook the hill.", future, "VBD", "retook").date == "2023-11-16"
