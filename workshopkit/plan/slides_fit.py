"""Shapes on a slide, and the fitting of each kind of body into its area.

Every function here returns plain data: boxes with positions in EMU and
measured paragraphs.  Splitting (a long list, a tall table) returns one body
per slide; the deck plan turns extra bodies into "(cont.)" slides.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from workshopkit.model.settings import ImageData
from workshopkit.plan.slides_paging import fit, pack
from workshopkit.plan.slides_text import (CELL_SLACK_PT, EMU_PER_PT, INSET_X, Item, Metrics, Para,
                                          height, inches, layout, line_size, style_of)

BODY_SIZES = (28, 26, 24, 22, 20)
"""Body text: the largest size that fits one slide; when none does, the size
that needs the fewest slides (the largest of those)."""
TABLE_SIZES = (24, 22, 20, 18, 16)


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
    image: Optional[ImageData] = None  # an image ...
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


def flow(items: list[Item], area: Box, m: Metrics, sizes=BODY_SIZES,
         anchor: str = "t") -> list[list[Shape]]:
    """A column of paragraphs: one box, or one per slide when it must split."""
    if not items:
        return [[]]
    f = fit(items, area.w, area.h, m, sizes)
    return [[TextBox(area.x, area.y, area.w, area.h, paras, anchor)] for paras in f.chunks]


def columns(left: list[Item], right: list[Item], area: Box, m: Metrics) -> list[list[Shape]]:
    """Two columns of bullets, the same size on both sides, split together."""
    gap = inches(0.4)
    w = (area.w - gap) // 2
    boxes = (Box(area.x, area.y, w, area.h), Box(area.x + w + gap, area.y, w, area.h))
    parts, n = [], 0
    for size in BODY_SIZES:  # fewest slides, then the largest size
        trial = [fit(side, w, area.h, m, (size,)) for side in (left, right)]
        count = max(len(p.chunks) for p in trial)
        if not parts or count < n:
            parts, n = trial, count
    out = []
    for i in range(n):
        shapes: list[Shape] = []
        for p, b in zip(parts, boxes):
            if i < len(p.chunks) and p.chunks[i]:
                shapes.append(TextBox(b.x, b.y, b.w, b.h, p.chunks[i]))
        out.append(shapes)
    return out


def picture(image: ImageData, descr: str, area: Box, caption: list[Item],
            m: Metrics) -> list[Shape]:
    """An image as large as its area allows, aspect ratio kept, centred, never cropped."""
    shapes: list[Shape] = []
    if caption:
        cap = fit(caption, area.w, inches(0.9), m, (16, 14, 12))
        paras = cap.chunks[0] if len(cap.chunks) == 1 else [p for c in cap.chunks for p in c]
        cap_h = height(paras)
        shapes.append(TextBox(area.x, area.y + area.h - cap_h, area.w, cap_h, paras))
        area = Box(area.x, area.y, area.w, area.h - cap_h - inches(0.1))
    pw, ph = image.width, image.height
    scale = min(area.w / pw, area.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    shapes.insert(0, Picture(area.x + (area.w - w) // 2, area.y + (area.h - h) // 2, w, h,
                             descr, image=image))
    return shapes


def video(url: str, descr: str, items: list[Item], area: Box, m: Metrics) -> list[Shape]:
    """A QR code on the left, the video's details beside it."""
    side = min(area.h, inches(3.8))
    qr = Picture(area.x, area.y + (area.h - side) // 2, side, side, descr, qr=url)
    gap = inches(0.4)
    text = Box(area.x + side + gap, area.y, area.w - side - gap, area.h)
    f = fit(items, text.w, text.h, m, (24, 22, 20, 18, 16, 14, 12))
    paras = [p for c in f.chunks for p in c]
    return [qr, TextBox(text.x, text.y, text.w, text.h, paras, "ctr")]


def table(header: list[Item], rows: list[list[Item]], area: Box, m: Metrics,
          sizes=TABLE_SIZES) -> list[list[Shape]]:
    """A table at the largest size that fits one slide; else at the size that
    needs the fewest slides (the largest of those), rows spread evenly, the
    header row repeated.  A size that would break a word inside a cell is
    used only when every size would."""
    ncol = max([len(header)] + [len(r) for r in rows])
    header = header + [[]] * (ncol - len(header))
    rows = [r + [[]] * (ncol - len(r)) for r in rows]
    best = None
    for size in sizes:
        cols, whole = _widths([header] + rows, size, area.w, m)
        head = [_cell(c, w, size, m) for c, w in zip(header, cols)]
        head_h = max(height(c) for c in head)
        cells = [[_cell(c, w, size, m) for c, w in zip(r, cols)] for r in rows]
        bodies = [max(height(c) for c in r) for r in cells]
        runs = pack([(b, b) for b in bodies], area.h - head_h) or [(0, 0)]
        key = (not whole, len(runs))
        if best is None or key < best[0]:
            best = (key, cols, head, head_h, cells, bodies, runs)
    _, cols, head, head_h, cells, bodies, runs = best
    return [[_box(area, cols, head, head_h, list(zip(bodies[i:j], cells[i:j])))]
            for i, j in runs]


def _box(area: Box, cols, head_cells, head_h, rows) -> TableBox:
    heights = [head_h] + [b for b, _ in rows]
    return TableBox(area.x, area.y, area.w, sum(heights), cols,
                    [head_cells] + [r for _, r in rows], heights)


def _cell(item: Item, w: int, size: float, m: Metrics) -> list[Para]:
    return [p for it in layout([item], size, w, m, cell=True) for p in it] if item else []


def _widths(table_rows: list[list[Item]], size: float, total: int,
            m: Metrics) -> tuple[list[int], bool]:
    """Column widths from content, as in an automatic HTML table: each column
    at least its longest word, the room left shared in proportion to what each
    needs to set its text on one line.  Also: whether every word fits whole."""
    ncol = len(table_rows[0])
    pad = 2 * INSET_X + CELL_SLACK_PT * EMU_PER_PT
    least, natural = [pad] * ncol, [pad] * ncol
    for r in table_rows:
        for i, item in enumerate(r):
            for ln in item:
                s = line_size(ln, size)
                whole = 0.0
                for span in ln.spans:
                    st = style_of(span, ln)
                    for w in span.text.split():
                        least[i] = max(least[i], m.width_em(w, st) * s * EMU_PER_PT + pad + 1)
                    whole += m.width_em(span.text, st) * s
                natural[i] = max(natural[i], whole * EMU_PER_PT + pad + 1)
    fits = sum(least) <= total
    if sum(natural) <= total:
        widths = [n * total / sum(natural) for n in natural]
    elif not fits:
        widths = [x * total / sum(least) for x in least]
    else:
        spare = total - sum(least)
        extra = [n - x for n, x in zip(natural, least)]
        widths = [x + spare * e / sum(extra) for x, e in zip(least, extra)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out, fits
