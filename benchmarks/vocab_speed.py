"""`quizgen vocab` on a ~3,000-character article against the time jieba alone takes to load. Prints, never asserts.

    .venv/bin/python benchmarks/vocab_speed.py [ARTICLE]

Each timing is a fresh process (what a user waits for), best of three.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = Path("/work/shared/practice/pdf_02_chinaxiv_power_bigdata_investment.txt")


def _best(cmd: list[str], n: int = 3) -> float:
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else (PRACTICE if PRACTICE.exists()
                                                           else sorted((ROOT / "seeds").glob("*.txt"))[-1])
    chars = len(article.read_text(encoding="utf-8"))
    py = sys.executable
    quizgen = str(Path(py).with_name("quizgen"))
    bare = _best([py, "-c", "pass"])
    jieba = _best([py, "-c", "import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.Tokenizer().initialize()"])
    ours = _best([py, "-c", "import logging, jieba; jieba.setLogLevel(logging.WARNING); "
                  "from quizgen.segment import tokenizer; tokenizer()"])
    vocab = _best([quizgen, "vocab", str(article), "--json"])
    print(f"article: {article.name} ({chars} chars)")
    print(f"python start-up                     {bare:6.2f} s")
    print(f"jieba load (its own dictionary)     {jieba:6.2f} s")
    print(f"jieba load + quizgen dictionaries   {ours:6.2f} s")
    print(f"quizgen vocab --json (end to end)   {vocab:6.2f} s   = {vocab / jieba:.1f} x jieba load")


if __name__ == "__main__":
    main()
