"""Everything a writer needs besides the curriculum, read once at load time.

:func:`workshopkit.source.settings.resolve` reads the theme, its logo and fonts,
the deck template, every image a curriculum shows and the bundled fonts into a
:class:`Settings`; planners and writers draw from it and never open a file.
Plain frozen data: no I/O here.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Mapping, Optional

STYLES = ("regular", "bold", "italic", "bolditalic")
"""The four faces of a font family, in this order everywhere."""

BUNDLED_FAMILY = "DejaVu Sans"
"""The family of the bundled fonts (workshopkit.source.fonts.FAMILY)."""


@dataclass(frozen=True)
class ImageData:
    """An image file's bytes with its pixel size."""

    data: bytes = field(repr=False)
    format: str   # "png" | "jpeg"
    width: int
    height: int
    name: str     # the file as shown to users


@dataclass(frozen=True)
class FontSet:
    """The four TrueType faces of a family, as bytes."""

    regular: bytes = field(repr=False)
    bold: bytes = field(repr=False)
    italic: bytes = field(repr=False)
    bolditalic: bytes = field(repr=False)
    family: str = BUNDLED_FAMILY

    def face(self, style: str) -> bytes:
        return getattr(self, style)

    @cached_property
    def digest(self) -> str:
        """A short digest of the four faces: names fonts uniquely per process."""
        h = hashlib.sha256()
        for style in STYLES:
            data = self.face(style)
            h.update(len(data).to_bytes(8, "big"))
            h.update(data)
        return h.hexdigest()[:16]

    @property
    def fake_bold(self) -> bool:
        """The bold face is the regular one: renderers embolden it (wider text)."""
        return self.bold is self.regular or self.bold == self.regular

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other) -> bool:
        return isinstance(other, FontSet) and (self is other or (
            self.family == other.family and self.digest == other.digest))


@dataclass(frozen=True)
class Theme:
    """Deck colours (six hex digits), font names and a logo."""

    background: str = "FFFFFF"
    title: str = "1B3A5C"        # deep blue: strong on screen, dark grey in print
    text: str = "222222"
    accent: str = "D0562B"       # the bar under titles
    muted: str = "5F6368"        # second language, captions
    table_header: str = "E8EEF5"
    table_border: str = "8C96A0"
    title_font: str = BUNDLED_FAMILY
    body_font: str = BUNDLED_FAMILY
    logo: Optional[ImageData] = None
    source: Optional[str] = None  # the theme file as shown to users; None: the built-in theme
    number_place: str = "bottom-right"  # slide numbers: bottom-right | bottom-left | bottom-center
    text_max_pt: int = 36         # the largest body text on a slide (short content grows to it)

    def greyscale(self) -> "Theme":
        """The low-ink variant: greys only, no filled table headers."""
        def grey(hex_: str) -> str:
            r, g, b = (int(hex_[i:i + 2], 16) for i in (0, 2, 4))
            y = round(0.299 * r + 0.587 * g + 0.114 * b)
            return f"{y:02X}" * 3
        return replace(self, background="FFFFFF", title=grey(self.title), text=grey(self.text),
                       accent=grey(self.accent), muted=grey(self.muted),
                       table_header="FFFFFF", table_border=grey(self.table_border))


@dataclass(frozen=True)
class Template:
    """An organisation's .pptx template."""

    data: bytes = field(repr=False)
    name: str     # the file as shown to users


@dataclass(frozen=True, eq=False)
class Settings:
    theme: Theme
    fonts: FontSet                 # the bundled fonts, for PDFs
    deck_fonts: FontSet            # the theme's TTFs measuring deck text, else the bundled ones
    template: Optional[Template] = None
    images: Mapping[Path, ImageData] = field(default_factory=dict)
    """Every image the curriculum shows, keyed by the resolved paths of Image.src."""
    icons: Mapping[str, str] = field(default_factory=dict)
    """The SVG text of every shipped icon the curriculum's slides name, by icon name."""
