"""`quizgen vocab` output: a readable table per article, or JSON. Renderers only format a Quiz."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Quiz

CEDICT_NOTICE = "Glosses from CC-CEDICT (https://cc-cedict.org), licensed CC BY-SA 4.0."


def vocab_dict(q: Quiz, people: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": q.article_id,
        "title": q.title,
        "level": q.level,
        "level_profile": {k: round(v, 3) for k, v in q.level_profile},
        "names": {"people": list(people), "places": list(places)},
        "vocab": [asdict(v) for v in q.vocab],
    }


def vocab_json(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"articles": items, "licence": CEDICT_NOTICE}


def print_tables(quizzes: list[tuple[Quiz, dict[str, tuple[str, ...]]]], console: Any = None) -> None:
    """One rich table per article: word, pinyin, POS, gloss, HSK, count; names and the level above it."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    for q, names in quizzes:
        prof = "  ".join(f"{k} {v:.0%}" for k, v in q.level_profile)
        console.print(f"[bold]{q.title}[/bold]")
        console.print(f"Level: HSK {q.level}   (running words per band: {prof})")
        for label, key in (("People", "people"), ("Places", "places")):
            if names.get(key):
                console.print(f"{label}: {'、'.join(names[key])}")
        table = Table(show_lines=False, header_style="bold")
        for col, kw in (("#", {"justify": "right"}), ("Word", {}), ("Pinyin", {}), ("POS", {}),
                        ("Gloss", {"overflow": "fold", "ratio": 1}), ("HSK", {}), ("Count", {"justify": "right"})):
            table.add_column(col, **kw)
        for i, v in enumerate(q.vocab, 1):
            g = escape(v.gloss) + (" [dim](from parts)[/dim]" if v.from_parts else "")
            table.add_row(str(i), v.word, v.pinyin, v.pos, g, v.hsk, str(v.count))
        console.print(table)
        console.print(f"[dim]{CEDICT_NOTICE}[/dim]\n")
