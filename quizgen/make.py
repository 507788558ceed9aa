"""`quizgen make`: documents → quizzes → files, with no half-written output on failure."""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, QuizgenError
from .ingest import list_inputs, read_file, read_stdin
from .output import ensure_dir, write_text
from .pipeline import parse_source
from .quiz import Options, build_quiz
from .render.select import Selection, select


@dataclass(frozen=True)
class MakeRequest:
    path: str
    out: Path
    formats: tuple[str, ...] = ("anki",)
    deck_name: str = "quizgen"
    options: Options = Options()
    selection: Selection = Selection()  # which kinds of item, and how many cards
    pinyin_below: bool = False  # Anki cards: pinyin under the hanzi
    tone_colours: bool = False  # Anki cards: colour syllables by tone
    worksheet: str | None = None  # "pdf" | "html": a printable worksheet per article
    paper: str = "a4"  # worksheet paper: "a4" | "letter"
    pinyin: str = "new"  # worksheet pinyin: "new" (above the level) | "all" | "none"
    combine: bool = False  # one worksheet file for the whole run
    jobs: int = 0  # worker processes for a folder (0: all cores)
    sheet_level: int = 0  # worksheet pinyin above this HSK level (0: the vocabulary's level, else DEFAULT_LEVEL)


@dataclass(frozen=True)
class FileResult:
    """What one input file gave: the files written, its quizzes (kept only for --combine), or an error."""

    origin: str
    written: tuple[Path, ...] = ()
    quizzes: tuple = ()
    error: str | None = None
    articles: int = 0


def _stem(origin: str | None) -> str:
    return Path(origin).stem if origin and not origin.startswith("<") else "stdin"


def _render(req: MakeRequest, doc, sheets) -> FileResult:  # noqa: ANN001
    """Every per-file output for one document: the pure quiz function, then the writers."""
    stem = _stem(doc.origin)
    quizzes = [select(build_quiz(a, i, stem, req.options), req.selection) for i, a in enumerate(doc.articles)]
    written: list[Path] = []
    if "json" in req.formats:
        from .render.jsonout import quiz_dict

        for q in quizzes:
            written.append(write_text(req.out / f"{q.slug}.json",
                                      json.dumps(quiz_dict(q), ensure_ascii=False, indent=1) + "\n"))
    if "anki" in req.formats:
        from .render.anki import write_apkg

        written.append(write_apkg(quizzes, req.out / f"{stem}.apkg", req.deck_name, req.selection.reverse,
                                  req.pinyin_below, req.tone_colours))
    if "tsv" in req.formats:
        from .render.tsv import tsv_text

        written.append(write_text(req.out / f"{stem}.tsv", tsv_text(quizzes, req.deck_name, req.selection.reverse)))
    if "gift" in req.formats:
        from .render.gift import gift_text

        written.append(write_text(req.out / f"{stem}.gift.txt", gift_text(quizzes)))
    if sheets and not req.combine:
        written.extend(sheets([q], q.slug) for q in quizzes)
    return FileResult(doc.origin or stem, tuple(written), tuple(quizzes) if (sheets and req.combine) else (),
                      articles=len(quizzes))


_WORKER: dict = {}


def _work(path: Path) -> FileResult:
    """One file in a worker process (or in this one): read, quiz, write. Errors come back as text."""
    req, sheets = _WORKER["req"], _WORKER["sheets"]
    try:
        return _render(req, parse_source(read_file(path)), sheets)
    except QuizgenError as exc:
        return FileResult(str(path), error=str(exc))
    except Exception as exc:  # a bug on one article must not lose the others' output
        return FileResult(str(path), error=f"{path}: internal error ({type(exc).__name__}: {exc}); "
                                           "please report it with the file")


def _warm() -> None:
    """Load the dictionaries once in the parent, so forked workers share them instead of loading each."""
    from . import lexicon, segment

    segment.tokens("预热词典")
    lexicon.pinyin("预热")
    lexicon.entries("预热")
    lexicon.hsk_level("预热")


def run_make(req: MakeRequest, warn: Callable[[str], None] | None = None,
             progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write the requested formats for every article under `req.path`; returns the files written.

    A folder is a map of one pure function over its files, on `req.jobs` worker processes.
    """
    ensure_dir(req.out)
    sheets = _worksheet_writer(req)
    _WORKER.update(req=req, sheets=sheets)
    written: list[Path] = []
    combined: list = []
    if str(req.path) == "-":
        results = iter([_render(req, parse_source(read_stdin()), sheets)])
        total = 1
    else:
        files = list_inputs(req.path)
        total = len(files)
        if total == 1:
            src = read_file(files[0])  # a single bad file is the run's error, not a skipped one
            results = iter([_render(req, parse_source(src), sheets)])
        else:
            results = _map(files, req.jobs)
    done = ok = 0
    for res in results:
        done += 1
        if res.error:
            if warn:
                warn(res.error)
        else:
            ok += 1
            written.extend(res.written)
            combined.extend(res.quizzes)
        if progress:
            progress(done, total)
    if not ok:
        raise InputError(f"{req.path}: none of the {total} files could be read; see the messages above")
    if sheets and combined:
        name = Path(req.path).stem if req.path != "-" else "stdin"
        written.append(sheets(combined, f"{name}-worksheets" if name else "worksheets"))
    return written


def _map(files: list[Path], jobs: int) -> Iterator[FileResult]:
    """Results in input order, from `jobs` processes forked after the dictionaries are loaded."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    if jobs == 1:
        yield from (_work(f) for f in files)
        return
    import multiprocessing as mp

    _warm()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(_work, files, chunksize=1)


def _worksheet_writer(req: MakeRequest) -> Callable[[list, str], Path] | None:
    """`write(quizzes, name)` for `--worksheet`, its options checked before any article is read."""
    if not req.worksheet:
        return None
    from .render.worksheet import DEFAULT_LEVEL, WorksheetOptions, check_options, write_worksheet

    opts = WorksheetOptions(paper=req.paper, pinyin=req.pinyin, level=req.sheet_level or req.options.level or DEFAULT_LEVEL)
    check_options(opts)
    kind = req.worksheet
    return lambda quizzes, name: write_worksheet(quizzes, req.out / f"{name}.{kind}", kind, opts)
