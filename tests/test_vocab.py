"""Vocabulary: which words, their pinyin, the gloss sense the article uses, HSK level, names apart."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.extract.level import estimate_level, level_profile
from quizgen.extract.vocab import choose_sense, extract_names, extract_vocab, name_groups, parse_level, read_known
from quizgen.pipeline import parse, segment_text
from quizgen.quiz import Options, build_quiz

# A practice-like export story, written for this test (no article copied).
EXPORT_STORY = """汽车出口再创新高

据海关总署统计，今年前7个月，我国汽车出口253万辆，同比增长67.9%。
其中，新能源汽车出口增速超过了传统燃油车，进出口贸易保持稳定。
商务部新闻发言人王文涛表示，我国将继续扩大对东盟和欧盟的出口，稳住外贸基本盘。
在上海和深圳，外贸企业积极开拓海外市场，汽车进口也有所增加。
"""

CHIP_STORY = """芯片短缺冲击汽车产业链

受全球芯片短缺影响，多家车企被迫减产。业内人士认为，集成电路是产业链的关键环节。
工信部表示，将加快突破核心技术，支持企业加大研发投入，提升芯片产能。
2021年3月，多家芯片企业宣布扩大产能，半导体行业迎来新一轮投资热潮。
"""


def _article(text: str):  # noqa: ANN202
    return parse(text, "<test>").articles[0]


def _words(text: str, **opts) -> list[str]:  # noqa: ANN003
    return [v.word for v in extract_vocab(_article(text), Options(**opts))]


# --- golden tokens: real sentences, glossed -------------------------------------------------------


@pytest.mark.parametrize(("sentence", "expected"), [
    # brief_02 (CCTV, 2023-08-10): "From January to July, car exports were 2.533 million, up 67.9% year on year."
    # 数据 data / 显示 show / 月份 month / 汽车出口 car exports (one entry in the domain dictionary) / 万辆 ten
    # thousand vehicles / 同比 year on year / 增长 grow / 创 set / 历史 history / 新高 new high
    ("数据显示，1—7月份，汽车出口253.3万辆，同比增长67.9%，创历史新高。",
     ["数据", "显示", "，", "1", "—", "7", "月份", "，", "汽车出口", "253.3", "万辆", "，", "同比", "增长",
      "67.9", "%", "，", "创", "历史", "新高", "。"]),
    # trad_01 (Hong Kong): "Long-term international funds have taken a clearly larger part in Hong Kong this year."
    # read through a simplified copy, shown in traditional characters: 香港 Hong Kong / 今年以來 since the start
    # of this year / 國際 international / 長線 long-term / 資金 funds / 參與度 degree of participation / 顯增 rise clearly
    ("香港今年以來國際長線資金參與度顯增。",
     ["香港", "今年以來", "國際", "長線", "資金", "參與度", "顯增", "。"]),
])
def test_golden_tokens(sentence: str, expected: list[str]) -> None:
    script = "traditional" if "國" in sentence else "simplified"
    assert [t.text for t in segment_text(sentence, script)] == expected


def test_traditional_tokens_keep_their_script_and_offsets() -> None:
    text = "人民幣匯率由中國人民銀行公布。"  # "The renminbi exchange rate is published by the People's Bank of China."
    toks = segment_text(text, "traditional")
    assert "".join(t.text for t in toks) == text
    assert all(text[t.start:t.start + len(t.text)] == t.text for t in toks)
    assert "匯率" in [t.text for t in toks]  # huìlǜ, exchange rate: a word, not 匯 + 率


# --- which words --------------------------------------------------------------------------------


def test_no_fragments_numbers_dates_or_names_in_vocab() -> None:
    words = _words(EXPORT_STORY) + _words(CHIP_STORY)
    assert words
    for w in words:
        assert len(w) >= 2, w  # no single-character fragments (模, 世, 主)
        assert not any(c.isdigit() for c in w), w  # no numbers
        assert not any(c in "年月日，。、%" for c in w) or w in ("年月",), w  # no dates, no punctuation
    assert "王文涛" not in words  # a person: in names, not vocabulary
    assert "上海" not in words and "深圳" not in words  # places too


def test_key_terms_kept_whole_and_ranked() -> None:
    words = _words(EXPORT_STORY)
    assert "出口" in words and words.index("出口") > words.index("海关总署")  # HSK 2: below the new terms
    assert "同比" in words
    assert "外贸企业" not in words  # no dictionary has it as a word: a free phrase of two words the learner has
    chip = _words(CHIP_STORY)
    assert chip[0] == "芯片"
    assert "产业链" in chip and "集成电路" in chip


def test_names_kept_apart() -> None:
    names = extract_names(_article(EXPORT_STORY))
    assert names[0] == "王文涛"  # people first
    assert "上海" in names and "深圳" in names
    assert "出口" not in names


def test_byline_name_is_not_vocabulary() -> None:
    text = "外贸平稳开局\n\n本报讯（记者吴琼）今年前两个月，我国外贸进出口平稳增长，出口增长明显。\n"
    a = _article(text)
    words = [v.word for v in extract_vocab(a)]
    assert "吴琼" not in words and "吴琼" not in extract_names(a) and "记者" not in words


def test_abbreviation_defined_in_text_kept_whole() -> None:
    text = ("交易所模式\n\n武汉知识产权交易所（以下简称“知交所”）探索了新的模式。知交所发行的产品受到欢迎。"
            "知交所还将继续探索。\n")
    vocab = {v.word: v for v in extract_vocab(_article(text))}
    assert "知交所" in vocab and "知交" not in vocab  # not "intimate friend" + 所
    assert vocab["知交所"].gloss.startswith("short for 武汉知识产权交易所")


# --- pinyin, gloss, HSK --------------------------------------------------------------------------


def test_entry_fields() -> None:
    vocab = {v.word: v for v in extract_vocab(_article(EXPORT_STORY))}
    out = vocab["出口"]
    assert out.pinyin == "chūkǒu" and out.hsk == "2" and out.count >= 2
    assert out.sentence in EXPORT_STORY and "出口" in out.sentence
    assert vocab["同比"].pinyin == "tóngbǐ" and vocab["同比"].hsk == "beyond"
    # a phrase no dictionary has is read from its parts, in the article's sense (what `gloss` gives it)
    from quizgen.extract.vocab import gloss
    assert "foreign trade" in gloss("外贸企业", "n", Counter(), "wàimàoqǐyè")[1]
    assert vocab["进出口"].hsk == "7-9"


def test_export_sense_in_an_export_story() -> None:
    vocab = {v.word: v for v in extract_vocab(_article(EXPORT_STORY))}
    assert vocab["出口"].gloss.startswith("to export")  # CC-CEDICT lists "an exit" first


def test_choose_sense_by_context_and_pos() -> None:
    from collections import Counter

    senses = ("an exit", "to speak", "to export", "(of a ship) to leave port")
    assert choose_sense(senses, "n", Counter()) == 0  # no context: the dictionary's first sense
    assert senses[choose_sense(senses, "vn", Counter({"import": 1, "trade": 1}))] == "to export"
    depth = ("depth", "(of a speech etc) profundity", "advanced stage of development")
    assert choose_sense(depth, "n", Counter({"development": 1})) == 0  # one loose clue does not win


def test_traditional_article_shown_in_its_own_script() -> None:
    text = "人民幣匯率\n\n人民幣匯率由中國人民銀行公布。人民幣匯率實行有管理的浮動匯率制度。\n"
    vocab = {v.word: v for v in extract_vocab(_article(text))}
    assert "匯率" in vocab and "汇率" not in vocab
    assert vocab["匯率"].pinyin == "huìlǜ" and vocab["匯率"].hsk == "4"
    assert vocab["匯率"].gloss.startswith("exchange rate")
    assert "匯率" in vocab["匯率"].sentence


# --- --level, --known ----------------------------------------------------------------------------


def test_level_and_known_filter() -> None:
    a = _article(EXPORT_STORY)
    every = extract_vocab(a, Options(max_vocab=100))
    above4 = extract_vocab(a, Options(level=4, max_vocab=100))
    assert {v.hsk for v in above4} <= {"5", "6", "7-9", "beyond"}
    assert {v.word for v in every if v.hsk in ("5", "6", "7-9", "beyond")} == {v.word for v in above4}
    assert "出口" in {v.word for v in every} and "出口" not in {v.word for v in above4}
    known = extract_vocab(a, Options(known=frozenset({"同比", "外贸企业"}), max_vocab=100))
    assert {"同比", "外贸企业"}.isdisjoint(v.word for v in known)
    assert len(extract_vocab(a, Options(max_vocab=3))) == 3


def test_parse_level_and_read_known(tmp_path: Path) -> None:
    assert parse_level("hsk4") == 4 and parse_level("HSK 5") == 5 and parse_level("4") == 4
    assert parse_level("7-9") == 7 and parse_level(None) == 0
    from quizgen.errors import QuizgenError

    with pytest.raises(QuizgenError):
        parse_level("advanced")
    f = tmp_path / "known.txt"
    f.write_text("# words I know\n出口\n  同比  # learnt last week\n\n匯率\n", encoding="utf-8")
    assert read_known(f) >= {"出口", "同比", "匯率", "汇率"}
    assert not any(w.startswith("#") for w in read_known(f))


# --- level estimate -------------------------------------------------------------------------------


def test_article_level() -> None:
    a = _article(EXPORT_STORY)
    prof = level_profile(a)
    assert set(prof) == {"1", "2", "3", "4", "5", "6", "7-9", "beyond"}
    assert abs(sum(prof.values()) - 1) < 1e-9
    assert estimate_level(a) in ("4", "5", "6", "7-9")
    easy = _article("我的朋友\n\n我有一个好朋友。他很高兴。我们喜欢一起吃饭。\n")
    assert estimate_level(easy) in ("1", "2")
    q = build_quiz(a)
    assert q.level == estimate_level(a) and dict(q.level_profile) == prof
    assert q.vocab and "王文涛" in q.names


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_vocab_json(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(EXPORT_STORY, encoding="utf-8")
    known = tmp_path / "known.txt"
    known.write_text("同比\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["vocab", str(src), "--json", "--level", "hsk4", "--known", str(known),
                                   "--top", "10"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    art = data["articles"][0]
    words = [v["word"] for v in art["vocab"]]
    assert 0 < len(words) <= 10 and "同比" not in words and "出口" not in words
    assert all(v["hsk"] in ("5", "6", "7-9", "beyond") for v in art["vocab"])
    assert set(art["vocab"][0]) >= {"word", "pinyin", "pos", "gloss", "hsk", "count", "sentence", "from_parts"}
    assert "王文涛" in art["names"]["people"]
    assert "CC BY-SA" in data["licence"]


def test_cli_vocab_table_and_errors(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(CHIP_STORY, encoding="utf-8")
    res = CliRunner().invoke(app, ["vocab", str(src)])
    assert res.exit_code == 0 and "芯片" in res.stdout and "xīnpiàn" in res.stdout and "CC-CEDICT" in res.stdout
    bad = CliRunner().invoke(app, ["vocab", str(src), "--level", "expert"])
    assert bad.exit_code != 0 and "hsk" in bad.output.lower() and "Traceback" not in bad.output
    missing = CliRunner().invoke(app, ["vocab", str(src), "--known", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "known-words file not found" in missing.output


def test_cli_userdict_fixes_a_split(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text("新业态\n\n数贸港建设加快推进。数贸港吸引了很多企业。数贸港的服务不断完善。\n", encoding="utf-8")
    ud = tmp_path / "user.txt"
    ud.write_text("数贸港 20 n\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["vocab", str(src), "--json", "--userdict", str(ud)])
    assert res.exit_code == 0, res.output
    words = [v["word"] for v in json.loads(res.stdout)["articles"][0]["vocab"]]
    assert "数贸港" in words


# --- learner review on unseen articles: senses, name pinyin, names, abbreviations, Anki ---------------------


def _entry(sentence: str, word: str, title: str = "要闻"):  # noqa: ANN202
    vocab = {v.word: v for v in extract_vocab(_article(f"{title}\n\n{sentence}\n"), Options(max_vocab=100))}
    assert word in vocab, sorted(vocab)
    return vocab[word]


@pytest.mark.parametrize(("sentence", "word", "first"), [
    # news_06: "China's share of the world battery market has risen from 40-odd to about 70 percent."
    # 提升 tíshēng raise: CC-CEDICT leads with "to promote (to a higher-ranking position)"; the glossary says it first
    ("如今，我国动力电池全球市场份额已经从2021年时的四成多提升到了七成左右。", "提升", "to raise; to improve"),
    # brief_01 (Xinhua): "... earnestly protect consumers' lawful rights ..." 切实 as an adverb: earnestly
    ("工业和信息化部、市场监管总局要求企业加强价格合规建设，强化产品质量管控，切实保护消费者合法权益。",
     "切实", "earnestly"),
    # news_07: "... AI fuses deeply with every industry ..." 融合 as a verbal noun: fusion, not "a mixture"
    ("今年以来，我国人工智能综合实力迈上新台阶，各地积极探索人工智能与各行业深度融合，为产业升级和经济高质量发展赋能。",
     "融合", "fusion"),
    # trad_01 (Hong Kong): "Hong Kong's and the mainland's capital markets move together ..." 內地: mainland China
    ("他表示,香港與內地資本市場出現良好的聯動效應,其在內地相關的A股日均成交額,整體漲28%。", "內地", "mainland China"),
    # news_08: "loans to core digital-economy industries grew 22.8% year on year" (quizgen's glossary)
    ("其中，高技术制造业贷款同比增长22.5%，数字经济核心产业贷款同比增长22.8%。", "数字经济", "digital economy"),
    # a compound CEDICT lacks, read from its parts: 数字 in 数字金融 is "digital", not "numeral"
    ("其中，高技术制造业贷款同比增长22.5%，数字金融核心产业贷款同比增长22.8%。", "数字金融", "数字 digital"),
])
def test_gloss_shows_the_sense_the_sentence_uses(sentence: str, word: str, first: str) -> None:
    assert _entry(sentence, word).gloss.startswith(first)


def test_choose_sense_qualifiers() -> None:
    from collections import Counter

    quit_ = ("to withdraw", "to abort", "to quit", "to log out (computing)")
    assert choose_sense(quit_, "v", Counter({"fund": 2, "bond": 2})) == 0  # a label the article does not bear out
    assert choose_sense(quit_[::-1], "v", Counter({"fund": 2})) != 0
    down = ("(of trains) down", "(of river boats) downstream", "downward")
    assert choose_sense(down, "b", Counter({"rate": 3})) == 2  # trains and boats are nowhere in a rates story


@pytest.mark.parametrize(("sentence", "word", "pinyin"), [
    # news_01: 东盟 ASEAN, one word: not CC-CEDICT's "DōngMéng"
    ("海关统计显示，前2个月我国与欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元和7859.2亿元。", "东盟", "Dōngméng"),
])
def test_name_pinyin_written_as_dictionaries_write_it(sentence: str, word: str, pinyin: str) -> None:
    assert _entry(sentence, word).pinyin == pinyin


@pytest.mark.parametrize(("sentence", "word"), [
    # trad_02: the People's Bank of China; brief_02: an organisation CC-CEDICT lacks; a newspaper; a university
    ("人民幣，是指中國人民銀行成立後於1948年12月1日首次發行的貨幣，是中華人民共和國的法定貨幣。", "中國人民銀行"),
    ("中国汽车工业协会今天（8月10日）发布的数据显示，1—7月份，我国汽车出口创历史新高。", "中国汽车工业协会"),
    ("据证券日报报道，兰州大学的研究团队在锂同位素检测方面取得重要进展。", "证券日报"),
    ("据证券日报报道，兰州大学的研究团队在锂同位素检测方面取得重要进展。", "兰州大学"),
])
def test_organisations_are_names_not_vocabulary(sentence: str, word: str) -> None:
    vocab = {v.word for v in extract_vocab(_article(f"要闻\n\n{sentence}\n"), Options(max_vocab=100))}
    assert word not in vocab and vocab


def test_things_and_phrases_are_not_names() -> None:
    # seed 004 heading "Pangu large model" (a model named after a myth); news_05: "market-based, law-based and
    # international business environment"; "high-level talent is very limited"
    text = ("人工智能\n\n盘古大模型。\n"
            "工信部表示，中国政府将共同营造一个市场化、法治化和国际化的营商环境和产业发展的生态环境。\n"
            "而目前芯片行业的人才，特别是高水平人才非常有限。\n")
    names = extract_names(_article(text))
    assert not {"盘古", "法治化", "高水平"} & set(names)


def test_abbreviation_in_brackets_after_its_long_form() -> None:
    # a Sina finance story (2021): "Hu Jianbo, chief engineer of the China Academy of Information and
    # Communications Technology (CAICT) ..." 信通院 is glossed as short for the long form, not 信 letter + 通
    text = ("人工智能大会\n\n7月9日，中国信息通信研究院（信通院）总工程师胡坚波在论坛上演讲称，"
            "上海和杭州等城市在AI应用方面处于全国前列。信通院还发布了报告。\n"
            "国家智能网联汽车（长沙）测试区投入运营。\n")
    vocab = {v.word: v for v in extract_vocab(_article(text), Options(max_vocab=100))}
    assert "信通院" in vocab and "信通" not in vocab
    assert vocab["信通院"].gloss.startswith("short for 中国信息通信研究院")
    assert "长沙" not in vocab  # a place in brackets is no abbreviation


ANKI_EXPORT = (
    "#separator:tab\n#html:true\n#notetype column:3\n#tags column:4\n"
    "<b>出口</b>\tchūkǒu<br>to export\tChinese (basic)\tHSK2\n"
    "\"同比&nbsp;tóngbǐ\"\tyear on year\tChinese (basic)\t\n"
    "匯率\thuìlǜ\tChinese (basic)\tfinance\n"
)


def test_read_known_takes_an_anki_export(tmp_path: Path) -> None:
    f = tmp_path / "deck.txt"
    f.write_text(ANKI_EXPORT, encoding="utf-8")
    known = read_known(f)
    assert {"出口", "同比", "匯率", "汇率"} <= known
    assert not any("<" in w or "\t" in w or w.startswith("#") or "chūkǒu" in w for w in known)
    semi = tmp_path / "semi.txt"
    semi.write_text("#separator:semicolon\n外贸;wàimào\n", encoding="utf-8")
    assert "外贸" in read_known(semi)


def test_cli_vocab_known_anki_export(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(EXPORT_STORY, encoding="utf-8")
    deck = tmp_path / "deck.txt"
    deck.write_text(ANKI_EXPORT, encoding="utf-8")
    res = CliRunner().invoke(app, ["vocab", str(src), "--json", "--known", str(deck)])
    assert res.exit_code == 0, res.output
    words = [v["word"] for v in json.loads(res.stdout)["articles"][0]["vocab"]]
    assert words and "出口" not in words and "同比" not in words and "进出口" in words


def test_domain_verb_inside_a_compound_keeps_its_domain_sense() -> None:
    # 1-7 months: car exports 2.533 million, up 67.9% year on year (brief_02): 汽车出口, read from its parts
    from quizgen.extract.vocab import gloss

    used = {"出口": "v", "汽车": "n", "进口": "v"}
    g = gloss("汽车出口", "n", Counter({"export": 2, "import": 1, "trade": 1}), "qìchēchūkǒu", used_as=used)[1]
    assert "出口 export" in g and "exit" not in g


def test_cli_vocab_leaves_out_hsk_1_to_3_unless_asked(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text("汽车出口再创新高\n\n据海关总署统计，今年前7个月，我国汽车出口253万辆，同比增长67.9%。"
                   "在上海和深圳，外贸企业积极开拓海外市场，汽车进口也有所增加。\n", encoding="utf-8")
    default = json.loads(CliRunner().invoke(app, ["vocab", str(src), "--json"]).stdout)["articles"][0]["vocab"]
    every = json.loads(CliRunner().invoke(app, ["vocab", str(src), "--json", "--level", "0"]).stdout)["articles"][0]["vocab"]
    assert default and all(v["hsk"] not in ("1", "2", "3") for v in default)
    assert any(v["hsk"] in ("1", "2", "3") for v in every)


def test_a_name_jieba_cut_short_or_a_phrase_taken_for_one_is_not_a_person() -> None:
    text = ("网店\n\n苏宁云商董事长张近东以及步步高董事长李成东都表示支持征税。"
            "个体工商户贷款和小微企业主贷款增长较快。财政部科研所所长刘尚希表示，征税需要审慎。\n")
    people = name_groups(_article(text))["people"]
    assert "刘尚希" in people and "李成" not in people and "和小微" not in people
