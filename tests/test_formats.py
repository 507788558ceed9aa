"""TSV (Anki text import) and GIFT (Moodle) from the same quizzes; card selection; pinyin over hanzi."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.model import Cloze, Question
from quizgen.render.gift import escape, gift_text
from quizgen.render.ruby import ruby_html, split_syllables, tone
from quizgen.render.select import Selection, select
from quizgen.render.tsv import TAGS_COLUMN, tsv_text

from test_anki import _import, _write, ai_quiz, bank_quiz


# --------------------------------------------------------------------------- TSV


def test_tsv_header_and_rows() -> None:
    q = ai_quiz()
    text = tsv_text([q])
    lines = text.splitlines()
    assert lines[:2] == ["#separator:tab", "#html:true"]
    assert f"#tags column:{TAGS_COLUMN}" in lines and "#guid column:3" in lines
    rows = [ln.split("\t") for ln in lines if not ln.startswith("#")]
    assert len(rows) == len(q.vocab) + len(q.questions) + len(q.cloze)
    assert {len(r) for r in rows} == {TAGS_COLUMN}
    assert all(" " not in t for r in rows for t in r[-1].split(" ") if t) and all("article::" in r[-1] for r in rows)
    assert any(r[0] == "quizgen vocab" and r[3] == "良品率" and "&lt;R&amp;D&gt;" in r[5] for r in rows)


def test_tsv_import_updates_notes_from_the_apkg(tmp_path: Path, monkeypatch) -> None:
    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportCsvRequest

    q = ai_quiz()
    _write([q], tmp_path / "ai.apkg", 1_700_000_000, monkeypatch)
    fixed = replace(q, vocab=tuple(replace(v, gloss="to file (with the authorities)") if v.word == "备案" else v
                                   for v in q.vocab))
    (tmp_path / "ai.tsv").write_text(tsv_text([fixed]), encoding="utf-8")
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        _import(col, tmp_path / "ai.apkg")  # creates the note types
        n = col.note_count()
        meta = col.get_csv_metadata(str(tmp_path / "ai.tsv"), None)
        assert (meta.notetype_column, meta.deck_column, meta.tags_column, meta.guid_column) == (1, 2, TAGS_COLUMN, 3)
        log = col.import_csv(ImportCsvRequest(path=str(tmp_path / "ai.tsv"), metadata=meta)).log
        assert len(log.new) == 0 and len(log.missing_notetype) == 0 and col.note_count() == n
        (nid,) = col.find_notes('"note:quizgen vocab" Word:备案')
        assert col.get_note(nid)["Gloss"] == "to file (with the authorities)"
    finally:
        col.close()


# --------------------------------------------------------------------------- GIFT


def _parse_gift(text: str):  # noqa: ANN202
    pytest.importorskip("pygiftparser.parser", reason="pygiftparserrgmf (test extra)")
    from pygiftparser import parser

    return parser.parse(text).questions


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_gift_parses_back() -> None:
    quizzes = [ai_quiz(), bank_quiz()]
    qs = _parse_gift(gift_text(quizzes))
    expected = [(q, x) for q in quizzes for x in q.questions]
    clozes = [(q, c) for q in quizzes for c in q.cloze]
    assert len(qs) == len(expected) + len(clozes)
    by_name = {_unescape(x.name): x for x in qs}
    for q, x in expected:
        i = q.questions.index(x) + 1
        got = by_name[f"{q.title} 阅读 {i}"]
        assert got.text == x.stem
        opts = [(_unescape(o.text), o.percentage) for o in got.answer.options]
        if x.options:
            assert opts == [(o, 1.0 if k == x.answer_index else 0.0) for k, o in enumerate(x.options)]
        else:
            assert opts == [(x.answer, 1.0)]
    for q, c in clozes:
        got = by_name[f"{q.title} 填空 {q.cloze.index(c) + 1}"]
        before, after = c.text.split("{{c1::" + c.answer + "}}")
        assert got.text == before.strip()
        assert got.text_continue.startswith(after.strip())  # then the hint in brackets
        assert [(_unescape(o.text), o.percentage) for o in got.answer.options] == [(c.answer, 1.0)]


def test_gift_escapes_its_special_characters() -> None:
    assert escape("比例为3:1，{注}=#~") == r"比例为3\:1，\{注\}\=\#\~"
    q = ai_quiz()
    tricky = Question("q9", "mcq", "detail", "下列说法{正确}的是：", ("A=B", "x~y", "#1", "3:1"), "#1", 2,
                      q.article.sentences[0].text)
    c = Cloze("c9", "比例为{{c1::3:1}}，不是{2}。", "3:1", "", "比例为3:1，不是{2}。")
    (got_q, got_c) = _parse_gift(gift_text([replace(q, questions=(tricky,), cloze=(c,))]))
    assert got_q.text == "下列说法{正确}的是："
    assert [_unescape(o.text) for o in got_q.answer.options] == ["A=B", "x~y", "#1", "3:1"]
    assert got_q.answer.options[2].percentage == 1.0
    assert got_c.text == "比例为" and _unescape(got_c.answer.options[0].text) == "3:1"
    assert _unescape(got_c.text_continue) == "，不是{2}。"


# --------------------------------------------------------------------------- selection


def test_select_kinds_and_card_budget() -> None:
    q = ai_quiz()  # 2 questions, 2 cloze, 3 words
    assert select(q, Selection(questions=False, vocab=False)).questions == ()
    assert select(q, Selection(questions=False, vocab=False)).cloze == q.cloze
    cut = select(q, Selection(max_cards=4))
    assert (cut.questions, cut.cloze, cut.vocab) == (q.questions[:2], q.cloze[:1], q.vocab[:1])
    rev = select(q, Selection(max_cards=4, reverse=True))  # a word costs two cards
    assert (len(rev.questions), len(rev.cloze), len(rev.vocab)) == (1, 1, 1)
    assert select(q, Selection()) == q


def test_cli_formats_and_options(tmp_path: Path, seed_feature) -> None:
    res = CliRunner().invoke(app, ["make", str(seed_feature), "--format", "tsv,gift,json", "--out", str(tmp_path),
                                   "--no-vocab", "--max-cards", "3"])
    assert res.exit_code == 0, res.output
    tsv = next(tmp_path.glob("*.tsv")).read_text(encoding="utf-8")
    rows = [ln for ln in tsv.splitlines() if not ln.startswith("#")]
    assert 0 < len(rows) <= 3 and not any(r.startswith("quizgen vocab") for r in rows)
    assert next(tmp_path.glob("*.gift.txt")).read_text(encoding="utf-8").startswith("// quizgen")
    res = CliRunner().invoke(app, ["make", str(seed_feature), "--format", "docx", "--out", str(tmp_path)])
    assert res.exit_code == 2 and "docx" in res.stderr


# --------------------------------------------------------------------------- pinyin over hanzi


@pytest.mark.parametrize("pinyin,syllables", [
    ("yínháng", ["yín", "háng"]),
    ("fāng'àn", ["fāng", "àn"]),  # the apostrophe decides: not fān+gàn
    ("fāngàn", ["fān", "gàn"]),
    ("dōngxi", ["dōng", "xi"]),
    ("lǜsè", ["lǜ", "sè"]),
    ("réngōngzhìnéng", ["rén", "gōng", "zhì", "néng"]),
    ("xiān", ["xiān"]),
    ("5G wǎngluò", None),  # not pinyin throughout
])
def test_split_syllables(pinyin: str, syllables: list[str] | None) -> None:
    assert split_syllables(pinyin) == syllables


def test_ruby_pairs_syllables_with_characters() -> None:
    assert ruby_html("银行", "yínháng") == ('<ruby class="t2">银<rt>yín</rt></ruby>'
                                           '<ruby class="t2">行<rt>háng</rt></ruby>')
    assert [tone(s) for s in ("mā", "má", "mǎ", "mà", "ma")] == [1, 2, 3, 4, 5]
    # no pairing possible: the whole word under one reading, still escaped
    assert ruby_html("AI<芯片>", "AI xīnpiàn").startswith("<ruby>AI&lt;芯片&gt;<rt>")
