"""Wrong options of the same kind as the answer, never also true according to the text.

Numbers keep the answer's unit, magnitude word and approximation word (超过, 约…); they come from the
article when it has amounts in the same unit and a plausible magnitude, and are derived from the
answer otherwise. Dates keep the answer's granularity. People and organisations come from the same
article. All choices go through a seeded RNG so that a re-run gives the same quiz.
"""
from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence

from ..extract.facts import DATE_RE, QTY_RE, Fact, date_granularity, parse_number


def rng(*keys: object) -> random.Random:
    """A random generator seeded from the keys: the same question always gets the same options."""
    h = hashlib.sha1("|".join(map(str, keys)).encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def shuffle_options(answer: str, distractors: Sequence[str], *keys: object) -> tuple[tuple[str, ...], int]:
    """Answer and distractors in a seeded order; returns the options and the answer's index."""
    opts = [answer, *distractors]
    rng(*keys, "order").shuffle(opts)
    return tuple(opts), opts.index(answer)


def _fmt(value: float, decimals: int) -> str:
    if decimals == 0:
        return str(int(round(value)))
    s = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return s


def split_amount(text: str) -> tuple[str, str, str, str, str] | None:
    """超过19.75万亿元 → ('超过', '19.75', '万亿', '元', '')."""
    m = QTY_RE.fullmatch(text)
    if not m:
        return None
    return m.group(1), m.group(2), m.group(3), m.group(4), m.group(5) or ""


def _predicate(measure: str | None) -> str:
    """The words just before an amount (净买入, 同比增长): what the figure measures."""
    han = re.sub(r"[^\u4e00-\u9fff]", "", measure or "")
    han = re.sub(r"(超过|超過|接近|将近|将近|不到|不足|超|逾|近|约|約|达到|達到|达|達|为|為|至|了|约为|共)+$", "", han)
    return han[-2:]


def number_distractors(fact: Fact, pool: Iterable[Fact], k: int = 3) -> list[str]:
    """k amounts in the answer's unit: from the article if plausible, derived from the answer if not."""
    parts = split_amount(fact.answer)
    if parts is None or "-" in parts[1] or any(c in parts[1] for c in "—~～至到"):
        return []
    approx, num, mag, unit, tail = parts
    value = float(num)
    ans_value = parse_number(fact.answer)
    decimals = len(num.split(".")[1]) if "." in num else 0
    seen = {num}
    out: list[str] = []
    clause = fact.clause_text
    r = rng(fact.sentence.text, fact.answer, "num")
    # from the article: same unit and magnitude word, within a factor of 10, not stated in the same clause
    cands = []
    for f in pool:
        if f.kind != "quantity" or f is fact:
            continue
        p = split_amount(f.answer)
        if p is None or p[3] != unit or p[2] != mag or not re.fullmatch(r"\d+(?:\.\d+)?", p[1]):
            continue
        v = parse_number(f.answer)
        if not v or not ans_value or not 0.1 <= v / ans_value <= 10 or p[1] in clause:
            continue
        if _predicate(f.measure) and _predicate(f.measure) == _predicate(fact.measure):
            continue  # 净买入988亿元 elsewhere: the same kind of figure may answer the same stem
        cands.append(p[1])
    r.shuffle(cands)
    for c in cands:
        if c not in seen and float(c) != value and not _implied(approx, tail, value, float(c)):
            seen.add(c)
            out.append(c)
        if len(out) >= k:
            break
    # derived: scale the answer
    factors = [0.5, 1.5, 2.0, 0.75, 1.25, 3.0, 0.6, 0.8, 1.2]
    if unit in ("%", "个百分点") and value < 40:
        factors = [0.5, 1.5, 2.0, 0.7, 1.3, 0.8, 1.2]
    r.shuffle(factors)
    for fa in factors:
        if len(out) >= k:
            break
        v = value * fa
        if unit == "%" and v >= 100 and value < 100:
            continue
        c = _fmt(v, decimals)
        if decimals == 0 and value >= 10 and float(c) % 10 and value % 10 == 0:
            c = _fmt(round(v / 10) * 10, 0)
        if c in seen or float(c) <= 0 or float(c) == value or _implied(approx, tail, value, float(c)):
            continue
        seen.add(c)
        out.append(c)
    return [f"{approx}{c}{mag}{unit}{tail}" for c in out[:k]]


def _implied(approx: str, tail: str, answer: float, other: float) -> bool:
    """True if the text's claim makes this option true too: 超3.8万 implies 超3万, 不到5 implies 不到8."""
    if approx in ("超过", "超過", "超", "逾") or tail in ("多", "余", "餘", "以上"):
        return other <= answer
    if approx in ("不到", "不足"):
        return other >= answer
    return False


_MONTH_NAMES = range(1, 13)


def _date_parts(text: str) -> dict[str, str | None]:
    m = DATE_RE.fullmatch(text)
    return m.groupdict() if m else {}


def _date_str(y: str | None, rel: str | None, mo: int | None, d: int | None) -> str:
    s = (f"{y}年" if y else rel or "")
    if mo is not None:
        s += f"{mo}月"
    if d is not None:
        s += f"{d}日"
    return s


def date_distractors(fact: Fact, pool: Iterable[Fact], k: int = 3) -> list[str]:
    """k dates of the answer's granularity: other dates of the article first, then nearby ones."""
    g = date_granularity(fact.answer)
    out: list[str] = []
    seen = {fact.answer}
    r = rng(fact.sentence.text, fact.answer, "date")
    others = [f.answer for f in pool if f.kind == "date" and date_granularity(f.answer) == g]
    r.shuffle(others)
    for o in others:
        if o not in seen:
            seen.add(o)
            out.append(o)
    p = _date_parts(fact.answer)
    y, rel = p.get("y"), p.get("rel")
    mo = int(p["m"]) if p.get("m") else None
    d = int(p["d"]) if p.get("d") else None
    shifts = [-1, 1, -2, 2, 3, -3, 4]
    r.shuffle(shifts)
    for sh in shifts:
        if len(out) >= k:
            break
        if g == "y":
            c = _date_str(str(int(y) + sh), None, None, None)
        elif d is not None:
            nd = d + sh * 3
            if not 1 <= nd <= 28:
                continue
            c = _date_str(y, rel, mo, nd)
        elif mo is not None:
            nm = mo + sh
            if nm not in _MONTH_NAMES:
                continue
            c = _date_str(y, rel, nm, None)
        else:
            continue
        if c not in seen:
            seen.add(c)
            out.append(c)
    return out[:k]


def name_distractors(answer: str, names: Sequence[str], exclude: Iterable[str] = (), k: int = 3,
                     *keys: object) -> list[str]:
    """k other names (people or organisations) of the article, none inside another or the answer."""
    bad = set(exclude) | {answer}
    cands = [n for n in dict.fromkeys(names)
             if n not in bad and n not in answer and answer not in n and not any(n in b or b in n for b in bad)]
    rng(answer, *keys, "names").shuffle(cands)
    out: list[str] = []
    for c in cands:
        if not any(c in o or o in c for o in out):
            out.append(c)
        if len(out) >= k:
            break
    return out
