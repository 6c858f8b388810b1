"""Where slide text breaks into lines: the one greedy wrap that both measures
(:func:`count_lines`) and sets (:func:`wrap`) a paragraph.

Words break at spaces.  A word wider than a whole line breaks only at its language's
hyphenation points (:mod:`workshopkit.plan.hyphenate`) or after a hyphen it already
has, and a line ending inside a word gets a printed hyphen (:attr:`Row.hyphen`; the
author's text is never changed).  A URL breaks only after ``/ . - _ ? & =`` and never
gets a hyphen.  Only what has no such point (a URL piece or a word wider than a whole
line even so) is cut between characters; the fitter picks sizes that avoid both
(:func:`widest`).  Widths are in ems of the line's size unless named ``_pt``.
"""
from __future__ import annotations

import re
from typing import Optional

from workshopkit.plan.hyphenate import points

_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")
_URL_BREAK = re.compile(r"[^/.\-_?&=]*(?:[/.\-_?&=]+|$)")
"""A URL's pieces, each ending after a character a URL may break after (/ . - _ ? & =)."""
_CORE = re.compile(r"(\W*)(.*?)(\W*)$", re.S)
HYPHEN = "-"
WIDTH_SAFETY = 0.95
"""Share of a text box's width the plan fills, leaving room for renderer differences."""


class Row(list):
    """One line as (text, style) pieces of the author's text; ``hyphen``: the line ends
    inside a word, and a hyphen is printed after it."""

    hyphen = False


def style_of(span, line) -> str:
    b, i = span.bold or line.bold, span.italic or line.italic
    return ("bold" if b else "") + ("italic" if i else "") or "regular"


def is_url(tok: str) -> bool:
    return "://" in tok or tok.startswith("www.")


def url_pieces(tok: str) -> list[str]:
    return [p for p in _URL_BREAK.findall(tok) if p]


def widest(line, m) -> tuple[float, float]:
    """(word, URL piece): the widest of each that ``line`` holds, in ems; what must fit
    a line for nothing to be hyphenated or cut."""
    cache = m.__dict__.setdefault("_widest", {})
    hit = cache.get(line)
    if hit is None:
        word = url = 0.0
        for span in line.spans:
            style = style_of(span, line)
            for tok in span.text.split():
                if is_url(tok):
                    url = max([url] + [m.width_em(p, style) for p in url_pieces(tok)])
                else:
                    word = max(word, m.width_em(tok, style))
        hit = cache[line] = (word, url)
    return hit


def _hyphenates(ch: str) -> bool:
    """Whether a word breaking at ``ch`` takes a hyphen: a letter of the Latin, Greek,
    Cyrillic or Armenian script."""
    return ch.isalpha() and (ord(ch) < 0x0590 or 0x1E00 <= ord(ch) < 0x2000)


def _word_breaks(tok: str, lang: str) -> list[tuple[int, bool]]:
    """(position, printed hyphen) where ``tok`` may end a line: after a hyphen it has,
    at its language's hyphenation points (with a hyphen), ascending."""
    out = {i + 1: False for i, ch in enumerate(tok[:-1]) if ch == "-" and tok[i + 1] != "-"}
    core = _CORE.match(tok)  # the letters, without quotes or punctuation around them
    for i in points(core.group(2), lang):
        out.setdefault(core.start(2) + i, True)
    return sorted(out.items())


def _pieces(tok: str, style: str, limit: float, x: float, m,
            lang: str) -> list[tuple[str, bool, bool]]:
    """A token wider than a whole line, cut into (piece, starts a new line, printed
    hyphen after it) from position ``x``: a URL between its pieces, a word at its break
    points, each line taking as much as fits; only what fits nowhere between characters."""
    out: list[tuple[str, bool, bool]] = []
    if is_url(tok):
        for part in url_pieces(tok):
            w = m.width_em(part, style)
            if x + w <= limit:
                out.append((part, False, False))
                x += w
            elif w <= limit:
                out.append((part, x > 0, False))
                x = w
            else:  # a URL piece wider than a line: cut as renderers do, never hyphenated
                for ch in part:
                    cw = m.width_em(ch, style)
                    brk = x + cw > limit and x > 0
                    x = (0.0 if brk else x) + cw
                    out.append((ch, brk, False))
        return out
    breaks, done, new = _word_breaks(tok, lang), 0, False
    mark = m.width_em(HYPHEN, style)
    while done < len(tok):
        rest = tok[done:]
        if x + _width_within(rest, style, limit - x, m) <= limit:
            out.append((rest, new, False))
            break
        cut: Optional[tuple[int, bool]] = None
        for i, hyphen in breaks:  # the longest head that fits
            if i <= done:
                continue
            head = x + m.width_em(tok[done:i], style)
            if head > limit:  # the heads only grow from here
                break
            if head + (mark if hyphen else 0) <= limit:
                cut = (i, hyphen)
        if cut is None and x > 0:  # not even the first syllable: on a line of its own
            x, new = 0.0, True
            continue
        if cut is None:  # no break point fits a whole line: cut where it is full, with
            i = done + 1  # a hyphen in a script that hyphenates (not in Chinese or Arabic)
            while i + 1 < len(tok) and m.width_em(tok[done:i + 1], style) + mark <= limit:
                i += 1
            cut = (i, i < len(tok) and _hyphenates(tok[i - 1]) and _hyphenates(tok[i]))
        out.append((tok[done:cut[0]], new, cut[1]))
        done, x, new = cut[0], 0.0, True
    return out


PROBE = 512
"""Characters of a long token measured first: wider than the line already, the rest of
the token is not measured (a 10,000-letter token is measured once per line otherwise)."""


def _width_within(text: str, style: str, room: float, m) -> float:
    """The width of ``text`` in ems, or of a head of it already wider than ``room``."""
    if len(text) > PROBE:
        head = m.width_em(text[:PROBE], style)
        if head > room:
            return head
    return m.width_em(text, style)


def _walk(line, size_pt: float, width_pt: float, m, safety: float, start_pt: float,
          rows: Optional[list[Row]]) -> int:
    limit = width_pt * safety / size_pt  # in ems
    n, x = 1, start_pt / size_pt
    for span in line.spans:
        style = style_of(span, line)
        for tok in _TOKEN.findall(span.text):
            if tok == "\n":
                n, x = n + 1, 0.0
                if rows is not None:
                    rows.append(Row())
                continue
            w = m.width_em(tok, style)
            if tok.isspace() or x + w <= limit:
                x += w
                if rows is not None:
                    rows[-1].append((tok, style))
                continue
            if x > 0:  # a word too long for the rest of the line starts the next one (a
                n, x = n + 1, 0.0  # word wider than a line too, as PowerPoint sets it)
                if rows is not None:
                    rows.append(Row())
            if w <= limit:
                x = w
                if rows is not None:
                    rows[-1].append((tok, style))
                continue
            for piece, new, hyphen in _pieces(tok, style, limit, x, m, line.lang):
                if new:
                    n, x = n + 1, 0.0
                    if rows is not None:
                        rows.append(Row())
                x += m.width_em(piece, style)
                if rows is not None:
                    rows[-1].append((piece, style))
                    rows[-1].hyphen = hyphen
    return n


def count_lines(line, size_pt: float, width_pt: float, m, safety: float = WIDTH_SAFETY,
                start_pt: float = 0.0) -> int:
    """Lines a paragraph takes when wrapped greedily at word boundaries (a word wider
    than the line at its hyphenation points, a URL after / . - _ ? & =).
    ``start_pt`` is where the first line starts (negative: a hanging lead)."""
    return _walk(line, size_pt, width_pt, m, safety, start_pt, None)


def wrap(line, size_pt: float, width_pt: float, m, safety: float = WIDTH_SAFETY,
         start_pt: float = 0.0) -> list[Row]:
    """The lines :func:`count_lines` counts, each a :class:`Row` of (text, style)
    pieces: the same breaks, for writers that set the text themselves (spaces at a
    break kept at the end of the line they follow; a printed hyphen is not a piece)."""
    rows = [Row()]
    _walk(line, size_pt, width_pt, m, safety, start_pt, rows)
    return rows
