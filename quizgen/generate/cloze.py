"""Cloze cards over the article's key sentences.

Sentences are ranked by the key vocabulary they hold and by their place in the article (the lead
carries the news); in each chosen sentence one key word is blanked. The hint is the word's English
gloss (or its pinyin when the dictionary has no entry), never the word itself; the word bank is the
answer plus key words of the article with the same part of speech.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Cloze, Sentence, Token, VocabItem
from ..segment import in_dictionary
from .distractors import rng

_CONTENT_POS = ("n", "vn", "v", "a", "an", "nz", "ad", "d", "i", "l")
_SKIP_POS = ("nr", "ns", "nt", "m", "t", "q", "x", "eng", "r", "p", "c", "u", "uj", "ul", "y", "f")


@dataclass(frozen=True)
class KeyWord:
    word: str
    pos: str
    score: float
    gloss: str = ""
    pinyin: str = ""


def tfidf_keywords(article: Article, limit: int = 40) -> tuple[KeyWord, ...]:
    """Key words by TF-IDF over the article's tokens (a fallback when no vocabulary is given)."""
    from ..extract.vocab import _idf

    idf = _idf()  # jieba's IDF table, from the same trie the vocabulary uses
    median = idf.default
    tf: Counter[str] = Counter()
    pos: dict[str, str] = {}
    for s in article.sentences:
        for tk in s.tokens:
            if len(tk.text) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", tk.text):
                continue
            if tk.pos.startswith(_SKIP_POS) or not tk.pos.startswith(_CONTENT_POS):
                continue
            tf[tk.text] += 1
            pos.setdefault(tk.text, tk.pos)
    total = sum(tf.values()) or 1
    scored = sorted(((w, c / total * idf.get(w, median)) for w, c in tf.items()), key=lambda x: (-x[1], x[0]))
    return tuple(KeyWord(w, pos[w], sc) for w, sc in scored[:limit])


def keywords_from_vocab(vocab: Sequence[VocabItem]) -> tuple[KeyWord, ...]:
    n = len(vocab)
    # a gloss read from the word's parts (财 money + 险 danger) misleads as a hint: such words get none
    return tuple(KeyWord(v.word, v.pos, v.score or (n - i) / max(n, 1), "" if v.from_parts else v.gloss, v.pinyin)
                 for i, v in enumerate(vocab))


def _pos_class(pos: str) -> str:
    if pos.startswith("vn") or pos.startswith("n"):
        return "n"
    if pos.startswith("v"):
        return "v"
    if pos.startswith("a"):
        return "a"
    return pos[:1]


def _senses(gloss: str) -> list[str]:
    """`to push (e.g. for a plan); to promote` → ["to push", "to promote"]: top-level senses, no asides."""
    out, depth, cur = [], 0, ""
    for ch in gloss:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ";/" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    clean = [re.sub(r"\s*\([^()]*(\)|$)", "", x).strip(" ,.…") for x in out]  # also an aside cut short: "(all…"
    # a gloss cut short ("to build; to…") leaves a bare "to": not a sense
    return [x for x in clean if len(x) > 2 and not re.search(r"[\u4e00-\u9fff]", x)]


def _short_gloss(word: str, gloss: str, pos: str = "") -> str:
    if not gloss:
        from ..lexicon import entries

        es = entries(word)
        gloss = "; ".join(es[0].senses) if es and es[0].senses else ""
    senses = _senses(gloss)
    if not senses:
        return ""
    if pos.startswith("v") and pos != "vn":  # the blank is a verb: say so in the hint
        senses = [x for x in senses if x.startswith("to ")] or senses
    elif pos.startswith(("n", "a")) or pos == "vn":
        nominal = [x for x in senses if not x.startswith("to ")]
        if nominal and senses[0].startswith("to ") and not pos.startswith("vn"):
            # a verb's later noun senses are often another word (出口 "to export" … "an exit"): pinyin is safer
            return ""
        senses = nominal or senses
    sense = senses[0]
    if len(sense) > 40:
        sense = sense[:41].rsplit(" ", 1)[0].rstrip(" ,;")  # whole words only
    return sense


def hint_for(word: str, gloss: str = "", pinyin: str = "", pos: str = "") -> str:
    """English gloss (the sense that fits the blank's part of speech) if the dictionary has one, else no hint.

    Never the word, and never its pinyin: with a word bank, the pinyin names the answer outright."""
    return _short_gloss(word, gloss, pos)


# Words a learner cannot tell apart from the sentence's meaning: reporting verbs and very general nouns.
LIGHT_WORDS = frozenset(("表示", "指出", "认为", "强调", "介绍", "称", "透露", "显示", "表明", "问题", "情况", "方面",
                         "进行", "公司", "工作", "相关", "有关", "时间", "记者", "記者", "認為", "顯示", "問題", "情況", "進行"))


def word_class(word: str, pos: str) -> str:
    """The kind a word bank must share: n (nouns), vn (verbal nouns such as 发展/融合), v, a, or attr (X性)."""
    if word.endswith("性") and pos.startswith("n"):
        return "attr"
    if pos.startswith("vn"):
        return "vn"
    if pos.startswith("n") and not pos.startswith(("nr", "ns", "nt", "nz")) and _only_verb_senses(word):
        return "v"  # jieba tags 企稳 n; the dictionary knows it only as "to stabilize"
    if pos == "v" and _no_verb_senses(word):
        return "n"  # jieba tags 加法 v; the dictionary knows it only as "addition"
    return _pos_class(pos)


@lru_cache(maxsize=4096)
def _no_verb_senses(word: str) -> bool:
    from ..lexicon import entries

    es = entries(word)
    senses = _senses("; ".join(s for e in es for s in e.senses)) if es else []
    return bool(senses) and not any(x.startswith("to ") for x in senses)


@lru_cache(maxsize=4096)
def _only_verb_senses(word: str) -> bool:
    from ..lexicon import entries

    es = entries(word)
    senses = _senses("; ".join(es[0].senses)) if es and es[0].senses else []
    return bool(senses) and all(x.startswith("to ") for x in senses)


def blank_class(s: Sentence, tk: Token) -> str:
    """The blank's kind in this sentence: a verbal noun with a noun right after it is a verb (加快发展外贸),
    otherwise it keeps its own kind (产业发展指明方向)."""
    cls = word_class(tk.text, tk.pos)
    if cls == "vn":
        nxt = [t for t in s.tokens if t.start == tk.start + len(tk.text)]
        prev = [t for t in s.tokens if t.start + len(t.text) == tk.start]
        lead = not prev or prev[0].pos.startswith(("v", "d", "x", "c", "p")) and prev[0].pos != "vn"
        if lead and nxt and nxt[0].pos.startswith(("n", "vn")) and not nxt[0].pos.startswith("nr") \
                and len(nxt[0].text) >= 2:
            return "v"
    if cls == "v":
        prev, nxt = _neighbours(s, tk)
        if prev is not None and prev.pos.startswith("n") and not prev.pos.startswith("nr") \
                and (nxt is None or nxt.pos.startswith(("n", "x")) and not nxt.pos.startswith("nr")):
            return "n"  # 华为应用商店, 政策支持。: a verb between nouns names a thing
    return cls


def _part_of_word(s: Sentence, tk: Token) -> bool:
    """信通 in 信通院, 转换 in 转换价: the next token is a one-character noun that the word is glued to."""
    nxt = [t for t in s.tokens if t.start == tk.start + len(tk.text)]
    return bool(nxt) and len(nxt[0].text) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", nxt[0].text) is not None \
        and nxt[0].pos.startswith(("n", "k", "ng", "g"))


def _neighbours(s: Sentence, tk: Token) -> tuple[Token | None, Token | None]:
    prev = [t for t in s.tokens if t.start + len(t.text) == tk.start]
    nxt = [t for t in s.tokens if t.start == tk.start + len(tk.text)]
    return (prev[0] if prev else None), (nxt[0] if nxt else None)


_BOUND_PREFIXES = frozenset("可非超准类反副亚次")


def _glued(s: Sentence, tk: Token) -> bool:
    """开门 in 外贸“开门红”: with a one-character neighbour the blank makes a longer dictionary word."""
    prev, nxt = _neighbours(s, tk)
    if prev is not None and prev.text in _BOUND_PREFIXES:
        return True  # 可转换债券, 非理性竞争: a bound prefix makes the blank part of a longer word
    if any(n is not None and len(n.text) == 1 and in_dictionary(w)
           for n, w in ((prev, (prev.text if prev else "") + tk.text), (nxt, tk.text + (nxt.text if nxt else "")))):
        return True
    # 电|商界 in 电商界: the lone character before the blank makes a word with the blank's first one (电商)
    return prev is not None and len(prev.text) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", prev.text) is not None \
        and prev.pos not in ("uj", "p", "c", "d", "r", "m", "q", "f", "v") and in_dictionary(prev.text + tk.text[0])


# Proper names make poor blanks and give a bank away: organisations and places by their last part.
_NAME_END = re.compile(r"(大学|学院|研究院|研究所|银行|銀行|公司|集团|集團|委员会|委員會|总局|總局|交易所|总书记|總書記)$")


def is_name(word: str, pos: str) -> bool:
    """A name, not a word to practise: jieba's nr/ns/nt tags, an organisation's ending (华中科技大学), an index
    (创业板指, 上证指数), or a proper noun the dictionary knows only as one (淘宝 Táobǎo)."""
    return pos.startswith(("nr", "ns", "nt")) or (len(word) >= 4 and _NAME_END.search(word) is not None) \
        or word in ("总书记", "總書記") or (len(word) >= 3 and re.search(r"(指数|指數|成指|板指)$", word) is not None) \
        or _proper_only(word)


@lru_cache(maxsize=4096)
def _proper_only(word: str) -> bool:
    from ..lexicon import entries, hsk_level

    es = entries(word)
    return bool(es) and all(e.pinyin[:1].isupper() for e in es) and hsk_level(word) is None


def _eligible(tk: Token, s: Sentence, keys: dict[str, KeyWord], names: set[str]) -> bool:
    w = tk.text
    return (w in keys and w not in names and s.text.count(w) == 1 and len(w) >= 2 and w not in LIGHT_WORDS
            and not is_name(w, keys[w].pos)
            and re.fullmatch(r"[\u4e00-\u9fff]+", w) is not None and not _part_of_word(s, tk)
            and not _glued(s, tk) and not _after_number(s, tk) and not _in_name(s, tk) and not _in_list(s, tk))


def _in_list(s: Sentence, tk: Token) -> bool:
    """市场、资本、品牌: any noun of the article fits a slot in a list, so a bank cannot have one answer."""
    prev, nxt = _neighbours(s, tk)
    return any(n is not None and n.text == "、" for n in (prev, nxt))


# The last word of an organisation's name: a blank right before it is part of the name (村镇|银行, 友邦|人寿).
_ORG_HEADS = frozenset(("银行", "銀行", "公司", "集团", "集團", "大学", "大學", "证券", "證券", "保险", "保險", "人寿",
                        "人壽", "基金", "财险", "財險", "科技", "股份", "控股", "研究院", "交易所", "总局", "總局"))


def _in_name(s: Sentence, tk: Token) -> bool:
    """A blank inside a name: next to a place, person or organisation name (曲靖|沾益|兴福), or before the word
    that ends an organisation's name (村镇|银行): learners cannot know a name's parts from the sentence."""
    prev, nxt = _neighbours(s, tk)
    if any(n is not None and n.pos.startswith(("nr", "ns", "nt")) for n in (prev, nxt)):
        return True
    if tk.text in _ORG_HEADS and prev is not None and prev.pos.startswith(("n", "j")) and len(prev.text) >= 2:
        return True  # 友邦|人寿, 村镇|银行: the blank ends a name or a fixed term
    return nxt is not None and nxt.text in _ORG_HEADS


def _after_number(s: Sentence, tk: Token) -> bool:
    """1—7月份, 5000份: a word right after a number is its measure, not a word to practise."""
    prev, _ = _neighbours(s, tk)
    return prev is not None and (prev.pos.startswith("m") or re.search(r"[0-9０-９]$", prev.text) is not None)


def _sense_set(word: str, gloss: str) -> set[str]:
    if not gloss:
        from ..lexicon import entries

        es = entries(word)
        gloss = "; ".join(es[0].senses) if es and es[0].senses else ""
    return {re.sub(r"^(to|an?|the) ", "", x.lower()) for x in _senses(gloss)}


def also_fits(s: Sentence, tk: Token, answer: KeyWord, other: KeyWord, body: str) -> bool:
    """Would `other` also fill the blank? A near-synonym (shares a character or an English sense with the answer:
    进口/进出口, 行业/产业, 道德/伦理), or a word the article itself puts next to the blank's neighbour
    (高质量 before 发展, 进口 before a number)."""
    if set(other.word) & set(answer.word):
        return True
    if _sense_set(answer.word, answer.gloss) & _sense_set(other.word, other.gloss):
        return True
    prev, nxt = _neighbours(s, tk)
    if blank_class(s, tk) == "v" and _shares_clause(s, tk, other.word, body):
        return True
    if prev is not None and re.fullmatch(r"[\u4e00-\u9fff]{2,}", prev.text) and prev.text + other.word in body:
        return True
    # 系统|误差, 比特币|行业 as one dictionary word: the decoy makes a term with the blank's neighbour
    if prev is not None and in_dictionary(prev.text + other.word) or nxt is not None and in_dictionary(other.word + nxt.text):
        return True
    if nxt is not None:
        if re.fullmatch(r"[\u4e00-\u9fff]{2,}", nxt.text) and other.word + nxt.text in body:
            return True
        if re.match(r"[0-9０-９]", nxt.text) and re.search(re.escape(other.word) + r"[0-9０-９]", body):
            return True
    return False


def _shares_clause(s: Sentence, tk: Token, verb: str, body: str) -> bool:
    """A verb the article uses elsewhere with a noun of the blank's clause (突破 with 技术 in 核心技术突破) fits
    that clause too (技术持续（创新）)."""
    bounds = [m.start() for m in re.finditer(r"[，。；：！？]", s.text)]
    lo = max([b for b in bounds if b < tk.start] or [-1])
    hi = min([b for b in bounds if b > tk.start] or [len(s.text)])
    nouns = {t.text for t in s.tokens if lo < t.start < hi and t is not tk and len(t.text) >= 2
             and t.pos.startswith(("n", "vn")) and not t.pos.startswith(("nr", "ns", "nt"))}
    others = [c for c in re.split(r"[，。；：！？\n]", body) if verb in c and c not in s.text]
    return any(n in c for c in others for n in nouns)


def _term(s: Sentence, tk: Token) -> str:
    """The noun phrase the blank stands in (风险综合评级 for 风险 or 评级), so one term is asked only once."""
    toks = list(s.tokens)
    i = toks.index(tk)
    lo = hi = i

    def nominal(t: Token) -> bool:
        return t.pos.startswith(("n", "vn")) and re.fullmatch(r"[\u4e00-\u9fff]+", t.text) is not None

    while lo > 0 and nominal(toks[lo - 1]) and toks[lo - 1].start + len(toks[lo - 1].text) == toks[lo].start:
        lo -= 1
    while hi + 1 < len(toks) and nominal(toks[hi + 1]) and toks[hi].start + len(toks[hi].text) == toks[hi + 1].start:
        hi += 1
    return "".join(t.text for t in toks[lo:hi + 1])


def _clean_sentence(s: Sentence, article: Article, first: bool) -> bool:
    """A sentence a card can stand on: not the title again, not an abstract's 【结论】 line, no footnote or figure
    marks, no unbalanced brackets (PDF debris), not the first line of an untitled text (its headline, or a clipped
    line: 长状况等数据，…)."""
    t = s.text
    if any(len(run) > 50 for run in re.split(r"[，。；：！？、,;:!?（）()“”]", t)) \
            or not re.search(r"[。！？；…!?;][”’」』）)]*$", t):
        return False  # PDF figure text run together (运行保障系统运营执…), or a line that is no sentence
    if "【" in t or "摘要" in t or re.search(r"\[\d|如[图表]\s*\d", t):
        return False
    if any(t.count(a) != t.count(b) for a, b in ("()", "（）", "［］", "「」", "《》")):
        return False
    core = t.rstrip("！!。？?")
    if article.title and (core in article.title or article.title in t):
        return False
    if first and not article.title and ("，" not in t or s.tokens and len(s.tokens[0].text) == 1
                                         and not s.tokens[0].pos.startswith(("p", "c", "r", "d", "t", "m"))):
        return False  # an untitled text opens with its headline or with a clipped line
    return True


def make_cloze(article: Article, article_id: str, vocab: Sequence[VocabItem] = (), names: Sequence[str] = (),
               limit: int = 0) -> tuple[Cloze, ...]:
    """Cloze cards for the article's key sentences, best first, at most `limit` (0: by length)."""
    keys_list = keywords_from_vocab(vocab) if vocab else tfidf_keywords(article)
    keys = {k.word: k for k in keys_list}
    name_set = set(names)
    if article.reporter:
        name_set.add(article.reporter)
    n = limit or max(2, min(12, round(len(article.body) / 300)))
    para_of: dict[int, int] = {}
    k = 0
    for p in article.paragraphs:
        if p.is_heading:
            continue
        k += 1
        for s in p.sentences:
            para_of[id(s)] = k
    total = max(len(para_of), 1)
    ranked = []
    for idx, s in enumerate(article.sentences):
        if not 12 <= len(s.text) <= 110 or "记者" in s.text or s.text.count("“") != s.text.count("”") \
                or not _clean_sentence(s, article, idx == 0):
            continue
        hits = [tk for tk in s.tokens if _eligible(tk, s, keys, name_set)]
        if not hits:
            continue
        score = sum(keys[tk.text].score for tk in hits) / math.sqrt(len(s.tokens) or 1)
        score *= 1.0 + 0.5 * (1 - idx / total)  # the lead matters more
        if len(s.text) > 90:
            score *= 0.5  # long sentences make poor cards; used when nothing shorter has key words
        ranked.append((score, idx, s, hits))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    out: list[Cloze] = []
    used_words: set[str] = set()
    used_terms: set[str] = set()
    token_set = {tk.text for s in article.sentences for tk in s.tokens}
    for _, idx, s, hits in ranked:
        # not a word already asked, nor one standing next to it (风险综合评级 asked twice)
        hits = [h for h in hits if h.text not in used_words and _term(s, h) not in used_terms
                and not any(u + h.text in s.text or h.text + u in s.text for u in used_words)]
        if not hits:
            continue
        tk = max(hits, key=lambda h: (keys[h.text].score, -h.start))
        kw = keys[tk.text]
        a, b = tk.start, tk.start + len(tk.text)
        text = s.text[:a] + "{{c1::" + tk.text + "}}" + s.text[b:]
        cid = hashlib.sha1(f"{article_id}|{s.text}|{tk.text}".encode()).hexdigest()[:12]
        cls = blank_class(s, tk)
        ok = {"v": ("v", "vn")}.get(cls, (cls,))
        same = [k2.word for k2 in keys_list if k2.word != tk.text and word_class(k2.word, k2.pos) in ok
                and k2.word not in LIGHT_WORDS and not is_name(k2.word, k2.pos)
                and re.fullmatch(r"[\u4e00-\u9fff]+", k2.word) is not None
                and k2.word not in s.text and not any(k2.word in nm for nm in name_set)
                and k2.word in token_set  # 铁军 only ever stands in 黄铁军: not a word of this article
                and not also_fits(s, tk, kw, k2, article.body)
                and (s.text[:a] + k2.word + s.text[b:]) not in article.body]
        r = rng(cid, "bank")
        r.shuffle(same)
        distinct: list[str] = []
        for w in same:  # 岗位 and 工作岗位 in one bank: one would do for both, and neither is the answer
            if not any(w in x or x in w for x in distinct):
                distinct.append(w)
        same = distinct
        if len(same) < 2:
            continue  # without a bank of its own kind the blank is open to any word: not a fair card
        bank = [tk.text, *same[:3]]
        r.shuffle(bank)
        out.append(Cloze(cid, text, tk.text, hint_for(tk.text, kw.gloss, kw.pinyin, "v" if cls == "v" else "n" if cls in ("n", "vn") else tk.pos), s.text, para_of.get(id(s)),
                         tuple(bank)))
        used_words.add(tk.text)
        used_terms.add(_term(s, tk))
        if len(out) >= n:
            break
    out.sort(key=lambda c: (c.paragraph or 0))
    return tuple(out)
