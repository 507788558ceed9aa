"""`quizgen quiz`: a quiz as plain text for a quick look in the terminal."""
from __future__ import annotations

from ..model import Quiz

_LETTERS = "ABCDEFGH"
_TYPES = {"mcq": "选择题", "true_false": "判断题", "short_answer": "简答题"}


def quiz_text(q: Quiz, answers: bool = True) -> str:
    """Questions with lettered options, then the cloze sentences; answers and evidence if asked."""
    lines = [f"# {q.title}", ""]
    n = 0
    for kind in ("mcq", "true_false", "short_answer"):
        items = [x for x in q.questions if x.type == kind]
        if not items:
            continue
        lines.append(f"## {_TYPES[kind]}")
        for x in items:
            n += 1
            lines.append(f"{n}. {x.stem}" + (f"  (第{x.paragraph}段)" if x.paragraph else ""))
            if kind == "mcq":
                lines.extend(f"   {_LETTERS[i]}. {o}" for i, o in enumerate(x.options))
            elif kind == "true_false":
                lines.append("   对 / 错")
            if answers:
                key = f"{_LETTERS[x.answer_index]}. {x.answer}" if kind == "mcq" else x.answer
                lines.append(f"   答案：{key}")
                lines.append(f"   依据：{x.evidence}")
        lines.append("")
    if q.cloze:
        lines.append("## 填空")
        for i, c in enumerate(q.cloze, 1):
            blank = c.text.replace("{{c1::" + c.answer + "}}", "（____）")
            lines.append(f"{i}. {blank}  [{c.hint}]" if c.hint else f"{i}. {blank}")
            if c.bank:
                lines.append(f"   词库：{'  '.join(c.bank)}")
            if answers:
                lines.append(f"   答案：{c.answer}")
        lines.append("")
    return "\n".join(lines)
