"""One planned slide drawn on a reportlab canvas: the PDF twin of the deck's slide XML.

The shapes, positions, sizes, colours, alignment and vertical anchors are the
plan's (workshopkit.plan.slides), as in ``render/pptx/slidexml.py``; the text is
wrapped where the plan measured it (``slides_text.wrap``), so every box holds
the lines it was measured for, a word broken at a hyphenation point with a printed
hyphen (only here and in the handout: the deck's text stays the author's).  A canvas may be scaled first (the handout draws
slides small): links follow the scale.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from workshopkit.model.settings import FontSet, Theme
from workshopkit.plan import qr
from workshopkit.plan.slides import PlannedSlide
from workshopkit.plan.slides_fit import Bar, Glyph, Picture, TableBox, TextBox
from workshopkit.plan.slides_text import (BULLET_INDENT, CELL_SLACK_PT, EMU_PER_PT, INSET_X,
                                          INSET_Y, LINE, WIDTH_SAFETY, Metrics, Para, Row,
                                          style_of, wrap)
from workshopkit.plan.slides_wrap import HYPHEN
from workshopkit.render.greyscale import greyed
from workshopkit.render.pdf.fonts import face
from workshopkit.render.pdf.icon import draw_icon

BASELINE = 0.946
"""The baseline's depth in a line, in ems of its size: the font's ascent centred in
the line pitch (DejaVu Sans: ascent 0.928, descent 0.236, pitch 1.2)."""
URL_RE = re.compile(r"https?://\S+")


def pt(emu: float) -> float:
    return emu / EMU_PER_PT


@dataclass
class Look:
    """What every slide of one deck is drawn with."""

    theme: Theme
    metrics: Metrics
    fonts: FontSet
    width: float                  # the slide, in points
    height: float
    bars: bool = True             # accent bars (as the deck: not over a template's own look)
    grey: bool = False            # --ink low: authored images and the logo in greys
    images: dict = field(default_factory=dict)  # id(ImageData) -> ImageReader
    colours: dict = field(default_factory=dict)
    fonts_used: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)  # (font, document) -> character -> code

    def colour(self, role: str):
        hit = self.colours.get(role)
        if hit is None:
            hit = self.colours[role] = HexColor("#" + getattr(self.theme, role))
        return hit

    def font(self, style: str):
        """The reportlab font of one face (registered when first drawn)."""
        hit = self.fonts_used.get(style)
        if hit is None:
            hit = self.fonts_used[style] = pdfmetrics.getFont(face(self.fonts, style))
        return hit

    def rg(self, role: str) -> str:
        """The PDF operator that fills with ``role``'s colour."""
        col = self.colour(role)
        return f"{col.red:.3f} {col.green:.3f} {col.blue:.3f} rg"

    def reader(self, image) -> ImageReader:
        hit = self.images.get(id(image))
        if hit is None:
            data = greyed(image.data, image.format) if self.grey else image.data
            hit = self.images[id(image)] = (image, ImageReader(io.BytesIO(data)))
        return hit[1]


def draw(c: Canvas, s: PlannedSlide, look: Look) -> None:
    """Draw ``s`` with its bottom-left corner at the canvas's origin."""
    if look.theme.background.upper() != "FFFFFF":
        c.setFillColor(look.colour("background"))
        c.rect(0, 0, look.width, look.height, stroke=0, fill=1)
    for shape in s.boxes():
        if isinstance(shape, TextBox):
            text_box(c, shape, look)
        elif isinstance(shape, Picture):
            picture(c, shape, look)
        elif isinstance(shape, TableBox):
            table(c, shape, look)
        elif isinstance(shape, Glyph):
            draw_icon(c, shape.segs, pt(shape.x), look.height - pt(shape.y + shape.h),
                      pt(shape.w), look.colour("accent"))
        elif isinstance(shape, Bar) and look.bars:
            c.setFillColor(look.colour(shape.role))
            c.rect(pt(shape.x), look.height - pt(shape.y + shape.h), pt(shape.w), pt(shape.h),
                   stroke=0, fill=1)


def text_box(c: Canvas, t: TextBox, look: Look) -> None:
    need = sum(p.height_pt for p in t.paras)
    inner = pt(t.h - 2 * INSET_Y)
    top = pt(t.y + INSET_Y)
    if t.anchor == "ctr":
        top += (inner - need) / 2
    elif t.anchor == "b":
        top += inner - need
    paras(c, t.paras, pt(t.x + INSET_X), top, pt(t.w - 2 * INSET_X), look, WIDTH_SAFETY)


def paras(c: Canvas, ps: list[Para], left: float, top: float, width: float, look: Look,
          safety: float) -> None:
    """Paragraphs from ``top`` (points down from the slide's top) in a column ``width``
    wide, written as one text object (the operators directly: a long deck has
    thousands of lines)."""
    out = Text(c, look)
    y = top
    for p in ps:
        y += p.before_pt
        ln, size = p.line, p.size_pt
        indent, hang = pt(p.indent), pt(p.hang)
        if p.lines == 1:  # most lines: no need to find the breaks
            lines = [Row((sp.text, style_of(sp, ln)) for sp in ln.spans)]
        else:  # where the plan measured: the width and start it counted the lines with
            lines = wrap(ln, size, p.wrap_pt, look.metrics, p.safety, p.start_pt)
        pitch = size * LINE
        if ln.bullet:
            out.line([("•", "regular")], "accent", size,
                     left + indent - round(BULLET_INDENT * size), look.height - (y + BASELINE * size))
        full = "".join(sp.text for sp in ln.spans)
        urls = [(m.start(), m.end(), m.group(0)) for m in URL_RE.finditer(full)] \
            if "://" in full else []
        at = 0  # where the line's text starts in the paragraph's
        for k, pieces in enumerate(lines):
            start = left + indent - (hang if k == 0 else 0)
            while at < len(full) and full[at] == "\n":
                at += 1
            n = sum(len(t) for t, _ in pieces)
            links = [(max(a, at) - at, min(b, at + n) - at, url) for a, b, url in urls
                     if a < at + n and b > at]  # each piece of a URL links to all of it
            _line(out, pieces, ln, size, start, left + width,
                  look.height - (y + BASELINE * size), links)
            at += n
            y += pitch
    out.close()


class Text:
    """One BT ... ET text object: lines of runs in the deck's fonts, colours by role.
    A line is placed once; its runs follow one another as PDF text does."""

    def __init__(self, c: Canvas, look: Look):
        self.c, self.look, self.ops = c, look, ["q BT"]
        self.font = self.colour = None
        self.mode = "0 Tr"
        self.fake = look.fonts.fake_bold

    def face(self, style: str):
        if self.fake and style.startswith("bold"):
            style = "italic" if style == "bolditalic" else "regular"
        return self.look.font(style)

    def width(self, text: str, style: str, size: float) -> float:
        return self.face(style).stringWidth(text, size)

    def line(self, runs: list[tuple[str, str]], role: str, size: float, x: float,
             y: float, links=()) -> None:
        """``runs`` from ``x`` on the baseline ``y``; ``links``: (start, end, URL) character
        ranges of the line's text that link to URL."""
        ops, doc = self.ops, self.c._doc
        for a, b, url in links:
            x0, x1 = x + self.prefix(runs, a, size), x + self.prefix(runs, b, size)
            self.c.linkURL(url, (x0, y - 0.25 * size, x1, y + 0.9 * size), relative=1,
                           thickness=0)
        ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        if role != self.colour:
            ops.append(self.look.rg(role))
            self.colour = role
        for text, style in runs:
            font = self.face(style)
            mode = f"2 Tr {size * 0.03:.2f} w" if self.fake and style.startswith("bold") \
                else "0 Tr"
            if mode != self.mode:
                ops.append(mode)
                self.mode = mode
            for subset, chunk in self.encode(font, text):
                name = font.getSubsetInternalName(subset, doc)
                if (name, size) != self.font:
                    ops.append(f"{name} {size:g} Tf")
                    self.font = (name, size)
                ops.append(f"({chunk}) Tj")

    def prefix(self, runs: list[tuple[str, str]], n: int, size: float) -> float:
        """The width of the first ``n`` characters of ``runs``."""
        w = 0.0
        for text, style in runs:
            if n <= 0:
                break
            w += self.width(text[:n], style, size)
            n -= len(text)
        return w

    def encode(self, font, text: str) -> list[tuple[int, str]]:
        """``text`` as (subset, escaped string) chunks: what ``font.splitString`` and
        the canvas's escaping give, remembered character by character."""
        doc = self.c._doc
        codes = self.look.codes.setdefault((font.fontName, id(doc)), {})
        out: list[tuple[int, str]] = []
        cur, parts = -1, []
        for ch in text:
            hit = codes.get(ch)
            if hit is None:
                (subset, raw), = font.splitString(ch, doc)
                hit = codes[ch] = (subset, self.c._escape(raw))
            if hit[0] != cur:
                if parts:
                    out.append((cur, "".join(parts)))
                cur, parts = hit[0], []
            parts.append(hit[1])
        if parts:
            out.append((cur, "".join(parts)))
        return out

    def close(self) -> None:
        if len(self.ops) > 1:
            self.c._code.append(" ".join(self.ops) + " ET Q")


def _line(out: Text, pieces: Row, ln, size: float, start: float,
          right: float, base: float, links=()) -> None:
    hyphen = pieces.hyphen  # a word broken at a hyphenation point: a printed hyphen
    if pieces and pieces[-1][0][-1:].isspace():
        pieces = pieces[:-1] + [(pieces[-1][0].rstrip(), pieces[-1][1])]
    if hyphen and pieces:
        pieces = pieces[:-1] + [(pieces[-1][0] + HYPHEN, pieces[-1][1])]
    runs: list[tuple[str, str]] = []
    for text, style in pieces:
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + text, style)
        elif text:
            runs.append((text, style))
    x = start
    if ln.align in ("ctr", "r"):
        total = sum(out.width(t, st, size) for t, st in runs)
        x = start + (right - start - total) / (2 if ln.align == "ctr" else 1)
    out.line(runs, ln.role, size, x, base, links)


def picture(c: Canvas, p: Picture, look: Look) -> None:
    x, y, w, h = pt(p.x), look.height - pt(p.y + p.h), pt(p.w), pt(p.h)
    if p.qr is None:
        c.drawImage(look.reader(p.image), x, y, w, h)
        return
    n = qr.size(p.qr) + 2 * qr.QUIET_ZONE
    unit = w / n
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for mx, my, length in qr.runs(p.qr):
        path.rect(x + (mx + qr.QUIET_ZONE) * unit, y + h - (my + qr.QUIET_ZONE + 1) * unit,
                  length * unit, unit)
    c.drawPath(path, stroke=0, fill=1)
    c.linkURL(p.qr, (x, y, x + w, y + h), relative=1, thickness=0)


def table(c: Canvas, t: TableBox, look: Look) -> None:
    top = pt(t.y)
    for r, (cells, h) in enumerate(zip(t.rows, t.row_heights)):
        x = pt(t.x)
        fill = r == 0 and t.header and look.theme.table_header.upper() != "FFFFFF"
        for cell, w in zip(cells, t.cols):
            if fill:
                c.setFillColor(look.colour("table_header"))
                c.rect(x, look.height - top - pt(h), pt(w), pt(h), stroke=0, fill=1)
            inner = pt(w - 2 * INSET_X) - CELL_SLACK_PT
            paras(c, cell, x + pt(INSET_X), top + pt(INSET_Y), inner, look, 1.0)
            x += pt(w)
        top += pt(h)
    c.setStrokeColor(look.colour("table_border"))
    c.setLineWidth(1)
    xs = [pt(t.x)]
    for w in t.cols:
        xs.append(xs[-1] + pt(w))
    ys = [pt(t.y)]
    for h in t.row_heights:
        ys.append(ys[-1] + pt(h))
    for x in xs:
        c.line(x, look.height - ys[0], x, look.height - ys[-1])
    for y in ys:
        c.line(xs[0], look.height - y, xs[-1], look.height - y)
