"""Settings of near-duplicate and story detection ([dedup] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting("dedup.num_perm", 128, "MinHash permutations per article.", min=1),
    Setting(
        "dedup.bands",
        32,
        "LSH bands (rows per band = num_perm / bands): with 32 bands of 4 rows, articles become "
        "candidates from a Jaccard similarity of about 0.4.",
        min=1,
    ),
    Setting("dedup.shingle", 5, "Word n-gram size of the shingles compared.", min=1),
    Setting(
        "dedup.near_duplicate_jaccard",
        0.8,
        "Estimated Jaccard similarity from which an article is the same text with minor edits: it "
        "gets duplicate_of.",
        min=0,
        max=1,
    ),
    Setting(
        "dedup.story_containment",
        0.6,
        "Estimated containment from which two articles are rewrites of one report: they share a story_id.",
        min=0,
        max=1,
    ),
]
