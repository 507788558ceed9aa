"""The command line: parses options, calls the library, writes files. Nothing else lives here."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import QuizgenError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn Chinese news articles into quizzes, cloze cards, vocabulary, Anki decks and worksheets.",
                  pretty_exceptions_enable=False)

PathArg = Annotated[str, typer.Argument(help="A .txt/.md file, a folder of them, or - for stdin.")]


def _fail(exc: QuizgenError) -> None:
    typer.echo(f"quizgen: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _warn(msg: str) -> None:
    typer.echo(f"quizgen: skipped: {msg}", err=True)


def _progress_bar():  # noqa: ANN202 - a callback(done, total), or None when stderr is not a terminal
    """A progress bar on stderr for a folder of articles; silent when piped or for one file."""
    if not sys.stderr.isatty():
        return None
    state: dict = {}

    def update(done: int, total: int) -> None:
        if total < 2:
            return
        if "bar" not in state:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
            from rich.console import Console

            bar = Progress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=Console(stderr=True), transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("make", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def _stem(origin: str | None) -> str | None:
    if not origin or origin.startswith("<"):
        return None
    return Path(origin).stem


@app.command()
def inspect(path: PathArg,
            json_: Annotated[bool, typer.Option("--json", help="Print JSON instead of an outline.")] = False) -> None:
    """Show how quizgen reads a text: articles, headings, sentences."""
    import json

    from .pipeline import iter_documents
    from .render.inspect import document_dict, outline

    try:
        docs = list(iter_documents(path, on_error=_warn))
    except QuizgenError as exc:
        _fail(exc)
    if json_:
        arts = []
        for d in docs:
            for a in document_dict(d)["articles"]:
                arts.append(a)
        typer.echo(json.dumps({"articles": arts}, ensure_ascii=False, indent=1))
    else:
        typer.echo("\n\n".join(outline(d) for d in docs))


DEFAULT_VOCAB_LEVEL = 3  # quizgen's learners read at HSK 4 and up: HSK 1-3 words are known


def _vocab_level(level: str | None) -> int:
    """--level as given (0 keeps every word); without it, words of HSK 1-3 are left out."""
    from .extract.vocab import parse_level

    return DEFAULT_VOCAB_LEVEL if level is None else parse_level(level)


@app.command()
def make(path: Annotated[str, typer.Argument(help="A .txt/.md file, a folder of them, or - for stdin.")] = "seeds",
         deck: Annotated[Optional[str], typer.Option(help="Deck kind to write: anki.")] = None,
         format_: Annotated[str, typer.Option("--format", help="Comma-separated: anki, json, tsv (Anki text import), gift (Moodle).")] = "",
         out: Annotated[Path, typer.Option(help="Output folder.")] = Path("decks"),
         deck_name: Annotated[str, typer.Option(help="Parent deck name in Anki.")] = "quizgen",
         reverse: Annotated[bool, typer.Option("--reverse", help="Also a production card per word (meaning → 汉字).")] = False,
         max_cards: Annotated[int, typer.Option("--max-cards", min=0, help="At most N cards per article (0: no limit).")] = 0,
         no_questions: Annotated[bool, typer.Option("--no-questions", help="Leave out comprehension questions.")] = False,
         no_cloze: Annotated[bool, typer.Option("--no-cloze", help="Leave out cloze cards.")] = False,
         no_vocab: Annotated[bool, typer.Option("--no-vocab", help="Leave out vocabulary cards.")] = False,
         pinyin_below: Annotated[bool, typer.Option("--pinyin-below", help="Anki cards: pinyin under the hanzi, not over.")] = False,
         tone_colours: Annotated[bool, typer.Option("--tone-colours", help="Anki cards: colour pinyin and hanzi by tone.")] = False,
         level: Annotated[Optional[str], typer.Option("--level", help="The learner's HSK level (hsk4 or 4): vocabulary and worksheet pinyin skip words at or below it (default: vocabulary above HSK 3, worksheet pinyin above HSK 4; 0 keeps every word).")] = None,
         known: Annotated[Optional[Path], typer.Option("--known", help="Leave out the words in this file (one a line, or an Anki export).")] = None,
         userdict: Annotated[Optional[Path], typer.Option("--userdict", help="Extra jieba dictionary to fix a bad split: a word a line, optionally followed by a frequency and a POS tag.")] = None,
         worksheet: Annotated[Optional[str], typer.Option(help="Printable worksheet with answer key: pdf or html.")] = None,
         paper: Annotated[str, typer.Option(help="Worksheet paper size: a4 or letter.")] = "a4",
         pinyin: Annotated[str, typer.Option(help="Worksheet pinyin over the passage: new (words above --level), all or none.")] = "new",
         combine: Annotated[bool, typer.Option("--combine", help="One worksheet file for all articles, not one each.")] = False,
         jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes for a folder (0: all cores).")] = 0,
         quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
         ) -> None:
    """Make study material from articles (default: the bundled seeds/, an Anki deck into decks/)."""
    from .make import MakeRequest, run_make
    from .render.select import Selection
    from .quiz import Options

    formats = [f.strip() for f in format_.split(",") if f.strip()]
    if deck:
        formats.append(deck)
    if not formats and not worksheet:
        formats = ["anki"]
    for name, value, allowed in (("worksheet", worksheet, ("pdf", "html")), ("paper", paper, ("a4", "letter")),
                                 ("pinyin", pinyin, ("new", "all", "none"))):
        if value is not None and value not in allowed:
            typer.echo(f"quizgen: error: unknown --{name} {value!r}; use {' or '.join(allowed)}", err=True)
            raise typer.Exit(2)
    bad = [f for f in formats if f not in ("anki", "json", "tsv", "gift")]
    if bad:
        typer.echo(f"quizgen: error: unknown format {bad[0]!r}; use anki, json, tsv or gift", err=True)
        raise typer.Exit(2)
    try:
        from .extract.vocab import parse_level, read_known

        if userdict is not None:
            from .segment import add_user_dict

            add_user_dict(userdict)
        options = Options(level=_vocab_level(level), known=read_known(known) if known else frozenset())
        written = run_make(MakeRequest(path=path, out=out, formats=tuple(dict.fromkeys(formats)),
                                       deck_name=deck_name, options=options,
                                       selection=Selection(not no_questions, not no_cloze, not no_vocab,
                                                           max_cards, reverse),
                                       pinyin_below=pinyin_below, tone_colours=tone_colours,
                                       worksheet=worksheet, paper=paper, pinyin=pinyin, combine=combine,
                                       jobs=jobs, sheet_level=0 if level is not None else 4),
                             warn=_warn, progress=None if quiet else _progress_bar())
    except QuizgenError as exc:
        _fail(exc)
    if not quiet:
        for p in written:
            typer.echo(f"wrote {p}", err=True)


@app.command()
def vocab(path: PathArg,
          level: Annotated[Optional[str], typer.Option("--level", help="Leave out words at or below this HSK level: hsk4 (or 4). Default hsk3; 0 keeps every word.")] = None,
          known: Annotated[Optional[Path], typer.Option("--known", help="Leave out the words in this file: one a line, # comments.")] = None,
          json_: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
          userdict: Annotated[Optional[Path], typer.Option("--userdict", help="Extra jieba dictionary to fix a bad split: a word a line, optionally followed by a frequency and a POS tag.")] = None,
          top: Annotated[int, typer.Option("--top", min=1, help="How many words per article.")] = 30,
          ) -> None:
    """Key vocabulary of each article: word, pinyin, part of speech, gloss, HSK level, count."""
    import json

    from .extract.vocab import name_groups, parse_level, read_known
    from .pipeline import iter_documents
    from .quiz import Options, build_vocab_quiz
    from .render.vocab import print_tables, vocab_dict, vocab_json

    try:
        if userdict is not None:
            from .segment import add_user_dict

            add_user_dict(userdict)
        options = Options(level=_vocab_level(level), known=read_known(known) if known else frozenset(), max_vocab=top)
        found = []
        for doc in iter_documents(path, on_error=_warn):
            stem = _stem(doc.origin)
            for i, a in enumerate(doc.articles):
                found.append((build_vocab_quiz(a, i, stem, options), name_groups(a)))
    except QuizgenError as exc:
        _fail(exc)
    if json_:
        items = [vocab_dict(q, g["people"], g["places"]) for q, g in found]
        typer.echo(json.dumps(vocab_json(items), ensure_ascii=False, indent=1))
    else:
        print_tables(found)


@app.command()
def quiz(path: PathArg,
         answers: Annotated[bool, typer.Option("--answers/--no-answers",
                                               help="Show the answer and its evidence under each item.")] = True,
         json_: Annotated[bool, typer.Option("--json", help="Print the JSON quiz instead of text.")] = False,
         ) -> None:
    """Print each article's questions and cloze in the terminal, for a quick look before making a deck."""
    import json

    from .pipeline import iter_documents
    from .quiz import build_quiz
    from .render.jsonout import quiz_dict
    from .render.terminal import quiz_text

    try:
        for doc in iter_documents(path, on_error=_warn):
            for i, art in enumerate(doc.articles):
                q = build_quiz(art, i, _stem(doc.origin))
                typer.echo(json.dumps(quiz_dict(q), ensure_ascii=False, indent=1) if json_ else quiz_text(q, answers))
    except QuizgenError as exc:
        _fail(exc)


def main() -> None:  # pragma: no cover
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
