"""Fonts for PDFs: a FontSet's faces registered with reportlab, from bytes.

Each font set is registered once per process under names made from its digest,
so two sets never collide and registering again costs nothing.  The names do
not reach the PDF: it names the embedded subsets after the fonts themselves.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshopkit.model.settings import STYLES, FontSet


@dataclass(frozen=True)
class Faces:
    """reportlab's names of the four faces of a registered font set."""

    regular: str
    bold: str
    italic: str
    bolditalic: str

    def __getitem__(self, style: str) -> str:
        return getattr(self, style)

    @property
    def family(self) -> str:
        """The family name reportlab maps <b> and <i> through."""
        return self.regular


_REGISTERED: dict[str, Faces] = {}


def register(fonts: FontSet) -> Faces:
    """Register ``fonts`` (once per process) and return the names to draw with."""
    hit = _REGISTERED.get(fonts.digest)
    if hit is not None:
        return hit
    stem = "".join(fonts.family.split()) + "-" + fonts.digest
    faces = Faces(stem, stem + "-Bold", stem + "-Oblique", stem + "-BoldOblique")
    for style in STYLES:
        pdfmetrics.registerFont(TTFont(faces[style], io.BytesIO(fonts.face(style))))
    pdfmetrics.registerFontFamily(faces.family, normal=faces.regular, bold=faces.bold,
                                  italic=faces.italic, boldItalic=faces.bolditalic)
    _REGISTERED[fonts.digest] = faces
    return faces
