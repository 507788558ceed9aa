"""Split a paragraph into sentences, keeping closing quotes and brackets with their sentence."""
from __future__ import annotations

import re

OPENERS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】", "‘": "’"}
CLOSING = set(OPENERS.values())
END = "。！？!?"
MIN_CLAUSE = 15  # a `；` splits only between two clauses at least this long
MAX_QUOTE = 200  # an unclosed quote from a broken PDF stops protecting after this many characters
# `“……。”屈颖表示。`: the speaker's tail after a closed quote belongs to the quote's sentence
_SPEAKER_TAIL = re.compile(r"^[\u4e00-\u9fff·]{1,12}?(?:说|說|表示|补充说|補充說|指出|称|稱|告诉记者|告訴記者|介绍|介紹|"
                           r"认为|認為|强调|強調|坦言|直言|透露)[。！]?$")


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in `text`, covering all of it but surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    ascii_quote = False

    def cut(at: int) -> None:
        nonlocal start
        if text[start:at].strip():
            spans.append((start, at))
        start = at

    while i < n:
        ch = text[i]
        if stack and i - stack[-1][1] > MAX_QUOTE:
            stack.clear()
        if ch in OPENERS:
            stack.append((OPENERS[ch], i))
        elif ch in CLOSING:
            if stack and stack[-1][0] == ch:
                stack.pop()
            elif any(c == ch for c, _ in stack):
                while stack and stack.pop()[0] != ch:
                    pass
        elif ch == '"':
            ascii_quote = not ascii_quote
        is_end = ch in END or (ch == "…" and i + 1 < n and text[i + 1] == "…")
        if is_end:
            j = i + 1
            while j < n and (text[j] in END or text[j] == "…"):
                j += 1
            depth = len(stack)
            while j < n and (text[j] in CLOSING or text[j] == '"'):
                if text[j] == '"':
                    ascii_quote = not ascii_quote
                elif stack and stack[-1][0] == text[j]:
                    stack.pop()
                j += 1
            depth = len(stack) + (1 if ascii_quote else 0)
            ellipsis_only = ch == "…" and all(c == "…" for c in text[i:j])
            if depth == 0:
                if ellipsis_only:
                    # `……` ends a sentence only before a new clause, not before more punctuation.
                    if j < n and text[j] not in "，,、；：。！？" and j - start >= 8:
                        cut(j)
                else:
                    cut(j)
            i = j
            continue
        if ch == "；" and not stack and not ascii_quote:
            rest = text[i + 1:]
            if i + 1 - start >= MIN_CLAUSE and len(rest.strip()) >= MIN_CLAUSE:
                cut(i + 1)
        i += 1
    cut(n)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            if out and text[out[-1][1] - 1] in "”」』" and _SPEAKER_TAIL.match(text[s:e]):
                out[-1] = (out[-1][0], e)
                continue
            out.append((s, e))
    return out
