"""Plain-text news dumps -> articles (headline once, captions once each, body paragraphs).

The dumps are renderings of news pages: several articles per file, each headline and photo
caption printed twice (sometimes with a leading space), page furniture between them (`TT`, a bare
counter such as `20`, share/print/font-size widgets). The shape is read from the text itself:

* blocks are runs of non-blank lines; the blank-line gap before each block is kept;
* an article starts at the top of the file, after a gap wider than the usual paragraph gap, or
  at a headline-like line that is printed again a few blocks later (the page's double headline);
* inside an article, the header zone (before the first body paragraph) holds the title, its
  repeat, furniture and captions: lines printed twice, or lines that carry photo-credit marks.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from eventdesk.records import normalise
from eventdesk.text.headlines import headline_like

# Whole lines that are page furniture, never content.
_FURNITURE = re.compile(
    r"""^(?:
        TT | \d{1,4} | [AaTt][+-]?(?:\s*[AaTt][+-]?){1,3}     # counters, font-size widgets (A A, A+ A-)
      | share(?:\s+(?:this|on\s+\w+))? | print | email | e-mail | tweet | facebook | twitter | whatsapp
      | telegram | linkedin | copy\s+link | font\s+size | text\s+size | advertisement | sponsored
      | read\s+more | related(?:\s+articles?)? | comments?
    )[\s:|·•]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Marks of a photo caption or credit line.
_CAPTION_MARK = re.compile(
    r"""(?:\bFILE\s+PHOTO\b | \bphoto\b | \bREUTERS/ | \(AP\b | \bAP\s+Photo\b | \bvia\s+AP\b | \bAFP\b
        | Getty\s+Images | \bEPA\b | \bcredit: | ©  | \bpictured\b | \(.*(?:page|office|handout|agency|photo).*\)\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)
# Character references left in text rendered from HTML (`pass&#233;`, `&amp;`, `&rsquo;`). Only
# complete ones (ending in ';') are decoded: HTML5 would also decode "&not" inside "&nothing".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SENT_END = re.compile(r"[.!?…:;,。！？；，]['\"’”」』)]*$")  # Latin and CJK full-width sentence ends


@dataclass
class Block:
    gap: int  # blank lines before this block
    lines: list[str]


@dataclass
class DumpArticle:
    title: str
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line.strip()))


def decode_entities(text: str) -> str:
    """`pass&#233;` -> `passé`; an unknown name (`&foo;`) stays as written."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


def _blocks(text: str) -> list[Block]:
    text = decode_entities(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    blocks: list[Block] = []
    gap = 0
    cur: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if cur:
                blocks.append(Block(gap, cur))
                cur, gap = [], 0
            gap += 1
            continue
        cur.append(" ".join(line.split()))
    if cur:
        blocks.append(Block(gap, cur))
    return blocks


def _header_only(blocks: list[Block], window: Counter) -> bool:
    """Blocks between a headline and its repeat hold only captions and furniture."""
    for b in blocks:
        for ln in b.lines:
            if not (is_furniture(ln) or _CAPTION_MARK.search(ln) or window[normalise(ln)] > 1):
                return False
    return True


def _article_starts(blocks: list[Block]) -> list[int]:
    """Indexes of the blocks that open an article."""
    if not blocks:
        return []
    starts = {0}
    gaps = [b.gap for b in blocks[1:]]
    para_gap = Counter(gaps).most_common(1)[0][0] if gaps else 1
    lookahead = 8
    repeat_of: set[int] = set()  # blocks that repeat a headline: never a start
    for i, b in enumerate(blocks):
        first = b.lines[0]
        if i in repeat_of or is_furniture(first) or not headline_like(first) or _CAPTION_MARK.search(first):
            continue
        key = normalise(first)
        if any(normalise(ln) == key for ln in b.lines[1:]):  # printed twice in a row: a caption
            continue
        end = min(len(blocks), i + 1 + lookahead)
        for j in range(i + 1, end):
            if normalise(blocks[j].lines[0]) == key:
                window = Counter(normalise(ln) for bb in blocks[i:end] for ln in bb.lines)
                if _header_only(blocks[i + 1 : j], window):
                    repeat_of.add(j)
                    if i > 0:
                        starts.add(i)
                break
    for i, b in enumerate(blocks[1:], start=1):
        if i in repeat_of:
            continue
        # A wider gap than between paragraphs, before a headline-like line, opens a new article.
        solo = sum(not is_furniture(ln) for ln in b.lines) == 1
        if (
            b.gap >= max(2, para_gap + 1)
            and solo
            and headline_like(b.lines[0])
            and not is_furniture(b.lines[0])
        ):
            prev = blocks[i - 1].lines[-1]
            if _SENT_END.search(prev) or is_furniture(prev) or b.gap >= para_gap + 2:
                starts.add(i)
    return sorted(starts)


def _parse_article(blocks: list[Block]) -> DumpArticle | None:
    lines = [ln for b in blocks for ln in b.lines]
    title = next((ln for ln in lines if not is_furniture(ln)), None)
    if title is None:
        return None
    tkey = normalise(title)
    counts = Counter(normalise(ln) for ln in lines)
    art = DumpArticle(title=title)
    seen_caps: set[str] = set()
    seen_paras: set[str] = set()
    in_header = True
    title_seen = False
    for b in blocks:
        para: list[str] = []
        for ln in b.lines:
            key = normalise(ln)
            if is_furniture(ln):
                continue
            if key == tkey and (in_header or not title_seen):
                title_seen = True
                continue
            repeated = counts[key] > 1
            if in_header and (repeated or _CAPTION_MARK.search(ln)):
                if key not in seen_caps:
                    seen_caps.add(key)
                    art.captions.append(ln)
                continue
            if key in seen_caps:  # a caption printed again further down the page
                continue
            para.append(ln)
        if para:
            text = " ".join(para)
            k = normalise(text)
            if k not in seen_paras:  # the same paragraph printed twice is furniture too
                seen_paras.add(k)
                art.paragraphs.append(text)
            in_header = False
    if not art.paragraphs:
        return None
    return art


def split_dump(text: str) -> list[DumpArticle]:
    """All articles of a text dump, in file order (an article with no body is dropped)."""
    blocks = _blocks(text)
    starts = _article_starts(blocks)
    out: list[DumpArticle] = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        art = _parse_article(blocks[s:e])
        if art is not None:
            out.append(art)
    return out
