"""The heart of quizgen: one pure function from an article to its quiz.

Stages plug in here; each is looked up lazily so that `quizgen --help` imports nothing heavy.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .ident import article_id, display_title, slug
from .model import Article, Cloze, Question, Quiz


@dataclass(frozen=True)
class Options:
    level: int = 0  # leave out vocabulary at or below this HSK level
    known: frozenset[str] = frozenset()
    max_vocab: int = 30
    max_questions: int = 0  # 0: as many as the article supports
    max_cloze: int = 0


def _questions(article: Article, options: Options) -> tuple[Question, ...]:
    from .generate.questions import make_questions

    qs = make_questions(article, article_id(article), limit=options.max_questions)
    if article.script != "traditional":
        return qs
    from .lexicon import template_in_script

    keep = set("".join(s.text for s in article.sentences) + "".join(p.text for p in article.headings))
    keep_text = "".join(keep)
    def conv(q: Question) -> Question:
        q = replace(q, stem=template_in_script(q.stem, keep_text))
        if q.type == "true_false":  # 对/错 → 對/錯
            q = replace(q, options=tuple(template_in_script(o, "") for o in q.options),
                        answer=template_in_script(q.answer, ""))
        return q

    return tuple(conv(q) for q in qs)


def _cloze(article: Article, options: Options, vocab: tuple = (), names: tuple = ()) -> tuple[Cloze, ...]:
    """Cloze over key sentences; the quiz's vocabulary, when there is one, gives the key words."""
    from .generate.cloze import make_cloze

    return make_cloze(article, article_id(article), vocab, names, options.max_cloze)


def build_quiz(article: Article, index: int = 0, stem: str | None = None, options: Options | None = None) -> Quiz:
    """Vocabulary, questions and cloze for one article."""
    options = options or Options()
    from .extract.level import estimate_level, level_profile
    from .extract.vocab import extract_names, extract_vocab

    quiz = Quiz(
        article=article,
        article_id=article_id(article),
        slug=slug(article, index, stem),
        title=display_title(article),
        level=estimate_level(article),
        level_profile=tuple(level_profile(article).items()),
        vocab=extract_vocab(article, options),
        names=extract_names(article),
        questions=_questions(article, options),
    )
    # cloze last: it blanks the quiz's own key words when the vocabulary stage has found them
    return replace(quiz, cloze=_cloze(article, options, quiz.vocab, quiz.names))


def build_vocab_quiz(article: Article, index: int = 0, stem: str | None = None,
                     options: Options | None = None) -> Quiz:
    """Only the vocabulary, names and level of an article (`quizgen vocab`): no questions or cloze to wait for."""
    from .extract.level import estimate_level, level_profile
    from .extract.vocab import extract_names, extract_vocab

    options = options or Options()
    return Quiz(article=article, article_id=article_id(article), slug=slug(article, index, stem),
                title=display_title(article), level=estimate_level(article),
                level_profile=tuple(level_profile(article).items()),
                vocab=extract_vocab(article, options), names=extract_names(article))
