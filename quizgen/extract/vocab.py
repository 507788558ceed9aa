"""Key vocabulary of one article: ranked words with pinyin, the gloss sense the article uses, HSK level.

Ranking is TF-IDF against jieba's IDF table (built from a large general corpus), with a boost for words in
the headline and subheadings and a smaller one for the lead paragraph. On four practice articles this put
more real key terms in the top 30 than jieba's TextRank, which favours frequent generic verbs
(see benchmarks/vocab_rank.py and the issue-4 note).

Names of people and places are not vocabulary: `extract_names` returns them apart. Traditional articles
are looked up through a simplified copy but shown in their own script.
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Article, Sentence, Token, VocabItem

# jieba tags that are never key vocabulary: punctuation, numbers, measure words, time words, pronouns,
# prepositions, conjunctions, particles, interjections, onomatopoeia, prefixes/suffixes, adverbs, Latin.
_DROP_POS = ("x", "w", "m", "mq", "q", "t", "tg", "r", "rr", "rz", "p", "c", "u", "e", "y", "o", "h", "k",
             "d", "eng", "nx", "f", "zg", "uj", "ul", "ud", "ug", "uz", "uv", "df", "dg", "mg", "rg", "yg")
_PERSON_POS = ("nr", "nrfg", "nrt")
_PLACE_POS = ("ns",)
_NUMERAL = re.compile(r"[0-9０-９]|^[〇零一二三四五六七八九十百千万亿两几多余第]+[个年月日号次倍元位名家项条]?$")
_OK_CHARS = re.compile(r"^[\u3400-\u9fffA-Za-z]+$")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Common surnames (about 90% of people in China), for telling a name from a word jieba tagged nr by mistake.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯")
# A proper noun naming an organisation, a company or a newspaper: a name, not vocabulary (华为, 兰州大学, 广交会)
_ORG_SENSE = re.compile(r"\b(university|college|company|corporation|brand|bank of|newspaper|daily|news agency|fair|"
                        r"ministry|commission|bureau|administration|academy|association|society|group|office|"
                        r"council|department|surname|switzerland|germany|france|japan|usa)\b", re.I)
# a two-character short name is kept (东盟 ASEAN, how the news says it) unless it names a firm or a person
_FIRM_SENSE = re.compile(r"\b(company|corporation|brand|university|newspaper|surname)\b", re.I)
# …and a name CC-CEDICT lacks, by its ending: 证券日报, 中国经济网, 中国外汇交易中心, 美国化学会, 中共中央政治局
_ORG_END = re.compile(r"(日报|日報|晚报|晚報|网|網|大学|大學|学院|學院|集团|集團|公司|银行|銀行|交易中心|交易所|政治局|"
                      r"委员会|委員會|协会|協會|学会|學會|研究院|研究所)$")
_PLACE_SENSE = re.compile(r"\b(city|province|county|prefecture|district|town|village|river|mountain|region|island|"
                          r"capital of|municipality)\b", re.I)
_PERSON_SENSE = re.compile(r"\(\d{3,4}-|\b(politician|writer|poet|emperor|general|scientist|economist|president|"
                           r"founder|entrepreneur|actor|singer)\b", re.I)
_THING_SENSE = re.compile(r"\((?:name|brand)\)|\b(company|corporation|brand|make|mythology|legend|god|goddess|"
                         r"Inc|Ltd|group|bank|airline|newspaper|magazine|software|model)\b", re.I)
_TIME_WORDS = ("今年", "去年", "明年", "近年", "当年", "本月", "上月", "目前", "当前", "此前", "日前", "近日", "今后")

_CONNECTIVES = frozenset("比如 例如 譬如 因此 因而 所以 然而 但是 可是 不过 同时 此外 另外 而且 并且 以及 或者 还是 "
                         "如果 虽然 尽管 即使 只要 只有 除了 由于 因为 为了 通过 随着 根据 按照 对于 关于 总之 首先 其次 "
                         "最后 总体 当然 其中 甚至 也就是说".split())

TITLE_BOOST = 3.0  # a word in the headline or a subheading counts this many times more
LEAD_BOOST = 1.5  # ... in the first paragraph

CEDICT_NOTICE = "Glosses: CC-CEDICT (https://cc-cedict.org), CC BY-SA 4.0."


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _idf():  # noqa: ANN202 - wordindex.Idf
    """jieba's IDF table, from a trie in the user cache (parsing the 270,000-line file costs about a second)."""
    from importlib.util import find_spec

    from .. import wordindex
    from ..segment import _cache_dir

    # not importlib.resources.files("jieba.analyse"): importing jieba.analyse parses the table itself
    spec = find_spec("jieba")
    assert spec is not None and spec.origin is not None
    return wordindex.load_idf(str(Path(spec.origin).parent / "analyse" / "idf.txt"), str(_cache_dir()))


def _known_to_jieba(word: str) -> bool:
    from ..segment import in_dictionary

    return in_dictionary(word)


def _simp(word: str, script: str) -> str:
    if script != "traditional":
        return word
    from ..lexicon import to_simplified

    return to_simplified(word)


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Use:
    shown: str  # as written in the article
    key: str  # simplified
    pos: str
    sentence: int  # index into article.sentences, -1 for headline/subheading


def _masked_spans(s: Sentence, article: Article) -> list[tuple[int, int]]:
    """Spans of the sentence that are byline, not article text (本报讯（记者…）, 21世纪经济报道记者…报道)."""
    spans = []
    for b in (article.byline, article.dateline):
        if b and b in s.text:
            i = s.text.index(b)
            spans.append((i, i + len(b)))
    return spans


def _kind(key: str, pos: str, reporter: str | None) -> str | None:
    """'vocab', 'person', 'place' or None (not worth showing) for one token (simplified form)."""
    from ..lexicon import entries, hsk_level

    if len(key) < 2 or not _HAN.search(key) or not _OK_CHARS.match(key) or _NUMERAL.search(key):
        return None
    if reporter and key in reporter:
        return None
    ents = entries(key)
    common = any(e.pinyin[:1].islower() for e in ents) or hsk_level(key) is not None
    known = bool(ents) or hsk_level(key) is not None or _known_to_jieba(key)
    senses_all = " ".join(s for e in ents for s in e.senses)
    if ents and not common and (len(key) >= 3 and _ORG_SENSE.search(senses_all) or _FIRM_SENSE.search(senses_all)):
        return None  # 国新办, 巴塞尔, 鸿海, 川普: names
    if not ents and len(key) >= 3 and _ORG_END.search(key):
        return None
    if pos in _PERSON_POS:
        if common and ents:
            return "vocab"
        if ents:  # CEDICT knows it: a place (张家口), a company or brand (华为), or a famous person
            senses = " ".join(s for e in ents for s in e.senses)
            if _PLACE_SENSE.search(senses):
                return "place"
            return "person" if _PERSON_SENSE.search(senses) else "vocab"
        # Chinese names: a surname and one or two characters; anything else jieba guessed is too unsure to show
        ok = (key[:2] in _COMPOUND_SURNAMES and len(key) in (3, 4)) or (key[0] in _SURNAMES and len(key) in (2, 3))
        ok = ok and key[-1] not in "区市县省镇村路局部委会司厂"  # 高新区 is a place, not Mr Gao
        ok = ok and not (len(key) == 3 and hsk_level(key[1:]) not in (None, "7-9"))  # 高水平 is not Mr Gao either
        return "person" if ok else None
    if pos in _PLACE_POS:
        if any(e.pinyin[:1].islower() for e in ents):
            return "vocab"
        if not ents and not (len(key) <= 3 or key[-1] in "省市县区州岛山江河湖港湾镇村"):
            return None  # 攀登高峰: a phrase jieba tagged as a place
        if not ents and (key[0] == "非" or key[-1] in "化性"):
            return None  # 非上市 "unlisted", 法治化 "rule-of-law-ization": no place is named like that
        senses = " ".join(s for e in ents for s in e.senses)
        if ents and not _PLACE_SENSE.search(senses) and _THING_SENSE.search(senses):
            return None  # 盘古 a model named after a myth, 福特 a car make, 京东 a company: names, but not places
        return "place" if known else None
    if pos in _DROP_POS or pos.startswith("u"):
        return None
    if not known and pos != "j":
        return None  # jieba's HMM made it up: usually a fragment across two words
    if key.startswith(_TIME_WORDS):
        return None  # 今年以来, 目前为止: time phrases, not vocabulary
    if key in _CONNECTIVES:
        return None  # 比如, 因此: they link sentences; a learner at HSK 4 knows them and they make poor blanks
    if not ents and not _lexical(key, pos):
        return None

    if ents and not common and pos.startswith("n") and pos not in ("nt", "nz", "n", "nrfg"):
        return "place" if pos.startswith("ns") else None
    return "vocab"


def _lexical(key: str, pos: str) -> bool:
    """Whether a word CC-CEDICT lacks is a term (数据要素) rather than a phrase jieba listed (不断扩大) or PDF
    debris (理理)."""
    from ..segment import tokens

    if pos == "i" or any(key[i] == key[i + 1] for i in range(len(key) - 1)) and len(set(key)) < len(key) / 1.5:
        return False
    first = tokens(key[:2]) if len(key) > 2 else ()
    return not (first and len(first) == 1 and first[0].pos.startswith("d"))


def _segment_line(text: str, script: str) -> tuple[Token, ...]:
    from ..pipeline import segment_text

    return segment_text(text, script)


_ABBR = re.compile(r"简称[为是]?[“「\"]([^”」\"]{2,10})[”」\"]")
_PAREN_ABBR = re.compile(r"[（(]([\u3400-\u9fff]{2,5})[）)]")


def _is_abbreviation(short: str, long: str) -> bool:
    """Whether `short` takes its characters, in order, from `long` and starts where it starts (信通院 from
    中国信息通信研究院 … no: from 信息通信研究院), i.e. is a Chinese abbreviation of it, not a place in brackets."""
    i = 0
    for c in short:
        i = long.find(c, i) + 1
        if not i:
            return False
    return len(long) > len(short) and short != long[-len(short):]


def _abbreviations(article: Article) -> dict[str, str]:
    """Short forms the article defines (…交易所（以下简称“知交所”）) and the long form before them, if found.

    They are kept whole, though jieba would cut them."""
    found: dict[str, str] = {}
    for s in article.sentences:
        simp = _simp(s.text, article.script)
        for m in [*_ABBR.finditer(simp), *_PAREN_ABBR.finditer(simp)]:
            before = re.split(r"[^\u3400-\u9fff]", simp[: m.start()].rstrip("（(，,以下"))[-1]
            toks = _segment_line(before, "simplified") if before else ()
            k = len(toks)
            while k and (toks[k - 1].pos.startswith(("n", "j", "b")) or toks[k - 1].pos == "vn"):
                k -= 1
            before = "".join(t.text for t in toks[k:])
            if m.re is _PAREN_ABBR:  # （信通院） after its long form; not （长沙） or （试行）
                if not _is_abbreviation(m.group(1), before) or _known_to_jieba(m.group(1)):
                    continue
            found.setdefault(m.group(1), before if len(before) > len(m.group(1)) else "")
    return dict(sorted(found.items(), key=lambda kv: -len(kv[0])))


def _merge_abbreviations(text: str, tokens: tuple[Token, ...], abbrs: Iterable[str],
                         script: str) -> tuple[Token, ...]:
    if not abbrs:
        return tokens
    simp = _simp(text, script)
    spans = []
    for a in abbrs:
        for m in re.finditer(re.escape(a), simp):
            if not any(lo < m.end() and m.start() < hi for lo, hi in spans):
                spans.append((m.start(), m.end()))
    if not spans:
        return tokens
    out: list[Token] = []
    for t in tokens:
        span = next(((lo, hi) for lo, hi in spans if lo < t.start + len(t.text) and t.start < hi), None)
        if span is None:
            out.append(t)
        elif not out or out[-1].start != span[0]:
            out.append(Token(text[span[0]:span[1]], "j", span[0]))
    return tuple(out)


def _uses(article: Article) -> tuple[list[_Use], list[_Use], int]:
    """Body word uses, headline/subheading word uses, and the number of sentences in the lead paragraph."""
    body: list[_Use] = []
    abbrs = _abbreviations(article)
    for i, s in enumerate(article.sentences):
        spans = _masked_spans(s, article)
        for t in _merge_abbreviations(s.text, s.tokens, abbrs, article.script):
            if any(a <= t.start < b for a, b in spans):
                continue
            body.append(_Use(t.text, _simp(t.text, article.script), t.pos, i))
    heads: list[_Use] = []
    for line in ([article.title] if article.title else []) + [p.text for p in article.headings]:
        for t in _merge_abbreviations(line, _segment_line(line, article.script), abbrs, article.script):
            heads.append(_Use(t.text, _simp(t.text, article.script), t.pos, -1))
    first = next((p for p in article.paragraphs if not p.is_heading), None)
    lead = len(first.sentences) if first else 0
    return body, heads, lead


# --------------------------------------------------------------------------- ranking


_EASY = {"1": 0.2, "2": 0.3, "3": 0.5}


def _rank(body: Sequence[_Use], heads: Sequence[_Use], lead: int,
          kinds: dict[str, str]) -> list[tuple[str, float]]:
    """TF-IDF with headline and lead boosts, over vocabulary candidates; best first."""
    idf = _idf()
    default = idf.default
    tf: Counter[str] = Counter()
    for u in body:
        if kinds.get(u.key) == "vocab":
            tf[u.key] += LEAD_BOOST if u.sentence < lead else 1.0
    for u in heads:
        if kinds.get(u.key) == "vocab":
            tf[u.key] += TITLE_BOOST
    total = sum(tf.values()) or 1.0
    # the learners read at HSK 4 and up: words of HSK 1-3 (公司, 表示) rank last, shown only if the list has room
    scores = {w: (n / total) * idf.get(w, default) * _EASY.get(_hsk(w), 1.0) for w, n in tf.items()}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


# --------------------------------------------------------------------------- glosses

# Also left out: English words too general to tell one sense from another (through, together, whole).
_STOP = frozenset("to a an the of and or in on at for by with as from be is (of (in sth sb one's "
                  "etc i.e. e.g. something someone one ones oneself through together whole total amount thing "
                  "things make take give get put way time place person people also very more most other such entire all "
                  "position state condition high higher low lower new old big small good great "
                  "used use fig lit coll abbr see".split())
_DOMAIN = frozenset("""export import trade market finance financial bank banking investment invest investor
stock share shares economy economic technology technical data company enterprise industry industrial price
capital fund credit loan currency digital computing computer chip vehicle car product production
policy tax insurance asset securities profit revenue consumer consumption manufacturing science innovation
business commercial money payment cost rate interest government network internet energy electric power
supply demand sale sales customs listing listed world global stock share model
algorithm software platform artificial intelligence robot satellite semiconductor
upgrade upgrading transition transform index reserve float online mainland commerce statistics""".split())


def _words(text: str) -> list[str]:
    out = []
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        for suf in ("ing", "ed", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        out.append(w)
    return out


_DOMAIN_STEMS = frozenset(w for d in _DOMAIN for w in _words(d))


_QUAL = re.compile(r"\(([^()]*)\)")
# Qualifiers that only say a sense is figurative, colloquial or approximate: they restrict nothing.
_LOOSE_QUAL = re.compile(r"^(fig\.|lit\.|coll\.|math\.|old|formal|informal|esp\..*|\w+ etc\.?|of sb|of sth|"
                         r"sth|sb|bound form)$", re.I)


def _split_sense(sense: str) -> tuple[str, list[str]]:
    """A sense without its parentheticals, and the parentheticals: "to log out (computing)" → "to log out",
    ["computing"]."""
    quals = [q.strip() for q in _QUAL.findall(sense)]
    return _QUAL.sub(" ", sense).strip(), quals


def _pos_fit(sense: str, pos: str) -> float:
    """How well a sense's form fits the word's part of speech in the sentence (0..1).

    CC-CEDICT writes verb senses "to …", adverbs as "-ly" words and count nouns "a …"/"an …". A Chinese noun is
    often a verb used as a noun (出口 an export), so a verb sense still half fits a noun."""
    main = sense.lower()
    verb = main.startswith("to ")
    adverb = bool(re.search(r"\w{3,}ly\b", main)) and not verb
    if pos.startswith("d") or pos == "ad":
        return 1.0 if adverb else 0.0
    if pos == "a" and adverb:
        return 0.5
    if pos == "vn":  # an action named as a noun (融合, 冲击): not a thing (a mixture)
        return 0.0 if main.startswith(("a ", "an ")) else (0.6 if not verb else 0.5)
    if pos.startswith("v"):
        return 1.0 if verb else 0.0
    if pos.startswith(("n", "a", "b", "j")):
        return 0.2 if verb else 1.0
    return 0.5


def choose_sense(senses: Sequence[str], pos: str, context: Counter[str], order: float = 0.25) -> int:
    """Index of the sense that fits: its part of speech and its overlap with the article's other words.

    `context` counts (stemmed) English words from the glosses of the article's other words, so 出口 in
    a story full of 进口, 贸易, 进出口 picks "to export" over "an exit". A sense narrowed by a qualifier
    the article does not support — 提升 "to promote (to a higher-ranking position)", 下行 "(of trains) down" —
    loses to a plain one; a figurative sense (提升 "(fig.) to raise; to improve") is the likelier one in news.
    `order` is how much CC-CEDICT's own order counts (its first sense is usually the commonest); past the third
    sense, order says little (数字 lists "digital" sixth), so a domain sense there can still win.
    """
    best, best_score = 0, -1e9
    for i, s in enumerate(senses):
        main, quals = _split_sense(s)
        ws = set(_words(main))
        # one clue of each kind counts, not every word: long senses would otherwise win by sheer length
        domain = 0.35 * any(context[w] > 0 for w in ws) + 0.5 * any(w in _DOMAIN_STEMS for w in ws)
        qual = 0.2 * any(q.lower().startswith("fig") for q in quals)
        main_domain = bool(ws & _DOMAIN_STEMS)
        strict = [q for q in quals if not _LOOSE_QUAL.match(q) and _words(q)]
        labels = [set(_words(q)) for q in strict if " " not in q]  # (computing), (zoology)
        examples = [set(_words(q)) for q in strict if " " in q]  # (of a policy), (stocks, currency etc)
        # a label, (computing) or (commerce), must be borne out by the article or by a domain sense it labels
        if any(not (context[next(iter(lb))] > 0 or (main_domain and lb & _DOMAIN_STEMS)) for lb in labels):
            qual -= 0.45
        elif labels:
            qual += 0.15
        # examples, (of trains) or (stocks, currency etc): the best-supported one counts
        if examples:
            if not main_domain and any(e & _DOMAIN_STEMS for e in examples):
                qual += 0.3
            elif any(context[w] > 0 for e in examples for w in e):
                qual += 0.15
            else:
                qual -= 0.45
        score = (domain + qual + 0.6 * _pos_fit(main or s, pos) - order * math.sqrt(min(i, 3)) - 2.0 * _weak(s))
        if score > best_score:
            best, best_score = i, score
    return best


def _short(sense: str, limit: int = 60) -> str:
    """A sense as shown in a gloss: without CEDICT's pinyin notes, trad|simp pairs shown simplified, cut short."""
    s = re.sub(r"\s*\[[^\]]*\]", "", sense)
    s = re.sub(r"[^\s|()]+\|([^\s|()]+)", r"\1", s).strip()
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0].rstrip(",;(") + "…"
    return s


def _weak(sense: str) -> bool:
    return sense.lower().startswith(("abbr. for", "(old)", "old variant", "(archaic)", "(literary)", "(classical)"))


# The sense a productive last character has in a compound (参与度, 科技型, 证券化), which CC-CEDICT lists
# far down or not at all.
_SUFFIX_SENSE = {"度": "degree", "型": "type", "化": "-ization", "性": "-ity; nature", "率": "rate", "者": "-er (person)",
                 "额": "amount", "量": "quantity", "期": "period", "号": "number", "地": "place", "业": "industry",
                 "所": "institute; office", "费": "fee", "价": "price", "权": "right", "式": "style; form"}


def _parts(word: str, whole: bool = False) -> list[str]:
    """Split a word CC-CEDICT lacks into dictionary words: fewest parts, then fewest single characters."""
    from ..lexicon import entries

    runs = re.findall(r"[A-Za-z]+|[^A-Za-z]+", word)
    if len(runs) > 1:
        return [p for r in runs for p in ([r] if r[0].isascii() else _parts(r, whole=True))]
    n = len(word)
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for j in range(1, n + 1):
        for i in range(max(0, j - 6), j):
            prev = best[i]
            piece = word[i:j]
            if prev is None or (j - i == n > 1 and not whole) or not (entries(piece) or j - i == 1):
                continue
            cand = (prev[0] + 1, prev[1] + (j - i == 1), prev[2] + [piece])
            if best[j] is None or cand[:2] < best[j][:2]:  # type: ignore[index]
                best[j] = cand
    return best[n][2] if best[n] else list(word)  # type: ignore[index]


def _entry_senses(key: str, reading: str) -> tuple[str, tuple[str, ...]]:
    """(pinyin as CEDICT writes it if it agrees with ours, senses) of the entries for our reading."""
    from ..lexicon import entries

    ents = entries(key)
    same = [e for e in ents if e.pinyin.lower() == reading.lower()]
    pick = same or list(ents[:1])
    senses: list[str] = []
    for e in pick:
        senses += [s for s in e.senses if s not in senses]
    shown = pick[0].pinyin if same else reading
    return shown, tuple(senses)


def _char_context(char: str, family: Iterable[str], word: str) -> Counter[str]:
    """Gloss words of the article's other words that hold `char`: 季度末 in a text with 年末 "end of the year"
    reads 末 as "end", not "tip"; 后市 with 之后 "afterwards" reads 后 as "after", not "empress"."""
    return _context((w, 1) for w in family if char in w and w != word and len(w) > 1)


def _name_pinyin(py: str, n_chars: int) -> str:
    """CC-CEDICT's proper-name pinyin as dictionaries write it: one word per capital (Zhōngguó Rénmín Yínháng),
    but a name whose every syllable is capitalised is one word (DōngMéng → Dōngméng)."""
    groups = re.findall(r"(?:^|(?<!'))[A-ZĀÁǍÀĒÉĚÈŌÓǑÒ](?:'[A-ZĀÁǍÀĒÉĚÈŌÓǑÒ]|[^A-ZĀÁǍÀĒÉĚÈŌÓǑÒ\s])*",
                        py.replace(" ", ""))
    if "".join(groups) != py.replace(" ", ""):
        return py
    if len(groups) <= 1:
        return py
    if len(groups) == n_chars:
        return groups[0] + "".join(g.lower() for g in groups[1:])
    return " ".join(groups)


def gloss(key: str, pos: str, context: Counter[str], reading: str, max_senses: int = 3,
          full: str | None = None, family: Iterable[str] = (),
          used_as: dict[str, str] | None = None) -> tuple[str, str, bool]:
    """(pinyin, gloss, from_parts) for a simplified word: best-fitting sense first.

    `full` is the long form an abbreviation stands for in this article (知交所 → 武汉知识产权交易所);
    `family` is the article's other words, to read a one-character part of a word CC-CEDICT lacks;
    `used_as` maps the article's words to their part of speech, so that a part the article also uses on
    its own (出口 in 汽车出口) is read in that sense: "export", not "an exit"."""
    shown, senses = _entry_senses(key, reading)
    if shown[:1].isupper():
        shown = _name_pinyin(shown, len(key))
    # the context leaves the word's own glosses out, or its first senses would agree with themselves
    context = context - _context([(key, 1)])
    if full and not senses:
        _, g, _ = gloss(full, "n", context, reading)
        return shown, f"short for {full}: {g}", True
    if senses:
        i = choose_sense(senses, pos, context)
        order = [_short(senses[i])] + [_short(s) for k, s in enumerate(senses) if k != i]
        kept = order[:1]
        for s in order[1:max_senses]:
            if len("; ".join(kept + [s])) > 70:
                break
            # quizgen's glossary and CC-CEDICT may say the same thing: "leverage (finance); lever" + "lever"
            have = {p.strip().lower() for k in kept for p in k.split(";")}
            new = "; ".join(p.strip() for p in s.split(";") if p.strip().lower() not in have)
            if new:
                kept.append(new)
        return shown, "; ".join(kept), False
    from ..lexicon import pinyin

    pieces = []
    parts = _parts(key)
    family = tuple(family)
    readings = []
    for k, part in enumerate(parts):
        py, ps = _entry_senses(part, pinyin(part)) if _HAN.search(part) else (part, ())
        readings.append(py)
        if len(part) == 1 and k == len(parts) - 1 and k > 0 and part in _SUFFIX_SENSE:
            pieces.append(f"{part} {_SUFFIX_SENSE[part]}")
        elif ps:
            head_pos = pos if k == len(parts) - 1 else "x"  # the last part is the head of a Chinese compound
            if used_as and len(part) > 1 and part in used_as:
                ctx_part = context - _context([(part, 1)])
                j = choose_sense(ps, used_as[part], ctx_part)
                if k == len(parts) - 1 and ps[j].startswith("to ") and not set(_words(ps[j])) & _DOMAIN_STEMS:
                    j = choose_sense(ps, "n", ctx_part)  # the head of a compound: 金融服务 service, not serve
                sense = _short(ps[j], 30).split("; ")[0]
                if set(_words(sense)) & _DOMAIN_STEMS:
                    sense = sense.removeprefix("to ")  # a domain verb inside a noun: 出口量 export quantity
                pieces.append(f"{part} {sense}")
                continue
            if len(part) == 1 and family:
                # a character's senses come from several entries (后 empress / 後 after): CC-CEDICT's order
                # says little, the article's words with the same character say more
                j = choose_sense(ps, head_pos, _char_context(part, family, key), order=0.05)
            else:
                j = choose_sense(ps, head_pos, context - _context([(part, 1)]))
                if len(part) > 1 and not ps[j].startswith("to ") and not set(_words(ps[j])) & _DOMAIN_STEMS:
                    # the head of a noun compound may be a domain verb used as a noun: 汽车出口 car exports
                    verb = next((k for k, x in enumerate(ps) if x.startswith("to ")
                                 and set(_words(x)) & _DOMAIN_STEMS), None)
                    if verb is not None:
                        sense = _short(ps[verb], 30).split("; ")[0]
                        pieces.append(f"{part} {sense.removeprefix('to ')}")
                        continue
            pieces.append(f"{part} {_short(ps[j], 30).split('; ')[0]}")
        else:
            pieces.append(part)
    if pos == "nt" and len(parts) > 1 and all(_HAN.search(p) for p in parts):
        # an organisation's name: one capitalised word per part (Zhōngguó Qìchē Gōngyè Xiéhuì)
        shown = " ".join(_name_pinyin(r, len(p)) if r[:1].isupper() else r[:1].upper() + r[1:]
                         for r, p in zip(readings, parts))
    return shown, " + ".join(pieces), True


def _context(keys: Iterable[tuple[str, int]]) -> Counter[str]:
    from ..lexicon import entries

    ctx: Counter[str] = Counter()
    from ..lexicon import gloss_parts

    for key, n in keys:
        ents = entries(key)
        # a word CC-CEDICT lacks speaks through its parts: 动力电池 puts "battery" in the context
        for e in ents[:1] or [p.entries[0] for p in gloss_parts(key) if p.entries and len(p.text) > 1]:
            for w in set(_words(" ".join(e.senses[:2]))):
                ctx[w] += n
    return ctx


# --------------------------------------------------------------------------- example sentences


def _example(article: Article, idxs: Sequence[int]) -> str:
    """The sentence the word first appears in, or, if that one is long, the shortest complete one."""
    sents = article.sentences
    if not idxs:
        return ""
    first = sents[idxs[0]].text
    if len(first) <= 60:
        return first
    cands = [sents[i].text for i in idxs if len(sents[i].text) >= 8]
    complete = [t for t in cands if t.endswith(("。", "！", "？", "”"))] or cands or [first]
    return min(complete, key=len)


def _heading_with(article: Article, word: str) -> str:
    for line in ([article.title] if article.title else []) + [p.text for p in article.headings]:
        if word in line:
            return line
    return ""


# --------------------------------------------------------------------------- public


def _hsk(key: str) -> str:
    from ..lexicon import hsk_level

    return hsk_level(key) or "beyond"


def _level_num(h: str) -> int:
    return 7 if h == "7-9" else (10 if h == "beyond" else int(h))


def _kinds(body: Sequence[_Use], heads: Sequence[_Use], reporter: str | None) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for u in [*body, *heads]:
        if u.key not in kinds:
            k = _kind(u.key, u.pos, reporter)
            if k:
                kinds[u.key] = k
    return kinds


def extract_vocab(article: Article, options: object | None = None) -> tuple[VocabItem, ...]:
    """The article's key words, best first, leaving out names, words at or below `options.level`,
    and `options.known`; at most `options.max_vocab`."""
    from ..lexicon import pinyin
    from ..segment import is_domain_word

    level = getattr(options, "level", 0) or 0
    known = getattr(options, "known", frozenset()) or frozenset()
    limit = getattr(options, "max_vocab", 30) or 30
    body, heads, lead = _uses(article)
    abbrs = _abbreviations(article)
    kinds = _kinds(body, heads, article.reporter)
    counts = Counter(u.key for u in [*body, *heads])
    # names count too: 香港 "Hong Kong" in the context makes 内地 "mainland China (… excluding Hong Kong …)"
    ctx = _context((k, 1) for k in counts if kinds.get(k) in ("vocab", "place", "person"))
    firsts: dict[str, _Use] = {}
    where: dict[str, list[int]] = {}
    for u in body:
        firsts.setdefault(u.key, u)
        if not where.get(u.key) or where[u.key][-1] != u.sentence:
            where.setdefault(u.key, []).append(u.sentence)
    for u in heads:
        firsts.setdefault(u.key, u)
    out: list[VocabItem] = []
    for key, score in _rank(body, heads, lead, kinds):
        use = firsts[key]
        hsk = _hsk(key)
        if _level_num(hsk) <= level or key in known or use.shown in known:
            continue
        reading = pinyin(key)
        shown_py, g, parts = gloss(key, use.pos, ctx, reading, full=abbrs.get(key) or None, family=counts,
                                   used_as={k: u.pos for k, u in firsts.items()})
        if parts and not abbrs.get(key) and not is_domain_word(key):
            continue  # no dictionary has it: a free phrase (稳定增长) or a fragment (分中心 "0.01 yuan + centre")
        example = _example(article, where.get(key, ())) or _heading_with(article, use.shown)
        out.append(VocabItem(word=use.shown, pinyin=shown_py, pos=use.pos, gloss=g, hsk=hsk,
                             count=counts[key], sentence=example,
                             score=round(score, 4), from_parts=parts))
        if len(out) >= limit:
            break
    return tuple(out)


# What may follow a person's name: a verb of saying or acting, a particle, punctuation. Anything else right after
# a two-character "name" means jieba cut a longer one (李成|东, 吳承|諦) or took a phrase for one (和小微|企业).
_AFTER_NAME = re.compile(r"^(?:[^\u4e00-\u9fff]|表示|說|说|指出|認為|认为|称|稱|的|在|和|與|与|等|是|也|則|则|曾|還|还|對|对|向|"
                         r"將|将|已|介紹|介绍|強調|强调|透露|告訴|告诉|坦言|提到|先生|女士|教授|博士|院士|同志|一|兩|两|都|均|"
                         r"為|为|被|把|就|又|再|从|從|于|於|到|说道|表态|回应|回應|分析|建议|建議|看来|看來|认|認|介|主|带|帶|以及|及|或|等|曾|今|近|日|昨)")


def _cut_name(name: str, text: str) -> bool:
    """Whether every mention of this two-character name runs on into more name (a cut) or a common word."""
    spots = [m.end() for m in re.finditer(re.escape(name), text)]
    return len(name) in (2, 3) and bool(spots) and all(not _AFTER_NAME.match(text[e:e + 2]) for e in spots)


def name_groups(article: Article) -> dict[str, tuple[str, ...]]:
    """People and places the article names, in order of first mention (its own script)."""
    body, heads, _ = _uses(article)
    kinds = _kinds(body, heads, article.reporter)
    groups: dict[str, dict[str, None]] = {"people": {}, "places": {}}
    text = "\n".join([article.title or "", article.body, *(p.text for p in article.paragraphs if p.is_heading)])
    for u in [*heads, *body]:
        k = kinds.get(u.key)
        if k == "person":
            if _cut_name(u.shown, text):
                continue
            groups["people"].setdefault(u.shown, None)
        elif k == "place":
            groups["places"].setdefault(u.shown, None)
    return {g: tuple(v) for g, v in groups.items()}


def extract_names(article: Article) -> tuple[str, ...]:
    """Names of people, then of places: shown to the learner apart from the vocabulary."""
    g = name_groups(article)
    return g["people"] + g["places"]


# --------------------------------------------------------------------------- options from the command line


def parse_level(text: str | int | None) -> int:
    """`hsk4`, `HSK 4` or `4` → 4; 0 or empty keeps every word. Levels above 6 are `7` (the 7-9 band)."""
    from ..errors import InputError

    if text is None or text == "":
        return 0
    if isinstance(text, int):
        value = text
    else:
        m = re.fullmatch(r"\s*(?:hsk)?\s*(\d)(?:-9)?\s*", text, re.I)
        if not m:
            raise InputError(f"--level {text!r}: not an HSK level; write hsk1 … hsk6 or hsk7 (the 7-9 band)")
        value = int(m.group(1))
    if not 0 <= value <= 9:
        raise InputError(f"--level {text!r}: HSK levels run from 1 to 9; write hsk1 … hsk6 or hsk7")
    return min(value, 7)


_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "colon": ":", "space": " "}


def _anki_field(field: str) -> str:
    """The word in an Anki note's first field: quotes, HTML tags and entities, and any pinyin after it removed
    ("<b>出口</b>&nbsp;chūkǒu" → 出口)."""
    import html

    f = field.strip()
    if len(f) >= 2 and f[0] == f[-1] == '"':
        f = f[1:-1].replace('""', '"')
    f = re.sub(r"\[sound:[^\]]*\]", " ", f)
    f = html.unescape(re.sub(r"<[^>]*>", " ", f)).replace("\xa0", " ").strip()
    lead = re.match(r"[\u3400-\u9fff\uf900-\ufaff·]+", f)
    return lead.group(0) if lead else f


def read_known(path: str | Path) -> frozenset[str]:
    """Words the learner knows: one a line, `#` starts a comment; traditional words count in simplified too.

    An Anki export (File → Export → Notes in Plain Text: `#separator:tab` and other `#` header lines, then one
    note a line) works as it is: the first field of each note is the word, its HTML stripped."""
    from ..errors import InputError
    from ..ingest import read_file

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: known-words file not found; give a text file with one word a line")
    try:
        text = read_file(p).text
    except InputError:
        text = p.read_text(encoding="utf-8", errors="replace")
    sep = "\t"
    words: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            m = re.match(r"#separator:(\w+)", line.strip(), re.I)
            if m:
                sep = _ANKI_SEPARATORS.get(m.group(1).lower(), sep)
            continue
        if sep in line and (sep != "\t" or "\t" in line):
            w = _anki_field(line.split(sep, 1)[0])
        else:
            w = line.split("#", 1)[0].strip()
        if w:
            words.add(w)
            words.add(_simp(w, "traditional"))
    return frozenset(words)
