"""The participant handout (``<id>-<lang>-handout.pdf``): the slides with room for notes.

Three slides a page on the left (two in large print), each drawn small from the
deck's plan by the same function that draws ``slides.pdf``, with ruled lines to
write on at its right.  Letter or A4, booklet and low ink like every printed PDF
(the shared page, footer and imposition of ``render/pdf/base.py``).  Speaker
notes are never printed: they are not part of a slide's drawing.
"""
from __future__ import annotations

from reportlab.platypus import Flowable

from workshopkit.model import Curriculum
from workshopkit.model.options import Options
from workshopkit.model.settings import Settings
from workshopkit.plan.slides import PlannedSlide
from workshopkit.render.pdf import base as pb
from workshopkit.render.pdf.base import words
from workshopkit.render.pdf.slidedraw import Look, draw
from workshopkit.render.pdf.slides import deck_and_look

GAP = 10.0
"""Points between the slide and its lines, and below each row."""
SHARE = {False: 0.58, True: 0.66}
"""Most of the width a slide may take (normal, large print)."""


def per_page(options: Options) -> int:
    return 2 if options.large_print else 3


class SlideRow(Flowable):
    """One slide, scaled to fit its row, with writing lines beside it."""

    def __init__(self, slide: PlannedSlide, look: Look, height: float, line_gap: float,
                 pal: pb.Palette):
        super().__init__()
        self.slide, self.look, self.height, self.line_gap, self.pal = \
            slide, look, height, line_gap, pal

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.height

    def draw(self) -> None:
        c, look = self.canv, self.look
        room_h = self.height - GAP
        k = min(room_h / look.height, self.width * SHARE[self.line_gap > 25] / look.width)
        sw, sh = look.width * k, look.height * k
        top = self.height
        c.saveState()
        c.translate(0, top - sh)
        c.scale(k, k)
        draw(c, self.slide, look)
        c.restoreState()
        c.setStrokeColor(self.pal.border)
        c.setLineWidth(0.6)
        c.rect(0, top - sh, sw, sh, stroke=1, fill=0)
        c.setStrokeColor(self.pal.rule)
        left = sw + GAP * 1.5
        y = top - self.line_gap
        while y >= GAP:
            c.line(left, y, self.width, y)
            y -= self.line_gap


def story(deck, look: Look, options: Options) -> list:
    n = per_page(options)
    row = int(pb.frame_height(options) / n * 100) / 100 - 0.01
    gap = 31.0 if options.large_print else 23.0
    pal = pb.palette(options)
    return [SlideRow(s, look, row, gap, pal) for s in deck.slides]


def write(cur: Curriculum, settings: Settings, languages: tuple[str, ...],
          options: Options) -> bytes:
    deck, look = deck_and_look(cur, settings, languages, options)
    faces = pb.register(settings.fonts)
    return pb.render(story(deck, look, options), cur=cur, languages=languages,
                     options=options, faces=faces, kind_title=words("Slide handout", languages))
