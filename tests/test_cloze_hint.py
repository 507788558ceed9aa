from __future__ import annotations

from quizgen.generate.cloze import hint_for


def test_hint_takes_the_sense_that_fits_the_blank() -> None:
    # 推动 "to push": the CEDICT aside "(e.g. for acceptance of a plan)" is left out of a hint
    assert hint_for("推动", "to push (e.g. for acceptance of a plan); to promote; to…", pos="v") == "to push"
    # 发展 as a verb in 发展新质生产力, as a noun in 人工智能的发展
    assert hint_for("发展", "development; growth; to develop", pos="v") == "to develop"
    assert hint_for("发展", "development; growth; to develop", pos="vn") == "development"


def test_hint_is_never_the_word_nor_its_pinyin() -> None:
    # no dictionary sense: no hint at all, since with a word bank the pinyin would name the answer
    assert hint_for("东数西算", "", pinyin="dōngshùxīsuàn") == ""
    assert "东数西算" not in hint_for("东数西算", "东数西算 project")


def test_a_long_sense_is_cut_at_a_word_and_an_aside_cut_short_is_dropped() -> None:
    # the vocabulary list cut 有色金属's gloss inside its aside: "(all metals excluding…"
    assert hint_for("有色金属", "non-ferrous metals (all metals excluding…", pos="n") == "non-ferrous metals"
    h = hint_for("摘牌", "to accept a transfer-listed player from another team (sports)", pos="v")
    assert len(h) <= 40 and h == "to accept a transfer-listed player from"
