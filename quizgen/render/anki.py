"""Anki .apkg from quizzes: three note types (vocab, cloze, question) with identities that last for years.

What a learner keeps depends on three things done here and nowhere else:
- note types and decks keep their ids forever (model ids are constants, deck ids hash the deck name);
- a note's GUID hashes only what names the item (the word; the article id, sentence and answer), so a
  run after a fix updates the notes in place instead of adding new ones;
- notes carry the package timestamp as their modification time, because Anki's importer applies an
  update only when the incoming note is newer. A normal run stamps "now"; `SOURCE_DATE_EPOCH` pins it
  (reproducible builds: same input, same bytes).
The renderer only formats what the quiz holds; it computes nothing but the sentence's pinyin for display.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Cloze, Question, Quiz, VocabItem
from ..output import write_with
from . import anki_style as st
from .ruby import ruby_html

# Fixed forever: Anki matches note types by id. Change a note type's fields only with a new id.
VOCAB_MODEL_ID = 1730000000201
CLOZE_MODEL_ID = 1730000000101
QUESTION_MODEL_ID = 1730000000301

ATTRIBUTION = ('Vocabulary glosses from <a href="https://cc-cedict.org/">CC-CEDICT</a>, licensed '
               '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>; '
               'this deck is shared under the same licence. Made with quizgen.')


def package_timestamp() -> float:
    """`SOURCE_DATE_EPOCH` for reproducible builds, else now (Anki updates only newer notes)."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return float(env) if env.isdigit() else time.time()


def deck_id(name: str) -> int:
    """A stable id from the deck name: the same article lands in the same deck every time."""
    return (1 << 40) + int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:10], 16)


def deck_name_for(parent: str, title: str) -> str:
    """`parent::headline`; '::' inside a headline would make Anki nest decks, so it goes."""
    leaf = re.sub(r"\s*::+\s*", " ", title).strip() or "untitled"
    return f"{parent.strip() or 'quizgen'}::{leaf}"


def tag(text: str) -> str:
    """Anki tags cannot hold spaces."""
    return re.sub(r"\s+", "_", text.strip())


def guid_vocab(item: VocabItem) -> str:
    import genanki

    return genanki.guid_for("quizgen-vocab", item.word)


def guid_cloze(quiz: Quiz, c: Cloze) -> str:
    import genanki

    return genanki.guid_for("quizgen-cloze", quiz.article_id, c.sentence, c.answer)


def guid_question(quiz: Quiz, q: Question) -> str:
    import genanki

    return genanki.guid_for("quizgen-question", quiz.article_id, q.evidence, q.answer)


def _esc(text: str | None) -> str:
    return html.escape(text or "", quote=False)


def _mark(sentence: str, needle: str, span: tuple[int, int] | None = None, cls: str = "hl") -> str:
    """The sentence, escaped, with `needle` (or `span`) wrapped in a highlight."""
    if span and sentence[span[0]:span[1]]:
        a, b = span
    else:
        a = sentence.find(needle) if needle else -1
        if a < 0:
            return _esc(sentence)
        b = a + len(needle)
    tagname = "mark" if cls == "mark" else "span"
    attr = "" if cls == "mark" else f' class="{cls}"'
    return f"{_esc(sentence[:a])}<{tagname}{attr}>{_esc(sentence[a:b])}</{tagname}>{_esc(sentence[b:])}"


_PUNCT = str.maketrans({"，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "！": "!", "？": "?",
                        "（": "(", "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'", "《": "«", "》": "»"})


def sentence_pinyin(quiz: Quiz, sentence: str) -> str:
    """Pinyin of an article sentence, read word by word from its own tokens (polyphones per word)."""
    from ..lexicon import is_han, pinyin_pos

    for s in quiz.article.sentences:
        if s.text == sentence and s.tokens:
            words: list[str] = []
            for t in s.tokens:
                if is_han(t.text):
                    words.append(pinyin_pos(t.text, t.pos))
                elif t.text.strip():
                    text = t.text.strip().translate(_PUNCT)
                    if words and not text[0].isalnum():
                        words[-1] += text  # punctuation sticks to the word before it
                    else:
                        words.append(text)
            return " ".join(words)
    return ""


def source_line(quiz: Quiz) -> str:
    a = quiz.article
    return " · ".join(x for x in (f"《{quiz.title}》", a.source) if x)


def vocab_fields(quiz: Quiz, v: VocabItem, reverse: bool = False) -> list[str]:
    return [_esc(v.word), _esc(v.pinyin), _esc(v.gloss), _esc(v.hsk), _mark(v.sentence, v.word),
            _esc(sentence_pinyin(quiz, v.sentence)), _esc(source_line(quiz)), ruby_html(v.word, v.pinyin),
            "y" if reverse else ""]


def cloze_fields(quiz: Quiz, c: Cloze) -> list[str]:
    return [_esc(c.text), _esc(c.hint), _mark(c.sentence, c.answer, cls="mark"), _esc(c.answer),
            _esc(source_line(quiz))]


def question_fields(quiz: Quiz, q: Question) -> list[str]:
    opts = [_esc(o) for o in q.options[:4]] + [""] * (4 - min(4, len(q.options)))
    key = "ABCD"[q.answer_index] if q.answer_index is not None and 0 <= q.answer_index < min(4, len(q.options)) else ""
    return [_esc(q.stem), *opts, _esc(q.answer), key, _mark(q.evidence, q.answer, q.answer_span, cls="mark"),
            _esc(q.skill), _esc(source_line(quiz))]


def _models(pinyin_below: bool, tone_colours: bool) -> dict[str, Any]:
    import genanki

    css = st.css(pinyin_below, tone_colours)

    def fields(names: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"name": n} for n in names]

    return {
        "vocab": genanki.Model(VOCAB_MODEL_ID, "quizgen vocab", fields=fields(st.VOCAB_FIELDS),
                               templates=[st.VOCAB_RECOGNITION, st.VOCAB_PRODUCTION], css=css),
        "cloze": genanki.Model(CLOZE_MODEL_ID, "quizgen cloze", fields=fields(st.CLOZE_FIELDS),
                               templates=[st.CLOZE_TEMPLATE], css=css, model_type=genanki.Model.CLOZE),
        "question": genanki.Model(QUESTION_MODEL_ID, "quizgen question", fields=fields(st.QUESTION_FIELDS),
                                  templates=[st.QUESTION_TEMPLATE], css=css),
    }


def _description(quiz: Quiz) -> str:
    a = quiz.article
    who = "，".join(x for x in (a.source, a.reporter and f"记者{a.reporter}") if x)
    head = f"<p>《{_esc(quiz.title)}》{'（' + _esc(who) + '）' if who else ''}</p>"
    return head + f"<p>{ATTRIBUTION}</p>"


def build_decks(quizzes: Sequence[Quiz], deck_name: str = "quizgen", reverse: bool = False,
                pinyin_below: bool = False, tone_colours: bool = False) -> list[Any]:
    """genanki decks: the parent deck, then one sub-deck per article. A GUID seen twice is kept once."""
    import genanki

    models = _models(pinyin_below, tone_colours)
    parent = deck_name.strip() or "quizgen"
    decks = [genanki.Deck(deck_id(parent), parent, description=f"<p>{ATTRIBUTION}</p>")]
    seen: set[str] = set()
    for quiz in quizzes:
        name = deck_name_for(parent, quiz.title)
        deck = genanki.Deck(deck_id(name), name, description=_description(quiz))
        art = f"article::{quiz.article_id}"

        def add(kind: str, fields: list[str], guid: str, tags: list[str]) -> None:
            if guid in seen:
                return
            seen.add(guid)
            deck.add_note(genanki.Note(model=models[kind], fields=fields, guid=guid,
                                       tags=[tag(t) for t in ["quizgen", kind, art, *tags] if t]))

        for q in quiz.questions:
            add("question", question_fields(quiz, q), guid_question(quiz, q), [f"skill::{q.skill}", q.type])
        for c in quiz.cloze:
            add("cloze", cloze_fields(quiz, c), guid_cloze(quiz, c), [f"hsk::{quiz.level}" if quiz.level != "?" else ""])
        for v in quiz.vocab:
            add("vocab", vocab_fields(quiz, v, reverse), guid_vocab(v), [f"hsk::{v.hsk}"])
        decks.append(deck)
    return decks


def write_package(decks: list[Any], path: str, timestamp: float) -> None:
    """genanki's Package.write_to_file, but byte-reproducible: the zip entries carry the package
    timestamp, not the temporary file's mtime."""
    import genanki

    pkg = genanki.Package(decks)
    fd, db = tempfile.mkstemp(suffix=".anki2")
    os.close(fd)
    try:
        conn = sqlite3.connect(db)
        # a scratch database that is zipped straight away: no journal, no fsync (0.2 s saved a deck)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        pkg.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.commit()
        conn.close()
        when = time.gmtime(max(int(timestamp), 315532800))[:6]  # zip dates start in 1980
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in (("collection.anki2", Path(db).read_bytes()), ("media", b"{}")):
                info = zipfile.ZipInfo(name, date_time=when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data)
    finally:
        os.unlink(db)


def write_apkg(quizzes: Sequence[Quiz], path: Path, deck_name: str = "quizgen", reverse: bool = False,
               pinyin_below: bool = False, tone_colours: bool = False) -> Path:
    """Write one .apkg holding every quiz, each in its own sub-deck, atomically."""
    decks = build_decks(quizzes, deck_name, reverse, pinyin_below, tone_colours)
    ts = package_timestamp()
    return write_with(path, lambda tmp: write_package(decks, tmp, ts))
