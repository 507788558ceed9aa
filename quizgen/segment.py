"""jieba, wrapped: one private Tokenizer with the packaged domain dictionary, built on first use.

Nothing else in quizgen imports jieba. jieba's log lines go to our logger (stderr), never stdout.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .model import Token

_USER_DICT = "userdict.txt"
_EXTRA_DICT = "userdict_extra.txt"


def _data_path(name: str) -> Path | None:
    p = Path(str(resources.files("quizgen") / "data" / name))
    return p if p.is_file() else None


def _cache_dir() -> Path:
    """The same folder the CC-CEDICT index uses: $QUIZGEN_CACHE_DIR, else $XDG_CACHE_HOME/quizgen."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = Path(os.environ.get("QUIZGEN_CACHE_DIR") or Path(base) / "quizgen")
    try:
        d.mkdir(parents=True, exist_ok=True)
        return d
    except OSError:
        import tempfile

        return Path(tempfile.gettempdir())


def _import_posseg():  # noqa: ANN202 - the jieba.posseg module
    """`import jieba.posseg`, without its import-time parse of dict.txt when we are the first to import it.

    jieba.posseg builds a tag table for jieba's global tokenizer as it is imported (≈0.3 s). When quizgen
    imports it first, that table is given an empty file and then the trie's tags instead — the same tags,
    so any other user of jieba.posseg in this process still gets them.
    """
    import sys

    import jieba

    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    import io

    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg as ps
    finally:
        del jieba.dt.get_dict_file
    ps.dt.word_tag_tab = _index().tags()
    return ps


def _index():  # noqa: ANN202 - wordindex.Index of jieba's own dictionary
    import jieba

    from . import wordindex

    return wordindex.load(str(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME), str(_cache_dir()))


@lru_cache(maxsize=1)
def tokenizer():  # noqa: ANN201 - jieba.Tokenizer
    """The shared tokenizer: jieba's dictionary from the pre-built trie, plus quizgen's domain words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    index = _index()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total = index.freq(), index.total
    tok.initialized = True
    for name in (_USER_DICT, _EXTRA_DICT):
        p = _data_path(name)
        if p is not None:
            tok.load_userdict(str(p))
    return tok


@lru_cache(maxsize=1)
def _pos_tokenizer():  # noqa: ANN202
    """A POS tokenizer over our Tokenizer, reading tags from the trie (user words' tags on top)."""
    ps = _import_posseg()
    pt = object.__new__(ps.POSTokenizer)
    pt.tokenizer = tokenizer()
    pt.word_tag_tab = _index().tags()
    return pt


def add_user_dict(path: str | Path) -> None:
    """Load a user dictionary in jieba's format (`word [freq] [pos]` a line) on top of ours."""
    from .errors import InputError

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: user dictionary not found; give a text file with one word a line")
    try:
        tokenizer().load_userdict(str(p))
    except Exception as exc:  # jieba raises ValueError on bad lines
        raise InputError(f"{p}: not a jieba user dictionary ({exc}); write `word [freq] [pos]` a line") from None
    in_dictionary.cache_clear()  # answers given before the user's words were loaded
    # the user's own terms are vocabulary even where no dictionary glosses them
    _USER_WORDS.update(ln.split()[0] for ln in p.read_text(encoding="utf-8").splitlines() if ln.split())


def tokens(text: str) -> tuple[Token, ...]:
    """Words with part of speech; offsets are positions inside `text`."""
    out: list[Token] = []
    pos = 0
    for pair in _pos_tokenizer().cut(text):
        w, tag = pair.word, pair.flag
        out.append(Token(w, tag, pos))
        pos += len(w)
    return tuple(t for t in out if t.text.strip())


_USER_WORDS: set[str] = set()


def is_domain_word(word: str) -> bool:
    """A word of the domain dictionaries: quizgen's (THUOCL IT and finance terms, hand-written) or the user's."""
    return word in _packaged_words() or word in _USER_WORDS


@lru_cache(maxsize=1)
def _packaged_words() -> frozenset[str]:
    out: set[str] = set()
    for name in (_USER_DICT, _EXTRA_DICT):
        p = _data_path(name)
        if p is not None:
            out.update(ln.split()[0] for ln in p.read_text(encoding="utf-8").splitlines()
                       if ln.strip() and not ln.rstrip().endswith(" 0"))
    return frozenset(out)


@lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """A word of the segmenter's dictionary (jieba's plus ours), not just the start of one; a word in traditional
    characters is looked up in its simplified form (the dictionary is simplified)."""
    if tokenizer().FREQ.get(word):
        return True
    from .lexicon import to_simplified

    simp = to_simplified(word)
    return simp != word and bool(tokenizer().FREQ.get(simp))


def cut(text: str) -> list[str]:
    """Words only (no part of speech), for quick checks."""
    return [w for w in tokenizer().cut(text) if w.strip()]
