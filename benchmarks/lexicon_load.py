"""Cold-start costs of quizgen.lexicon, each measured in a fresh subprocess.

Prints the time to import the module and to do the first gloss, pinyin and HSK
look-up, with the CC-CEDICT index both absent (first run ever: it gets built)
and present (every later run).  Never asserts.

    python benchmarks/lexicon_load.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, time
t0 = time.perf_counter()
from quizgen import lexicon as L
t1 = time.perf_counter(); L.entries("出口")
t2 = time.perf_counter(); L.pinyin("银行")
t3 = time.perf_counter(); L.hsk_level("银行")
t4 = time.perf_counter(); L.to_simplified("銀行")
t5 = time.perf_counter(); L.gloss_parts("专业知识")
t6 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first gloss": t2 - t1, "first pinyin": t3 - t2,
                  "first HSK": t4 - t3, "first t2s": t5 - t4, "gloss_parts": t6 - t5}))
"""


def run(cache_dir: str) -> dict[str, float]:
    env = dict(os.environ, QUIZGEN_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        rows = [("no index (build)", run(cache))]
        rows += [(f"index cached #{i}", run(cache)) for i in (1, 2, 3)]
    keys = list(rows[0][1])
    print(f"{'':18}" + "".join(f"{k:>14}" for k in keys))
    for name, res in rows:
        print(f"{name:18}" + "".join(f"{res[k] * 1000:>11.1f} ms" for k in keys))


if __name__ == "__main__":
    main()
