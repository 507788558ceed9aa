"""Moodle GIFT: comprehension questions as multiple-choice or short-answer items, cloze sentences as
missing-word items (the blank stands where the word was, the learner types it).

GIFT gives `~ = # { } :` a meaning, so every one of them in our text is backslash-escaped.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Cloze, Question, Quiz

_SPECIAL = re.compile(r"([~=#{}:\\])")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}")


def escape(text: str) -> str:
    """GIFT text: special characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def question_item(name: str, q: Question) -> str:
    head = f"::{escape(name)}::{escape(q.stem)}"
    if q.options and q.answer_index is not None and 0 <= q.answer_index < len(q.options):
        opts = "\n".join(f"{'=' if i == q.answer_index else '~'}{escape(o)}" for i, o in enumerate(q.options))
        return f"{head} {{\n{opts}\n}}"
    return f"{head} {{={escape(q.answer)}}}"  # short answer: the learner types it


def cloze_items(name: str, c: Cloze) -> list[str]:
    """One missing-word item per cloze number (Anki's c1, c2 … each make a card too)."""
    out = []
    numbers = list(dict.fromkeys(m.group(1) for m in _CLOZE.finditer(c.text)))
    for k, n in enumerate(numbers):
        blanked = False
        parts: list[str] = []
        pos = 0
        for m in _CLOZE.finditer(c.text):
            parts.append(escape(c.text[pos:m.start()]))
            if m.group(1) == n and not blanked:
                parts.append(f"{{={escape(m.group(2))}}}")
                blanked = True
            else:
                parts.append(escape(m.group(2)))
            pos = m.end()
        parts.append(escape(c.text[pos:]))
        text = "".join(parts).strip()
        if c.hint:
            text += f"（提示：{escape(c.hint)}）"
        suffix = f" {k + 1}" if len(numbers) > 1 else ""
        out.append(f"::{escape(name + suffix)}::{text}")
    return out


def gift_text(quizzes: Sequence[Quiz]) -> str:
    """A GIFT file: one category per article, its questions, then its cloze items."""
    blocks = ["// quizgen: comprehension questions and cloze items. Vocabulary from CC-CEDICT (CC BY-SA 4.0)."]
    for quiz in quizzes:
        cat = re.sub(r"\s+", " ", quiz.title.replace("/", "／")).strip()
        blocks.append(f"$CATEGORY: quizgen/{cat}")
        for i, q in enumerate(quiz.questions, 1):
            blocks.append(question_item(f"{quiz.title} 阅读 {i}", q))
        for i, c in enumerate(quiz.cloze, 1):
            blocks.extend(cloze_items(f"{quiz.title} 填空 {i}", c))
    return "\n\n".join(blocks) + "\n"
