from __future__ import annotations

from quizgen.pipeline import parse


def test_seed_page_splits_into_its_articles(seed_page) -> None:
    doc = parse(seed_page.read_text(encoding="utf-8"), tokenize=False)
    titles = [a.title for a in doc.articles]
    assert len(doc.articles) == 8  # nine pieces, one of them a photo caption
    assert titles[0] == "走好AI时代这三步——更“好用”防“滥用”求“善用”"
    assert titles[1] == "算力支撑让人工智能在中国行稳致远"
    assert titles[3] == "守好养老“钱袋子”"
    assert titles[7] == "市金融服务中心创新工作入围新华信用普惠标杆案例"
    assert [a.source for a in doc.articles[:3]] == ["新华社"] * 3
    assert doc.articles[3].reporter == "陈果静"
    assert doc.articles[4].reporter == "吴琼" and doc.articles[4].source == "本报"
    assert doc.articles[6].dateline == "又讯（记者吴琼）"


def test_bylines_captions_and_credits_stay_out_of_sentences(seed_page) -> None:
    doc = parse(seed_page.read_text(encoding="utf-8"), tokenize=False)
    every = [s.text for a in doc.articles for s in a.sentences]
    assert not any("据新华社" in s or "本报讯" in s or "又讯" in s or "（陈果静）" in s for s in every)
    assert not any("郭紫媛" in s or "制图" in s or "中国银行灵宝函谷路支行" in s for s in every)
    assert any("中国银行灵宝函谷路支行" in t for t in doc.dropped)
    assert doc.articles[4].sentences[0].text.startswith("为积极响应国家号召")


def test_offsets_point_into_the_normalized_text(seed_page) -> None:
    doc = parse(seed_page.read_text(encoding="utf-8"), tokenize=False)
    for a in doc.articles:
        for s in a.sentences:
            assert doc.text[s.start:s.end] == s.text


def test_composed_page_of_three_articles() -> None:
    page = ("新华社北京6月11日电 国家发展改革委11日召开座谈会，听取汽车企业对价格问题的意见。\n"
            "与会企业表示，将坚决抵制无序价格竞争。（完）\n\n"
            "本报讯（记者王明）3日，某市商业银行推出普惠金融新产品，\n首批贷款已经发放。\n\n"
            "据介绍，这款产品面向小微企业。\n\n"
            "又讯（记者王明）该行同日还开通了数字人民币服务。\n")
    doc = parse(page, tokenize=False)
    assert len(doc.articles) == 3
    assert doc.articles[0].source == "新华社" and doc.articles[0].sentences[0].text.startswith("国家发展改革委11日")
    assert doc.articles[1].reporter == "王明"
    assert [s.text for s in doc.articles[1].sentences] == ["3日，某市商业银行推出普惠金融新产品，首批贷款已经发放。",
                                                           "据介绍，这款产品面向小微企业。"]


def test_plain_article_with_headline_line() -> None:
    doc = parse("数字人民币APP上架手机应用商店\n数字人民币APP正式上架各大手机应用商店。用户可以下载使用。\n", tokenize=False)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "数字人民币APP上架手机应用商店"
    assert len(doc.articles[0].sentences) == 2


def test_untitled_fragment_is_named_by_its_main_words() -> None:
    # a passage cut out of the middle of an article: its first "sentence" starts mid-word
    text = ("节，人工智能辅助诊断系统可以快速分析医学影像和病历数据，帮助医生提高诊断准确率。"
            "一些人工智能医疗影像诊断系统能够检测出疾病的早期迹象。运用人工智能可提供定制化的学习方案。")
    from quizgen.ident import display_title

    assert display_title(parse(text).articles[0]) == "一些人工智能医疗影像诊断系统能够检测出疾病的早期…"
    # no sentence long enough to name it: the words it is most about
    short = "节，算力很快。算力很好。算力很准。"
    assert display_title(parse(short).articles[0]).split("、")[0] == "算力"


def test_untitled_article_is_named_by_its_opening_clause(seed_feature) -> None:
    from quizgen.ident import display_title

    a = parse(seed_feature.read_text(encoding="utf-8")).articles[0]
    assert display_title(a) == "人工智能作为引领新一轮科技革命和产业变革的战略性…"


def test_web_and_paper_datelines_are_metadata_not_sentences() -> None:
    cases = [
        ("三大指数早盘集体上涨\n中国经济网北京6月12日讯 A股三大指数今日早盘集体上涨。截至午间收盘，上证指数涨幅1.56%。",
         "中国经济网", None, "A股三大指数今日早盘集体上涨。"),
        ("锂同位素检测成功实现\n科技日报兰州6月11日电 （记者颉满斌 通讯员余若怡）锂同位素高精度分析技术研究取得重要进展。",
         "科技日报", "颉满斌", "锂同位素高精度分析技术研究取得重要进展。"),
        ("香港電動車\n香港中通社4月22日電 香港積極推廣電動車，香港今年首兩個月新登記的私家車約七成半為電動車。",
         "香港中通社", None, "香港積極推廣電動車，香港今年首兩個月新登記的私家車約七成半為電動車。"),
    ]
    for text, source, reporter, first in cases:
        a = parse(text).articles[0]
        assert (a.source, a.reporter, a.sentences[0].text) == (source, reporter, first)


def test_image_source_line_is_dropped_and_the_paragraph_before_it_kept() -> None:
    text = ("香港電動車\n香港積極推廣電動車，新登記的私家車約七成半為電動車。\n圖片來源:比亞迪\n"
            "當天，他在會議上表示，電動車發展需要充足充電基建的支持。\n")
    doc = parse(text)
    assert len(doc.articles) == 1
    assert [s.text for s in doc.articles[0].sentences] == [
        "香港積極推廣電動車，新登記的私家車約七成半為電動車。", "當天，他在會議上表示，電動車發展需要充足充電基建的支持。"]
    assert all("比亞迪" not in p.text for p in doc.articles[0].paragraphs)


def test_a_headline_that_asks_and_a_source_line_of_its_own() -> None:
    text = ("从亏损百亿到新势力第一，李斌到底经历了什么？\n\n作者：蔡雨彤\n来源：一点财经\n"
            "2014年，李斌创办了蔚来汽车，决心用全部身家投入造车事业。\n此后几年，公司经历了巨额亏损，也迎来了转机。\n")
    a = parse(text).articles[0]
    assert a.title == "从亏损百亿到新势力第一，李斌到底经历了什么？"
    assert (a.source, a.reporter) == ("一点财经", "蔡雨彤")
    assert a.sentences[0].text.startswith("2014年") and not any(p.is_heading for p in a.paragraphs)
