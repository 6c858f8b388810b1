"""Booklets: half-size pages imposed 2-up, unscaled, on landscape sheets in
saddle-stitch order."""
from __future__ import annotations

import io

from workshopkit.render.pdf.paper import landscape


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
    prefs = reader.trailer["/Root"].get("/ViewerPreferences")
    if prefs is not None:
        writer._root_object[NameObject("/ViewerPreferences")] = writer._add_object(
            prefs.get_object().clone(writer))
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
