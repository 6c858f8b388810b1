"""An icon on a printed page: its outline stroked as a vector path (no picture).

:func:`draw_icon` draws on a reportlab canvas; :class:`Icon` is the same as a
flowable for a story. Both stroke with round caps and joins in one colour and
never fill, as the icons are designed.
"""
from __future__ import annotations

from typing import Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from workshopkit.plan.icons import Seg, place, stroke_width


def _colour(c: str | Color) -> Color:
    if isinstance(c, Color):
        return c
    return HexColor("#" + c.lstrip("#"))


def draw_icon(canvas, segs: Sequence[Seg], x: float, y: float, size: float,
              colour: str | Color) -> None:
    """Stroke the icon into the square from (x, y), its lower-left corner, ``size`` wide (pt)."""
    path = canvas.beginPath()
    for s in place(segs, x, y, size, y_up=True):
        if s.op == "M":
            path.moveTo(*s.pts[0])
        elif s.op == "L":
            path.lineTo(*s.pts[0])
        elif s.op == "C":
            (x1, y1), (x2, y2), (x3, y3) = s.pts
            path.curveTo(x1, y1, x2, y2, x3, y3)
        elif s.op == "Z":
            path.close()
        else:
            raise ValueError(f"unknown segment {s.op!r}")
    canvas.saveState()
    canvas.setStrokeColor(_colour(colour))
    canvas.setLineWidth(stroke_width(size))
    canvas.setLineCap(1)    # round
    canvas.setLineJoin(1)   # round
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


class Icon(Flowable):
    """An icon ``size`` points square in a story; ``descr`` is its label."""

    def __init__(self, segs: Sequence[Seg], size: float, colour: str | Color, descr: str = ""):
        super().__init__()
        self.segs, self.size, self.colour, self.descr = tuple(segs), size, colour, descr
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.size, self.size

    def draw(self):
        draw_icon(self.canv, self.segs, 0, 0, self.size, self.colour)
