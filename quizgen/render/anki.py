"""Anki .apkg from quizzes (walking skeleton: one cloze note per key sentence)."""
from __future__ import annotations

import html
import os
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

from ..model import Quiz
from ..output import write_with

CLOZE_MODEL_ID = 1730000000101  # fixed forever: Anki matches note types by id


def _deck_id(name: str) -> int:
    return 1 << 30 | zlib.crc32(name.encode("utf-8"))


def package_timestamp() -> float:
    """`SOURCE_DATE_EPOCH` for reproducible builds, else now (Anki updates only newer notes)."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    return float(env) if env and env.isdigit() else time.time()


def write_apkg(quizzes: Sequence[Quiz], path: Path, deck_name: str = "quizgen") -> Path:
    import genanki

    model = genanki.Model(
        CLOZE_MODEL_ID, "quizgen cloze",
        fields=[{"name": "Text"}, {"name": "Hint"}, {"name": "Sentence"}, {"name": "Source"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}<div class=hint>{{Hint}}</div>",
                    "afmt": "{{cloze:Text}}<hr id=answer>{{Sentence}}<div class=src>{{Source}}</div>"}],
        model_type=genanki.Model.CLOZE,
        css=".card{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;font-size:22px}",
    )
    decks = []
    for q in quizzes:
        name = f"{deck_name}::{q.title}"
        deck = genanki.Deck(_deck_id(name), name)
        for c in q.cloze:
            text = html.escape(c.text).replace("{{c1::", "{{c1::")
            deck.add_note(genanki.Note(model=model, fields=[text, html.escape(c.hint), html.escape(c.sentence),
                                                            html.escape(q.title)],
                                       guid=genanki.guid_for("quizgen-cloze", q.article_id, c.sentence, c.answer)))
        decks.append(deck)
    pkg = genanki.Package(decks)
    ts = package_timestamp()
    return write_with(path, lambda tmp: pkg.write_to_file(tmp, timestamp=ts))
