"""`quizgen quiz`: a quiz as plain text for a quick look in the terminal."""
from __future__ import annotations

from ..model import Quiz

_LETTERS = "ABCDEFGH"
_TYPES = {"mcq": "选择题", "true_false": "判断题", "short_answer": "简答题"}


def _labels(traditional: bool) -> dict[str, str]:
    """The labels in the article's own script (詞庫, 依據, 簡答題 for a traditional-character article)."""
    words = [*_TYPES.values(), "对", "错", "答案", "依据", "填空", "词库"]
    if not traditional:
        return {w: w for w in words}
    from ..lexicon import template_in_script

    return {w: template_in_script(w, "") for w in words}


def quiz_text(q: Quiz, answers: bool = True) -> str:
    """Questions with lettered options, then the cloze sentences; answers and evidence if asked."""
    lab = _labels(q.article.script == "traditional")
    lines = [f"# {q.title}", ""]
    n = 0
    for kind in ("mcq", "true_false", "short_answer"):
        items = [x for x in q.questions if x.type == kind]
        if not items:
            continue
        lines.append(f"## {lab[_TYPES[kind]]}")
        for x in items:
            n += 1
            lines.append(f"{n}. {x.stem}" + (f"  (第{x.paragraph}段)" if x.paragraph else ""))
            if kind == "mcq":
                lines.extend(f"   {_LETTERS[i]}. {o}" for i, o in enumerate(x.options))
            elif kind == "true_false":
                lines.append(f"   {lab['对']} / {lab['错']}")
            if answers:
                key = f"{_LETTERS[x.answer_index]}. {x.answer}" if kind == "mcq" else x.answer
                lines.append(f"   {lab['答案']}：{key}")
                lines.append(f"   {lab['依据']}：{x.evidence}")
        lines.append("")
    if q.cloze:
        lines.append(f"## {lab['填空']}")
        for i, c in enumerate(q.cloze, 1):
            blank = c.text.replace("{{c1::" + c.answer + "}}", "（____）")
            lines.append(f"{i}. {blank}  [{c.hint}]" if c.hint else f"{i}. {blank}")
            if c.bank:
                lines.append(f"   {lab['词库']}：{'  '.join(c.bank)}")
            if answers:
                lines.append(f"   {lab['答案']}：{c.answer}")
        lines.append("")
    return "\n".join(lines)
