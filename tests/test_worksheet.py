"""Worksheets: the PDF read back with pdftotext holds every item, the key starts a page, the HTML parses.

The quiz is built by hand from four sentences of a real news brief (CCTV, 2023-08-10), so these tests do
not depend on what the question and cloze generators produce today; one test runs the real `make`.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.lexicon import hsk_level, pinyin
from quizgen.model import Cloze, Question, Quiz, VocabItem
from quizgen.pipeline import parse
from quizgen.quiz import build_quiz
from quizgen.render.worksheet import (WorksheetOptions, cover, evidence_paragraph, font_chars, worksheet_html,
                                      worksheet_pdf)

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")

TEXT = """1至7月我国汽车出口量创历史新高
数据显示，1—7月份，汽车出口253.3万辆，同比增长67.9%，创历史新高。其中，新能源汽车出口的增速超过了传统燃油车。
## 产业链优势
业内人士表示，今年以来，我国新能源汽车出口快速增长得益于产业的先发优势。
中国汽车工业协会预计，2023年我国汽车出口将超过400万辆，其中新能源汽车稳超100万辆。
"""
S1 = "数据显示，1—7月份，汽车出口253.3万辆，同比增长67.9%，创历史新高。"
S2 = "其中，新能源汽车出口的增速超过了传统燃油车。"
S3 = "业内人士表示，今年以来，我国新能源汽车出口快速增长得益于产业的先发优势。"
S4 = "中国汽车工业协会预计，2023年我国汽车出口将超过400万辆，其中新能源汽车稳超100万辆。"


def _quiz() -> Quiz:
    art = parse(TEXT).articles[0]
    base = build_quiz(art, 0, "brief")
    questions = (
        Question("q1", "mcq", "number", "1—7月份，我国汽车出口了多少万辆？",
                 ("253.3万辆", "67.9万辆", "400万辆", "100万辆"), "253.3万辆", 0, S1, 1, (15, 22)),
        Question("q2", "mcq", "detail", "中国汽车工业协会预计2023年我国汽车出口将超过多少万辆？",
                 ("100万辆", "253.3万辆", "400万辆", "67.9万辆"), "400万辆", 2, S4, 3),
        Question("q3", "true_false", "detail", "新能源汽车出口的增速超过了传统燃油车。", ("对", "错"), "对", 0, S2, 1),
        Question("q4", "short_answer", "purpose", "业内人士认为，新能源汽车出口快速增长得益于什么？", (),
                 "产业的先发优势", None, S3, 2),
    )
    cloze = (
        Cloze("c1", S1.replace("同比", "{{c1::同比}}"), "同比", "tóngbǐ", S1, 1),
        Cloze("c2", S4.replace("预计", "{{c1::预计}}"), "预计", "yùjì", S4, 3),
        Cloze("c3", S3.replace("优势", "{{c1::优势}}"), "优势", "yōushì", S3, 2),
    )
    vocab = tuple(VocabItem(w, pinyin(w), pos, gloss, hsk_level(w) or "beyond", 1, s)
                  for w, pos, gloss, s in (("同比", "j", "compared with the same period of last year", S1),
                                           ("增速", "n", "growth rate", S2),
                                           ("预计", "v", "to forecast; to predict", S4)))
    return replace(base, questions=questions, cloze=cloze, vocab=vocab, level="5")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "w.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")[:-1]


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    return _quiz()


@pytest.fixture(scope="module")
def a4_pdf(quiz: Quiz) -> bytes:
    return worksheet_pdf([quiz], WorksheetOptions(paper="a4", pinyin="new", level=4))


@needs_poppler
def test_pdf_gives_back_headline_every_stem_and_option(quiz: Quiz, a4_pdf: bytes, tmp_path: Path) -> None:
    pages = _pages(a4_pdf, tmp_path)
    text = _squash("".join(pages))
    assert "1至7月我国汽车出口量创历史新高" in text
    assert "产业链优势" in text  # the subheading
    for q in quiz.questions:
        assert _squash(q.stem) in text
        for o in q.options:
            assert _squash(o) in text
    assert "（见第1段）" in text and "（见第2段）" in text and "（见第3段）" in text
    assert "HSK5级" in text and "新华社" not in text
    assert all("CC-CEDICT" in p for p in pages)  # the licence in every page's footer


@needs_poppler
def test_answer_key_starts_its_own_page(quiz: Quiz, a4_pdf: bytes, tmp_path: Path) -> None:
    pages = _pages(a4_pdf, tmp_path)
    key = [i for i, p in enumerate(pages) if "答案：" in p]
    assert len(key) == 1 and key[0] >= 1
    first_line = next(line for line in pages[key[0]].splitlines() if line.strip())
    assert first_line.startswith("答案：")
    before = _squash("".join(pages[:key[0]]))
    assert "生词表" in before and "答案：" not in before
    after = _squash("".join(pages[key[0]:]))
    assert "A.253.3万辆" in after and "C.400万辆" in after and "对" in after
    assert "1.同比" in after and "2.预计" in after and "3.优势" in after
    assert _squash(S3) in after  # evidence for the short answer
    assert 2 <= len(pages) <= 4  # a four-sentence brief: a sheet of one or two pages and the key


@needs_poppler
def test_pdf_embeds_only_the_packaged_font(a4_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "w.pdf"
    path.write_bytes(a4_pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("Noto-Sans-SC" in r and " yes yes yes " in r for r in rows)


def test_every_character_is_in_the_font(quiz: Quiz) -> None:
    html = worksheet_html([quiz], WorksheetOptions(pinyin="all"))
    text = re.sub(r"<[^>]+>", "", html.split("</style>", 1)[1])
    chars = font_chars()
    assert not {c for c in text if ord(c) not in chars and c not in "\n"}
    assert cover("见☐①") == "见〓①"  # Noto Sans SC has ① but no ballot box
    assert cover("\U0001F600") == "〓"


def test_html_parses_and_holds_the_same_items(quiz: Quiz) -> None:
    import html5lib

    html = worksheet_html([quiz])
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(html)  # raises on any parse error
    stems = [_squash("".join(e.itertext())) for e in tree.iter("p") if e.get("class") == "stem"]
    assert len(stems) == len(quiz.questions)
    for q, s in zip(quiz.questions, stems):
        assert _squash(q.stem) in s
    options = ["".join(li.itertext()) for li in tree.iter("li")]
    assert options == [f"{x}.{o}" for q in quiz.questions for x, o in zip("ABCD", q.options) if q.type == "mcq"]
    boxes = [e for e in tree.iter("span") if e.get("class") == "box"]
    assert len(boxes) == 2  # one true/false question: 对 and 错
    lines = [e for e in tree.iter("div") if e.get("class") == "line"]
    assert len(lines) >= 2  # a short answer gets lines to write on
    assert len([e for e in tree.iter("section") if e.get("class") == "key"]) == 1


def test_an_article_with_nothing_to_answer_gets_no_empty_key(quiz: Quiz) -> None:
    bare = replace(quiz, questions=(), cloze=())
    html = worksheet_html([bare, quiz])
    assert html.count('<section class="key"') == 1 and "答案：" + quiz.title in html
    assert "二、生词表" in html.split('id="sheet-2"')[0]  # sections renumber when some are empty


def test_cloze_blanks_are_equal_and_the_bank_is_shuffled_the_same_every_time(quiz: Quiz) -> None:
    html = worksheet_html([quiz])
    widths = re.findall(r'class="blank" style="width: (\d+)em"', html)
    assert len(widths) == 3 and len(set(widths)) == 1
    bank = re.search(r'<div class="bank">(.*?)</div>', html).group(1)
    words = re.findall(r"<span>(.*?)</span>", bank)
    assert sorted(words) == sorted(["同比", "预计", "优势"]) and words != ["同比", "预计", "优势"]
    assert worksheet_html([quiz]) == html
    assert "每个词只用一次" in html
    decoyed = replace(quiz, cloze=tuple(replace(c, bank=(c.answer, "增速", "传统")) for c in quiz.cloze))
    bank2 = re.findall(r"<span>(.*?)</span>", re.search(r'<div class="bank">(.*?)</div>',
                                                        worksheet_html([decoyed])).group(1))
    assert sorted(bank2) == sorted(["同比", "预计", "优势", "增速", "传统"])
    assert "有的词用不上" in worksheet_html([decoyed])
    assert "同比" not in re.sub(r'<div class="bank">.*?</div>', "", html.split('<section class="cloze">')[1]
                                .split("</section>")[0])


def test_pinyin_modes(quiz: Quiz) -> None:
    def ruby(mode: str, level: int = 4) -> list[tuple[str, str]]:
        html = worksheet_html([quiz], WorksheetOptions(pinyin=mode, level=level)).split('class="passage')[1]
        html = html.split("</section>")[0]
        return re.findall(r'<span class="rt">(.*?)</span><span class="rb">(.*?)</span>', html)

    new = ruby("new")
    assert ("tóngbǐ", "同比") in new  # a vocabulary word
    assert ("xiǎnshì", "显示") not in new and ("shùjù", "数据") not in new  # HSK 3 and 4: the learner knows them
    assert [w for _, w in new].count("新能源汽车") <= 1  # glossed at its first use only
    assert not any(w in ("汽车", "其中", "数据") for _, w in new)
    everything = ruby("all")
    assert ("shùjù", "数据") in everything and ("qízhōng", "其中") in everything
    assert len(everything) > len(new)
    assert ruby("none") == []
    assert ("shùjù", "数据") in ruby("new", level=3) and ("xiǎnshì", "显示") not in ruby("new", level=3)


def test_evidence_paragraph_is_checked_against_the_text(quiz: Quiz) -> None:
    art = quiz.article
    assert evidence_paragraph(art, S4, 3) == 3  # the subheading is not counted
    assert evidence_paragraph(art, S4, 1) == 3  # a wrong hint is corrected
    assert evidence_paragraph(art, S1, None) == 1
    assert evidence_paragraph(art, "不在文中的一句话。", 7) is None


@needs_poppler
def test_make_writes_one_combined_letter_worksheet_for_a_newspaper_page(seed_page: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["make", str(seed_page), "--worksheet", "pdf", "--combine", "--paper", "letter",
                                   "--out", str(tmp_path), "-q"])
    assert res.exit_code == 0, res.output
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 1 and not list(tmp_path.glob("*.apkg"))
    info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts" in info  # US Letter
    pages = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, check=True).stdout.decode().split("\f")
    doc = parse(seed_page.read_text(encoding="utf-8"))
    first = next(i for i, p in enumerate(pages) if "答案：" in p)
    assert next(x for x in pages[first].splitlines() if x.strip()).startswith("答案：")  # keys start a page
    assert "生词表" not in "".join(pages[first:])  # and come after every worksheet
    assert _squash("".join(pages[first:])).count("答案：") == len(doc.articles)
    text = _squash("".join(pages))
    for a in doc.articles:
        if a.title:
            assert _squash(a.title) in text


def test_make_rejects_an_unknown_paper_size(tmp_path: Path, seed_feature: Path) -> None:
    res = CliRunner().invoke(app, ["make", str(seed_feature), "--worksheet", "pdf", "--paper", "a5",
                                   "--out", str(tmp_path)])
    assert res.exit_code == 2
    assert "a4 or letter" in res.output and not list(tmp_path.iterdir())
