"""Split a page of blocks into articles: bylines, datelines, captions and the page's headlines.

A newspaper page, pulled out of a PDF, holds several pieces: articles that end with a byline
(`（据新华社）`, `（陈果静）`) or begin with one (`本报讯（记者吴琼）`, `又讯（记者…）`), photo captions
that end with a credit (`郭紫媛 摄`), and the headlines, often gathered at the end of the page.
Headlines are matched to bodies by the rare character pairs they share.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .normalize import CREDIT, Block, clean_line, ends_sentence

LEAD = re.compile(
    r"^(?P<lead>(?:本报讯|又讯)[（(](?:记者|通讯员)?\s*(?P<rep>[^）)]{1,20})[）)]"
    r"|(?P<src1>[\u4e00-\u9fff]{2,8}?社)[^，。,]{0,12}?[电電](?:\s*[（(][记記]者(?P<rep2>[^）)]{1,20})[）)])?"
    r"|(?P<src5>[\u4e00-\u9fff]{2,8}?(?:网|網|报|報|台|新闻|新聞))[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日[讯訊电電]"
    r"(?:\s*[（(][记記]者\s*(?P<rep5>[\u4e00-\u9fff]{2,4}?)(?:\s*[通通][讯訊]员[^）)]{0,12})?[）)])?"
    r"|【(?P<src2>[^】]{2,12}?社)?[^】]{0,16}電?电?】"
    r"|(?P<src3>[\u4e00-\u9fff]{2,6}网)消息(?:[（(][^）)]{1,12}[）)])?[：:]"
    r"|本报[^（(，。]{0,8}电(?:[（(]记者(?P<rep3>[^）)]{1,20})[）)])?"
    r"|(?P<src4>[\w\u4e00-\u9fff·]{2,12}?)记者(?P<rep4>[\u4e00-\u9fff]{2,3})[\u4e00-\u9fff]{0,4}?报道)\s*"
)
TRAIL = re.compile(r"(?<=[。！？!?”’」）)…])\s*[（(](?P<inner>[^（）()]{2,16}|作者[^（）()]{2,40})[）)]\s*$")
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
SOURCE_LINE = re.compile(r"^[（(]?(来源|來源|稿源|作者|记者|記者|文|编辑|編輯|责任编辑|責任編輯|责编)\s*[:：/|丨]\s*"
                         r"([\u4e00-\u9fffA-Za-z0-9·]{2,20})[）)]?$")


@dataclass
class Draft:
    """An article while it is being assembled."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    reporter: str | None = None
    dateline: str | None = None
    lead_cut: int = 0  # characters of byline to leave out at the start of the first paragraph
    tail_cut: int = 0  # characters of byline to leave out at the end of the last paragraph
    caption: bool = False
    byline: str | None = None

    @property
    def body(self) -> str:
        return "".join(b.text for b in self.blocks if not b.is_heading)


def _trailing_byline(text: str) -> tuple[int, str | None, str | None] | None:
    """(characters to cut, source, reporter) for a paragraph ending in `（据新华社）` or `（陈果静）`."""
    m = TRAIL.search(text)
    if not m:
        return None
    inner = m.group("inner").strip()
    cut = len(text) - m.start()
    if inner.startswith("据"):
        return cut, inner[1:].strip() or None, None
    m2 = re.match(r"^(?:记者|通讯员|文/|编辑|责任编辑[:：]?)\s*([\u4e00-\u9fff·、 ]{2,12})$", inner)
    if m2:
        return cut, None, m2.group(1).strip()
    if NAME.match(inner):
        return cut, None, inner
    if inner.startswith("作者"):
        return cut, None, None  # `（作者为某研究院院长）`: a note on the author, kept as the byline
    if inner in {"完", "全文完"}:
        return cut, None, None
    return None


def _lead(text: str) -> tuple[int, str | None, str | None, str | None] | None:
    """(characters to cut, source, reporter, dateline) for a paragraph opening with a dateline."""
    m = LEAD.match(text)
    if not m:
        return None
    src = m.group("src1") or m.group("src2") or m.group("src3") or m.group("src4") or m.group("src5")
    rep = m.group("rep") or m.group("rep2") or m.group("rep3") or m.group("rep4") or m.group("rep5")
    if m.group(0).startswith(("本报", "又讯")):
        src = src or "本报"
    lead = m.group(0).strip()
    return m.end(), src, (rep.strip() if rep else None), lead.rstrip("：:")


def _title_from(heads: list[Block]) -> tuple[str, list[Block]]:
    """The headline (a kicker ending in `——` or `：` joins the line after it) and the headings left."""
    title = ""
    i = 0
    while i < len(heads):
        title += heads[i].text
        i += 1
        if not title.endswith(("——", "：", ":", "—")):
            break
    title = re.sub(r"^【[^】]{2,30}】(?=.{6,})", "", title)  # a column tag such as 【新思想引领新征程】
    return title, heads[i:]


def _bigrams(text: str) -> set[str]:
    han = [c if "\u4e00" <= c <= "\u9fff" else " " for c in text]
    s = "".join(han)
    return {s[i:i + 2] for i in range(len(s) - 1) if " " not in s[i:i + 2]}


def _assign_headlines(blocks_units: list[list[str]], drafts: list[Draft]) -> None:
    """Give title-less drafts the headline lines that share the most (rare) character pairs."""
    if not blocks_units or not drafts:
        return
    grams = [_bigrams(d.body) for d in drafts]
    df: dict[str, int] = {}
    for g in grams:
        for b in g:
            df[b] = df.get(b, 0) + 1
    n = len(drafts)

    def score(text: str) -> tuple[float, int]:
        bg = _bigrams(text)
        if not bg:
            return 0.0, -1
        total = sum(math.log(1 + n / df.get(b, 0.5)) for b in bg)
        best, who = 0.0, -1
        for k, g in enumerate(grams):
            s = sum(math.log(1 + n / df[b]) for b in bg if b in g) / total
            if s > best:
                best, who = s, k
        return best, who

    def two_way(unit: str) -> list[str]:
        """A line holding two headlines run together splits where each half matches its own piece."""
        whole, _ = score(unit)
        best = None
        for p in range(4, len(unit) - 3):
            left, right = unit[:p], unit[p:]
            if left.count("“") != left.count("”") or left.count("《") != left.count("》"):
                continue
            (sl, wl), (sr, wr) = score(left), score(right)
            if wl != wr and wl >= 0 and wr >= 0 and min(sl, sr) > max(whole, 0.5):
                if best is None or min(sl, sr) > best[0]:
                    best = (min(sl, sr), [left, right])
        return best[1] if best else [unit]

    pieces: list[tuple[str, int]] = []
    for block in blocks_units:
        units: list[str] = []
        pending = ""  # a kicker (`走好AI时代这三步——`, `农行某支行：`) joins the line after it
        for unit in block:
            if CREDIT.match(unit):
                continue
            if unit.endswith(("——", "：", ":", "—")):
                pending += unit
                continue
            parts = two_way(unit)
            parts[0] = pending + parts[0]
            pending = ""
            units += parts
        if pending:
            units.append(pending)
        # Best partition of the block's lines into headlines (a split costs a little).
        k = len(units)
        best: list[tuple[float, list[tuple[str, int]]]] = [(0.0, [])] + [(-1e9, [])] * k
        for j in range(1, k + 1):
            for i in range(j):
                text = "".join(units[i:j])
                sc, who = score(text)
                val = best[i][0] + sc * len(text) - 2.0
                if val > best[j][0]:
                    best[j] = (val, best[i][1] + [(text, who if sc >= 0.3 else -1)])
        pieces += [pc for pc in best[k][1] if pc[1] >= 0]
    titles: dict[int, list[str]] = {}
    prev = None
    for text, who in pieces:
        if who in titles and prev != who:
            continue  # a second, separate headline for the same piece: keep the first
        titles.setdefault(who, []).append(text)
        prev = who
    for who, parts in titles.items():
        d = drafts[who]
        if d.title is None:
            d.title = "".join(parts)


def split_articles(blocks: tuple[Block, ...]) -> list[Draft]:
    """Group blocks into articles; captions come back marked `caption=True`."""
    drafts: list[Draft] = []
    cur = Draft()
    pending_heads: list[Block] = []

    def close() -> None:
        nonlocal cur
        if any(not b.is_heading for b in cur.blocks):
            drafts.append(cur)
        cur = Draft()

    for idx, b in enumerate(blocks):
        meta = SOURCE_LINE.match(b.text)
        if meta:  # 来源：澎湃新闻 / 作者：张三 on a line of its own: who published or wrote it, not a heading
            if meta.group(1) in ("来源", "來源", "稿源"):
                cur.source = cur.source or meta.group(2)
            elif meta.group(1) in ("作者", "记者", "記者", "文"):
                cur.reporter = cur.reporter or meta.group(2)
            continue
        if CREDIT.match(b.text):
            # The paragraph just before a photo credit is its caption, not part of the article; a web page's
            # `图片来源：X` stands under an image that has no caption, after an ordinary paragraph.
            if "来源" not in b.text and "來源" not in b.text and "图源" not in b.text and "圖源" not in b.text \
                    and cur.blocks and not cur.blocks[-1].is_heading and len(cur.blocks[-1].text) < 200 \
                    and ends_sentence(cur.blocks[-1].text):
                cap = cur.blocks.pop()
                heads = []
                while cur.blocks and cur.blocks[-1].is_heading:
                    heads.insert(0, cur.blocks.pop())
                close()
                drafts.append(Draft(blocks=heads + [cap], caption=True))
            continue
        if b.is_heading and cur.blocks and any(not x.is_heading for x in cur.blocks):
            alone = _trailing_byline("。" + b.text)  # `（据新华社）` on a line of its own
            if alone and alone[0] == len(b.text):
                cur.byline = b.text
                cur.source = cur.source or alone[1]
                cur.reporter = cur.reporter or alone[2]
                cur.blocks.append(Block(b.text, True, b.lines))
                cur.tail_cut = -1  # marks the byline block for the pipeline to leave out
                close()
                continue
        if b.is_heading:
            if not any(not x.is_heading for x in cur.blocks):
                pending_heads.append(b)
            else:
                cur.blocks.append(b)
            continue
        lead = _lead(b.text)
        if lead:
            close()
            cur.lead_cut, cur.source, cur.reporter, cur.dateline = lead
            cur.byline = cur.dateline
        if pending_heads:
            if not any(not x.is_heading for x in cur.blocks):
                cur.title, rest = _title_from(pending_heads)
                cur.blocks.extend(rest)  # a subtitle or an author line stays, as a heading
            pending_heads = []
        cur.blocks.append(b)
        trail = _trailing_byline(b.text)
        if trail:
            cur.tail_cut, src, rep = trail
            cur.byline = b.text[len(b.text) - cur.tail_cut:].strip()
            cur.source = cur.source or src
            cur.reporter = cur.reporter or rep
            close()
    trailing: list[Block] = []
    while cur.blocks and cur.blocks[-1].is_heading:
        trailing.insert(0, cur.blocks.pop())
    pending_heads = trailing + pending_heads
    close()
    # Headline blocks left at the end of a page belong to the pieces above them.
    if pending_heads:
        body_drafts = [d for d in drafts if d.title is None]
        units = [[clean_line(line) for h in pending_heads for line in h.lines]]
        if len(drafts) > 1 or not drafts:
            _assign_headlines(units, body_drafts)
        # A single article's trailing lines without a sentence are no headline: leave them out.
    return drafts
