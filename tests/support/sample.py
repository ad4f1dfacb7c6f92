"""Synthetic events for the dashboard's tests and benchmark.

The dashboard must be testable (and measurable at 100k events) before, and independently of,
event coding. These events are made of real pieces: each evidence sentence is a sentence of a
stored article with its true offsets, actors and places come from a small pool of real names
with real coordinates, types carry their usual ACLED/CAMEO mapping. They are *not* coded from
the text: never mix them into a store someone will analyse.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta

from eventdesk.records import Actor, Article, Event, Evidence, Place, Source

# (name, lat, lon, ISO3, admin1, GeoNames feature, ACLED geo_precision)
PLACES = [
    ("Khartoum", 15.5007, 32.5599, "SDN", "Khartoum", "PPLC", 1),
    ("Al-Jaili", 16.0167, 32.6667, "SDN", "Khartoum", "PPL", 1),
    ("Wad Madani", 14.4012, 33.5199, "SDN", "Al Jazirah", "PPLA", 1),
    ("El Fasher", 13.6279, 25.3494, "SDN", "North Darfur", "PPLA", 1),
    ("Port Sudan", 19.6158, 37.2164, "SDN", "Red Sea", "PPLA", 1),
    ("Kirkuk", 35.4681, 44.3922, "IRQ", "Kirkuk", "PPLA", 1),
    ("Baghdad", 33.3152, 44.3661, "IRQ", "Baghdad", "PPLC", 1),
    ("Mosul", 36.3400, 43.1300, "IRQ", "Nineveh", "PPLA", 1),
    ("Salaheddine", 34.5337, 43.4837, "IRQ", "Salah ad Din", "ADM1", 3),
    ("Beirut", 33.8938, 35.5018, "LBN", "Beirut", "PPLC", 1),
    ("Damascus", 33.5138, 36.2765, "SYR", "Damascus", "PPLC", 1),
    ("Aleppo", 36.2021, 37.1343, "SYR", "Aleppo", "PPLA", 1),
    ("Gaza City", 31.5017, 34.4668, "PSE", "Gaza", "PPLA", 1),
    ("Kyiv", 50.4501, 30.5234, "UKR", "Kyiv City", "PPLC", 1),
    ("Kharkiv", 49.9935, 36.2304, "UKR", "Kharkiv", "PPLA", 1),
    ("Mogadishu", 2.0469, 45.3182, "SOM", "Banaadir", "PPLC", 1),
    ("Sanaa", 15.3694, 44.1910, "YEM", "Amanat al Asimah", "PPLC", 1),
    ("Goma", -1.6585, 29.2203, "COD", "North Kivu", "PPLA", 1),
    ("Bamako", 12.6392, -8.0029, "MLI", "Bamako", "PPLC", 1),
    ("Kabul", 34.5553, 69.2075, "AFG", "Kabul", "PPLC", 1),
    ("Tehran", 35.6892, 51.3890, "IRN", "Tehran", "PPLC", 1),
    ("Tripoli", 32.8872, 13.1913, "LBY", "Tripoli", "PPLC", 1),
    ("Maiduguri", 11.8311, 13.1510, "NGA", "Borno", "PPLA", 1),
    ("Yangon", 16.8409, 96.1735, "MMR", "Yangon", "PPLA", 1),
    ("Port-au-Prince", 18.5944, -72.3074, "HTI", "Ouest", "PPLC", 1),
]

# (name, ISO3, PLOVER sector)
ACTORS = [
    ("Sudanese Armed Forces", "SDN", "MIL"),
    ("Rapid Support Forces", "SDN", "REB"),
    ("Iraqi Security Forces", "IRQ", "MIL"),
    ("Islamic State", None, "REB"),
    ("Counter-Terrorism Service", "IRQ", "MIL"),
    ("Hezbollah", "LBN", "REB"),
    ("Government of Lebanon", "LBN", "GOV"),
    ("Government of Iran", "IRN", "GOV"),
    ("Israel Defense Forces", "ISR", "MIL"),
    ("Hamas", "PSE", "REB"),
    ("Armed Forces of Ukraine", "UKR", "MIL"),
    ("Russian Armed Forces", "RUS", "MIL"),
    ("Al-Shabaab", "SOM", "REB"),
    ("Houthis", "YEM", "REB"),
    ("M23", "COD", "REB"),
    ("Civilians", None, "CVL"),
    ("Protesters", None, "CVL"),
    ("United Nations", None, "UNO"),
    ("Police", None, "COP"),
    ("Journalists", None, "JRN"),
]

# PLOVER type -> (modes, ACLED event_type, ACLED sub_event_type, CAMEO root, Goldstein)
TYPES = {
    "ASSAULT": (["firearms", "aerial", "explosive"], "Battles", "Armed clash", "19", -10.0),
    "COERCE": (["arrest", "seize", "destroy"], "Strategic developments", "Arrests", "17", -7.0),
    "PROTEST": (["demonstrate", "strike"], "Protests", "Peaceful protest", "14", -6.5),
    "ACCUSE": (["allege", "investigate"], None, None, "11", -2.0),
    "THREATEN": (["coerce", "assault"], None, None, "13", -6.0),
    "CONSULT": (["visit", "third-party"], None, None, "04", 1.0),
    "AGREE": (["ceasefire"], "Strategic developments", "Agreement", "03", 4.0),
    "AID": (["humanitarian", "military"], None, None, "07", 7.0),
    "MOBILIZE": (["troops"], "Strategic developments", "Headquarters or base established", "15", -7.2),
    "REQUEST": (["assistance"], None, None, "02", 3.0),
    "SANCTION": (["restrict"], None, None, "16", -4.0),
    "SUPPORT": (["praise"], None, None, "05", 3.5),
}
WEIGHTS = {
    "ASSAULT": 30,
    "COERCE": 10,
    "PROTEST": 10,
    "ACCUSE": 12,
    "THREATEN": 6,
    "CONSULT": 10,
    "AGREE": 4,
    "AID": 5,
    "MOBILIZE": 5,
    "REQUEST": 4,
    "SANCTION": 2,
    "SUPPORT": 2,
}
MODALITY_WEIGHTS = {"asserted": 70, "claimed": 20, "negated": 2, "hypothetical": 5, "historical": 3}

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]+[\"”’']?")


def sentences(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a body: rough, enough for synthetic evidence."""
    out = []
    for m in _SENTENCE.finditer(body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        if e - s > 20:
            out.append((s, e))
    return out


def _actor(rng: random.Random) -> Actor:
    name, country, sector = rng.choice(ACTORS)
    return Actor(text=name, name=name, country=country, sector=sector)


def synthetic_events(
    articles: list[Article],
    n: int,
    seed: int = 5,
    start: str = "2024-01-01",
    days: int = 540,
    located: float = 0.85,
) -> Iterator[Event]:
    """`n` events spread over `articles` (evidence = one of their sentences, true offsets)."""
    rng = random.Random(seed)
    spans = [(a, sentences(a.body)) for a in articles]
    spans = [(a, s) for a, s in spans if s]
    if not spans:
        return
    t0 = date.fromisoformat(start)
    types, tw = list(WEIGHTS), list(WEIGHTS.values())
    mods, mw = list(MODALITY_WEIGHTS), list(MODALITY_WEIGHTS.values())
    for i in range(n):
        art, sents = spans[i % len(spans)]
        s, e = sents[(i // len(spans)) % len(sents)]
        etype = rng.choices(types, tw)[0]
        modes, acled, sub, cameo, gold = TYPES[etype]
        loc = None
        if rng.random() < located:
            name, lat, lon, iso, adm1, feat, prec = rng.choice(PLACES)
            # jitter a little, as events are reported around a town, not on one pixel
            loc = Place(
                text=name,
                name=name,
                lat=round(lat + rng.gauss(0, 0.15), 5),
                lon=round(lon + rng.gauss(0, 0.15), 5),
                country=iso,
                admin1=adm1,
                feature=feat,
                precision=prec,
            )
        d = t0 + timedelta(days=int(rng.triangular(0, days, days * 0.8)))
        precision = rng.choices(["day", "week", "month"], [85, 5, 10])[0]
        ev = Event(
            article_id=art.id,
            event_type=etype,
            mode=rng.choice(modes),
            evidence=Evidence(art.body[s:e], s, e),
            contexts=rng.sample(["military", "terrorism", "diplomatic", "humanitarian", "political"], 1),
            acled_event_type=acled,
            acled_sub_event_type=sub,
            cameo_root=cameo,
            goldstein=gold,
            actors=[_actor(rng)],
            recipients=[_actor(rng)] if rng.random() < 0.8 else [],
            location=loc,
            date=d.isoformat() if precision != "month" else d.isoformat()[:7],
            date_precision=precision,
            date_text="on " + d.strftime("%A"),
            modality=rng.choices(mods, mw)[0],
            fatalities=rng.choice([None, None, 0, 1, 3, 12]) if etype == "ASSAULT" else None,
            confidence=round(rng.uniform(0.3, 0.99), 2),
            extra={"synthetic": True, "n": i},
        )
        yield ev


_WORDS = [
    "army",
    "forces",
    "militia",
    "attack",
    "city",
    "government",
    "talks",
    "ceasefire",
    "protest",
    "refinery",
    "border",
    "minister",
    "statement",
    "airstrike",
    "shelling",
    "village",
    "displaced",
    "aid",
    "convoy",
    "police",
    "arrested",
    "rebels",
    "capital",
    "province",
    "officials",
    "killed",
    "wounded",
    "negotiations",
    "sanctions",
]


def synthetic_articles(n: int, seed: int = 7) -> Iterator[Article]:
    """`n` articles of plausible words (for search benchmarks); each has 6 sentences."""
    rng = random.Random(seed)
    for i in range(n):
        place = rng.choice(PLACES)[0]
        actor = rng.choice(ACTORS)[0]
        sents = []
        for _ in range(6):
            words = rng.sample(_WORDS, 9)
            sents.append(f"{actor} {' '.join(words)} near {place}.")
        yield Article(
            title=f"{actor} in {place}: report {i}",
            body=" ".join(sents),
            published=(date(2024, 1, 1) + timedelta(days=i % 540)).isoformat(),
            sources=[Source(f"synthetic/{i // 1000}.jsonl", i % 1000)],
        )


# Markup that must stay text wherever it is shown (dashboard, API, CLI).
HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')


def hostile_article() -> tuple[Article, Event]:
    """An article (and an event coded from it) whose text is made of markup and script."""
    title = f"Hostile {HOSTILE[0]} headline"
    body = (
        f"Officials said {HOSTILE[1]} the convoy was attacked near the border on Monday. "
        f"A second paragraph holds {HOSTILE[0]} and ends here.\n\n"
        "Militants fired on the convoy, witnesses said."
    )
    art = Article(
        title=title,
        body=body,
        published="2025-03-03",
        url="javascript:alert(1)",
        captions=[HOSTILE[1]],
        sources=[Source(f"hostile/{HOSTILE[1]}.txt", 0)],
    )
    s = 0
    e = body.index(".") + 1
    ev = Event(
        article_id=art.id,
        event_type="ASSAULT",
        mode="firearms",
        evidence=Evidence(body[s:e], s, e),
        acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        actors=[Actor(text=HOSTILE[0], name=f"Militants {HOSTILE[0]}", sector="REB")],
        recipients=[Actor(text="convoy", name=f"Convoy {HOSTILE[1]}", sector="CVL")],
        location=Place(
            text=HOSTILE[1],
            name=f"Border post {HOSTILE[1]}",
            lat=14.0,
            lon=30.0,
            country="SDN",
            admin1=HOSTILE[0],
            precision=2,
        ),
        date="2025-03-03",
        date_precision="day",
        date_text=HOSTILE[0],
        modality="asserted",
        confidence=0.8,
        extra={"synthetic": True},
    )
    return art, ev


def build_demo_store(path: str, examples: str, n_events: int = 40, hostile: bool = True) -> dict[str, int]:
    """A store for dashboard tests: the articles of `examples/` (read by the real pipeline), their
    events when event coding produces some, else `n_events` synthetic events on their sentences;
    plus the hostile article. Returns counts."""
    from eventdesk.config import load_config
    from eventdesk.pipeline import run
    from eventdesk.store import open_store

    with open_store(path) as store:
        try:
            run([examples], store, load_config(None), events=True, progress=False)
        except Exception:  # event coding still in progress elsewhere: keep the articles
            run([examples], store, load_config(None), events=False, progress=False)
        real = store.count_events()
        with store.transaction():
            if real == 0:
                arts = list(store.iter_articles())
                store.add_events(synthetic_events(arts, n_events, seed=11, start="2025-01-01", days=150))
            if hostile:
                art, ev = hostile_article()
                store.add_article(art)
                store.add_events([ev])
        return {
            "real_events": real,
            "events": store.count_events(),
            "located": store.stats()["located_events"],
        }
