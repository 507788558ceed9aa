"""The JSON output contract (see README: "JSON format"; schema: quizgen/data/quiz.schema.json).

One object per article. For `mcq`, `answer == options[answer_index]`; for `true_false`, `options` is
["对", "错"] (["對", "錯"] in a traditional-character article); for `short_answer`, `options` is empty and `answer` is a span of `evidence`.
"""
from __future__ import annotations

from typing import Any

from ..model import Quiz


def quiz_dict(q: Quiz) -> dict[str, Any]:
    a = q.article
    return {
        "id": q.article_id,
        "title": q.title,
        "source": a.source,
        "reporter": a.reporter,
        "level": q.level,
        "vocab": [{"word": v.word, "pinyin": v.pinyin, "gloss": v.gloss, "hsk": v.hsk, "sentence": v.sentence,
                   "pos": v.pos, "count": v.count, "score": v.score, "from_parts": v.from_parts} for v in q.vocab],
        "names": list(q.names),
        "questions": [{"id": x.id, "type": x.type, "skill": x.skill, "stem": x.stem, "options": list(x.options),
                       "answer": x.answer, "answer_index": x.answer_index, "evidence": x.evidence,
                       "paragraph": x.paragraph, "answer_span": list(x.answer_span) if x.answer_span else None}
                      for x in q.questions],
        "cloze": [{"id": c.id, "text": c.text, "answer": c.answer, "hint": c.hint, "sentence": c.sentence,
                   "paragraph": c.paragraph, "bank": list(c.bank)} for c in q.cloze],
    }
