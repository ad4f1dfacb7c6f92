"""Eventness (issue 11): other word senses, commentary, bios and page furniture code no event.

Every text here was written for these tests.
"""

from __future__ import annotations

from eventdesk.code import code
from eventdesk.code.classify import classify, triggers
from eventdesk.code.eventness import Candidate, other_field
from eventdesk.records import Article
from eventdesk.resources import Resources

# A whole article: two reported events, then commentary, a poll, sport and business senses of
# trigger words, a newsletter prompt, an author note and a photo credit.
ARTICLE = (
    "Government troops shelled the rebel-held town of Kafr Nabl on Tuesday, killing at least nine civilians, "
    "a monitoring group said. The interior ministry said police arrested 14 people suspected of links to the "
    "rebels. The foreign minister condemned the shelling and called on the United Nations to act. "
    "Perhaps the real lesson of this war is that nobody can win it, and that both sides would be wiser to talk. "
    "Polls suggest that most voters think the government should negotiate. "
    "In the league, the home side were beaten by their rivals in a bruising derby after the striker missed a penalty. "
    "The bank's takeover bid for its rival was rejected by shareholders. "
    "Sign up to our daily newsletter to get the news first. "
    "John Doe is a visiting fellow at the Institute for Regional Studies and the author of a book on the war. "
    "Photograph: Staff/Agency"
)


def _coded(config: dict | None = None) -> dict[str, set[str]]:
    art = Article(title="", body=ARTICLE, published="2024-05-01")
    out: dict[str, set[str]] = {}
    for e in code([art], config or {}, Resources.shared(config)):
        out.setdefault(e.evidence.sentence.split()[0] + " " + e.evidence.sentence.split()[1], set()).add(
            e.event_type
        )
    return out


def test_other_senses_of_trigger_words_are_no_events():
    assert not [
        h for h in triggers("The singer died of cardiac arrest in hospital.") if h.event_type == "COERCE"
    ]
    assert not triggers("The takeover bid for the brewer collapsed.")
    assert [h.event_type for h in triggers("Police arrest three men in Lagos.")] == ["COERCE"]
    verbal = classify(
        ["The opposition leader launched a verbal assault on the prime minister."],
        Resources.shared({}).acled_model,
    )[0]
    assert verbal and verbal[0].event_type == "ACCUSE"
    assert "ASSAULT" not in {g.event_type for g in verbal}


def _violent(sentence: str) -> list[str]:
    """The words of `sentence` that the lexicon reads as force (ASSAULT) or a riot."""
    return [sentence[h.start : h.end] for h in triggers(sentence) if h.event_type in ("ASSAULT", "PROTEST")]


def test_figurative_senses_of_violent_words_are_no_force():
    # WordNet's increase, outburst and emergence senses; degree adjectives on an event noun; idioms
    for figurative in (
        "At the start there was an absolute explosion - huge crowds queued for hours.",
        "Since the vote there has been an explosion of interest in the party.",
        "The population explosion in the capital has strained water supplies.",
        "The band exploded onto the scene in 2003 with a debut album.",
        "Sales of the console exploded before Christmas.",
        "Text messages became the killer app for the operators.",
        "The visitors ran riot in the second half.",
        "It was an utter massacre: the champions lost by six goals.",
        "She flew to Morocco to shoot a film about the desert.",
        "Their work is made harder by the huge number of landmines dotted around the region.",
    ):
        assert _violent(figurative) == [], figurative
    # the physical senses, and a verb beside a counted weapon, still code
    assert _violent("There was an explosion at a market in the town on Tuesday.") == ["explosion"]
    assert _violent("The explosion of a car bomb killed four soldiers.")[:1] == ["explosion"]
    assert "exploded" in _violent("One of the thousands of landmines left by the war exploded under a bus.")
    assert "shot" in _violent("Gunmen shot the mayor outside his office.")


def test_reported_events_stay_and_commentary_bios_and_furniture_go():
    coded = _coded()
    assert "ASSAULT" in coded["Government troops"]
    assert "COERCE" in coded["The interior"]
    assert "ACCUSE" in coded["The foreign"]
    for start in (
        "Perhaps the",
        "Polls suggest",
        "In the",
        "The bank's",
        "Sign up",
        "John Doe",
        "Photograph: Staff/Agency",
    ):
        assert start not in coded, start


def test_gate_can_be_turned_off():
    # the same article with the gate off: the frame coder alone codes sentences the gate drops (the sport and
    # business senses; the poll's "should negotiate" is the content of an opinion, which the coder itself drops:
    # type_choice.demanded)
    coded = _coded({"code": {"eventness_threshold": -1}})
    assert {"John Doe", "Polls suggest", "In the", "The bank's"} & set(coded)


def test_sport_and_finance_vocabulary_without_political_participants():
    def cand(sentence: str, actors: list[tuple[str, str, str | None]]) -> Candidate:
        return Candidate("ASSAULT", sentence, 0, (0, 5), "asserted", 0.8, actors, [], None, 1000)

    sport = "United were beaten by the league leaders as their striker missed a penalty."
    assert other_field(cand(sport, [("United", "United", None)])) == "sport"
    assert other_field(cand("Shares fell as investors fled the bank.", [])) == "finance"
    # a political participant keeps it a candidate for the model: "the army beat protesters at the stadium"
    army = "The army beat fans at the stadium after the match."
    assert other_field(cand(army, [("The army", "army", "MIL")])) is None


def test_a_record_that_names_no_participant_is_no_event():
    from eventdesk.code.eventness import no_participant

    body = (
        "Police arrested two men in Leeds on Monday after a protest outside the town hall turned violent. "
        "Talks aimed at ending the dispute will take place this weekend. "
        "The council leader condemned the violence and called on protesters to stay calm."
    )
    # a threshold near 0: the model keeps everything, only what the text itself rules out (p = 0) goes
    cfg = {"code": {"eventness_threshold": 0.01}}
    kept = code([Article(title="", body=body, published="2024-05-01")], cfg, Resources.shared(cfg))
    starts = {e.evidence.sentence.split()[0] for e in kept}
    assert "Police" in starts and "The" in starts
    assert "Talks" not in starts
    assert no_participant(
        Candidate("CONSULT", "Talks will take place.", 0, (0, 5), "asserted", 0.6, [], [], None, 30)
    )
    unidentified = [("", "Unidentified armed group", "UAF")]
    assert not no_participant(
        Candidate("ASSAULT", "A bomb exploded.", 0, (7, 15), "asserted", 0.6, unidentified, [], None, 20)
    )


def test_shipped_model_ranks_a_reported_event_above_commentary_and_sport():
    """The shipped weights load and order candidates of one article written for this test: the
    reported arrest clears the threshold, the commentary and the match report score lower."""
    from eventdesk.code.eventness import candidates

    res = Resources.shared({})
    model = res.eventness
    assert model is not None and 0.0 < model.threshold < 1.0
    body = (
        "Police arrested 30 protesters outside parliament in Ankara on Monday, the interior ministry said. "
        "Critics argue that the government would be wiser to talk to its opponents than to arrest them. "
        "The visitors were beaten 3-0 by the champions in a bruising match on Sunday."
    )
    cfg = {"code": {"eventness_threshold": -1}}
    events = code([Article(title="", body=body, published="2024-05-01")], cfg, Resources.shared(cfg))
    best: dict[str, float] = {}
    for c in candidates(events, len(body)):
        first = c.sentence.split()[0]
        best[first] = max(best.get(first, 0.0), model.probability(c))
    assert best["Police"] >= model.threshold
    for other in ("Critics", "The"):
        assert best.get(other, 0.0) < best["Police"], (other, best)


def test_an_authors_generic_statement_in_commentary_is_no_event():
    """In an analysis piece the author's undated present-simple clauses state what is generally so
    (genericity) and code nothing; the same text judged news keeps them, and dated or attributed
    clauses stay in both."""
    from eventdesk.code.eventness import generic_commentary

    body = (
        "Turkish jets bombed Kurdish positions near Afrin on Monday, the Kurdish militia said. "
        "Russia supports the Syrian government because it fears chaos more than it loves Assad. "
        "Western capitals condemn every Turkish incursion and then sell Ankara more weapons. "
        "Moscow condemned the strikes on Tuesday."
    )
    cfg = {"code": {"eventness_threshold": 0.01}}  # only what the text rules out (p = 0) goes

    def starts(genre: str) -> set[str]:
        art = Article(
            title="", body=body, published="2024-05-01", relevance={"topic": "conflict", "genre": genre}
        )
        return {e.evidence.sentence.split()[0] for e in code([art], cfg, Resources.shared(cfg))}

    analysis, news = starts("analysis"), starts("news")
    assert {"Turkish", "Moscow"} <= analysis and {"Turkish", "Moscow"} <= news
    assert not {"Russia", "Western"} & analysis
    assert {"Russia", "Western"} <= news

    def cand(sentence: str, tag: str, genre: str, dep: str = "ROOT") -> Candidate:
        c = Candidate("ACCUSE", sentence, 0, (7, 15), "asserted", 0.6, [], [], None, 100)
        c.clause_role, c.genre = f"{dep}|VERB|{tag}|subj|none", genre
        return c

    assert generic_commentary(cand("Critics condemn the war.", "VBP", "opinion"))
    assert not generic_commentary(cand("Critics condemn the war, the minister says.", "VBP", "opinion"))
    assert not generic_commentary(cand("Critics condemn the war on Monday.", "VBP", "opinion"))
    assert not generic_commentary(cand("Critics condemned the war.", "VBD", "opinion"))
    # a plural noun the tagger read as a verb ("airstrikes" VBZ as a subject) heads no clause
    assert not generic_commentary(
        cand("Airstrikes near the city have killed dozens.", "VBZ", "opinion", "nsubj")
    )


def test_a_refusal_to_comment_is_no_rejection():
    """ "declined to comment" is CAMEO 011 (Decline comment), a public-statement category PLOVER 2.0
    dropped; a refusal of talks or of a demand stays a REJECT."""
    from eventdesk.code.eventness import declined_comment

    body = (  # a short report's main event stays whatever the gate says: the attack leads
        "Rebels attacked an army base near Idlib on Sunday, killing eight soldiers, the army said. "
        "The interior ministry declined to comment on the report on Monday. "
        "A government spokesman refused to confirm whether the prisoners had been moved. "
        "The rebel delegation refused to discuss the ceasefire proposal in Geneva on Tuesday. "
        "The government refused to release the prisoners despite the rebels' demand."
    )
    cfg = {"code": {"eventness_threshold": 0.01}}  # only what the text rules out (p = 0) goes
    off = {"code": {"eventness_threshold": -1}}

    def rejections(config: dict) -> set[str]:
        art = Article(title="", body=body, published="2024-05-01")
        return {
            " ".join(e.evidence.sentence.split()[:2])
            for e in code([art], config, Resources.shared(config))
            if e.event_type == "REJECT"
        }

    coded, kept = rejections(off), rejections(cfg)
    assert {"The interior", "A government"} <= coded  # the coder proposes them; the gate drops them
    assert not {"The interior", "A government"} & kept
    assert {"The rebel", "The government"} <= kept

    def cand(sentence: str, trigger: str) -> Candidate:
        a = sentence.index(trigger)
        return Candidate("REJECT", sentence, 0, (a, a + len(trigger)), "asserted", 0.6, [], [], None, 100)

    assert declined_comment(cand("The embassy declined to go into detail.", "declined to"))
    assert declined_comment(cand("He refused to answer questions from reporters.", "refused"))
    assert not declined_comment(cand("He refused to negotiate with the rebels.", "refused"))
    assert not declined_comment(cand("The army rejected calls to say more.", "rejected"))
