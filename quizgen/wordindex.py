"""jieba's dictionary as a pre-built trie, so a cold start does not pay for jieba's own loading.

jieba keeps its 349 k-word dictionary as a Python dict of about 580 k words and prefixes, loaded from a
marshal cache (≈0.7 s), and `jieba.posseg` parses dict.txt again for the part-of-speech tags (≈0.3 s),
every time a process starts. Here the same words, frequencies, prefixes and tags live in one marisa-trie
(≈3 MB), built once from jieba's own dict.txt into the user cache and loaded in milliseconds. The two small
mapping classes below give jieba exactly the view of it that its code uses (`in`, `[]`, `get`, and writes
for user words), so segmentation and tags are jieba's own, word for word (tested).
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import marisa_trie

_FORMAT = "<IB"  # (frequency, tag number); prefixes that are not words have frequency 0
_NO_TAG = 255
_VERSION = 1


class Freq:
    """jieba's `Tokenizer.FREQ`: word or prefix → frequency (0 for a prefix), with user words on top."""

    __slots__ = ("_trie", "_extra")

    def __init__(self, trie: marisa_trie.RecordTrie) -> None:
        self._trie = trie
        self._extra: dict[str, int] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._extra or key in self._trie

    def get(self, key: str, default: int | None = None) -> int | None:
        v = self._extra.get(key)
        if v is not None:
            return v
        r = self._trie.get(key)
        return r[0][0] if r else default

    def __getitem__(self, key: str) -> int:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __setitem__(self, key: str, value: int) -> None:
        self._extra[key] = value


class Tags:
    """jieba.posseg's `word_tag_tab`: word → part of speech, with user words' tags on top."""

    __slots__ = ("_trie", "_names", "_extra")

    def __init__(self, trie: marisa_trie.RecordTrie, names: tuple[str, ...]) -> None:
        self._trie = trie
        self._names = names
        self._extra: dict[str, str] = {}

    def get(self, key: str, default: str | None = None) -> str | None:
        v = self._extra.get(key)
        if v is not None:
            return v
        r = self._trie.get(key)
        if not r or r[0][1] == _NO_TAG:
            return default
        return self._names[r[0][1]]

    def update(self, other: dict[str, str]) -> None:
        self._extra.update(other)


def _build(dict_file: Path) -> tuple[int, tuple[str, ...], bytes]:
    """Parse dict.txt as jieba does (later lines win; the total counts every line)."""
    words: dict[str, tuple[int, str]] = {}
    total = 0
    with dict_file.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            words[word] = (freq, parts[2] if len(parts) > 2 else "")
            total += freq
    names = tuple(sorted({t for _, t in words.values() if t}))
    number = {t: i for i, t in enumerate(names)}
    rows: dict[str, tuple[int, int]] = {}
    for word in words:
        for k in range(1, len(word)):
            rows.setdefault(word[:k], (0, _NO_TAG))
    for word, (freq, tag) in words.items():
        rows[word] = (freq, number.get(tag, _NO_TAG))
    trie = marisa_trie.RecordTrie(_FORMAT, rows.items())
    return total, names, trie.tobytes()


@dataclass(frozen=True)
class Index:
    """jieba's dictionary: the trie, the tag names, and the total frequency jieba computes."""

    trie: marisa_trie.RecordTrie
    names: tuple[str, ...]
    total: int

    def freq(self) -> Freq:
        """A FREQ view with its own overlay, so one tokenizer's user words stay its own."""
        return Freq(self.trie)

    def tags(self) -> Tags:
        return Tags(self.trie, self.names)


def _cached(src: Path, cache_dir: Path, kind: str, build):  # noqa: ANN001, ANN202 - build(src) -> picklable
    """build(src), kept in cache_dir under a name that changes with the source file (so a new jieba rebuilds)."""
    st = src.stat()
    key = hashlib.sha1(f"{_VERSION}|{src.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    cached = cache_dir / f"jieba-{kind}-{key}.trie"
    try:
        with cached.open("rb") as f:
            return pickle.load(f)
    except Exception:  # missing, half-written or from another version: build it again
        pass
    value = build(src)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache only costs the build next time
    return value


@lru_cache(maxsize=4)
def load(dict_file: str, cache_dir: str) -> Index:
    """jieba's dictionary file as an Index, from the cache or built there first."""
    total, names, blob = _cached(Path(dict_file), Path(cache_dir), "dict", _build)
    return Index(marisa_trie.RecordTrie(_FORMAT).frombytes(blob), tuple(names), total)

class Idf:
    """jieba.analyse's IDF table (word → weight), read from a trie; `default` is for a word it lacks."""

    __slots__ = ("_trie", "default")

    def __init__(self, trie: marisa_trie.RecordTrie, default: float) -> None:
        self._trie = trie
        self.default = default

    def get(self, key: str, default: float | None = None) -> float | None:
        r = self._trie.get(key)
        return r[0][0] if r else default


def _build_idf(idf_file: Path) -> tuple[float, bytes]:
    """The table and its upper quartile (a word the table lacks is rare in general text)."""
    parts = idf_file.read_text(encoding="utf-8").split()
    table = {w: float(v) for w, v in zip(parts[::2], parts[1::2])}
    vals = sorted(table.values())
    default = vals[int(len(vals) * 0.75)]
    return default, marisa_trie.RecordTrie("<d", ((w, (v,)) for w, v in table.items())).tobytes()


@lru_cache(maxsize=2)
def load_idf(idf_file: str, cache_dir: str) -> Idf:
    """jieba's idf.txt as an Idf, from the cache or built there first (parsing it costs about a second)."""
    default, blob = _cached(Path(idf_file), Path(cache_dir), "idf", _build_idf)
    return Idf(marisa_trie.RecordTrie("<d").frombytes(blob), default)
