"""Pinyin over hanzi for cards and pages: a word's tone-marked pinyin split back into syllables.

VocabItem.pinyin is one string per word (``yínháng``), written by the usual orthography: syllables run
together, ``'`` before a syllable that starts with a, o or e. That makes the split unambiguous, so the
renderer can put each syllable over its character and colour it by tone without asking pypinyin again
(which could read a polyphone differently than the vocabulary stage did).
"""
from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

from ..lexicon import is_han

_TONES = {c: t for t, cs in enumerate(("āēīōūǖĀĒĪŌŪǕ", "áéíóúǘÁÉÍÓÚǗ", "ǎěǐǒǔǚǍĚǏǑǓǙ", "àèìòùǜÀÈÌÒÙǛ"), 1)
          for c in cs}

_BASE = {c: "aeiouüAEIOUÜ"[i % 12] for cs in ("āēīōūǖĀĒĪŌŪǕ", "áéíóúǘÁÉÍÓÚǗ", "ǎěǐǒǔǚǍĚǏǑǓǙ", "àèìòùǜÀÈÌÒÙǛ")
         for i, c in enumerate(cs)}


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every reading pypinyin knows, with and without tone marks (lower case, NFC)."""
    from ..lexicon import char_readings

    out: set[str] = set()
    for s in {r for v in char_readings().values() for r in v}:  # about 1,500 distinct readings
        s = unicodedata.normalize("NFC", s)
        out.add(s)
        out.add("".join(_BASE.get(c, c) for c in s))  # its neutral-tone spelling
    out.update({"r", "n", "ng", "m", "hm", "ê"})
    return frozenset(out)


def tone(syllable: str) -> int:
    """1–4 from the tone mark, 5 for the neutral tone."""
    return next((_TONES[c] for c in syllable if c in _TONES), 5)


def split_syllables(pinyin: str) -> list[str] | None:
    """``yínháng`` → ``['yín', 'háng']``; None if the text is not plain pinyin."""
    known = _syllables()
    out: list[str] = []
    for chunk in unicodedata.normalize("NFC", pinyin).replace("’", "'").replace("'", " ").split():
        low = chunk.lower()

        @lru_cache(maxsize=None)
        def parse(i: int, low: str = low) -> tuple[int, ...] | None:
            if i == len(low):
                return ()
            for j in range(min(len(low), i + 6), i, -1):
                piece = low[i:j]
                # a syllable inside a chunk never starts with a/o/e: the orthography would put ' there
                if piece in known and (i == 0 or unicodedata.normalize("NFD", piece)[0] not in "aoe"):
                    rest = parse(j)
                    if rest is not None:
                        return (j, *rest)
            return None

        cuts = parse(0)
        if cuts is None:
            return None
        start = 0
        for end in cuts:
            out.append(chunk[start:end])
            start = end
    return out


def pinyin_html(pinyin: str) -> str:
    """Pinyin with each syllable in a tone class (t1–t5), for optional tone colours."""
    syls = split_syllables(pinyin)
    if syls is None:
        return html.escape(pinyin)
    return "".join(f'<span class="t{tone(s)}">{html.escape(s)}</span>' for s in syls)


def ruby_html(word: str, pinyin: str) -> str:
    """``<ruby>`` markup: one syllable over each character when they pair up, else over the whole word."""
    syls = split_syllables(pinyin) if all(is_han(c) for c in word) else None
    if syls is not None and len(syls) == len(word):
        return "".join(f'<ruby class="t{tone(s)}">{html.escape(c)}<rt>{html.escape(s)}</rt></ruby>'
                       for c, s in zip(word, syls))
    return f"<ruby>{html.escape(word)}<rt>{pinyin_html(pinyin)}</rt></ruby>"
