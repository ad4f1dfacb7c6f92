"""Which coded events an article's own judgement (topic, genre) lets stand: document rules applied
after coding, before place and date.

The author's voice codes nothing. Opinion and analysis pieces (genre.py) code only the news events
they report, not the author's arguments (issue 11; realnews GUIDE.md: commentary, analysis and
opinions of journalists are no events). In such a piece a sentence reports an event when it is
attributed (a word of saying, a quotation), dated, or narrated (a past or perfect verb, or the
progressive of what is happening now); a sentence with none of these, that shows the author's
stance (first or second person, a private verb, a modal, a hedge, an evaluative word, a question:
genre.stance_marked), is the author's own argument: its events go
(data/relevance/narration.tsv, with its sources).

Political violence outside political news. An article of another topic (sport, entertainment,
business, tech; judged by topic.py and borne out by that field's own words) is coded when its score or lead lets it through; its words of force ("crowd
trouble", "an absolute explosion of crowds", "a fan attacking a fan") are then read with the
conflict vocabulary. ACLED records political violence only: force used by a group with a
political purpose (state forces, rebels, militias, rioters and protesters in a demonstration),
not criminal, interpersonal or sporting violence (ACLED codebook; realnews GUIDE.md: ordinary crime
without political actors is no event). So in such an article an event of a violent ACLED type
stands only with evidence of political violence: a participant of a political sector, a political
office-holder attacked in its sentence, or an article that names a political armed actor or motive
(data/relevance/political_violence.txt, with its source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from eventdesk.records import Article, Event
from eventdesk.relevance.genre import stance_marked

DATA = Path(__file__).resolve().parents[1] / "data" / "relevance"

# ACLED's event types of political violence (Riots: violent demonstrations and mob violence)
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
# PLOVER sectors of political participants (GUIDE.md: states, officials, forces, armed groups,
# parties, unions, IGOs/NGOs). "UAF" with no text is the coder's fill-in, not evidence.
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "PTY", "OPP", "LAB", "IGO", "UNO", "NGO"}
)
# ... of them, those whose role noun alone says they use force for a political end (ACLED actor types:
# state forces, rebels, militias); a common noun of another sector ("supporters", "members") is a
# guess from the word alone, and in a sport or music report it names fans: only a name counts there
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
KINDS = ("actor", "target", "motive")
COMMENTARY = frozenset({"analysis", "opinion"})
NARRATION_KINDS = ("report", "time", "past")
_QUOTE = re.compile('["\u201c\u201d]')
# years, "three days ago", and the regular past and participle (-ed) of a word of four letters or more
_TIME_PATTERN = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d+\s+(?:days|weeks|months|years)\s+ago\b", re.I)
_REGULAR_PAST = re.compile(r"\b[a-z]{2,}ed\b", re.I)
# the progressive reports what is happening now ("forces are advancing", "is shelling")
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|was|were|been)\s+(?:\w+ly\s+)?\w{3,}ing\b", re.I)


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        stem = re.escape(w.rstrip("*")).replace(r"\ ", r"\s+")
        alts.append(stem + (r"[a-z]*" if w.endswith("*") else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


def _kind_words(path: Path, kinds: Iterable[str] | None) -> dict[str, re.Pattern[str]]:
    """A word list of `kind<TAB>word` lines as one pattern per kind; `kinds` None takes any kind."""
    allowed = None if kinds is None else tuple(kinds)
    words: dict[str, list[str]] = {k: [] for k in allowed or ()}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, word = line.partition("\t")
        if (allowed is not None and kind not in allowed) or not word.strip():
            raise ValueError(
                f"{path}:{n}: expected kind<TAB>word with kind one of {', '.join(allowed or ('any',))}"
            )
        words.setdefault(kind, []).append(word.strip().lower())
    return {k: _pattern(v) for k, v in words.items() if v}


@cache
def _cues(path: Path = DATA / "political_violence.txt") -> dict[str, re.Pattern[str]]:
    return _kind_words(path, KINDS)


@cache
def _narration(path: Path = DATA / "narration.tsv") -> dict[str, re.Pattern[str]]:
    return _kind_words(path, NARRATION_KINDS)


def author_voice(sentence: str) -> bool:
    """A sentence that neither attributes, nor dates, nor narrates, and shows the author's stance
    (see the module doc)."""
    if not stance_marked(sentence):
        return False
    if any(rx.search(sentence) for rx in (_QUOTE, _TIME_PATTERN, _REGULAR_PAST, _PROGRESSIVE)):
        return False
    return not any(rx.search(sentence) for rx in _narration().values())


def commentary(article: Article) -> bool:
    """An opinion or analysis piece, as judged (relevance.genre)."""
    return (article.relevance or {}).get("genre") in COMMENTARY


def political_topic(article: Article, topics: Iterable[str]) -> bool:
    """Whether the article's judged topic is one of `topics` (unjudged: taken as political)."""
    rel = article.relevance
    return rel is None or rel.get("topic") in set(topics)


def names_political_violence(article: Article) -> bool:
    """The article names an armed or political actor that uses force, or a political motive."""
    cues = _cues()
    text = (article.title or "") + "\n" + article.body
    return any(cues[k].search(text) for k in ("actor", "motive") if k in cues)


def political_participant(event: Event) -> bool:
    """A participant of a political sector that the text names (not the coder's fill-in): a force
    by its role noun, any other sector by a name."""
    return any(
        a.text and (a.sector in FORCE_SECTORS or (a.sector in POLITICAL_SECTORS and a.text[:1].isupper()))
        for a in event.actors + event.recipients
    )


def political_target(event: Event) -> bool:
    """The event's sentence names a political office-holder (the one attacked, as ACLED reads it)."""
    rx = _cues().get("target")
    return bool(rx and rx.search(event.evidence.sentence or ""))


# The topic model knows six fields (topic.py); a story of none of them (local crime, courts) still gets
# one, often "entertainment" (208 of the 510 GVC shooting reports). The field's own vocabulary
# (data/eventness/domains.tsv, from WordNet's domain senses) is the independent evidence that a story
# is of that field: more than one distinct word of it, as one ("match", "show") is often incidental.
FIELD_OF_TOPIC = {"sport": "sport", "entertainment": "entertainment", "business": "finance", "tech": "tech"}
MIN_FIELD_WORDS = 2


@cache
def _field_words(path: Path = DATA.parent / "eventness" / "domains.tsv") -> dict[str, re.Pattern[str]]:
    return _kind_words(path, None)


def of_another_field(article: Article, topics: Iterable[str]) -> bool:
    """The article is judged of a field outside `topics` (sport, entertainment, business, tech) and
    its text bears that out with more than one word of the field's vocabulary."""
    rel = article.relevance
    if rel is None or political_topic(article, topics):
        return False
    rx = _field_words().get(FIELD_OF_TOPIC.get(rel.get("topic") or "", ""))
    if rx is None:
        return False
    text = (article.title or "") + "\n" + article.body
    return len({m.group(0).lower() for m in rx.finditer(text)}) >= MIN_FIELD_WORDS


def violence_stands(event: Event, article: Article, topics: Iterable[str]) -> bool:
    """Whether an event may keep its place in the article (see the module doc)."""
    if event.acled_event_type not in VIOLENT_ACLED or not of_another_field(article, topics):
        return True
    return political_participant(event) or political_target(event) or names_political_violence(article)


def keep_reported(
    events: list[Event], articles: dict[str, Article], config: dict[str, Any] | None
) -> list[Event]:
    """The events the rules above let stand; events of articles not in `articles` all stand."""
    from eventdesk.config import setting

    violence = setting(config, "relevance.political_violence_only")
    voice = setting(config, "relevance.author_voice_codes_nothing")
    topics = setting(config, "relevance.code_topics")
    out = []
    for ev in events:
        art = articles.get(ev.article_id)
        if art is not None:
            if violence and not violence_stands(ev, art, topics):
                continue
            if voice and commentary(art) and author_voice(ev.evidence.sentence or ""):
                continue
        out.append(ev)
    return out
