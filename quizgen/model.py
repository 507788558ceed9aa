"""The document model passed between stages: frozen dataclasses with tuple fields.

Offsets (`start`, `end`) are character positions in `Document.text`, the normalized text, so every
sentence, and every answer span inside it, can be traced back to where it stands.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Token:
    """One word as jieba cut it, with its part of speech (jieba/ICTCLAS tag set)."""

    text: str
    pos: str
    start: int  # offset inside the sentence text


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A run of sentences, or a section subheading (`is_heading`), which is never a sentence."""

    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()
    is_heading: bool = False


@dataclass(frozen=True)
class Article:
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    source: str | None = None  # e.g. 新华社, from 据新华社 or a dateline
    reporter: str | None = None  # e.g. 吴琼, from 本报讯（记者吴琼）
    dateline: str | None = None  # e.g. 新华社北京6月11日电
    byline: str | None = None  # the byline as printed: 本报讯（记者吴琼）, （据新华社）, （作者为…）
    script: str = "simplified"  # or "traditional"
    origin: str | None = None  # the file it came from

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs if not p.is_heading for s in p.sentences)

    @property
    def headings(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.is_heading)

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if not p.is_heading)


@dataclass(frozen=True)
class Document:
    text: str  # normalized text; offsets point into it
    articles: tuple[Article, ...]
    origin: str | None = None
    encoding: str | None = None
    dropped: tuple[str, ...] = field(default=())  # captions and credits left out of the articles


# --- What the extract and generate stages produce, and every renderer reads. ---


@dataclass(frozen=True)
class VocabItem:
    word: str  # as written in the article (its own script)
    pinyin: str  # tone marks, per word: yínháng
    pos: str  # jieba tag of its first use
    gloss: str  # English, the sense that fits the article first
    hsk: str  # "1".."6", "7-9" or "beyond"
    count: int
    sentence: str  # the article sentence it is shown in
    score: float = 0.0
    from_parts: bool = False  # glossed from its parts: CEDICT lacks the whole word


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # "mcq" | "true_false" | "short_answer"
    skill: str  # e.g. "number", "date", "speaker", "purpose", "main_idea", "detail"
    stem: str
    options: tuple[str, ...]
    answer: str
    answer_index: int | None
    evidence: str  # the sentence of the article that answers it
    paragraph: int | None = None  # 1-based paragraph number of the evidence, for worksheets
    answer_span: tuple[int, int] | None = None  # where the answer stands in `evidence`


@dataclass(frozen=True)
class Cloze:
    id: str
    text: str  # the sentence with Anki cloze markup: …{{c1::词}}…
    answer: str
    hint: str  # pinyin or English, never the word
    sentence: str
    paragraph: int | None = None
    bank: tuple[str, ...] = ()  # word bank: the answer and key words of the same part of speech


@dataclass(frozen=True)
class Quiz:
    """Everything made from one article; renderers only format it."""

    article: Article
    article_id: str
    slug: str
    title: str
    level: str = "?"  # estimated HSK band of the text
    level_profile: tuple[tuple[str, float], ...] = ()  # share of running words per band: ("1", 0.2), …, ("beyond", …)
    vocab: tuple[VocabItem, ...] = ()
    names: tuple[str, ...] = ()  # people and places, kept out of the vocabulary
    questions: tuple[Question, ...] = ()
    cloze: tuple[Cloze, ...] = ()
