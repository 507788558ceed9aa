from __future__ import annotations

from quizgen import segment


def test_domain_terms_stay_whole_with_part_of_speech() -> None:
    # speed up the "East Data, West Computing" project; foster new quality productive forces;
    # banks run pension-finance business
    toks = segment.tokens("加快推进“东数西算”工程，培育和发展新质生产力，银行开展养老金融业务。")
    assert [t.text for t in toks] == ["加快", "推进", "“", "东数西算", "”", "工程", "，", "培育", "和", "发展",
                                      "新质生产力", "，", "银行", "开展", "养老金融", "业务", "。"]
    assert dict((t.text, t.pos) for t in toks)["银行"] == "n"
    assert dict((t.text, t.pos) for t in toks)["推进"] == "v"


def test_offsets_are_positions_in_the_sentence() -> None:
    s = "76秒，是一辆小米SU7汽车走下流水线的平均时长。"
    for t in segment.tokens(s):
        assert s[t.start:t.start + len(t.text)] == t.text


def test_userdict_fixes_a_split(tmp_path) -> None:
    before = segment.cut("萝卜快跑在武汉的订单大幅增长")
    assert "萝卜快跑" not in before
    d = tmp_path / "user.txt"
    d.write_text("萝卜快跑 10 nz\n", encoding="utf-8")
    segment.add_user_dict(d)
    assert "萝卜快跑" in segment.cut("萝卜快跑在武汉的订单大幅增长")
    assert any(t.text == "萝卜快跑" and t.pos == "nz" for t in segment.tokens("萝卜快跑在武汉的订单大幅增长"))
