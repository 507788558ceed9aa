"""Cloze rules a teacher checks: one word of the bank fits, the blank is a word to practise, the sentence is clean."""
from __future__ import annotations

from quizgen.generate.cloze import (KeyWord, _after_number, _clean_sentence, _glued, _term, also_fits, hint_for,
                                    is_name, word_class)
from quizgen.pipeline import parse


def _article(text: str):
    return parse(text).articles[0]


def _sentence(article, needle: str):
    return next(s for s in article.sentences if needle in s.text)


def _token(s, word: str):
    return next(t for t in s.tokens if t.text == word)


def test_a_near_synonym_is_not_a_distractor() -> None:
    a = _article("要加紧制定完善相关法律法规、政策制度、应用规范、伦理准则，确保人工智能安全、可靠、可控。\n"
                 "中国对与RCEP贸易伙伴合计进出口1.85万亿元，同比增长9.5%。")
    s = _sentence(a, "伦理准则")
    answer = KeyWord("伦理", "n", 1.0, "ethics")
    assert also_fits(s, _token(s, "伦理"), answer, KeyWord("道德", "n", 1.0, "morality; ethics"), a.body)
    assert not also_fits(s, _token(s, "伦理"), answer, KeyWord("底线", "n", 1.0, "bottom line"), a.body)
    s2 = _sentence(a, "进出口")
    assert also_fits(s2, _token(s2, "进出口"), KeyWord("进出口", "n", 1.0, "import and export"),
                     KeyWord("进口", "v", 1.0, "to import"), a.body)


def test_a_word_the_article_puts_next_to_the_blank_s_neighbour_also_fits() -> None:
    a = _article("习近平总书记高度重视科技创新与人工智能发展。为经济高质量发展注入新动力。")
    s = _sentence(a, "科技创新与")
    answer = KeyWord("人工智能", "n", 1.0, "artificial intelligence")
    assert also_fits(s, _token(s, "人工智能"), answer, KeyWord("高质量", "n", 1.0, "high quality"), a.body)
    assert not also_fits(s, _token(s, "人工智能"), answer, KeyWord("头雁", "n", 1.0, "lead goose"), a.body)


def test_a_verb_used_elsewhere_with_a_noun_of_the_clause_also_fits() -> None:
    a = _article("这是我国新能源汽车技术持续创新的缩影。针对核心技术突破，各地设立专项资金。市场覆盖范围扩大。")
    s = _sentence(a, "持续创新")
    answer = KeyWord("创新", "v", 1.0, "to bring forth new ideas")
    assert also_fits(s, _token(s, "创新"), answer, KeyWord("突破", "v", 1.0, "to break through"), a.body)
    assert not also_fits(s, _token(s, "创新"), answer, KeyWord("覆盖", "v", 1.0, "to cover"), a.body)


def test_the_dictionary_overrules_a_noun_tag_for_a_verb() -> None:
    # jieba tags 企稳 (A股反而企稳回升) as a noun; CEDICT knows it only as "to stabilize"
    assert word_class("企稳", "n") == "v"
    assert word_class("市场", "n") == "n"
    # and jieba tags 加法 (做好“加法”) as a verb; CEDICT knows it only as "addition"
    assert word_class("加法", "v") == "n"
    assert word_class("加强", "v") == "v"


def test_names_are_neither_blanks_nor_bank_words() -> None:
    assert is_name("华中科技大学", "n") and is_name("中國人民銀行", "n") and is_name("欧盟", "nt")
    assert not is_name("大学", "n") and not is_name("银行", "n")


def test_no_blank_on_the_measure_after_a_number() -> None:
    a = _article("1—7月份，新能源汽车出口增长了超过1.5倍。")
    s = a.sentences[0]
    assert _after_number(s, _token(s, "月份"))
    assert not _after_number(s, _token(s, "新能源汽车"))


def test_no_card_on_a_headline_an_abstract_tag_or_pdf_debris() -> None:
    a = _article("数字人民币APP上架手机应用商店！\n目前APP内的账户注册功能仅限于数字人民币试点城市和场景内的用户。"
                 "用户可以在试点场景中使用数字人民币进行支付。")
    assert a.title == "数字人民币APP上架手机应用商店！"  # a headline may exclaim
    assert all("应用商店" not in s.text for s in a.sentences)  # the headline is no sentence to blank
    assert _clean_sentence(a.sentences[1], a, False)
    b = _article("电网公司内部管理信息系统中存储着新能源项目的管理信息和数据。\n"
                 "【结果】通过实证得到新能源项目投资的经济、社会和环境效益得分。\n"
                 "运行保障系统运营执行系统调度系统物资管理系统数据采集系统现场监控系统软件平台基础支撑系统硬件平台网络通信系统终端。\n"
                 "电网公司SG-ERP系统架构如图1所示。\n"
                 "从中发［2015」8号文，提出“推动修订相关法律法规，探索开展知识产权证券化业务”[1；")
    kept = [s.text for s in b.sentences if _clean_sentence(s, b, False)]
    assert kept == ["电网公司内部管理信息系统中存储着新能源项目的管理信息和数据。"]


def test_a_noun_blank_never_gets_a_verb_s_unrelated_noun_sense() -> None:
    # 出口 in 新能源汽车出口增长: "an exit" is wrong there, and pinyin would name the answer: no hint
    hint = hint_for("出口", "to speak; to export; exit; entrance", pinyin="chūkǒu", pos="n")
    assert hint == ""
    assert hint_for("发展", "development; growth; to develop", pos="v") == "to develop"


def test_no_blank_on_part_of_a_longer_word() -> None:
    a = _article("知识产权证券化模式与上市公司发行的可转换债券相比，有何差异之处？")
    s = a.sentences[0]
    assert _glued(s, _token(s, "转换"))
    assert not _glued(s, _token(s, "模式"))


def test_one_term_is_asked_once() -> None:
    # 风险 and 评级 both stand in 风险综合评级: the second card would ask the same term again
    a = _article("随着保险公司偿付能力报告发布，保险公司新的风险综合评级有了更全信息。")
    s = a.sentences[0]
    assert _term(s, _token(s, "风险")) == _term(s, _token(s, "评级")) == "风险综合评级"


def test_word_bank_never_holds_a_word_inside_another():
    from quizgen.pipeline import parse
    from quizgen.quiz import build_quiz

    text = ("人工智能的广泛应用，催生了一大批新职业新岗位；同时也替代了部分低效率的工作岗位。"
            "在开展“人工智能+”行动过程中，必须注重就业结构的优化和转型，加强职业培训和教育，提升劳动者的技能水平。"
            "科研项目和工作岗位都在增加，新的岗位需要新的技能，劳动者要适应就业结构的变化。")
    for c in build_quiz(parse(text).articles[0]).cloze:
        for i, w in enumerate(c.bank):
            assert not any(w in x for j, x in enumerate(c.bank) if j != i), c.bank


def test_no_blank_inside_a_name() -> None:
    from quizgen.generate.cloze import _in_name

    a = _article("太平洋安信农险的核心偿付能力充足率为348.16%，友邦人寿的核心偿付能力充足率为220.41%。")
    s = a.sentences[0]
    by_text = {tk.text: tk for tk in s.tokens}
    assert _in_name(s, by_text["人寿"])  # 友邦|人寿: a company name
    assert not _in_name(s, by_text["充足率"])


def test_no_blank_that_a_lone_character_before_it_makes_a_word_with():
    from quizgen.generate.cloze import _glued, is_name

    a = _article("网店征税话题在电商界，甚至社会上掀起了数场舌战。")
    s = a.sentences[0]
    tk = next((t for t in s.tokens if t.text == "商界"), None)
    assert tk is not None and _glued(s, tk)  # 电|商界: the blank would take half of 电商
    assert is_name("创业板指", "n") and is_name("淘宝", "nz") and not is_name("营业税", "n")


def test_a_decoy_that_makes_a_term_with_the_blank_s_neighbour_is_not_offered():
    from quizgen.generate.cloze import KeyWord, also_fits

    a = _article("愛立信進一步將定位誤差縮小至約30公分，系統也更加穩定。")
    s = a.sentences[0]
    tk = next(t for t in s.tokens if t.text == "定位")
    # 系統誤差 "systematic error" is a term: 系統 would fill the blank as well as 定位
    assert also_fits(s, tk, KeyWord("定位", "n", 1.0), KeyWord("系統", "n", 0.5), a.body)


def test_no_blank_in_a_list_slot():
    from quizgen.generate.cloze import _in_list

    a = _article("企业必须拥有市场、资本、品牌和人才，才能在竞争中取胜。")
    s = a.sentences[0]
    by = {t.text: t for t in s.tokens}
    assert _in_list(s, by["资本"]) and _in_list(s, by["市场"]) and not _in_list(s, by["竞争"])
