"""Which of a quiz's items go out: `--no-vocab/--no-cloze/--no-questions` and `--max-cards N`.

Applied once in `make`, before any renderer, so the deck, the JSON, the TSV and the GIFT file hold the
same items. Items arrive best first; a card budget is shared out in turns (a question, a cloze, a word,
…) so a small budget still gives a bit of each kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Cloze, Quiz

KINDS = ("questions", "cloze", "vocab")


@dataclass(frozen=True)
class Selection:
    questions: bool = True
    cloze: bool = True
    vocab: bool = True
    max_cards: int = 0  # 0: no limit; counted as Anki cards, per article
    reverse: bool = False  # vocab notes make two cards (recognition and production)


def cloze_cards(c: Cloze) -> int:
    """Anki makes one card per distinct cloze number in the text."""
    return max(1, len(set(re.findall(r"\{\{c(\d+)::", c.text))))


def select(quiz: Quiz, sel: Selection) -> Quiz:
    """The quiz with only the chosen kinds, cut to the card budget."""
    pools = {k: list(getattr(quiz, k)) if getattr(sel, k) else [] for k in KINDS}
    if sel.max_cards <= 0:
        return replace(quiz, **{k: tuple(v) for k, v in pools.items()})
    cost = {"questions": lambda _: 1, "cloze": cloze_cards, "vocab": lambda _: 2 if sel.reverse else 1}
    kept: dict[str, list] = {k: [] for k in KINDS}
    budget = sel.max_cards
    while budget > 0 and any(pools.values()):
        for k in KINDS:
            if pools[k] and budget > 0:
                item = pools[k].pop(0)
                if cost[k](item) <= budget:
                    kept[k].append(item)
                    budget -= cost[k](item)
                else:
                    pools[k] = []  # the next of this kind would not fit either, in general
    return replace(quiz, **{k: tuple(v) for k, v in kept.items()})
