from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError, QuizgenError
from quizgen.ingest import decode, read_bytes
from quizgen.normalize import normalize
from quizgen.pipeline import parse

TEXT = "从自主学习“进化”到模拟真实世界，2024年人工智能（AI）正在开启“裂变式”发展之路。"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_decodes_common_encodings(enc: str) -> None:
    text, _ = decode(TEXT.encode(enc))
    assert text.lstrip("\ufeff") == TEXT


def test_decodes_big5_traditional() -> None:
    trad = "香港特區政府財政司司長陳茂波發表網誌指出，今年以來香港金融市場表現亮眼，新股集資總額接近一千五百億港元。"
    text, enc = decode(trad.encode("big5"))
    assert text == trad
    assert "big5" in enc


def test_utf16_without_bom_is_not_taken_for_utf8() -> None:
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")
    assert decode(data)[0] == TEXT


def test_gb18030_seed_gives_the_same_sentences(seed_page) -> None:
    raw = seed_page.read_text(encoding="utf-8")
    a = parse(raw, tokenize=False)
    src = read_bytes(raw.encode("gb18030"), "gb.txt")
    assert src.encoding == "gb18030"
    b = parse(src.text, tokenize=False)
    assert [s.text for x in a.articles for s in x.sentences] == [s.text for x in b.articles for s in x.sentences]


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),
    (b"Just an English sentence with no Chinese in it.", "no Chinese"),
])
def test_bad_input_says_what_is_wrong(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        read_bytes(data, "x.txt")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_a_document_or_our_error(data: bytes) -> None:
    try:
        src = read_bytes(data, "fuzz")
        parse(src.text, tokenize=False)
    except QuizgenError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("人工智能是新一轮科技革命，。！？“”（）\n \u3000AI2024年秒——：、；…")) | st.characters(),
               max_size=300))
def test_random_unicode_normalizes_idempotently(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    try:
        parse(text, tokenize=False)
    except QuizgenError:
        pass


def test_a_short_gb18030_passage_charset_normalizer_cannot_place() -> None:
    # a 480-byte passage, hard-wrapped and partly spaced out like PDF text: charset-normalizer returns nothing
    text = ("开展“人工智能+”行动意义重大，将人工智能技术与\n各行业专业知识和技术资源\n深度融合，能够赋能千行百业\n"
            "。当前，各地区各部门正加快推进\n人 工 智 能 与 经 济 社 会 各 领 域 深 度\n融 合 ， 培 育 和 发 展 新 质 生 产 力 ，\n"
            "推动我国科技跨越式发展。\n")
    src = read_bytes(text.encode("gb18030"), "short.txt")
    assert src.encoding == "gb18030" and src.text == text
    big5 = "香港積極推廣電動車，特區政府表示，香港今年首兩個月新登記的私家車約七成半為電動車。"
    assert read_bytes(big5.encode("big5"), "b5.txt").text == big5
