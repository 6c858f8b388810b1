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
import math
from dataclasses import dataclass

from workshopkit.model.settings import FontSet
from workshopkit.plan.markup import parse
from workshopkit.plan.slides_wrap import (  # noqa: F401 - wrapping, re-exported
    WIDTH_SAFETY, Row, count_lines, is_url, style_of, widest, wrap)

EMU_PER_PT = 12700
EMU_PER_INCH = 914400
LINE = 1.2
"""Line pitch as a multiple of the font size, written as exact spacing."""
CELL_SLACK_PT = 1.0
"""Table cells are measured exactly (their margins are declared in the XML); this
much of each cell's inner width is kept free for renderer differences."""
INSET_X = 91440   # 0.1 in, left and right
INSET_Y = 45720   # 0.05 in, top and bottom
BULLET_INDENT = 0.9  # hanging indent of a bullet, in ems of the body size
SECOND = 0.65
"""Size of the second language's line, relative to the first ..."""
MIN_PT = 18
"""The legibility floor of slide text (see :mod:`workshopkit.plan.slides_fit`)."""
STEPS = (60, 54, 48, 44, 40, 36, 32, 30, 28, 26, 24, 22, 20, 18)
"""The sizes text is tried at, largest first."""
SECOND_MIN_PT = MIN_PT
"""... and never below this (nor above the first language's own size)."""
URL_MIN_PT = 12
"""A line holding a URL piece too wide for its box at every size the box allows is
set smaller, down to this, rather than cut inside the piece."""


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
    whole: bool = True  # every word and URL piece fits a line at the box's size

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


def line_size(ln: Line, size_pt: float) -> float:
    """A line's font size in a box of ``size_pt``, to the half point."""
    size = size_pt * ln.scale
    if ln.scale < 1:  # smaller lines (metadata, licences) never under the legibility floor
        size = max(size, min(SECOND_MIN_PT, size_pt))
    if ln.secondary:  # legible, but never larger than the first language's line
        size = max(size, min(SECOND_MIN_PT, size_pt * ln.scale / SECOND))
    return round(size * 2) / 2


def _room(ln: Line, size_pt: float, inner_pt: float, m: Metrics) -> tuple[float, float, float]:
    """(line size, indent, hanging lead) of ``ln`` in a box of ``size_pt``, in points."""
    steps = ln.level + (1 if (ln.bullet or ln.under_bullet) else 0)
    indent_pt = round(steps * BULLET_INDENT * size_pt)
    hang_pt = round(m.width_em(ln.hang, "regular") * size_pt, 1) if ln.hang else 0.0
    return line_size(ln, size_pt), indent_pt, hang_pt


def _inner(width: int, inset_x: int, cell: bool) -> tuple[float, float]:
    """(inner width in points, share of it filled) of a box or table cell."""
    inner_pt = (width - 2 * inset_x) / EMU_PER_PT - (CELL_SLACK_PT if cell else 0)
    return inner_pt, 1.0 if cell else WIDTH_SAFETY


def whole(items: list[Item], size_pt: float, width: int, m: Metrics,
          inset_x: int = INSET_X, cell: bool = False) -> bool:
    """Whether every word and URL piece of ``items`` fits a line of a box ``width`` EMU
    wide at ``size_pt``: nothing hyphenated, no URL line set smaller."""
    inner_pt, safety = _inner(width, inset_x, cell)
    for item in items:
        for ln in item:
            size, indent_pt, hang_pt = _room(ln, size_pt, inner_pt, m)
            if max(widest(ln, m)) * size > (inner_pt - indent_pt - hang_pt) * safety:
                return False
    return True


def layout(items: list[Item], size_pt: float, width: int, m: Metrics,
           inset_x: int = INSET_X, cell: bool = False) -> list[list[Para]]:
    """Size and measure every line of ``items`` for a box ``width`` EMU wide
    (``cell``: a table cell, measured to its declared margins).  A line whose URL
    piece is too wide for the box is set smaller (down to URL_MIN_PT)."""
    inner_pt, safety = _inner(width, inset_x, cell)
    out = []
    for item in items:
        paras = []
        for ln in item:
            size, indent_pt, hang_pt = _room(ln, size_pt, inner_pt, m)
            start = -hang_pt if not ln.secondary else 0.0
            wrap_pt = inner_pt - indent_pt - hang_pt
            word, url = widest(ln, m)
            fits = max(word, url) * size <= wrap_pt * safety
            if url * size > wrap_pt * safety:
                size = min(size, max(URL_MIN_PT, math.floor(wrap_pt * safety / url * 2) / 2))
            lines = count_lines(ln, size, wrap_pt, m, safety, start)
            indent = round((indent_pt + hang_pt) * EMU_PER_PT)
            hang = round(hang_pt * EMU_PER_PT) if ln.hang and not ln.secondary else 0
            paras.append(Para(ln, size, lines, indent, hang=hang, wrap_pt=wrap_pt,
                              start_pt=start, safety=safety, whole=fits))
        out.append(paras)
    if out and out[0]:
        out[0][0].first = True
    return out


def height(paras: list[Para]) -> int:
    """EMU a box needs for ``paras``, insets included."""
    return round(sum(p.height_pt for p in paras) * EMU_PER_PT) + 2 * INSET_Y
