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
    """Place half-size pages 2-up, unscaled, on landscape ``sheet``s in saddle-stitch order.

    Each page becomes a form XObject drawn at its place on the sheet (its content is
    copied, not parsed), and its link annotations move with it."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    sheet_w, sheet_h = landscape(sheet)
    half = sheet_w / 2
    writer = PdfWriter()
    forms: dict[int, object] = {}
    for left_no, right_no in booklet_order(len(pages)):
        side = writer.add_blank_page(width=sheet_w, height=sheet_h)
        placed, ops, annots = {}, [], []
        for number, x0 in ((left_no, 0.0), (right_no, half)):
            if number > len(pages):
                continue
            page = pages[number - 1]
            pw, ph = float(page.mediabox.width), float(page.mediabox.height)
            dx, dy = x0 + (half - pw) / 2, (sheet_h - ph) / 2
            if number not in forms:
                forms[number] = _form(writer, page)
            name = f"/P{number}"
            placed[NameObject(name)] = forms[number]
            ops.append(f"q 1 0 0 1 {dx:.4f} {dy:.4f} cm {name} Do Q")
            annots += _moved_annotations(writer, page, dx, dy)
        _fill(writer, side, placed, " ".join(ops).encode("ascii"), annots)
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


def _form(writer, page):
    """``page`` as a form XObject in ``writer`` (compressed; its resources copied)."""
    from pypdf.generic import (ArrayObject, DecodedStreamObject, FloatObject, NameObject)

    data = page.get_contents().get_data() if page.get_contents() is not None else b""
    form = DecodedStreamObject()
    form.set_data(data)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in page.mediabox)
    res = page.get("/Resources")
    if res is not None:
        form[NameObject("/Resources")] = res.get_object().clone(writer)
    return writer._add_object(form.flate_encode())


def _moved_annotations(writer, page, dx: float, dy: float) -> list:
    """The page's link annotations, copied into ``writer`` and moved by (dx, dy)."""
    from pypdf.generic import ArrayObject, FloatObject, NameObject

    out = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object().clone(writer)
        annot.pop(NameObject("/P"), None)
        rect = annot.get("/Rect")
        if rect is not None:
            x1, y1, x2, y2 = (float(v) for v in rect)
            annot[NameObject("/Rect")] = ArrayObject(
                FloatObject(round(v, 4)) for v in (x1 + dx, y1 + dy, x2 + dx, y2 + dy))
        out.append(annot.indirect_reference or writer._add_object(annot))
    return out


def _fill(writer, side, placed: dict, content: bytes, annots: list) -> None:
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject,
                               NameObject)

    stream = DecodedStreamObject()
    stream.set_data(content)
    side[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    res = DictionaryObject()
    res[NameObject("/XObject")] = DictionaryObject(placed)
    side[NameObject("/Resources")] = res
    if annots:
        side[NameObject("/Annots")] = ArrayObject(annots)
