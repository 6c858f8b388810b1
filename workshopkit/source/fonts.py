"""The bundled fonts (DejaVu Sans, in workshopkit/assets/fonts/ with its licence)."""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

FAMILY = "DejaVu Sans"
FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bolditalic": "DejaVuSans-BoldOblique.ttf",
}


@functools.lru_cache(maxsize=1)
def font_dir() -> Path:
    """workshopkit/assets/fonts/: package data, found through the import system the
    same way in a checkout, an editable install, a wheel and an sdist install."""
    return Path(str(resources.files("workshopkit.assets").joinpath("fonts")))


def font_path(style: str = "regular") -> Path:
    return font_dir() / FILES[style]


@functools.lru_cache(maxsize=1)
def _cmap() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(font_path())).charToGlyph)


def missing_chars(s: str) -> list[str]:
    """Characters of ``s`` the bundled font cannot draw (controls excluded)."""
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 0x250 or ch in "\n\t":  # Latin, Latin-1 and Latin Extended: always covered
            continue
        if cp not in _cmap() and ch not in out:
            out.append(ch)
    return out
