"""Printable worksheets: one HTML source (Jinja2, one template per section) → HTML or PDF (WeasyPrint).

The PDF embeds Noto Sans SC from the `pylopdf-fonts-zh-cn` package, so nothing depends on the fonts a
machine happens to have; every character is checked against that font's character map and anything it
lacks is replaced by a look-alike (NFKC) or 〓, so no page ever shows a missing-glyph box.
WeasyPrint does not lay out `<ruby>`, so pinyin sits in a stacked inline-block over its word, which
browsers show the same way.
"""
from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..lexicon import BANDS, hsk_level, is_han, pinyin
from ..model import Article, Cloze, Question, Quiz

PAPERS = {"a4": "A4", "letter": "letter"}
PINYIN_MODES = ("new", "all", "none")
DEFAULT_LEVEL = 4  # the learners quizgen is made for: HSK 4 and up

TEMPLATES = Path(__file__).with_name("templates")
_CLOZE_RE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
_DATE_RE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_TF_PREFIX = re.compile(r"^\s*(?:判断对错|判断正误|判断)\s*[：:]\s*")
_MISSING = "〓"  # the typesetter's mark for a character the font lacks

# jieba (ICTCLAS) tags → the short labels a learner's dictionary uses
_POS = {"n": "n.", "nr": "name", "ns": "place", "nt": "org.", "nz": "n.", "ng": "n.", "vn": "v./n.",
        "v": "v.", "vd": "v.", "vg": "v.", "vi": "v.", "a": "adj.", "ad": "adj./adv.", "an": "adj./n.",
        "ag": "adj.", "d": "adv.", "dg": "adv.", "m": "num.", "mq": "num.", "q": "m.w.", "p": "prep.",
        "c": "conj.", "r": "pron.", "t": "time", "tg": "time", "f": "loc.", "s": "place", "l": "phrase",
        "i": "idiom", "j": "abbr.", "u": "part.", "y": "part.", "e": "interj.", "o": "onom.",
        "b": "attr.", "z": "adj.", "eng": "n.", "x": ""}
_TYPE_TITLES = {"mcq": ("选择题", "根据文章内容，选择正确答案。"),
                "true_false": ("判断题", "根据文章内容判断正误，在方框里打 ✓。"),
                "short_answer": ("简答题", "根据文章内容，用自己的话回答问题。")}
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class WorksheetOptions:
    paper: str = "a4"  # "a4" | "letter"
    pinyin: str = "new"  # "new": words above `level`; "all"; "none"
    level: int = DEFAULT_LEVEL  # the learner's HSK level


# --------------------------------------------------------------------------- font coverage


def font_path() -> Path:
    """Noto Sans SC (SIL OFL 1.1) as shipped in the pylopdf-fonts-zh-cn wheel."""
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.__file__).with_name("NotoSansSC-Regular.otf")


@lru_cache(maxsize=1)
def font_chars() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_path()), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


@lru_cache(maxsize=4096)
def _cover_char(c: str) -> str:
    chars = font_chars()
    if ord(c) in chars or c in "\n\t":
        return c
    alt = unicodedata.normalize("NFKC", c)
    if alt and all(ord(x) in chars for x in alt):
        return alt
    if unicodedata.category(c) in ("Cf", "Cc", "Mn", "Zs"):  # invisible or combining: drop
        return " " if unicodedata.category(c) == "Zs" else ""
    return _MISSING


def cover(text: str) -> str:
    """`text` with every character the embedded font lacks replaced, so no page shows tofu."""
    chars = font_chars()
    if all(ord(c) in chars for c in text):
        return text
    return "".join(_cover_char(c) for c in text)


# --------------------------------------------------------------------------- passage


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(cover(text)))


def _band_above(word: str, level: int) -> bool:
    band = hsk_level(word)
    if band is None:
        return True
    return BANDS.index(band) + 1 > level


def _ruby(word: str) -> str:
    py = pinyin(word)
    return (f'<span class="r"><span class="rt">{_esc(py)}</span>'
            f'<span class="rb">{_esc(word)}</span></span>')


def _token_html(text: str, mode: str, level: int, vocab: frozenset[str], seen: set[str]) -> str:
    """One token: its Han runs in ruby if the mode asks for pinyin over it.

    "new" glosses a word at its first use only, as graded readers do: pinyin over every repeat of
    人工智能 buries the text and spreads the lines.
    """
    if mode == "none" or not is_han(text):
        return _esc(text)
    if mode == "new":
        if text in seen or (text not in vocab and not _band_above(text, level)):
            return _esc(text)
        seen.add(text)
    if _HAN_RUN.fullmatch(text):
        return _ruby(text)
    out, pos = [], 0
    for m in _HAN_RUN.finditer(text):
        out.append(_esc(text[pos:m.start()]))
        out.append(_ruby(m.group()))
        pos = m.end()
    out.append(_esc(text[pos:]))
    return "".join(out)


def paragraph_html(para: Any, mode: str, level: int, vocab: frozenset[str] = frozenset(),
                   seen: set[str] | None = None) -> str:
    """A paragraph's text as HTML, pinyin over the words `mode` picks (tokens come from the segmenter).

    `seen` carries the words already glossed in earlier paragraphs (mode "new").
    """
    seen = set() if seen is None else seen
    if mode == "none" or not para.sentences:
        return _esc(para.text)
    out, pos = [], 0
    for s in para.sentences:
        off = s.start - para.start
        if off < pos or para.text[off:off + len(s.text)] != s.text:  # offsets disagree: plain text
            return _esc(para.text)
        out.append(_esc(para.text[pos:off]))
        if not s.tokens:
            out.append(_esc(s.text))
        else:
            cur = 0
            for t in s.tokens:
                if t.start < cur:
                    continue
                out.append(_esc(s.text[cur:t.start]))
                out.append(_token_html(t.text, mode, level, vocab, seen))
                cur = t.start + len(t.text)
            out.append(_esc(s.text[cur:]))
        pos = off + len(s.text)
    out.append(_esc(para.text[pos:]))
    return "".join(out)


def body_paragraphs(article: Article) -> list[Any]:
    """The paragraphs a worksheet numbers: every one that is not a subheading, 1-based in order."""
    return [p for p in article.paragraphs if not p.is_heading]


def _passage(article: Article, opts: WorksheetOptions, vocab: frozenset[str]) -> list[dict[str, Any]]:
    from markupsafe import Markup

    items, n, seen = [], 0, set()
    for p in article.paragraphs:
        if p.is_heading:
            items.append({"heading": True, "n": None, "html": Markup(_esc(p.text))})
        else:
            n += 1
            items.append({"heading": False, "n": n,
                          "html": Markup(paragraph_html(p, opts.pinyin, opts.level, vocab, seen))})
    return items


def evidence_paragraph(article: Article, evidence: str, hint: int | None) -> int | None:
    """The paragraph number to send a reader to: `hint` if the evidence stands there, else where it does."""
    paras = body_paragraphs(article)
    ev = evidence.strip()
    if not ev:
        return hint
    if hint and 1 <= hint <= len(paras) and ev in paras[hint - 1].text:
        return hint
    found = [i for i, p in enumerate(paras, 1) if ev in p.text]
    if len(found) == 1:
        return found[0]
    return hint if hint and 1 <= hint <= len(paras) else None


# --------------------------------------------------------------------------- sections


def _letter(i: int) -> str:
    return "ABCDEFGH"[i] if i < 8 else str(i + 1)


def _question_ctx(q: Question, n: int, article: Article) -> dict[str, Any]:
    opts = [cover(o) for o in q.options]
    longest = max((len(o) for o in opts), default=0)
    layout = "four" if longest <= 7 and len(opts) == 4 else "two" if longest <= 16 and len(opts) % 2 == 0 else "one"
    para = evidence_paragraph(article, q.evidence, q.paragraph)
    stem = q.stem
    if q.type == "true_false":  # the section's instructions already say so
        stem = _TF_PREFIX.sub("", stem) or stem
    hint = para if para and f"第{para}段" not in stem else None  # "根据第3段，…" needs no "（见第3段）"
    if q.type == "mcq" and q.answer_index is not None and 0 <= q.answer_index < len(opts):
        key = f"{_letter(q.answer_index)}. {q.options[q.answer_index]}"
    elif q.type == "true_false":
        key = _tf_answer(q)
    else:
        key = q.answer
    return {"n": n, "type": q.type, "stem": stem, "options": [(_letter(i), o) for i, o in enumerate(opts)],
            "layout": layout, "paragraph": para, "hint": hint, "key": key, "evidence": q.evidence,
            "evidence_html": _highlight(q.evidence, q.answer_span),
            "lines": 3 if len(q.answer) > 24 else 2}


def _tf_answer(q: Question) -> str:
    if q.answer_index is not None and 0 <= q.answer_index < len(q.options):
        ans = q.options[q.answer_index]
    else:
        ans = q.answer
    low = ans.strip().lower()
    if low in ("对", "正确", "true", "t", "是", "√", "✓", "yes"):
        return "对"
    if low in ("错", "错误", "false", "f", "否", "×", "no", "不对"):
        return "错"
    return ans


def _highlight(evidence: str, span: tuple[int, int] | None) -> str:
    from markupsafe import Markup

    if span and 0 <= span[0] < span[1] <= len(evidence):
        a, b = span
        return Markup(f"{_esc(evidence[:a])}<u>{_esc(evidence[a:b])}</u>{_esc(evidence[b:])}")
    return Markup(_esc(evidence))


def _shuffled_bank(answers: Sequence[str], seed: str) -> list[str]:
    """The word bank: the answers in an order fixed by the article, never the order of the blanks."""
    bank = list(answers)
    rng = random.Random(int(hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16], 16))
    rng.shuffle(bank)
    if len(set(answers)) > 1 and bank == list(answers):
        bank = bank[1:] + bank[:1]
    return bank


def _cloze_ctx(items: Sequence[Cloze], article: Article, seed: str) -> dict[str, Any]:
    """Numbered cloze sentences with blanks of one width (a blank's length must not give its word away)."""
    from markupsafe import Markup

    answers = [a for c in items for a in _CLOZE_RE.findall(c.text)]
    width = max(4, max((len(a) for a in answers), default=2) + 2)
    rows, n = [], 1
    for c in items:
        blanks = list(_CLOZE_RE.finditer(c.text))
        if not blanks:
            continue
        parts, pos, keys = [], 0, []
        for m in blanks:
            label = f'<span class="bn">（{n}）</span>' if len(blanks) > 1 else ""
            parts.append(_esc(c.text[pos:m.start()]))
            parts.append(f'{label}<span class="blank" style="width: {width}em"></span>')
            keys.append((n, m.group(1)))
            n += 1
            pos = m.end()
        parts.append(_esc(c.text[pos:]))
        para = evidence_paragraph(article, c.sentence, c.paragraph)
        rows.append({"n": keys[0][0], "html": Markup("".join(parts)), "keys": keys, "paragraph": para,
                     "sentence": c.sentence})
    words = [a for r in rows for _, a in r["keys"]]
    # a few of the generator's same-part-of-speech decoys, so the last blank is not a gift
    decoys = [w for w in dict.fromkeys(b for c in items for b in c.bank) if w not in words]
    decoys = decoys[:max(2, (len(set(words)) + 3) // 4)] if words else []
    return {"rows": rows, "bank": _shuffled_bank([*dict.fromkeys(words), *decoys], seed),
            "repeats": len(set(words)) < len(words), "decoys": bool(decoys)}


def _vocab_ctx(quiz: Quiz) -> list[dict[str, str]]:
    out = []
    for v in quiz.vocab:
        hsk = v.hsk.replace("-", "–") if v.hsk in BANDS else "超纲"
        out.append({"word": v.word, "pinyin": v.pinyin, "pos": _POS.get(v.pos, _POS.get(v.pos[:1], "")),
                    "gloss": v.gloss, "hsk": hsk})
    return out


def _level_label(level: str) -> str | None:
    if level in BANDS:
        return f"HSK {level.replace('-', '–')} 级"
    if level == "beyond":
        return "HSK 9 级以上"
    return None


def _date(article: Article) -> str | None:
    for field in (article.dateline, article.byline):
        m = _DATE_RE.search(field or "")
        if m:
            return m.group()
    return None


def quiz_context(quiz: Quiz, opts: WorksheetOptions, index: int = 0) -> dict[str, Any]:
    """Everything the templates show for one quiz, already ordered, numbered and checked against the font."""
    art = quiz.article
    vocab_words = frozenset(v.word for v in quiz.vocab)
    groups, n = [], 1
    for kind in ("mcq", "true_false", "short_answer"):
        qs = [q for q in quiz.questions if q.type == kind]
        if not qs:
            continue
        title, how = _TYPE_TITLES[kind]
        items = []
        for q in qs:
            items.append(_question_ctx(q, n, art))
            n += 1
        groups.append({"kind": kind, "title": title, "how": how, "qs": items})
    other = [q for q in quiz.questions if q.type not in _TYPE_TITLES]
    if other:
        groups.append({"kind": "short_answer", "title": "其他问题", "how": "根据文章内容回答问题。",
                       "qs": [_question_ctx(q, n + i, art) for i, q in enumerate(other)]})
    cloze = _cloze_ctx(quiz.cloze, art, quiz.article_id)
    sections = ["passage", *[g["kind"] for g in groups]]
    if cloze["rows"]:
        sections.append("cloze")
    if quiz.vocab:
        sections.append("vocab")
    numbers = {s: _NUMERALS[i] if i < len(_NUMERALS) else str(i + 1) for i, s in enumerate(sections)}
    return {
        "index": index,
        "title": quiz.title,
        "source": art.source or None,
        "reporter": art.reporter or None,
        "date": _date(art),
        "level": _level_label(quiz.level),
        "pinyin": opts.pinyin,
        "pinyin_level": opts.level,
        "passage": _passage(art, opts, vocab_words),
        "groups": groups,
        "cloze": cloze,
        "vocab": _vocab_ctx(quiz),
        "numbers": numbers,
    }


# --------------------------------------------------------------------------- HTML and PDF


@lru_cache(maxsize=1)
def _env() -> Any:
    import jinja2
    from markupsafe import Markup

    def finalize(value: Any) -> Any:
        if isinstance(value, Markup) or not isinstance(value, str):
            return value
        return cover(value)

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              finalize=finalize)


def check_options(opts: WorksheetOptions) -> None:
    from ..errors import QuizgenError

    if opts.paper not in PAPERS:
        raise QuizgenError(f"unknown paper size {opts.paper!r}; use a4 or letter")
    if opts.pinyin not in PINYIN_MODES:
        raise QuizgenError(f"unknown pinyin mode {opts.pinyin!r}; use new, all or none")


def worksheet_html(quizzes: Sequence[Quiz], opts: WorksheetOptions = WorksheetOptions(),
                   embed_font: bool = False) -> str:
    """One HTML document holding a worksheet per quiz, then the answer keys, each on a new page."""
    check_options(opts)
    sheets = [quiz_context(q, opts, i) for i, q in enumerate(quizzes)]
    title = sheets[0]["title"] if len(sheets) == 1 else f"阅读练习（{len(sheets)} 篇）"
    return _env().get_template("worksheet.html.j2").render(
        sheets=sheets, doc_title=title, page_size=PAPERS[opts.paper],
        font_url=font_path().as_uri() if embed_font else None,
    )


def worksheet_pdf(quizzes: Sequence[Quiz], opts: WorksheetOptions = WorksheetOptions()) -> bytes:
    """The worksheet as PDF bytes, the CJK font embedded from its package."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # font-subsetting notices are not for users
    return HTML(string=worksheet_html(quizzes, opts, embed_font=True), base_url=str(TEMPLATES)).write_pdf()


def write_worksheet(quizzes: Sequence[Quiz], path: Path, kind: str,
                    opts: WorksheetOptions = WorksheetOptions()) -> Path:
    """Write `path` atomically as "pdf" or "html"."""
    from ..output import write_bytes, write_text

    if kind == "pdf":
        return write_bytes(path, worksheet_pdf(quizzes, opts))
    return write_text(path, worksheet_html(quizzes, opts))
