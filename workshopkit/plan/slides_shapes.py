"""Shapes on a slide as the deck plan gives them to writers: boxes in EMU holding
measured text, a picture or QR code, a table, an accent bar or an icon."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from workshopkit.model.settings import ImageData
from workshopkit.plan.slides_text import Para, height


@dataclass
class Box:
    x: int
    y: int
    w: int
    h: int

    def inside(self, width: int, height_: int) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and \
            self.y + self.h <= height_


@dataclass
class TextBox(Box):
    paras: list[Para] = field(default_factory=list)
    anchor: str = "t"       # t | ctr | b
    title: bool = False     # the slide's title placeholder
    role: str = "body"      # body | number | caption (the last two may be small)

    @property
    def measured(self) -> int:
        """EMU the text needs (insets included); never more than ``h``."""
        return height(self.paras)


@dataclass
class Picture(Box):
    descr: str = ""
    image: Optional[ImageData] = None  # an image ...
    qr: Optional[str] = None      # ... or a URL drawn as a QR code


@dataclass
class TableBox(Box):
    cols: list[int] = field(default_factory=list)
    rows: list[list[list[Para]]] = field(default_factory=list)  # row -> cell -> paras
    row_heights: list[int] = field(default_factory=list)
    header: bool = True

    @property
    def measured(self) -> int:
        return sum(self.row_heights)


@dataclass
class Bar(Box):
    role: str = "accent"


@dataclass
class Glyph(Box):
    """A shipped icon (``icon:``): its outline, stroked in the theme's accent colour."""

    segs: tuple = ()
    descr: str = ""


Shape = Union[TextBox, Picture, TableBox, Bar, Glyph]
