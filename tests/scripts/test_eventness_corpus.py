"""The training articles of the eventness model leave out the realnews articles and other versions
of their stories (scripts/eventness_corpus.py); texts written here."""

from __future__ import annotations

from tests.support.scripts import load_script

corpus = load_script("eventness_corpus")

EVAL = (
    "Rebel fighters captured the northern town of Kafr Halab after two days of heavy fighting on Sunday. "
    "The regional governor said at least twelve soldiers had been killed in the assault on the garrison. "
    "Aid agencies said thousands of families had fled towards the border."
)


def _exclusions() -> tuple[set[str], set[str], set[str]]:
    return {"guardian_isis.jsonl#guardian-1"}, {corpus._norm(EVAL)}, corpus._sentences(EVAL)


def test_the_evaluation_article_itself_is_left_out():
    ex = _exclusions()
    assert corpus.excluded("guardian_isis.jsonl#guardian-1", "any text", ex)
    assert corpus.excluded("bbc/politics/001.txt", EVAL, ex)


def test_another_version_of_the_story_is_left_out():
    # an update a day later: a new lead, two sentences kept word for word
    update = (
        "The army began a counter-offensive to retake Kafr Halab on Monday, state media said. "
        "The regional governor said at least twelve soldiers had been killed in the assault on the garrison. "
        "Aid agencies said thousands of families had fled towards the border."
    )
    assert corpus.excluded("guardian_isis.jsonl#guardian-2", update, _exclusions())


def test_an_article_sharing_one_sentence_or_boilerplate_stays():
    other = (
        "Parliament voted on Tuesday to extend the state of emergency by three months. "
        "Aid agencies said thousands of families had fled towards the border. "
        "Sign up to our newsletter."
    )
    assert not corpus.excluded("guardian_isis.jsonl#guardian-3", other, _exclusions())
