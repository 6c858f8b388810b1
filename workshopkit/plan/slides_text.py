"""Text on slides as pure data: styled paragraphs, measured with the deck's font.

python-pptx has no text layout, so the plan measures every paragraph with the
metrics of the TTF the deck names (DejaVu Sans unless a theme gives another
file), wraps it into lines, and fixes the line pitch in the deck itself
(exact line spacing), so a measured height is the height a renderer draws.
Lengths are EMU (914400 per inch, 12700 per point) unless named ``_pt``.
"""
from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass

from workshopkit.model.settings import FontSet
from workshopkit.plan.markup import parse

EMU_PER_PT = 12700
EMU_PER_INCH = 914400
LINE = 1.2
"""Line pitch as a multiple of the font size, written as exact spacing."""
WIDTH_SAFETY = 0.95
"""Share of a text box's width the plan fills, leaving room for renderer differences."""
CELL_SLACK_PT = 1.0
"""Table cells are measured exactly (their margins are declared in the XML); this
much of each cell's inner width is kept free for renderer differences."""
INSET_X = 91440   # 0.1 in, left and right
INSET_Y = 45720   # 0.05 in, top and bottom
BULLET_INDENT = 0.9  # hanging indent of a bullet, in ems of the body size
SECOND = 0.65
"""Size of the second language's line, relative to the first ..."""
SECOND_MIN_PT = 18
"""... and never below this (nor above the first language's own size): the legibility
floor of :data:`workshopkit.plan.slides_fit.MIN_PT`."""


def inches(x: float) -> int:
    return round(x * EMU_PER_INCH)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Line:
    """One paragraph to be: spans in one language, with a style; sized later."""

    spans: tuple[Span, ...]
    lang: str
    scale: float = 1.0        # of the box's font size (SECOND for the second language)
    role: str = "text"        # colour role: title | text | muted | accent
    bullet: bool = False
    level: int = 0            # extra indent steps
    align: str = "l"          # l | ctr | r
    italic: bool = False
    bold: bool = False
    space_before: float = 0.3  # in ems of the size
    secondary: bool = False   # the second language's line under the first
    under_bullet: bool = False  # indented like the bullet text above it
    hang: str = ""            # a lead (agenda times) the other lines are indented past:
                              # a first-language line starts with it, hanging to the left;
                              # a second-language line is indented by its width


@dataclass
class Para:
    """A Line at a font size, with its measured line count."""

    line: Line
    size_pt: float
    lines: int
    indent: int  # EMU from the box's inner left edge to the text
    first: bool = False  # the first paragraph of its box: no space before
    hang: int = 0  # EMU the first line starts left of ``indent`` (a hanging lead)
    wrap_pt: float = 0.0  # the width it was wrapped to (``count_lines``'s width) ...
    start_pt: float = 0.0  # ... where its first line started ...
    safety: float = WIDTH_SAFETY  # ... and the share of the width filled

    @property
    def before_pt(self) -> float:
        return 0.0 if self.first else self.line.space_before * self.size_pt

    @property
    def height_pt(self) -> float:
        return self.before_pt + self.lines * self.size_pt * LINE


Item = list[Line]
"""Lines kept together on one slide (a bullet and its translation)."""


def spans(s: str, *, bold: bool = False, italic: bool = False) -> tuple[Span, ...]:
    """Markup to spans (``**bold**``, ``*italic*``); asterisks never printed."""
    return tuple(Span(r.text, r.bold or bold, r.italic or italic) for r in parse(s) if r.text)


class Metrics:
    """Text widths in points from TrueType faces (regular, bold, italic, bolditalic)."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self._fonts: dict[str, object] = {}
        self._cache: dict[tuple[str, str], float] = {}
        self._fake_bold = fonts.fake_bold

    def _font(self, style: str):
        if style not in self._fonts:
            from PIL import ImageFont
            self._fonts[style] = ImageFont.truetype(io.BytesIO(self.fonts.face(style)), 1000,
                                                    layout_engine=ImageFont.Layout.BASIC)
        return self._fonts[style]

    def width_em(self, text: str, style: str) -> float:
        """Width in ems (multiply by the size in points)."""
        key = (text, style)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._font(style).getlength(text) / 1000.0
            if self._fake_bold and style.startswith("bold"):
                hit *= 1.1
            self._cache[key] = hit
        return hit


@functools.lru_cache(maxsize=8)
def metrics_for(fonts: FontSet) -> Metrics:
    """One Metrics per font set and process: measurements are cached in it."""
    return Metrics(fonts)


def style_of(span: Span, line: Line) -> str:
    b, i = span.bold or line.bold, span.italic or line.italic
    return ("bold" if b else "") + ("italic" if i else "") or "regular"


_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")
_URL_BREAK = re.compile(r"[^/.\-_?&=]*(?:[/.\-_?&=]+|$)")
"""A URL's pieces, each ending after a character a URL may break after (/ . - _ ? & =)."""


def is_url(tok: str) -> bool:
    return "://" in tok or tok.startswith("www.")


def _pieces(tok: str, style: str, limit: float, x: float, m: Metrics) -> list[tuple[str, bool]]:
    """A token wider than the line, cut into (piece, starts a new line) from position ``x``:
    a URL between its pieces (after / . - _ ? & =), anything else (and a URL piece longer
    than a line) between characters, as renderers do."""
    if is_url(tok):
        parts = [p for p in _URL_BREAK.findall(tok) if p]
    else:
        parts = list(tok)
    out: list[tuple[str, bool]] = []
    for part in parts:
        w = m.width_em(part, style)
        if x + w <= limit:
            out.append((part, False))
            x += w
        elif w <= limit:
            out.append((part, x > 0))
            x = w
        else:
            for ch in part:
                cw = m.width_em(ch, style)
                brk = x + cw > limit and x > 0
                x = (0.0 if brk else x) + cw
                out.append((ch, brk))
    return out


def count_lines(line: Line, size_pt: float, width_pt: float, m: Metrics,
                safety: float = WIDTH_SAFETY, start_pt: float = 0.0) -> int:
    """Lines a paragraph takes when wrapped greedily at word boundaries.

    A word wider than the line is broken between characters, as renderers do.
    ``start_pt`` is where the first line starts (negative: a hanging lead).
    """
    limit = width_pt * safety / size_pt  # in ems
    n, x = 1, start_pt / size_pt
    for span in line.spans:
        style = style_of(span, line)
        for tok in _TOKEN.findall(span.text):
            if tok == "\n":
                n, x = n + 1, 0.0
                continue
            w = m.width_em(tok, style)
            if tok.isspace():
                x += w
                continue
            if x + w <= limit:
                x += w
                continue
            if x > 0:
                n, x = n + 1, 0.0
            if w <= limit:
                x = w
                continue
            for piece, new in _pieces(tok, style, limit, x, m):  # a long word or URL
                if new:
                    n, x = n + 1, 0.0
                x += m.width_em(piece, style)
    return n


def wrap(line: Line, size_pt: float, width_pt: float, m: Metrics,
         safety: float = WIDTH_SAFETY, start_pt: float = 0.0) -> list[list[tuple[str, str]]]:
    """The lines :func:`count_lines` counts, each as (text, style) pieces: the same
    greedy breaks, for writers that set the text themselves (spaces at a break kept
    at the end of the line they follow)."""
    limit = width_pt * safety / size_pt
    out: list[list[tuple[str, str]]] = [[]]
    x = start_pt / size_pt
    for span in line.spans:
        style = style_of(span, line)
        for tok in _TOKEN.findall(span.text):
            if tok == "\n":
                out.append([])
                x = 0.0
                continue
            w = m.width_em(tok, style)
            if tok.isspace() or x + w <= limit:
                out[-1].append((tok, style))
                x += w
                continue
            if x > 0:
                out.append([])
                x = 0.0
            if w <= limit:
                out[-1].append((tok, style))
                x = w
                continue
            for piece, new in _pieces(tok, style, limit, x, m):
                if new:
                    out.append([])
                    x = 0.0
                out[-1].append((piece, style))
                x += m.width_em(piece, style)
    return out


def line_size(ln: Line, size_pt: float) -> float:
    """A line's font size in a box of ``size_pt``, to the half point."""
    size = size_pt * ln.scale
    if ln.scale < 1:  # smaller lines (metadata, licences) never under the legibility floor
        size = max(size, min(SECOND_MIN_PT, size_pt))
    if ln.secondary:  # legible, but never larger than the first language's line
        size = max(size, min(SECOND_MIN_PT, size_pt * ln.scale / SECOND))
    return round(size * 2) / 2


def layout(items: list[Item], size_pt: float, width: int, m: Metrics,
           inset_x: int = INSET_X, cell: bool = False) -> list[list[Para]]:
    """Size and measure every line of ``items`` for a box ``width`` EMU wide
    (``cell``: a table cell, measured to its declared margins)."""
    inner_pt = (width - 2 * inset_x) / EMU_PER_PT - (CELL_SLACK_PT if cell else 0)
    safety = 1.0 if cell else WIDTH_SAFETY
    out = []
    for item in items:
        paras = []
        for ln in item:
            size = line_size(ln, size_pt)
            steps = ln.level + (1 if (ln.bullet or ln.under_bullet) else 0)
            indent_pt = round(steps * BULLET_INDENT * size_pt)
            hang_pt = round(m.width_em(ln.hang, "regular") * size_pt, 1) if ln.hang else 0.0
            start = -hang_pt if not ln.secondary else 0.0
            wrap_pt = inner_pt - indent_pt - hang_pt
            lines = count_lines(ln, size, wrap_pt, m, safety, start)
            indent = round((indent_pt + hang_pt) * EMU_PER_PT)
            hang = round(hang_pt * EMU_PER_PT) if ln.hang and not ln.secondary else 0
            paras.append(Para(ln, size, lines, indent, hang=hang, wrap_pt=wrap_pt,
                              start_pt=start, safety=safety))
        out.append(paras)
    if out and out[0]:
        out[0][0].first = True
    return out


def height(paras: list[Para]) -> int:
    """EMU a box needs for ``paras``, insets included."""
    return round(sum(p.height_pt for p in paras) * EMU_PER_PT) + 2 * INSET_Y
