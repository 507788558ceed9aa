"""Undo the damage PDF extraction does to Chinese text, and cut it into blocks.

A block is a paragraph or a heading (a short line without sentence-ending punctuation). The
normalized text is the blocks' texts, one block a line, so normalizing it again changes nothing.

Style rule, applied everywhere: no space next to a CJK character or CJK punctuation
(`76 秒` → `76秒`, `AI 技术` → `AI技术`, `Sora 以及` → `Sora以及`); single spaces stay only
between Latin letters and digits (`Golden Gate`).
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Han, CJK punctuation, full-width forms and the quotes/dashes Chinese text uses.
CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002ffff“”‘’…—·《》「」『』【】〔〕"
_SPACE_BEFORE_CJK = re.compile(rf" +(?=[{CJK}])")
_SPACE_AFTER_CJK = re.compile(rf"(?<=[{CJK}]) +")
_MULTI_SPACE = re.compile(r" {2,}")
_HEADLINE_GAP = re.compile(r"(?<=[\u4e00-\u9fff]{2}) (?=[\u4e00-\u9fff]{3})")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACED_CJK = re.compile(r"[\u4e00-\u9fff，。、“”] +[\u4e00-\u9fff，。、“”]")
_CONTINUES = "，。、；：！？”’」』）)》,.;:!?"  # a line starting with these continues the line before
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+\S")
_LATEX = re.compile(r"\$([^$\n]{1,40})\$")

SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』）)】〕》\"'"
# A paragraph may not end on these: the line break after them is a hard wrap.
NEVER_ENDS = "，、；：（(“‘「『《【,;"
START_MARKER = re.compile(
    r"^(?:本报讯|又讯|本报[^（(]{0,8}电|[^，。]{0,12}?新华社[^，。]{0,10}?电|【[^】]{2,20}】|\S{0,10}(?:日|消息)（[^）]{1,20}）：)")
CREDIT = re.compile(r"^(?:[\u4e00-\u9fff·]{2,5}(?:[ 、][\u4e00-\u9fff·]{2,5})*\s*摄|(?:新华社|本报|人民网)[^。，]{0,4}发?\s*[\u4e00-\u9fff· ]{0,12}(?:制图|摄|作)|[（(]?(?:图片来源|圖片來源|图源|圖源)[:：].{0,20})$")
_TRAILING_BYLINE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


@dataclass(frozen=True)
class Block:
    """A paragraph or a heading, with the source lines it was made of (headlines are matched by line)."""

    text: str
    is_heading: bool
    lines: tuple[str, ...]


def width(line: str) -> float:
    """Printed width in CJK cells: Latin letters and digits are about half a cell."""
    return sum(0.55 if ord(ch) < 0x2000 and ch not in "“”‘’" else 1.0 for ch in line)


def _fullwidth_alnum(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch) if "\uff10" <= ch <= "\uff5a" and ch.isalnum() else ch
                   for ch in text)


def _latex(match: re.Match[str]) -> str:
    body = match.group(1)
    circled = re.fullmatch(r"\s*\\textcircled\{(\d{1,2})\}\s*", body)
    if circled:
        n = int(circled.group(1))
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else circled.group(1)
    plain = re.sub(r"\\([%&$#_])", r"\1", body)
    plain = re.sub(r"\\[a-zA-Z]+\{([^}]*)\}", r"\1", plain)
    if "\\" in plain or "^" in plain:
        return match.group(0)
    return plain.replace(" ", "")


def _ascii_punct(line: str) -> str:
    """Half-width , ; : ? ! ( ) next to Chinese become full-width, as Chinese typesetting has them."""
    line = re.sub(r"(?<=[\u4e00-\u9fff”」）])\s*,\s*(?!\d{3})", "，", line)
    line = re.sub(r"(?<=[\u4e00-\u9fff”」）]),(?=\d{3})", "，", line)  # 了,100 is a list, not 1,000
    line = re.sub(r"(?<=[\u4e00-\u9fff”」）])\s*;\s*", "；", line)
    line = re.sub(r"(?<=[%\w])[;,](?=[\u4e00-\u9fff])", lambda m: "；" if m.group(0) == ";" else "，", line)
    line = re.sub(r"(?<=[\u4e00-\u9fff”」）])\s*:\s*(?!//)", "：", line)
    line = re.sub(r"(?<=[\u4e00-\u9fff])\s*\?", "？", line)
    line = re.sub(r"(?<=[\u4e00-\u9fff])\s*!", "！", line)
    line = re.sub(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)", r"（\1）", line)
    return line


def _unspace(line: str) -> str:
    """`2 0 1 7 年 A I` → `2017年AI`: a line whose every character is spaced out loses those spaces;
    a wider gap (an original space, spaced out too) stays a single space."""
    core = line.strip()
    if len(core) < 7:
        return line
    odd = core[1::2]
    if sum(1 for c in odd if c == " ") < 0.8 * len(odd):
        return line
    return re.sub(r" {2,}", "\x00", core).replace(" ", "").replace("\x00", " ")


_NUMBER_GAP = re.compile(r"(?<=\d) (?=[\d.%％]|[A-Z](?![A-Za-z]))|(?<=\d[.．]) (?=\d)")


_QUESTION_HEADLINE = re.compile(r"^(?=[^。；]*[？！?!])[^。；]{4,40}$")


def _question_headline(lines: list[str]) -> bool:
    """李斌到底经历了什么？ / 0月租、无限流量？中国广电辟谣 over a longer body: a headline may ask or exclaim."""
    return len(lines) > 1 and bool(_QUESTION_HEADLINE.match(lines[0])) and lines[0][-1] not in "，,、" \
        and sum(width(x) for x in lines[1:]) > 2 * width(lines[0]) and not _QUESTION_HEADLINE.match(lines[1])


def clean_line(line: str) -> str:
    """One line: invisible characters out, full-width letters to ASCII, spaces by the style rule."""
    line = line.translate(_INVISIBLE)
    line = "".join(" " if (unicodedata.category(ch) == "Zs" or ch == "\t") else ch for ch in line)
    line = _unspace(line)
    line = _fullwidth_alnum(line)
    line = _LATEX.sub(_latex, line)
    line = line.strip()
    line = re.sub(r"^#{1,6}\s+", "", line)  # Markdown headings from PDF-to-Markdown converters
    line = _ascii_punct(line)
    line = _MULTI_SPACE.sub(" ", line)
    if len(line) <= 40 and not re.search(r"[。！？；，,;!?]", line) and line.count(" ") <= 2:
        # a headline's two phrases (三大指数早盘集体上涨 贵金属板块领涨): keep the gap, as an ideographic space
        line = _HEADLINE_GAP.sub("\u3000", line)
    line = _SPACE_BEFORE_CJK.sub("", line)
    line = _SPACE_AFTER_CJK.sub("", line)
    if _HAN.search(line):
        line = _NUMBER_GAP.sub("", line)  # PDF debris inside a figure: 20 25年, 31.6 5万亿元, 300 %, 5 G
    return line.strip()


def ends_sentence(line: str) -> bool:
    """Whether the line ends a sentence (a trailing byline such as `（据新华社）` is looked through)."""
    line = _TRAILING_BYLINE.sub("", line).rstrip()
    line = line.rstrip(CLOSERS)
    return bool(line) and (line[-1] in SENTENCE_END or line.endswith("……"))


def _has_sentence_end(line: str) -> bool:
    return any(ch in "。！？!?" for ch in line)


@lru_cache(maxsize=1)
def _word_tokenizer():  # noqa: ANN202 - a jieba.Tokenizer; loaded only when a break is ambiguous
    from .segment import tokenizer

    return tokenizer()


def _continues(line: str) -> bool:
    """Whether a line opens with a verb, adverb or connective: the rest of a sentence, not a new paragraph."""
    from .segment import tokens

    first = tokens(line[:8])[:1]
    return bool(first) and first[0].pos.startswith(("v", "d", "c", "p", "u")) and first[0].pos != "vn"


def word_split(left: str, right: str) -> bool:
    """Whether a dictionary word runs across the break between two lines (`研究中|心主任`)."""
    if not left or not right or not _HAN.match(left[-1]) or not _HAN.match(right[0]):
        return False
    tail, head = left[-6:], right[:6]
    pos = 0
    for tok in _word_tokenizer().cut(tail + head, HMM=False):
        end = pos + len(tok)
        if pos < len(tail) < end and len(tok) >= 2:
            return True
        pos = end
    return False


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and re.match(r"[A-Z]", line) and re.search(r"[a-z.,;:]$", out):
            out += " "  # `Golden` / `Gate`; but `A` / `I` and `20` / `24` were cut mid-word
        out += line
    return clean_line(out)


def _heading_like(line: str) -> bool:
    return (len(line) <= 80 and not _has_sentence_end(line) and not ends_sentence(line)
            and (line[-1] not in NEVER_ENDS or (line[-1] in "：:" and len(line) <= 16)))


def _line_mode(lines: list[str]) -> bool:
    """One paragraph or heading a line already (as normalized text, or a web page's copy)?"""
    ends = sum(1 for s in lines if ends_sentence(s))
    return ends >= 0.5 * len(lines) and all(
        ends_sentence(s) or (_heading_like(s) and not (i + 1 < len(lines) and word_split(s, lines[i + 1])))
        for i, s in enumerate(lines))


def blocks(raw: str) -> tuple[Block, ...]:
    """Cut raw text into paragraphs and headings, joining hard-wrapped lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines: list[str] = []
    gaps_before: list[int] = []
    marked: set[int] = set()  # Markdown `# heading` lines from PDF-to-Markdown converters
    hard: set[int] = set()
    blank = 0
    for rawline in text.split("\n"):
        line = clean_line(rawline)
        if not line:
            blank += 1
            continue
        if _MD_HEADING.match(rawline.lstrip("\ufeff")):
            marked.add(len(lines))
        if rawline.endswith("  ") and len(rawline.strip()) > 1 and not _SPACED_CJK.search(rawline):
            hard.add(len(lines))  # Markdown's hard line break: the converter saw a line end here
        lines.append(line)
        gaps_before.append(blank if lines[:-1] else 1)
        blank = 0
    n = len(lines)
    if not n:
        return ()
    if _line_mode(lines) and not marked:
        first = _question_headline(lines)
        return tuple(Block(s, _heading_like(s) or (k == 0 and first), (s,)) for k, s in enumerate(lines))
    gaps_after = gaps_before[1:] + [1]
    inner = gaps_before[1:]
    blank_meaningful = bool(inner) and sum(1 for g in inner if g) / len(inner) < 0.5
    widths = [width(s) for s in lines]
    local = [statistics.median(widths[max(0, i - 3): i + 4]) for i in range(n)]

    def regular(i: int) -> bool:
        """Do the wrapped lines around i share one column width (so a short line means something)?"""
        ws = [widths[j] for j in range(max(0, i - 6), min(n, i + 7)) if j != i and not ends_sentence(lines[j])]
        if len(ws) < 4:
            return True
        med = statistics.median(ws)
        return sum(1 for w in ws if abs(w - med) <= max(1.5, 0.1 * med)) >= 0.6 * len(ws)

    def para_mode(i: int) -> bool:
        return widths[i] >= 36 or local[i] >= 36

    def starts_new(i: int) -> bool:
        return bool(START_MARKER.match(lines[i]) or CREDIT.match(lines[i]))

    def heading_end(i: int) -> int | None:
        """If a heading starts at line i, the index of its last line."""
        if i in marked:
            return i
        if i == 0 and _question_headline(lines):
            return 0
        total = 0.0
        for j in range(i, min(n, i + 3)):
            s = lines[j]
            kicker = s[-1] in "：:" and j == i and blank_meaningful and gaps_before[i] and gaps_after[i] \
                and widths[i] <= 16  # `农行某支行：` over a headline
            if j > i and j in marked:
                return None
            if _has_sentence_end(s) or "；" in s or (s[-1] in NEVER_ENDS and not kicker) or starts_new(j) and j > i:
                return None
            if j > i and widths[j] >= 0.8 * local[j] and not para_mode(j):
                return None  # a heading wraps onto a short second line, never a full one
            if "，" in s and j + 1 < n and not gaps_after[j] and _continues(lines[j + 1]):
                return None  # 同时需要看到，人工智能|带来…: a clause running on, not a subheading
            total += widths[j]
            if total > 60 or (j > i and total > 1.7 * local[j] and not para_mode(j)):
                return None
            last = j == n - 1
            nxt_split = not last and (word_split(s, lines[j + 1]) or lines[j + 1][0] in _CONTINUES)
            if nxt_split:
                continue
            if last or (j + 1 < n and starts_new(j + 1)):
                return j
            if para_mode(j) and j == i:
                return j
            if blank_meaningful and gaps_after[j] and (j > i or gaps_before[i]) \
                    and (widths[j] < 0.95 * local[j] or para_mode(j) or j == i):
                return j
            if widths[j] < 0.8 * local[j] and not para_mode(j) and regular(j):
                return j
            if j == i and gaps_after[j] and blank_meaningful is False and widths[j] < 0.9 * local[j] \
                    and (j + 1 < n and (widths[j + 1] >= 0.8 * local[j + 1])):
                # A short line standing alone before a full one opens a new paragraph.
                continue
        return None

    def break_after(k: int) -> bool:
        if k < n - 1 and lines[k + 1][0] in _CONTINUES and k + 1 not in marked:
            return False
        if k == n - 1 or starts_new(k + 1) or CREDIT.match(lines[k]) or k + 1 in marked or k in hard:
            return True
        s = lines[k]
        if ends_sentence(s):
            if para_mode(k) or widths[k] < 0.85 * local[k]:
                return True
            if blank_meaningful and gaps_after[k]:
                return True
            return heading_end(k + 1) is not None  # a full line, but a heading follows
        if para_mode(k) and s[-1] not in NEVER_ENDS and not word_split(s, lines[k + 1]):
            return True
        return False

    out: list[Block] = []
    i = 0
    while i < n:
        if not CREDIT.match(lines[i]):
            h = heading_end(i)
            if h is not None:
                group = lines[i:h + 1]
                prev = out[-1] if out else None
                if prev is not None and prev.is_heading and not gaps_before[i] | blank_meaningful \
                        and not prev.text.endswith(("——", "：")):
                    # A subheading wrapped onto a second line that looked like a heading of its own.
                    out[-1] = Block(_join(list(prev.lines) + group), True, prev.lines + tuple(group))
                else:
                    out.append(Block(_join(group), True, tuple(group)))
                i = h + 1
                continue
        k = i
        while not break_after(k):
            k += 1
        group = lines[i:k + 1]
        out.append(Block(_join(group), False, tuple(group)))
        i = k + 1
    # Lines with no sentence in them before a heading, a credit or the end are headings too: this is
    # how a page's headline zone looks (`更“好用”防“滥用”求“善用”` / `算力支撑让人工智能` / …).
    # A short block with no sentence in it at all (an author line, a figure label) is no paragraph.
    for idx in range(len(out) - 1, -1, -1):
        b = out[idx]
        nxt = out[idx + 1] if idx + 1 < len(out) else None
        if not b.is_heading and not _has_sentence_end(b.text) and not ends_sentence(b.text) \
                and len(b.text) <= 80 and (nxt is None or nxt.is_heading or CREDIT.match(nxt.text)
                                           or b.text[-1] not in NEVER_ENDS):
            out[idx] = Block(b.text, True, b.lines)
    return tuple(out)


def normalize(raw: str) -> str:
    """The normalized text: one block a line.

    Normalizing it again changes nothing: on text that is all wrapped fragments (lines of bare digits), the
    block rules can join a line only once its neighbour has been joined, so they run until the text is stable."""
    text = "\n".join(b.text for b in blocks(raw))
    for _ in range(3):
        again = "\n".join(b.text for b in blocks(text))
        if again == text:
            break
        text = again
    return text
