"""Relevance (issue 11): what an article is, before any event is coded from it.

`judge(articles, config, res=res)` gives every article (models from eventdesk.resources)
- `language`: ISO 639-1 code of its text (None when there is too little text to tell);
- `relevance`: {"topic", "genre", "score"}: topic by the model in `topic.py` (conflict, politics,
  business, sport, entertainment, tech; "other" when no known word occurs), genre by `genre.py`
  (news, opinion, analysis, other), and `score` = the model's probability that the article is
  political or conflict news (the two in-scope topics). None for a text the model cannot read
  (not English): its language says why.

`in_scope(article, config)` is the gate the pipeline applies before the expensive parse: only
articles in a language the coder reads, whose topic is one of `[relevance] code_topics` or whose
score reaches `[relevance] min_score`, have events coded. The others stay stored and searchable.
The score (not only the top topic) lets a business or tech report of a political event through,
and `[relevance] lead_events` lets through an article of any topic whose lead reports a violent or
coercive interaction with a state-security or armed actor ("Officer shoots man during traffic stop":
police as a participant make it an event by the definitions eventdesk codes; see `lead.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventdesk.records import Article
from eventdesk.relevance.genre import genre
from eventdesk.relevance.language import detect, too_little_text
from eventdesk.relevance.lead import reports_political_violence
from eventdesk.relevance.topic import IN_SCOPE, topic_probabilities

if TYPE_CHECKING:
    from eventdesk.resources import Resources

__all__ = ["judge", "in_scope", "relevance_of"]


def relevance_of(
    title: str, body: str, url: str | None = None, *, res: Resources
) -> tuple[str | None, dict[str, Any] | None]:
    """(language, relevance) of one text (see the module doc); the models are `res`'s
    (eventdesk.resources)."""
    text = (title + "\n\n" + body) if title else body
    lang, _ = detect(text, res)
    if lang != "en":
        return lang, None
    p = topic_probabilities(text, res.topic_model)
    if not p:
        return lang, {"topic": "other", "genre": genre(title, body, url), "score": 0.0}
    topic = max(p, key=p.__getitem__)
    score = round(sum(p.get(t, 0.0) for t in IN_SCOPE), 4)
    return lang, {"topic": topic, "genre": genre(title, body, url), "score": score}


def judge(articles: list[Article], config: dict[str, Any] | None = None, *, res: Resources) -> list[Article]:
    """Set `language` and `relevance` on every article of the batch that lacks them; returns them.
    `res`: the language and topic models (eventdesk.resources)."""
    for a in articles:
        if a.relevance is None and a.language is None:
            a.language, a.relevance = relevance_of(a.title, a.body, a.url, res=res)
    return articles


def in_scope(article: Article, config: dict[str, Any] | None = None, res: Resources | None = None) -> bool:
    """Whether events are coded from this article (see `[relevance]` in config.py). An article not
    judged yet is judged first, with `res`'s models (the pipeline judges every article it reads)."""
    from eventdesk.config import section

    cfg = section(config, "relevance")
    if not cfg["gate"]:
        return True
    if article.language is None and article.relevance is None:
        if res is not None:
            judge([article], config, res=res)
        elif not too_little_text((article.title + "\n\n" + article.body) if article.title else article.body):
            raise ValueError(f"article {article.id} is not judged yet: in_scope needs `res` to judge it")
        # else judged, and no language and no topic is what judging it gives: too little text to
        # tell (a few words, or bytes of a damaged file); the coder decides, as below
    langs = cfg["code_languages"]
    if article.language is not None and article.language not in langs:
        return False
    rel = article.relevance
    if rel is None:  # too little text to judge: let the coder decide
        return True
    if rel.get("topic") in cfg["code_topics"]:
        return True
    if float(rel.get("score") or 0.0) >= float(cfg["min_score"]):
        return True
    return bool(cfg["lead_events"]) and reports_political_violence(article.title, article.body)
