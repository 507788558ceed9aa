"""The JSON output contract (see README: "JSON format")."""
from __future__ import annotations

from dataclasses import asdict
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
        "vocab": [{k: v for k, v in asdict(v).items()} for v in q.vocab],
        "names": list(q.names),
        "questions": [{**asdict(x), "options": list(x.options),
                       "answer_span": list(x.answer_span) if x.answer_span else None} for x in q.questions],
        "cloze": [asdict(c) for c in q.cloze],
    }
