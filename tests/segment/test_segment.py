"""Dump segmentation on the seeds and on dumps we write in the same style."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.records import normalise
from eventdesk.segment import split_dump
from tests.conftest import EXAMPLES
from tests.support.budget import scaled

KIRKUK = "Iraq Launches Operation to Purge ISIS Remnants in Kirkuk"


def seed(name: str) -> str:
    return next(EXAMPLES.glob(name + "*.txt")).read_text(encoding="utf-8")


def test_seed_000_two_articles_clean():
    arts = split_dump(seed("000"))
    assert [a.title for a in arts] == [KIRKUK, "Sudan Army, RSF Trade Blames for Fires at Khartoum Refinery"]
    kirkuk, sudan = arts
    assert len(kirkuk.captions) == 1 and kirkuk.captions[0].startswith(
        "Iraqi Prime Minister Mustafa al-Kadhimi visits"
    )
    assert len(kirkuk.paragraphs) == 13
    assert kirkuk.paragraphs[0].startswith("Iraqi Prime Minister Mustafa al-Kadhimi announced Tuesday")
    assert kirkuk.paragraphs[-1].endswith("among Kirkuk factions and parties, he added.")
    assert sudan.captions == [
        "FILE PHOTO: Plumes of smoke rise during clashes between the Rapid Support Forces and "
        "the army in Khartoum, Sudan, September 26, 2024. REUTERS/Stringer/File Photo"
    ]
    assert len(sudan.paragraphs) == 7
    for a in arts:
        assert all(p not in ("TT", "20") for p in a.paragraphs)
        assert a.title not in a.paragraphs


def test_seed_003_leading_space_caption_and_counter():
    arts = split_dump(seed("003"))
    assert [a.title for a in arts] == [KIRKUK, "Iran Seeks to Turn \u2018New Page\u2019 in Ties with Lebanon"]
    iran = arts[1]
    assert len(iran.captions) == 1  # printed twice, once with a leading space
    assert iran.captions[0].endswith("(Lebanese Presidency press office via AP)")
    assert len(iran.paragraphs) == 11
    # the same Kirkuk article in both files segments to the same text
    assert normalise("\n".join(arts[0].paragraphs)) == normalise(
        "\n".join(split_dump(seed("000"))[0].paragraphs)
    )


def make_dump(
    articles: list[tuple[str, str | None, list[str]]],
    nl: str = "\n",
    para_gap: int = 1,
    art_gap: int = 3,
    furniture: bool = True,
    double: bool = True,
) -> str:
    """A dump in the seed style: headline, captions twice, furniture, headline again, captions, body."""
    out: list[str] = []
    blank = [""] * para_gap
    for n, (title, caption, paras) in enumerate(articles):
        if n:
            out += [""] * art_gap
        out.append(title)
        out += blank
        if caption:
            out += [caption, " " + caption] if double else [caption]
        if furniture:
            out += ["TT", str(10 + n)]
        if double:
            out += blank + [title] + blank
            if caption:
                out += [caption, caption]
        out += blank
        for i, p in enumerate(paras):
            if i:
                out += blank
            out.append(p)
    return nl.join(out) + nl


ARTS = [
    (
        "Protesters Rally in Capital Over Fuel Prices",
        "Demonstrators march in the capital on Monday. (AP Photo/Staff)",
        [
            "Thousands of protesters marched through the capital on Monday to denounce a rise in fuel prices.",
            "Police fired tear gas to disperse the crowd near parliament, witnesses said.",
            "The government said the price rise was needed to cut the budget deficit.",
        ],
    ),
    (
        "Ministers Meet to Discuss Border Crossing",
        None,
        [
            "Foreign ministers of the two countries met on Sunday to discuss reopening the border crossing.",
            "The talks ended without an agreement, officials said.",
        ],
    ),
    (
        "Flooding Displaces Thousands in River Valley",
        "A flooded street in the valley. REUTERS/Photographer",
        [
            "Heavy rains caused the river to burst its banks on Friday.",
            "Aid agencies said thousands of families had been displaced.",
            "Rescue teams were still searching for missing people.",
            "The weather service forecast more rain this week.",
        ],
    ),
]


def check(arts, expected):
    assert [a.title for a in arts] == [t for t, _, _ in expected]
    for a, (_, cap, paras) in zip(arts, expected, strict=True):
        assert a.paragraphs == paras
        assert a.captions == ([cap] if cap else [])


def test_one_to_n_articles_all_styles():
    for n in range(1, 4):
        for nl in ("\n", "\r\n"):
            for para_gap, art_gap in ((1, 3), (2, 4), (1, 2)):
                for furniture in (True, False):
                    text = make_dump(ARTS[:n], nl=nl, para_gap=para_gap, art_gap=art_gap, furniture=furniture)
                    check(split_dump(text), ARTS[:n])


def test_single_printed_headline_and_caption_split_by_gap():
    text = make_dump(ARTS, double=False, furniture=False, art_gap=3)
    check(split_dump(text), ARTS)


def test_plain_single_article_file_like_bbc():
    text = "Title of a plain story\n\nFirst paragraph here.\n\nSecond paragraph.\n\n\n- a bullet list item\n- another\n"
    arts = split_dump(text)
    assert len(arts) == 1 and arts[0].title == "Title of a plain story"
    assert arts[0].paragraphs[0] == "First paragraph here."


def test_share_widgets_and_duplicate_paragraphs_removed():
    text = (
        "Headline About Talks\n\nShare\nPrint\nA A\n\nHeadline About Talks\n\n"
        "The first paragraph says something.\n\nA second one.\n\nA second one.\n\n12\n\nThe end.\n"
    )
    (a,) = split_dump(text)
    assert a.paragraphs == ["The first paragraph says something.", "A second one.", "The end."]


def test_repeated_short_lines_inside_a_body_do_not_split_it():
    text = (
        "Cup Draw Announced\n\nThe draw for the next round was made on Monday.\n\n"
        "Team A v Team B\n\nWinners meet in final match\n\nTeam C v Team D\n\nWinners meet in final match\n\n"
        "The matches will be played in March.\n"
    )
    assert len(split_dump(text)) == 1


@settings(max_examples=scaled(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(list("ab TT20\n\r\t.,'\u2019-") + ["Word ", "Title\n", "\n\n\n", "\u00a0"]),
        max_size=200,
    ).map("".join)
    | st.text(max_size=300)
)
def test_segmenter_never_fails(text):
    for a in split_dump(text):
        assert a.title and a.paragraphs


def test_dump_in_scripts_without_letter_case_splits_at_headlines():
    # Chinese and Arabic have no capitals: a headline after a wide gap still opens an article.
    zh = "中国新闻标题\n\n" + "".join(
        f"政府军周{i}在北部城镇附近与叛军发生冲突，至少{i}人丧生。\n\n" for i in range(1, 4)
    )
    zh += "\n\n第二条新闻标题\n\n" + "".join(
        f"抗议者周{i}在首都集会，要求政府下台。\n\n" for i in range(1, 3)
    )
    assert [(a.title, len(a.paragraphs)) for a in split_dump(zh)] == [
        ("中国新闻标题", 3),
        ("第二条新闻标题", 2),
    ]
    ar = "عنوان الخبر الأول\n\n" + "".join(f"قالت الحكومة إن {i} أشخاص قتلوا.\n\n" for i in range(1, 3))
    ar += "\n\nعنوان الخبر الثاني\n\n" + "تظاهر المئات في العاصمة.\n\n"
    assert [a.title for a in split_dump(ar)] == ["عنوان الخبر الأول", "عنوان الخبر الثاني"]


def test_date_hints_from_captions_and_dateline():
    from eventdesk.records import Document
    from eventdesk.segment import segment_document

    def hints(caption: str) -> list[str]:
        text = (
            "Talks Resume in Geneva After Two-Week Pause\n\n"
            f"{caption}\n\n"
            "GENEVA, March 4, 2025 - Delegations met again on Tuesday after a pause of two weeks.\n\n"
            "Mediators said the next round would start on Friday.\n"
        )
        [art] = segment_document(Document("t.txt", "dump", text))
        return art.date_hints

    # The dateline dates the report; a caption's own date is a hint too, unless it is a FILE PHOTO's.
    assert hints("Delegates arrive at the UN office in Geneva, March 3, 2025. (AP Photo)") == [
        "2025-03-03",
        "2025-03-04",
    ]
    assert hints("FILE PHOTO: The UN office in Geneva, May 2, 2019. REUTERS/File Photo") == ["2025-03-04"]
