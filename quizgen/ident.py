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
    """The headline, or the start of the first sentence when the page gave none."""
    if article.title:
        return article.title
    first = article.sentences[0].text if article.sentences else ""
    first = re.split(r"[，。！？；：]", first)[0]
    return first[:24] + ("…" if len(first) > 24 else "")


def slug(article: Article, index: int, stem: str | None = None) -> str:
    """A file-name-safe slug: origin stem, index, and the headline's words."""
    title = re.sub(r"[^\w\u4e00-\u9fff]+", "", display_title(article))[:20]
    parts = [p for p in (stem, f"{index + 1:02d}", title) if p]
    return "-".join(parts)
