"""The library's entry points: text → Document, a path → Documents."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from . import articles as _articles
from . import normalize as _normalize
from . import sentences as _sentences
from .errors import InputError, QuizgenError
from .ingest import Source, han_count, list_inputs, read_file, read_stdin
from .model import Article, Document, Paragraph, Sentence


def _script(text: str) -> str:
    try:
        from .lexicon import is_traditional
    except ImportError:  # pragma: no cover - lexicon not built yet
        return "simplified"

    return "traditional" if is_traditional(text) else "simplified"


def segment_text(text: str, script: str):  # noqa: ANN201 - tuple[Token, ...]
    """Tokens of `text`; traditional text is cut through a simplified copy, tokens keep its own script."""
    from . import segment

    if script == "traditional":
        from .lexicon import to_simplified

        simp = to_simplified(text)
        if len(simp) != len(text):  # a phrase conversion changed the length: convert per character
            simp = "".join(c if len(to_simplified(c)) != 1 else to_simplified(c) for c in text)
        from .model import Token

        return tuple(Token(text[t.start:t.start + len(t.text)], t.pos, t.start) for t in segment.tokens(simp))
    return segment.tokens(text)


_segment = segment_text


def parse(raw: str, origin: str | None = None, encoding: str | None = None, *, tokenize: bool = True) -> Document:
    """Normalize raw text, split it into articles, paragraphs and sentences, and tag the words."""
    blocks = _normalize.blocks(raw)
    drafts = _articles.split_articles(blocks)
    # Offsets: the normalized text is the blocks' texts, one a line.
    starts: dict[int, int] = {}
    pos = 0
    for b in blocks:
        starts[id(b)] = pos
        pos += len(b.text) + 1
    text = "\n".join(b.text for b in blocks)
    script = _script(text) if han_count(text) else "simplified"
    arts: list[Article] = []
    dropped: list[str] = []
    for d in drafts:
        if d.caption:
            dropped.extend(b.text for b in d.blocks)
            continue
        paras: list[Paragraph] = []
        blocks_in = d.blocks
        if d.tail_cut == -1:  # the byline stood on a line of its own
            blocks_in, d.tail_cut = d.blocks[:-1], 0
        body_blocks = [b for b in blocks_in if not b.is_heading]
        for b in blocks_in:
            b0 = starts[id(b)]
            lo, hi = 0, len(b.text)
            if body_blocks and b is body_blocks[0]:
                lo = d.lead_cut
            if body_blocks and b is body_blocks[-1]:
                hi = len(b.text) - d.tail_cut
            ptext = b.text[lo:hi].strip()
            if not ptext:
                continue
            lo = b.text.index(ptext, lo)
            hi = lo + len(ptext)
            if b.is_heading:
                paras.append(Paragraph(ptext, b0 + lo, b0 + hi, (), True))
                continue
            sents = []
            for s, e in _sentences.split(ptext):
                st = ptext[s:e]
                if han_count(st) == 0:
                    continue
                toks = _segment(st, script) if tokenize else ()
                sents.append(Sentence(st, b0 + lo + s, b0 + lo + e, toks))
            if sents:
                paras.append(Paragraph(ptext, b0 + lo, b0 + hi, tuple(sents)))
        # A text cut off mid-sentence (a clipped copy, a page break) ends with a fragment: not a sentence.
        body = [i for i, p in enumerate(paras) if not p.is_heading]
        if body and len(paras[body[-1]].sentences) and sum(len(paras[i].sentences) for i in body) > 1:
            last = paras[body[-1]]
            frag = last.sentences[-1]
            if not _normalize.ends_sentence(frag.text) and not frag.text.endswith(("；", "：", "——")):
                dropped.append(frag.text)
                kept = last.sentences[:-1]
                if kept:
                    paras[body[-1]] = Paragraph(last.text[: kept[-1].end - last.start], last.start, kept[-1].end, kept)
                else:
                    paras.pop(body[-1])
        if any(not p.is_heading for p in paras):
            arts.append(Article(d.title, tuple(paras), d.source, d.reporter, d.dateline, d.byline, script, origin))
    if not arts:
        raise InputError(f"{origin or '<input>'}: no article text found (only headings or captions); "
                         "give the article's full text")
    return Document(text, tuple(arts), origin, encoding, tuple(dropped))


def parse_source(src: Source, *, tokenize: bool = True) -> Document:
    return parse(src.text, src.origin, src.encoding, tokenize=tokenize)


def iter_documents(path: str | Path, *, tokenize: bool = True,
                   on_error=None) -> Iterator[Document]:  # noqa: ANN001
    """Documents for a file, a folder or `-`; with `on_error`, a bad file is reported and skipped."""
    if str(path) == "-":
        yield parse_source(read_stdin(), tokenize=tokenize)
        return
    files = list_inputs(path)
    for f in files:
        try:
            yield parse_source(read_file(f), tokenize=tokenize)
        except QuizgenError as exc:
            if on_error is None or len(files) == 1:
                raise
            on_error(exc)
