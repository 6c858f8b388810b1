"""Fonts for PDFs: a FontSet's faces registered with reportlab, from bytes.

Each font set is registered once per process under names of its own (a number
per font set object, which is kept alive so that the number is never reused), so
two sets never collide and registering again costs nothing; no digest of the
faces' megabytes is computed for it.  The names do not reach the PDF: it names the
embedded subsets after the fonts themselves.
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


_REGISTERED: dict[int, Faces] = {}
_FACES: set[str] = set()
_NAMED: dict[int, tuple[FontSet, Faces]] = {}
"""id of a font set -> (the set, kept alive so that its id is never reused; its names)."""


def names(fonts: FontSet) -> Faces:
    """The names ``fonts`` is registered under (see :func:`register`, :func:`face`)."""
    hit = _NAMED.get(id(fonts))
    if hit is None:
        stem = f"{''.join(fonts.family.split())}-wk{len(_NAMED) + 1}"
        hit = _NAMED[id(fonts)] = (fonts, Faces(stem, stem + "-Bold", stem + "-Oblique",
                                                stem + "-BoldOblique"))
    return hit[1]


def face(fonts: FontSet, style: str) -> str:
    """The name of one face of ``fonts``, registered on first use only (reading a face
    takes a while; a deck may never use its italics)."""
    name = names(fonts)[style]
    if name not in _FACES:
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(fonts.face(style))))
        _FACES.add(name)
    return name


def register_only(fonts: FontSet, styles: tuple[str, ...]) -> Faces:
    """Register the faces ``styles`` of ``fonts`` only, for a writer that knows it draws
    no other (reading a face takes 10-30 ms); the family maps all four names, so
    :func:`register` later registers the rest."""
    faces = names(fonts)
    for style in styles:
        face(fonts, style)
    pdfmetrics.registerFontFamily(faces.family, normal=faces.regular, bold=faces.bold,
                                  italic=faces.italic, boldItalic=faces.bolditalic)
    return faces


def register(fonts: FontSet) -> Faces:
    """Register ``fonts`` (once per process) and return the names to draw with."""
    hit = _REGISTERED.get(id(fonts))
    if hit is not None:
        return hit
    faces = names(fonts)
    for style in STYLES:
        face(fonts, style)
    pdfmetrics.registerFontFamily(faces.family, normal=faces.regular, bold=faces.bold,
                                  italic=faces.italic, boldItalic=faces.bolditalic)
    _REGISTERED[id(fonts)] = faces
    return faces
