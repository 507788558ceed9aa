"""Stable names for articles: an id for Anki GUIDs and a slug for file names."""
from __future__ import annotations

import hashlib
import re

from .model import Article


def article_id(article: Article) -> str:
    """An id that survives fixes to titles and questions: a hash of the article's first sentences."""
    body = "".join(s.text for s in article.sentences[:3])
    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]


def display_title(article: Article) -> str:
    """The headline; when the page gave none, the opening clause of the first sentence, or, if that is a
    fragment (a text cut out of the middle of an article), of the next sentence, else the words the text is
    most about."""
    if article.title:
        return article.title
    first = article.sentences[0].text if article.sentences else ""
    clause = re.split(r"[，。！？；：]", first)[0]
    if len(clause) >= 8 or not any(s.tokens for s in article.sentences):
        return clause[:24] + ("…" if len(clause) > 24 else "")
    for s in article.sentences[1:3]:  # the first "sentence" is a fragment: the next one starts cleanly
        nxt = re.split(r"[，。！？；：]", s.text)[0]
        if len(nxt) >= 8 and not nxt.startswith(("“", "”", "（")):
            return nxt[:24] + ("…" if len(nxt) > 24 else "")
    from .lexicon import hsk_level

    counts: dict[str, int] = {}
    for s in article.sentences:
        for t in s.tokens:
            if len(t.text) >= 2 and t.pos in ("n", "nz", "vn", "nt", "j") and re.fullmatch(r"[\u4e00-\u9fff]+", t.text) \
                    and hsk_level(t.text) not in ("1", "2", "3"):  # 过程, 时间: too general to name a text
                counts[t.text] = counts.get(t.text, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], first.find(w) if w in first else 1 << 20))[:3]
    return "、".join(top) if top else clause


def slug(article: Article, index: int, stem: str | None = None) -> str:
    """A file-name-safe slug: origin stem, index, and the headline's words."""
    title = re.sub(r"[^\w\u4e00-\u9fff]+", "", display_title(article))[:20]
    parts = [p for p in (stem, f"{index + 1:02d}", title) if p]
    return "-".join(parts)
