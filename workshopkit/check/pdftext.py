"""PDF pages read back as positioned text fragments.

A fragment is one run of text on one line of one column (pdfium's text rectangles):
table cells and columns stay apart. Coordinates are points from the top-left corner
of the (logical) page. Booklets, imposed two pages to a landscape sheet, are split back
into their pages in reading order.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

PAGE_NUMBER_RE = re.compile(r"\b\d+\s+\S{1,4}\s+\d+\s*$")  # "Página 2 de 8", "Page 2 of 8"


@dataclass
class Frag:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int  # logical page, 1-based
    width: float
    height: float
    frags: list[Frag]  # top to bottom, left to right
    footer: list[Frag] = field(default_factory=list)
    sheet: int = 0  # physical page, 1-based
    half: str = ""  # "left"/"right" on an imposed booklet sheet
    source: Path | None = None  # the PDF, to read drawn boxes on demand
    _paths: list | None = None

    @property
    def paths(self) -> list[tuple[float, float, float, float]]:
        """Boxes (x0, top, x1, bottom) of drawn lines, rules and images, read when asked."""
        if self._paths is None:
            self._paths = []
            if self.source is not None:
                doc = pdfium.PdfDocument(str(self.source))
                try:
                    page = doc[self.sheet - 1]
                    x_off = self.width if self.half == "right" else 0.0
                    for a, t, c, b in _paths(page, self.height):
                        if not self.half or x_off <= (a + c) / 2 < x_off + self.width:
                            self._paths.append((a - x_off, t, c - x_off, b))
                    page.close()
                finally:
                    doc.close()
        return self._paths


def read_pdf(path: Path, booklet: bool | None = None) -> list[Page]:
    """The logical pages of ``path``; ``booklet`` None: landscape sheets of 2-up text."""
    doc = pdfium.PdfDocument(str(path))
    try:
        sheets = []
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            sheets.append((w, h, _frags(page, h), None))
            page.close()
    finally:
        doc.close()
    if booklet is None:
        booklet = bool(sheets) and all(w > h for w, h, _, _ in sheets) and _two_up(sheets)
    pages: list[Page] = []
    if not booklet:
        for i, (w, h, frags, paths) in enumerate(sheets):
            pages.append(Page(i + 1, w, h, frags, sheet=i + 1, source=Path(path)))
    else:
        n = 2 * len(sheets)
        for i, (w, h, frags, paths) in enumerate(sheets):
            s = i // 2
            left, right = (n - 2 * s, 2 * s + 1) if i % 2 == 0 else (2 * s + 2, n - 2 * s - 1)
            half = w / 2
            for num, x_off, side in ((left, 0.0, "left"), (right, half, "right")):
                mine = [_shift(f, x_off) for f in frags if x_off <= (f.x0 + f.x1) / 2 < x_off + half]
                pages.append(Page(num, half, h, mine, sheet=i + 1, half=side, source=Path(path)))
        pages.sort(key=lambda p: p.number)
    for p in pages:
        _split_footer(p)
    return pages


def _two_up(sheets) -> bool:
    """Whether landscape sheets carry two page numbers each (an imposed booklet)."""
    for w, h, frags, _ in sheets:
        nums = [f for f in frags if f.top > h * 0.85 and PAGE_NUMBER_RE.search(f.text)]
        if len(nums) >= 2 and min(f.x0 for f in nums) < w / 2 <= max(f.x0 for f in nums):
            return True
    return False


def _shift(f: Frag, dx: float) -> Frag:
    return Frag(f.text, f.x0 - dx, f.top, f.x1 - dx, f.bottom, f.size, f.bold)


def _frags(page, height: float) -> list[Frag]:
    tp = page.get_textpage()
    out = []
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size_t = 4096
    text_buf = (ctypes.c_ushort * size_t)()
    text_ptr = ctypes.cast(text_buf, ctypes.POINTER(ctypes.c_ushort))
    try:
        for i in range(tp.count_rects()):
            x0, y0, x1, y1 = tp.get_rect(i)
            n = pdfium_c.FPDFText_GetBoundedText(tp.raw, x0, y1, x1, y0, text_ptr, size_t)
            text = (ctypes.string_at(text_buf, 2 * n).decode("utf-16-le", "ignore").rstrip("\0")
                    if n < size_t else tp.get_text_bounded(x0, y0, x1, y1))
            if not text.strip():
                continue
            idx = tp.get_index(x0 + min(1.0, (x1 - x0) / 2), (y0 + y1) / 2, 3, 3)
            size, bold = y1 - y0, False
            if idx is not None and idx >= 0:
                size = pdfium_c.FPDFText_GetFontSize(tp.raw, idx)
                pdfium_c.FPDFText_GetFontInfo(tp.raw, idx, buf, 128, ctypes.byref(flags))
                name = buf.value.decode("latin-1", "replace")
                bold = "Bold" in name or "Black" in name or (flags.value & (1 << 18)) != 0
                if bold:  # a run that ends in regular type is not a heading ("09:55 Break")
                    end = tp.get_index(x1 - min(1.0, (x1 - x0) / 2), (y0 + y1) / 2, 3, 3)
                    if end is not None and end >= 0 and end != idx:
                        pdfium_c.FPDFText_GetFontInfo(tp.raw, end, buf, 128, ctypes.byref(flags))
                        last = buf.value.decode("latin-1", "replace")
                        bold = "Bold" in last or "Black" in last or (flags.value & (1 << 18)) != 0
            out.append(Frag(text.replace("\r", "").replace("\n", " "), x0, height - y1,
                            x1, height - y0, round(size, 1), bold))
    finally:
        tp.close()
    out.sort(key=lambda f: (round(f.top), f.x0))
    return out


def _paths(page, height: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom) of drawn lines, rules and images: what text may introduce
    (inside form XObjects too, such as an imposed booklet's pages, placed on the sheet)."""
    out = []
    for x0, y0, x1, y1 in _drawn_boxes(page):
        out.append((x0, height - y1, x1, height - y0))
    return out


def _drawn_boxes(page, form=None, m=(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)):
    kinds = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
    for obj in page.get_objects(form=form, max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            a, b, c, d, e, f = obj.get_matrix().get()
            ma, mb, mc, md, me, mf = m  # the form's matrix, then the one around it
            yield from _drawn_boxes(page, obj, (a * ma + b * mc, a * mb + b * md,
                                                c * ma + d * mc, c * mb + d * md,
                                                e * ma + f * mc + me, e * mb + f * md + mf))
        elif obj.type in kinds:
            x0, y0, x1, y1 = obj.get_bounds()
            xs = [m[0] * x + m[2] * y + m[4] for x in (x0, x1) for y in (y0, y1)]
            ys = [m[1] * x + m[3] * y + m[5] for x in (x0, x1) for y in (y0, y1)]
            yield min(xs), min(ys), max(xs), max(ys)


def _split_footer(page: Page) -> None:
    """Move the footer (the page number's line and anything below it) out of frags."""
    nums = [f for f in page.frags if f.top > page.height * 0.85 and PAGE_NUMBER_RE.search(f.text)]
    if nums:  # the lowest such line: a hint such as "Write a number from 0 to 80" above it
        limit = max(f.top for f in nums) - 2  # is page content, not the footer
    else:
        limit = page.height * 0.95
    page.footer = [f for f in page.frags if f.top >= limit]
    page.frags = [f for f in page.frags if f.top < limit]
