"""Shapes on a slide, and the fitting of each kind of body into its area.

Every function here returns plain data: boxes with positions in EMU and
measured paragraphs.  Splitting (a long list, a tall table) returns one body
per slide; the deck plan turns extra bodies into "(cont.)" slides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from .slides_text import (EMU_PER_PT, INSET_X, INSET_Y, Item, Metrics, Para, fit, height,
                          inches, layout)

BODY_SIZES = (28, 26, 24, 22, 20)
"""Body text: the largest that fits one slide; below this a list is split."""
SPLIT_SIZE = 24
TABLE_SIZES = (24, 22, 20, 18, 16, 14)
TABLE_SPLIT = 18


@dataclass
class Box:
    x: int
    y: int
    w: int
    h: int

    def inside(self, width: int, height_: int) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and \
            self.y + self.h <= height_


@dataclass
class TextBox(Box):
    paras: list[Para] = field(default_factory=list)
    anchor: str = "t"       # t | ctr | b
    title: bool = False     # the slide's title placeholder

    @property
    def measured(self) -> int:
        """EMU the text needs (insets included); never more than ``h``."""
        return height(self.paras)


@dataclass
class Picture(Box):
    descr: str = ""
    path: Optional[Path] = None   # an image file ...
    qr: Optional[str] = None      # ... or a URL drawn as a QR code


@dataclass
class TableBox(Box):
    cols: list[int] = field(default_factory=list)
    rows: list[list[list[Para]]] = field(default_factory=list)  # row -> cell -> paras
    row_heights: list[int] = field(default_factory=list)
    header: bool = True

    @property
    def measured(self) -> int:
        return sum(self.row_heights)


@dataclass
class Bar(Box):
    role: str = "accent"


Shape = Union[TextBox, Picture, TableBox, Bar]


def flow(items: list[Item], area: Box, m: Metrics, sizes=BODY_SIZES, split_at=SPLIT_SIZE,
         anchor: str = "t") -> list[list[Shape]]:
    """A column of paragraphs: one box, or one per slide when it must split."""
    if not items:
        return [[]]
    f = fit(items, area.w, area.h, m, sizes, split_at)
    return [[TextBox(area.x, area.y, area.w, area.h, paras, anchor)] for paras in f.chunks]


def columns(left: list[Item], right: list[Item], area: Box, m: Metrics) -> list[list[Shape]]:
    """Two columns of bullets, the same size on both sides, split together."""
    gap = inches(0.4)
    w = (area.w - gap) // 2
    boxes = (Box(area.x, area.y, w, area.h), Box(area.x + w + gap, area.y, w, area.h))
    for size in BODY_SIZES:
        parts = [fit(side, w, area.h, m, (size,), size) for side in (left, right)]
        if all(len(p.chunks) <= 1 for p in parts):
            break
    else:
        parts = [fit(side, w, area.h, m, (SPLIT_SIZE,), SPLIT_SIZE) for side in (left, right)]
    n = max(len(p.chunks) for p in parts)
    out = []
    for i in range(n):
        shapes: list[Shape] = []
        for p, b in zip(parts, boxes):
            if i < len(p.chunks) and p.chunks[i]:
                shapes.append(TextBox(b.x, b.y, b.w, b.h, p.chunks[i]))
        out.append(shapes)
    return out


def picture(path: Path, pixels: tuple[int, int], descr: str, area: Box,
            caption: list[Item], m: Metrics) -> list[Shape]:
    """An image as large as its area allows, aspect ratio kept, centred, never cropped."""
    shapes: list[Shape] = []
    if caption:
        cap = fit(caption, area.w, inches(0.9), m, (16, 14, 12), 12)
        paras = cap.chunks[0] if len(cap.chunks) == 1 else [p for c in cap.chunks for p in c]
        cap_h = height(paras)
        shapes.append(TextBox(area.x, area.y + area.h - cap_h, area.w, cap_h, paras))
        area = Box(area.x, area.y, area.w, area.h - cap_h - inches(0.1))
    pw, ph = pixels
    scale = min(area.w / pw, area.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    shapes.insert(0, Picture(area.x + (area.w - w) // 2, area.y + (area.h - h) // 2, w, h,
                             descr, path=path))
    return shapes


def video(url: str, descr: str, items: list[Item], area: Box, m: Metrics) -> list[Shape]:
    """A QR code on the left, the video's details beside it."""
    side = min(area.h, inches(3.8))
    qr = Picture(area.x, area.y + (area.h - side) // 2, side, side, descr, qr=url)
    gap = inches(0.4)
    text = Box(area.x + side + gap, area.y, area.w - side - gap, area.h)
    f = fit(items, text.w, text.h, m, (24, 22, 20, 18, 16, 14, 12), 12)
    paras = [p for c in f.chunks for p in c]
    return [qr, TextBox(text.x, text.y, text.w, text.h, paras, "ctr")]


def table(header: list[Item], rows: list[list[Item]], area: Box, m: Metrics,
          sizes=TABLE_SIZES, split_at=TABLE_SPLIT) -> list[list[Shape]]:
    """A table whose font shrinks to fit; past that, rows continue on further
    slides with the header row repeated."""
    ncol = max([len(header)] + [len(r) for r in rows])
    header = header + [[]] * (ncol - len(header))
    rows = [r + [[]] * (ncol - len(r)) for r in rows]
    for size in sizes:
        cols = _widths([header] + rows, size, area.w, m)
        heads, bodies = _measure(header, rows, cols, size, m)
        if heads[0] + sum(bodies) <= area.h:
            return [[_box(area, cols, heads[1], heads[0], [(b, r) for b, r in zip(bodies, _cells(rows, cols, size, m))])]]
    size = split_at
    cols = _widths([header] + rows, size, area.w, m)
    heads, bodies = _measure(header, rows, cols, size, m)
    cells = _cells(rows, cols, size, m)
    out, current, used = [], [], heads[0]
    for b, r in zip(bodies, cells):
        if current and used + b > area.h:
            out.append([_box(area, cols, heads[1], heads[0], current)])
            current, used = [], heads[0]
        current.append((b, r))
        used += b
    if current or not out:
        out.append([_box(area, cols, heads[1], heads[0], current)])
    return out


def _box(area: Box, cols, head_cells, head_h, rows) -> TableBox:
    heights = [head_h] + [b for b, _ in rows]
    return TableBox(area.x, area.y, area.w, sum(heights), cols,
                    [head_cells] + [r for _, r in rows], heights)


def _cells(rows, cols, size, m) -> list[list[list[Para]]]:
    return [[_cell(c, w, size, m) for c, w in zip(r, cols)] for r in rows]


def _cell(item: Item, w: int, size: float, m: Metrics) -> list[Para]:
    return [p for it in layout([item], size, w, m) for p in it] if item else []


def _measure(header, rows, cols, size, m):
    head = [_cell(c, w, size, m) for c, w in zip(header, cols)]
    head_h = max(height(c) for c in head)
    bodies = [max(height(_cell(c, w, size, m)) for c, w in zip(r, cols)) for r in rows]
    return (head_h, head), bodies


def _widths(table_rows: list[list[Item]], size: float, total: int, m: Metrics) -> list[int]:
    """Column widths: each at least its longest word, the rest shared by natural width."""
    from .slides_text import style_of
    ncol = len(table_rows[0])
    pad = 2 * INSET_X + inches(0.05)
    least, natural = [pad] * ncol, [pad] * ncol
    for r in table_rows:
        for i, item in enumerate(r):
            for ln in item:
                s = size * ln.scale
                for span in ln.spans:
                    st = style_of(span, ln)
                    words = span.text.split() or [""]
                    longest = max(m.width_em(w, st) for w in words) * s
                    least[i] = max(least[i], min(longest * EMU_PER_PT + pad, total / ncol))
                    whole = sum(m.width_em(w + " ", st) for w in words) * s
                    natural[i] = max(natural[i], whole * EMU_PER_PT / 0.95 + pad)
    if sum(natural) <= total:
        widths = [n * total / sum(natural) for n in natural]
    elif sum(least) >= total:
        widths = [x * total / sum(least) for x in least]
    else:
        spare = total - sum(least)
        extra = [n - x for n, x in zip(natural, least)]
        widths = [x + spare * e / sum(extra) for x, e in zip(least, extra)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out
