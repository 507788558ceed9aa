"""Fact extractors on real sentences (quoted from the seeds and from news; never whole articles)."""
from __future__ import annotations

import pytest

from quizgen.extract.facts import (EXTRACTORS, extract_causes, extract_dates, extract_definitions, extract_facts,
                                   extract_lists, extract_orgs, extract_people, extract_quantities, extract_quotes,
                                   extract_structure, parse_number)
from quizgen.pipeline import parse


def art(text: str):
    return parse(text).articles[0]


def test_registry_has_every_kind():
    assert set(EXTRACTORS) == {"quantity", "date", "quote", "person", "org", "definition", "list", "cause", "ability", "heading"}


def test_quantities_keep_unit_and_measure():
    a = art("人民币贷款\n数据显示，今年前三季度，人民币贷款新增19.75万亿元，同比多增1.58万亿元。")
    qs = {f.answer: f for f in extract_quantities(a)}
    assert set(qs) == {"19.75万亿元", "1.58万亿元"}
    assert qs["19.75万亿元"].unit == "元"
    assert qs["19.75万亿元"].measure == "人民币贷款新增"
    assert parse_number("19.75万亿元") == pytest.approx(1.975e13)


@pytest.mark.parametrize("sentence, answer, unit", [
    ("76秒，是一辆小米SU7汽车走下流水线的平均时长。", "76秒", "秒"),
    ("381个巨大机械臂灵活地焊接、装配。", "381个", "个"),
    ("全国新发放普惠型小微企业贷款平均利率4.8%，比2022年下降0.4个百分点。", "0.4个百分点", "个百分点"),
    ("今年前8个月，我国新能源汽车市场渗透率达到45.5%。", "45.5%", "%"),
    ("交易额接近620亿元。", "接近620亿元", "元"),
    ("警方查明，涉案金额高达上亿元。", "上亿元", "~元"),
])
def test_quantity_spans(sentence, answer, unit):
    facts = extract_quantities(art("标题\n" + sentence))
    f = next(f for f in facts if f.answer == answer)
    assert f.unit == unit
    assert f.sentence.text[f.span[0]:f.span[1]] == answer


def test_time_spans_are_not_quantities():
    facts = extract_quantities(art("标题\n今年前2个月我国进出口总值6.2万亿元。"))
    assert [f.answer for f in facts] == ["6.2万亿元"]


def test_dates_with_granularity():
    a = art("算力\n2021年5月，我国启动全国一体化算力网络国家枢纽节点建设。12月20日，新平台上线。")
    got = {f.answer: f.unit for f in extract_dates(a)}
    assert got == {"2021年5月": "ym", "12月20日": "md"}


def test_ranges_are_not_dates():
    a = art("出口\n1—7月份，汽车出口253.3万辆。")
    assert extract_dates(a) == ()


def test_quote_then_separate_speaker_sentence():
    a = art("人工智能\n“人工智能是新一轮科技革命的重要驱动力。”中国科学院科技战略咨询研究院院长潘教峰说。")
    qs = extract_quotes(a)
    assert [f.speaker for f in qs] == ["潘教峰"]
    assert qs[0].measure == "人工智能是新一轮科技革命的重要驱动力"
    assert qs[0].answer == "潘教峰"


def test_speaker_before_indirect_speech():
    a = art("外贸\n海关总署统计分析司司长李魁文指出，前2个月我国外贸进出口同比保持平稳增长。")
    q = extract_quotes(a)[0]
    assert (q.speaker, q.verb) == ("李魁文", "指出")
    assert q.measure.startswith("前2个月我国外贸进出口")
    p = extract_people(a)[0]
    assert (p.speaker, p.title, p.org) == ("李魁文", "司长", "海关总署统计分析司")


def test_person_with_two_titles_keeps_the_last():
    a = art("智源\n北京大学计算机学院教授、北京智源人工智能研究院理事长黄铁军介绍，大模型发展很快。")
    p = extract_people(a)[0]
    assert (p.speaker, p.title, p.org) == ("黄铁军", "理事长", "北京智源人工智能研究院")


def test_org_behind_data():
    a = art("贷款\n国家金融监督管理总局数据显示，目前全国银行业金融机构乡镇覆盖率为97.92%。")
    o = extract_orgs(a)[0]
    assert o.org == "国家金融监督管理总局"
    assert o.measure.startswith("目前全国银行业")


def test_definition_a_shi_b():
    a = art("汽车\n习近平总书记指出，发展新能源汽车是我国从汽车大国迈向汽车强国的必由之路。")
    d = extract_definitions(a)[0]
    assert (d.head, d.measure) == ("发展新能源汽车", "我国从汽车大国迈向汽车强国的必由之路")


def test_definition_skips_ji_ke():
    a = art("钱包\n点击该按钮，用户即可使用手机号注册数字人民币钱包。")
    assert extract_definitions(a) == ()


def test_list_items_and_head():
    a = art("汽车\n提出到2025年，要突破高安全动力电池、高效驱动电机、高性能动力系统等关键技术。")
    f = extract_lists(a)[0]
    assert f.items == ("高安全动力电池", "高效驱动电机", "高性能动力系统")
    assert f.head == "关键技术"


def test_cause():
    a = art("出口\n今年以来，我国新能源汽车出口快速增长得益于产业的先发优势。")
    f = extract_causes(a)[0]
    assert f.answer == "产业的先发优势"
    assert f.measure == "我国新能源汽车出口快速增长"


def test_structure_heads_paragraphs():
    a = art("外贸\n海关总署公布了前两个月的外贸数据。\n外贸开门稳\n我国进出口总值6.2万亿元。")
    h = extract_structure(a)
    assert [(f.items[0], f.paragraph) for f in h] == [("外贸开门稳", 2)]


def test_every_fact_span_is_in_its_sentence(seed_feature):
    from quizgen.pipeline import iter_documents

    for doc in iter_documents(seed_feature):
        for a in doc.articles:
            body = a.body
            for f in extract_facts(a):
                assert f.answer and f.answer in f.sentence.text
                assert f.sentence.text in body


def test_headings_drop_numbering_and_pdf_debris():
    from quizgen.extract.facts import heading_text
    assert heading_text("2.1电网公司SG-ERP系统架构与数据管理体系") == "电网公司SG-ERP系统架构与数据管理体系"
    assert heading_text("外贸开门稳") == "外贸开门稳"
    # affiliations, keyword lines and PDF debris are not subheadings a paragraph could be summed up by
    assert heading_text("4（国网江苏省电力公司电力经济技术研究院南京210018）") == ""
    assert heading_text("关键词知识产权证券化，欧美模式，可转换债券") == ""
    assert heading_text("+理理理理理理理") == ""
    assert heading_text("1引言") == ""


def test_no_definition_from_shi_fou_or_shi_yi():
    # 是否…, 是以…为主 are not "A是B" definitions
    a = art("票据\n是否有利息、利息是否和最初债权还本付息退出时约定的利息保持一致则由发行人决定。\n"
            "评价数据的获取方式是以统计项目运营期的经济效益数据为主的方式。")
    assert extract_definitions(a) == ()


def test_one_character_list_head_is_no_list():
    a = art("人民币\n人民币在英国、加拿大、新加坡等国的离岸市场交易。")
    assert all(f.head != "国" for f in extract_lists(a))


def test_ability_subject_setting_and_clean_verb_phrase():
    from quizgen.extract.facts import extract_abilities
    a = art("医疗\n在医疗领域，人工智能辅助诊断系统可以快速分析医学影像和病历数据，帮助医生提高诊断准确率和效率。")
    (f,) = extract_abilities(a)
    assert (f.measure, f.head, f.verb, f.answer) == ("在医疗领域", "人工智能辅助诊断系统", "可以", "快速分析医学影像和病历数据")


def test_ability_takes_the_first_clean_clause_and_the_object_of_a_bare_requirement():
    from quizgen.extract.facts import extract_abilities
    a = art("影像\n一些人工智能医疗影像诊断系统能够在短时间内对X光、CT（电子计算机断层扫描）等影像进行分析，"
            "检测出疾病的早期迹象，为患者争取宝贵的治疗时间。因此，必须高度重视管理技术风险，提高人工智能系统的安全性。")
    got = {(f.head, f.verb, f.answer, f.items) for f in extract_abilities(a)}
    assert got == {("一些人工智能医疗影像诊断系统", "能够", "检测出疾病的早期迹象", ()),
                   ("", "必须", "管理技术风险", ("高度重视",))}


def test_no_ability_under_a_speaker_a_condition_or_a_negation():
    from quizgen.extract.facts import extract_abilities
    a = art("外贸\n周茂华建议，中国需要落实落细稳外贸政策措施，为外贸企业纾困。知交所模式中未转股的，持有人可以等待下次转股。"
            "人工智能算法可能存在算法偏见和歧视。企业不能忽视数据安全问题。")
    assert extract_abilities(a) == ()


def test_list_head_before_ru():
    a = art("伦理\n人工智能的发展可能引发伦理问题，如技术滥用、深度伪造、数据侵权等。")
    (f,) = extract_lists(a)
    assert f.items == ("技术滥用", "深度伪造", "数据侵权") and f.head == "伦理问题"
    assert f.answer == "技术滥用、深度伪造、数据侵权"
