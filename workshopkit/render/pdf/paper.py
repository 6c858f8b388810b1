"""Paper, margins and ink: the page geometry and colours every printed PDF shares.

Print options (:class:`workshopkit.model.options.Options`):

* ``paper``: ``letter`` or ``a4``, exact sizes.
* ``ink == "low"``: greys only and no filled backgrounds (cheap black-and-white printers).
* ``booklet``: pages are laid out at half size (A5, or 5.5 x 8.5 in) and imposed
  2-up, unscaled, onto landscape sheets in saddle-stitch order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from reportlab.lib import colors

from workshopkit.model.options import Options

PAPER: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.276, 841.89),
}
"""Paper sizes in points, portrait (width, height)."""

FOOTER_PT = 8.0
FOOTER_LARGE_PT = 12.0
"""The footer is the only text below 16 pt in large print (a page reference, not content)."""


def sheet_size(options: Options) -> tuple[float, float]:
    """The physical paper, portrait."""
    return PAPER.get(options.paper, PAPER["letter"])


def page_size(options: Options) -> tuple[float, float]:
    """The page to lay out on: the paper, or half of it (portrait) for a booklet."""
    w, h = sheet_size(options)
    if options.booklet:
        return (h / 2, w)
    return (w, h)


def landscape(size: tuple[float, float]) -> tuple[float, float]:
    w, h = size
    return (max(w, h), min(w, h))


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
