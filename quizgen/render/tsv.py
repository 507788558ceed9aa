"""Anki's text import (File → Import, a .txt/.tsv): the same notes as the .apkg, as tab-separated rows.

The header lines tell Anki everything (Anki 2.1.55+): tab separator, HTML fields, and which columns hold
the note type, the deck, the GUID and the tags. Rows carry the same GUIDs and fields as the .apkg, so a
TSV import updates notes made by an earlier .apkg import instead of duplicating them. The note types
(`quizgen vocab`, `quizgen cloze`, `quizgen question`) must exist in the collection: importing any
quizgen .apkg once creates them.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model import Quiz
from . import anki_style as st
from .anki import (cloze_fields, deck_name_for, guid_cloze, guid_question, guid_vocab, question_fields, tag,
                   vocab_fields)

NOTE_TYPES = {"vocab": "quizgen vocab", "cloze": "quizgen cloze", "question": "quizgen question"}
WIDTH = max(len(st.VOCAB_FIELDS), len(st.CLOZE_FIELDS), len(st.QUESTION_FIELDS))
TAGS_COLUMN = 3 + WIDTH + 1  # 1-based: note type, deck, guid, the fields, tags

HEADER = ("#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#guid column:3\n"
          f"#tags column:{TAGS_COLUMN}\n")


def tsv_text(quizzes: Sequence[Quiz], deck_name: str = "quizgen", reverse: bool = False) -> str:
    """The whole import file: header lines, then one row per note (a GUID seen twice is kept once)."""
    buf = io.StringIO()
    buf.write(HEADER)
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    seen: set[str] = set()
    for quiz in quizzes:
        deck = deck_name_for(deck_name, quiz.title)
        art = f"article::{quiz.article_id}"
        rows = ([("question", question_fields(quiz, q), guid_question(quiz, q), [f"skill::{q.skill}", q.type])
                 for q in quiz.questions]
                + [("cloze", cloze_fields(quiz, c), guid_cloze(quiz, c),
                    [f"hsk::{quiz.level}" if quiz.level != "?" else ""]) for c in quiz.cloze]
                + [("vocab", vocab_fields(quiz, v, reverse), guid_vocab(v), [f"hsk::{v.hsk}"]) for v in quiz.vocab])
        for kind, fields, guid, tags in rows:
            if guid in seen:
                continue
            seen.add(guid)
            fields = [f.replace("\r", " ").replace("\n", "<br>") for f in fields]
            tagtext = " ".join(tag(t) for t in ["quizgen", kind, art, *tags] if t)
            w.writerow([NOTE_TYPES[kind], deck, guid, *fields, *[""] * (WIDTH - len(fields)), tagtext])
    return buf.getvalue()
