"""The `inspect` view of a Document: JSON (a contract other tools rely on) or a readable outline."""
from __future__ import annotations

from typing import Any

from ..ident import article_id, display_title
from ..model import Article, Document


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": article_id(a),
        "title": a.title,
        "display_title": display_title(a),
        "source": a.source,
        "reporter": a.reporter,
        "dateline": a.dateline,
        "byline": a.byline,
        "script": a.script,
        "origin": a.origin,
        "headings": [p.text for p in a.headings],
        "paragraphs": [
            {"heading": True, "text": p.text} if p.is_heading else
            {"heading": False, "sentences": [s.text for s in p.sentences]}
            for p in a.paragraphs
        ],
        "sentences": [s.text for s in a.sentences],
        "offsets": [[s.start, s.end] for s in a.sentences],
        "tokens": [[f"{t.text}/{t.pos}" for t in s.tokens] for s in a.sentences],
        **_level(a),
    }


def _level(a: Article) -> dict[str, Any]:
    """Estimated HSK band and the share of running words per band (needs tokens)."""
    if not any(s.tokens for s in a.sentences):
        return {"level": None, "level_profile": None}
    from ..extract.level import estimate_level, level_profile

    return {"level": estimate_level(a), "level_profile": {k: round(v, 3) for k, v in level_profile(a).items()}}


def _level_line(a: Article) -> str | None:
    lv = _level(a)
    if lv["level"] is None:
        return None
    prof = "  ".join(f"{k} {v:.0%}" for k, v in lv["level_profile"].items())
    return f"    level: HSK {lv['level']}  (running words per band: {prof})"


def document_dict(doc: Document) -> dict[str, Any]:
    return {"origin": doc.origin, "encoding": doc.encoding, "dropped": list(doc.dropped),
            "articles": [article_dict(a) for a in doc.articles]}


def outline(doc: Document) -> str:
    lines = [f"{doc.origin or '<input>'}  ({doc.encoding or 'text'}, {len(doc.articles)} article(s))"]
    for i, a in enumerate(doc.articles, 1):
        meta = ", ".join(x for x in (a.source and f"source {a.source}", a.reporter and f"reporter {a.reporter}",
                                     a.script != "simplified" and a.script) if x)
        lines.append(f"\n[{i}] {display_title(a)}" + (f"  ({meta})" if meta else ""))
        if (lvl := _level_line(a)) is not None:
            lines.append(lvl)
        n = 0
        for p in a.paragraphs:
            if p.is_heading:
                lines.append(f"    ## {p.text}")
                continue
            for s in p.sentences:
                n += 1
                lines.append(f"    {n:>3}. {s.text}")
    if doc.dropped:
        lines.append("\nLeft out (captions, credits):")
        lines += [f"    - {t}" for t in doc.dropped]
    return "\n".join(lines)
