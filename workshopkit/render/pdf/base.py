"""What every printed PDF shares, in one import for the writers.

Writers build a reportlab *story* (a list of flowables) with the helpers here and
hand it to :func:`render`, which lays it out on the chosen paper, draws the footer
on every page, writes deterministic metadata, and imposes a booklet when asked.

* :mod:`~workshopkit.render.pdf.fonts`: a FontSet registered with reportlab (``Faces``);
* :mod:`~workshopkit.render.pdf.paper`: paper, margins, ink (``Palette``);
* :mod:`~workshopkit.render.pdf.styles`: paragraph styles, markup, boxes, table styles;
* :mod:`~workshopkit.render.pdf.keep`: keeping headings with what follows them;
* :mod:`~workshopkit.render.pdf.document`: the page footer, metadata and :func:`render`;
* :mod:`~workshopkit.render.pdf.booklet`: saddle-stitch imposition.
"""
from __future__ import annotations

from reportlab.lib import colors

from workshopkit.model.text import xml_safe

from workshopkit.plan.markup import parse, plain
from workshopkit.render.pdf.booklet import booklet_order, impose_booklet
from workshopkit.render.pdf.document import footer_lines, metadata, render
from workshopkit.render.pdf.fonts import Faces, register
from workshopkit.render.pdf.keep import Rows, Together, keep_first, keep_list, together
from workshopkit.render.pdf.paper import (FOOTER_LARGE_PT, FOOTER_PT, PAPER, Palette,
                                          footer_size, frame_height, frame_width, landscape,
                                          margins, page_size, palette, sheet_size)
from workshopkit.render.pdf.styles import escape as _escape
from workshopkit.render.pdf.styles import (cell_font, markup, note_box, para, paras, styles,
                                           table_style, texts, words)


def escape(s: str) -> str:
    """``s`` for a reportlab paragraph: XML-escaped, without characters XML cannot hold."""
    return _escape(xml_safe(s))

__all__ = [
    "escape", "colors", "parse", "plain",
    "booklet_order", "impose_booklet", "footer_lines", "metadata", "render",
    "Faces", "register", "Rows", "Together", "keep_first", "keep_list", "together",
    "FOOTER_LARGE_PT", "FOOTER_PT", "PAPER", "Palette", "footer_size", "frame_height",
    "frame_width", "landscape", "margins", "page_size", "palette", "sheet_size",
    "cell_font", "markup", "note_box", "para", "paras", "styles", "table_style", "texts",
    "words",
]
