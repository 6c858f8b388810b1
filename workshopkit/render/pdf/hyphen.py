"""Line breaks inside words and URLs for reportlab paragraphs.

A word too wide for a whole line (a narrow table column, large print on a booklet
page) breaks only at its language's hyphenation points (Pyphen), with a printed
hyphen: each paragraph style carries the hyphenator of the language its text is in
(:func:`~workshopkit.plan.hyphenate.hyphenator`, :func:`in_language`); a word
that fits on a line is never hyphenated.  URLs break only after ``/ . - _ ? & =``
(:mod:`workshopkit.plan.breaks`): reportlab's own URL splitting, which breaks after
'/' alone and otherwise cuts a URL anywhere, is replaced by :func:`_url_pairs`.
"""
from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl_paragraph

from workshopkit.plan.breaks import looks_like_url, url_breaks
from workshopkit.plan.hyphenate import MIN_WORD, hyphenator

__all__ = ["MIN_WORD", "hyphenator", "in_language", "language_kw"]

_URL_CHARS = "/.-_?&="
_DOTTED = re.compile(r"\w\.\w")  # a host name or a dotted path, not a sentence's end

MAX_HYPHENATED = 64
"""A word longer than this (no word of any language is: a key, a hash, a run of letters)
and not a URL is cut where the line is full without asking Pyphen, whose patterns would
run over the rest of the word again for every line it fills."""

_styles: dict[tuple[int, str], ParagraphStyle] = {}


def in_language(style: ParagraphStyle, lang: str) -> ParagraphStyle:
    """``style`` hyphenating in ``lang`` (the same style when it already does)."""
    if getattr(style, "_wk_lang", None) == lang:
        return style
    key = (id(style), lang)
    got = _styles.get(key)
    if got is None or got.parent is not style:
        got = ParagraphStyle(f"{style.name}-{lang}", parent=style,
                             hyphenationLang=hyphenator(lang) or "")
        got._wk_lang = lang
        _styles[key] = got
    return got


def language_kw(lang: str) -> dict:
    """The ParagraphStyle keywords that make a style hyphenate in ``lang``."""
    return {"hyphenationLang": hyphenator(lang) or "", "embeddedHyphenation": 1,
            "uriWasteReduce": 0, "hyphenationMinWordLength": MIN_WORD}


MAX_URL_LIKE = 2000
"""A URL-like word longer than this (a URL is at most 1,200 bytes) is cut as a word."""


def _is_url_like(s: str) -> bool:
    return len(s) <= MAX_URL_LIKE and (looks_like_url(s) or any(c in s for c in "/_?&=")
                                       or bool(_DOTTED.search(s)))


def _url_pairs(word):
    """Where a URL, or the rest of one already broken, may end a line: (head, tail)
    pairs, longest head first; None for a word that is not a URL."""
    s = str(word)
    if not _is_url_like(s):
        return None
    first, second = url_breaks(s) if looks_like_url(s) else _tail_breaks(s)
    out = []
    for i in sorted(set(first) | set(second), reverse=True):
        if 0 < i < len(s):
            out.append((s[:i], s[i:]))
    return out


def _tail_breaks(s: str) -> tuple[list[int], list[int]]:
    return [i for i in range(1, len(s)) if s[i - 1] in _URL_CHARS and s[i] not in _URL_CHARS], []


_gen_pair = _rl_paragraph._hyGenPair
_gen_frags_pair = _rl_paragraph._hyGenFragsPair


def _word_pair(hyphenator, s, ww, newWidth, maxWidth, *rest):
    """reportlab's split of a plain word, tried only for a word wider than a whole
    line: a word that fits on a line moves to the next line whole (prose keeps its
    words; only what would otherwise be cut anywhere is hyphenated)."""
    if ww <= maxWidth:
        return None
    word = str(s)
    got = _gen_pair(hyphenator, s, ww, newWidth, maxWidth, *rest) \
        if len(word) <= MAX_HYPHENATED or _is_url_like(word) else None
    if got is not None:
        return got
    if newWidth - ww > 1e-6:  # not at the start of a line: try the word on a line of its own
        return "", 0, 0, ww, "", word
    return _last_resort(word, maxWidth, *rest[:2])


def _last_resort(word: str, maxWidth: float, fontName: str, fontSize: float):
    """A word with no break point that fits a line: cut where the line is full, with
    a hyphen (a URL without one: a hyphen would change it)."""
    url = _url_pairs(word) is not None
    mark = "" if url else "-"
    room = maxWidth - stringWidth(mark, fontName, fontSize)
    cut = _fits(word, room, fontName, fontSize)
    if cut >= len(word) - 1:
        return None
    hw = stringWidth(word[:cut], fontName, fontSize)
    ww = stringWidth(word, fontName, fontSize)
    return mark, stringWidth(mark, fontName, fontSize), hw, ww - hw, word[:cut], word[cut:]


def _fits(word: str, room: float, fontName: str, fontSize: float) -> int:
    """The longest head of ``word``, at least 1 and at most all but its last character,
    no wider than ``room`` (widths grow with the head: found by doubling, then halving,
    in time proportional to the head, not to the word)."""
    last = len(word) - 1
    fits = lambda k: stringWidth(word[:k], fontName, fontSize) <= room  # noqa: E731
    lo, step = 1, 1
    while lo + step <= last and fits(lo + step):
        lo, step = lo + step, step * 2
    hi = min(lo + step, last + 1)  # word[:hi] is too wide, or past the last cut
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    return lo


def _frags_pair(hyphenator, FW, newWidth, maxWidth, *rest):
    if FW[0] <= maxWidth:
        return None
    return _gen_frags_pair(hyphenator, FW, newWidth, maxWidth, *rest)


_rl_paragraph._uri_split_pairs = _url_pairs
_rl_paragraph._hyGenPair = _word_pair
_rl_paragraph._hyGenFragsPair = _frags_pair
