"""Settings of the relevance gate ([relevance] in eventdesk.toml); see eventdesk.config.

Articles are judged (language, topic, genre, score: eventdesk.relevance) as they are read; only
those in scope have events coded. Out-of-scope articles stay stored and searchable.
"""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "relevance.gate",
        True,
        "Code only the articles in scope (language, topic, score below); false codes every article "
        "whatever its language or topic.",
    ),
    Setting(
        "relevance.code_languages",
        ["en"],
        "Languages the coder reads (ISO 639-1 codes); articles in other languages are not coded.",
        type=list,
    ),
    Setting(
        "relevance.code_topics",
        ["conflict", "politics"],
        "An article whose top topic is one of these is coded.",
        type=list,
    ),
    Setting(
        "relevance.min_score",
        0.3,
        "... and so is one whose score (the probability of political or conflict news) reaches this: "
        "a business or tech report of sanctions or a strike still codes. 0.0 codes every article in "
        "a language the coder reads.",
        min=0,
        max=1,
    ),
    Setting(
        "relevance.lead_events",
        True,
        "... and so is one of any topic whose title or first sentences report a violent or coercive "
        "act with police, soldiers, militants or protesters as a participant ('officer shoots man', "
        "'police arrest bosses'); false leaves such articles to the topic and score alone.",
    ),
    Setting(
        "relevance.political_violence_only",
        True,
        "In an article whose topic is not one of code_topics (let in by its score or lead), an event "
        "of a violent ACLED type stands only when a participant is political, its sentence names a "
        "political office-holder, or the article names a political armed actor or motive (ACLED: "
        "political violence only; data/relevance/political_violence.txt); false keeps them all.",
    ),
    Setting(
        "relevance.author_voice_codes_nothing",
        True,
        "In an opinion or analysis piece (genre), a sentence that neither attributes (said, a quotation), "
        "nor dates, nor narrates (a past or perfect verb) is the author's own voice and codes no event "
        "(data/relevance/narration.tsv); false codes every sentence of such pieces.",
    ),
]
