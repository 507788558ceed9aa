"""How hard an article is: the HSK 3.0 band a learner needs to read it, and its words per band."""
from __future__ import annotations

from ..model import Article


def _words(article: Article) -> list[str]:
    from ..lexicon import to_simplified

    words = [t.text for s in article.sentences for t in s.tokens]
    return [to_simplified(w) for w in words] if article.script == "traditional" else words


def level_profile(article: Article) -> dict[str, float]:
    """Share of the article's running Han words in each band ("1".."6", "7-9", "beyond")."""
    from ..lexicon import level_profile as _profile

    return _profile(_words(article))


def estimate_level(article: Article, coverage: float = 0.9) -> str:
    """The lowest band whose words, with all easier bands, cover `coverage` of the running words found in the
    lists: a reader who knows that band meets an unknown listed word about once a sentence at most.

    Words in no list (terms, names) are left out: the vocabulary glosses them whatever the level.
    """
    from ..lexicon import estimate_level as _estimate

    return _estimate(_words(article), threshold=coverage)
