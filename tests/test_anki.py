"""The .apkg in a real Anki collection (the `anki` package: the same engine as Anki desktop).

Quizzes are built by hand from real news sentences so these tests check the deck, not the generators;
`test_make_on_seed_imports` runs the whole pipeline.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

anki_collection = pytest.importorskip("anki.collection")

from quizgen.lexicon import pinyin  # noqa: E402
from quizgen.model import Cloze, Question, Quiz, VocabItem  # noqa: E402
from quizgen.pipeline import parse  # noqa: E402
from quizgen.quiz import build_quiz  # noqa: E402
from quizgen.render.anki import write_apkg  # noqa: E402
from quizgen.render.jsonout import quiz_dict  # noqa: E402
from quizgen.render.select import cloze_cards  # noqa: E402

AI_TEXT = ("人工智能创新加速产业升级\n"
           "今年以来，我国人工智能综合实力迈上新台阶。"
           "在福建的电池产线，算法将良品率推至99.9%。"
           "截至2024年底，我国共有302款生成式人工智能服务在国家网信办完成备案。\n")
BANK_TEXT = ("金融服务实体经济质效不断增强\n"
             "前三季度，人民币贷款增加19.75万亿元。"
             "制造业中长期贷款余额同比增长38.2%。\n")


def _quiz(text: str, vocab: list[tuple[str, str, str, int]], questions: list[Question], cloze: list[tuple[int, str]],
          ) -> Quiz:
    art = parse(text).articles[0]
    sents = [s.text for s in art.sentences]
    q = build_quiz(art)
    return replace(
        q,
        vocab=tuple(VocabItem(w, pinyin(w), "n", gloss, hsk, 1, sents[i]) for w, gloss, hsk, i in vocab),
        questions=tuple(questions),
        cloze=tuple(Cloze(f"c{i}", sents[i].replace(ans, "{{c1::" + ans + "}}", 1), ans, pinyin(ans), sents[i])
                    for i, ans in cloze),
    )


def ai_quiz() -> Quiz:
    s2 = "截至2024年底，我国共有302款生成式人工智能服务在国家网信办完成备案。"
    return _quiz(AI_TEXT,
                 [("算法", "algorithm", "5", 1), ("备案", "to put on record; to file", "7-9", 2),
                  ("良品率", "yield rate <R&D> \"quoted\"", "beyond", 1)],
                 [Question("q1", "mcq", "number", "截至2024年底，我国共有多少款生成式人工智能服务完成备案？",
                           ("60款", "302款", "2024款", "99款"), "302款", 1, s2, 1, (s2.index("302款"), s2.index("302款") + 4)),
                  Question("q2", "true_false", "detail", "福建电池产线的良品率达到了99.9%。", ("对", "错"), "对", 0,
                           "在福建的电池产线，算法将良品率推至99.9%。", 1, None)],
                 [(0, "综合实力"), (1, "良品率")])


def bank_quiz() -> Quiz:
    return _quiz(BANK_TEXT, [("贷款", "loan", "5", 0), ("余额", "balance", "6", 1)],
                 [Question("q1", "short_answer", "number", "前三季度人民币贷款增加了多少？", (), "19.75万亿元", None,
                           "前三季度，人民币贷款增加19.75万亿元。", 1, None)],
                 [(1, "中长期")])


def _import(col, path: Path):  # noqa: ANN001, ANN202
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as Cond

    opts = ImportAnkiPackageOptions(merge_notetypes=True,
                                    update_notes=Cond.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                                    update_notetypes=Cond.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                                    with_scheduling=False, with_deck_configs=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=opts)).log


@pytest.fixture
def col(tmp_path: Path):  # noqa: ANN201
    c = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    yield c
    c.close()


def _write(quizzes: list[Quiz], path: Path, epoch: int, monkeypatch, **kw) -> Path:  # noqa: ANN001
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    return write_apkg(quizzes, path, **kw)


def _notes(col, kind: str) -> dict[str, dict[str, str]]:  # noqa: ANN001
    out = {}
    for nid in col.find_notes(f'"note:quizgen {kind}"'):
        n = col.get_note(nid)
        out[n.guid] = dict(n.items()) | {"_tags": " ".join(n.tags), "_nid": nid}
    return out


def _text(field: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", field))


def test_counts_and_fields_match_the_json(tmp_path: Path, col, monkeypatch) -> None:
    q = ai_quiz()
    _write([q], tmp_path / "ai.apkg", 1_700_000_000, monkeypatch, reverse=True)
    log = _import(col, tmp_path / "ai.apkg")
    assert len(log.new) == col.note_count() == len(q.vocab) + len(q.questions) + len(q.cloze)
    assert col.card_count() == 2 * len(q.vocab) + len(q.questions) + sum(cloze_cards(c) for c in q.cloze)

    data = quiz_dict(q)
    vocab = {n["Word"]: n for n in _notes(col, "vocab").values()}
    assert sorted(vocab) == sorted(v["word"] for v in data["vocab"])
    for v in data["vocab"]:
        n = vocab[v["word"]]
        assert (_text(n["Pinyin"]), _text(n["Gloss"]), n["HSK"], _text(n["Sentence"])) == (
            v["pinyin"], v["gloss"], v["hsk"], v["sentence"])
        assert f"hsk::{v['hsk']}" in n["_tags"].split()
    # HTML-escaped, so the gloss's <R&D> shows as text instead of being eaten as a tag
    assert vocab["良品率"]["Gloss"] == "yield rate &lt;R&amp;D&gt; \"quoted\""
    assert '<span class="hl">算法</span>' in vocab["算法"]["Sentence"]
    assert vocab["备案"]["Pinyin"] == "bèi'àn" and "<rt>àn</rt>" in vocab["备案"]["Ruby"]
    assert vocab["算法"]["SentencePinyin"].startswith("zài fújiàn de diànchí")

    questions = {_text(n["Stem"]): n for n in _notes(col, "question").values()}
    for x in data["questions"]:
        n = questions[x["stem"]]
        assert [_text(n[k]) for k in "ABCD" if n[k]] == x["options"]
        assert _text(n["Answer"]) == x["answer"] and n["Key"] == "ABCD"[x["answer_index"]]
        assert f"<mark>{x['answer']}</mark>" in n["Evidence"] or x["answer"] not in x["evidence"]
        assert f"skill::{x['skill']}" in n["_tags"].split()
    cloze = {_text(n["Answer"]): n for n in _notes(col, "cloze").values()}
    for x in data["cloze"]:
        assert _text(cloze[x["answer"]]["Text"]) == x["text"] and _text(cloze[x["answer"]]["Hint"]) == x["hint"]

    # one sub-deck for the article under the parent deck, every card in it; tags never hold spaces
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert {"quizgen", f"quizgen::{q.title}"} <= names
    sub = col.decks.id_for_name(f"quizgen::{q.title}")
    assert {col.get_card(c).did for c in col.find_cards("")} == {sub}
    assert "CC-CEDICT" in col.decks.get(sub)["desc"] and "CC BY-SA 4.0" in col.decks.get(sub)["desc"]
    assert all(" " not in t for nid in col.find_notes("") for t in col.get_note(nid).tags)
    assert all(f"article::{q.article_id}" in col.get_note(nid).tags for nid in col.find_notes(""))


def test_the_question_card_shows_options_and_marks_the_answer(tmp_path: Path, col, monkeypatch) -> None:
    _write([ai_quiz()], tmp_path / "ai.apkg", 1_700_000_000, monkeypatch)
    _import(col, tmp_path / "ai.apkg")
    (cid,) = col.find_cards('"note:quizgen question" Key:B')
    card = col.get_card(cid)
    front, back = card.question(), card.answer()
    assert front.count("<li") == 4 and "302款" in front and "答案" not in front
    assert 'class="opts key-B"' in back and "答案：B. 302款" in back


def test_reimport_of_a_fixed_run_updates_in_place_and_keeps_reviews(tmp_path: Path, col, monkeypatch) -> None:
    from anki.scheduler_pb2 import CardAnswer

    q = ai_quiz()
    _write([q], tmp_path / "v1.apkg", 1_700_000_000, monkeypatch)
    _import(col, tmp_path / "v1.apkg")
    before = col.note_count(), col.card_count()

    # the learner studies the 算法 card once
    (cid,) = col.find_cards('"note:quizgen vocab" Word:算法')
    card = col.get_card(cid)
    card.start_timer()
    states = col._backend.get_scheduling_states(card.id)
    col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
    studied = col.get_card(cid)
    assert studied.reps == 1 and col.db.scalar("select count() from revlog where cid = ?", cid) == 1

    # a fix to the gloss and to a question's wording; nothing that names an item changes
    fixed = replace(q, vocab=tuple(replace(v, gloss="algorithm (computing)") if v.word == "算法" else v for v in q.vocab),
                    questions=(replace(q.questions[0], stem="到2024年底，共有多少款生成式人工智能服务完成了备案？"),
                               *q.questions[1:]))
    _write([fixed], tmp_path / "v2.apkg", 1_700_000_060, monkeypatch)
    log = _import(col, tmp_path / "v2.apkg")
    assert len(log.new) == 0 and len(log.updated) == before[0]  # Anki counts every newer note as updated
    assert (col.note_count(), col.card_count()) == before
    (nid,) = col.find_notes('"note:quizgen vocab" Word:算法')
    assert col.get_note(nid)["Gloss"] == "algorithm (computing)"
    assert col.find_notes('"note:quizgen question" Stem:到2024年底*')
    after = col.get_card(cid)
    assert (after.reps, after.ivl, after.due, after.type) == (studied.reps, studied.ivl, studied.due, studied.type)
    assert col.db.scalar("select count() from revlog where cid = ?", cid) == 1

    # an older package never overwrites the newer notes
    log = _import(col, tmp_path / "v1.apkg")
    assert len(log.updated) == 0 and col.get_note(nid)["Gloss"] == "algorithm (computing)"


def test_two_articles_never_collide(tmp_path: Path, col, monkeypatch) -> None:
    a, b = ai_quiz(), bank_quiz()
    # the same timestamp: genanki numbers notes and cards from it, so their ids clash inside Anki
    _write([a], tmp_path / "a.apkg", 1_700_000_000, monkeypatch)
    _write([b], tmp_path / "b.apkg", 1_700_000_000, monkeypatch)
    _import(col, tmp_path / "a.apkg")
    log = _import(col, tmp_path / "b.apkg")
    n_a = len(a.vocab) + len(a.questions) + len(a.cloze)
    n_b = len(b.vocab) + len(b.questions) + len(b.cloze)
    assert len(log.new) == n_b and len(log.updated) == 0 and col.note_count() == n_a + n_b
    assert a.article_id != b.article_id
    for q in (a, b):
        did = col.decks.id_for_name(f"quizgen::{q.title}")
        assert len(col.find_cards(f"did:{did}")) >= len(q.questions) + len(q.cloze)
        assert len(col.find_notes(f"tag:article::{q.article_id}")) == len(q.vocab) + len(q.questions) + len(q.cloze)

    # both articles in one package, under a parent deck of the user's choosing
    _write([a, b], tmp_path / "ab.apkg", 1_700_000_100, monkeypatch, deck_name="中文::新闻")
    log = _import(col, tmp_path / "ab.apkg")
    assert len(log.new) == 0 and col.note_count() == n_a + n_b


def test_the_same_word_in_two_articles_is_one_note(tmp_path: Path, col, monkeypatch) -> None:
    a = ai_quiz()
    b = replace(bank_quiz(), vocab=(replace(bank_quiz().vocab[0], word="算法", gloss="algorithm"),))
    _write([a, b], tmp_path / "ab.apkg", 1_700_000_000, monkeypatch)
    _import(col, tmp_path / "ab.apkg")
    assert len(col.find_notes('"note:quizgen vocab" Word:算法')) == 1


def test_headline_with_double_colon_does_not_nest_decks(tmp_path: Path, col, monkeypatch) -> None:
    q = replace(ai_quiz(), title="AI::产业")
    _write([q], tmp_path / "ai.apkg", 1_700_000_000, monkeypatch)
    _import(col, tmp_path / "ai.apkg")
    assert {d.name for d in col.decks.all_names_and_ids()} >= {"quizgen", "quizgen::AI 产业"}


def test_source_date_epoch_gives_identical_bytes(tmp_path: Path, monkeypatch) -> None:
    q = ai_quiz()
    one = _write([q], tmp_path / "1.apkg", 1_700_000_000, monkeypatch).read_bytes()
    two = _write([q], tmp_path / "2.apkg", 1_700_000_000, monkeypatch).read_bytes()
    later = _write([q], tmp_path / "3.apkg", 1_700_000_001, monkeypatch).read_bytes()
    assert one == two and one != later


def test_without_source_date_epoch_a_rerun_is_newer(tmp_path: Path, monkeypatch) -> None:
    import sqlite3
    import time
    import zipfile

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    t0 = int(time.time())
    write_apkg([ai_quiz()], tmp_path / "now.apkg")
    z = zipfile.ZipFile(tmp_path / "now.apkg")
    (tmp_path / "c.db").write_bytes(z.read("collection.anki2"))
    mods = sqlite3.connect(tmp_path / "c.db").execute("select distinct mod from notes").fetchall()
    assert len(mods) == 1 and mods[0][0] >= t0


def test_make_on_seed_imports(tmp_path: Path, col, seed_feature, monkeypatch) -> None:
    """The whole pipeline: whatever the quiz holds is exactly what Anki gets."""
    from quizgen.make import MakeRequest, run_make

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    written = run_make(MakeRequest(path=str(seed_feature), out=tmp_path, formats=("anki", "json")))
    apkg = next(p for p in written if p.suffix == ".apkg")
    data = [json.loads(p.read_text(encoding="utf-8")) for p in written if p.suffix == ".json"]
    log = _import(col, apkg)
    words = {v["word"] for d in data for v in d["vocab"]}
    items = len(words) + sum(len(d["questions"]) + len(d["cloze"]) for d in data)
    assert items > 0 and len(log.new) == col.note_count() == items
    assert {_text(col.get_note(n)["Word"]) for n in col.find_notes('"note:quizgen vocab"')} == words
    assert {_text(col.get_note(n)["Text"]) for n in col.find_notes('"note:quizgen cloze"')} == {
        c["text"] for d in data for c in d["cloze"]}
