"""What every printed PDF shares: fonts, paper, ink, styles, footer, metadata, booklets.

Writers build a reportlab *story* (a list of flowables) with the helpers here and
hand it to :func:`render`, which lays it out on the chosen paper, draws the footer
("Page X of Y", licence, version, date) on every page, writes deterministic
metadata, and imposes the pages as a saddle-stitched booklet when asked.

Print options (:class:`workshopkit.model.options.Options`):

* ``paper``: ``letter`` or ``a4``, exact sizes.
* ``ink == "low"``: greys only and no filled backgrounds (cheap black-and-white printers).
* ``large_print``: every text style is at least 16 pt, reflowed (never scaled);
  only the page footer is smaller, at 12 pt.
* ``booklet``: pages are laid out at half size (A5, or 5.5 x 8.5 in) and imposed
  2-up, unscaled, onto landscape sheets in saddle-stitch order.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Iterable, Optional
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from workshopkit import __version__
from workshopkit.source.fonts import font_path
from workshopkit.model.text import Text
from workshopkit.i18n import ui
from workshopkit.plan.markup import parse, plain
from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.render.pdf.keep import Rows, Together, keep_first, keep_list, together

FAMILY = "DejaVuSans"
FONTS = {"regular": FAMILY, "bold": FAMILY + "-Bold", "italic": FAMILY + "-Oblique",
         "bolditalic": FAMILY + "-BoldOblique"}

PAPER: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.276, 841.89),
}
"""Paper sizes in points, portrait (width, height)."""

FOOTER_PT = 8.0
FOOTER_LARGE_PT = 12.0
"""The footer is the only text below 16 pt in large print (a page reference, not content)."""


def register_fonts() -> None:
    """Register the bundled DejaVu Sans faces as the family "DejaVuSans" (idempotent)."""
    if FONTS["regular"] in pdfmetrics.getRegisteredFontNames():
        return
    for style, name in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
    pdfmetrics.registerFontFamily(FAMILY, normal=FONTS["regular"], bold=FONTS["bold"],
                                  italic=FONTS["italic"], boldItalic=FONTS["bolditalic"])


# ---------------------------------------------------------------- paper

def sheet_size(options: Options) -> tuple[float, float]:
    """The physical paper, portrait."""
    return PAPER.get(options.paper, PAPER["letter"])


def page_size(options: Options) -> tuple[float, float]:
    """The page to lay out on: the paper, or half of it (portrait) for a booklet."""
    w, h = sheet_size(options)
    if options.booklet:
        return (h / 2, w)
    return (w, h)


def margins(options: Options) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) in points; the bottom leaves room for the footer."""
    side = 32.0 if options.booklet else 46.0
    top = 30.0 if options.booklet else 40.0
    bottom = top + (2 * footer_size(options) * 1.25 + 10)
    return side, side, top, bottom


def frame_width(options: Options) -> float:
    left, right, _, _ = margins(options)
    return page_size(options)[0] - left - right


def frame_height(options: Options) -> float:
    _, _, top, bottom = margins(options)
    return page_size(options)[1] - top - bottom


def footer_size(options: Options) -> float:
    return FOOTER_LARGE_PT if options.large_print else FOOTER_PT


# ---------------------------------------------------------------- ink

@dataclass(frozen=True)
class Palette:
    """Colours for one ink setting; ``None`` fills mean "draw no background"."""

    text: colors.Color
    muted: colors.Color       # second language, hints
    accent: colors.Color      # headings, rules under headings
    rule: colors.Color        # writing lines, grid lines
    border: colors.Color      # boxes and table borders
    fill: Optional[colors.Color]       # light background of boxes
    head_fill: Optional[colors.Color]  # table header background
    warn_fill: Optional[colors.Color]  # opsec box background


def palette(options: Options) -> Palette:
    if options.ink == "low":
        grey = colors.Color(0.35, 0.35, 0.35)
        return Palette(text=colors.black, muted=grey, accent=colors.black,
                       rule=colors.Color(0.55, 0.55, 0.55), border=colors.Color(0.3, 0.3, 0.3),
                       fill=None, head_fill=None, warn_fill=None)
    return Palette(text=colors.Color(0.1, 0.1, 0.12), muted=colors.Color(0.33, 0.36, 0.4),
                   accent=colors.Color(0.05, 0.33, 0.36), rule=colors.Color(0.62, 0.65, 0.68),
                   border=colors.Color(0.35, 0.45, 0.47), fill=colors.Color(0.93, 0.96, 0.96),
                   head_fill=colors.Color(0.86, 0.92, 0.92), warn_fill=colors.Color(0.99, 0.95, 0.88))


# ---------------------------------------------------------------- styles

_SIZES = {  # name: (normal pt, large-print pt)
    "title": (22, 28), "subtitle": (13, 18), "h1": (16, 22), "h2": (13, 19), "h3": (11.5, 17),
    "body": (10.5, 16), "second": (9.5, 16), "small": (9, 16), "label": (8.5, 16),
    "cell": (9.5, 16), "cellhead": (9.5, 16), "cell2": (8.5, 16), "box": (10, 16),
}


def styles(options: Options) -> dict[str, ParagraphStyle]:
    """Paragraph styles; in large print every one is >= 16 pt (the text reflows)."""
    register_fonts()
    pal = palette(options)
    big = 1 if options.large_print else 0
    out: dict[str, ParagraphStyle] = {}

    def mk(name: str, font: str = "regular", color=None, before: float = 0, after: float = 0,
           **kw) -> None:
        size = float(_SIZES[name][big])
        out[name] = ParagraphStyle(name, fontName=FONTS[font], fontSize=size,
                                   leading=round(size * 1.3, 1), textColor=color or pal.text,
                                   spaceBefore=before, spaceAfter=after, hyphenationLang="",
                                   embeddedHyphenation=0, uriWasteReduce=0,
                                   bulletFontName=FONTS["regular"], bulletFontSize=size, **kw)

    mk("title", "bold", pal.accent, after=6)
    mk("subtitle", "regular", pal.muted, after=10)
    mk("h1", "bold", pal.accent, before=6, after=4, keepWithNext=1)
    mk("h2", "bold", pal.accent, before=10, after=4, keepWithNext=1)
    mk("h3", "bold", None, before=8, after=3, keepWithNext=1)
    mk("body", after=3)
    mk("second", "italic", pal.muted, after=3)
    mk("small", "regular", pal.muted)
    mk("label", "bold", pal.muted)
    mk("cell")
    mk("cellhead", "bold")
    mk("cell2", "italic", pal.muted)
    mk("box")
    size = footer_size(options)
    out["footer"] = ParagraphStyle("footer", fontName=FONTS["regular"], fontSize=size,
                                   bulletFontName=FONTS["regular"],
                                   leading=size * 1.25, textColor=pal.muted)
    out["center"] = ParagraphStyle("center", parent=out["body"], alignment=TA_CENTER)
    return out


def para(text: str, style: ParagraphStyle, lang: Optional[str] = None) -> Paragraph:
    """A paragraph of workshopkit markup (``**bold**``, ``*italic*``), XML-escaped."""
    return Paragraph(markup(text), style)


def markup(text: str) -> str:
    """Workshopkit markup -> reportlab paragraph markup (escaped; newlines kept)."""
    parts = []
    for run in parse(text):
        s = escape(run.text).replace("\n", "<br/>")
        if run.bold:
            s = f"<b>{s}</b>"
        if run.italic:
            s = f"<i>{s}</i>"
        parts.append(s)
    return "".join(parts)


def texts(text: Optional[Text], languages: tuple[str, ...]) -> list[str]:
    """The Text in each language, once when they are the same."""
    if text is None:
        return []
    out: list[str] = []
    for lang in languages:
        s = text.get(lang)
        if s not in out:
            out.append(s)
    return out


def paras(text: Optional[Text], languages: tuple[str, ...], st: dict[str, ParagraphStyle],
          style: str = "body", second: str = "second") -> list[Paragraph]:
    """The Text as a paragraph in the first language, then the others beneath, lighter."""
    out = []
    for i, s in enumerate(texts(text, languages)):
        out.append(para(s, st[style] if i == 0 else st[second], languages[min(i, len(languages) - 1)]))
    return out


def words(msgid: str, languages: tuple[str, ...], sep: str = " / ", **fmt) -> str:
    """An interface phrase in every language: ``Name / Nombre`` (once if equal)."""
    out: list[str] = []
    for lang in languages:
        s = ui(lang)(msgid).format(**fmt) if fmt else ui(lang)(msgid)
        if s not in out:
            out.append(s)
    return sep.join(out)


# ---------------------------------------------------------------- flowables

def note_box(label: str, body: list[Flowable], options: Options, *, warn: bool = False,
             width: Optional[float] = None) -> Table:
    """A bordered box with a bold label (wellbeing, opsec, notes); prints well in greyscale:
    the border and the label carry the meaning, and low ink draws no fill. ``warn`` boxes
    have a thick left bar."""
    st = styles(options)
    pal = palette(options)
    width = width or frame_width(options)
    rows = [[Paragraph(escape(label), st["label"])]] + [[f] for f in body]
    box = Rows(rows, colWidths=[width], hAlign="LEFT", repeatRows=1)  # the label on each part
    fill = pal.warn_fill if warn else pal.fill
    cmds = CELL_FONT + [("BOX", (0, 0), (-1, -1), 1.6 if warn else 0.9, pal.border),
            ("LEFTPADDING", (0, 0), (-1, -1), 10 if warn else 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), 6)]
    if warn:
        cmds.append(("LINEBEFORE", (0, 0), (0, -1), 5, pal.border))
    if fill is not None:
        cmds.append(("BACKGROUND", (0, 0), (-1, -1), fill))
    box.setStyle(TableStyle(cmds))
    return box


NoteBox = note_box


CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), FONTS["regular"])]
"""Table cells that hold plain strings (even empty ones) would otherwise set Helvetica."""


def table_style(options: Options, header_rows: int = 1) -> list[tuple]:
    """Grid table commands shared by writers: borders, padding, header background."""
    pal = palette(options)
    pad = 5 if options.large_print else 4
    cmds = CELL_FONT + [("GRID", (0, 0), (-1, -1), 0.6, pal.border), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad - 1), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]
    if header_rows:
        cmds.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1.4, pal.border))
        if pal.head_fill is not None:
            cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), pal.head_fill))
    return cmds


# ---------------------------------------------------------------- the document

def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text``, cut with an ellipsis to fit ``width`` (a binary search: titles may be
    thousands of characters long)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    lo, hi = 0, len(text)  # text[:lo] + "…" fits; text[:hi] + "…" does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid
    return text[:lo].rstrip() + "…"


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
    bits.append(options.date.strftime("%Y-%m-%d"))
    return first, " · ".join(bits)


def _canvas_maker(cur: Curriculum, languages: tuple[str, ...], options: Options,
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

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                Canvas.showPage(self)
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
            self.setFont(FONTS["bold"], size)
            pw = pdfmetrics.stringWidth(page, FONTS["bold"], size)
            self.drawRightString(w - right, y, page)
            self.setFont(FONTS["regular"], size)
            self.drawString(left, y, _fit(line1, FONTS["regular"], size, w - left - right - pw - 12))
            self.drawString(left, y - size * 1.25, _fit(line2, FONTS["regular"], size, w - left - right))
            self.restoreState()

    return FooterCanvas


def metadata(cur: Curriculum, languages: tuple[str, ...], options: Options,
             kind_title: str) -> dict[str, str]:
    lang = languages[0]
    authors = ", ".join(plain(a.name.get(lang)) for a in cur.authors)
    return {
        "title": f"{plain(cur.title.get(lang))} — {kind_title}",
        "author": "" if options.anonymous else authors,
        "subject": plain(cur.summary.get(lang)) if cur.summary else "",
        "keywords": ", ".join([cur.id, *languages, kind_title]),
        "creator": f"workshopkit {__version__}",
        "lang": lang,
    }


def render(story: list[Flowable], *, cur: Curriculum, languages: tuple[str, ...],
           options: Options, kind_title: str,
           header: Optional[Callable[[Canvas, BaseDocTemplate], None]] = None) -> bytes:
    """Lay ``story`` out and return the PDF bytes (deterministic for the same input).

    ``header(canvas, doc)``, when given, is called on every page before its content.
    """
    register_fonts()
    size = page_size(options)
    left, right, top, bottom = margins(options)
    meta = metadata(cur, languages, options, kind_title)
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=left, rightMargin=right,
                          topMargin=top, bottomMargin=bottom, invariant=1, lang=meta["lang"],
                          title=meta["title"], author=meta["author"], subject=meta["subject"],
                          keywords=meta["keywords"], creator=meta["creator"],
                          producer=f"workshopkit {__version__}",
                          initialFontName=FONTS["regular"], pageCompression=1)
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    on_page = (lambda canv, d: header(canv, d)) if header else (lambda canv, d: None)
    doc.addPageTemplates([PageTemplate(id="main", frames=[frame], onPage=on_page, pagesize=size)])
    doc.build(list(story), canvasmaker=_canvas_maker(cur, languages, options, kind_title))
    data = buf.getvalue()
    if options.booklet:
        data = impose_booklet(data, landscape(sheet_size(options)))
    return data


def landscape(size: tuple[float, float]) -> tuple[float, float]:
    w, h = size
    return (max(w, h), min(w, h))


# ---------------------------------------------------------------- booklets

def booklet_order(pages: int) -> list[tuple[int, int]]:
    """Saddle-stitch order: (left, right) 1-based page numbers for each sheet side.

    ``pages`` is padded up to a multiple of 4; numbers past the real count are blanks.
    For 8 pages: [(8, 1), (2, 7), (6, 3), (4, 5)].
    """
    n = max(4, -(-pages // 4) * 4)
    out = []
    for i in range(n // 4):
        out.append((n - 2 * i, 2 * i + 1))
        out.append((2 * i + 2, n - 2 * i - 1))
    return out


def impose_booklet(pdf: bytes, sheet: tuple[float, float]) -> bytes:
    """Place half-size pages 2-up, unscaled, on landscape ``sheet``s in saddle-stitch order."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    sheet_w, sheet_h = landscape(sheet)
    half = sheet_w / 2
    writer = PdfWriter()
    for left_no, right_no in booklet_order(len(pages)):
        side = writer.add_blank_page(width=sheet_w, height=sheet_h)
        for number, x0 in ((left_no, 0.0), (right_no, half)):
            if number > len(pages):
                continue
            page = pages[number - 1]
            pw = float(page.mediabox.width)
            ph = float(page.mediabox.height)
            dx = x0 + (half - pw) / 2
            dy = (sheet_h - ph) / 2
            side.merge_transformed_page(page, Transformation().translate(dx, dy))
    info = reader.metadata or {}
    writer.add_metadata({k: v for k, v in info.items()})
    lang = reader.trailer["/Root"].get("/Lang")
    if lang is not None:
        writer._root_object[NameObject("/Lang")] = TextStringObject(str(lang))
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flatten(items: Iterable) -> list:
    out = []
    for x in items:
        if isinstance(x, (list, tuple)):
            out.extend(flatten(x))
        elif x is not None:
            out.append(x)
    return out
