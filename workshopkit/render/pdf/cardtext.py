"""Plain text laid out and drawn without platypus, for boxes of a fixed size.

:func:`text_block` breaks a plain text (no markup, one style) into lines by the
rules reportlab's :class:`~reportlab.platypus.Paragraph` breaks a one-style
paragraph by (the same word splitting, the same widths, the same space
shrinkage), so a :class:`TextBlock` has the lines and the height a Paragraph
would have.  A text with markup, a soft hyphen or a word wider than the column
gets a Paragraph (hyphenation and long-word breaking stay reportlab's).

:class:`Pen` draws many blocks into one PDF text object, setting the font and the
colour only when they change, and adds the links afterwards.
"""
from __future__ import annotations

import functools

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.rl_config import paraFontSizeHeightOffset
from reportlab.platypus.paragraph import split as _rl_split

from workshopkit.model.text import xml_safe
from workshopkit.render.pdf import base as pdfbase

_NOT_PLAIN = ("*", "\n", "\r", "\xad", "\xa0", "&", "<", ">")
"""Markup, line breaks, soft hyphens, no-break spaces and what the paragraph parser
reads as entities (each one a fragment of its own): left to Paragraph."""


class TextBlock:
    """A plain text broken into lines, in one style, left-aligned."""

    __slots__ = ("lines", "style", "height", "ascent")

    def __init__(self, lines: list[tuple[str, float]], style) -> None:
        self.lines = lines  # (text, word space: 0, or less when a line was squeezed)
        self.style = style
        self.height = style.leading * len(lines)
        # the first baseline's distance from the top, as Paragraph.drawPara places it
        self.ascent = (style.fontSize if paraFontSizeHeightOffset
                       else getAscentDescent(style.fontName, style.fontSize)[0])

    def wrap(self, aw, ah):
        return aw, self.height

    def write(self, pen: "Pen", x: float, y: float) -> None:
        """Into ``pen``'s text object, the block's bottom-left corner at (x, y)."""
        st = self.style
        pen.lines(self.lines, st.fontName, st.fontSize, st.leading, st.textColor,
                  x, y + self.height - self.ascent)


def break_lines(text: str, font: str, size: float, width: float,
                shrink: float) -> list[tuple[str, float]] | None:
    """Lines as reportlab's Paragraph breaks a one-fragment paragraph; None when a word
    is wider than ``width`` (reportlab would split it)."""
    words = _rl_split(text)
    space = stringWidth(" ", font, size)
    d_shrink = shrink * space
    lines, line, current = [], [], -space
    for word in words:
        ww = stringWidth(word, font, size)
        if ww > width:
            return None
        new = current + space + ww
        if new <= width + d_shrink * len(line) or not line:
            line.append(word)
            current = new
        else:
            lines.append((width - current, line))
            line, current = [word], ww
    if line:
        lines.append((width - current, line))
    out = []
    for extra, ws in lines:
        spaces = len(ws) - 1
        out.append((" ".join(ws), extra / spaces if extra <= -1e-8 and spaces > 0 else 0.0))
    return out


@functools.lru_cache(maxsize=4096)
def _block(text: str, style, width: float) -> TextBlock | None:
    if not text.strip() or any(c in text for c in _NOT_PLAIN) or xml_safe(text) != text:
        return None
    lines = break_lines(text, style.fontName, style.fontSize, width, style.spaceShrinkage)
    return TextBlock(lines, style) if lines else None


def text_block(text: str, style, width: float):
    """``text`` laid out at ``width``: a TextBlock, or a Paragraph when it is not plain."""
    got = _block(text, style, width)
    return got if got is not None else pdfbase.para(text, style)


class Pen:
    """One text object on ``canvas`` (in a saved graphics state), links added at close."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.tx = None
        self.font: tuple = ()
        self.color = None
        self.links: list[tuple[str, tuple]] = []

    def lines(self, lines, font: str, size: float, leading: float, color,
              x: float, y: float) -> None:
        """``lines`` (strings, or (text, word space) pairs) from the baseline at (x, y)
        down, ``leading`` apart."""
        tx = self.tx
        if tx is None:
            tx = self.tx = self.canvas.beginText()
        if self.font != (font, size, leading):
            tx.setFont(font, size, leading)
            self.font = (font, size, leading)
        if color is not self.color:
            tx.setFillColor(color)
            self.color = color
        tx.setTextOrigin(x, y)
        for line in lines:
            if isinstance(line, str):
                tx.textLine(line)
            elif line[1]:
                tx.setWordSpace(line[1])
                tx.textLine(line[0])
                tx.setWordSpace(0)
            else:
                tx.textLine(line[0])

    def link(self, url: str, rect: tuple) -> None:
        self.links.append((url, rect))

    def close(self) -> None:
        c = self.canvas
        if self.tx is not None:
            c.addLiteral("q")
            c.drawText(self.tx)
            c.addLiteral("Q")
            self.tx = None
        for url, rect in self.links:
            link(c, url, rect)
        self.links.clear()


class _Link(PDFObject):
    """A link annotation to a URL, formatted as reportlab's ``Canvas.linkURL`` formats
    it (no border), in one step instead of nested dictionaries."""

    def __init__(self, url: str, rect: tuple) -> None:
        self.url, self.rect = url, rect

    def format(self, document) -> bytes:
        return (b"<<\n/A <<\n/S /URI /Type /Action /URI " + PDFString(self.url).format(document)
                + b"\n>> /Border [ 0 0 0 ] /Rect [ " + fp_str(*self.rect).encode("ascii")
                + b" ] /Subtype /Link /Type /Annot\n>>")


def link(canvas, url: str, rect: tuple) -> None:
    """A link to ``url`` over ``rect`` (x0, y0, x1, y1 in the current coordinates),
    as ``canvas.linkURL(url, rect, relative=1)`` makes it."""
    canvas._addAnnotation(_Link(url, canvas._absRect(rect, 1)))
