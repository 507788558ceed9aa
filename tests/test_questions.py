"""Question templates, distractors and cloze: the rules every item obeys, on real and practice-like text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.extract.facts import extract_facts, extract_quantities
from quizgen.generate.cloze import make_cloze
from quizgen.generate.distractors import date_distractors, number_distractors, shuffle_options
from quizgen.generate.questions import make_questions
from quizgen.pipeline import iter_documents, parse
from quizgen.quiz import build_quiz
from quizgen.render.jsonout import quiz_dict

ROOT = Path(__file__).resolve().parent.parent

# A practice-like feature written for these tests (not copied from any article).
FEATURE = """新能源汽车出口再创新高
海关总署3月7日公布的数据显示，今年前2个月我国汽车出口65.2万辆，同比增长28.4%。
其中，新能源汽车出口21.3万辆，同比增长95.6%。
中国汽车工业协会副秘书长陈士华表示，新能源汽车出口快速增长得益于产业链的先发优势。
2021年5月，工业和信息化部启动新能源汽车下乡活动。
欧洲市场
业内人士指出，欧洲、东南亚、中东等地区正成为中国新能源汽车出口的重要市场。
“海外市场的需求仍在增加。”国家信息中心首席经济学家祝宝良说。
数据显示，去年我国动力电池装车量达到302.3吉瓦时，平均利率4.8%。
政策支持
商务部研究院国际市场研究所副所长白明认为，稳外贸政策将继续发力。
发展新能源汽车是我国从汽车大国迈向汽车强国的必由之路。
国务院发展研究中心研究员张立群认为，消费市场正在逐步回暖。
充电设施
今年以来，全国新增充电桩88.5万台，同比增长51.2%。
国家能源局数据显示，全国充电基础设施累计数量达到859.6万台。
"""


def quiz_for(text: str):
    a = parse(text).articles[0]
    return a, build_quiz(a)


@pytest.fixture(scope="module")
def practice_quizzes():
    out = []
    for p in [ROOT / "seeds", *sorted(Path("/work/shared/practice").glob("news_0*.txt"))[:3]]:
        if not p.exists():
            continue
        for doc in iter_documents(p):
            for a in doc.articles:
                out.append((a, build_quiz(a)))
    out.append(quiz_for(FEATURE))
    return out


def test_quantity_stem_moves_the_amount_to_a_question_word():
    a = parse("贷款\n数据显示，今年前三季度，人民币贷款新增19.75万亿元，同比多增1.58万亿元。").articles[0]
    qs = [q for q in make_questions(a, "x") if q.type == "mcq"]
    assert qs and qs[0].stem == "今年前三季度，人民币贷款新增多少？"
    assert qs[0].answer == "19.75万亿元"


def test_lead_number_sentence_asks_what_it_measures():
    a = parse("汽车\n76秒，是一辆小米SU7汽车走下流水线的平均时长。\n工厂里有381个机械臂和90个物流机器人。").articles[0]
    stems = {q.stem: q.answer for q in make_questions(a, "x")}
    assert stems.get("一辆小米SU7汽车走下流水线的平均时长是多少？") == "76秒"


def test_date_question():
    a = parse("算力\n2021年5月，我国启动全国一体化算力网络国家枢纽节点建设。\n2022年2月，八个国家算力枢纽节点全部开工。"
              ).articles[0]
    q = next(q for q in make_questions(a, "x") if q.skill == "date")
    assert q.stem == "我国启动全国一体化算力网络国家枢纽节点建设是在什么时候？"
    assert q.answer == "2021年5月"
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月", o) for o in q.options)


def test_speaker_question_on_feature():
    _, quiz = quiz_for(FEATURE)
    q = next(q for q in quiz.questions if q.skill == "speaker")
    assert q.answer in ("陈士华", "祝宝良", "白明")
    assert q.answer not in q.stem


def test_number_distractors_same_unit_and_distinct():
    a = parse("出口\n今年前2个月我国汽车出口65.2万辆，同比增长28.4%。其中，新能源汽车出口21.3万辆。").articles[0]
    facts = extract_quantities(a)
    f = next(f for f in facts if f.answer == "65.2万辆")
    dis = number_distractors(f, facts)
    assert len(dis) == 3 and len(set(dis)) == 3 and "65.2万辆" not in dis
    assert all(d.endswith("万辆") for d in dis)


def test_date_distractors_same_granularity():
    a = parse("会议\n3月11日，珠海发布政策措施。3月21日，江苏召开推进会。").articles[0]
    facts = extract_facts(a)
    f = next(f for f in facts if f.kind == "date" and f.answer == "3月11日")
    dis = date_distractors(f, facts)
    assert "3月21日" in dis and "3月11日" not in dis
    assert all(re.fullmatch(r"\d{1,2}月\d{1,2}日", d) for d in dis)


def test_shuffle_is_deterministic():
    assert shuffle_options("甲", ["乙", "丙", "丁"], "k") == shuffle_options("甲", ["乙", "丙", "丁"], "k")
    a1, q1 = quiz_for(FEATURE)
    _, q2 = quiz_for(FEATURE)
    assert q1.questions == q2.questions and q1.cloze == q2.cloze


def test_every_item_obeys_the_rules(practice_quizzes):
    n = 0
    for a, quiz in practice_quizzes:
        body = a.body
        headings = {h.text for h in a.headings}
        for q in quiz.questions:
            n += 1
            assert q.evidence in body
            if q.answer_span:
                assert q.evidence[q.answer_span[0]:q.answer_span[1]] == q.answer
            assert q.answer not in q.stem or q.type == "true_false"
            assert q.stem[0] not in "，。、；：,.;:"
            # English in a stem only when the article itself has it (SU7, GDP…), never a template word
            assert all(w in q.evidence for w in re.findall(r"[A-Za-z]{2,}", q.stem)), q.stem
            assert q.stem.count("“") == q.stem.count("”")
            if q.type == "mcq":
                assert len(q.options) == 4 and len(set(q.options)) == 4
                assert q.options[q.answer_index] == q.answer
                if q.skill in ("number", "date", "speaker", "organization"):
                    assert q.answer in q.evidence
                    # the stem is not the evidence with a hole in it
                    assert len(q.stem) < len(q.evidence) or q.stem.rstrip("？") not in q.evidence
                if q.skill == "list":  # the three listed items stand in the evidence, the odd one does not
                    assert q.answer not in q.evidence
                    assert sum(o in q.evidence for o in q.options) == 3
                if q.skill == "main_idea":
                    assert set(q.options) <= headings
                if q.skill == "paragraph_idea":  # one option is said in paragraph N, the others elsewhere only
                    para = [p for p in a.paragraphs if not p.is_heading][q.paragraph - 1].text
                    assert q.answer in q.evidence and q.evidence in para
                    assert all(o in body and o not in para for o in q.options if o != q.answer)
            elif q.type == "true_false":
                assert q.options == ("对", "错") and q.answer in q.options
            else:
                assert q.options == () and q.answer in q.evidence
            if a.reporter:
                assert a.reporter not in q.stem and a.reporter not in q.options
    assert n >= 10


def test_feature_scales_and_brief_stays_small(practice_quizzes):
    _, quiz = quiz_for(FEATURE)
    brief = parse("出口\n1—7月份，汽车出口253.3万辆，同比增长67.9%，创历史新高。").articles[0]
    small = build_quiz(brief)
    assert 1 <= len(small.questions) <= 3
    assert len(quiz.questions) > len(small.questions)
    # a long, fact-rich article (news_01, 2,500 chars of trade figures) gets many MCQs; nothing is padded
    longs = [q for a, q in practice_quizzes if len(a.body) > 2000]
    assert max(sum(x.type == "mcq" for x in q.questions) for q in longs) >= 8


def test_cloze_hint_never_gives_the_word(practice_quizzes):
    from quizgen.lexicon import pinyin

    for a, quiz in practice_quizzes:
        assert quiz.cloze
        for c in quiz.cloze:
            assert c.answer not in c.hint and pinyin(c.answer) not in c.hint  # pinyin would name the bank word
            assert not re.search(r"[(（]", c.hint) or re.search(r"[)）]", c.hint)  # no aside cut short
            assert c.text.count("{{c1::") == 1
            assert c.sentence.count(c.answer) == 1
            # every card has a bank of its own: the answer and at least two distinct decoys
            assert c.answer in c.bank and len(set(c.bank)) == len(c.bank) >= 3


def test_json_contract(tmp_path):
    from quizgen.make import MakeRequest, run_make

    src = tmp_path / "feature.txt"
    src.write_text(FEATURE, encoding="utf-8")
    run_make(MakeRequest(path=str(src), out=tmp_path / "out", formats=("json",)))
    files = list((tmp_path / "out").glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "quizgen" / "data" / "quiz.schema.json").read_text(encoding="utf-8"))
    _check(data, schema)
    for q in data["questions"]:
        if q["type"] == "mcq":
            assert q["options"][q["answer_index"]] == q["answer"]
        elif q["type"] == "true_false":
            assert q["options"] == ["对", "错"] and q["answer"] in ("对", "错")
        else:
            assert q["options"] == [] and q["answer"] in q["evidence"]


def _check(value, schema):
    """The subset of JSON Schema the quiz schema uses: type, enum, required, properties, items."""
    types = {"object": dict, "array": list, "string": str, "integer": int, "null": type(None)}
    if "enum" in schema:
        assert value in schema["enum"]
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, types[t]) and not (t == "integer" and isinstance(value, bool)) for t in allowed)
    if isinstance(value, dict):
        for k in schema.get("required", ()):
            assert k in value, k
        for k, sub in schema.get("properties", {}).items():
            if k in value:
                _check(value[k], sub)
    if isinstance(value, list) and "items" in schema:
        for v in value:
            _check(v, schema["items"])


# --------------------------------------------------------------------------- properties

SUBJECTS = ["人民币贷款", "汽车出口", "新能源汽车销量", "芯片进口", "充电桩数量", "数字经济规模"]
ORGS = ["海关总署", "国家统计局", "中国汽车工业协会", "国家能源局"]
UNITS = ["万辆", "亿元", "万台", "%"]


@st.composite
def practice_text(draw):
    lines = ["练习文章"]
    for _ in range(draw(st.integers(2, 6))):
        kind = draw(st.sampled_from(["qty", "date", "org", "quote"]))
        subj = draw(st.sampled_from(SUBJECTS))
        num = draw(st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False))
        unit = draw(st.sampled_from(UNITS))
        if kind == "qty":
            lines.append(f"今年前三季度，{subj}达到{num}{unit}，同比增长{draw(st.integers(2, 60))}%。")
        elif kind == "date":
            lines.append(f"{draw(st.integers(2015, 2024))}年{draw(st.integers(1, 12))}月，"
                         f"{draw(st.sampled_from(ORGS))}启动{subj}统计工作。")
        elif kind == "org":
            lines.append(f"{draw(st.sampled_from(ORGS))}数据显示，{subj}继续保持较快增长，结构不断优化。")
        else:
            lines.append(f"“{subj}仍有较大的增长空间。”中国汽车工业协会副秘书长陈士华说。")
    return "\n".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(practice_text())
def test_property_answers_in_evidence_and_cloze_round_trip(text):
    a = parse(text).articles[0]
    for q in make_questions(a, "p"):
        assert q.evidence in a.body
        if q.answer_span:
            assert q.evidence[q.answer_span[0]:q.answer_span[1]] == q.answer
        if q.type == "mcq":
            assert q.options[q.answer_index] == q.answer and len(set(q.options)) == 4
    for c in make_cloze(a, "p"):
        assert re.sub(r"\{\{c1::(.*?)\}\}", r"\1", c.text) == c.sentence
        assert c.sentence in a.body


def test_quantity_stem_keeps_its_leading_year_and_skips_time_clauses():
    a = parse("固废\n据生态环境部发布的报告显示，2019年固废处置领域实现营收6591.7亿元，位居环保各细分领域第一位。\n"
              "城市的人均GDP达到8000美元这个拐点时，大规模治污除废的投入就显得很有必要。").articles[0]
    qs = [q for q in make_questions(a, "x") if q.type == "mcq" and q.skill == "number"]
    assert [q.stem for q in qs if q.answer == "6591.7亿元"] == ["2019年，固废处置领域实现的营收是多少？"]
    assert not [q for q in qs if q.answer == "8000美元"]  # 达到…这个拐点时 is not a statement


def test_count_of_things_asks_how_many_with_the_classifier():
    a = parse("数字人民币\n截至今年10月22日，已经开立数字人民币个人钱包1.4亿个，企业钱包1000万个，累计交易笔数达到1.5亿笔。"
              ).articles[0]
    stems = {q.answer: q.stem for q in make_questions(a, "x") if q.type == "mcq"}
    assert stems.get("1000万个") == "截至今年10月22日，企业钱包有多少个？"


def test_clause_that_shares_the_predicate_before_it_gets_it_back_in_the_stem():
    a = parse("险企评级\n从细分行业看，寿险公司获得AAA类评级的一共5家，财险公司一共7家。").articles[0]
    stems = {q.answer: q.stem for q in make_questions(a, "x") if q.type == "mcq"}
    assert stems.get("7家") == "财险公司获得AAA类评级的一共有多少家？"
    assert stems.get("5家") == "寿险公司获得AAA类评级的一共有多少家？"


def test_topic_statement_leaves_out_who_reported_it():
    from quizgen.generate.questions import topic_statement
    assert topic_statement("李魁文指出，前2个月，我国外贸结构持续优化，一般贸易进出口3.94万亿元，同比增长16.3%。") == \
        "前2个月，我国外贸结构持续优化，一般贸易进出口3.94万亿元"
    # 作为… alone has no predicate; 值得关注的是 + a prepositional clause leaves too little
    assert topic_statement("人工智能作为引领新一轮科技革命和产业变革的战略性技术，正在深刻改变人类生产生活方式。") == ""
    assert topic_statement("这是“十四五”期间我国新能源汽车技术持续创新的缩影。") == ""
    assert topic_statement("昨天A股开盘后低开一度跌逾1%，随后下探回升，盘中强势翻红，截至收盘，沪指涨0.4%，报3628.53点。") == \
        "昨天A股开盘后低开一度跌逾1%，随后下探回升，盘中强势翻红"


def test_paragraph_idea_questions_for_a_feature_without_subheadings():
    paras = ["算法是人工智能系统的重要支柱，要加强算法模型的集约化供给，打造开源算法社区，建立模型共享机制，构建算法评测体系。",
             "数据资源是人工智能技术产业创新发展的重要驱动力之一，要加强数据要素的立体化供给，建立国家和地方数据资源池，创新数据交易模式。",
             "算力是驱动人工智能训练和推理的核心资源，要加强算力资源的分布式布局，构建“东数西算”的协同网络，发展边缘计算节点，建设开放算力平台。",
             "减少伦理隐患，坚守道德底线。人工智能的发展可能引发伦理问题，如技术滥用、深度伪造、数据侵权等，需要建立健全伦理规范。"]
    a = parse("人工智能\n" + "\n".join(paras)).articles[0]
    qs = [q for q in make_questions(a, "x") if q.skill == "paragraph_idea"]
    assert qs
    for q in qs:
        assert q.stem == f"下列哪一项是第{q.paragraph}段的主要内容？"
        assert q.answer in paras[q.paragraph - 1]
        assert all(o not in paras[q.paragraph - 1] for o in q.options if o != q.answer)


def test_cloze_bank_has_the_blank_s_own_kind():
    from quizgen.generate.cloze import blank_class, word_class
    a = parse("外贸\n政府工作报告还提出，加快发展外贸新业态新模式。\n此后，总书记多次作出重要指示，为人工智能产业发展指明方向。").articles[0]
    s1, s2 = a.sentences[0], a.sentences[1]
    t1 = next(t for t in s1.tokens if t.text == "发展")
    t2 = next(t for t in s2.tokens if t.text == "发展")
    assert blank_class(s1, t1) == "v" and blank_class(s2, t2) == "vn"
    assert word_class("战略性", "n") == "attr" and word_class("产业", "n") == "n"


def test_no_cloze_on_part_of_a_word_or_a_reporting_verb():
    a = parse("信通院\n7月9日，中国信息通信研究院（信通院）总工程师胡坚波在论坛上演讲。\n"
              "蔚来汽车相关负责人表示，芯片短缺情况超出此前预估。").articles[0]
    for c in make_cloze(a, "x"):
        assert c.answer not in ("信通", "表示")


# An opinion piece written for these tests: few numbers, dates or quotes; what things can and must do.
OPINION = """让数字技术更好服务乡村
数字技术正在改变乡村的生产和生活。
在农业领域，智能灌溉系统可以根据土壤湿度自动调节用水量，帮助农民节约水资源。
在物流领域，无人配送车能够把快递送到偏远山村，缩短农产品进城的时间。
在教育领域，远程课堂可以让山区学生听到城市名师的讲课。
在医疗领域，远程会诊平台能够让村民在家门口看上专家门诊。
数字乡村建设也面临一些困难，如网络覆盖不足、人才短缺、资金投入分散等。
因此，必须高度重视乡村数字基础设施建设，加快补齐网络短板。
开展数字乡村建设，要坚持农民主体地位，尊重农民的意愿和选择。
地方政府要加强统筹规划，避免重复建设。
电商平台有助于打通农产品销售渠道，带动农民增收。
只有让技术真正扎根乡村，数字红利才能惠及更多农民。
"""


def test_ability_question_on_one_real_sentence():
    a = parse("医疗\n在医疗领域，人工智能辅助诊断系统可以快速分析医学影像和病历数据，帮助医生提高诊断准确率和效率。"
              ).articles[0]
    (q,) = [q for q in make_questions(a, "x") if q.skill == "ability" and q.type == "short_answer"]
    assert q.stem == "根据文章，在医疗领域，人工智能辅助诊断系统可以做什么？"
    assert q.answer == "快速分析医学影像和病历数据，帮助医生提高诊断准确率和效率"
    assert q.evidence[q.answer_span[0]:q.answer_span[1]] == q.answer


def test_bare_requirement_asks_for_its_object_and_lists_ask_for_items():
    a = parse("风险\n因此，必须高度重视管理技术风险，提高人工智能系统的安全性和可靠性。"
              "人工智能的发展可能引发伦理问题，如技术滥用、深度伪造、数据侵权等。").articles[0]
    got = {q.stem: q.answer for q in make_questions(a, "x")}
    assert got["根据第1段，必须高度重视什么？"] == "管理技术风险"  # no subject: the paragraph scopes it
    assert got["文中列举了哪些伦理问题？"] == "技术滥用、深度伪造、数据侵权"


def test_ability_mcq_distractors_are_what_other_subjects_do():
    from quizgen.extract.facts import extract_facts as facts_of
    from quizgen.generate.questions import Context, q_ability
    a = parse(OPINION).articles[0]
    facts = facts_of(a)
    ctx = Context(a, "x", facts, (), ())
    f = next(f for f in facts if f.kind == "ability" and f.head == "智能灌溉系统")
    (q,) = [c.question for c in q_ability(f, ctx) if c.question.type == "mcq"]
    assert q.stem == "根据文章，在农业领域，智能灌溉系统可以做什么？"
    # 根据…调节 opens with 根据 (how, not what), so the answer is the next clean clause
    assert q.answer == "帮助农民节约水资源" and q.options[q.answer_index] == q.answer
    others = [o for o in q.options if o != q.answer]
    # each distractor is said in the text, of another subject, never in a sentence about irrigation
    assert all(o in a.body and not any(o in s.text and "灌溉" in s.text for s in a.sentences) for o in others)


def test_ability_true_false_is_false_only_with_what_the_text_says_of_another_subject():
    from quizgen.extract.facts import extract_facts as facts_of
    from quizgen.generate.questions import Context, _ability_true_false
    a = parse(OPINION).articles[0]
    facts = facts_of(a)
    ctx = Context(a, "x", facts, (), ())
    pairs = [(f, _ability_true_false(f, ctx)) for f in facts if f.kind == "ability"]
    pairs = [(f, c.question) for f, c in pairs if c]
    assert {q.answer for _, q in pairs} == {"对", "错"}
    for f, q in pairs:
        statement = q.stem.removeprefix("判断对错：").rstrip("。")
        vp = statement.removeprefix((f.measure + "，" if f.measure else "") + f.head + f.verb)
        assert vp in a.body and "不" not in vp  # a phrase of the text, never a negation trick
        if q.answer == "对":
            assert vp == f.answer
        else:
            assert statement not in a.body and vp != f.answer
            assert not any(vp in s.text and f.head in s.text for s in a.sentences)


def test_opinion_passage_gets_at_least_three_valid_questions():
    a, quiz = quiz_for(OPINION)
    qs = quiz.questions
    assert len(qs) >= 3
    for q in qs:
        assert q.evidence in a.body and q.stem[0] not in "，。、；："
        assert not re.search(r"[A-Za-z]", q.stem + "".join(q.options))
        if q.type != "true_false":
            assert q.answer not in q.stem and q.answer in q.evidence
        if q.type == "mcq":
            assert len(set(q.options)) == 4 and q.options[q.answer_index] == q.answer
    assert {q.skill for q in qs} & {"ability", "requirement", "benefit", "list_recall"}


def test_true_false_never_shares_its_sentence_with_another_item(practice_quizzes):
    # a true/false item on the sentence a multiple-choice item asks about would give its answer away
    for _, q in practice_quizzes:
        tf = [x.evidence for x in q.questions if x.type == "true_false"]
        others = [x.evidence for x in q.questions if x.type != "true_false"]
        assert not set(tf) & set(others), q.title
        assert len(tf) == len(set(tf)), q.title


def test_traditional_amounts_are_facts_and_a_bound_word_stays_in_the_stem():
    a = parse("香港電動車\n截至去年12月，全港有超過7000個公共充電設施，分佈於政府停車場及私營機構停車場。").articles[0]
    q = next(q for q in make_questions(a, "x") if q.type == "mcq" and q.skill == "number")
    assert q.stem == "截至去年12月，全港有超過多少個公共充電設施？" and q.answer == "7000"
    # 超過 in the stem: a smaller amount would be true as well, so every other option is larger
    assert all(float(o) > 7000 for o in q.options if o != q.answer)
    b = parse("機器人\n截至目前，全國共有超過45萬家智能機器人產業企業。").articles[0]
    assert [q.answer for q in make_questions(b, "x") if q.type == "mcq"] == ["45萬"]


def test_a_figure_after_a_semicolon_keeps_the_year_the_sentence_opened_with():
    a = parse("外汇避险\n2025年，企业利用外汇衍生品管理汇率风险的规模达到1.2万亿美元；企业外汇套期保值比率升至30%，"
              "比上年提高3个百分点。").articles[0]
    stems = {q.answer: q.stem for q in make_questions(a, "x") if q.type == "mcq"}
    assert stems.get("30%") == "2025年，企业外汇套期保值比率升至多少？"


def test_a_bare_figure_with_no_subject_or_time_is_not_asked():
    a = parse("午评\n三大指数今日早盘集体上涨。创业板指跌1.27%。").articles[0]
    assert not [q for q in make_questions(a, "x") if q.answer == "1.27%"]


def test_template_stems_need_a_statement_and_a_real_name():
    a = parse("债市\n中国外汇交易中心公布的11月份银行间债券市场境外业务运行情况显示，截至2019年11月份，共有2517家境外机构投资者"
              "进入银行间债券市场。东方金诚研究发展部分析师丛晓莉表示，2019年下半年推出的进一步便利境外机构投资者措施，"
              "以及取消投资额度限制等改革亮点，不仅是债券市场开放的表现，也推动了人民币资本项目下的健康发展。"
              "国务院法制办、中国证监会负责人解释称，对期货交易作出明确界定是为了防范风险。").articles[0]
    stems = [q.stem for q in make_questions(a, "x")]
    assert not any("公布，的" in st or st.endswith("措施？") or "文中的解释" in st for st in stems), stems


def test_an_amount_the_article_gives_for_the_same_measure_is_never_a_distractor():
    a = parse("债券通\n11月份，债券通共计成交3369笔，境外投资者通过债券通净买入117亿元。"
              "其中，11月当月境外机构净买入988亿元，创年内新高。").articles[0]
    q = next(q for q in make_questions(a, "x") if q.answer == "117亿元" and q.type == "mcq")
    assert "988亿元" not in q.options


def test_adverbs_that_lean_on_the_sentence_before_leave_the_stem():
    a = parse("云\nKyligence集成Alluxio架构后，查询响应性能提升了50%以上，云上API Call的次数也减少了70%。\n"
              "2022年6月5日，马斯克先是在社交网站上放出自家SpaceX发射基地的广告片，随后又宣布新的计划。").articles[0]
    stems = {q.answer: q.stem for q in make_questions(a, "x")}
    assert stems["70%"] == "云上API Call的次数减少了多少？"
    assert stems["2022年6月5日"] == "马斯克在社交网站上放出自家SpaceX发射基地的广告片是在什么时候？"


def test_a_figure_whose_wording_measures_another_figure_too_is_not_asked():
    a = parse("银行业\n其中，大型商业银行本外币资产达到98万亿元，资产总额同比增长6.9%。\n"
              "股份制商业银行本外币资产为46万亿元，资产总额同比增长4.0%。").articles[0]
    assert not [q for q in make_questions(a, "x") if q.stem.startswith("资产总额")]


def test_a_speaker_cut_from_his_surname_is_not_asked():
    a = parse("债市\n中信证券首席经济学家潘向东认为，这有两方面原因：一是资本市场环境进一步改善，二是人民币汇率保持稳定。"
              ).articles[0]
    assert not [q for q in make_questions(a, "x") if q.answer == "向东"]


def test_true_false_in_a_traditional_article_says_對_and_錯(monkeypatch):
    import quizgen.generate.questions as Q
    from quizgen.model import Question
    from quizgen.quiz import build_quiz

    # trad_01 (Hong Kong): "in the first eight months, follow-on financing was close to 3 times IPO proceeds"
    a = parse("港股\n今年首八個月，上市公司再融資額更為IPO集資額的接近3倍，反映香港市場深度與活躍度。").articles[0]
    ev = a.sentences[0].text
    tf = Question("t1", "true_false", "number", "判断对错：上市公司再融資額更為IPO集資額的接近3倍。", ("对", "错"), "对", 0,
                  ev, 1, None)
    monkeypatch.setattr(Q, "make_questions", lambda *args, **kw: (tf,))
    (q,) = build_quiz(a).questions
    assert (q.options, q.answer, q.stem[:4]) == (("對", "錯"), "對", "判斷對錯")
    assert "再融資額" in q.stem  # the article's own words are kept as written


def test_connective_and_adverb_leftovers_and_a_second_speaker_s_title():
    from quizgen.extract.facts import strip_lead

    assert strip_lead("但是涨停板仅维持了4分钟就迅速回落") == "涨停板仅维持了4分钟就迅速回落"  # no stray 是
    a = parse("网店\n苏宁云商董事长张近东以及湖南步步高商业连锁董事长王填都表示，网店应当依法纳税，这是公平竞争的前提。"
              ).articles[0]
    got = {q.answer for q in make_questions(a, "x")}
    assert "王填" in got and "王填都" not in got


def test_a_figure_under_a_condition_is_not_asked_without_it():
    a = parse("网店征税\n如果国家对网店以5%的税率征税，淘宝上的商家一年下来将因此增加400亿元的税收成本。").articles[0]
    assert not [q for q in make_questions(a, "x") if q.answer == "400亿元"]


def test_a_bare_measure_whose_owner_is_in_another_clause_is_not_asked():
    a = parse("债券通\n11月份，债券通共计成交3369笔，日均交易量为179亿元。\n11月份成交量达3756亿元，再次刷新月度成交纪录。"
              ).articles[0]
    assert not [q for q in make_questions(a, "x") if q.answer in ("179亿元", "3756亿元")]
