"""Paragraph styles, markup and the boxes and tables every printed PDF shares.

``large_print``: every text style is at least 16 pt, reflowed (never scaled); only
the page footer is smaller, at 12 pt.  Styles name the faces of a registered font
set (:func:`workshopkit.render.pdf.fonts.register`).
"""
from __future__ import annotations

import re
from typing import Optional

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from workshopkit.model.options import Options
from workshopkit.model.text import Text, xml_safe
from workshopkit.plan.markup import parse
from workshopkit.render.pdf.fonts import Faces
from workshopkit.render.pdf.hyphen import in_language, language_kw
from workshopkit.render.pdf.keep import Rows
from workshopkit.render.pdf.meta import words
from workshopkit.render.pdf.paper import footer_size, frame_width, palette

def escape(s: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities (as ``xml.sax.saxutils.escape``, whose
    import brings in ``urllib.request`` and ``http.client``: tens of milliseconds)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SIZES = {  # name: (normal pt, large-print pt)
    "title": (22, 28), "subtitle": (13, 18), "h1": (16, 22), "h2": (13, 19), "h3": (11.5, 17),
    "body": (10.5, 16), "second": (9.5, 16), "small": (9, 16), "label": (8.5, 16),
    "cell": (9.5, 16), "cellhead": (9.5, 16), "cell2": (8.5, 16), "box": (10, 16),
}


def styles(options: Options, faces: Faces, lang: str = "") -> dict[str, ParagraphStyle]:
    """Paragraph styles; in large print every one is >= 16 pt (the text reflows).
    Words break at ``lang``'s hyphenation points, URLs after ``/ . - _ ? & =``."""
    pal = palette(options)
    big = 1 if options.large_print else 0
    out: dict[str, ParagraphStyle] = {}
    hy = language_kw(lang)

    def mk(name: str, font: str = "regular", color=None, before: float = 0, after: float = 0,
           **kw) -> None:
        size = float(_SIZES[name][big])
        out[name] = ParagraphStyle(name, fontName=faces[font], fontSize=size,
                                   leading=round(size * 1.3, 1), textColor=color or pal.text,
                                   spaceBefore=before, spaceAfter=after, **hy,
                                   bulletFontName=faces["regular"], bulletFontSize=size,
                                   allowWidows=0, allowOrphans=0, **kw)  # no line left alone
        out[name]._wk_lang = lang

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
    out["footer"] = ParagraphStyle("footer", fontName=faces["regular"], fontSize=size, **hy,
                                   bulletFontName=faces["regular"],
                                   leading=size * 1.25, textColor=pal.muted)
    out["center"] = ParagraphStyle("center", parent=out["body"], alignment=TA_CENTER)
    return out


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of workshopkit markup (``**bold**``, ``*italic*``), XML-escaped."""
    return Paragraph(markup(text), style)


GLUED = re.compile(r" (?=[?!:;)\]»]+(?: |\n|$))")
"""A space before a word of closing punctuation only ("P or ?)", "demain… ?"): a line
never starts with it (nor ends with an opening «)."""


def markup(text: str) -> str:
    """Workshopkit markup -> reportlab paragraph markup (escaped; newlines kept)."""
    parts = []
    for run in parse(text):
        s = GLUED.sub("\u00a0", xml_safe(run.text)).replace("« ", "«\u00a0")
        s = escape(s).replace("\n", "<br/>")
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
    said = texts(text, languages)
    for i, s in enumerate(said):
        lang = languages[i] if len(said) == len(languages) else languages[0]
        out.append(para(s, in_language(st[style] if i == 0 else st[second], lang)))
    return out


def note_box(label: str, body: list[Flowable], options: Options, faces: Faces, *,
             warn: bool = False, width: Optional[float] = None) -> Table:
    """A bordered box with a bold label (wellbeing, opsec, notes); prints well in greyscale:
    the border and the label carry the meaning, and low ink draws no fill. ``warn`` boxes
    have a thick left bar."""
    st = styles(options, faces)
    pal = palette(options)
    width = width or frame_width(options)
    rows = [[Paragraph(escape(label), st["label"])]] + [[f] for f in body]
    box = Rows(rows, colWidths=[width], hAlign="LEFT", repeatRows=1)  # the label on each part
    fill = pal.warn_fill if warn else pal.fill
    cmds = cell_font(faces) + [("BOX", (0, 0), (-1, -1), 1.6 if warn else 0.9, pal.border),
            ("LEFTPADDING", (0, 0), (-1, -1), 10 if warn else 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), 6)]
    if warn:
        cmds.append(("LINEBEFORE", (0, 0), (0, -1), 5, pal.border))
    if fill is not None:
        cmds.append(("BACKGROUND", (0, 0), (-1, -1), fill))
    box.setStyle(TableStyle(cmds))
    return box


def cell_font(faces: Faces) -> list[tuple]:
    """Table cells that hold plain strings (even empty ones) would otherwise set Helvetica."""
    return [("FONTNAME", (0, 0), (-1, -1), faces.regular)]


def table_style(options: Options, faces: Faces, header_rows: int = 1) -> list[tuple]:
    """Grid table commands shared by writers: borders, padding, header background."""
    pal = palette(options)
    pad = 5 if options.large_print else 4
    cmds = cell_font(faces) + [("GRID", (0, 0), (-1, -1), 0.6, pal.border), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad - 1), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]
    if header_rows:
        cmds.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1.4, pal.border))
        if pal.head_fill is not None:
            cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), pal.head_fill))
    return cmds
