"""The trie-backed dictionary must give jieba exactly its own words, frequencies and tags."""
from __future__ import annotations

import subprocess
import sys

from quizgen import wordindex

SENTENCES = [
    "国家数据局发布数据显示，截至今年6月底，我国算力总规模位居全球第二。",
    "中国人民银行决定下调金融机构存款准备金率0.5个百分点。",
    "人工智能大模型正在重塑千行百业，研究中心主任表示要加强伦理治理。",
    "他说：“明天的会议我还是会去参加的。”",
]


def test_index_matches_jieba_dictionary(tmp_path) -> None:
    """Every word of dict.txt has jieba's frequency and tag; prefixes are 0; the total is jieba's."""
    import jieba

    with jieba.get_dict_file() as f:
        path = f.name
    index = wordindex.load(path, str(tmp_path))
    freq, tags = index.freq(), index.tags()
    with open(path, encoding="utf-8") as f:
        lines = [ln.split() for ln in f][::997]  # a spread-out sample of about 350 lines
    for word, n, tag in lines:
        assert freq[word] == int(n), word
        assert tags.get(word) == tag, word
    assert freq.get("人工智") == 0 and "人工智" in freq  # a prefix of 人工智能, not a word
    assert freq.get("不是词语的串") is None and "不是词语的串" not in freq
    assert tags.get("人工智") is None
    # the second load comes from the cache file and is the same
    wordindex.load.cache_clear()
    again = wordindex.load(path, str(tmp_path))
    assert again.total == index.total and again.names == index.names and len(again.trie) == len(index.trie)


def test_segmentation_and_tags_equal_jieba_own() -> None:
    """jieba on the trie cuts and tags real sentences exactly as jieba on its own dictionary."""
    code = f"""
import io, jieba, logging
jieba.setLogLevel(logging.WARNING)
import jieba.posseg as ps
own = [[(p.word, p.flag) for p in ps.cut(s)] for s in {SENTENCES!r}]
from quizgen import segment
tok = jieba.Tokenizer()
index = segment._index()
tok.FREQ, tok.total, tok.initialized = index.freq(), index.total, True
pt = object.__new__(ps.POSTokenizer); pt.tokenizer = tok; pt.word_tag_tab = index.tags()
ours = [[(p.word, p.flag) for p in pt.cut(s)] for s in {SENTENCES!r}]
assert ours == own, (ours, own)
print(len(sum(own, [])))
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    assert int(p.stdout) > 40


def test_global_posseg_still_tags_after_quizgen_imports_it_first() -> None:
    """quizgen skips jieba.posseg's import-time parse, but jieba.posseg.cut keeps its tags for others."""
    code = """
from quizgen import segment
segment.tokens("预热")
import jieba.posseg as ps
print(" ".join(f"{p.word}/{p.flag}" for p in ps.cut("中国人民银行决定下调存款准备金率")))
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.split() == ["中国人民银行/nt", "决定/v", "下调/v", "存款/n", "准备金率/n"]


def test_idf_trie_gives_jieba_weights_exactly(tmp_path) -> None:
    from importlib.util import find_spec
    from pathlib import Path

    path = Path(find_spec("jieba").origin).parent / "analyse" / "idf.txt"
    idf = wordindex.load_idf(str(path), str(tmp_path))
    rows = [ln.split() for ln in path.read_text(encoding="utf-8").splitlines()[::1009]]
    for word, value in rows:
        assert idf.get(word) == float(value), word
    assert idf.get("不在表里的词") is None
    assert min(float(v) for _, v in rows) <= idf.default <= max(float(v) for _, v in rows)
