"""Exact duplicates, near-duplicates and story clusters."""

from __future__ import annotations

from eventdesk.dedup import MemoryIndex, containment, dedup, shingles, signature
from eventdesk.records import Article

BODY = (
    "Security forces launched a large operation on Tuesday against militants in the north of the country, "
    "the interior ministry said in a statement. The operation involves army units, police and local "
    "volunteers, and is backed by air support, officials said. Residents reported heavy gunfire overnight "
    "in several villages near the border, and some families fled to the provincial capital. The ministry "
    "said the campaign would continue until the area was cleared of fighters and their weapons caches."
)
OTHER = (
    "The central bank kept its main interest rate unchanged on Wednesday, citing slowing inflation and "
    "weak growth in manufacturing. Analysts had expected the decision after last month's figures showed "
    "consumer prices rising at the slowest pace in two years. The bank said it would watch energy prices "
    "closely and was ready to act if the outlook changed, according to the statement."
)


def test_same_text_same_id_whatever_the_typography():
    a = Article(title="Army \u2018launches\u2019 operation", body=BODY)
    b = Article(title="Army 'launches'  operation", body=BODY.replace(". ", ".  ").upper())
    assert a.id == b.id


def test_near_duplicate_and_story_and_unrelated():
    idx = MemoryIndex()
    orig = Article(title="Army launches operation in north", body=BODY)
    rehead = Article(
        title="Militants targeted in northern offensive", body=BODY.replace("Tuesday", "Tuesday night")
    )
    # a rewrite: the wire text cut down and topped with a new lead paragraph
    rewrite = Article(
        title="Offensive in the north",
        body=(
            "A new offensive began this week, with thousands of troops deployed.\n\n"
            + BODY[: len(BODY) * 3 // 4]
        ),
    )
    other = Article(title="Bank holds rates", body=OTHER)
    dedup([orig, rehead, rewrite, other], idx)
    story = min(orig.id, rehead.id, rewrite.id)  # a story is named by its smallest article id
    stories = {a.id: idx.article_cluster(a.id)[1] for a in (orig, rehead, rewrite)}
    assert orig.duplicate_of is None and stories[orig.id] == story
    assert rehead.duplicate_of == orig.id and stories[rehead.id] == story
    assert rewrite.duplicate_of is None and stories[rewrite.id] == story
    assert other.duplicate_of is None and other.story_id == other.id


def test_containment_estimate():
    a = shingles(BODY)
    b = shingles(BODY[: len(BODY) // 2])
    sa = signature(Article(title="", body=BODY))
    sb = signature(Article(title="", body=BODY[: len(BODY) // 2]))
    j = float((sa.hashvalues == sb.hashvalues).mean())
    assert containment(j, len(a), len(b)) > 0.8  # the half is inside the whole


def test_signatures_are_stable_across_runs():
    s1 = signature(Article(title="t", body=BODY))
    s2 = signature(Article(title="t", body=BODY))
    assert s1.to_bytes() == s2.to_bytes() and s1.bands == s2.bands
