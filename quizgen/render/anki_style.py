"""Card templates and CSS for the three quizgen note types.

One stylesheet for phone and desktop, light and night mode (Anki puts `.nightMode` on the card), a CJK
font stack that finds a good Chinese face on Windows, macOS, Linux, Android and iOS, and `<ruby>` pinyin
over (or under) the hanzi. Tone colours are off unless asked for; the syllables always carry t1–t5
classes, so a user can also switch them on later in Anki's Styling editor.
"""
from __future__ import annotations

FONTS = ('"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
         '"Microsoft YaHei", "WenQuanYi Micro Hei", "Heiti SC", sans-serif')

CSS = """\
/* quizgen cards. Pinyin below the hanzi: ruby { ruby-position: under; } */
.card { font-family: %(fonts)s; font-size: 20px; line-height: 1.6; color: #1f2328; background: #fbfaf6;
  text-align: center; padding: 12px 16px; }
.wrap { max-width: 36em; margin: 0 auto; }
.kind { font-size: .7em; color: #8a8f98; letter-spacing: .1em; margin-bottom: .6em; }
.word { font-size: 2.6em; line-height: 1.9; margin: .2em 0; }
.word rt { font-size: .34em; }
ruby { ruby-position: %(ruby)s; }
rt { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #57606a; }
.pinyin { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 1.1em;
  color: #57606a; }
.gloss { font-size: 1.15em; margin: .5em auto; max-width: 30em; }
.sentence, .stem, .evidence { text-align: left; font-size: 1.05em; line-height: 1.8; margin: .8em auto;
  max-width: 32em; }
.spy { text-align: left; font-size: .8em; color: #6e7781; margin: -.4em auto .8em; max-width: 40em; }
.hl { color: #b3261e; font-weight: 600; }
mark { background: #fff1a8; color: inherit; padding: 0 .1em; border-radius: 3px; }
.hint { font-size: .85em; color: #6e7781; margin-top: .6em; }
.cloze { color: #0b57d0; font-weight: 600; }
.meta { font-size: .7em; color: #8a8f98; margin-top: 1.2em; }
.tag { display: inline-block; border: 1px solid #d0d7de; border-radius: 1em; padding: 0 .6em; margin: 0 .2em; }
hr#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em 0; }
ol.opts { list-style: none; padding: 0; margin: .8em auto; max-width: 32em; text-align: left; }
ol.opts li { border: 1px solid #d0d7de; border-radius: 8px; padding: .45em .7em; margin: .4em 0; }
ol.opts .l { display: inline-block; width: 1.6em; font-weight: 600; color: #57606a; }
.key-A li.A, .key-B li.B, .key-C li.C, .key-D li.D { border-color: #1a7f37; background: #dafbe1; }
.key-A li.A .l, .key-B li.B .l, .key-C li.C .l, .key-D li.D .l { color: #1a7f37; }
.answer { font-size: 1.1em; margin: .6em 0; color: #1a7f37; font-weight: 600; }
%(tones)s
.nightMode.card, .nightMode .card, .card.night_mode { color: #e6edf3; background: #1c1f24; }
.nightMode rt, .nightMode .pinyin { color: #a8b3bf; }
.nightMode .spy, .nightMode .hint, .nightMode .meta, .nightMode .kind { color: #8b949e; }
.nightMode .hl { color: #ff8a80; }
.nightMode mark { background: #5a4a00; }
.nightMode .cloze { color: #8ab4f8; }
.nightMode ol.opts li { border-color: #3d444d; }
.nightMode .key-A li.A, .nightMode .key-B li.B, .nightMode .key-C li.C, .nightMode .key-D li.D {
  border-color: #3fb950; background: #12361f; }
.nightMode .answer, .nightMode .key-A li.A .l, .nightMode .key-B li.B .l, .nightMode .key-C li.C .l,
.nightMode .key-D li.D .l { color: #56d364; }
@media (max-width: 480px) {
  .card { font-size: 18px; padding: 8px 10px; }
  .word { font-size: 2.2em; }
  .sentence, .stem, .evidence { font-size: 1em; }
}
"""

TONE_CSS = """\
.t1, .t1 rt { color: #d32f2f; } .t2, .t2 rt { color: #ef8f00; } .t3, .t3 rt { color: #2e7d32; }
.t4, .t4 rt { color: #1565c0; } .t5, .t5 rt { color: #757575; }
.nightMode .t1, .nightMode .t1 rt { color: #ff7b72; } .nightMode .t2, .nightMode .t2 rt { color: #ffb74d; }
.nightMode .t3, .nightMode .t3 rt { color: #7ee787; } .nightMode .t4, .nightMode .t4 rt { color: #79c0ff; }
.nightMode .t5, .nightMode .t5 rt { color: #b0b0b0; }"""


def css(pinyin_below: bool = False, tone_colours: bool = False) -> str:
    return CSS % {"fonts": FONTS, "ruby": "under" if pinyin_below else "over",
                  "tones": TONE_CSS if tone_colours else "/* tone colours: run quizgen with --tone-colours */"}


_META = '<div class="meta">{{#HSK}}<span class="tag">HSK {{HSK}}</span>{{/HSK}}<span>{{Source}}</span></div>'

VOCAB_FIELDS = ("Word", "Pinyin", "Gloss", "HSK", "Sentence", "SentencePinyin", "Source", "Ruby", "Reverse")
# `Reverse` non-empty makes the production card too (like Anki's "Basic (optional reversed card)").
VOCAB_RECOGNITION = {
    "name": "Recognition (汉字 → meaning)",
    "qfmt": '<div class="wrap" lang="zh-CN"><div class="kind">词语</div><div class="word">{{Word}}</div></div>',
    "afmt": ('<div class="wrap" lang="zh-CN"><div class="kind">词语</div><div class="word">{{Ruby}}</div>'
             '<hr id="answer"><div class="gloss">{{Gloss}}</div>'
             '<div class="sentence">{{Sentence}}</div><div class="spy">{{SentencePinyin}}</div>' + _META + '</div>'),
}
VOCAB_PRODUCTION = {
    "name": "Production (meaning → 汉字)",
    "qfmt": ('{{#Reverse}}<div class="wrap" lang="zh-CN"><div class="kind">写出汉字</div>'
             '<div class="gloss">{{Gloss}}</div></div>{{/Reverse}}'),
    "afmt": ('<div class="wrap" lang="zh-CN"><div class="kind">写出汉字</div><div class="gloss">{{Gloss}}</div>'
             '<hr id="answer"><div class="word">{{Ruby}}</div>'
             '<div class="sentence">{{Sentence}}</div><div class="spy">{{SentencePinyin}}</div>' + _META + '</div>'),
}

CLOZE_FIELDS = ("Text", "Hint", "Sentence", "Answer", "Source")
CLOZE_TEMPLATE = {
    "name": "Cloze",
    "qfmt": ('<div class="wrap" lang="zh-CN"><div class="kind">填空</div><div class="sentence">{{cloze:Text}}</div>'
             '{{#Hint}}<div class="hint">提示：{{Hint}}</div>{{/Hint}}</div>'),
    "afmt": ('<div class="wrap" lang="zh-CN"><div class="kind">填空</div><div class="sentence">{{cloze:Text}}</div>'
             '<hr id="answer"><div class="meta">{{Source}}</div></div>'),  # the filled-in cloze is the whole sentence
}

QUESTION_FIELDS = ("Stem", "A", "B", "C", "D", "Answer", "Key", "Evidence", "Skill", "Source")
_OPTS = "".join(f'{{{{#{k}}}}}<li class="{k}"><span class="l">{k}</span>{{{{{k}}}}}</li>{{{{/{k}}}}}' for k in "ABCD")
QUESTION_TEMPLATE = {
    "name": "Question",
    "qfmt": ('<div class="wrap" lang="zh-CN"><div class="kind">阅读理解</div><div class="stem">{{Stem}}</div>'
             f'<ol class="opts">{_OPTS}</ol></div>'),
    "afmt": ('<div class="wrap" lang="zh-CN"><div class="kind">阅读理解</div><div class="stem">{{Stem}}</div>'
             f'<ol class="opts key-{{{{Key}}}}">{_OPTS}</ol><hr id="answer">'
             '<div class="answer">答案：{{#Key}}{{Key}}. {{/Key}}{{Answer}}</div>'
             '<div class="evidence">{{Evidence}}</div><div class="meta">{{Source}}</div></div>'),
}
