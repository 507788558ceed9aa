from __future__ import annotations

from quizgen.generate.cloze import hint_for


def test_hint_takes_the_sense_that_fits_the_blank() -> None:
    # 推动 "to push": the CEDICT aside "(e.g. for acceptance of a plan)" is left out of a hint
    assert hint_for("推动", "to push (e.g. for acceptance of a plan); to promote; to…", pos="v") == "to push"
    # 发展 as a verb in 发展新质生产力, as a noun in 人工智能的发展
    assert hint_for("发展", "development; growth; to develop", pos="v") == "to develop"
    assert hint_for("发展", "development; growth; to develop", pos="vn") == "development"


def test_hint_falls_back_to_pinyin_never_the_word() -> None:
    assert hint_for("东数西算", "", pinyin="dōngshùxīsuàn") in {"dōngshùxīsuàn"} | {
        h for h in [hint_for("东数西算")] if "东数西算" not in h}
    assert "东数西算" not in hint_for("东数西算", "东数西算 project")
