"""Facts found in an article's sentences: the raw material of comprehension questions.

Each extractor is one function `Article -> tuple[Fact, ...]`, listed in `EXTRACTORS`. A Fact keeps the
sentence it stands in and the character span of its answer inside that sentence, so a question made
from it can always show its evidence. Extractors are pattern-based and conservative: a fact that
cannot be stated without ambiguity is better left out than turned into a wrong question.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article, Sentence, Token


@dataclass(frozen=True)
class Fact:
    kind: str  # quantity | date | quote | person | org | definition | list | cause | ability | heading
    sentence: Sentence
    paragraph: int  # 1-based among the article's non-heading paragraphs
    span: tuple[int, int]  # the answer, as offsets inside sentence.text
    clause: tuple[int, int] = (0, 0)  # the clause that states the fact, inside sentence.text
    unit: str = ""  # quantity: base unit (元, %, 辆, 个…); date: granularity (y, ym, md, ymd, m)
    measure: str = ""  # quantity/date: the words before the answer in its clause; quote: the quote
    speaker: str = ""  # quote: who said it (a person's name, or an organisation)
    title: str = ""  # person: title, e.g. 院长
    org: str = ""  # person: organisation; org facts: the organisation
    verb: str = ""  # quote: 说/表示/指出…; cause: 得益于/旨在…
    items: tuple[str, ...] = ()  # list: the items; heading: the heading text in items[0]
    head: str = ""  # list: what the items are (领域); definition: the term defined

    @property
    def answer(self) -> str:
        return self.sentence.text[self.span[0]:self.span[1]]

    @property
    def clause_text(self) -> str:
        a, b = self.clause if self.clause != (0, 0) else (0, len(self.sentence.text))
        return self.sentence.text[a:b]


# --------------------------------------------------------------------------- helpers

CLAUSE_PUNCT = "，；：,;:。！？!?"
_OPEN, _CLOSE = "“‘「『《(（", "”’」』》)）"


def clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence: split at ，；：。 outside quotes, brackets and book-title marks."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in CLAUSE_PUNCT and depth == 0:
            if i > start:
                out.append((start, i))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def clause_of(text: str, pos: int) -> tuple[int, int]:
    for a, b in clauses(text):
        if a <= pos < b:
            return a, b
    return 0, len(text)


def _paragraph_numbers(article: Article) -> list[tuple[int, Sentence]]:
    out = []
    n = 0
    for p in article.paragraphs:
        if p.is_heading:
            continue
        n += 1
        out.extend((n, s) for s in p.sentences)
    return out


def _is_byline(article: Article, s: Sentence) -> bool:
    """Sentences about the reporter, the photographer or the outlet are never asked about."""
    t = s.text
    if "记者" in t or re.search(r"(摄|报道|编辑|责编|来源)[）)]?\s*$", t):
        return True
    for who in (article.reporter, article.byline):
        if who and who in t:
            return True
    return False


def sentences(article: Article) -> list[tuple[int, Sentence]]:
    """(paragraph number, sentence) for every sentence a question may be asked about."""
    return [(n, s) for n, s in _paragraph_numbers(article) if not _is_byline(article, s)]


# Words that open a clause but carry no content: dropped from the start of stems.
LEAD_WORDS = ("其中", "同时", "此外", "另外", "与此同时", "而且", "并且", "而", "并", "但", "但是", "同样",
              "数据显示", "统计显示", "据统计", "据了解", "据悉", "据介绍", "比如", "例如", "如今", "目前", "当前")


_LEAD_LONGEST_FIRST = tuple(sorted(LEAD_WORDS, key=len, reverse=True))


def strip_lead(text: str) -> str:
    """Drop connectives and leading punctuation from a clause, so a stem never starts with them."""
    changed = True
    while changed:
        changed = False
        t = text.lstrip("，。；：、,;: \u3000")
        if t != text:
            text, changed = t, True
        for w in _LEAD_LONGEST_FIRST:  # 但是 before 但: never leave a stray 是
            if text.startswith(w) and len(text) > len(w) + 3:
                text, changed = text[len(w):], True
                break
    return text


# --------------------------------------------------------------------------- quantities

_NUM = r"\d+(?:\.\d+)?"
_MAG = r"(?:万亿|萬億|千亿|千億|百亿|百億|亿|億|千万|千萬|百万|百萬|万|萬|千)?"
_APPROX = r"(?:接近|將近|将近|超过|超過|不到|不足|超|逾|近|约|約|上)?"
UNITS = ("个百分点", "百分点", "%", "％", "元", "美元", "港元", "欧元", "元人民币", "辆", "公里", "千米", "米",
         "秒", "分钟", "小时", "天", "倍", "家", "个", "项", "名", "位", "款", "台", "部", "种", "条", "次", "吨",
         "千瓦时", "千瓦", "瓦", "座", "片", "户", "人次", "人", "所", "件", "只", "股", "份", "套", "艘",
         "架", "篇", "张", "GB", "TB", "平方米", "亩", "公顷", "岁", "周", "颗", "枚", "场", "批", "支",
         # the same in traditional characters (Hong Kong and Taiwan news)
         "個百分點", "百分點", "歐元", "元人民幣", "輛", "分鐘", "小時", "個", "項", "臺", "種", "條", "噸",
         "千瓦時", "戶", "張", "畝", "公頃", "歲", "週", "顆", "場", "隻")
_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")"
QTY_RE = re.compile(rf"(?<![\d.\-—])({_APPROX})({_NUM}(?:[-—~～至到]{_NUM})?)({_MAG})({_UNIT})(多|余|餘|以上)?")
FUZZY_RE = re.compile(r"(上|数)(万|千|百|亿|十)(亿)?(元|辆|家|个|人|项|种)")
# A classifier is followed by its noun; a measure unit ends the amount.
CLASSIFIERS = {"个", "项", "名", "位", "款", "台", "部", "种", "条", "次", "座", "片", "户", "所", "件", "只",
               "家", "套", "艘", "架", "篇", "张", "颗", "枚", "场", "批", "支", "股", "份",
               "個", "項", "臺", "種", "條", "戶", "張", "顆", "場", "隻"}
_DATEISH = re.compile(r"\d+(?:[-—至到]\d+)?(?:年|月份|月|日|号|季度|时)")


def base_unit(unit: str) -> str:
    return {"％": "%", "百分点": "个百分点", "元人民币": "元", "百分點": "個百分點", "元人民幣": "元"}.get(unit, unit)


def parse_number(text: str) -> float | None:
    """The value of an amount such as 19.75万亿元, 超过30%, 3000万 (ranges: the lower bound)."""
    m = re.search(rf"({_NUM})(?:[-—~～至到]{_NUM})?({_MAG})", text)
    if not m:
        return None
    mag = m.group(2).translate(str.maketrans("萬億", "万亿"))
    mult = {"": 1, "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "百亿": 1e10, "千亿": 1e11,
            "万亿": 1e12}[mag]
    return float(m.group(1)) * mult


def extract_quantities(article: Article) -> tuple[Fact, ...]:
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        for m in QTY_RE.finditer(t):
            unit = m.group(4)
            a, b = m.start(), m.end()
            if unit in ("个", "家") and t[b:b + 1] in ("月", "季"):  # 前2个月, 3个季度: a time span
                continue
            if unit in CLASSIFIERS and m.group(3) == "" and len(m.group(2)) == 4 and t[b - 1:b] == "年":
                continue
            ca, cb = clause_of(t, a)
            before = strip_lead(t[ca:a])
            out.append(Fact("quantity", s, n, (a, b), (ca, cb), unit=base_unit(unit), measure=before))
        for m in FUZZY_RE.finditer(t):
            ca, cb = clause_of(t, m.start())
            out.append(Fact("quantity", s, n, (m.start(), m.end()), (ca, cb), unit="~" + m.group(4),
                            measure=strip_lead(t[ca:m.start()])))
    return tuple(out)


# --------------------------------------------------------------------------- dates

DATE_RE = re.compile(
    r"(?:(?P<y>\d{4})年|(?P<rel>今年|去年|明年|前年))?"
    r"(?:(?P<m>\d{1,2})月(?:份)?)?"
    r"(?:(?P<d>\d{1,2})日)?")


def date_granularity(text: str) -> str:
    m = DATE_RE.fullmatch(text)
    if not m:
        return ""
    g = ("y" if m.group("y") else "r" if m.group("rel") else "") + ("m" if m.group("m") else "") + \
        ("d" if m.group("d") else "")
    return g


def extract_dates(article: Article) -> tuple[Fact, ...]:
    """Dates with at least a year or a month: 2021年5月, 今年7月, 12月20日, 2018年."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        for m in DATE_RE.finditer(t):
            if m.end() == m.start():
                continue
            g = date_granularity(m.group(0))
            if g in ("", "r", "d", "rd") or (g == "y" and not m.group("y")):
                continue
            if re.match(r"[\d.\-—至到]", t[m.end():m.end() + 1] or "x") or t[max(0, m.start() - 1):m.start()] in ("-", "—", "至", "到", "~"):
                continue  # part of a range such as 1-2月 or 1—7月份
            if t[m.end():m.end() + 2] in ("以来", "时的", "年底") or t[m.end():m.end() + 1] in ("时", "底", "末", "初", "前"):
                continue
            ca, cb = clause_of(t, m.start())
            out.append(Fact("date", s, n, (m.start(), m.end()), (ca, cb), unit=g,
                            measure=strip_lead(t[ca:m.start()])))
    return tuple(out)


# --------------------------------------------------------------------------- quotes and speakers

SAY_VERBS = ("表示", "认为", "指出", "强调", "说", "介绍", "透露", "称", "坦言", "直言", "提出", "预计", "建议")
GENERIC_SPEAKERS = ("业内人士", "专家", "分析人士", "有关负责人", "相关负责人", "负责人", "人士", "他", "她", "他们",
                    "记者", "受访者", "业内", "市场人士", "机构", "分析师", "研究员")
_SAY_RE = re.compile(r"(?:" + "|".join(SAY_VERBS) + r")(?:道)?[，：:]")


def _speaker_of(s: Sentence, end: int) -> tuple[int, int] | None:
    """The speaker just before offset `end` (where the saying verb starts), within its clause."""
    t = s.text
    ca, _ = clause_of(t, max(0, end - 1))
    seg_start = ca
    # The speaker is a person's name (nr) at the end, possibly after a title; or an organisation.
    toks = [tk for tk in s.tokens if seg_start <= tk.start and tk.start + len(tk.text) <= end]
    if not toks:
        return None
    last = toks[-1]
    if last.text in LEADER_TITLES and len(toks) > 1:
        last = toks[-2]
    if last.text in ("都", "也", "均", "则", "則") and len(toks) > 1:
        last = toks[-2]  # 王填都表示: the adverb is not part of the name
    if last.pos == "nr" and 2 <= len(last.text) <= 4:
        name = last.text
        if len(name) == 3 and name[-1] in "都也均" :
            name = name[:2]  # jieba glued the adverb on: 王填都 → 王填
        return last.start, last.start + len(name)
    m = re.search(rf"{_TITLE_RE}([{''.join(sorted(SURNAMES))}][\u4e00-\u9fff]{{1,2}})$", t[ca:end])
    if m:
        return ca + m.start(1), ca + m.end(1)
    return None


def extract_quotes(article: Article) -> tuple[Fact, ...]:
    """Who said what: `X表示/指出/…，…`, `X说：“…”`, `“…”X说`, and `“…。”` followed by `X说。`."""
    out: list[Fact] = []
    sents = sentences(article)
    for i, (n, s) in enumerate(sents):
        t = s.text
        # X verb，content  /  X verb：“content”
        for m in _SAY_RE.finditer(t):
            verb = m.group(0).rstrip("，：:")
            verb = verb[:-1] if verb.endswith("道") else verb
            sp = _speaker_of(s, m.start())
            if sp is None:
                continue
            # the speaker must start its clause (after a title/organisation): X is the subject
            content = t[m.end():].strip("“”。 ")
            if len(content) < 6:
                continue
            ca, _ = clause_of(t, sp[0])
            head = t[ca:sp[0]]
            out.append(Fact("quote", s, n, sp, (ca, len(t)), speaker=t[sp[0]:sp[1]], verb=verb,
                            measure=content, title=strip_lead(head)))
        # “quote”X说 in one sentence
        m = re.match(r"^“([^”]{6,})”([^“”，。]{2,30}?)(说|表示|指出|强调|认为)。?$", t)
        if m:
            sp = _speaker_of(s, m.start(3))
            if sp:
                out.append(Fact("quote", s, n, sp, (0, len(t)), speaker=t[sp[0]:sp[1]], verb=m.group(3),
                                measure=m.group(1).rstrip("。"), title=t[m.end(1) + 1:sp[0]]))
        # “quote。” then a sentence `X说。`
        if re.fullmatch(r"“[^”]{6,}”", t) and i + 1 < len(sents):
            n2, s2 = sents[i + 1]
            m2 = re.fullmatch(r"([^“”，。]{2,30}?)(说|表示|指出|强调|认为)。", s2.text)
            if m2:
                sp = _speaker_of(s2, m2.start(2))
                if sp:
                    out.append(Fact("quote", s2, n2, sp, (0, len(s2.text)), speaker=s2.text[sp[0]:sp[1]],
                                    verb=m2.group(2), measure=t.strip("“”").rstrip("。"),
                                    title=s2.text[:sp[0]]))
    return tuple(out)


# --------------------------------------------------------------------------- people, titles, organisations

ORG_SUFFIX = ("总署", "总局", "部", "局", "委员会", "委", "协会", "研究院", "研究所", "大学", "学院", "银行", "集团",
              "公司", "中心", "交易所", "办公室", "基金会", "学会", "联合会", "政府", "法院", "检察院", "组织", "联盟")
TITLES = ("院长", "所长", "局长", "司长", "部长", "主任", "秘书长", "副秘书长", "理事长", "会长", "董事长", "总经理",
          "总裁", "首席经济学家", "经济学家", "分析师", "研究员", "教授", "副教授", "院士", "主席", "行长", "副行长",
          "总监", "创始人", "副总裁", "首席执行官", "CEO", "负责人", "副所长", "副院长", "副局长", "副司长",
          "副部长", "副主任", "副会长", "合伙人", "总工程师", "处长", "科长", "市长", "省长", "书记")
_TITLE_RE = "(?:原|前)?副?(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + ")"
LEADER_TITLES = ("总书记", "主席", "总理", "委员长", "副主席", "副总理")


def org_names(article: Article) -> list[str]:
    """Organisations named in the article (jieba nt words and words ending like one), in order."""
    seen: dict[str, None] = {}
    for _, s in sentences(article):
        for tk in s.tokens:
            w = tk.text
            if len(w) < 3 or w.startswith(("有限", "股份", "公司", "集团")) or w in ORG_SUFFIX:
                continue
            if not w.endswith(ORG_SUFFIX + ("中央", "海关", "央行", "院", "社", "会")):
                continue
            if tk.pos == "nt" or (tk.pos.startswith("n") and w.endswith(ORG_SUFFIX) and len(w) >= 4):
                seen.setdefault(w, None)
    return list(seen)


SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
               "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
               "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
               "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
               "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘"
               "池查麻苑迟邝习")


def person_names(article: Article) -> list[str]:
    """People named in the article: speakers and titled people first, then nr words with a common surname.

    The reporter is left out; jieba's nr tag alone is not trusted (it tags 大力支持 as a name)."""
    seen: dict[str, None] = {}
    for f in (*extract_quotes(article), *extract_people(article)):
        seen.setdefault(f.speaker, None)
    for _, s in sentences(article):
        for tk in s.tokens:
            if tk.pos == "nr" and 2 <= len(tk.text) <= 3 and tk.text[0] in SURNAMES:
                seen.setdefault(tk.text, None)
    rep = article.reporter or ""
    return [n for n in seen if n and n not in rep]


def extract_people(article: Article) -> tuple[Fact, ...]:
    """`ORG + TITLE + NAME` (海关总署统计分析司司长李魁文): the name, its title and its organisation."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        spans = {(tk.start, tk.start + len(tk.text)) for tk in s.tokens if tk.pos == "nr" and 2 <= len(tk.text) <= 4}
        for m0 in re.finditer(rf"{_TITLE_RE}([{''.join(sorted(SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
                              rf"(?=(?:{'|'.join(SAY_VERBS)}|日前|近日|在|，|、|。))", t):
            spans.add((m0.start(1), m0.end(1)))
        for st, en in sorted(spans):
            tk = Token(t[st:en], "nr", st)
            pre = t[:tk.start]
            m = re.search(rf"([\u4e00-\u9fff、]{{2,30}}?)({_TITLE_RE})$", pre)
            if not m:
                continue
            ca, _ = clause_of(t, tk.start)
            lo = max(m.start(), ca)
            org_title = strip_lead(t[lo:tk.start])
            org_title = org_title.split("、")[-1]
            title_m = re.search(rf"({_TITLE_RE})$", org_title)
            title = title_m.group(1) if title_m else ""
            org = org_title[:len(org_title) - len(title)]
            if not org or re.search(r"时任|時任|印有|担任|擔任|出任", org):
                continue  # 印有時任華北人民政府主席: a clause, not an organisation
            a = tk.start - len(org_title)
            out.append(Fact("person", s, n, (tk.start, tk.start + len(tk.text)), (a, tk.start + len(tk.text)),
                            title=title, org=org, speaker=tk.text, measure=org_title))
    return tuple(out)


_DATA_SHOW = re.compile(r"([\u4e00-\u9fff]{3,20}?)(?:发布的|公布的|最新)?(?:数据|统计|报告)(?:显示|表明)")


_ORG_DATA = re.compile(r"(?:^|[，。：])([\u4e00-\u9fff]{2,14}?(?:" + "|".join(ORG_SUFFIX) + r"))"
                       r"(?:\d{1,2}月\d{1,2}日)?(?:发布|公布)?的?(?:数据|统计|报告)(?:显示|表明)[，：]")


def extract_orgs(article: Article) -> tuple[Fact, ...]:
    """`ORG数据显示，…`: which organisation a statement comes from."""
    out: list[Fact] = []
    orgs = set(org_names(article))
    for n, s in sentences(article):
        t = s.text
        for m in _ORG_DATA.finditer(t):
            if m.group(1) in orgs or m.start(1) in {tk.start for tk in s.tokens if tk.text in orgs}:
                continue
            org = strip_lead(m.group(1))
            a = m.end(1) - len(org)
            content = t[m.end():].strip("，：。")
            if len(org) >= 4 and len(content) >= 8:
                out.append(Fact("org", s, n, (a, m.end(1)), (a, len(t)), org=org, measure=content,
                                verb=t[m.end(1):m.end()].rstrip("，：")))
        for tk in s.tokens:
            if tk.text not in orgs:
                continue
            rest = t[tk.start + len(tk.text):]
            m = re.match(r"(?:\d+月\d+日|今天（[^）]*）|今天)?(?:发布|公布)?的?(?:数据|统计|报告)(?:显示|表明)[，：]", rest)
            verb_m = re.match(r"(?:预计|表示|指出|认为|发布|公布|宣布)", rest)
            if not (m or verb_m):
                continue
            end = tk.start + len(tk.text) + (m.end() if m else verb_m.end())
            content = t[end:].strip("，：。")
            if len(content) < 8:
                continue
            out.append(Fact("org", s, n, (tk.start, tk.start + len(tk.text)), (tk.start, len(t)), org=tk.text,
                            measure=content, verb=(m.group(0) if m else verb_m.group(0)).rstrip("，：")))
        m = _ORG_SUBJ.match(t)
        ends = {tk.start + len(tk.text): tk for tk in s.tokens}
        if m and all(len(x) >= 3 and (x in orgs or any(tk.pos == "nt" and x == tk.text for tk in s.tokens)
                                      or _org_shaped(s, t.find(x), x)) for x in m.group(1).split("、")) \
                and m.end(1) in ends and ends[m.end(1)].pos.startswith("n"):
            ca, cb = clause_of(t, 0)
            pred = t[m.end():cb]
            verbs = [tk for tk in s.tokens if m.end() <= tk.start < cb and tk.pos.startswith("v")]
            first = [tk for tk in s.tokens if tk.start + len(tk.text) > m.end()][:1]
            if verbs and 8 <= len(pred) <= 40 and not re.search(r"\d", pred) and not pred.startswith(("数据", "的")) \
                    and first and first[0].pos.startswith(("v", "p", "d")) and "、" not in pred \
                    and not pred.endswith(SAY_VERBS + ("显示", "表明")):
                out.append(Fact("org", s, n, (m.start(1), m.end(1)), (0, cb), org=m.group(1), measure=pred,
                                verb="", items=tuple(m.group(1).split("、"))))
    return tuple(out)


def _org_shaped(s: Sentence, start: int, x: str) -> bool:
    """An organisation cut into several jieba words (工业/和/信息化/部): nouns only, whole words."""
    toks = [tk for tk in s.tokens if start <= tk.start < start + len(x)]
    return (bool(toks) and toks[0].start == start and toks[-1].start + len(toks[-1].text) == start + len(x)
            and all(tk.pos.startswith("n") or tk.text == "和" for tk in toks) and toks[-1].pos.startswith("n"))


_ORG_SUBJ = re.compile(r"^((?:[\u4e00-\u9fff]{2,14}(?:" + "|".join(ORG_SUFFIX) + r")、)*[\u4e00-\u9fff]{2,14}(?:"
                       + "|".join(ORG_SUFFIX) + r"))(?:\d{1,2}日|日前|近日|今天|昨天)?(?=[\u4e00-\u9fff])")


# --------------------------------------------------------------------------- definitions

_DEF_RE = re.compile(r"^([^，。；：“”]{2,20}?)(是|即(?![可将使便时])|被称为|被誉为)([^，。；：]{4,40})[。；]?$")


def extract_definitions(article: Article) -> tuple[Fact, ...]:
    """`A是B`, `A，即B`, `A被称为B`: a term and what it is, when both fit in one clause."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        for ca, cb in clauses(t):
            c = t[ca:cb]
            m = _DEF_RE.match(c)
            if not m:
                continue
            term, verb, desc = m.group(1), m.group(2), m.group(3)
            lead = strip_lead(term)
            off = len(term) - len(lead)
            a = ca + off
            if len(lead) < 2 or re.search(r"\d", lead) or lead.startswith(("该", "此", "其", "本")) or lead in ("这", "这是", "那", "它", "其", "这也") or lead.startswith(("这", "那", "它", "也")):
                continue
            toks = [tk for tk in s.tokens if a <= tk.start < a + len(lead)]
            if not toks or not toks[-1].pos.startswith(("n", "vn", "eng")) or lead.startswith(SAY_VERBS):
                continue
            if verb == "是" and not (desc.endswith(("之一", "者")) or re.search(r"的[\u4e00-\u9fff]{2,}$", desc)):
                continue  # "A是B" only when B is a noun phrase: ...的N, ...之一
            if desc.startswith(("否", "以", "在", "从", "由", "对", "把", "被", "为", "因为", "由于", "指")) \
                    or lead.endswith(("是否", "但", "也", "都", "就", "还")):
                continue  # 是否…, 是以…为主, 是在…: not a definition
            if re.match(r"[①-⑳⑴-⒇]", lead):
                continue
            out.append(Fact("definition", s, n, (a, a + len(lead)), (a, cb), head=lead, verb=verb, measure=desc))
    return tuple(out)


# --------------------------------------------------------------------------- lists and counts

_NOUNISH = ("n", "nz", "vn", "nt", "ns", "b", "an", "eng", "nrt")
_LIST_RE = re.compile(r"(?:[^、，。；：“”]{1,12}、){2,}[^、，。；：“”]{1,12}?等")


def _noun_run_back(s: Sentence, end: int, lo: int) -> int | None:
    """Start of the run of noun-like tokens that ends exactly at `end` (not before `lo`)."""
    toks = [tk for tk in s.tokens if tk.start + len(tk.text) <= end and tk.start >= lo]
    start = None
    for tk in reversed(toks):
        if tk.start + len(tk.text) != (start if start is not None else end):
            break
        if not (tk.pos.startswith(_NOUNISH) or tk.pos in ("a", "m") and start is not None):
            break
        start = tk.start
    return start


def extract_lists(article: Article) -> tuple[Fact, ...]:
    """`A、B、C等领域`: three or more noun items and the noun that names them."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        for m in _LIST_RE.finditer(t):
            body = t[m.start():m.end() - 1]
            seps = [m.start() + i for i, ch in enumerate(body) if ch == "、"]
            first_start = _noun_run_back(s, seps[0], m.start())
            intro = re.match(r"(?:比如|例如|诸如|包括|如)(?=[\u4e00-\u9fff])", body)
            if intro and (first_start is None or first_start < m.start() + intro.end()):
                first_start = m.start() + intro.end()  # 如技术滥用、深度伪造…: the items begin after 如
            if first_start is None:
                continue
            lead = [tk for tk in s.tokens if first_start <= tk.start < seps[0]]
            second = [tk for tk in s.tokens if tk.start == seps[0] + 1]
            verb_items = bool(second) and second[0].pos.startswith("v")  # 限制A、限制B: keep the verbs
            while len(lead) > 1 and lead[0].pos in ("v", "vn", "vd", "p", "d") and not verb_items:
                lead = lead[1:]
            first_start = lead[0].start if lead else first_start
            items = tuple(t[first_start:m.end() - 1].split("、"))
            # every item must be whole tokens of nouns
            bounds = {tk.start for tk in s.tokens} | {tk.start + len(tk.text) for tk in s.tokens}
            pos_ok = True
            off = first_start
            for it in items:
                if off not in bounds or off + len(it) not in bounds or not 2 <= len(it) <= 10:
                    pos_ok = False
                off += len(it) + 1
            if not pos_ok or len(set(items)) < len(items):
                continue
            after = m.end()
            rest = [tk for tk in s.tokens if tk.start >= after]
            while rest and rest[0].text in ("多个", "一系列", "诸多", "多种", "多项", "各", "多", "个", "各类", "一批"):
                rest = rest[1:]
            head = ""
            pos = rest[0].start if rest else 0
            for tk in rest[:4]:
                if tk.start != pos or not tk.pos.startswith(("n", "vn")) or tk.pos in ("nr", "ns", "nt"):
                    break
                if tk.pos.startswith("vn") and head or head == "方面":  # 领域融合发展: the head is 领域
                    break
                head += tk.text
                pos += len(tk.text)
            if not head and t[after:after + 1] in "。；，":
                # 可能引发伦理问题，如技术滥用、深度伪造、数据侵权等。: the head stands before 如
                mb = re.search(r"([\u4e00-\u9fff]{2,8})[，,]?(?:如|比如|例如|包括|诸如)$", t[:first_start])
                hs = _noun_run_back(s, mb.end(1), mb.start(1)) if mb else None
                if mb and hs is not None and mb.end(1) - hs >= 2:
                    toks = [tk for tk in s.tokens if hs <= tk.start < mb.end(1)]
                    if toks and toks[-1].pos.startswith("n") and toks[-1].pos not in ("nr", "ns", "nt"):
                        head = t[hs:mb.end(1)]
            if len(head) < 2:  # 英國、加拿大、新加坡等國: a one-character head makes no question
                continue
            out.append(Fact("list", s, n, (first_start, m.end() - 1), clause_of(t, first_start), items=items,
                            head=head))
    return tuple(out)


# --------------------------------------------------------------------------- cause, purpose, result

_CAUSE_PATTERNS = (
    ("得益于", re.compile(r"(?:主要|这|这主要)?得益于([^。；]{4,60})")),
    ("旨在", re.compile(r"旨在([^，。；]{4,40})")),
    ("为了", re.compile(r"^为了([^，。；]{4,40})，")),
    ("由于", re.compile(r"^由于([^，。；]{4,40})，")),
    ("因为", re.compile(r"^因为([^，。；]{4,40})，")),
    ("有助于", re.compile(r"有助于([^，。；]{4,40})")),
)


def extract_causes(article: Article) -> tuple[Fact, ...]:
    """Why something happened or what it is for: 得益于, 旨在, 为了, 由于, 有助于."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        for verb, rx in _CAUSE_PATTERNS:
            for m in rx.finditer(t):
                a, b = m.start(1), m.end(1)
                ans = t[a:b].rstrip("，")
                b = a + len(ans)
                if verb in ("得益于", "旨在", "有助于"):
                    ca, _ = clause_of(t, m.start())
                    subj = strip_lead(t[ca:m.start()]).rstrip("，")
                    subj = re.sub(r"(主要|这主要|这)$", "", subj)
                else:
                    rest = t[m.end():]
                    subj = strip_lead(rest[:rest.find("，") if "，" in rest else len(rest)]).rstrip("。")
                if len(subj) < 4 or subj.startswith(("这", "其", "它")):
                    continue
                out.append(Fact("cause", s, n, (a, b), (a, b), verb=verb, measure=subj))
    return tuple(out)


# --------------------------------------------------------------------------- abilities and requirements

# 可以/能够 say what something can do; 要/必须/需要 what must be done; 有助于 what it helps. The answer is the verb
# phrase that follows, one whole clause, so a short answer or an option is always a clean span of the text.
MODALS = {"可以": "可以", "可": "可以", "能够": "能够", "能": "能够", "要": "要", "必须": "必须", "需要": "需要",
          "有助于": "有助于"}
_SUBJ_POS = ("n", "vn", "nz", "nt", "ns", "b", "l", "eng", "j")
_SOFT_ADVERBS = ("还", "也", "都", "将", "同样", "均", "更")
_CONTEXT_CLAUSE = re.compile(r"^在[^，。；：]{1,14}(?:领域|行业|方面|业|中|上|过程中)$")
_BACK_REFERENCE = ("这", "那", "其", "它", "该", "此", "为此", "因此", "对此", "所以", "然而", "但", "而", "如果", "只有",
                   "一方面", "另一方面", "同时", "此外", "首先", "其次", "最后", "总之")
_CONNECTIVES = ("比如", "例如", "譬如", "同时", "此外", "另外", "其中", "目前", "当前", "如今")
_MEANS_CLAUSE = re.compile(r"^(?:通过|借助|利用|依托|运用)[^，。；：]{2,20}$")
_OBJECT_PREPS = ("对", "为", "向", "给", "与", "把", "将", "和", "同")


def _modal_at(s: Sentence, a: int, b: int) -> Token | None:
    """The first modal word of the clause [a, b) that is not negated (不能, 不可) and not part of 可能."""
    for tk in s.tokens:
        if a <= tk.start < b and tk.text in MODALS and s.text[tk.start - 1:tk.start] not in ("不", "才", "就", "只"):
            return tk
    return None


def _clean_vp(s: Sentence, a: int, b: int, noun_ok: bool = False) -> bool:
    """A verb phrase that stands alone as an answer: opens with a verb, an adverb or 对/为…, ends on content.
    With noun_ok (有助于…) a noun phrase is fine too."""
    t = s.text[a:b]
    toks = [tk for tk in s.tokens if a <= tk.start < b]
    opens = ("v", "d", "p", "a", "l") + (("n",) if noun_ok else ())
    if not toks or toks[0].start != a or not toks[0].pos.startswith(opens) or toks[0].pos == "vn" and len(toks) == 1:
        return False
    if toks[0].pos == "p" and toks[0].text not in _OBJECT_PREPS:
        return False  # 根据学生的特点…, 通过…方式, 在…中: how or where, not what
    if re.search(r"[A-Za-z]", t) or not 4 <= len(t) <= 30 or t.endswith(("的", "了", "等", "着", "过")):
        return False
    if any(t.count(o) != t.count(c) for o, c in ("“”", "（）", "《》", "()")):
        return False
    if toks[0].pos == "p" and not any(tk.pos == "v" for tk in toks[2:]):
        return False  # 对…进行分析 needs its verb
    return toks[0].text not in ("不", "没", "未", "无法", "难以")


def _subject(s: Sentence, a: int, b: int) -> bool:
    """A noun phrase as the clause's subject: nouns (人工智能辅助诊断系统), a quoted term, or N的N."""
    t = s.text[a:b]
    toks = [tk for tk in s.tokens if a <= tk.start < b]
    if not toks or not 2 <= len(t) <= 16 or re.search(r"[\dA-Za-z]", t) or t.startswith(_BACK_REFERENCE):
        return False
    if toks[0].pos.startswith(("r", "d", "c", "p", "u", "v")) and toks[0].text not in ("一些",) and not (
            toks[0].pos == "vn" and len(toks) == 1):
        return False  # 运用人工智能: a verb phrase, not who
    inside = 0
    for i, tk in enumerate(toks):
        if tk.text in "“”":
            inside ^= 1
            continue
        inner_verb = 0 < i < len(toks) - 1 and tk.pos == "v" and toks[0].pos.startswith("n")  # 远程会诊平台
        char_noun = i == len(toks) - 1 > 1 and len(tk.text) == 1 and tk.pos in ("zg", "ng")  # 无人配送车
        if not inside and not (tk.pos.startswith(_SUBJ_POS) or tk.text in ("的", "和", "与", "一些") or inner_verb
                               or char_noun):
            return False
    last = toks[-1]
    if len(last.text) == 1 and last.pos in ("zg", "ng") and len(toks) > 2:
        return True  # 无人配送车: a one-character noun ends the compound
    return last.text == "”" or last.pos.startswith(_SUBJ_POS) and not last.pos.startswith("vn") or \
        last.pos == "vn" and len(toks) > 1


def _object_of(s: Sentence, a: int, b: int) -> tuple[int, int] | None:
    """The noun-phrase object that ends the verb phrase [a, b): 高度重视|管理技术风险 → the span of 管理技术风险."""
    toks = [tk for tk in s.tokens if a <= tk.start < b]
    verbs = [i for i, tk in enumerate(toks) if tk.pos in ("v", "l")]
    if not verbs or verbs[0] > 2 or any(tk.pos not in ("d", "ad", "v") for tk in toks[:verbs[0]]):
        return None
    i = verbs[0]
    while i + 1 < len(toks) and toks[i + 1].pos == "v" and len(toks[i + 1].text) == 2 and i - verbs[0] < 1:
        i += 1  # 制定完善: two verbs, one predicate
    obj = toks[i + 1:]
    if not obj or not all(tk.pos.startswith(_SUBJ_POS) or tk.text in ("的", "和", "与", "、") for tk in obj):
        return None
    if obj[-1].pos == "vn" and len(obj) == 1 or obj[-1].text in ("的", "和", "与", "、"):
        return None
    text = s.text[obj[0].start:b]
    if not 2 <= len(text) <= 16 or re.search(r"[\dA-Za-z“”]", text) or "、" in text:
        return None
    return obj[0].start, b


def extract_abilities(article: Article) -> tuple[Fact, ...]:
    """`[在X领域，]SUBJ 可以/能够/要/必须… VP`, and `TOPIC，要/必须… VP`: who can or must do what.

    head: the subject, or "" when the clause has none; measure: what goes before it in the stem (在医疗领域, or
    the topic clause 开展“人工智能+”行动); verb: the modal; span: the verb phrase, one whole clause."""
    out: list[Fact] = []
    for n, s in sentences(article):
        t = s.text
        spans = clauses(t)
        inherited: tuple[str, str] | None = None  # (head, measure) of the sentence's first ability
        pending: tuple[str, str, str] | None = None  # a subject whose own verb phrase was not clean
        for i, (ca, cb) in enumerate(spans):
            md = _modal_at(s, ca, cb)
            if md is None:
                toks = [tk for tk in s.tokens if ca <= tk.start < cb][:2]
                opens_verb = bool(toks) and (toks[0].pos == "v" or toks[0].pos == "vn" and len(toks) > 1
                                              and toks[1].pos == "v" and len(toks[1].text) == 1)  # 检测出
                if inherited and not opens_verb:
                    inherited = None  # the chain of verb phrases is broken
                if pending and opens_verb and _clean_vp(s, ca, cb):
                    # 诊断系统能够在短时间内对X光…进行分析，检测出疾病的早期迹象: the first clean verb phrase
                    out.append(Fact("ability", s, n, (ca, cb), (ca, cb), verb=pending[2], head=pending[0],
                                    measure=pending[1]))
                pending = None if not opens_verb or pending and _clean_vp(s, ca, cb) else pending
                continue
            lead = strip_lead(t[ca:md.start])
            subj = lead
            for w in _SOFT_ADVERBS:
                if subj.endswith(w) and len(subj) > len(w):
                    subj = subj[:-len(w)]
                    break
            a = md.start + len(md.text)
            clean = _clean_vp(s, a, cb, noun_ok=md.text == "有助于")
            head, measure = "", ""
            if subj:
                sa = md.start - len(lead)
                if not _subject(s, sa, sa + len(subj)):
                    continue
                head = subj
                # what comes before must be a setting (在医疗领域, 通过…) or a bare connective (比如), never a
                # condition (未转股的) or a speaker (周茂华建议): those change what the clause claims
                pre = [strip_lead(t[x:y]) for x, y in spans[:i]]
                pre = [c for c in pre if c not in _CONNECTIVES]
                if any(not (_CONTEXT_CLAUSE.match(c) or _MEANS_CLAUSE.match(c)) or re.search(r"[\dA-Za-z]", c)
                       for c in pre) or len(pre) > 1:
                    continue
                measure = pre[0] if pre else ""
                if not clean:
                    pending = (head, measure, MODALS[md.text]) if md.text != "有助于" else None
                    continue
            elif not clean:
                continue
            elif ca == spans[i][0] and inherited:
                head, measure = inherited
            elif all(strip_lead(t[x:y]) in _CONNECTIVES + ("因此", "为此", "所以") for x, y in spans[:i]):
                # 因此，必须高度重视管理技术风险: no subject, so ask for the object (必须高度重视什么？)
                obj = _object_of(s, a, cb)
                if obj is not None and md.text in ("要", "必须", "需要"):
                    out.append(Fact("ability", s, n, obj, (ca, cb), verb=MODALS[md.text],
                                    items=(t[a:obj[0]],)))
                continue
            elif i == 1 or i == 2 and strip_lead(t[spans[0][0]:spans[0][1]]) == "":
                topic = strip_lead(t[spans[0][0]:spans[0][1]])
                if not 4 <= len(topic) <= 16 or topic.startswith(_BACK_REFERENCE) or re.search(
                        r"[\dA-Za-z]|是|指出|表示|强调|认为|说", topic) or any(
                        tk.pos.startswith("r") for tk in s.tokens if spans[0][0] <= tk.start < spans[0][1]):
                    continue
                measure = topic
            else:
                continue
            if not head and not measure:
                continue
            if inherited is None:
                inherited = (head, measure)
            out.append(Fact("ability", s, n, (a, cb), (ca, cb), verb=MODALS[md.text], head=head, measure=measure))
    return tuple(out)


# --------------------------------------------------------------------------- structure

_SECTION_NO = re.compile(r"^(?:第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+\)|"
                         r"\d+(?:\.\d+)*\.?)\s*")


def heading_text(text: str) -> str:
    """A subheading as a reader would quote it: numbering (2.1, 一、) dropped; "" for headings that are not
    about content (affiliations, keywords, DOIs, PDF debris)."""
    t = _SECTION_NO.sub("", text.strip()).strip()
    cjk = len(re.findall(r"[\u4e00-\u9fff]", t))
    if t in ("引言", "前言", "结论", "结语", "结束语", "参考文献", "致谢", "附录", "摘要", "导语", "背景"):
        return ""  # the parts of a paper, not what a paragraph says
    if not 2 <= len(t) <= 30 or cjk < max(2, 0.7 * len(t)) or re.search(r"\d{3,}|DOI|doi|关键词|關鍵詞|摘要|(.)\1\1", t):
        return ""
    if t.startswith(("【", "[", "(", "（", "+", "图", "表", "圖")) or t.endswith(("）", ")")):
        return ""
    return t


def extract_structure(article: Article) -> tuple[Fact, ...]:
    """Each subheading with the first paragraph it heads (for main-idea questions)."""
    out: list[Fact] = []
    heading: str | None = None
    n = 0
    for p in article.paragraphs:
        if p.is_heading:
            heading = heading_text(p.text) or None
            continue
        n += 1
        if heading and p.sentences:
            s = p.sentences[0]
            out.append(Fact("heading", s, n, (0, len(s.text)), (0, len(s.text)), items=(heading,)))
            heading = None
    return tuple(out)


EXTRACTORS: dict[str, Callable[[Article], tuple[Fact, ...]]] = {
    "quantity": extract_quantities,
    "date": extract_dates,
    "quote": extract_quotes,
    "person": extract_people,
    "org": extract_orgs,
    "definition": extract_definitions,
    "list": extract_lists,
    "cause": extract_causes,
    "ability": extract_abilities,
    "heading": extract_structure,
}


def extract_facts(article: Article, kinds: tuple[str, ...] | None = None) -> tuple[Fact, ...]:
    """All facts of the article, extractor by extractor, in registry order."""
    out: list[Fact] = []
    for kind, fn in EXTRACTORS.items():
        if kinds is None or kind in kinds:
            out.extend(fn(article))
    return tuple(out)
