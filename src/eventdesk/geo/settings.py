"""Settings of place resolution ([geo] in eventdesk.toml); see eventdesk.config for the form."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "geo.gazetteer",
        None,
        "Path of the compiled gazetteer. Not set: the user's GeoNames import (`eventdesk geo build "
        "--geonames`) if there is one, else the per-user cached one built from the data packages.",
        type=str,
    ),
    Setting(
        "geo.alias_files",
        [],
        "Extra place-name alias files, built into the gazetteer on top of the shipped ones.",
        type=list,
    ),
    Setting(
        "geo.ner",
        True,
        "spaCy NER adds the place names the gazetteer matcher missed and drops person names.",
    ),
    Setting(
        "geo.ner_model",
        None,
        "spaCy pipeline for that NER. Not set: the annotate model (already loaded by the coder).",
        type=str,
    ),
    Setting(
        "geo.parse_demonyms",
        True,
        '`geo parse` lists demonyms ("Sudanese", "Iraqi") among the places it found, marked '
        '"kind": "demonym" (every other item is "kind": "place"), each resolved to its country\'s own '
        "entry and point (precision 3): what the text says about a country without naming a place "
        "(gold sets such as LGL and TR-News annotate them as toponyms). A demonym never places an "
        "event: at most it says which country an article is about. false: they come apart in a "
        '"demonyms" list of their own, and "places" holds places only.',
    ),
    Setting(
        "geo.province_point",
        "capital",
        'Where an event known only to a province goes: "capital" puts it at the province\'s largest '
        'city (ACLED\'s convention; the gazetteer data have no seat codes), "centre" at the '
        "province's centre point.",
        choices=("capital", "centre"),
    ),
    Setting(
        "geo.body_signal_weight",
        1.0,
        "How much one mention of a national body (a party, legislature, seat of government or office: "
        'data/actors/national_bodies.tsv, and the actor dictionary\'s groups with a home country; "Labour", '
        '"the Commons") counts toward the country an article is about, against one mention of a place of '
        "that country (headline and lede mentions weigh more, as for places); 0 turns it off.",
        type=float,
    ),
    Setting(
        "geo.home_country_ratio",
        3.0,
        "An event with no place of its own goes to the article's main scene, unless another country "
        "outweighs that scene's country this many times (every place, party and demonym mention and "
        "national body of the article counts for its country, weighted by position): then to that "
        'country\'s main place, else the country itself ("China" in a Westminster debate); 0 turns it off.',
        type=float,
    ),
]
