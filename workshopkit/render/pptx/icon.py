"""An icon on a slide: one DrawingML shape with a custom geometry (vector, no picture).

The outline from :mod:`workshopkit.plan.icons` becomes the shape's path list;
the shape is stroked with round caps and joins in one colour and not filled.
Its alt text is the ``descr`` of the shape's non-visual properties, which
screen readers and PowerPoint's accessibility checker read.
"""
from __future__ import annotations

import re
from typing import Sequence
from xml.sax.saxutils import quoteattr

from workshopkit.plan.icons import BOX, Seg, stroke_width

PATH_UNITS = 1000
"""Path coordinates per icon unit: the path box is 24000 x 24000 at any size."""
_SIDE = int(BOX * PATH_UNITS)
_HEX = re.compile(r"[0-9A-Fa-f]{6}\Z")
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _attr(s: str) -> str:
    return quoteattr(_BAD.sub("", s).replace("\n", " "))


def _pt(p: tuple[float, float]) -> str:
    return f'<a:pt x="{round(p[0] * PATH_UNITS)}" y="{round(p[1] * PATH_UNITS)}"/>'


def path_xml(segs: Sequence[Seg]) -> str:
    """The ``<a:path>`` of an outline in its 24-unit box (unfilled)."""
    out = []
    for s in segs:
        if s.op == "M":
            out.append(f"<a:moveTo>{_pt(s.pts[0])}</a:moveTo>")
        elif s.op == "L":
            out.append(f"<a:lnTo>{_pt(s.pts[0])}</a:lnTo>")
        elif s.op == "C":
            out.append(f"<a:cubicBezTo>{''.join(_pt(p) for p in s.pts)}</a:cubicBezTo>")
        elif s.op == "Z":
            out.append("<a:close/>")
        else:
            raise ValueError(f"unknown segment {s.op!r}")
    return f'<a:path w="{_SIDE}" h="{_SIDE}" fill="none">{"".join(out)}</a:path>'


def icon_sp(segs: Sequence[Seg], *, x: int, y: int, size: int, colour: str,
            shape_id: int, descr: str, name: str = "") -> str:
    """A ``<p:sp>`` drawing the icon in the square at (x, y), ``size`` wide (EMU).

    ``colour`` is "RRGGBB"; ``descr`` is the alt text; ``name`` the shape's
    name in the selection pane (``Icon <id>`` when empty). The XML uses the
    ``a:`` and ``p:`` prefixes of the slide it goes into.
    """
    if not _HEX.match(colour):
        raise ValueError(f"colour must be RRGGBB, not {colour!r}")
    if size <= 0:
        raise ValueError("an icon needs a positive size")
    line = max(1, round(stroke_width(size)))
    name = name or f"Icon {shape_id}"
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{int(shape_id)}" name={_attr(name)} '
            f'descr={_attr(descr)}/><p:cNvSpPr><a:spLocks noChangeAspect="1"/></p:cNvSpPr>'
            f'<p:nvPr/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{int(x)}" y="{int(y)}"/>'
            f'<a:ext cx="{int(size)}" cy="{int(size)}"/></a:xfrm>'
            f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
            f'<a:rect l="0" t="0" r="r" b="b"/><a:pathLst>{path_xml(segs)}</a:pathLst></a:custGeom>'
            f'<a:noFill/><a:ln w="{line}" cap="rnd"><a:solidFill><a:srgbClr val="{colour.upper()}"/>'
            f'</a:solidFill><a:round/></a:ln></p:spPr></p:sp>')
