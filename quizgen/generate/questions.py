"""Comprehension questions from facts: one function per template, picked by fact kind.

A template returns None when it cannot ask its question cleanly (no subject, too few distractors,
an ambiguous clause): the quiz is made of the candidates that survive, ranked and cut to a budget
that grows with the article (`make_questions`). Every stem moves the asked part to a question word
(多少, 什么时候, 谁, 哪个机构, 为什么…) rather than copying the evidence with a hole in it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..extract.facts import CLASSIFIERS, SURNAMES, Fact, clauses, extract_facts, org_names, strip_lead
from ..model import Article, Question
from .distractors import date_distractors, name_distractors, number_distractors, rng, shuffle_options

TF_OPTIONS = ("对", "错")


@dataclass(frozen=True)
class Context:
    article: Article
    article_id: str
    facts: tuple[Fact, ...]
    people: tuple[str, ...]
    orgs: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    question: Question
    score: float
    sentence: str  # evidence, for spreading questions over the article
    group: str = ""  # items that give each other away (a T/F that states a short answer's answer): one per group


# --------------------------------------------------------------------------- helpers

_TIME_SPANS = (r"(?:前\d+个?月|前[一二三四两]季度|前[一二三四两]个月|\d+[-—至]\d+月份?|"
               r"上半年|下半年|一季度|二季度|三季度|四季度|前三季度|\d+月份?|“十四五”期间|过去五年间?|"
               r"今年以来|近年来|目前|当前|截至\S{2,10})")
_TIME_CLAUSE = re.compile(rf"^(?:(?:今年|去年|明年|\d{{4}}年){_TIME_SPANS}?|{_TIME_SPANS})$")


_NO_SUBJECT = ("比", "较", "同比", "环比", "增长", "增速", "增幅", "占", "达到", "下降", "提升", "随后", "分别", "合计",
               "约占", "其", "这", "累计", "整体", "整體", "平均")


def _qid(ctx: Context, kind: str, fact_text: str, extra: str = "") -> str:
    return hashlib.sha1(f"{ctx.article_id}|{kind}|{fact_text}|{extra}".encode()).hexdigest()[:12]


def _time_prefix(f: Fact) -> str:
    """The sentence's opening time phrase (今年前三季度，), if the fact's clause does not hold one."""
    for a, b in clauses(f.sentence.text):
        if a >= f.clause[0]:
            return ""
        first = strip_lead(f.sentence.text[a:b])
        if _TIME_CLAUSE.match(first):
            return first + "，"
    return ""


def _carried_time(f: Fact, ctx: Context) -> str:
    """2025年，A达X亿元；B升至30%: the `；` made two sentences, and the second's figure still belongs to 2025年."""
    if _time_prefix(f) or _TIME_CLAUSE.match(strip_lead(f.sentence.text[f.clause[0]:f.span[0]]).split("，")[0]):
        return ""
    sents = ctx.article.sentences
    i = next((k for k, s in enumerate(sents) if s is f.sentence), 0)
    while i > 0 and sents[i - 1].text.endswith("；"):
        prev = sents[i - 1].text
        first = strip_lead(prev[:clauses(prev)[0][1]]) if clauses(prev) else ""
        if _TIME_CLAUSE.match(first):
            return first + "，"
        i -= 1
    return ""


def _para_text(ctx: Context, n: int) -> str:
    """The text of the article's n-th (1-based) non-heading paragraph."""
    paras = [p for p in ctx.article.paragraphs if not p.is_heading]
    return paras[n - 1].text if 0 < n <= len(paras) else ctx.article.body


_LEAD_DATE = re.compile(r"^((?:\d{4}年)?(?:\d{1,2}月份?)?(?:\d{1,2}日)?(?:末|底|初)?)(?=[\u4e00-\u9fff])")


def _split_lead_date(before: str) -> tuple[str, str]:
    """2019年固废处置领域实现营收 → ("2019年", "固废处置领域实现营收"): the date goes before the question."""
    m = _LEAD_DATE.match(before)
    if not m or not m.group(1) or not re.search(r"[年月日]", m.group(1)):
        return "", before
    return m.group(1), strip_lead(before[m.end():])


def _has_noun(f: Fact, a: int, b: int) -> bool:
    return any(a <= tk.start < b and tk.pos.startswith(("n", "vn", "eng")) and tk.pos != "nr"
               for tk in f.sentence.tokens)


def _last_pos(f: Fact, end: int) -> str:
    toks = [tk for tk in f.sentence.tokens if tk.start + len(tk.text) <= end]
    return toks[-1].pos if toks else ""


_SUBORDINATE_OPEN = ("除了", "如果", "虽然", "随着", "对于", "为了", "尽管", "只要", "由于", "因为")
_SUBORDINATE = _SUBORDINATE_OPEN + ("虽", "在")  # a clause that cannot end what was said


def _short(text: str, limit: int = 28) -> str:
    """A quoted span cut at a clause boundary, with an ellipsis when cut."""
    text = text.strip("“”。；，： ")
    if text.startswith(_SUBORDINATE_OPEN):
        return ""  # a subordinate clause alone does not say what was said
    if len(text) <= limit:
        return text
    cut = 0
    for a, b in clauses(text):
        if b <= limit and not text[a:b].startswith(_SUBORDINATE):
            cut = b  # never end on 随着…/虽然…: the point is in the clause after it
        elif b <= limit:
            continue
        else:
            break
    if cut < 8 or any(text[a:b].startswith(_SUBORDINATE) and b == cut for a, b in clauses(text)):
        return ""
    return text[:cut] + "……"


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in ("“”", "（）", "《》", "()", "‘’"))


def stem_ok(stem: str, answer: str, evidence: str) -> bool:
    """The rules every stem obeys: no answer inside, clean start, balanced quotes, no stray English."""
    if not stem or answer in stem or stem[0] in "，。；：、,.;:）)”“" or re.search(r"[。！][”’]?？$", stem):
        return False  # nor a quoted sentence with 多少 put inside it (…散出去。”？)
    if not _balanced(stem) or re.search(r"[，、；：]？|的？$|了？$", stem):
        return False
    if any(w not in evidence for w in re.findall(r"[A-Za-z]{2,}", stem)):
        return False
    return 6 <= len(stem) <= 90


def _mcq(ctx: Context, f: Fact, skill: str, stem: str, answer: str, distractors: list[str],
         span: tuple[int, int] | None, score: float) -> Candidate | None:
    ev = f.sentence.text
    if len(distractors) < 3 or len(set(distractors + [answer])) < 4 or not stem_ok(stem, answer, ev):
        return None
    qid = _qid(ctx, skill, ev, answer)
    opts, idx = shuffle_options(answer, distractors[:3], qid)
    return Candidate(Question(qid, "mcq", skill, stem, opts, answer, idx, ev, f.paragraph, span), score, ev)


def _short_answer(ctx: Context, f: Fact, skill: str, stem: str, score: float,
                  span: tuple[int, int] | None = None) -> Candidate | None:
    span = span or f.span
    ev = f.sentence.text
    answer = ev[span[0]:span[1]]
    if not answer or len(answer) > 30 or not stem_ok(stem, answer, ev):
        return None
    qid = _qid(ctx, "short_" + skill, ev, answer)
    return Candidate(Question(qid, "short_answer", skill, stem, (), answer, None, ev, f.paragraph, span), score, ev)


def _mcq_or_short(ctx: Context, f: Fact, skill: str, stem: str, answer: str, distractors: list[str],
                  span: tuple[int, int] | None, mcq_score: float, short_score: float,
                  short_span: tuple[int, int] | None = None) -> list[Candidate]:
    """A multiple-choice item when there are three good distractors, else the same stem as a short answer."""
    c = _mcq(ctx, f, skill, stem, answer, distractors, span, mcq_score) \
        or _short_answer(ctx, f, skill, stem, short_score, short_span)
    return [c] if c else []


def _true_false(ctx: Context, f: Fact, skill: str, statement: str, true: bool, score: float) -> Candidate | None:
    ev = f.sentence.text
    stem = f"判断对错：{statement}"
    if not _balanced(stem) or any(w not in ev for w in re.findall(r"[A-Za-z]{2,}", stem)) \
            or len(statement) > 60 or statement.startswith("“"):
        return None
    ans = "对" if true else "错"
    qid = _qid(ctx, "tf_" + skill, ev, statement)
    return Candidate(Question(qid, "true_false", skill, stem, TF_OPTIONS, ans, TF_OPTIONS.index(ans), ev,
                              f.paragraph, None), score, ev)


# --------------------------------------------------------------------------- quantities

_SHARED_ADVERB = re.compile(r"(一共|共|合计|总共|總共|分别|分別|约|約|仅|僅|只有|则|則|为|為|达|達)?$")


def _elided_predicate(f: Fact, before: str) -> str:
    """财险公司一共 after 寿险公司获得AAA类评级的一共5家 → 财险公司获得AAA类评级的一共: a clause that only names
    its subject shares the predicate of the clause before it, and a question on it needs that predicate back.
    Returns `before` unchanged when the clause is not such a clause."""
    t = f.sentence.text
    prev = [(a, b) for a, b in clauses(t) if b < f.clause[0]]
    if not prev or not before:
        return before
    adverb = _SHARED_ADVERB.search(before).group(0) or ""
    subject = before[:len(before) - len(adverb)]
    lo = f.clause[0] + (len(t[f.clause[0]:f.span[0]]) - len(before))
    toks = [tk for tk in f.sentence.tokens if lo <= tk.start < lo + len(subject)]
    if len(subject) < 2 or not toks or any(tk.pos.startswith(("v", "p", "d", "c")) for tk in toks):
        return before
    pa, pb = prev[-1]
    m = re.search(r"\d[\d.]*(?:万|亿|億|千)?" + re.escape(f.unit) + r"?$" if f.unit else r"$^", t[pa:pb])
    if not m:
        return before
    lead = strip_lead(t[pa:pa + m.start()])
    if adverb and not lead.endswith(adverb):
        return before
    lead = lead[:len(lead) - len(adverb)] if adverb else lead
    head = subject[-2:]
    cut = lead.find(head)
    predicate = lead[cut + len(head):] if cut >= 0 else ""
    ptoks = [tk for tk in f.sentence.tokens if pa + m.start() - len(adverb) - len(predicate) <= tk.start < pa + m.start()]
    if cut < 0 or len(predicate) < 2 or not any(tk.pos.startswith("v") for tk in ptoks):
        return before
    return subject + predicate + adverb


_BARE_MEASURES = frozenset(("成交量", "成交额", "成交額", "营业收入", "營業收入", "营收", "營收", "净利润", "淨利潤", "利润", "利潤",
                            "规模", "規模", "占比", "佔比", "增速", "余额", "餘額", "总额", "總額", "销量", "銷量", "数量",
                            "數量", "市值", "收入", "金额", "金額", "涨幅", "漲幅", "跌幅", "总资产", "總資產"))


def _quantity_parts(f: Fact) -> tuple[str, str, str, tuple[int, int]] | None:
    """(question phrase before, after, answer, span) for a quantity whose clause has a subject."""
    t = f.sentence.text
    a, b = f.span
    ca, cb = f.clause
    before = strip_lead(t[ca:a])
    date, before = _split_lead_date(before)
    after = t[b:cb].rstrip("。")
    answer_span = (a, b)
    before = _elided_predicate(f, before)
    if re.search(r"\d|分别|、|其中|这个数字|随后", before) or re.search(r"\d", after):
        return None
    bare = re.sub(r"(达到?|達到?|为|為|约|約|共|仅|僅|超过|超過|逾|近|增长|增長|同比|下降|上升|较|較|了|是)+$", "", before)
    if bare in _BARE_MEASURES or (len(bare) <= 6 and re.search(r"(量|额|額|率|值|规模|規模|收入|利润|利潤|占比|增速)$", bare)
                                  and any(y <= ca for _, y in clauses(t))):
        return None  # 11月份，成交量达多少？ 日均交易量为多少？: whose? the subject is in another clause
    if re.search(r"因此|由此|这样|這樣|此举|此舉", before) or any(
            re.match(r"(如果|假如|假设|假設|若|一旦|按照|如按)", strip_lead(t[x:y])) for x, y in clauses(t) if y <= ca):
        return None  # 如果…以5%征税，商家将因此增加…: a figure that holds only under a condition said elsewhere
    if re.search(r"(时|时候|時|之际|以后|之后|以前|这个|这一)", after):
        return None  # 达到8000美元这个拐点时: a subordinate clause, not a statement
    if date:
        parts = _quantity_parts_plain(f, before, after, answer_span)
        return None if parts is None else (date + "，" + parts[0], *parts[1:])
    return _quantity_parts_plain(f, before, after, answer_span)


def _quantity_parts_plain(f: Fact, before: str, after: str,
                          answer_span: tuple[int, int]) -> tuple[str, str, str, tuple[int, int]] | None:
    t = f.sentence.text
    a, b = f.span
    ca, cb = f.clause
    if before == "" and after == "" and re.match(r"，是", t[cb:cb + 2]):  # 76秒，是…的平均时长
        rest = t[cb + 2:].rstrip("。")
        if len(rest) < 6 or "，" in rest:
            return None
        return "", f"{rest}是多少？", t[a:b], answer_span
    if len(before) < 3 or not _has_noun(f, a - len(before), a) or before.startswith(_NO_SUBJECT):
        return None
    last = [tk for tk in f.sentence.tokens if tk.start + len(tk.text) <= a][-1:]
    if last and last[0].text in ("收", "报", "報", "收于", "收於", "收在", "收報", "收报") \
            or re.search(r"(?<![营營税稅回吸接验驗丰豐创創征徵增减減总總净淨超])收$", before):
        return None  # 台積電收246.5元: a closing price wants its own wording, not 收是多少
    first = [tk for tk in f.sentence.tokens if tk.start >= a - len(before)][:1]
    lo = a - len(before)
    # 成功落地转化395项 after 江苏区域中心已对接…: a clause opening with an adjective shares the subject before it
    # (固废处置领域 after a date is a subject that jieba tags a)
    after_comma = lo == 0 or t[lo - 1] in "，,；：:"
    if first and (first[0].pos.startswith(("v", "p", "d", "c", "u"))
                  or first[0].pos.startswith("a") and after_comma):
        return None  # 带动…增长多少: the subject is in another clause
    unit = f.unit
    if unit in CLASSIFIERS and after and re.match(r"[\u4e00-\u9fff]", after):
        # 381个巨大机械臂…: keep the classifier in the stem, ask for the number
        m = re.match(r"(\D*?)([\d.]+(?:万|亿|千|萬|億)?)", t[a:b])
        if not m:
            return None
        # 超过45万家企业 → 共有超过多少家企业？ (answer 45万): the bound word stays in the stem
        answer_span = (a + m.start(2), a + m.end(2))
        after = t[answer_span[1]:cb].rstrip("。")
        return before + m.group(1), "多少" + after + "？", t[answer_span[0]:answer_span[1]], answer_span
    q = "多少" if _last_pos(f, a).startswith(("v", "p", "u")) or before.endswith(("的", "为", "達", "为", "达", "至", "涨", "跌", "漲", "增", "降", "升", "長", "长")) else "是多少"
    if q == "是多少":
        # 各地累计设立专项资金超2000亿元 → 各地累计设立的专项资金是多少？
        lo = a - len(before)
        toks = [tk for tk in f.sentence.tokens if lo <= tk.start < a]
        for i in range(len(toks) - 2, 0, -1):
            if toks[i].pos == "v" and all(x.pos.startswith(("n", "vn")) for x in toks[i + 1:]):
                cut = toks[i].start + len(toks[i].text) - lo
                before = before[:cut] + "的" + before[cut:]
                break
    if unit in ("天", "小时", "分钟", "秒", "周", "倍") and not after and q == "多少":
        q = "多少" + unit
    if unit in CLASSIFIERS and not after and (before.endswith(("一共", "共", "合计", "总共")) or q == "是多少"):
        q = "有多少" + unit  # 企业钱包1000万个 → 企业钱包有多少个？
    if after and after[0] not in "，。":
        if not _last_pos(f, a).startswith(("v", "p", "u")):
            return None
    return before, q + after + "？", t[a:b], answer_span


_DISCOURSE = ("也", "先是", "亦", "则", "則")  # not 再/又/还: they start words too (再融资)


def _without_discourse(f: Fact, stem: str) -> str:
    """次数也减少了多少 → 次数减少了多少; 马斯克先是在…: adverbs that lean on the sentence before mean nothing in a
    question of their own."""
    toks = list(f.sentence.tokens)
    for i, tk in enumerate(toks):
        if tk.text in _DISCOURSE and tk.pos.startswith(("d", "c")) and 0 < i < len(toks) - 1:
            left, right = toks[i - 1].text[-1:], toks[i + 1].text[:1]
            stem = stem.replace(left + tk.text + right, left + right, 1)
    return stem


def q_quantity(f: Fact, ctx: Context) -> list[Candidate]:
    parts = _quantity_parts(f)
    if parts is None:
        return []
    before, tail, answer, span = parts
    when = _time_prefix(f) or _carried_time(f, ctx)
    core = strip_lead(f.sentence.text[f.clause[0]:f.span[0]])
    if len(core) >= 4 and any(g.kind == "quantity" and g is not f and g.unit == f.unit and g.sentence is not f.sentence
                              and core in g.sentence.text[g.clause[0]:g.span[0]] for g in ctx.facts):
        return []  # 资产总额同比增长 said of two kinds of bank: the stem would not say which figure is meant
    stem = re.sub(r"（[^（）]*）", "", when + before + tail)  # （含非法人产品，下同）: a note, not the question
    stem = _without_discourse(f, stem)
    if not when and (len(stem) < 10 or before.startswith(("公司", "该", "其"))):
        return []  # 创业板指跌多少？ 公司实现营业收入多少？: with no time either, too bare to say which figure
    out = []
    sub = Fact(f.kind, f.sentence, f.paragraph, span, f.clause, unit=f.unit, measure=f.measure)
    dis = number_distractors(sub, ctx.facts)
    if span != f.span and f.span[0] < span[0]:
        # the stem keeps 超过/近/约 before the blank: amounts from the whole fact keep its sense (超过 → larger),
        # shown in the answer's own form (45万)
        whole = number_distractors(f, ctx.facts)
        prefix = f.sentence.text[f.span[0]:span[0]]
        shape = f.sentence.text[span[1]:f.span[1]]
        dis = [d[len(prefix):len(d) - len(shape)] if d.startswith(prefix) and d.endswith(shape) else "" for d in whole]
        dis = [d for d in dis if d and d != answer]
    c = _mcq(ctx, f, "number", stem, answer, dis, span, 3.0)
    if c:
        out.append(c)
    # the same fact stated for true/false, the amount kept or swapped for a distractor
    if dis and tail != "多少？" and not tail.startswith("多少" + "？"):
        true = rng(f.sentence.text, "tf").random() < 0.5
        value = answer if true else dis[0]
        t = f.sentence.text
        statement = (_time_prefix(f) + _elided_predicate(f, strip_lead(t[f.clause[0]:span[0]])) + value
                     + t[span[1]:f.clause[1]].rstrip("。") + "。")
        if parts[0] == "":
            statement = value + "，是" + tail[:-len("是多少？")] + "。"
        tf = _true_false(ctx, f, "number", statement, true, 1.6)
        if tf:
            out.append(tf)
    return out


# --------------------------------------------------------------------------- dates

def q_date(f: Fact, ctx: Context) -> list[Candidate]:
    t = f.sentence.text
    a, b = f.span
    ca, cb = f.clause
    stem = ""
    if (ca, cb) == (a, b) or strip_lead(t[ca:a]) == "" and b == cb:
        # 2021年5月，我国启动…: ask when the next clause happened
        nxt = [c for c in clauses(t) if c[0] >= cb]
        if not nxt:
            return []
        na, nb = nxt[0]
        event = strip_lead(t[na:nb])
        if re.search(r"(强调|指出|表示|说|认为|上|中|时|宣布|宣佈|公布|发布|發布|提出|透露|显示|顯示|称|稱|获悉|獲悉|"
                     r"介绍|介紹|报道|報道|了解到|看到)$", event) or event.startswith(("在", "于", "从", "对", "据")):
            return []
        if len(event) < 6 or re.search(r"\d", event) or not _has_noun(f, na, nb) or event.startswith(("这", "要", "将")):
            return []
        if not any(na <= tk.start < nb and tk.pos.startswith("v") for tk in f.sentence.tokens):
            return []
        stem = f"{event}是在什么时候？"
    else:
        before = strip_lead(t[ca:a]).rstrip("于在")
        after = t[b:cb].rstrip("。")
        if re.search(r"\d", before + after) or len(before) < 2 or not _has_noun(f, ca, a):
            return []
        if re.search(r"(公告|显示|顯示|称|稱|表示|指出|获悉|介绍|报道)", before):
            return []  # 四方达公告称…: who reported it is not the event
        if re.match(r"(发布|公布)的(数据|报告|统计)", after):
            stem = f"{before}是什么时候{after[:2]}这些{after[3:5]}的？"
        elif after and not re.search(r"时|指出|表示|强调|说|认为", after) and len(after) >= 4:
            stem = f"{before}是什么时候{after}的？"
        else:
            return []
    stem = _without_discourse(f, stem)
    dis = date_distractors(f, ctx.facts)
    c = _mcq(ctx, f, "date", stem, f.answer, dis, f.span, 2.8)
    return [c] if c else []


# --------------------------------------------------------------------------- quotes and people



def _states(f: Fact, said: str) -> bool:
    """What was said is a statement: it has a verb of its own (not only 2019年下半年推出的…措施, a noun phrase)."""
    a = f.sentence.text.find(said.rstrip("…"))
    if a < 0:
        return True
    end = a + len(said.rstrip("…"))
    toks = [tk for tk in f.sentence.tokens if a <= tk.start < end]
    verbs = [i for i, tk in enumerate(toks) if tk.pos.startswith("v") and tk.pos != "vn" or tk.text in ("是", "有")]
    # a verb only inside a modifier (推出的措施) does not make a statement
    return any(i + 1 >= len(toks) or toks[i + 1].text != "的" for i in verbs)


def q_quote(f: Fact, ctx: Context) -> list[Candidate]:
    said = _short(f.measure)
    if not said or f.speaker in said or not _states(f, said) or "：" in said or re.search(r"[一二三]是", said):
        return []  # 这有两方面原因：一是…: the view is the list that follows, not this opening
    t0 = f.sentence.text
    k = t0.find(f.speaker)
    if k > 0 and t0[k - 1] in SURNAMES and len(f.speaker) == 2:
        return []  # 潘|向东: jieba cut the surname off
    t = f.sentence.text
    direct = "“" in t[f.span[1]:] or t.startswith("“")
    if not direct:
        from ..segment import tokens as _tokens

        head = _tokens(said[:8])[:1]
        if head and head[0].pos.startswith(("p", "v", "d", "c")):
            return []  # 从…, 处于…: a fragment without its subject
    verb = f.verb if f.verb not in ("称",) else "说"
    if direct:
        stem = f"“{said.rstrip('……')}”" if not said.endswith("……") else f"“{said}”"
        stem = f"文中{stem}这句话是谁{verb if verb in ('说', '强调', '指出') else '说'}的？"
    else:
        stem = f"根据文章，谁{verb}{'，' if verb in ('表示', '指出', '强调', '认为', '介绍') else ''}{said}"
        stem = stem.rstrip("……").rstrip("，") + "？"
    same = [x.speaker for x in ctx.facts if x.kind == "quote" and _short(x.measure) == said]
    dis = name_distractors(f.speaker, ctx.people, same, 3, t)
    return _mcq_or_short(ctx, f, "speaker", stem, f.speaker, dis, f.span, 3.0, 1.8)


def q_person(f: Fact, ctx: Context) -> list[Candidate]:
    t = f.sentence.text
    title_span = (f.clause[0], f.span[0])
    from ..lexicon import entries

    if any(e.pinyin[:1].islower() for e in entries(f.speaker)):
        return []  # 解释, 表示: a word, not a person's name
    m = re.search(r"^.*(?:为|是|為|以及)", t[title_span[0]:title_span[1]])  # …张近东以及|湖南步步高…董事长王填
    if m:  # 专访嘉宾为广发证券董事长孙树明: the title is what follows 为
        title_span = (title_span[0] + m.end(), title_span[1])
    measure = t[title_span[0]:title_span[1]]
    if len(measure) < 4 or len(measure) > 24 or "的" in measure:
        return []
    stem = f"文中的{f.speaker}担任什么职务？"
    others = [x.measure for x in ctx.facts if x.kind == "person" and x.speaker != f.speaker
              and 4 <= len(x.measure) <= 24 and "的" not in x.measure]
    dis = name_distractors(measure, others, (), 3, t)
    return _mcq_or_short(ctx, f, "person", stem, measure, dis, title_span, 2.2, 1.5, title_span)


_ORG_END = re.compile(r"(部|局|委|署|会|會|院|所|行|司|团|團|中心|协会|協會|银行|銀行|网|網|社|台|办|辦|处|處|厅|廳|府|组|組)$")


def q_org(f: Fact, ctx: Context) -> list[Candidate]:
    if not _ORG_END.search(f.org or "") and not any(tk.text == f.org and tk.pos == "nt" for tk in f.sentence.tokens):
        return []  # 整體布局 is not an organisation: 哪个机构 needs one for its answer
    if not f.verb:  # 工业和信息化部、市场监管总局11日对…进行约谈提醒
        n = len(f.items)
        who = "哪个机构" if n == 1 else f"哪{'两' if n == 2 else str(n)}个部门" if all(
            x.endswith(("部", "局", "总局", "委", "署", "总署")) for x in f.items) else f"哪{'两' if n == 2 else n}个机构"
        stem = f"根据文章，{who}{f.measure}？"
        if n == 1:
            dis = name_distractors(f.org, ctx.orgs, (), 3, f.sentence.text)
            c = _mcq(ctx, f, "organization", stem, f.org, dis, f.span, 2.6)
            if c:
                return [c]
        c = _short_answer(ctx, f, "organization", stem, 2.0)
        return [c] if c else []
    said = _short(f.measure, 26)
    if not said or len(said) < 8 or re.match(r"[，、；：的]|公告|发布|發布", said) or said.count("，") > 2 \
            or not _states(f, said):
        return []  # 哪个机构发布，公告，…; 公布的…显示 (an attribute, not a report); 2018年三季度末 (no statement)
    verb = f.verb
    if "数据" in verb or "统计" in verb or "报告" in verb:
        stem = f"根据文章，哪个机构的{'数据' if '数据' in verb else '统计' if '统计' in verb else '报告'}显示，{said}"
    else:
        stem = f"根据文章，哪个机构{verb}，{said}"
    stem = stem.rstrip("……").rstrip("，；") + "？"
    dis = name_distractors(f.org, ctx.orgs, (), 3, f.sentence.text)
    return _mcq_or_short(ctx, f, "organization", stem, f.org, dis, f.span, 2.6, 1.6)


# --------------------------------------------------------------------------- definitions, lists, causes

def _span_tokens(f: Fact, text: str) -> list:
    a = f.sentence.text.find(text)
    return [tk for tk in f.sentence.tokens if a >= 0 and a <= tk.start < a + len(text)]


def _definition_ok(f: Fact) -> bool:
    """X是Y asked as 什么是Y？ needs a term X (not a label such as 第二条主线, not a verb phrase such as 提供小币种)
    and a description Y that names a kind of thing (ends in a noun, does not open with a verb: 聚焦…领域)."""
    if re.match(r"(第|其一|其二|另一|一是|二是|这|该|此)", f.head) or re.search(r"这个|这一|这种|這個|這一|這種", f.head):
        return False  # 奥利拉这个名字是…偶像: a person, not a term
    head, desc = _span_tokens(f, f.head), _span_tokens(f, f.measure)
    if not head or not desc or head[0].pos.startswith(("v", "p", "d", "c")) and head[0].pos != "vn":
        return False
    if any(tk.pos.startswith(("v", "p", "d", "c")) and tk.pos != "vn" for tk in desc[:1] + desc[1:2]) \
            or any(tk.pos == "v" for tk in desc) and not any(tk.text == "的" for tk in desc):
        return False  # 我国正处于…时期: a clause with its own verb, not a kind of thing
    return desc[-1].pos.startswith(("n", "vn", "j", "eng"))


def q_definition(f: Fact, ctx: Context) -> list[Candidate]:
    if f.verb == "被称为" or f.verb == "被誉为":
        t = f.sentence.text
        b0 = t.find(f.verb, f.span[1]) + len(f.verb)
        span = (b0, b0 + len(f.measure))
        c = _short_answer(ctx, f, "definition", f"根据文章，{f.head}{f.verb}什么？", 2.0, span)
        return [c] if c else []
    if not _definition_ok(f):
        return []
    stem = f"根据文章，什么是{f.measure}？"
    out = []
    # distractors: the other terms the article defines, none named in this description
    heads = [x.head for x in ctx.facts if x.kind == "definition" and x.measure != f.measure
             and x.head not in f.measure and f.head not in x.head and len(x.head) <= 12]
    c = None
    if len(f.head) <= 12:
        c = _mcq(ctx, f, "definition", stem, f.head, name_distractors(f.head, heads, (), 3, f.sentence.text),
                 f.span, 2.3)
    c = c or _short_answer(ctx, f, "definition", stem, 2.0)
    if c:
        out.append(c)
    others = [x for x in ctx.facts if x.kind == "definition" and x.head != f.head and x.measure != f.measure]
    if others:
        true = rng(f.sentence.text, "tfdef").random() < 0.5
        o = others[0]
        statement = f"根据文章，{f.head}是{f.measure}。" if true else f"根据文章，{f.head}是{o.measure}。"
        if not true and (f"{f.head}是{o.measure}" in ctx.article.body):
            return out
        tf = _true_false(ctx, f, "definition", statement, true, 1.4)
        if tf:
            out.append(tf)
    return out


def _clean_items(f: Fact) -> bool:
    """Items that are names of things, of like length: not a clause (苏州布局生物医药 holds the verb 布局)."""
    lens = [len(it) for it in f.items]
    if max(lens) > 3 * min(lens) or max(lens) > 10:
        return False
    t = f.sentence.text
    for it in f.items:
        a = t.find(it)
        inner = [tk for tk in f.sentence.tokens if a <= tk.start < a + len(it)]
        # a verb with something after it makes a clause (苏州|布局|生物医药); at the end it names an act (技术滥用)
        if any(tk.pos.startswith(("v", "p", "c")) and tk.pos != "vn" for tk in inner[:-1]):
            return False
    return True


def q_list(f: Fact, ctx: Context) -> list[Candidate]:
    if not f.head or len(f.items) < 3:
        return []
    body = ctx.article.body
    r = rng(f.sentence.text, "list")
    shown = list(f.items)
    r.shuffle(shown)
    shown = shown[:3]
    if not _clean_items(f):
        return []
    # an outsider of the same kind: an item of another list in the article. A key noun picked from elsewhere
    # (经济网 among sectors, 银行 among asset types) is of another kind and gives the answer away.
    pool = [it for x in ctx.facts if x.kind == "list" and x is not f and _clean_items(x) for it in x.items]
    bad = set(f.items)
    para = _para_text(ctx, f.paragraph)
    cands = [w for w in dict.fromkeys(pool)
             if w not in bad and not any(w in it or it in w for it in f.items) and w not in para
             and w != f.head and w not in f.head]
    if not cands:
        # nothing of the same kind lies outside the text (a one-paragraph passage): ask for the items instead
        c = _short_answer(ctx, f, "list_recall", f"文中列举了哪些{f.head}？", 1.6)
        return [c] if c and f.head not in f.answer else []
    outsider = cands[0] if pool and cands[0] in pool[:len(pool)] else cands[0]
    del body
    stem = f"根据第{f.paragraph}段，下列哪一项不是文中列举的{f.head}？"
    qid = _qid(ctx, "list", f.sentence.text, outsider)
    opts, idx = shuffle_options(outsider, shown, qid)
    if not stem_ok(stem, outsider, f.sentence.text):
        return []
    q = Question(qid, "mcq", "list", stem, opts, outsider, idx, f.sentence.text, f.paragraph, None)
    return [Candidate(q, 2.4, f.sentence.text)]


def q_cause(f: Fact, ctx: Context) -> list[Candidate]:
    subj = f.measure.rstrip("，。")
    if re.search(r"[“”]", subj) and not _balanced(subj):
        return []
    if re.search(r"[将把將]", subj) or len(subj) > 30 or re.search(r"这些|这一|这个|此|其|這些|這一", f.answer) \
            or "报道" in subj or "曾" in subj[:8]:
        return []  # 李斌将1.5亿美金的身家…的目的: a 将/把 clause cut before its verb; 应对这些问题 means nothing alone
    if f.verb in ("得益于", "由于", "因为"):
        stem = f"根据文章，{subj}的原因是什么？"
    elif f.verb in ("旨在", "为了"):
        stem = f"根据文章，{subj}的目的是什么？"
    else:
        stem = f"根据文章，{subj}有助于什么？"
    c = _short_answer(ctx, f, "cause", stem, 2.2)
    return [c] if c else []


# --------------------------------------------------------------------------- abilities and requirements

def _ability_key(f: Fact) -> str:
    return f.head or f.measure


def _ability_skill(f: Fact) -> str:
    return {"可以": "ability", "能够": "ability", "有助于": "benefit"}.get(f.verb, "requirement")


def _chained_span(f: Fact) -> tuple[int, int]:
    """The verb phrase with the coordinate clauses that follow it (…数据，帮助医生…), up to 30 characters."""
    t = f.sentence.text
    a, b = f.span
    if f.verb == "有助于":
        return a, b  # 有助于A，推动B: B is what the subject does, not what it helps
    for ca, cb in clauses(t):
        if ca <= b or t[b:ca].strip("，、") != "" or t[b:b + 1] != "，":
            continue
        first = [tk for tk in f.sentence.tokens if tk.start == ca][:1]
        if not first or first[0].pos != "v" or first[0].text in MODAL_WORDS or cb - a > 30 \
                or not _balanced(t[ca:cb]):
            break
        b = cb
    return a, b


MODAL_WORDS = ("可以", "可", "能够", "能", "要", "必须", "需要", "有助于", "旨在")


def _unrelated(f: Fact, g: Fact) -> bool:
    """Two ability facts about different subjects, neither named in the other's sentence."""
    key, gk = _ability_key(f), _ability_key(g)
    if not (key and gk) or gk in key or key in gk or key in g.sentence.text or gk in f.sentence.text:
        return False
    # 人工智能辅助诊断系统 / 人工智能医疗影像诊断系统: a shared noun may mean the same kind of thing
    return not (_key_nouns(f) & _key_nouns(g))


def _key_nouns(f: Fact) -> set[str]:
    key = _ability_key(f)
    a = f.sentence.text.find(key)
    return {tk.text for tk in f.sentence.tokens if a <= tk.start < a + len(key) and len(tk.text) >= 2
            and tk.pos.startswith(("n", "vn", "l", "j"))}


def _ability_distractors(f: Fact, ctx: Context) -> list[str]:
    """Verb phrases the text says of OTHER subjects: same shape as the answer, clearly not said of this one."""
    key = _ability_key(f)
    mine = [s.text for s in ctx.article.sentences if key in s.text]
    out: list[str] = []
    for g in ctx.facts:
        if g.kind != "ability" or g.items or g.sentence == f.sentence or _ability_skill(g) != (
                "benefit" if f.verb == "有助于" else "ability"):
            continue  # what other things CAN do: never another requirement, which may hold for this topic too
        d = g.answer
        if not _unrelated(f, g):
            continue
        if any(d in t for t in mine) or d in out or d == f.answer or d in f.answer or f.answer in d:
            continue
        if not 0.5 * len(f.answer) <= len(d) <= 2 * len(f.answer):
            continue
        if len(_bigrams(d) & _bigrams(f.sentence.text)) > 1:
            continue  # 实时采集…数据 against 对…数据…进行实时监测: near the answer's own meaning
        out.append(d)
    rng(f.sentence.text, f.answer, "ability").shuffle(out)
    return out


def q_ability(f: Fact, ctx: Context) -> list[Candidate]:
    """根据文章，在医疗领域，人工智能辅助诊断系统可以做什么？ — the verb phrase after 可以/能够/要/必须/有助于."""
    skill = _ability_skill(f)
    body = ctx.article.body
    if f.items:  # 因此，必须高度重视管理技术风险 → 根据文章，必须高度重视什么？
        core = f.verb + f.items[0]
        if body.count(f.items[0]) != 1:
            return []  # 要加强… said twice: the stem would not say which
        # with no subject, "根据文章，要把握什么？" leaves the learner guessing whose task it is: name the paragraph
        scope = "根据文章，" if f.head or f.measure else f"根据第{f.paragraph}段，"
        if not (f.head or f.measure) and _para_text(ctx, f.paragraph or 0).count(core) != 1:
            return []
        c = _short_answer(ctx, f, skill, f"{scope}{core}什么？", 1.6)
        return [c] if c else []
    if f.measure.startswith(_SUBORDINATE) and not f.head:
        return []  # 除了飞船还没好，能…: the 能 belongs to a relative clause, not to a subject's ability
    if f.answer.startswith(("是", "為", "为")):
        return []  # 可以是…: a possibility, not an ability ("定价基准日可以是…")
    what = "什么" if f.verb == "有助于" else "做什么"
    if f.head:
        stem = f"根据文章，{f.measure + '，' if f.measure else ''}{f.head}{f.verb}{what}？"
    else:
        stem = f"根据文章，{f.measure}，{f.verb}{what}？"
    out: list[Candidate] = []
    dis = _ability_distractors(f, ctx)
    # MCQ only for what something can do: every requirement of a policy piece may hold for its topic too
    c = _mcq(ctx, f, skill, stem, f.answer, dis, f.span, 1.9) if len(dis) >= 3 and skill == "ability" else None
    same = [g for g in ctx.facts if g.kind == "ability" and g is not f and not g.items
            and _ability_key(g) == _ability_key(f) and _ability_skill(g) == skill]
    if c is None and not same:  # a short answer only when the text says one thing of this subject
        c = _short_answer(ctx, f, skill, stem, 1.7, _chained_span(f))
    tf = _ability_true_false(f, ctx)
    group = f"ability|{f.sentence.text}|{f.span}"
    return [dataclasses.replace(x, group=group) for x in (c, tf) if x]


def _ability_true_false(f: Fact, ctx: Context) -> Candidate | None:
    """判断对错 on the clause as written (对), or with its verb phrase swapped for what the text says of an unrelated
    subject (错), only when the swapped statement is said nowhere in the text."""
    if not f.head or f.verb == "有助于":
        return None
    t = f.sentence.text
    lead = (f.measure + "，" if f.measure else "") + f.head + f.verb
    vp = f.answer
    r = rng(t, "tf_ability")
    true = r.random() < 0.5
    if not true:
        # 错: the verb phrase the text gives an unrelated subject (远程课堂可以帮助农民节约水资源). A single swapped
        # noun reads absurd too often (山区农产品听到讲课); a whole phrase from the text stays natural Chinese.
        dis = _ability_distractors(f, ctx)
        if dis and f"{f.head}{f.verb}{dis[0]}" not in ctx.article.body:
            vp = dis[0]
        else:
            true = True  # nothing safe to swap: ask the statement as written
    return _true_false(ctx, f, _ability_skill(f), f"{lead}{vp}。", true, 1.5)


def q_heading(f: Fact, ctx: Context) -> list[Candidate]:
    heads = [x.items[0] for x in ctx.facts if x.kind == "heading"]
    if len(heads) < 4:
        return []
    own = f.items[0]
    dis = [h for h in heads if h != own]
    rng(own, "heads").shuffle(dis)
    stem = f"下列哪个小标题最能概括第{f.paragraph}段的内容？"
    qid = _qid(ctx, "main_idea", f.sentence.text, own)
    opts, idx = shuffle_options(own, dis[:3], qid)
    q = Question(qid, "mcq", "main_idea", stem, opts, own, idx, f.sentence.text, f.paragraph, None)
    return [Candidate(q, 2.5, f.sentence.text)]


_NOT_TOPIC = ("这", "此", "其", "它", "他", "她", "该", "但", "而", "因此", "所以", "同时", "此外", "另外", "首先",
              "其次", "最后", "一方面", "另一方面", "对此", "为此", "不过", "然而", "可见", "例如", "比如", "如", "到",
              "与此")
# 李魁文指出，… / 数据显示，… / 值得关注的是，…: who reports it is not what the paragraph says
_REPORTING = re.compile(r"(指出|表示|认为|強調|强调|说|称|介绍|显示|表明|分析|建议|透露|看来|值得\S{1,4}的是|据悉|据了解|据介绍)$")
_LEAD_CLAUSE = re.compile(r"^(?:作为|在|随着|对于|对|从|当|截至|今年|去年|近年来|目前|当前|如今|近日|日前|此前|\d)")


_ENUM_MARK = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[是，、]?|首先，?|其次，?|最后，?)")


def topic_statement(text: str, limit: int = 36) -> str:
    """A paragraph's topic sentence as a short statement: lead clauses (作为…, 随着…, 今年以来…) dropped, cut at a
    clause boundary within `limit` characters; "" when it does not stand on its own (这…, 但…, a quote)."""
    text = re.sub(r"^【[^】]{1,8}】", "", text.strip())
    text = _ENUM_MARK.sub("", text)
    spans = clauses(text)
    i = 0
    while i < len(spans) - 1 and (_LEAD_CLAUSE.match(text[spans[i][0]:spans[i][1]])
                                  or _REPORTING.search(text[spans[i][0]:spans[i][1]])):
        i += 1
    if i >= len(spans):
        return ""
    start = spans[i][0]
    end = 0
    for a, b in spans[i:]:
        if b - start > limit:
            break
        end = b
        if text[b:b + 1] in "。；！？":
            break
    kept = [(a, b) for a, b in spans[i:] if b <= end]
    while len(kept) > 1 and (_LEAD_CLAUSE.match(text[kept[-1][0]:kept[-1][1]])
                             or _REPORTING.search(text[kept[-1][0]:kept[-1][1]])):
        kept.pop()  # …，截至收盘: a time phrase left hanging at the cut
    end = kept[-1][1] if kept else end
    out = text[start:end].strip()
    if "作为" in out and len(clauses(out)) == 1:
        return ""  # 人工智能作为…的战略性技术: the predicate is in the next clause
    if re.search(r"\d$|\[\d+\]", out) or "也" in out[:6]:
        return ""  # a footnote mark (丰富2, [3]); 也: leans on the sentence before
    if len(out) < 8 or out.startswith(_NOT_TOPIC) or "记者" in out or re.search(r"[“”‘’：:]", out):
        return ""
    if re.search(r"(指出|表示|认为|强调|说|称|介绍|显示|表明|如下|包括)$", out) or not re.search(r"[\u4e00-\u9fff]{4}", out):
        return ""
    return out


_NOT_MAIN = ("受", "得益于", "随着", "隨著", "在", "由于", "由於", "面对", "面對", "为了", "為了", "针对", "針對")


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def q_paragraph_ideas(ctx: Context) -> list[Candidate]:
    """下列哪一项是第N段的主要内容？ The paragraph's topic sentence against the topic sentences of other paragraphs:
    every option is true somewhere in the article, exactly one is said in paragraph N. For articles without
    usable subheadings (those get q_heading)."""
    if sum(1 for f in ctx.facts if f.kind == "heading") >= 4:
        return []
    from ..extract.facts import sentences as _sentences

    firsts: dict[int, object] = {}
    for n, s in _sentences(ctx.article):
        firsts.setdefault(n, s)
    paras = [p for p in ctx.article.paragraphs if not p.is_heading]
    topics: list[tuple[int, str, object]] = []
    for n, s in firsts.items():
        p = paras[n - 1] if n <= len(paras) else None
        if p is None or len(p.text) < 50 or p.sentences[:1] != (s,):
            continue  # a paragraph long enough to have a main idea, whose first sentence is not a byline
        st = topic_statement(s.text)
        if st != _ENUM_MARK.sub("", s.text).rstrip("。！") and "是" not in st or st.startswith(_NOT_MAIN) or "并非个例" in st:
            continue  # a whole short sentence, or a cut one that says what something is; not a 受…影响 frame
        toks = [tk for tk in s.tokens if tk.start >= s.text.find(st)][:1] if st else []
        if st and toks and not toks[0].pos.startswith(("p", "c", "u", "d", "r")):
            topics.append((n, st, s))
    if len(topics) < 4:
        return []
    out = []
    for n, st, s in topics:
        own = _para_text(ctx, n)
        others = [t for m, t, _ in topics if m != n and t not in own and t != st
                  and len(_bigrams(t) & _bigrams(own)) <= 0.5 * len(_bigrams(t))
                  and 0.4 * len(st) <= len(t) <= 2.5 * len(st)]
        if len(others) < 3:
            continue
        rng(st, "idea").shuffle(others)
        stem = f"下列哪一项是第{n}段的主要内容？"
        qid = _qid(ctx, "paragraph_idea", s.text, st)
        opts, idx = shuffle_options(st, others[:3], qid)
        q = Question(qid, "mcq", "paragraph_idea", stem, opts, st, idx, s.text, n,
                     (s.text.find(st), s.text.find(st) + len(st)))
        out.append(Candidate(q, 2.35, s.text))
    return out


def q_true_statement(ctx: Context) -> list[Candidate]:
    """根据文章，下列说法正确的是？ one quantity clause as stated, three with a swapped amount."""
    stated: list[tuple[Fact, str, str]] = []
    for f in ctx.facts:
        if f.kind != "quantity":
            continue
        parts = _quantity_parts(f)
        if parts is None or parts[0] == "":
            continue
        dis = number_distractors(f, ctx.facts, 1)
        if not dis:
            continue
        t = f.sentence.text
        pre = _time_prefix(f) + strip_lead(t[f.clause[0]:f.span[0]])
        post = t[f.span[1]:f.clause[1]].rstrip("。")
        true_s = pre + f.answer + post
        false_s = pre + dis[0] + post
        if len(true_s) > 40 or false_s in ctx.article.body or (not _time_prefix(f) and len(parts[0]) < 8):
            continue
        stated.append((f, true_s, false_s))
    out = []
    used: set[int] = set()
    for i in range(0, len(stated) - 3, 4):
        group = stated[i:i + 4]
        f, true_s, _ = group[0]
        wrong = [g[2] for g in group[1:]]
        if len({true_s, *wrong}) < 4 or i in used:
            continue
        qid = _qid(ctx, "detail", f.sentence.text, true_s)
        opts, idx = shuffle_options(true_s, wrong, qid)
        q = Question(qid, "mcq", "detail", "根据文章，下列说法正确的是？", opts, true_s, idx, f.sentence.text,
                     f.paragraph, None)
        # the right option must stand in the evidence as stated (time prefix aside)
        out.append(Candidate(q, 2.0, f.sentence.text))
    return out


TEMPLATES: dict[str, tuple[Callable[[Fact, Context], list[Candidate]], ...]] = {
    "quantity": (q_quantity,),
    "date": (q_date,),
    "quote": (q_quote,),
    "person": (q_person,),
    "org": (q_org,),
    "definition": (q_definition,),
    "list": (q_list,),
    "cause": (q_cause,),
    "ability": (q_ability,),
    "heading": (q_heading,),
}


# --------------------------------------------------------------------------- ranking

def budget(article: Article) -> tuple[int, int, int]:
    """How many MCQs, true/false and short-answer items an article of this length deserves."""
    n = len(article.body)
    mcq = max(2, min(15, round(n / 220)))
    tf = max(1, min(5, n // 600))
    short = max(1, min(5, n // 600))
    return mcq, tf, short


def make_questions(article: Article, article_id: str, facts: tuple[Fact, ...] | None = None,
                   limit: int = 0) -> tuple[Question, ...]:
    """Ranked, de-duplicated questions for the article, cut to a budget that grows with its length."""
    facts = extract_facts(article) if facts is None else facts
    # distractor people: only those the text itself presents as speakers or with a title
    people = tuple(dict.fromkeys(f.speaker for f in facts if f.kind in ("quote", "person") and f.speaker))
    ctx = Context(article, article_id, facts, people, tuple(org_names(article)))
    cands: list[Candidate] = []
    for f in facts:
        for tpl in TEMPLATES.get(f.kind, ()):
            cands.extend(c for c in tpl(f, ctx) if c is not None)
    cands.extend(q_true_statement(ctx))
    cands.extend(q_paragraph_ideas(ctx))
    n_mcq, n_tf, n_short = budget(article)
    if limit:
        n_mcq = min(n_mcq, limit)
    want = {"mcq": n_mcq, "true_false": n_tf, "short_answer": n_short}
    # rank: template score, earlier paragraphs a little first; then spread over sentences and stems
    cands.sort(key=lambda c: (-c.score, c.question.paragraph or 0, c.question.id))
    chosen: list[Candidate] = []
    per_sentence: dict[str, int] = {}
    per_skill: dict[tuple[str, str], int] = {}
    stems: set[str] = set()
    answers: set[tuple[object, object]] = set()
    # fact-based items first; the clause-based skills (what X can or must do) only fill what is left, so an
    # article rich in facts gets the same quiz as before and a fact-poor opinion piece still gets questions
    primary = [c for c in cands if c.question.skill not in FALLBACK_SKILLS]
    fallback = [c for c in cands if c.question.skill in FALLBACK_SKILLS]
    _pick(primary, chosen, want, per_sentence, per_skill, stems, answers)
    # MCQ slots the facts could not fill go to short answers (a short passage still gets a few questions)
    want["short_answer"] += max(0, want["mcq"] - sum(c.question.type == "mcq" for c in fallback))
    _pick(fallback, chosen, want, per_sentence, per_skill, stems, answers)
    order = {"mcq": 0, "true_false": 1, "short_answer": 2}
    chosen.sort(key=lambda c: (order[c.question.type], c.question.paragraph or 0))
    return tuple(c.question for c in chosen)


# Skills that are asked only when the fact-based ones leave room, at most SKILL_CAPS each.
FALLBACK_SKILLS = ("ability", "requirement", "benefit", "list_recall")
SKILL_CAPS = {"definition": 4, "main_idea": 2, "paragraph_idea": 2, "ability": 3, "requirement": 3, "benefit": 2, "list_recall": 2}


def _pick(pool: list[Candidate], chosen: list[Candidate], want: dict[str, int], per_sentence: dict[str, int],
          per_skill: dict[tuple[str, str], int], stems: set[str], answers: set[tuple[object, object]]) -> None:
    """Greedy choice from the pool into `chosen`, updating the budget and the spread counters in place."""
    pool = list(pool)
    while pool:
        # greedy with diminishing returns per skill, so a quiz is not ten "how much" questions
        best = max(pool, key=lambda c: (c.score - 0.4 * per_skill.get((c.question.type, c.question.skill), 0),
                                        -(c.question.paragraph or 0), c.question.id))
        pool.remove(best)
        c, q = best, best.question
        if per_skill.get((q.type, q.skill), 0) >= SKILL_CAPS.get(q.skill, 5) or sum(
                v for (_, sk), v in per_skill.items() if sk == q.skill) >= SKILL_CAPS.get(q.skill, 99):
            continue
        if want.get(q.type, 0) <= 0 or q.stem in stems and q.skill != "detail" and q.skill != "main_idea":
            continue
        key = (q.evidence, q.answer_span) if q.answer_span else (q.type, q.answer)
        if per_sentence.get(c.sentence, 0) >= 2 or key in answers or c.group and ("group", c.group) in answers:
            continue
        # a true/false item on a sentence gives away (or is given away by) any other item on it
        if ("tf", c.sentence) in answers or q.type == "true_false" and ("any", c.sentence) in answers:
            continue
        # nor may one item print another's answer (新增30户 in a stem, 20家 as the key of two items)
        if q.type != "true_false" and any(
                len(x.question.answer) >= 2 and (x.question.answer in q.stem or x.question.answer == q.answer)
                or len(q.answer) >= 2 and q.answer in x.question.stem for x in chosen if x.question.type != "true_false"):
            continue
        answers.add(("any", c.sentence))
        if q.type == "true_false":
            answers.add(("tf", c.sentence))
        if c.group:
            answers.add(("group", c.group))
        per_skill[(q.type, q.skill)] = per_skill.get((q.type, q.skill), 0) + 1
        chosen.append(c)
        want[q.type] -= 1
        per_sentence[c.sentence] = per_sentence.get(c.sentence, 0) + 1
        stems.add(q.stem)
        answers.add(key)
