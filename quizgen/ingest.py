"""Read input (a file, a folder of .txt/.md files, or `-` for stdin) and decode it to text.

Decoding order: BOMs (UTF-8, UTF-16, UTF-32), strict UTF-8, then charset-normalizer for the legacy
Chinese encodings. Any GB2312/GBK guess is decoded as GB18030, its superset, so no character is lost.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SUFFIXES = (".txt", ".md")
MIN_HAN = 4  # fewer Han characters than this is not a Chinese article


@dataclass(frozen=True)
class Source:
    """One input text, decoded, with where it came from."""

    origin: str
    text: str
    encoding: str


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(2, len(sample) // 50)


# (codec, the lead bytes of its commonest characters): GB2312 level 1 and Big5's frequent block
_CJK_CODECS = (("gb18030", "gb2312", range(0xB0, 0xD8)), ("big5hkscs", "big5", range(0xA4, 0xC7)))


def _common_cjk(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when the bytes decode strictly as GB18030 or Big5 into mostly common characters.

    Either codec decodes the other's bytes too, but into rare characters: real text keeps over 80% of its Han
    characters in the codec's common block, a wrong decoding about half."""
    best: tuple[float, str, str] | None = None
    for codec, table, lead in _CJK_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        if len(han) < 10:
            continue
        common = 0
        for c in han:
            try:
                common += c.encode(table)[0] in lead
            except UnicodeEncodeError:
                pass
        share = common / len(han)
        if share >= 0.8 and (best is None or share > best[0]):
            best = (share, text, codec)
    return (best[1], best[2]) if best else None


def decode(data: bytes, origin: str = "<input>") -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError saying what to do."""
    if not data.strip():
        raise InputError(f"{origin}: the input is empty; give a file with a Chinese article in it")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"{origin}: starts with a {name} mark but does not decode ({exc.reason}); "
                                 "re-save it as UTF-8") from None
    if _looks_binary(data):
        raise InputError(f"{origin}: this looks like a binary file, not text; "
                         "give a plain-text (.txt) copy of the article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # loaded only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        guess = _common_cjk(data)  # a short GB or Big5 passage charset-normalizer cannot place
        if guess is not None:
            return guess
        raise InputError(f"{origin}: cannot tell the text encoding; re-save the file as UTF-8")
    enc = best.encoding.lower().replace("_", "")
    if enc in {"gb2312", "gbk", "gb18030", "hz", "cp936"}:
        enc = "gb18030"
    elif enc in {"big5", "big5hkscs", "cp950"}:
        enc = "big5hkscs"
    else:
        enc = best.encoding
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    return text, enc


def _check_chinese(text: str, origin: str) -> None:
    if han_count(text) < MIN_HAN:
        raise InputError(f"{origin}: no Chinese text found; quizgen needs an article written in Chinese")


def read_bytes(data: bytes, origin: str) -> Source:
    text, enc = decode(data, origin)
    _check_chinese(text, origin)
    return Source(origin=origin, text=text, encoding=enc)


def list_inputs(path: str | Path) -> list[Path]:
    """The files a path stands for: the file itself, or every .txt/.md in a folder, sorted."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or folder; check the path")
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(f"{p}: the folder has no .txt or .md files; put the articles there as text files")
        return files
    return [p]


def read_file(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a file, or the folder without a trailing name") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; check that you can read the file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the path") from None
    return read_bytes(data, str(path))


def read_stdin() -> Source:
    data = sys.stdin.buffer.read()
    return read_bytes(data, "<stdin>")


def read_inputs(path: str | Path) -> list[Source]:
    """Every source a path stands for (`-` is stdin)."""
    if str(path) == "-":
        return [read_stdin()]
    return [read_file(f) for f in list_inputs(path)]
