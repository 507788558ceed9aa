"""Compare key-word rankings on a few articles: jieba TF-IDF, jieba TextRank, and quizgen's
(TF-IDF + headline/lead boost + the vocabulary filters). Prints the top N of each for a reader to judge.

    .venv/bin/python benchmarks/vocab_rank.py [N] [ARTICLE ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

PRACTICE = Path("/work/shared/practice")
DEFAULT = ["news_01_21cbh_foreign_trade_exports.txt", "news_05_jjckb_chip_shortage.txt",
           "pdf_01_chinaxiv_ip_securitization.txt", "trad_01_hk_ipo_zhongtong.txt"]


def main() -> None:
    import jieba.analyse
    import jieba.posseg

    from quizgen.extract.vocab import extract_vocab
    from quizgen.pipeline import iter_documents
    from quizgen.quiz import Options
    from quizgen.segment import tokenizer

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    files = [Path(p) for p in sys.argv[2:]] or [PRACTICE / f for f in DEFAULT]
    pos = ("n", "nz", "vn", "v", "a", "j", "l", "nt")
    tfidf, textrank = jieba.analyse.TFIDF(), jieba.analyse.TextRank()
    tfidf.tokenizer = tfidf.postokenizer = jieba.posseg.POSTokenizer(tokenizer())
    textrank.tokenizer = textrank.postokenizer = jieba.posseg.POSTokenizer(tokenizer())
    for f in files:
        for doc in iter_documents(f):
            a = doc.articles[0]
            text = (a.title or "") + "\n" + a.body
            print(f"== {f.name}: {a.title}")
            print("jieba TF-IDF :", " ".join(tfidf.extract_tags(text, topK=n, allowPOS=pos)))
            print("jieba TextRank:", " ".join(textrank.textrank(text, topK=n, allowPOS=pos)))
            print("quizgen      :", " ".join(v.word for v in extract_vocab(a, Options(max_vocab=n))))
            print()


if __name__ == "__main__":
    main()
