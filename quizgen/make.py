"""`quizgen make`: documents → quizzes → files, with no half-written output on failure."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .output import ensure_dir, write_text
from .pipeline import iter_documents
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


def run_make(req: MakeRequest, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Write the requested formats for every article under `req.path`; returns the files written."""
    ensure_dir(req.out)
    written: list[Path] = []
    sheets = _worksheet_writer(req)
    combined: list = []
    for doc in iter_documents(req.path, on_error=(lambda e: warn(str(e))) if warn else None):
        stem = Path(doc.origin).stem if doc.origin and not doc.origin.startswith("<") else "stdin"
        quizzes = [select(build_quiz(a, i, stem, req.options), req.selection) for i, a in enumerate(doc.articles)]
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
        if sheets and req.combine:
            combined.extend(quizzes)
        elif sheets:
            written.extend(sheets([q], q.slug) for q in quizzes)
    if sheets and combined:
        name = Path(req.path).stem if req.path != "-" else "stdin"
        written.append(sheets(combined, f"{name}-worksheets" if name else "worksheets"))
    return written


def _worksheet_writer(req: MakeRequest) -> Callable[[list, str], Path] | None:
    """`write(quizzes, name)` for `--worksheet`, its options checked before any article is read."""
    if not req.worksheet:
        return None
    from .render.worksheet import DEFAULT_LEVEL, WorksheetOptions, check_options, write_worksheet

    opts = WorksheetOptions(paper=req.paper, pinyin=req.pinyin, level=req.options.level or DEFAULT_LEVEL)
    check_options(opts)
    kind = req.worksheet
    return lambda quizzes, name: write_worksheet(quizzes, req.out / f"{name}.{kind}", kind, opts)
