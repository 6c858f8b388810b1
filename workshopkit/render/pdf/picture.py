"""Images on printed pages: scaled to fit, grey in low ink, with their caption and credit.

A worksheet image (a map, a phone screenshot) is drawn no wider than the frame,
no taller than :data:`MAX_HEIGHT` of it, and never larger than its pixels at
:data:`DPI`, so a small image is not blown up into a blur.  Its alt text is
printed beneath it as its caption (on paper there is no other place for it, and
it names what the group is looking at), then the credit line the slides print,
``Image: credit · licence``; image, caption and credit stay on one page.
"""
from __future__ import annotations

import io
from functools import lru_cache

from reportlab.platypus import Image as Picture
from reportlab.platypus import Spacer

from workshopkit.i18n import ui
from workshopkit.model import Image
from workshopkit.model.settings import ImageData
from workshopkit.plan.markup import plain
from workshopkit.render.pdf import base as pb

MAX_HEIGHT = 0.45
"""The tallest an image is drawn, as a share of the frame height."""

DPI = 96
"""Pixels per inch an image is never drawn larger than."""


@lru_cache(maxsize=32)
def greyscale(img: ImageData) -> bytes:
    """The image in greys, in its own format (transparency kept): for low-ink printing."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(img.data)) as im:
        alpha = "A" in im.getbands() or "transparency" in im.info
        grey = im.convert("LA" if alpha and img.format == "png" else "L")
        out = io.BytesIO()
        grey.save(out, "PNG" if img.format == "png" else "JPEG", quality=92)
    return out.getvalue()


def fit(img: ImageData, width: float, height: float) -> tuple[float, float]:
    """The drawn size of ``img`` in points, within ``width`` × ``height``."""
    scale = min(width / img.width, height / img.height, 72 / DPI)
    return img.width * scale, img.height * scale


def credit_lines(img: Image, languages: tuple[str, ...]) -> list[str]:
    """``Image: credit · licence`` in each language, once when they are the same."""
    out: list[str] = []
    for lang in languages:
        parts = [plain(t.get(lang)) for t in (img.credit, img.license) if t is not None]
        line = ui(lang)("Image: {credit}").format(credit=" · ".join(parts)) if parts else ""
        if line and line not in out:
            out.append(line)
    return out


def figure(ctx, img: Image, data: ImageData, frame_height: float) -> list:
    """The image, its caption (the alt text) and its credit, kept together."""
    w, h = fit(data, ctx.width, frame_height * MAX_HEIGHT)
    raw = greyscale(data) if ctx.options.ink == "low" else data.data
    pic = Picture(io.BytesIO(raw), width=w, height=h, hAlign="LEFT")
    flows = [pic, Spacer(1, 3)] + ctx.t(img.alt, "small", "second")
    flows += [pb.para(s, ctx.st["cell2"]) for s in credit_lines(img, ctx.languages)]
    return [pb.Together(flows)]
