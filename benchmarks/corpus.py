"""Build a benchmark corpus: many article files made from the bundled seeds, some mangled like PDF output.

    python benchmarks/corpus.py OUT_DIR [N]     # N files (default 500)

Each file is one article of the seeds (split by quizgen itself), re-wrapped at a random column width,
sometimes spaced out character by character, sometimes double-spaced, sometimes GB18030: the damage
PDF extraction does. Deterministic (seeded), so runs compare.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[str]:
    from quizgen.pipeline import parse

    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        doc = parse(f.read_text(encoding="utf-8"), tokenize=False)
        for a in doc.articles:
            paras = [p.text for p in a.paragraphs]
            out.append("\n".join(([a.title] if a.title else []) + paras))
    return out


def mangle(text: str, rng: random.Random) -> tuple[str, str]:
    """Re-wrap paragraphs at a column width, maybe space them out; return (text, encoding)."""
    width = rng.randint(12, 30)
    lines: list[str] = []
    for para in text.split("\n"):
        chunk = [para[i:i + width] for i in range(0, len(para), width)]
        if rng.random() < 0.2:
            chunk = [" ".join(c) if rng.random() < 0.5 else c for c in chunk]
        lines += chunk
        lines.append("")
    sep = "\n\n" if rng.random() < 0.3 else "\n"
    body = sep.join(lines) if sep == "\n\n" else "\n".join(lines)
    return body, ("gb18030" if rng.random() < 0.3 else "utf-8")


def build(out: Path, n: int = 500, seed: int = 7) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    arts = articles()
    files = []
    for i in range(n):
        text = arts[i % len(arts)]
        if i >= len(arts):
            text, enc = mangle(text, rng)
        else:
            enc = "utf-8"
        p = out / f"a{i:04d}.txt"
        p.write_bytes(text.encode(enc))
        files.append(p)
    return files


if __name__ == "__main__":
    dest = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    fs = build(dest, count)
    print(f"{len(fs)} files, {sum(f.stat().st_size for f in fs) / 1e6:.1f} MB in {dest}")
