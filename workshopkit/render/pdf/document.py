"""The document: a story laid out on the page, the footer on every page, metadata.

:func:`render` lays a reportlab *story* (a list of flowables) out on the chosen
paper, draws the footer ("Page X of Y", licence, version, date) on every page,
writes deterministic metadata, and imposes the pages as a booklet when asked.
"""
from __future__ import annotations

import io
from typing import Callable, Optional

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from workshopkit import __version__
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.plan.markup import plain
from workshopkit.render.pdf.booklet import impose_booklet
from workshopkit.render.pdf.fonts import Faces
from workshopkit.render.pdf.keep import Together
from workshopkit.render.pdf.paper import (footer_size, landscape, margins, page_size, palette,
                                          sheet_size)
from workshopkit.render.pdf.meta import deflate_only, metadata, words


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text``, cut with an ellipsis to fit ``width`` (a binary search: titles may be
    thousands of characters long), after a whole word when one ends in the last third."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # text[:lo] + "…" fits; text[:hi] + "…" does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid
    space = text.rfind(" ", 0, lo + 1)  # end on a whole word when one ends near the cut
    if text[lo:lo + 1] not in ("", " ") and space > lo * 2 // 3:
        lo = space
    return text[:lo].rstrip(" ·,;:–—|") + "…"


def footer_lines(cur: Curriculum, languages: tuple[str, ...], options: Options,
                 kind_title: str) -> tuple[str, str]:
    """(title line, licence/version/date line) of the page footer, in the first language
    only: page furniture stays on one line even in bilingual large-print booklets."""
    lang = languages[0]
    first = f"{plain(cur.title.get(lang))} · {kind_title}"
    bits = []
    if cur.license:
        bits.append(words("Licence: {licence}", languages[:1], licence=cur.license))
    if cur.version:
        bits.append(words("Version {version}", languages[:1], version=cur.version))
    if options.dated:
        bits.append(options.date.strftime("%Y-%m-%d"))
    if cur.reviewed:
        bits.append(words("Reviewed: {date}", languages[:1], date=cur.reviewed.isoformat()))
    return first, " · ".join(bits)


def _canvas_maker(cur: Curriculum, languages: tuple[str, ...], options: Options, faces: Faces,
                  kind_title: str) -> type:
    left, right, _, _ = margins(options)
    size = footer_size(options)
    pal = palette(options)
    line1, line2 = footer_lines(cur, languages, options, kind_title)
    date = options.date.strftime("D:%Y%m%d%H%M%S+00'00'")

    class FooterCanvas(Canvas):
        """Holds pages back until the end so every footer knows the page count."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []
            self.setDateFormatter(lambda *_a: date)
            self.setViewerPreference("DisplayDocTitle", "true")  # viewers show the title

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                Canvas.showPage(self)
            with deflate_only():
                Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            w, _h = self._pagesize
            page = words("Page {page} of {pages}", languages[:1], page=number, pages=total)
            y = 14 + size * 1.25
            self.saveState()
            self.setStrokeColor(pal.rule)
            self.setLineWidth(0.5)
            self.line(left, y + size + 3, w - right, y + size + 3)
            self.setFillColor(pal.muted)
            self.setFont(faces["bold"], size)
            pw = pdfmetrics.stringWidth(page, faces["bold"], size)
            self.drawRightString(w - right, y, page)
            self.setFont(faces["regular"], size)
            room = w - left - right
            self.drawString(left, y, fit_line(line1, faces["regular"], size, room - pw - 12))
            self.drawString(left, y - size * 1.25, fit_line(line2, faces["regular"], size, room))
            self.restoreState()

    return FooterCanvas


def render(story: list[Flowable], *, cur: Curriculum, languages: tuple[str, ...],
           options: Options, faces: Faces, kind_title: str,
           header: Optional[Callable[[Canvas, BaseDocTemplate], None]] = None,
           page_end: Optional[Callable[[Canvas, BaseDocTemplate], None]] = None,
           header_room: float = 0.0) -> bytes:
    """Lay ``story`` out and return the PDF bytes (deterministic for the same input).

    ``faces``: the registered fonts the story's styles name (its footer uses them too).
    ``header(canvas, doc)``, when given, is called on every page before its content,
    ``page_end(canvas, doc)`` after it; ``header_room`` points at the top of the page
    are left free for what they draw.
    """
    size = page_size(options)
    left, right, top, bottom = margins(options)
    meta = metadata(cur, languages, options, kind_title)
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=left, rightMargin=right,
                          topMargin=top, bottomMargin=bottom, invariant=1, lang=meta["lang"],
                          title=meta["title"], author=meta["author"], subject=meta["subject"],
                          keywords=meta["keywords"], creator=meta["creator"],
                          producer=f"workshopkit {__version__}",
                          initialFontName=faces["regular"], pageCompression=1,
                          keepTogetherClass=Together)  # a heading with a table taller than a page
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom - header_room,
                  id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    on_page = (lambda canv, d: header(canv, d)) if header else (lambda canv, d: None)
    on_end = (lambda canv, d: page_end(canv, d)) if page_end else (lambda canv, d: None)
    doc.addPageTemplates([PageTemplate(id="main", frames=[frame], onPage=on_page,
                                       onPageEnd=on_end, pagesize=size)])
    story = list(story)
    while story and type(story[-1]) is Spacer:  # space after the end could only add a page
        story.pop()
    doc.build(story, canvasmaker=_canvas_maker(cur, languages, options, faces,
                                                                kind_title))
    data = buf.getvalue()
    if options.booklet:
        data = impose_booklet(data, landscape(sheet_size(options)))
    return data
