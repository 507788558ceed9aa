"""Speed and memory of quizgen, measured in one run so the ratios are fair on a noisy machine.

    python benchmarks/bench.py [--articles 500] [--jobs 2] [--skip-corpus]

Prints (never asserts):
  1. cold `quizgen make ONE_ARTICLE --deck anki`: wall time and peak RSS, next to the floor — a fresh
     Python that imports jieba + jieba.posseg and POS-tags the same text with jieba's own dictionary;
  2. throughput on a corpus of N articles, single process and with --jobs N;
  3. each stage's share of the time on a sample of articles;
and a last line with the two ratios the project targets (cold ≤ 1.3× floor; jobs-2 ≥ 1.7× single).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
PY = sys.executable
RSS = "import atexit,resource,sys;atexit.register(lambda: sys.stderr.write(f'\\nRSS_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))"


def run(code: str, env: dict[str, str] | None = None) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of a fresh Python running `code`."""
    t = time.perf_counter()
    p = subprocess.run([PY, "-c", RSS + "\n" + code], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{p.stderr[-2000:]}")
    rss = next((int(x.split()[1]) for x in p.stderr.splitlines() if x.startswith("RSS_KB")), 0)
    return wall, rss // 1024


def cold(article: Path, repeat: int) -> tuple[tuple[float, int], tuple[float, int]]:
    floor = ("import jieba, jieba.posseg as ps, logging; jieba.setLogLevel(logging.WARNING)\n"
             f"t = open({str(article)!r}, encoding='utf-8').read(); list(ps.cut(t))")
    out = tempfile.mkdtemp(prefix="qg-bench-")
    make = ("import sys; from quizgen.cli import main\n"
            f"sys.argv = ['quizgen', 'make', {str(article)!r}, '--deck', 'anki', '--out', {out!r}, '--quiet']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code")
    floors, makes = [], []
    run(floor)
    run(make)  # warm the OS file cache and quizgen's own first-use caches (CEDICT index)
    for _ in range(repeat):  # interleaved, so drift in machine load hits both alike
        floors.append(run(floor))
        makes.append(run(make))
    med = lambda xs: (statistics.median(x[0] for x in xs), max(x[1] for x in xs))  # noqa: E731
    return med(floors), med(makes)


def throughput(corpus: Path, jobs: int) -> float:
    out = tempfile.mkdtemp(prefix="qg-bench-")
    t = time.perf_counter()
    p = subprocess.run([PY, "-m", "quizgen", "make", str(corpus), "--deck", "anki", "--out", out,
                        "--quiet", "--jobs", str(jobs)], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"make failed:\n{p.stderr[-2000:]}")
    return time.perf_counter() - t


def stages(files: list[Path]) -> dict[str, float]:
    """Seconds spent per stage over `files`, in this process (dictionaries loaded first)."""
    from quizgen import articles as arts
    from quizgen import normalize, segment
    from quizgen.ingest import read_file
    from quizgen.pipeline import parse
    from quizgen.quiz import build_quiz
    from quizgen.render.anki import write_apkg

    segment.tokenizer()
    segment.tokens("预热")
    spent = dict.fromkeys(["ingest", "normalize", "split+sentences", "segment", "extract+generate", "render"], 0.0)
    tmp = Path(tempfile.mkdtemp(prefix="qg-bench-"))
    for f in files:
        t0 = time.perf_counter()
        src = read_file(f)
        t1 = time.perf_counter()
        bl = normalize.blocks(src.text)
        t2 = time.perf_counter()
        arts.split_articles(bl)
        doc0 = parse(src.text, tokenize=False)
        t3 = time.perf_counter()
        doc = parse(src.text)
        t4 = time.perf_counter()
        quizzes = [build_quiz(a, i, f.stem) for i, a in enumerate(doc.articles)]
        t5 = time.perf_counter()
        write_apkg(quizzes, tmp / f"{f.stem}.apkg")
        t6 = time.perf_counter()
        untagged = t3 - t2
        spent["ingest"] += t1 - t0
        spent["normalize"] += t2 - t1
        spent["split+sentences"] += untagged - (t2 - t1)  # parse(tokenize=False) re-normalizes
        spent["segment"] += max(0.0, (t4 - t3) - untagged)
        spent["extract+generate"] += t5 - t4
        spent["render"] += t6 - t5
        del doc0
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-corpus", action="store_true", help="only the cold-start figures")
    args = ap.parse_args()
    import corpus

    work = Path(tempfile.mkdtemp(prefix="qg-corpus-"))
    files = corpus.build(work / "c", args.articles)
    one = max(files[:9], key=lambda f: f.stat().st_size)
    chars = len(one.read_text(encoding="utf-8"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    (fw, fr), (mw, mr) = cold(one, args.repeat)
    print(f"cold floor (import jieba+posseg, tag {chars} chars): {fw:.2f} s, {fr} MB")
    print(f"cold quizgen make --deck anki (same article):       {mw:.2f} s, {mr} MB   ratio {mw / fw:.2f}x")
    ratio_jobs = float("nan")
    if not args.skip_corpus:
        total_chars = sum(len(f.read_bytes()) for f in files) // 3
        t1 = throughput(work / "c", 1)
        tn = throughput(work / "c", args.jobs)
        print(f"corpus: {len(files)} articles, ~{total_chars / 1e6:.2f} M chars")
        print(f"  --jobs 1: {t1:.1f} s  {len(files) / t1:.1f} articles/s  {total_chars / t1 / 1e3:.0f} k chars/s")
        print(f"  --jobs {args.jobs}: {tn:.1f} s  {len(files) / tn:.1f} articles/s  {total_chars / tn / 1e3:.0f} k chars/s"
              f"   speed-up {t1 / tn:.2f}x")
        ratio_jobs = t1 / tn
        sample = files[:40]
        sp = stages(sample)
        tot = sum(sp.values())
        print(f"stage shares over {len(sample)} articles ({tot:.1f} s):")
        for k, v in sorted(sp.items(), key=lambda kv: -kv[1]):
            print(f"  {k:<18} {v:6.2f} s  {100 * v / tot:5.1f}%")
    print(f"SUMMARY cold/floor {mw / fw:.2f}x (target <= 1.30)  jobs{args.jobs}/jobs1 {ratio_jobs:.2f}x (target >= 1.70)")


if __name__ == "__main__":
    main()
