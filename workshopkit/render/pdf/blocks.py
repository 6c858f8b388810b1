"""Blocks the worksheets and the guide share: writing lines, tick boxes, bordered
cards, and the context every block is drawn in (languages, options, styles, ink)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import ImageData
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import paras, words


class WritingLines(Flowable):
    """Ruled lines to write on; splits across pages line by line."""

    def __init__(self, count: int, width: float, gap: float, color):
        super().__init__()
        self.count, self.width, self.gap, self.color = count, width, gap, color

    def wrap(self, avail_w, avail_h):
        return self.width, self.count * self.gap

    def split(self, avail_w, avail_h):
        frame = getattr(self, "_frame", None)
        if frame is not None and self.count * self.gap <= frame._height:
            return []  # lines that fit on a page stay with their question, on one page
        fits = int(avail_h // self.gap)
        if fits < 1 or fits >= self.count:
            return []
        return [WritingLines(fits, self.width, self.gap, self.color),
                WritingLines(self.count - fits, self.width, self.gap, self.color)]

    def draw(self):
        c = self.canv
        c.setStrokeColor(self.color)
        c.setLineWidth(0.6)
        for i in range(self.count):
            y = i * self.gap + 1
            c.line(0, y, self.width, y)


class Tick(Flowable):
    """An empty box to tick: square, or round for a single choice."""

    def __init__(self, size: float, round_: bool, color):
        super().__init__()
        self.size, self.round, self.color = size, round_, color

    def wrap(self, avail_w, avail_h):
        return self.size, self.size

    def draw(self):
        c = self.canv
        c.setStrokeColor(self.color)
        c.setLineWidth(1.1)
        s = self.size
        if self.round:
            c.circle(s / 2, s / 2 - 1, s / 2 - 0.5, stroke=1, fill=0)
        else:
            c.rect(0.5, -0.5, s - 1, s - 1, stroke=1, fill=0)


@dataclass
class Ctx:
    cur: Curriculum
    languages: tuple[str, ...]
    options: Options
    st: dict[str, ParagraphStyle]
    pal: pb.Palette
    width: float
    faces: pb.Faces
    slides: dict = field(default_factory=dict)  # (session id, activity id) -> first, last slide
    images: Mapping[object, ImageData] = field(default_factory=dict)  # Settings.images

    @property
    def gap(self) -> float:
        """Distance between writing lines (about 8 mm; 11 mm in large print)."""
        return 31.0 if self.options.large_print else 23.0

    def t(self, text, style="body", second="second"):
        return paras(text, self.languages, self.st, style, second)

    def w(self, msgid: str, style: str = "label", **fmt):
        return pb.para(words(msgid, self.languages, **fmt), self.st[style])


def card(ctx: Ctx, rows: list) -> Table:
    """A bordered block, no inner grid: a rule under its first row only.  It is one item:
    it moves to the next page whole, and splits only when taller than a page."""
    t = pb.Rows([[x] for x in rows], colWidths=[ctx.width], hAlign="LEFT", whole=True)
    pad = 5 if ctx.options.large_print else 4
    cmds = pb.cell_font(ctx.faces) + [("BOX", (0, 0), (-1, -1), 0.8, ctx.pal.border),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ctx.pal.border),
            ("LEFTPADDING", (0, 0), (-1, -1), pad + 2), ("RIGHTPADDING", (0, 0), (-1, -1), pad + 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), pad), ("BOTTOMPADDING", (0, 0), (-1, 0), pad),
            ("BOTTOMPADDING", (0, -1), (-1, -1), pad + 1)]
    if ctx.pal.head_fill is not None:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), ctx.pal.head_fill))
    t.setStyle(TableStyle(cmds))
    return t
